import BylineDevKit
import BylineKafka
import Testing

@Suite("Producer and consumer round trip")
struct RoundTripTests {
    @Test("10,000 messages with keys and headers arrive intact and in order per partition")
    func tenThousandMessages() async throws {
        let cluster = try DevCluster(brokers: 3)
        try cluster.createTopic("round-trip", partitions: 4)
        let producer = try TestKafka.producer(cluster)
        let total = 10_000

        var pending: [KafkaPendingDelivery] = []
        for index in 0..<total {
            pending.append(try await producer.enqueue(TestKafka.message(topic: "round-trip", index: index)))
        }
        var reports: [KafkaDeliveryReport] = []
        for delivery in pending { reports.append(try await delivery.report()) }
        await producer.close()
        #expect(Set(reports.map(\.partition)).count == 4, "the key partitioner spreads messages over every partition")

        let consumer = try KafkaConsumer(configuration: TestKafka.consumerConfiguration(cluster, group: "round-trip"))
        try consumer.subscribe(topics: ["round-trip"])
        var consumed: [KafkaMessage] = []
        for try await message in consumer.messages {
            consumed.append(message)
            if consumed.count == total { break }
        }
        await consumer.close()

        #expect(consumed.count == total)
        var lastIndexByPartition: [Int32: Int] = [:]
        var lastOffsetByPartition: [Int32: Int64] = [:]
        for message in consumed {
            let index = try #require(TestKafka.index(of: message))
            let expected = TestKafka.message(topic: "round-trip", index: index)
            #expect(message.value == expected.value)
            #expect(message.headers == expected.headers)
            #expect(message.timestampMilliseconds != nil)
            #expect(
                reports[index] == KafkaDeliveryReport(topic: "round-trip", partition: message.partition, offset: message.offset),
                "the delivery report names where the message was read")
            #expect(index > lastIndexByPartition[message.partition, default: -1], "order kept within partition \(message.partition)")
            #expect(message.offset > lastOffsetByPartition[message.partition, default: -1])
            lastIndexByPartition[message.partition] = index
            lastOffsetByPartition[message.partition] = message.offset
        }
        #expect(Set(consumed.compactMap(TestKafka.index(of:))).count == total)
    }

    @Test("a message without key or headers arrives without them")
    func bareMessage() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("bare", partitions: 1)
        let producer = try TestKafka.producer(cluster)
        let report = try await producer.send(KafkaProducerMessage(topic: "bare", value: Array("plain".utf8)))
        await producer.close()
        let consumer = try KafkaConsumer(configuration: TestKafka.consumerConfiguration(cluster, group: "bare"))
        try consumer.subscribe(topics: ["bare"])
        var iterator = consumer.messages.makeAsyncIterator()
        let message = try #require(try await iterator.next())
        await consumer.close()
        #expect(message.offset == report.offset)
        #expect(message.key == nil)
        #expect(message.headers.isEmpty)
        #expect(message.value == Array("plain".utf8))
    }
}
