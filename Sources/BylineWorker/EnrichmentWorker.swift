import BylineEnrichment
import BylineKafka
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// A consumer-group member that enriches articles and publishes them, at least once.
///
/// It reads the input topic and enriches up to `maxInFlight` articles at once, each in its
/// own child task. Each article's enriched record (or, for bad input, its original bytes
/// on the dead-letter topic) is published, and its input offset is committed only once
/// that output is acknowledged and so is every earlier offset of its partition
/// (`OffsetTracker`). With `maxInFlight` articles in flight it stops reading, and the
/// consumer's bounded inbox then holds librdkafka's fetching back.
///
/// As a ServiceLifecycle `Service`, graceful shutdown stops reading, lets in-flight
/// articles finish within `drainTimeout`, commits and leaves the group. Cancelling the
/// task stops at once, commits only what finished, and leaves the group.
public final class EnrichmentWorker: Service, Sendable {
    public let configuration: WorkerConfiguration
    public let health = WorkerHealth()
    private let enricher: ArticleEnricher
    private let logger: Logger
    private let metrics: WorkerMetrics
    private let tracker = Mutex(OffsetTracker())
    private let articlesInFlight = Atomic<Int>(0)

    /// - Parameter metricsFactory: where the metrics go; the process-wide
    ///   `MetricsSystem.factory` when nil.
    public init(configuration: WorkerConfiguration, logger: Logger = Logger(label: "byline.worker"), metricsFactory: (any MetricsFactory)? = nil) {
        self.configuration = configuration
        enricher = ArticleEnricher(limits: EnrichmentLimits(maximumInputBytes: configuration.maxInputBytes))
        self.logger = logger
        metrics = WorkerMetrics(factory: metricsFactory ?? MetricsSystem.factory)
    }

    /// The input partitions this worker owns now.
    public var assignedPartitions: [KafkaTopicPartition] { tracker.withLock { $0.ownedPartitions } }

    public func run() async throws {
        let producer: KafkaProducer
        let consumer: KafkaConsumer
        do {
            producer = try KafkaProducer(configuration: producerConfiguration, listeners: listeners(client: "producer"))
        } catch {
            health.enter(.failed)
            throw error
        }
        do {
            consumer = try KafkaConsumer(configuration: consumerConfiguration, listeners: listeners(client: "consumer")) { [self] event, consumer in
                rebalanced(event, consumer: consumer)
            }
        } catch {
            health.enter(.failed)
            await producer.close(timeout: .zero)
            throw error
        }
        do {
            try consumer.subscribe(topics: [configuration.inputTopic])
        } catch {
            health.enter(.failed)
            await consumer.close()
            await producer.close(timeout: .zero)
            throw error
        }
        health.enter(.running)
        logger.info("worker started", metadata: [
            "brokers": "\(configuration.brokers)", "group": "\(configuration.groupID)",
            "input": "\(configuration.inputTopic)", "output": "\(configuration.outputTopic)",
            "max_in_flight": "\(configuration.maxInFlight)",
        ])

        let ending = await consumeUntilStopped(consumer: consumer, producer: producer)

        health.enter(.draining)
        await commitFinished(consumer)
        // Leaving the group revokes the partitions, which commits anything finished since.
        await consumer.close()
        await producer.close(timeout: .seconds(5))
        if case .failed(let error) = ending {
            health.enter(.failed)
            logger.critical("worker failed", metadata: ["error": "\(error)"])
            throw error
        }
        health.enter(.stopped)
        logger.info("worker stopped", metadata: ["reason": "\(ending)"])
    }

    // MARK: - Reading and the in-flight window

    private enum Ending: CustomStringConvertible {
        case shutdown, cancelled, failed(any Error)
        var description: String {
            switch self {
            case .shutdown: "shutdown"
            case .cancelled: "cancelled"
            case .failed(let error): "failed: \(error)"
            }
        }
    }

    private enum ChildOutcome { case article(bytes: Int), drainDeadline }

    /// Articles and input bytes in flight, as the reading loop counts them.
    private struct Window {
        var articles = 0
        var bytes = 0
        mutating func add(_ size: Int) { articles += 1; bytes += size }
        mutating func remove(_ outcome: ChildOutcome) {
            if case .article(let size) = outcome { articles -= 1; bytes -= size }
        }
    }

