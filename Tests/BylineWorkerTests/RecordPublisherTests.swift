import BylineKafka
import Synchronization
@testable import BylineWorker
import Testing

@Suite struct RecordPublisherTests {
    let input = inputMessage(Array(#"{"id": "article-1", "text": "The council met."}"#.utf8))
    let records = ArticleRecords(WorkerConfiguration(brokers: "unused:9092"))

    func publisher(_ producer: FakeProducer, metrics: RecordedMetrics, health: WorkerHealth = WorkerHealth(), clientFailure: ClientFailure = ClientFailure()) -> RecordPublisher<FakeProducer> {
        RecordPublisher(
            producer: producer, records: records, retryBackoff: .milliseconds(1), health: health, metrics: metrics.metrics,
            logger: quietLogger, warnings: LogRateLimiter(), clientFailure: clientFailure
        )
    }

    var enrichedArticle: ProcessedArticle {
        let output = KafkaProducerMessage(topic: records.outputTopic, key: input.key, value: Array(repeating: 0x41, count: 64))
        return ProcessedArticle(kind: .enriched(quoteCount: 0), records: [output])
    }

    static let tooLarge = KafkaError(code: .messageSizeTooLarge, message: "too large (fake)")

    @Test func aRefusedOutputDeadLettersTheInputAsOutputRejected() async throws {
        let producer = FakeProducer { record, _ in record.topic == "articles.enriched" ? Self.tooLarge : nil }
        let delivered = await publisher(producer, metrics: RecordedMetrics()).publish(enrichedArticle, for: input)
        guard case .deadLettered(.outputRejected, _)? = delivered else { Issue.record("\(String(describing: delivered))"); return }
        #expect(producer.records.map(\.topic) == ["articles.enriched", "articles.raw.dlq"])
        let deadLetter = producer.records[1]
        #expect(deadLetter.value == input.value, "the input's bytes are kept")
        #expect(deadLetter.headers.contains(KafkaHeader(key: RecordHeader.errorCode, text: "output_rejected")))
    }

    @Test func aRefusedDeadLetterPublishesThePositionOnly() async throws {
        // Refuses the output, then the dead letter with the input's bytes; takes the empty marker.
        let producer = FakeProducer { record, _ in record.value.isEmpty ? nil : Self.tooLarge }
        let metrics = RecordedMetrics()
        let delivered = await publisher(producer, metrics: metrics).publish(enrichedArticle, for: input)
        guard case .deadLettered(.deadLetterRejected, _)? = delivered else { Issue.record("\(String(describing: delivered))"); return }
        #expect(producer.records.map(\.topic) == ["articles.enriched", "articles.raw.dlq", "articles.raw.dlq"])
        let marker = producer.records[2]
        #expect(marker.value.isEmpty && marker.key == input.key)
        #expect(marker.headers.contains(KafkaHeader(key: RecordHeader.errorCode, text: "dead_letter_rejected")))
        #expect(marker.headers.contains(KafkaHeader(key: RecordHeader.sourcePartition, text: "0")))
        #expect(marker.headers.contains(KafkaHeader(key: RecordHeader.sourceOffset, text: "7")))
        #expect(metrics.counter("byline_publish_failures_total") == 2)
    }

    @Test func aRefusedDeadLetterOfBadInputGoesStraightToThePositionMarker() async throws {
        let producer = FakeProducer { record, _ in record.value.isEmpty ? nil : Self.tooLarge }
        let deadLetter = records.deadLetter(input, reason: .input(.invalidJSON), explanation: "cut off")
        let article = ProcessedArticle(kind: .deadLettered(.input(.invalidJSON), explanation: "cut off"), records: [deadLetter])
        let delivered = await publisher(producer, metrics: RecordedMetrics()).publish(article, for: input)
        guard case .deadLettered(.deadLetterRejected, _)? = delivered else { Issue.record("\(String(describing: delivered))"); return }
        #expect(producer.records.count == 2, "no output_rejected step for a dead letter")
    }

    @Test func passingFailuresAreRetriedAndMakeTheWorkerUnreadyMeanwhile() async throws {
        let health = WorkerHealth()
        health.enter(.running)
        health.joinedGroup()
        let sawUnready = Atomic(false)
        let producer = FakeProducer { _, attempt in
            if attempt > 0, !health.isReady { sawUnready.store(true, ordering: .relaxed) }
            return attempt < 3 ? KafkaError(code: .messageTimedOut, message: "timed out (fake)") : nil
        }
        let metrics = RecordedMetrics()
        let delivered = await publisher(producer, metrics: metrics, health: health).publish(enrichedArticle, for: input)
        #expect(delivered == .enriched(quoteCount: 0))
        #expect(producer.records.count == 4 && producer.records.allSatisfy { $0.topic == "articles.enriched" })
        #expect(metrics.counter("byline_publish_failures_total") == 3)
        let unreadyWhileRetrying = sawUnready.load(ordering: .relaxed)
        #expect(unreadyWhileRetrying, "publishing problems are reported while retrying")
        #expect(health.isReady, "and cleared by the delivery")
    }

    @Test func aFatalErrorEndsTheRetriesAndIsReportedAsTheClientsFailure() async throws {
        let producer = FakeProducer { _, _ in KafkaError(code: .fatal, message: "fatal: out of order sequence number (fake)") }
        let clientFailure = ClientFailure()
        let delivered = await publisher(producer, metrics: RecordedMetrics(), clientFailure: clientFailure).publish(enrichedArticle, for: input)
        #expect(delivered == nil, "not delivered, so not committed")
        #expect(producer.records.count == 1, "a fatal error is not retried")
        #expect(clientFailure.error?.code == .fatal)
    }

    @Test func cancellingStopsTheRetries() async throws {
        let producer = FakeProducer { _, _ in KafkaError(code: .messageTimedOut, message: "timed out (fake)") }
        let publisher = publisher(producer, metrics: RecordedMetrics())
        let article = enrichedArticle, input = input
        let task = Task { await publisher.publish(article, for: input) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        #expect(await task.value == nil)
    }
}
