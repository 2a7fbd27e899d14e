import BylineKafka
@testable import BylineWorker
import InMemoryLogging
import Logging
import MetricsTestKit
import Synchronization

/// A producer that delivers at once, or refuses what `refusal` returns an error for;
/// it remembers every record it was given, in order.
final class FakeProducer: RecordProducer {
    struct Delivery: RecordDelivery {
        let result: Result<KafkaDeliveryReport, KafkaError>
        func outcome() async -> Result<KafkaDeliveryReport, KafkaError>? { result }
    }

    private let refusal: @Sendable (KafkaProducerMessage, _ attempt: Int) -> KafkaError?
    private let enqueued = Mutex<[KafkaProducerMessage]>([])

    /// - Parameter refusal: the error for a record, given how many records went before it.
    init(refusal: @escaping @Sendable (KafkaProducerMessage, _ attempt: Int) -> KafkaError? = { _, _ in nil }) {
        self.refusal = refusal
    }

    var records: [KafkaProducerMessage] { enqueued.withLock { $0 } }

    func enqueue(_ message: KafkaProducerMessage) async throws(KafkaError) -> Delivery {
        let attempt = enqueued.withLock { records in
            records.append(message)
            return records.count - 1
        }
        if let error = refusal(message, attempt) { return Delivery(result: .failure(error)) }
        return Delivery(result: .success(KafkaDeliveryReport(topic: message.topic, partition: 0, offset: Int64(attempt))))
    }
}

/// A consumer's committing side that records each commit, and can refuse them all.
final class FakeCommitter: OffsetCommitting {
    private let commits = Mutex<[[KafkaTopicPartitionOffset]]>([])
    private let refusing: Bool
    /// What `committedOffsets` answers: the group's committed offsets before this member.
    private let committedBefore: [KafkaTopicPartition: Int64]
    private let questions = Mutex<[[KafkaTopicPartition]]>([])

    init(refusing: Bool = false, committedBefore: [KafkaTopicPartition: Int64] = [:]) {
        self.refusing = refusing
        self.committedBefore = committedBefore
    }

    /// The partitions each `committedOffsets` call asked for.
    var askedForCommittedOffsets: [[KafkaTopicPartition]] { questions.withLock { $0 } }

    var committed: [[KafkaTopicPartitionOffset]] { commits.withLock { $0 } }

    func commit(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) async throws(KafkaError) {
        try commitNow(offsets, timeout: timeout)
    }

    func commitNow(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) throws(KafkaError) {
        if refusing { throw KafkaError(code: .coordinatorNotAvailable, message: "no coordinator (fake)") }
        commits.withLock { $0.append(offsets) }
    }

    func committedOffsets(for partitions: [KafkaTopicPartition], timeout: Duration) async throws(KafkaError) -> [KafkaTopicPartition: Int64] {
        questions.withLock { $0.append(partitions) }
        if refusing { throw KafkaError(code: .coordinatorNotAvailable, message: "no coordinator (fake)") }
        return committedBefore.filter { partitions.contains($0.key) }
    }
}

/// Worker metrics recorded by swift-metrics' test kit.
struct RecordedMetrics {
    let recorded = MetricsTestKit.TestMetrics()
    let metrics: WorkerMetrics

    init() { metrics = WorkerMetrics(factory: recorded) }

    /// A counter's total: 0 while it was never incremented.
    func counter(_ label: String, _ dimensions: [(String, String)] = []) -> Int64 {
        (try? recorded.expectCounter(label, dimensions))?.totalValue ?? 0
    }
}

/// A message as the consumer would deliver it, from the articles topic.
func inputMessage(_ value: [UInt8], partition: Int32 = 0, offset: Int64 = 7, key: String = "article-1") -> KafkaMessage {
    KafkaMessage(
        topic: "articles.raw", partition: partition, offset: offset, key: Array(key.utf8), value: value,
        headers: [KafkaHeader(key: "origin", text: "scraper-3")]
    )
}

let quietLogger = Logger(label: "byline.test.parts", factory: { _ in SwiftLogNoOpLogHandler() })

/// A worker's log lines, kept by swift-log's in-memory handler, for tests of what it writes.
struct CapturedLogs {
    private let handler = InMemoryLogHandler()

    func count(_ level: Logger.Level) -> Int { handler.entries.count { $0.level == level } }
    var messages: [String] { handler.entries.map { "\($0.message)" } }
    /// The metadata of each line with this message, in order.
    func metadata(of message: String) -> [Logger.Metadata] { handler.entries.filter { "\($0.message)" == message }.map(\.metadata) }

    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { [handler] _ in handler }
        logger.logLevel = .info
        return logger
    }
}