    private func consumeUntilStopped(consumer: KafkaConsumer, producer: KafkaProducer) async -> Ending {
        await withTaskGroup(of: Void.self) { background in
            background.addTask { await self.commitPeriodically(consumer) }
            let ending = await withTaskGroup(of: ChildOutcome.self) { articles in
                var window = Window()
                var ending = Ending.shutdown
                do {
                    try await startArticles(from: consumer, producer: producer, into: &articles, window: &window)
                } catch is CancellationError {
                    ending = .cancelled
                } catch {
                    ending = .failed(error)
                }
                if Task.isCancelled { ending = .cancelled }
                if case .shutdown = ending {
                    await drain(&articles, inFlight: window.articles)
                } else {
                    articles.cancelAll()
                }
                return ending
            }
            background.cancelAll()
            return ending
        }
    }

    /// Starts a child task per message, holding the window's bounds, until the messages
    /// end (graceful shutdown stops their delivery) or fail.
    private func startArticles(
        from consumer: KafkaConsumer,
        producer: KafkaProducer,
        into articles: inout TaskGroup<ChildOutcome>,
        window: inout Window
    ) async throws {
        try await withGracefulShutdownHandler {
            for try await message in consumer.messages {
                metrics.consumed.increment()
                guard let ticket = tracker.withLock({ $0.begin(message) }) else {
                    metrics.staleSkipped.increment()
                    continue
                }
                let size = message.value.count
                while window.articles >= configuration.maxInFlight
                    || (window.articles > 0 && window.bytes + size > configuration.maxInFlightBytes),
                    let finished = await articles.next() {
                    window.remove(finished)
                }
                window.add(size)
                articles.addTask {
                    await self.process(message, ticket: ticket, producer: producer)
                    return .article(bytes: size)
                }
            }
        } onGracefulShutdown: {
            consumer.stopDelivering()
        }
    }

    /// Waits for in-flight articles up to the drain timeout, then abandons the rest
    /// uncommitted: the group reads them again.
    private func drain(_ articles: inout TaskGroup<ChildOutcome>, inFlight: Int) async {
        var remaining = inFlight
        guard remaining > 0 else { return }
        logger.info("draining in-flight articles", metadata: ["in_flight": "\(remaining)"])
        let timeout = configuration.drainTimeout
        articles.addTask {
            try? await Task.sleep(for: timeout)
            return .drainDeadline
        }
        while remaining > 0, let outcome = await articles.next() {
            switch outcome {
            case .article:
                remaining -= 1
            case .drainDeadline:
                logger.warning("drain timeout reached: abandoning unfinished articles uncommitted; the group will read them again", metadata: ["unfinished": "\(remaining)"])
                articles.cancelAll()
            }
        }
        articles.cancelAll()
    }

    // MARK: - One article

