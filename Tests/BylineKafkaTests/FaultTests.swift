import BylineDevKit
import BylineKafka
import Synchronization
import Testing

@Suite("Faults and bad settings")
struct FaultTests {
    @Test("a broker down mid-stream: the producer retries; nothing lost or duplicated beyond the delivery reports")
    func brokerDownMidStream() async throws {
        let cluster = try DevCluster(brokers: 3)
        try cluster.createTopic("resilient", partitions: 3)
        for partition: Int32 in 0..<3 { try cluster.setPartitionLeader(topic: "resilient", partition: partition, broker: partition + 1) }
        let producer = try TestKafka.producer(cluster, messageTimeout: .seconds(30))
        let total = 6_000

        var pending: [KafkaPendingDelivery] = []
        for index in 0..<total {
            if index == 2_000 { try cluster.setBrokerDown(2) }
            if index == 4_000 {
                try await Task.sleep(for: .seconds(2))
                try cluster.setBrokerUp(2)
            }
            pending.append(try await producer.enqueue(TestKafka.message(topic: "resilient", index: index)))
            if index % 200 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        var delivered: Set<Int> = []
        var failed: Set<Int> = []
        for (index, delivery) in pending.enumerated() {
            do {
                _ = try await delivery.report()
                delivered.insert(index)
            } catch {
                failed.insert(index)
            }
        }
        await producer.close()
        #expect(delivered.count == total, "with a 30 s message timeout a 2 s outage costs nothing; failed: \(failed.count)")

        let consumer = try KafkaConsumer(configuration: TestKafka.consumerConfiguration(cluster, group: "auditor"))
        try consumer.subscribe(topics: ["resilient"])
        var counts: [Int: Int] = [:]
        var read = 0
        for try await message in consumer.messages {
            counts[try #require(TestKafka.index(of: message)), default: 0] += 1
            read += 1
            if read == delivered.count { break }
        }
        // Anything beyond the reported deliveries would arrive right behind them.
        try await Task.sleep(for: .milliseconds(500))
        await consumer.close()
        #expect(Set(counts.keys).isSuperset(of: delivered), "every reported delivery can be read")
        #expect(counts.values.allSatisfy { $0 == 1 }, "the idempotent producer wrote nothing twice")
    }

    @Test("request errors injected into produce requests are retried")
    func injectedProduceErrors() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("flaky", partitions: 1)
        cluster.injectRequestErrors(.produce, [.notLeaderForPartition, .requestTimedOut, .leaderNotAvailable])
        let producer = try TestKafka.producer(cluster)
        var reports: [KafkaDeliveryReport] = []
        for index in 0..<50 { reports.append(try await producer.send(TestKafka.message(topic: "flaky", index: index))) }
        await producer.close()
        #expect(reports.map(\.offset) == Array(0..<50), "each message stored once, in order")
    }

    @Test("a failed delivery reports the error's text, not the message's bytes")
    func failedDeliveryDescribesTheError() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("refusing", partitions: 1)
        cluster.injectRequestErrors(.produce, [.messageSizeTooLarge])
        let producer = try TestKafka.producer(cluster)
        // No NUL inside or after it: read as a C string, it would run on past its end.
        let article = String(repeating: "ARTICLE-BODY ", count: 400)
        let message = KafkaProducerMessage(topic: "refusing", partition: 0, key: Array("k".utf8), value: Array(article.utf8), headers: [])
        let error = await #expect(throws: KafkaError.self) { try await producer.send(message) }
        await producer.close()
        #expect(error?.code == .messageSizeTooLarge)
        #expect(error?.message.contains(KafkaErrorCode.messageSizeTooLarge.text) == true, "\(String(describing: error))")
        #expect(error?.message.contains("ARTICLE-BODY") == false, "the payload leaked into the error: \(String(describing: error).prefix(200))")
    }

    @Test("an unknown librdkafka property fails at start with librdkafka's message")
    func unknownProperty() throws {
        let kafka = KafkaConfiguration(bootstrapServers: "127.0.0.1:9", properties: ["no.such.setting": "1"])
        let error = #expect(throws: KafkaError.self) { try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka)) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("no.such.setting") == true)
        #expect(error?.message.contains("No such configuration property") == true, "\(String(describing: error))")
    }

    @Test("an invalid property value fails at start")
    func invalidValue() throws {
        let kafka = KafkaConfiguration(bootstrapServers: "127.0.0.1:9", properties: ["session.timeout.ms": "soon"])
        let error = #expect(throws: KafkaError.self) {
            try KafkaConsumer(configuration: KafkaConsumerConfiguration(kafka: kafka, groupID: "g"))
        }
        #expect(error?.message.contains("session.timeout.ms") == true)
    }

    @Test("an unreachable bootstrap address fails sends and metadata within their timeouts")
    func unreachableBootstrap() async throws {
        let kafka = KafkaConfiguration(bootstrapServers: "127.0.0.1:1")
        var configuration = KafkaProducerConfiguration(kafka: kafka)
        configuration.messageTimeout = .seconds(1)
        let brokerErrors = Mutex<[KafkaError]>([])
        let producer = try KafkaProducer(
            configuration: configuration,
            listeners: KafkaClientListeners(onError: { error in brokerErrors.withLock { $0.append(error) } })
        )
        let (sendError, sendTook) = await measure {
            await #expect(throws: KafkaError.self) { try await producer.send(TestKafka.message(topic: "nowhere", index: 1)) }
        }
        #expect(sendError?.code == .messageTimedOut)
        #expect(sendError?.isRetriable == true)
        // Far below librdkafka's 5-minute default: the 1 s timeout is honoured. The slack
        // is for a CI machine whose two cores are busy with the other suites (one CI run
        // measured 18 s here; a wait for the shared thread pool is suspected, not proven).
        #expect(sendTook < .seconds(60))
        await producer.close()
        #expect(
            brokerErrors.withLock { $0 }.contains { $0.code == .transport || $0.code == .allBrokersDown },
            "the error listener heard that no broker answers")

        let admin = try KafkaAdmin(configuration: kafka)
        let (metadataError, metadataTook) = await measure {
            await #expect(throws: KafkaError.self) { try await admin.describeCluster(timeout: .seconds(1)) }
        }
        #expect(metadataError?.code == .transport || metadataError?.code == .timedOut, "\(String(describing: metadataError))")
        #expect(metadataTook < .seconds(60))
    }

    @Test("an unknown topic gives a consumer an error, not a hang")
    func unknownTopic() async throws {
        let cluster = try DevCluster(brokers: 1)
        cluster.failTopic("missing", with: .unknownTopicOrPartition)
        let errors = Mutex<[KafkaError]>([])
        let consumer = try KafkaConsumer(
            configuration: TestKafka.consumerConfiguration(cluster, group: "lost"),
            listeners: KafkaClientListeners(onError: { error in errors.withLock { $0.append(error) } })
        )
        try consumer.subscribe(topics: ["missing"])
        let reader = Task { for try await _ in consumer.messages {} }
        #expect(
            await eventually(timeout: .seconds(15)) {
                errors.withLock { $0 }.contains { $0.code == .unknownTopicOrPartition && $0.message.contains("missing") }
            }, "\(errors.withLock { $0 })")
        await consumer.close()
        _ = try await reader.value
    }
}
