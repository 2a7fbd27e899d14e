import BylineKafka
import Foundation

/// What the worker reads out of librdkafka's statistics JSON: consumer lag per partition
/// (`topics.<name>.partitions.<id>.consumer_lag`, -1 when unknown) and how many brokers
/// the client is connected to (`brokers.<name>.state` is `UP`).
struct ClientStatistics {
    var lag: [KafkaTopicPartition: Int64] = [:]
    var brokersUp = 0

    init(json: String, owned: Set<KafkaTopicPartition>) {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return }
        for case let broker as [String: Any] in (root["brokers"] as? [String: Any] ?? [:]).values
        where broker["state"] as? String == "UP" && (broker["nodeid"] as? NSNumber)?.intValue ?? -1 >= 0 {
            brokersUp += 1
        }
        for (topic, topicValue) in root["topics"] as? [String: Any] ?? [:] {
            guard let partitions = (topicValue as? [String: Any])?["partitions"] as? [String: Any] else { continue }
            for (id, partitionValue) in partitions {
                guard let number = Int32(id), number >= 0,
                    let value = (partitionValue as? [String: Any])?["consumer_lag"] as? NSNumber
                else { continue }
                let partition = KafkaTopicPartition(topic: topic, partition: number)
                if owned.contains(partition), value.int64Value >= 0 { lag[partition] = value.int64Value }
            }
        }
    }
}
