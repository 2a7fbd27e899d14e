import BylineKafka
import Logging

/// A producer as publishing needs it: queue a record, then await its delivery outcome.
protocol RecordProducer: Sendable {
    associatedtype Delivery: RecordDelivery
    /// Queues the record; throws when the producer refuses it at once.
    func enqueue(_ message: KafkaProducerMessage) async throws(KafkaError) -> Delivery
}

/// One queued record's delivery.
protocol RecordDelivery: Sendable {
    /// The broker's verdict, or nil as soon as the waiting task is cancelled.
    func outcome() async -> Result<KafkaDeliveryReport, KafkaError>?
}

extension KafkaProducer: RecordProducer {}
extension KafkaPendingDelivery: RecordDelivery {}

/// Publishes an article's records and waits for every acknowledgement, retrying while the
/// brokers are unreachable or refuse for now. When the brokers refuse records for good it
/// falls back: a refused output dead-letters its input (`output_rejected`); a refused
/// dead letter publishes the input's position alone (`dead_letter_rejected`).
struct RecordPublisher<Producer: RecordProducer>: Sendable {
    let producer: Producer
    let records: ArticleRecords
    let retryBackoff: Duration
    let health: WorkerHealth
    let metrics: WorkerMetrics
    let logger: Logger
    let warnings: LogRateLimiter
    /// Told of a fatal error, which no retry can cure: the worker then stops.
    let clientFailure: ClientFailure

    private enum Attempt {
        case delivered([KafkaDeliveryReport])
        /// The broker refuses these records for good; sending them again cannot help.
        case rejected(KafkaError)
        /// Cancelled, or the producer failed for good: the input stays uncommitted.
        case cancelled
    }

    /// Publishes `article` for `input`; returns what was delivered in the end (the article's
    /// own kind, or the dead letter that replaced it), or nil when cancelled first or the
    /// producer failed for good.
    func publish(_ article: ProcessedArticle, for input: KafkaMessage) async -> ProcessedArticle.Kind? {
        var kind = article.kind
        var attempt = await publishRetrying(article.records)
        if case .rejected(let error) = attempt, let first = article.records.first, !records.isDeadLetter(first) {
            // The broker will never take this output (too large, say): keep the input instead.
            kind = .deadLettered(.outputRejected, explanation: error.description)
            attempt = await publishRetrying([records.deadLetter(input, reason: .outputRejected, explanation: error.description)])
        }
        if case .rejected(let error) = attempt {
            // Even the input's bytes are refused: record where it is, so nothing vanishes unseen.
            logger.error("dead-letter record refused; publishing its position only", metadata: ["error": "\(error)"])
            kind = .deadLettered(.deadLetterRejected, explanation: error.description)
            attempt = await publishRetrying([records.positionMarker(input, explanation: error.description)])
        }
        guard case .delivered(let reports) = attempt else { return nil }
        // Traces an input to where its records landed, to follow one record through faults.
        logger.trace(
            "records delivered",
            metadata: [
                "input": "\(input.partition)/\(input.offset)",
                "stored": "\(reports.map { "\($0.topic)/\($0.partition)/\($0.offset)" }.joined(separator: ","))",
            ])
        return kind
    }

    /// Publishes the batch until every record is acknowledged, retrying while the brokers
    /// are unreachable or refuse for now; meanwhile the worker reports not ready.
    private func publishRetrying(_ batch: [KafkaProducerMessage]) async -> Attempt {
        while !Task.isCancelled {
            var failure: KafkaError?
            var reports: [KafkaDeliveryReport] = []
            do throws(KafkaError) {
                // All queued before any is awaited: they travel in the same round trips.
                var pending: [Producer.Delivery] = []
                pending.reserveCapacity(batch.count)
                for record in batch { pending.append(try await producer.enqueue(record)) }
                for delivery in pending {
                    guard let outcome = await delivery.outcome() else { return .cancelled }
                    switch outcome {
                    case .success(let report): reports.append(report)
                    case .failure(let error): failure = error
                    }
                }
            } catch {
                failure = error
            }
            guard let failure else {
                health.publishingWorks()
                return .delivered(reports)
            }
            metrics.publishFailures.increment()
            if failure.code.rejectsMessage { return .rejected(failure) }
            if failure.isFatal {
                clientFailure.record(failure)
                return .cancelled
            }
            health.publishingFails(failure.description)
            if let suppressed = warnings.admit("publish \(failure.code.name)") {
                logger.warning("publishing failed; retrying", metadata: ["error": "\(failure)", "suppressed": "\(suppressed)"])
            }
            try? await Task.sleep(for: retryBackoff)
        }
        return .cancelled
    }
}
