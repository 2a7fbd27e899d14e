import CRdKafka

/// Settings shared by every client. The typed fields cover what Byline needs;
/// `properties` passes any other librdkafka property through unchanged
/// (`security.protocol`, `sasl.*`, `ssl.*`, `compression.type`, ...) and wins over
/// the typed fields, so operators always have the last word. Each property reaches only
/// the clients it means something to (see `KafkaPropertyScope`).
public struct KafkaConfiguration: Sendable {
    public var bootstrapServers: String
    public var clientID: String
    /// How often librdkafka emits its statistics JSON; nil turns them off.
    public var statisticsInterval: Duration?
    public var properties: [String: String]

    public init(
        bootstrapServers: String,
        clientID: String = "byline",
        statisticsInterval: Duration? = nil,
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.statisticsInterval = statisticsInterval
        self.properties = properties
    }

    /// The passed-through properties a client of this kind understands: librdkafka warns
    /// at every start about a property of the other kind, and ignores it.
    func properties(for client: KafkaPropertyScope) -> [String: String] {
        properties.filter { KafkaPropertyScope(property: $0.key).applies(to: client) }
    }

    /// The properties this configuration sets, before a client's own defaults are added.
    var baseProperties: [String: String] {
        var result = ["bootstrap.servers": bootstrapServers, "client.id": clientID]
        if let statisticsInterval {
            result["statistics.interval.ms"] = String(statisticsInterval.milliseconds)
        }
        return result
    }
}

/// Producer settings: idempotent, acknowledged by all in-sync replicas, by default.
public struct KafkaProducerConfiguration: Sendable {
    public var kafka: KafkaConfiguration
    /// Exactly-once delivery per partition from this producer: no duplicates from retries.
    public var idempotence: Bool = true
    /// How long librdkafka keeps retrying a message before its delivery fails.
    public var messageTimeout: Duration = .seconds(30)
    public var linger: Duration = .milliseconds(5)
    /// Messages librdkafka may hold before `send` waits for room.
    public var queueCapacity: Int = 100_000

    public init(kafka: KafkaConfiguration) { self.kafka = kafka }

    var properties: [String: String] {
        var result = kafka.baseProperties
        result["enable.idempotence"] = idempotence ? "true" : "false"
        result["acks"] = "all"
        result["message.timeout.ms"] = String(messageTimeout.milliseconds)
        result["linger.ms"] = String(linger.milliseconds)
        result["queue.buffering.max.messages"] = String(queueCapacity)
        return result.merging(kafka.properties(for: .producer)) { _, passedThrough in passedThrough }
    }
}

/// Consumer settings: a group member that commits explicit offsets only.
public struct KafkaConsumerConfiguration: Sendable {
    public enum OffsetReset: String, Sendable { case earliest, latest }

    public var kafka: KafkaConfiguration
    public var groupID: String
    /// Where a partition with no committed offset starts.
    public var autoOffsetReset: OffsetReset = .earliest
    /// How long the group waits for a silent member before it rebalances.
    public var sessionTimeout: Duration = .seconds(10)
    /// Messages fetched ahead of the application; past this the consumer stops polling
    /// until the application catches up (see `ConsumerInbox`).
    public var bufferCapacity: Int = 2_000

    public init(kafka: KafkaConfiguration, groupID: String) {
        self.kafka = kafka
        self.groupID = groupID
    }

    var properties: [String: String] {
        var result = kafka.baseProperties
        result["group.id"] = groupID
        result["enable.auto.commit"] = "false"
        result["enable.auto.offset.store"] = "false"
        result["auto.offset.reset"] = autoOffsetReset.rawValue
        result["session.timeout.ms"] = String(sessionTimeout.milliseconds)
        result["heartbeat.interval.ms"] = String(max(100, sessionTimeout.milliseconds / 4))
        return result.merging(kafka.properties(for: .consumer)) { _, passedThrough in passedThrough }
    }
}

/// Which clients a librdkafka property means something to, as librdkafka's
/// CONFIGURATION.md marks it: C (consumer), P (producer) or * (both). Names not listed
/// here go to both, so a property this list does not know is never lost.
enum KafkaPropertyScope: Sendable, Equatable {
    case consumer, producer, both

    init(property name: String) {
        if Self.consumerProperties.contains(name) || Self.consumerPrefixes.contains(where: name.hasPrefix) {
            self = .consumer
        } else if Self.producerProperties.contains(name) || Self.producerPrefixes.contains(where: name.hasPrefix) {
            self = .producer
        } else {
            self = .both
        }
    }

    /// True when a client of kind `client` (`.consumer` or `.producer`) understands it.
    func applies(to client: KafkaPropertyScope) -> Bool { self == .both || self == client }

    static let consumerPrefixes = ["group.", "fetch.", "queued.", "offset.store.", "auto.commit."]
    static let consumerProperties: Set<String> = [
        "partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms",
        "coordinator.query.interval.ms", "max.poll.interval.ms", "enable.auto.commit",
        "enable.auto.offset.store", "max.partition.fetch.bytes", "isolation.level",
        "enable.partition.eof", "check.crcs", "auto.offset.reset", "consume.callback.max.messages",
        "consume_cb", "rebalance_cb", "offset_commit_cb",
    ]
    static let producerPrefixes = ["queue.buffering.", "compression.", "batch."]
    // retry.backoff.ms is P in librdkafka 2.0 but * from 2.3 on, so it goes to both.
    static let producerProperties: Set<String> = [
        "acks", "request.required.acks", "request.timeout.ms", "linger.ms", "message.timeout.ms",
        "delivery.timeout.ms", "enable.idempotence", "enable.gapless.guarantee", "retries",
        "message.send.max.retries", "transactional.id", "transaction.timeout.ms",
        "sticky.partitioning.linger.ms", "delivery.report.only.error", "queuing.strategy",
        "produce.offset.report", "partitioner", "partitioner_cb", "msg_order_cmp", "dr_cb", "dr_msg_cb",
    ]
}

/// Builds a native configuration; every refused property fails with librdkafka's message.
/// The caller owns the result until `rd_kafka_new` takes it.
package func makeNativeConfiguration(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
    let conf = rd_kafka_conf_new()!
    var errorText = [CChar](repeating: 0, count: 512)
    for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
        let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
        if result != RD_KAFKA_CONF_OK {
            rd_kafka_conf_destroy(conf)
            throw KafkaError.configuration("invalid Kafka property \(key)=\(value): \(decodeCString(errorText))")
        }
    }
    return conf
}

/// Creates a client handle from a native configuration, which it consumes.
package func makeClientHandle(type: rd_kafka_type_t, conf: OpaquePointer) throws(KafkaError) -> OpaquePointer {
    var errorText = [CChar](repeating: 0, count: 512)
    guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
        rd_kafka_conf_destroy(conf)
        throw KafkaError.configuration("could not create Kafka client: \(decodeCString(errorText))")
    }
    return handle
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }

    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Reads the NUL-terminated text librdkafka wrote into an error buffer.
func decodeCString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// librdkafka's version, as the loaded library reports it.
public var kafkaLibraryVersion: String { String(cString: rd_kafka_version_str()) }
