import BylineKafka
import BylineWorker
import Foundation
import Logging
import ServiceLifecycle

/// The whole pipeline in one process over the embedded dev cluster: topics, a feeder and
/// workers in one group (read their output with `TopicCollector`). The demo, the pipeline
/// benchmark and the tests run on it.
public final class DevPipeline: Sendable {
    public let cluster: DevCluster
    public let inputTopic: String
    public let outputTopic: String
    public let deadLetterTopic: String
    public let quotesTopic: String
    public let partitions: Int

    public init(partitions: Int) throws {
        cluster = try DevCluster(brokers: 3)
        self.partitions = partitions
        let defaults = WorkerConfiguration(brokers: cluster.bootstrapServers)
        inputTopic = defaults.inputTopic
        outputTopic = defaults.outputTopic
        deadLetterTopic = defaults.deadLetterTopic
        quotesTopic = "articles.quotes"
        try cluster.createTopic(inputTopic, partitions: partitions)
        try cluster.createTopic(outputTopic, partitions: partitions)
        try cluster.createTopic(deadLetterTopic, partitions: 2)
        try cluster.createTopic(quotesTopic, partitions: partitions)
    }

    /// Publishes records to the input topic (key = the given key) and waits for every ack.
    public func feed(_ records: [(key: String, value: [UInt8])]) async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, clientID: "byline-feeder")))
        var pending: [KafkaPendingDelivery] = []
        for record in records {
            pending.append(try await producer.enqueue(KafkaProducerMessage(topic: inputTopic, key: Array(record.key.utf8), value: record.value)))
        }
        for delivery in pending { _ = try await delivery.report() }
        await producer.close()
    }

    public func workerConfiguration(processing: WorkerConfiguration.Processing = .enrich, withQuotes: Bool = true) -> WorkerConfiguration {
        var configuration = WorkerConfiguration(brokers: cluster.bootstrapServers)
        configuration.quotesTopic = withQuotes ? quotesTopic : nil
        configuration.processing = processing
        // The dev cluster's rebalances take the session timeout less a second; keep them short.
        configuration.sessionTimeout = .seconds(6)
        configuration.kafkaProperties = DevCluster.producerProperties
        return configuration
    }

    /// Runs workers in one group until `body` returns, then shuts them down gracefully.
    public func withWorkers<T: Sendable>(
        _ workers: [EnrichmentWorker],
        logger: Logger,
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: workers.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                logger: logger
            ))
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            do {
                let result = try await body()
                await group.triggerGracefulShutdown()
                while let _ = try await tasks.next() {}
                return result
            } catch {
                tasks.cancelAll()
                throw error
            }
        }
    }

    /// Waits until the workers together own every input partition, each at least one.
    public func waitUntilAssigned(_ workers: [EnrichmentWorker], timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let owned = workers.map(\.assignedPartitions)
            if owned.allSatisfy({ !$0.isEmpty }), Set(owned.joined()).count == partitions { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DevPipelineError("the workers did not share the \(partitions) partitions within \(timeout)")
    }
}

public struct DevPipelineError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