    private func process(_ message: KafkaMessage, ticket: OffsetTracker.Ticket, producer: KafkaProducer) async {
        // Revoked while waiting for a slot: the partition's new owner reads it again.
        guard tracker.withLock({ $0.isOwned(ticket) }) else { return }
        metrics.inFlight.record(articlesInFlight.add(1, ordering: .relaxed).newValue)
        defer { metrics.inFlight.record(articlesInFlight.subtract(1, ordering: .relaxed).newValue) }

        var records: [KafkaProducerMessage]
        let succeeded: Counter
        var quoteCount = 0
        switch configuration.processing {
        case .forwardUnchanged:
            records = [KafkaProducerMessage(topic: configuration.outputTopic, key: message.key, value: message.value, headers: sourceHeaders(message))]
            succeeded = metrics.forwarded
        case .enrich:
            let started = ContinuousClock.now
            let result = await enrichWithinTimeout(message.value)
            // Cancelled (worker stopping): leave it uncommitted rather than dead-letter it.
            if Task.isCancelled { return }
            metrics.enrichmentDuration.record(duration: ContinuousClock.now - started)
            switch result {
            case .success(let article):
                records = enrichedRecords(article, source: message)
                quoteCount = records.count - 1
                succeeded = metrics.enriched
            case .failure(let error):
                records = [deadLetterRecord(message, code: error.code.rawValue, reason: error.message)]
                succeeded = metrics.deadLettered(reason: error.code.rawValue)
                logger.notice("article dead-lettered", metadata: [
                    "code": "\(error.code.rawValue)", "reason": "\(error.message)",
                    "partition": "\(message.partition)", "offset": "\(message.offset)",
                ])
            }
        }

        var outcome = await publish(records, producer: producer)
        var counter = succeeded
        if case .rejected(let error) = outcome, records[0].topic != configuration.deadLetterTopic {
            // The broker will never take this output (too large, say): keep the input instead.
            let code = "output_rejected"
            records = [deadLetterRecord(message, code: code, reason: error.description)]
            quoteCount = 0
            counter = metrics.deadLettered(reason: code)
            outcome = await publish(records, producer: producer)
        }
        if case .rejected(let error) = outcome {
            // Even the input's bytes are refused: record where it is, so nothing vanishes unseen.
            let code = "dead_letter_rejected"
            logger.error("dead-letter record refused; publishing its position only", metadata: ["error": "\(error)"])
            var marker = deadLetterRecord(message, code: code, reason: error.description)
            marker.value = []
            counter = metrics.deadLettered(reason: code)
            outcome = await publish([marker], producer: producer)
        }
        guard case .delivered = outcome else { return }
        counter.increment()
        if quoteCount > 0 { metrics.quotesPublished.increment(by: quoteCount) }
        tracker.withLock { $0.finish(ticket) }
    }

    /// The deadline is read inside the enrichment's loops, so an article over its time
    /// frees its thread within about a sentence's work, however long its text.
    private func enrichWithinTimeout(_ bytes: [UInt8]) async -> Result<EnrichedArticle, ArticleError> {
        let timeout = configuration.enrichmentTimeout
        do throws(ArticleError) {
            return .success(try await enricher.enrich(record: bytes, deadline: .after(timeout)))
        } catch where error.code == .timedOut {
            return .failure(ArticleError(.timedOut, "enrichment took longer than \(timeout)"))
        } catch {
            return .failure(error)
        }
    }

    private func enrichedRecords(_ article: EnrichedArticle, source: KafkaMessage) -> [KafkaProducerMessage] {
        let key = Array(article.input.id.utf8)
        let headers = [
            KafkaHeader(key: RecordHeader.contentType, text: "application/json"),
            KafkaHeader(key: RecordHeader.schemaVersion, text: EnrichedArticle.schemaVersion),
        ] + sourceHeaders(source)
        var records = [KafkaProducerMessage(topic: configuration.outputTopic, key: key, value: article.json().serialized(), headers: headers)]
        if let quotesTopic = configuration.quotesTopic {
            for quote in article.quoteRecords() {
                records.append(KafkaProducerMessage(topic: quotesTopic, key: key, value: quote.serialized(), headers: headers))
            }
        }
        return records
    }

    private func deadLetterRecord(_ input: KafkaMessage, code: String, reason: String) -> KafkaProducerMessage {
        KafkaProducerMessage(
            topic: configuration.deadLetterTopic,
            key: input.key,
            value: input.value,
            headers: input.headers + sourceHeaders(input) + [
                KafkaHeader(key: RecordHeader.errorCode, text: code),
                KafkaHeader(key: RecordHeader.errorMessage, text: reason),
            ]
        )
    }

    private func sourceHeaders(_ input: KafkaMessage) -> [KafkaHeader] {
        [
            KafkaHeader(key: RecordHeader.sourceTopic, text: input.topic),
            KafkaHeader(key: RecordHeader.sourcePartition, text: String(input.partition)),
            KafkaHeader(key: RecordHeader.sourceOffset, text: String(input.offset)),
        ]
    }

    // MARK: - Publishing and committing

    private enum PublishOutcome {
        case delivered
        /// The broker refuses these records for good; sending them again cannot help.
        case rejected(KafkaError)
        case cancelled
    }

