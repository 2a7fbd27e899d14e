import BylineEnrichment
import BylineKafka

/// What one input message becomes, before anything is published.
struct ProcessedArticle: Sendable {
    enum Kind: Sendable, Equatable {
        case enriched(quoteCount: Int)
        case forwarded
        case deadLettered(DeadLetterReason, explanation: String)
    }

    var kind: Kind
    /// In publishing order: the enriched record first, then its quotes; or the one dead letter.
    var records: [KafkaProducerMessage]
    /// How long enrichment took; nil when nothing was enriched.
    var enrichmentDuration: Duration?
}

/// Turns a consumed message into the records to publish: decodes and enriches it within
/// the enrichment timeout, or explains in a dead letter why it cannot be. Knows no Kafka
/// client, so it is tested with plain messages.
struct ArticleProcessor: Sendable {
    let records: ArticleRecords
    private let enricher: ArticleEnricher
    private let processing: WorkerConfiguration.Processing
    private let enrichmentTimeout: Duration

    init(configuration: WorkerConfiguration) {
        records = ArticleRecords(configuration)
        enricher = ArticleEnricher(limits: EnrichmentLimits(maximumInputBytes: configuration.maxInputBytes))
        processing = configuration.processing
        enrichmentTimeout = configuration.enrichmentTimeout
    }

    /// nil when the task was cancelled (the worker is stopping): the message is left
    /// uncommitted for the group to read again, rather than dead-lettered as timed out.
    func process(_ message: KafkaMessage) async -> ProcessedArticle? {
        guard case .enrich = processing else {
            return ProcessedArticle(kind: .forwarded, records: [records.forwarded(message)])
        }
        let started = ContinuousClock.now
        let result = await enrichWithinTimeout(message.value)
        if Task.isCancelled { return nil }
        let took = ContinuousClock.now - started
        switch result {
        case .success(let article):
            let output = records.enriched(article, source: message)
            return ProcessedArticle(kind: .enriched(quoteCount: output.count - 1), records: output, enrichmentDuration: took)
        case .failure(let error):
            let reason = DeadLetterReason(error.code)
            let deadLetter = records.deadLetter(message, reason: reason, explanation: error.message)
            return ProcessedArticle(kind: .deadLettered(reason, explanation: error.message), records: [deadLetter], enrichmentDuration: took)
        }
    }

    /// The deadline is read inside the enrichment's loops, so an article over its time
    /// frees its thread within about a sentence's work, however long its text.
    private func enrichWithinTimeout(_ bytes: [UInt8]) async -> Result<EnrichedArticle, ArticleError> {
        do throws(ArticleError) {
            return .success(try await enricher.enrich(record: bytes, deadline: .after(enrichmentTimeout)))
        } catch  where error.code == .timedOut {
            return .failure(ArticleError(.timedOut, "enrichment took longer than \(enrichmentTimeout)"))
        } catch {
            return .failure(error)
        }
    }
}
