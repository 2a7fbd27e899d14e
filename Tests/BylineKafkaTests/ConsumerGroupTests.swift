import BylineDevKit
import BylineKafka
import Synchronization
import Testing

@Suite("Consumer groups")
struct ConsumerGroupTests {
    @Test("two members split six partitions and see every message once; a third joining loses nothing")
    func membersSplitPartitionsAndRebalance() async throws {
        let cluster = try DevCluster(brokers: 3)
        try cluster.createTopic("articles", partitions: 6)
        let producer = try TestKafka.producer(cluster)
        let configuration = TestKafka.consumerConfiguration(cluster, group: "split")

        let first = try KafkaConsumer(configuration: configuration)
        let second = try KafkaConsumer(configuration: configuration)
        try first.subscribe(topics: ["articles"])
        try second.subscribe(topics: ["articles"])
        let firstReceived = Received(), secondReceived = Received()
        let readers = [startReading(first, into: firstReceived), startReading(second, into: secondReceived)]

        #expect(
            await eventually(timeout: .seconds(30)) { first.assignment.count == 3 && second.assignment.count == 3 },
            "the group settles with three partitions each")
        #expect(Set(first.assignment).isDisjoint(with: second.assignment))

        let firstBatch = 0..<3_000
        for index in firstBatch { _ = try await producer.enqueue(TestKafka.message(topic: "articles", index: index)) }
        try await producer.flush(timeout: .seconds(10))
        #expect(await eventually(timeout: .seconds(20)) { firstReceived.count + secondReceived.count >= firstBatch.count })
        let seenOnce = firstReceived.messages + secondReceived.messages
        #expect(seenOnce.count == firstBatch.count, "no message is delivered twice while nothing fails")
        #expect(Set(seenOnce.compactMap(TestKafka.index(of:))) == Set(firstBatch))
        #expect(Set(firstReceived.messages.map(\.topicPartition)).isSubset(of: first.assignment))

        // A third member joins while messages keep coming; members commit what they read.
        for (consumer, received) in [(first, firstReceived), (second, secondReceived)] {
            try await consumer.commit(nextOffsets(after: received.messages))
        }
        let third = try KafkaConsumer(configuration: configuration)
        try third.subscribe(topics: ["articles"])
        let thirdReceived = Received()
        let thirdReader = startReading(third, into: thirdReceived)
        let secondBatch = 3_000..<6_000
        for index in secondBatch {
            _ = try await producer.enqueue(TestKafka.message(topic: "articles", index: index))
            if index % 500 == 0 { try await Task.sleep(for: .milliseconds(300)) }
        }
        try await producer.flush(timeout: .seconds(10))