    /// Publishes the records and waits for every acknowledgement, retrying while the
    /// brokers are unreachable or refuse for now; meanwhile the worker reports not ready.
    private func publish(_ records: [KafkaProducerMessage], producer: KafkaProducer) async -> PublishOutcome {
        while !Task.isCancelled {
            var failure: KafkaError?
            do throws(KafkaError) {
                var pending: [KafkaPendingDelivery] = []
                pending.reserveCapacity(records.count)
                for record in records { pending.append(try await producer.enqueue(record)) }
                for delivery in pending {
                    guard let outcome = await delivery.outcome() else { return .cancelled }
                    if case .failure(let error) = outcome { failure = error }
                }
            } catch {
                failure = error
            }
            guard let failure else {
                health.publishingWorks()
                return .delivered
            }
            metrics.publishFailures.increment()
            if failure.code.rejectsMessage { return .rejected(failure) }
            health.publishingFails(failure.description)
            logger.warning("publishing failed; retrying", metadata: ["error": "\(failure)"])
            try? await Task.sleep(for: configuration.publishRetryBackoff)
        }
        return .cancelled
    }

    private func commitPeriodically(_ consumer: KafkaConsumer) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.commitInterval)
            await commitFinished(consumer)
        }
    }

    private func commitFinished(_ consumer: KafkaConsumer) async {
        let offsets = tracker.withLock { $0.offsetsToCommit }
        guard !offsets.isEmpty else { return }
        do {
            try await consumer.commit(offsets)
            tracker.withLock { $0.markCommitted(offsets) }
        } catch {
            // Refused during a rebalance, or the coordinator is away: the next round retries.
            metrics.commitFailures.increment()
            logger.debug("commit failed; will retry", metadata: ["error": "\(error)"])
        }
    }

    /// On the consumer's polling thread: a revocation commits the partitions' finished
    /// work while this member still owns them; unfinished work is dropped uncommitted.
    private func rebalanced(_ event: KafkaRebalanceEvent, consumer: KafkaConsumer) {
        switch event {
        case .assigned(let partitions, let epoch):
            tracker.withLock { $0.assign(partitions, epoch: epoch) }
            health.joinedGroup()
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions.map(\.description).joined(separator: ","))"])
        case .revoked(let partitions, let lost):
            let finished = tracker.withLock { $0.revoke(partitions) }
            if !lost, !finished.isEmpty {
                do {
                    try consumer.commitNow(finished)
                } catch {
                    metrics.commitFailures.increment()
                    logger.notice("commit on revocation failed; the new owner repeats that work", metadata: ["error": "\(error)"])
                }
            }
            logger.info("partitions revoked", metadata: [
                "partitions": "\(partitions.map(\.description).joined(separator: ","))", "lost": "\(lost)",
            ])
        }
    }

    // MARK: - Clients

    private var producerConfiguration: KafkaProducerConfiguration {
        var kafka = configuration.kafka
        kafka.statisticsInterval = nil
        return KafkaProducerConfiguration(kafka: kafka)
    }

    private var consumerConfiguration: KafkaConsumerConfiguration {
        var consumer = KafkaConsumerConfiguration(kafka: configuration.kafka, groupID: configuration.groupID)
        consumer.bufferCapacity = max(256, configuration.maxInFlight * 4)
        consumer.sessionTimeout = configuration.sessionTimeout
        return consumer
    }

    private func listeners(client: String) -> KafkaClientListeners {
        let logger = logger
        let health = health
        var listeners = KafkaClientListeners(
            onError: { error in
                if error.isFatal {
                    logger.critical("Kafka client failed", metadata: ["client": "\(client)", "error": "\(error)"])
                } else {
                    logger.warning("Kafka client error", metadata: ["client": "\(client)", "error": "\(error)"])
                }
                if error.code == .allBrokersDown { health.brokersUnreachable(error.message) }
            },
            onLog: { line in
                logger.log(level: Self.logLevel(syslog: line.level), "\(line.message)", metadata: [
                    "client": "\(client)", "facility": "\(line.facility)", "source": "librdkafka",
                ])
            }
        )
        if client == "consumer" {
            listeners.onStatistics = { [self] json in
                let statistics = ClientStatistics(json: json, owned: Set(tracker.withLock { $0.ownedPartitions }))
                metrics.recordLag(statistics.lag)
                // An idle worker publishes nothing, so reconnection is what clears an outage.
                if statistics.brokersUp > 0 { health.brokersReachable() }
            }
        }
        return listeners
    }

    private static func logLevel(syslog level: Int32) -> Logger.Level {
        switch level {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    }
}
