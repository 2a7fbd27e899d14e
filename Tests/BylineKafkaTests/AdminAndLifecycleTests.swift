import BylineDevKit
@testable import BylineKafka
import Foundation
import Synchronization
import Testing

@Suite("Client lifecycles")
struct AdminAndLifecycleTests {
    @Test("cluster metadata lists the brokers and topics")
    func describeCluster() async throws {
        let cluster = try DevCluster(brokers: 3)
        try cluster.createTopic("described", partitions: 5)
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        let metadata = try await admin.describeCluster()
        #expect(metadata.brokers.map(\.id) == [1, 2, 3])
        #expect(metadata.brokers.allSatisfy { $0.host == "127.0.0.1" && $0.port > 0 })
        let topic = try #require(metadata.topic(named: "described"))
        #expect(topic.partitions.map(\.id) == Array(0..<5))
        #expect(topic.partitions.allSatisfy { (1...3).contains($0.leader) })
    }

    @Test("creating topics on a cluster without the CreateTopics API fails with a clear error")
    func createTopicsUnsupported() async throws {
        let cluster = try DevCluster(brokers: 1)
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        let (error, took) = await measure {
            await #expect(throws: KafkaError.self) {
                try await admin.createTopics([KafkaNewTopic(name: "fresh", partitions: 3)], timeout: .seconds(2))
            }
        }
        #expect(error?.message.isEmpty == false)
        // The request times out after 2 s; the rest is slack for a CI machine that runs the
        // other suites at the same time (seen at 14 s). A hang would never end.
        #expect(took < .seconds(30))
    }

    @Test("close waits for outstanding deliveries; sending afterwards is refused")
    func closeFlushes() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("drained", partitions: 2)
        let producer = try TestKafka.producer(cluster)
        var pending: [KafkaPendingDelivery] = []
        for index in 0..<2_000 { pending.append(try await producer.enqueue(TestKafka.message(topic: "drained", index: index))) }
        await producer.close()
        var delivered = 0
        for delivery in pending { if (try? await delivery.report()) != nil { delivered += 1 } }
        #expect(delivered == 2_000)
        let error = await #expect(throws: KafkaError.self) { try await producer.send(TestKafka.message(topic: "drained", index: 0)) }
        #expect(error?.code == .state)
    }

    @Test("close with nothing reachable fails outstanding deliveries instead of losing them silently")
    func closeFailsUndeliverable() async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: KafkaConfiguration(bootstrapServers: "127.0.0.1:1")))
        var pending: [KafkaPendingDelivery] = []
        for index in 0..<10 { pending.append(try await producer.enqueue(TestKafka.message(topic: "void", index: index))) }
        await producer.close(timeout: .milliseconds(200))
        for delivery in pending {
            let error = await #expect(throws: KafkaError.self) { try await delivery.report() }
            #expect(error?.code == .purgedFromQueue || error?.code == .purgedInFlight, "\(String(describing: error))")
        }
    }

    @Test("the admin client is polled, so its listeners hear its errors; close ends it and refuses later requests")
    func adminIsPolledAndCloses() async throws {
        let errors = Mutex<[KafkaError]>([])
        let admin = try KafkaAdmin(
            configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1"),
            listeners: KafkaClientListeners(onError: { error in errors.withLock { $0.append(error) } }))
        // Nothing listens on port 1: the connection is refused. Unpolled, nobody heard it.
        #expect(await eventually(timeout: .seconds(30)) { !errors.withLock { $0.isEmpty } })
        #expect(await admin.close(timeout: .seconds(10)))
        await #expect(throws: KafkaError.self) { try await admin.describeCluster(timeout: .seconds(1)) }
    }

    /// Tests in other suites run clients at the same time, so a released client is followed
    /// by what only its own polling thread does, not by counting threads.
    @Test("an admin client released without close is freed: its polling thread no longer holds it")
    func forgottenAdminCloseLeaksNothing() async throws {
        let released = WeakReference<KafkaAdmin>()
        do {
            let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1"))
            released.value = admin
        }
        #expect(await eventually(timeout: .seconds(30)) { released.value == nil })
    }

    @Test("a producer released without close fails what it still holds and stops its thread")
    func forgottenProducerCloseLeaksNothing() async throws {
        let released = WeakReference<KafkaProducer>()
        var pending: [KafkaPendingDelivery] = []
        do {
            let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: KafkaConfiguration(bootstrapServers: "127.0.0.1:1")))
            released.value = producer
            pending.append(try await producer.enqueue(KafkaProducerMessage(topic: "nowhere", key: nil, value: Array("lost?".utf8))))
        }
        #expect(await eventually(timeout: .seconds(30)) { released.value == nil })
        // Only the polling thread, shutting down, fails what it still holds.
        for delivery in pending {
            await #expect(throws: KafkaError.self) { try await delivery.report() }
        }
    }

    @Test("a consumer released without close is freed, and its thread ends its messages")
    func forgottenConsumerCloseLeaksNothing() async throws {
        let released = WeakReference<KafkaConsumer>()
        let messages: KafkaConsumerMessages
        do {
            let consumer = try KafkaConsumer(
                configuration: KafkaConsumerConfiguration(kafka: KafkaConfiguration(bootstrapServers: "127.0.0.1:1"), groupID: "forgotten"),
                onRebalance: { _, _ in })
            try consumer.subscribe(topics: ["nowhere"])
            released.value = consumer
            messages = consumer.messages
        }
        // The polling thread held its consumer for ever before.
        #expect(await eventually(timeout: .seconds(30)) { released.value == nil })
        // Only the polling thread, shutting down, ends the messages.
        let ended = Task {
            var iterator = messages.makeAsyncIterator()
            return try await iterator.next() == nil
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(30))
            ended.cancel()
        }
        #expect(try await ended.value, "the messages did not end")
        timeout.cancel()
    }

    @Test("a dev cluster refuses calls after shutdown instead of touching freed memory")
    func devClusterAfterShutdown() throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("before", partitions: 1)
        cluster.shutdown()
        cluster.shutdown()
        #expect(throws: KafkaError.self) { try cluster.createTopic("after", partitions: 1) }
        #expect(throws: KafkaError.self) { try cluster.setBrokerDown(1) }
        cluster.injectRequestErrors(.produce, [KafkaErrorCode(rawValue: 6)])
        cluster.clearRequestErrors(.produce)
    }
}