        #expect(
            await eventually(timeout: .seconds(40)) {
                first.assignment.count == 2 && second.assignment.count == 2 && third.assignment.count == 2
            }, "the rebalance gives each of three members two partitions")
        let everything = Set(0..<6_000)
        #expect(
            await eventually(timeout: .seconds(40)) {
                firstReceived.distinctIndexes.union(secondReceived.distinctIndexes).union(thirdReceived.distinctIndexes) == everything
            }, "every message is read by some member despite the rebalance")

        await producer.close()
        for consumer in [first, second, third] { await consumer.close() }
        for reader in readers + [thirdReader] { _ = try await reader.value }
    }

    @Test("a commit waiting on a slow coordinator holds up no other call on the consumer")
    func commitWaitingOnTheBrokersBlocksNothingElse() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("slow", partitions: 2)
        let consumer = try KafkaConsumer(configuration: TestKafka.consumerConfiguration(cluster, group: "slow-commit"))
        try consumer.subscribe(topics: ["slow"])
        let reader = startReading(consumer, into: Received())
        #expect(await eventually(timeout: .seconds(30)) { consumer.assignment.count == 2 })
        // Every answer of the only broker now takes 3 s: the commit waits that long.
        try cluster.setBrokerRoundTripTime(1, milliseconds: 3_000)
        let commit = Task { try await consumer.commit([KafkaTopicPartitionOffset(topic: "slow", partition: 0, offset: 0)], timeout: .seconds(5)) }
        try await Task.sleep(for: .milliseconds(300))
        // Before, the commit held the handle's lock for its whole wait.
        let (_, took) = try await measure { try consumer.pause(consumer.assignment) }
        #expect(took < .seconds(1), "pause waited \(took) for the commit")
        try consumer.resume(consumer.assignment)
        _ = await commit.result
        try cluster.setBrokerRoundTripTime(1, milliseconds: 0)
        reader.cancel()
        #expect(await consumer.close(timeout: .seconds(10)))
    }

    @Test("consumption resumes after the committed offset; uncommitted messages come again")
    func commitCloseReopen() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("ledger", partitions: 1)
        let producer = try TestKafka.producer(cluster)
        for index in 0..<100 { _ = try await producer.enqueue(TestKafka.message(topic: "ledger", index: index)) }
        try await producer.flush(timeout: .seconds(10))
        await producer.close()
        let configuration = TestKafka.consumerConfiguration(cluster, group: "ledger-readers")

        let before = try KafkaConsumer(configuration: configuration)
        try before.subscribe(topics: ["ledger"])
        var read: [KafkaMessage] = []
        for try await message in before.messages {
            read.append(message)
            if read.count == 40 { try await before.commit(nextOffsets(after: read)) }
            if read.count == 60 { break }
        }
        await before.close()
        let partition = KafkaTopicPartition(topic: "ledger", partition: 0)

        let after = try KafkaConsumer(configuration: configuration)
        try after.subscribe(topics: ["ledger"])
        #expect(try await after.committedOffsets(for: [partition])[partition] == 40)
        var reread: [KafkaMessage] = []
        for try await message in after.messages {
            reread.append(message)
            if reread.count == 60 { break }
        }
        await after.close()

        #expect(reread.first?.offset == 40, "resumes at the committed offset")
        #expect(reread.map(\.offset) == Array(40..<100), "nothing committed comes again, nothing uncommitted is lost")
        #expect(Set((read + reread).compactMap(TestKafka.index(of:))) == Set(0..<100))
    }

    @Test("a paused partition delivers nothing until resumed; a slow reader holds the consumer within its buffer")
    func pauseResumeAndFlowControl() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("paced", partitions: 2)
        let producer = try TestKafka.producer(cluster)
        for index in 0..<2_000 {
            _ = try await producer.enqueue(TestKafka.message(topic: "paced", index: index, partition: Int32(index % 2)))
        }
        try await producer.flush(timeout: .seconds(10))
        await producer.close()

        var configuration = TestKafka.consumerConfiguration(cluster, group: "paced")
        configuration.bufferCapacity = 50
        let consumer = try KafkaConsumer(configuration: configuration)
        try consumer.subscribe(topics: ["paced"])
        let paused = KafkaTopicPartition(topic: "paced", partition: 1)
        var iterator = consumer.messages.makeAsyncIterator()
        let first = try #require(try await iterator.next())
        try consumer.pause([paused])
        // The inbox may still hold messages of the paused partition fetched before the pause.
        var afterPause: [KafkaMessage] = [first]
        var mostBuffered = 0
        while afterPause.filter({ $0.partition == 0 }).count < 1_000 {
            afterPause.append(try #require(try await iterator.next()))
            if afterPause.count % 100 == 0 { try await Task.sleep(for: .milliseconds(20)) }
            mostBuffered = max(mostBuffered, consumer.bufferedMessageCount)
        }
        #expect(mostBuffered <= 50, "the inbox never holds more than its capacity")
        #expect(mostBuffered >= 40, "the slow reader let the inbox fill: \(mostBuffered)")
        let fromPausedPartition = afterPause.filter { $0.partition == 1 }.count
        #expect(fromPausedPartition <= 100, "the paused partition stopped early: \(fromPausedPartition) messages")
        try consumer.resume([paused])
        var rest: [KafkaMessage] = []
        while afterPause.count + rest.count < 2_000 { rest.append(try #require(try await iterator.next())) }
        await consumer.close()

        let all = afterPause + rest
        #expect(Set(all.compactMap(TestKafka.index(of:))) == Set(0..<2_000), "pausing and holding back skipped nothing")
        for partition: Int32 in [0, 1] {
            let offsets = all.filter { $0.partition == partition }.map(\.offset)
            #expect(offsets == Array(0..<1_000), "partition \(partition) read once, in order")
        }
    }
}

/// Commit positions (one past the highest offset read) per partition.
func nextOffsets(after messages: [KafkaMessage]) -> [KafkaTopicPartitionOffset] {
    var highest: [KafkaTopicPartition: Int64] = [:]
    for message in messages { highest[message.topicPartition] = max(highest[message.topicPartition] ?? -1, message.offset) }
    return highest.map { KafkaTopicPartitionOffset($0.key, offset: $0.value + 1) }
}
