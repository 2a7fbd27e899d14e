import BylineDevKit
import BylineKafka
@_exported import BylineTestSupport
import Foundation
import Synchronization
import Testing

/// Settings that keep the dev cluster's group rebalances short (about 5 s each).
enum TestKafka {
    static func producer(_ cluster: DevCluster, messageTimeout: Duration = .seconds(30)) throws -> KafkaProducer {
        var configuration = KafkaProducerConfiguration(kafka: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        configuration.messageTimeout = messageTimeout
        return try KafkaProducer(configuration: configuration)
    }

    static func consumerConfiguration(_ cluster: DevCluster, group: String) -> KafkaConsumerConfiguration {
        var configuration = KafkaConsumerConfiguration(
            kafka: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers),
            groupID: group
        )
        configuration.sessionTimeout = .seconds(6)
        return configuration
    }

    static func message(topic: String, index: Int, partition: Int32? = nil) -> KafkaProducerMessage {
        KafkaProducerMessage(
            topic: topic,
            partition: partition,
            key: Array("key-\(index)".utf8),
            value: Array("value-\(index)-".utf8) + (0..<(index % 97)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) },
            headers: [KafkaHeader(key: "index", text: String(index)), KafkaHeader(key: "empty", value: nil)]
        )
    }

    static func index(of message: KafkaMessage) -> Int? {
        guard let key = message.keyText else { return nil }
        return Int(key.dropFirst("key-".count))
    }
}

/// Messages a consumer has read, safe to inspect from the test while it runs.
final class Received: Sendable {
    private let storage = Mutex<[KafkaMessage]>([])

    var messages: [KafkaMessage] { storage.withLock { $0 } }
    var count: Int { storage.withLock { $0.count } }
    var distinctIndexes: Set<Int> { Set(messages.compactMap(TestKafka.index(of:))) }

    func append(_ message: KafkaMessage) { storage.withLock { $0.append(message) } }
}

/// Reads a consumer in the background until it is closed or the task cancelled.
func startReading(_ consumer: KafkaConsumer, into received: Received, onMessage: @escaping @Sendable (KafkaMessage) async -> Void = { _ in }) -> Task<Void, Error> {
    Task {
        for try await message in consumer.messages {
            received.append(message)
            await onMessage(message)
        }
    }
}
