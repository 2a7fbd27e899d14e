import BylineDevKit
import BylineKafka
import Synchronization
import Testing

@Suite("Commits and close with the brokers gone", .serialized)
struct BrokersGoneTests {
    @Test("a commit and a close return within their timeouts when every broker is down")
    func commitAndCloseAreBounded() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("vanishing", partitions: 2)
        let producer = try TestKafka.producer(cluster)
        for index in 0..<20 { _ = try await producer.send(TestKafka.message(topic: "vanishing", index: index)) }
        await producer.close()
        let consumer = try KafkaConsumer(configuration: TestKafka.consumerConfiguration(cluster, group: "vanishing"))
        try consumer.subscribe(topics: ["vanishing"])
        var next: [KafkaTopicPartition: Int64] = [:]
        var read = 0
        for try await message in consumer.messages {
            next[message.topicPartition] = message.offset + 1
            read += 1
            if read == 20 { break }
        }
        try consumer.commitNow(next.map { KafkaTopicPartitionOffset($0.key, offset: $0.value - 10) }, timeout: .seconds(10))
        try cluster.setBrokerDown(1)
        let offsets = next.map { KafkaTopicPartitionOffset($0.key, offset: $0.value) }

        let committed = OneShotEvent()
        let commitTook = Mutex<Duration?>(nil)
        let commit = Task {
            let started = ContinuousClock.now
            defer { commitTook.withLock { $0 = ContinuousClock.now - started }; committed.signal() }
            try await consumer.commit(offsets, timeout: .seconds(2))
        }
        #expect(await committed.wait(timeout: .seconds(15)), "the commit was still waiting 15 s later")
        #expect(commitTook.withLock { $0 }.map { $0 < .seconds(5) } ?? false, "took \(String(describing: commitTook.withLock { $0 }))")
        await #expect(throws: KafkaError.self) { try await commit.value }

        // Bounded, not for ever: the 2 s deadline plus slack for a loaded two-core machine.
        let (_, closeTook) = await measure { await consumer.close(timeout: .seconds(2)) }
        #expect(closeTook < .seconds(10), "close took \(closeTook)")
    }
}
