import BylineDevKit
import BylineKafka
import BylineWorker
import Logging
import Prometheus
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

/// Shutdown against the embedded cluster when the brokers are gone.
@Suite(.serialized) struct ShutdownTests {
    @Test func gracefulShutdownEndsWithinTheDrainTimeoutPlusItsMarginWhenEveryBrokerIsDown() async throws {
        let pipeline = try DevPipeline(partitions: 4)
        let records = SyntheticArticles.make(count: 3000, idPrefix: "vanishing")
        var configuration = pipeline.workerConfiguration(withQuotes: false)
        configuration.drainTimeout = .seconds(3)
        // No periodic commit: finished work is left for the shutdown and revocation commits.
        configuration.commitInterval = .seconds(600)
        configuration.publishRetryBackoff = .milliseconds(200)
        var logger = Logger(label: "byline.test.shutdown")
        logger.logLevel = .critical
        let worker = EnrichmentWorker(configuration: configuration, logger: logger, metricsFactory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic])
        try await testGracefulShutdown { shutdown in
            let returned = OneShotEvent()
            // A child of this task, so it sees the test kit's shutdown trigger.
            let running = Task {
                defer { returned.signal() }
                try await worker.run()
            }
            try await pipeline.waitUntilAssigned([worker])
            try await feed(pipeline, records)
            let output = pipeline.outputTopic
            _ = try await collector.collect(timeout: .seconds(120)) { $0.keys(output).count >= 50 }
            await collector.close()

            let stopping = ContinuousClock.now
            shutdown.triggerGracefulShutdown()
            // The brokers vanish during the shutdown, with a full window of work
            // that can no longer be acknowledged and finished work not yet committed.
            for broker in pipeline.cluster.brokerIDs { try pipeline.cluster.setBrokerDown(broker) }
            let bound = configuration.drainTimeout + configuration.shutdownMargin
            let ended = await eventually(timeout: bound + .seconds(5)) { returned.hasHappened }
            let took = ContinuousClock.now - stopping
            #expect(ended, "run() still running \(took) after the shutdown began, brokers down")
            #expect(took <= bound, "took \(took); the bound is \(bound)")
            if ended { try await running.value }
        }
    }

    @Test func theDefaultMarginIsWhatTheRunCommandSays() {
        #expect(WorkerConfiguration(brokers: "unused:9092").shutdownMargin == .seconds(11), "byline run --help promises 11 s")
    }
}
