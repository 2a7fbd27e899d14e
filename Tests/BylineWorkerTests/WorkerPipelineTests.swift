import BylineDevKit
import BylineEnrichment
import BylineKafka
import BylineWorker
import Logging
import Prometheus
import ServiceLifecycle
import Testing

/// End to end against the embedded cluster: articles in, enriched records and dead letters
/// out, with nothing lost.
@Suite(.serialized) struct WorkerPipelineTests {
    @Test func twoWorkersEnrichEveryArticleAndDeadLetterEveryBadOne() async throws {
        let pipeline = try DevPipeline(partitions: 6)
        let records = SyntheticArticles.make(count: 2_000, badEvery: 50)
        let registry = PrometheusCollectorRegistry()
        let workers = [makeWorker(pipeline, registry: registry, label: "a"), makeWorker(pipeline, registry: registry, label: "b")]
        let status = StatusServer(host: "127.0.0.1", port: 0, handler: StatusServer.routes(health: workers[0].health) { registry.emitToBuffer() })
        let port = try status.bind()
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic, pipeline.deadLetterTopic])
        let good = Set(records.filter { $0.expectedError == nil }.map(\.id))
        let badCount = records.count - good.count
        #expect(badCount == 40)
        let (output, dlq) = (pipeline.outputTopic, pipeline.deadLetterTopic)

        let statusTask = Task { try await status.run() }
        #expect(StatusProbe.get(port: port, path: "/readyz")?.status == 503, "not ready before joining the group")
        #expect(StatusProbe.get(port: port, path: "/healthz")?.status == 200)
        let logger = Logger(label: "byline.test")
        try await pipeline.withWorkers(workers, logger: logger) {
            try await pipeline.waitUntilAssigned(workers)
            #expect(await eventually(timeout: .seconds(10)) { StatusProbe.get(port: port, path: "/readyz")?.status == 200 })
            try await feed(pipeline, records)
            _ = try await collector.collect(timeout: .seconds(300)) { collected in
                collected.keys(output).isSuperset(of: good) && collected.keys(dlq).count >= badCount
            }
        }
        // Stopped: the counters are final. Read on until the topics hold as many records as counted.
        let metrics = try #require(StatusProbe.get(port: port, path: "/metrics")).body
        statusTask.cancel()
        let enriched = Int(metricValue(metrics, "byline_articles_enriched_total"))
        let deadLettered = Int(metricValue(metrics, "byline_articles_dead_lettered_total"))
        let collected = try await collector.collect(timeout: .seconds(30)) { collected in
            collected.messages(output).count >= enriched && collected.messages(dlq).count >= deadLettered
        }
        await collector.close()

        expectNothingLost(records, in: collected, pipeline: pipeline)
        #expect(enriched == collected.messages(output).count, "metrics count \(enriched) enriched records published")
        #expect(deadLettered == collected.messages(dlq).count)
        #expect(enriched >= good.count && deadLettered >= badCount)
        #expect(Int(metricValue(metrics, "byline_articles_consumed_total")) >= records.count)
        #expect(metricValue(metrics, "byline_articles_dead_lettered_total", labels: "reason=\"invalid_utf8\"") >= 6)
        #expect(metricValue(metrics, "byline_enrichment_duration_seconds_count") >= Double(records.count))
        #expect(metrics.contains("byline_articles_in_flight"))
        // Each record's headers say what it is and where it came from.
        let first = try #require(collected.messages(output).first)
        #expect(first.headers.contains(KafkaHeader(key: RecordHeader.contentType, text: "application/json")))
        #expect(first.headers.contains { $0.key == RecordHeader.sourceOffset })
        let duplicates = collected.messages(output).count - good.count
        print("two workers: \(good.count) articles, \(duplicates) published twice after rebalances")
    }

    @Test func theSurvivingWorkerTakesOverWhenTheOtherIsCancelled() async throws {
        let pipeline = try DevPipeline(partitions: 6)
        let records = SyntheticArticles.make(count: 1_000, badEvery: 100, idPrefix: "takeover")
        let registry = PrometheusCollectorRegistry()
        let leaving = makeWorker(pipeline, registry: registry, label: "leaving")
        let staying = makeWorker(pipeline, registry: registry, label: "staying")
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic, pipeline.deadLetterTopic])
        let (output, dlq) = (pipeline.outputTopic, pipeline.deadLetterTopic)
        let expectedOutput = records.filter { $0.expectedError == nil }.count

        let leavingTask = Task { try await leaving.run() }
        let stayingTask = Task { try await staying.run() }
        try await pipeline.waitUntilAssigned([leaving, staying])
        try await feed(pipeline, records)
        _ = try await collector.collect(timeout: .seconds(120)) { $0.keys(output).count >= 200 }
        leavingTask.cancel()
        try await leavingTask.value
        #expect(await eventually(timeout: .seconds(30)) { staying.assignedPartitions.count == pipeline.partitions }, "the staying worker owns every partition")

        let collected = try await collector.collect(timeout: .seconds(300)) { collected in
            collected.keys(output).count >= expectedOutput && collected.keys(dlq).count >= records.count - expectedOutput
        }
        stayingTask.cancel()
        try await stayingTask.value
        await collector.close()
        expectNothingLost(records, in: collected, pipeline: pipeline)
    }

    @Test func brokerOutageAndRequestErrorsLoseNothing() async throws {
        let pipeline = try DevPipeline(partitions: 6)
        let records = SyntheticArticles.make(count: 1_200, badEvery: 60, idPrefix: "outage")
        let registry = PrometheusCollectorRegistry()
        let worker = makeWorker(pipeline, registry: registry, label: "outage")
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic, pipeline.deadLetterTopic])
        let (output, dlq) = (pipeline.outputTopic, pipeline.deadLetterTopic)
        let expectedOutput = records.filter { $0.expectedError == nil }.count
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: worker)], logger: Logger(label: "byline.test")))

        let running = Task { try await group.run() }
        try await pipeline.waitUntilAssigned([worker])
        try await feed(pipeline, Array(records[..<600]))
        _ = try await collector.collect(timeout: .seconds(120)) { $0.keys(output).count >= 100 }

        // Every broker away: the worker must report itself not ready, wait, and carry on.
        for broker in pipeline.cluster.brokerIDs { try pipeline.cluster.setBrokerDown(broker) }
        let becameUnready = await eventually(timeout: .seconds(20)) { !worker.health.isReady }
        for broker in pipeline.cluster.brokerIDs { try pipeline.cluster.setBrokerUp(broker) }
        #expect(becameUnready, "readiness: \(worker.health.readiness.reason)")

        // Then the brokers refuse produce requests for a while with retriable errors.
        pipeline.cluster.injectRequestErrors(.produce, Array(repeating: .notEnoughReplicas, count: 20))
        try await feed(pipeline, Array(records[600...]))
        let collected = try await collector.collect(timeout: .seconds(300)) { collected in
            collected.keys(output).count >= expectedOutput && collected.keys(dlq).count >= records.count - expectedOutput
        }
        #expect(await eventually(timeout: .seconds(30)) { worker.health.isReady }, "ready again: \(worker.health.readiness.reason)")
        await group.triggerGracefulShutdown()
        try await running.value
        await collector.close()
        expectNothingLost(records, in: collected, pipeline: pipeline)
    }

    @Test func anIdleWorkerIsReadyAgainOnceTheBrokersReturn() async throws {
        let pipeline = try DevPipeline(partitions: 2)
        var configuration = pipeline.workerConfiguration()
        configuration.statisticsInterval = .seconds(1)
        let worker = EnrichmentWorker(configuration: configuration, logger: .init(label: "byline.test.idle"), metricsFactory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry()))
        let running = Task { try await worker.run() }
        #expect(await eventually(timeout: .seconds(30)) { worker.health.isReady }, "\(worker.health.readiness.reason)")
        for broker in pipeline.cluster.brokerIDs { try pipeline.cluster.setBrokerDown(broker) }
        #expect(await eventually(timeout: .seconds(20)) { !worker.health.isReady })
        for broker in pipeline.cluster.brokerIDs { try pipeline.cluster.setBrokerUp(broker) }
        // Nothing is published, so only the reconnection can clear the outage.
        #expect(await eventually(timeout: .seconds(30)) { worker.health.isReady }, "\(worker.health.readiness.reason)")
        running.cancel()
        try await running.value
    }

    @Test func quoteRecordsGoToTheQuotesTopicKeyedByArticle() async throws {
        let pipeline = try DevPipeline(partitions: 3)
        let records = SyntheticArticles.make(count: 60, idPrefix: "quotes")
        let worker = EnrichmentWorker(
            configuration: pipeline.workerConfiguration(withQuotes: true), logger: .init(label: "byline.test.quotes"), metricsFactory: PrometheusMetricsFactory(registry: PrometheusCollectorRegistry())
        )
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic, pipeline.quotesTopic])
        let running = Task { try await worker.run() }
        try await feed(pipeline, records)
        let (output, quotes) = (pipeline.outputTopic, pipeline.quotesTopic)
        let enriched = try await collector.collect(timeout: .seconds(120)) { $0.keys(output).count >= 60 }
        var expectedQuotes = 0
        for message in enriched.messages(output) {
            if case .array(let articleQuotes)? = try JSONValue.parse(message.value)["quotes"] { expectedQuotes += articleQuotes.count }
        }
        // Quote records are acknowledged together with their article, so they are all there or coming.
        let collected = try await collector.collect(timeout: .seconds(60)) { [expectedQuotes] in $0.messages(quotes).count >= expectedQuotes }
        running.cancel()
        try await running.value
        await collector.close()

        // Each article's quote records are the quotes of its enriched record, in order.
        var quotesByArticle: [String: [JSONValue]] = [:]
        for message in collected.messages(quotes) {
            let record = try JSONValue.parse(message.value)
            let key = message.keyText ?? ""
            #expect(record["article_id"]?.stringValue == key)
            quotesByArticle[key, default: []].append(record)
        }
        for message in collected.messages(output) {
            let article = try JSONValue.parse(message.value)
            let id = try #require(article["id"]?.stringValue)
            guard case .array(let articleQuotes)? = article["quotes"] else { Issue.record("no quotes array"); continue }
            #expect(articleQuotes.count >= 2, "the synthetic article quotes two people")
            let published = quotesByArticle[id] ?? []
            #expect(published.map { $0["text"] } == articleQuotes.map { $0["text"] })
            #expect(published.first?["title"]?.stringValue?.hasPrefix("Ferry timetable") == true)
        }
    }
}
