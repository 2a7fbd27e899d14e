import BylineDevKit
import BylineKafka
import BylineTestSupport
import BylineWorker
import Prometheus
import Testing

/// A Kafka client that fails for good must fail the worker, not leave it retrying for ever.
@Suite(.serialized) struct FatalErrorTests {
    @Test func aFatalProducerErrorFailsHealthAndEndsRunWithAnErrorCommittingOnlyFinishedWork() async throws {
        let pipeline = try DevPipeline(partitions: 2)
        let logs = CapturedLogs()
        var configuration = pipeline.workerConfiguration(withQuotes: false)
        configuration.publishRetryBackoff = .milliseconds(20)
        // The production default, which the dev cluster's settings turn off: only an
        // idempotent producer fails for good on the error injected below.
        configuration.kafkaProperties["enable.idempotence"] = "true"
        let worker = EnrichmentWorker(configuration: configuration, logger: logs.logger(label: "byline.test.fatal"), metricsFactory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic])
        let ended = OneShotEvent()
        let running = Task {
            defer { ended.signal() }
            try await worker.run()
        }
        try await pipeline.waitUntilAssigned([worker])
        // A backlog the worker is still publishing when its produce requests start failing;
        // the errors hit any producer, so the feeding is over first. Long enough that a
        // collector slow to join on a loaded machine still sees its first outputs before the
        // worker is through (with 3,000 it once was, and the errors met no produce request).
        try await feed(pipeline, SyntheticArticles.make(count: 10_000, idPrefix: "fatal"))
        let output = pipeline.outputTopic
        _ = try await collector.collect(timeout: .seconds(120)) { $0.keys(output).count >= 100 }

        // OUT_OF_ORDER_SEQUENCE_NUMBER: an idempotent producer cannot go on after it.
        pipeline.cluster.injectRequestErrors(.produce, Array(repeating: KafkaErrorCode(rawValue: 45), count: 50))
        #expect(await eventually(timeout: .seconds(30)) { !worker.health.isLive }, "/healthz still 200: \(worker.health.phase)")
        // The margin is what run() allows itself; the rest is slack for a loaded two-core
        // machine running other suites beside this one (it never returned before).
        let stopped = await ended.wait(timeout: configuration.shutdownMargin + .seconds(20))
        #expect(stopped, "run() still running \(configuration.shutdownMargin + .seconds(20)) after the failure")
        guard stopped else { return }
        await #expect(throws: KafkaError.self) { try await running.value }
        #expect(worker.health.phase == .failed)
        #expect(logs.count(.warning) < 100, "\(logs.count(.warning)) warnings: \(logs.messages.suffix(5))")

        // Everything below each committed offset has its output: no unfinished work was committed.
        let auditor = try KafkaConsumer(configuration: KafkaConsumerConfiguration(kafka: KafkaConfiguration(bootstrapServers: pipeline.cluster.bootstrapServers), groupID: configuration.groupID))
        let partitions = (0..<Int32(pipeline.partitions)).map { KafkaTopicPartition(topic: pipeline.inputTopic, partition: $0) }
        let committed = try await auditor.committedOffsets(for: partitions)
        await auditor.close(timeout: .seconds(5))
        #expect(!committed.isEmpty, "the work finished before the failure was committed")
        let unfinished: @Sendable (TopicCollector.Records) -> [String] = { records in
            let finished = Set(records.messages(output).map { "\($0.headerText(RecordHeader.sourcePartition) ?? "")@\($0.headerText(RecordHeader.sourceOffset) ?? "")" })
            return committed.flatMap { partition, offset in (0..<offset).map { "\(partition.partition)@\($0)" } }.filter { !finished.contains($0) }
        }
        let published: TopicCollector.Records
        do {
            published = try await collector.collect(timeout: .seconds(30)) { unfinished($0).isEmpty }
        } catch let timeout as TopicCollectorTimeout {
            published = timeout.records
        }
        await collector.close()
        let missing = unfinished(published)
        #expect(missing.isEmpty, "committed without output: \(missing.count), e.g. \(missing.prefix(5))")
    }

    @Test("a worker whose broker it cannot talk to fails after the join timeout, with the broker's error")
    func aWorkerThatCannotJoinFailsAfterTheJoinTimeout() async throws {
        let broker = try UnintelligibleBroker()
        defer { broker.stop() }
        var configuration = WorkerConfiguration(brokers: broker.bootstrapServers)
        configuration.joinTimeout = .seconds(3)
        let worker = EnrichmentWorker(
            configuration: configuration, logger: CapturedLogs().logger(label: "byline.test.join"), metricsFactory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
        let ended = OneShotEvent()
        let running = Task {
            defer { ended.signal() }
            try await worker.run()
        }
        try await Task.sleep(for: .seconds(1))
        #expect(worker.health.isLive, "alive while it may still join")
        #expect(!worker.health.isReady)
        // It stayed healthy, never joining, for ever before.
        let limit = configuration.joinTimeout! + configuration.shutdownMargin + .seconds(10)
        let stopped = await ended.wait(timeout: limit)
        #expect(stopped, "run() still running \(limit) after start")
        guard stopped else {
            running.cancel()
            return
        }
        #expect(!worker.health.isLive)
        do {
            try await running.value
            Issue.record("run() returned without an error")
        } catch let error as GroupJoinTimeout {
            #expect(error.lastClientError?.contains("ApiVersion") == true, "the broker's error is the reason: \(error)")
        }
    }

    @Test("a worker that joined in time keeps running past the join timeout")
    func aWorkerThatJoinedKeepsRunningPastTheJoinTimeout() async throws {
        let pipeline = try DevPipeline(partitions: 2)
        var configuration = pipeline.workerConfiguration(withQuotes: false)
        // Above the cluster's 3 s initial rebalance delay, which a join always waits out.
        configuration.joinTimeout = .seconds(8)
        let worker = EnrichmentWorker(
            configuration: configuration, logger: CapturedLogs().logger(label: "byline.test.joined"), metricsFactory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
        let started = ContinuousClock.now
        let running = Task { try await worker.run() }
        try await pipeline.waitUntilAssigned([worker])
        try await Task.sleep(until: started + .seconds(10))
        #expect(worker.health.isLive)
        #expect(worker.health.phase == .running)
        running.cancel()
        _ = await running.result
    }
}
