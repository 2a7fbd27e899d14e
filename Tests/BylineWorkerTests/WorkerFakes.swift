import BylineKafka
@testable import BylineWorker
import Logging
import Prometheus
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

    init(refusing: Bool = false) { self.refusing = refusing }

    var committed: [[KafkaTopicPartitionOffset]] { commits.withLock { $0 } }

    func commit(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) async throws(KafkaError) {
        try commitNow(offsets, timeout: timeout)
    }

    func commitNow(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) throws(KafkaError) {
        if refusing { throw KafkaError(code: .coordinatorNotAvailable, message: "no coordinator (fake)") }
        commits.withLock { $0.append(offsets) }
    }
}

/// Worker metrics into a registry of their own, readable as Prometheus text.
struct TestMetrics {
    let registry = PrometheusCollectorRegistry()
    let metrics: WorkerMetrics

    init() { metrics = WorkerMetrics(factory: PrometheusMetricsFactory(registry: registry)) }

    func value(_ name: String, labels: String? = nil) -> Double {
        metricValue(String(decoding: registry.emitToBuffer(), as: UTF8.self), name, labels: labels)
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

/// Counts log lines by level and message, for tests of how much a worker writes.
final class LogCounts: Sendable {
    private let counts = Mutex<[Logger.Level: Int]>([:])
    private let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])

    func count(_ level: Logger.Level) -> Int { counts.withLock { $0[level] ?? 0 } }
    var messages: [String] { lines.withLock { $0.map(\.message) } }
    /// The metadata of each line with this message, in order.
    func metadata(of message: String) -> [Logger.Metadata] { lines.withLock { $0.filter { $0.message == message }.map(\.metadata) } }

    fileprivate func record(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
        counts.withLock { $0[level, default: 0] += 1 }
        lines.withLock { $0.append((message, metadata)) }
    }

    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { _ in Handler(counts: self) }
        logger.logLevel = .info
        return logger
    }

    private struct Handler: LogHandler {
        let counts: LogCounts
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            counts.record(event.level, "\(event.message)", metadata.merging(event.metadata ?? [:]) { $1 })
        }
    }
}
