import BylineKafka
import CRdKafka
import Synchronization

/// Kafka protocol request types, for fault injection.
public enum KafkaAPIKey: Int16, Sendable, CaseIterable {
    case produce = 0, fetch = 1, listOffsets = 2, metadata = 3
    case offsetCommit = 8, offsetFetch = 9, findCoordinator = 10
    case joinGroup = 11, heartbeat = 12, leaveGroup = 13, syncGroup = 14
    case initProducerID = 22
}

/// An embedded Kafka cluster for development and tests: librdkafka's mock cluster,
/// serving the real Kafka protocol on loopback TCP ports, so any client (kcat, another
/// process) can use it. Topics are created here (the mock has no CreateTopics API);
/// unknown topics are created on first use with 4 partitions.
///
/// Mind its limits: it keeps at most 5 MiB per partition and drops older messages, and
/// it refuses commits while a group rebalances. Producers writing to it need
/// `producerProperties`.
public final class DevCluster: Sendable {
    /// What a producer must set to lose nothing here. librdkafka 2.0.2's mock checks no
    /// sequence numbers of an idempotent producer, and that producer takes a later batch's
    /// success as proof that an earlier, refused one was stored ("implicitly acked"): when
    /// produce requests fail, records reported delivered can be missing (4 of 1,130 under
    /// repeated NOT_LEADER errors). A real broker refuses the later batch instead. Plain
    /// retries lose nothing; they may write a record twice.
    public static let producerProperties = ["enable.idempotence": "false"]

    // The mock cluster lives inside a client handle of its own; both are destroyed together.
    private nonisolated(unsafe) let host: OpaquePointer
    private nonisolated(unsafe) let cluster: OpaquePointer
    private let isShutDown = Mutex(false)

    public let brokerCount: Int
    /// `host:port,host:port,...` for `bootstrap.servers`.
    public let bootstrapServers: String

    public init(brokers: Int = 3) throws(KafkaError) {
        guard brokers >= 1 else { throw KafkaError.configuration("a dev cluster needs at least one broker") }
        let conf = try makeNativeConfiguration(["log_level": "3"])
        host = try makeClientHandle(type: RD_KAFKA_PRODUCER, conf: conf)
        guard let cluster = rd_kafka_mock_cluster_new(host, Int32(brokers)) else {
            rd_kafka_destroy(host)
            throw KafkaError(code: .state, message: "could not start the mock cluster")
        }
        self.cluster = cluster
        brokerCount = brokers
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit { shutdown() }

    /// Broker ids run from 1 to `brokerCount`.
    public var brokerIDs: ClosedRange<Int32> { 1...Int32(brokerCount) }

    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        guard partitions >= 1, replicationFactor >= 1, replicationFactor <= brokerCount else {
            throw KafkaError.configuration("topic \(name): needs 1+ partitions and 1...\(brokerCount) replicas")
        }
        try live { cluster throws(KafkaError) in try throwIfError(rd_kafka_mock_topic_create(cluster, name, Int32(partitions), Int32(replicationFactor)), "create topic \(name)") }
    }

    /// Stops a broker answering: its connections drop and new ones are refused.
    public func setBrokerDown(_ broker: Int32) throws(KafkaError) {
        try live { cluster throws(KafkaError) in try throwIfError(rd_kafka_mock_broker_set_down(cluster, broker), "take broker \(broker) down") }
    }

    public func setBrokerUp(_ broker: Int32) throws(KafkaError) {
        try live { cluster throws(KafkaError) in try throwIfError(rd_kafka_mock_broker_set_up(cluster, broker), "bring broker \(broker) up") }
    }

    /// Delays every answer of a broker.
    public func setBrokerRoundTripTime(_ broker: Int32, milliseconds: Int) throws(KafkaError) {
        try live { cluster throws(KafkaError) in try throwIfError(rd_kafka_mock_broker_set_rtt(cluster, broker, Int32(milliseconds)), "set broker \(broker) RTT") }
    }

    public func setPartitionLeader(topic: String, partition: Int32, broker: Int32) throws(KafkaError) {
        try live { cluster throws(KafkaError) in try throwIfError(rd_kafka_mock_partition_set_leader(cluster, topic, partition, broker), "move \(topic)[\(partition)] to broker \(broker)") }
    }

    /// The next requests of this type, on any broker, fail with these errors in order.
    public func injectRequestErrors(_ api: KafkaAPIKey, _ errors: [KafkaErrorCode]) {
        let native = errors.map(\.native)
        try? live { cluster in
            native.withUnsafeBufferPointer { buffer in
                rd_kafka_mock_push_request_errors_array(cluster, api.rawValue, buffer.count, buffer.baseAddress)
            }
        }
    }

    /// Makes the brokers answer every request about `topic` with `error`, e.g.
    /// `.unknownTopicOrPartition` to stand for a topic that does not exist.
    public func failTopic(_ topic: String, with error: KafkaErrorCode) {
        try? live { cluster in rd_kafka_mock_topic_set_error(cluster, topic, error.native) }
    }

    public func clearRequestErrors(_ api: KafkaAPIKey) {
        try? live { cluster in rd_kafka_mock_clear_request_errors(cluster, api.rawValue) }
    }

    /// Runs `body` on the native cluster while it exists; after `shutdown()` the cluster's
    /// memory is gone, so every call is refused instead. The calls are quick, local ones.
    private func live<T>(_ body: (OpaquePointer) throws(KafkaError) -> T) throws(KafkaError) -> T {
        try isShutDown.withLock { done throws(KafkaError) -> T in
            guard !done else { throw KafkaError(code: .state, message: "the dev cluster is shut down") }
            return try body(cluster)
        }
    }

    /// Stops the brokers. Safe to call more than once; fault injection after it does nothing,
    /// and the other calls throw.
    public func shutdown() {
        isShutDown.withLock { done in
            guard !done else { return }
            done = true
            rd_kafka_mock_cluster_destroy(cluster)
            rd_kafka_destroy(host)
        }
    }
}
