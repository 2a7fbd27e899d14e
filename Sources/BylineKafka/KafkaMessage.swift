import CRdKafka

public struct KafkaHeader: Hashable, Sendable {
    public var key: String
    public var value: [UInt8]?

    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }

    public init(key: String, text: String) {
        self.init(key: key, value: Array(text.utf8))
    }
}

/// A record read from a partition.
public struct KafkaMessage: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: [UInt8]?
    public var value: [UInt8]
    public var headers: [KafkaHeader]
    /// Milliseconds since the epoch, when the broker or producer recorded one.
    public var timestampMilliseconds: Int64?
    /// How many rebalances the consumer had served when it fetched this message. A message
    /// fetched before its partition was last assigned (see `KafkaRebalanceEvent`) belongs
    /// to an earlier ownership, and its offset may be read again from the group's commit.
    public var assignmentEpoch: UInt64

    public var topicPartition: KafkaTopicPartition { KafkaTopicPartition(topic: topic, partition: partition) }

    /// The key as UTF-8 text (invalid bytes replaced), or nil when there is none.
    public var keyText: String? { key.map { String(decoding: $0, as: UTF8.self) } }

    /// The value of the first header with this name, as UTF-8 text.
    public func headerText(_ name: String) -> String? {
        headers.first { $0.key == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A message as a consumer would deliver it, for tests of code that handles messages.
    public init(topic: String, partition: Int32, offset: Int64, key: [UInt8]? = nil, value: [UInt8], headers: [KafkaHeader] = [], timestampMilliseconds: Int64? = nil, assignmentEpoch: UInt64 = 0) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestampMilliseconds = timestampMilliseconds
        self.assignmentEpoch = assignmentEpoch
    }

    /// Copies a consumed native message; the caller still destroys it.
    init(copying message: UnsafePointer<rd_kafka_message_t>, assignmentEpoch: UInt64) {
        self.assignmentEpoch = assignmentEpoch
        let native = message.pointee
        topic = String(cString: rd_kafka_topic_name(native.rkt))
        partition = native.partition
        offset = native.offset
        key = native.key.map { Array(UnsafeRawBufferPointer(start: $0, count: native.key_len)) }
        value = native.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: native.len)) } ?? []
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &timestampType)
        timestampMilliseconds = timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp
        headers = Self.copyHeaders(of: message)
    }

    private static func copyHeaders(of message: UnsafePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var nativeHeaders: OpaquePointer?
        guard rd_kafka_message_headers(message, &nativeHeaders) == RD_KAFKA_RESP_ERR_NO_ERROR,
            let nativeHeaders
        else { return [] }
        var result: [KafkaHeader] = []
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(nativeHeaders, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
            result.append(KafkaHeader(key: name.map { String(cString: $0) } ?? "", value: bytes))
            index += 1
        }
        return result
    }
}

/// A record to publish. A nil partition lets librdkafka's partitioner choose by key.
public struct KafkaProducerMessage: Sendable {
    public var topic: String
    public var partition: Int32?
    public var key: [UInt8]?
    public var value: [UInt8]
    public var headers: [KafkaHeader]

    public init(topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8], headers: [KafkaHeader] = []) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// Where the broker stored a produced message.
public struct KafkaDeliveryReport: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}

public struct KafkaTopicPartition: Hashable, Sendable, CustomStringConvertible, Comparable {
    public var topic: String
    public var partition: Int32

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}

/// An offset for a partition. For commits it is the offset of the next message to
/// read, i.e. one past the last message processed (Kafka's convention).
public struct KafkaTopicPartitionOffset: Hashable, Sendable {
    public var topicPartition: KafkaTopicPartition
    public var offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topicPartition = KafkaTopicPartition(topic: topic, partition: partition)
        self.offset = offset
    }

    public init(_ topicPartition: KafkaTopicPartition, offset: Int64) {
        self.topicPartition = topicPartition
        self.offset = offset
    }
}
