import BylineKafka
import Foundation
import Synchronization

/// Reads topics from the beginning, in a group of its own, until a condition on what it
/// read holds: how the demo, the pipeline benchmark and the tests see a worker's output.
public final class TopicCollector: Sendable {
    /// Everything read so far, by topic, in arrival order.
    public struct Records: Sendable {
        public fileprivate(set) var byTopic: [String: [KafkaMessage]] = [:]
        private var keysByTopic: [String: Set<String>] = [:]
        /// When the first and the latest message arrived.
        public fileprivate(set) var firstArrival: ContinuousClock.Instant?
        public fileprivate(set) var lastArrival: ContinuousClock.Instant?

        public func messages(_ topic: String) -> [KafkaMessage] { byTopic[topic] ?? [] }

        /// The distinct keys of a topic's messages, as text.
        public func keys(_ topic: String) -> Set<String> { keysByTopic[topic] ?? [] }

        fileprivate mutating func append(_ message: KafkaMessage, at time: ContinuousClock.Instant) {
            if firstArrival == nil { firstArrival = time }
            lastArrival = time
            byTopic[message.topic, default: []].append(message)
            if let key = message.keyText { keysByTopic[message.topic, default: []].insert(key) }
        }
    }

    private let consumer: KafkaConsumer
    /// Kept across `collect` calls: each call goes on from what earlier ones read.
    private let collected = SharedRecords()

    public init(brokers: String, topics: [String], sessionTimeout: Duration = .seconds(6)) throws(KafkaError) {
        var configuration = KafkaConsumerConfiguration(
            kafka: KafkaConfiguration(bootstrapServers: brokers, clientID: "byline-collector"),
            groupID: "byline-collector-\(UUID().uuidString)"
        )
        configuration.sessionTimeout = sessionTimeout
        consumer = try KafkaConsumer(configuration: configuration)
        try consumer.subscribe(topics: topics)
    }

    /// Reads until `done` holds for everything read so far (checked after each message), or throws
    /// `TopicCollectorTimeout` with what was read when `timeout` passes first.
    public func collect(timeout: Duration, until done: @escaping @Sendable (Records) -> Bool) async throws -> Records {
        let finished = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { [consumer, collected] in
                if collected.records.withLock({ done($0) }) { return true }
                for try await message in consumer.messages {
                    let now = ContinuousClock.now
                    let complete = collected.records.withLock { records in
                        records.append(message, at: now)
                        return done(records)
                    }
                    if complete { return true }
                }
                return false
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        let records = collected.records.withLock { $0 }
        guard finished else { throw TopicCollectorTimeout(timeout: timeout, records: records) }
        return records
    }

    public func close() async { await consumer.close() }
}

private final class SharedRecords: Sendable {
    let records = Mutex(TopicCollector.Records())
}

public struct TopicCollectorTimeout: Error, CustomStringConvertible {
    public let timeout: Duration
    /// What did arrive.
    public let records: TopicCollector.Records
    public var description: String { "the expected records did not all arrive within \(timeout)" }
}
