@testable import BylineKafka
import Synchronization
import Testing

@Suite("librdkafka properties go to the client they belong to")
struct PropertyRoutingTests {
    static let passedThrough = [
        "session.timeout.ms": "7000", "group.instance.id": "worker-1", "auto.offset.reset": "latest",
        "max.poll.interval.ms": "60000", "fetch.max.bytes": "1048576", "heartbeat.interval.ms": "1000",
        "partition.assignment.strategy": "cooperative-sticky", "isolation.level": "read_committed",
        "enable.auto.commit": "false",
        "acks": "1", "linger.ms": "20", "compression.type": "zstd", "batch.size": "65536",
        "message.timeout.ms": "9000", "enable.idempotence": "false", "retries": "5",
        "queue.buffering.max.kbytes": "65536", "delivery.timeout.ms": "9000", "request.required.acks": "1",
        "security.protocol": "plaintext", "socket.timeout.ms": "5000", "client.rack": "eu-1",
    ]
    static let consumerOnly: Set = [
        "session.timeout.ms", "group.instance.id", "auto.offset.reset", "max.poll.interval.ms", "fetch.max.bytes",
        "heartbeat.interval.ms", "partition.assignment.strategy", "isolation.level", "enable.auto.commit",
    ]
    static let producerOnly: Set = [
        "acks", "linger.ms", "compression.type", "batch.size", "message.timeout.ms", "enable.idempotence", "retries",
        "queue.buffering.max.kbytes", "delivery.timeout.ms", "request.required.acks",
    ]

    @Test("consumer-only properties reach only the consumer, producer-only ones only the producer, the rest both")
    func routing() {
        let kafka = KafkaConfiguration(bootstrapServers: "127.0.0.1:9", properties: Self.passedThrough)
        let producer = KafkaProducerConfiguration(kafka: kafka).properties
        let consumer = KafkaConsumerConfiguration(kafka: kafka, groupID: "g").properties
        for (key, value) in Self.passedThrough {
            let scope = KafkaPropertyScope(property: key)
            if Self.consumerOnly.contains(key) {
                #expect(scope == .consumer, "\(key)")
                #expect(producer[key] == nil, "\(key) reached the producer")
                #expect(consumer[key] == value, "\(key) did not reach the consumer")
            } else if Self.producerOnly.contains(key) {
                #expect(scope == .producer, "\(key)")
                #expect(consumer[key] == nil, "\(key) reached the consumer")
                #expect(producer[key] == value, "\(key) did not reach the producer")
            } else {
                #expect(scope == .both, "\(key)")
                #expect(producer[key] == value && consumer[key] == value, "\(key) should reach both")
            }
        }
    }

    @Test("librdkafka does not warn about a property of the other client")
    func noConfigurationWarnings() async throws {
        let kafka = KafkaConfiguration(bootstrapServers: "127.0.0.1:9", properties: Self.passedThrough)
        let lines = Mutex<[KafkaLogLine]>([])
        let listeners = KafkaClientListeners(onLog: { line in lines.withLock { $0.append(line) } })
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), listeners: listeners)
        let consumer = try KafkaConsumer(configuration: KafkaConsumerConfiguration(kafka: kafka, groupID: "g"), listeners: listeners)
        // librdkafka logs its configuration warnings while it creates the client.
        await consumer.close()
        await producer.close(timeout: .zero)
        let warnings = lines.withLock { $0 }.filter { $0.facility == "CONFWARN" }
        #expect(warnings.isEmpty, "\(warnings.map(\.message))")
    }
}
