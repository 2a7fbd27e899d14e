import CRdKafka

/// Conversions between Swift partition values and librdkafka's
/// `rd_kafka_topic_partition_list_t`, which the caller destroys.
enum TopicPartitionList {
    static func make(_ partitions: [KafkaTopicPartition]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        let list = rd_kafka_topic_partition_list_new(Int32(partitions.count))!
        for partition in partitions {
            rd_kafka_topic_partition_list_add(list, partition.topic, partition.partition)
        }
        return list
    }

    static func make(_ offsets: [KafkaTopicPartitionOffset]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        let list = rd_kafka_topic_partition_list_new(Int32(offsets.count))!
        for entry in offsets {
            let element = rd_kafka_topic_partition_list_add(list, entry.topicPartition.topic, entry.topicPartition.partition)!
            element.pointee.offset = entry.offset
        }
        return list
    }

    static func elements(of list: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> [rd_kafka_topic_partition_t] {
        guard let list, list.pointee.cnt > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)))
    }

    static func partitions(of list: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> [KafkaTopicPartition] {
        elements(of: list).map { KafkaTopicPartition(topic: String(cString: $0.topic), partition: $0.partition) }
    }

    static func offsets(of list: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> [KafkaTopicPartitionOffset] {
        elements(of: list).map {
            KafkaTopicPartitionOffset(topic: String(cString: $0.topic), partition: $0.partition, offset: $0.offset)
        }
    }

    /// The first per-partition error in the list, if any.
    static func firstError(in list: UnsafePointer<rd_kafka_topic_partition_list_t>?, context: String) -> KafkaError? {
        for element in elements(of: list) where element.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            let code = KafkaErrorCode(element.err)
            let where_ = "\(String(cString: element.topic))[\(element.partition)]"
            return KafkaError(code: code, message: "\(context) \(where_): \(code.text)")
        }
        return nil
    }
}
