import BylineKafka
import Foundation

/// Reads per-partition consumer lag out of librdkafka's statistics JSON
/// (`topics.<name>.partitions.<id>.consumer_lag`, -1 when unknown).
enum ConsumerLag {
    static func parse(statistics json: String, owned: Set<KafkaTopicPartition>) -> [KafkaTopicPartition: Int64] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let topics = root["topics"] as? [String: Any] else { return [:] }
        var lag: [KafkaTopicPartition: Int64] = [:]
        for (topic, topicValue) in topics {
            guard let partitions = (topicValue as? [String: Any])?["partitions"] as? [String: Any] else { continue }
            for (id, partitionValue) in partitions {
                guard let number = Int32(id), number >= 0,
                      let value = (partitionValue as? [String: Any])?["consumer_lag"] as? NSNumber else { continue }
                let partition = KafkaTopicPartition(topic: topic, partition: number)
                if owned.contains(partition), value.int64Value >= 0 { lag[partition] = value.int64Value }
            }
        }
        return lag
    }
}
