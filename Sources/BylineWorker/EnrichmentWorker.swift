import BylineEnrichment
import BylineKafka
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// A consumer-group member that enriches articles and publishes them, at least once.
///
/// It reads the input topic and enriches up to `maxInFlight` articles at once, each in its
/// own child task (`InFlightWindow`). Each article's records are built by `ArticleProcessor`
/// (for bad input, its original bytes on the dead-letter topic) and published by
/// `RecordPublisher`; its input offset is committed (`OffsetCommitter`) only once that
/// output is acknowledged and so is every earlier offset of its partition. With
/// `maxInFlight` articles in flight it stops reading, and the consumer's bounded inbox
/// then holds librdkafka's fetching back.
///
/// As a ServiceLifecycle `Service`, graceful shutdown stops reading, lets in-flight
/// articles finish within `drainTimeout`, commits and leaves the group. Cancelling the
/// task stops at once, commits only what finished, and leaves the group. Either way,
/// `run()` returns at most `shutdownMargin` after the drain, even with the brokers gone.
public final class EnrichmentWorker: Service, Sendable {
    public let configuration: WorkerConfiguration
    public let health = WorkerHealth()
    let logger: Logger
    let metrics: WorkerMetrics
    let offsets: OffsetCommitter
    let clientFailure = ClientFailure()
    let warnings = LogRateLimiter()
    /// The latest non-fatal client error, for the reason a worker that cannot join gives.
    let lastClientError = Mutex<String?>(nil)
    private let processor: ArticleProcessor
    private let articlesInFlight = Atomic<Int>(0)

    /// - Parameters:
    ///   - configuration: topics, group, bounds and timeouts.
    ///   - logger: where the worker and librdkafka log.
    ///   - metricsFactory: where the metrics go; the process-wide `MetricsSystem.factory`
    ///     when nil.
    public init(configuration: WorkerConfiguration, logger: Logger = Logger(label: "byline.worker"), metricsFactory: (any MetricsFactory)? = nil) {
        self.configuration = configuration
        self.logger = logger
        metrics = WorkerMetrics(factory: metricsFactory ?? MetricsSystem.factory)
        offsets = OffsetCommitter(commitTimeout: configuration.commitTimeout, metrics: metrics, logger: logger)
        processor = ArticleProcessor(configuration: configuration)
        health.observe { [metrics] health in metrics.record(health) }
    }

    /// The input partitions this worker owns now.
    public var assignedPartitions: [KafkaTopicPartition] { offsets.ownedPartitions }

    public func run() async throws {
        let (producer, consumer) = try await startClients()
        health.enter(.running)
        logger.info(
            "worker started",
            metadata: [
                "brokers": "\(configuration.brokers)", "group": "\(configuration.groupID)",
                "input": "\(configuration.inputTopic)", "output": "\(configuration.outputTopic)",
                "max_in_flight": "\(configuration.maxInFlight)",
            ])
        let publisher = RecordPublisher(
            producer: producer, records: processor.records, retryBackoff: configuration.publishRetryBackoff,
            health: health, metrics: metrics, logger: logger, warnings: warnings, clientFailure: clientFailure
        )

        let ending = await consumeUntilStopped(consumer: consumer, publisher: publisher)

        if case .failed = ending { health.enter(.failed) } else { health.enter(.draining) }
        await stopClients(consumer: consumer, producer: producer)
        if case .failed(let error) = ending {
            logger.critical("worker failed", metadata: ["error": "\(error)"])
            throw error
        }
        health.enter(.stopped)
        logger.info("worker stopped", metadata: ["reason": "\(ending)"])
    }

    // MARK: - Reading

    /// Reads and processes until graceful shutdown (after the drain), cancellation, or the
    /// failure of a client: a fatal error cancels the work in flight at once, since nothing
    /// more can be published, and only what finished before it is committed.
    private func consumeUntilStopped(consumer: KafkaConsumer, publisher: RecordPublisher<KafkaProducer>) async -> InFlightWindow.Ending {
        let window = InFlightWindow(
            maxArticles: configuration.maxInFlight, maxBytes: configuration.maxInFlightBytes,
            drainTimeout: configuration.drainTimeout, logger: logger
        )
        return await withTaskGroup(of: InFlightWindow.Ending?.self) { tasks in
            tasks.addTask {
                await self.offsets.commitPeriodically(to: consumer, every: self.configuration.commitInterval)
                return nil
            }
            tasks.addTask { await self.clientFailure.wait().map { .failed($0) } }
            if let joinTimeout = self.configuration.joinTimeout {
                tasks.addTask { await self.failUnlessJoined(within: joinTimeout) }
            }
            tasks.addTask {
                let stopping = OneShotEvent()
                return await withGracefulShutdownHandler {
                    await window.run(consumer.messages, stopping: stopping) { message in self.admit(message, publisher: publisher) }
                } onGracefulShutdown: {
                    // Ends the messages and starts the drain's clock, even while the window is full.
                    stopping.signal()
                    consumer.stopDelivering()
                }
            }
            // The first ending wins: the window's own, or a client's failure.
            var ending = InFlightWindow.Ending.cancelled
            while let next = await tasks.next() {
                guard let next else { continue }
                ending = next
                break
            }
            tasks.cancelAll()
            return ending
        }
    }

    /// Fails the worker when it has not joined its group in time; nil once it has, or when cancelled.
    private func failUnlessJoined(within timeout: Duration) async -> InFlightWindow.Ending? {
        try? await Task.sleep(for: timeout)
        guard !Task.isCancelled, !health.hasJoinedGroup else { return nil }
        let error = GroupJoinTimeout(timeout: timeout, lastClientError: lastClientError.withLock { $0 })
        health.enter(.failed)
        logger.critical("the worker stops: \(error)")
        return .failed(error)
    }

    /// In reading order: messages of partitions that changed hands are left to their new owner.
    private func admit(_ message: KafkaMessage, publisher: RecordPublisher<KafkaProducer>) -> InFlightWindow.Job? {
        metrics.consumed.increment()
        guard let ticket = offsets.begin(message) else {
            logger.trace("message left to its partition's next reading", metadata: ["input": "\(message.partition)/\(message.offset)"])
            metrics.staleSkipped.increment()
            return nil
        }
        return InFlightWindow.Job(size: message.value.count) {
            await self.process(message, ticket: ticket, publisher: publisher)
        }
    }

    // MARK: - One article

    private func process(_ message: KafkaMessage, ticket: OffsetTracker.Ticket, publisher: RecordPublisher<KafkaProducer>) async {
        // Revoked while waiting for a slot: the partition's new owner reads it again.
        guard offsets.isOwned(ticket) else { return }
        metrics.inFlight.record(articlesInFlight.add(1, ordering: .relaxed).newValue)
        defer { metrics.inFlight.record(articlesInFlight.subtract(1, ordering: .relaxed).newValue) }

        // Cancelled (worker stopping): leave it uncommitted rather than dead-letter it.
        guard let article = await processor.process(message) else { return }
        // Revoked while enriching (a rebalance): its new owner, maybe this worker again in a
        // new assignment, reads it from the committed offset; publishing it too would only
        // duplicate it. Hundreds can be mid-enrichment at once, so this is most of them.
        guard offsets.isOwned(ticket) else {
            metrics.staleSkipped.increment()
            return
        }
        if let took = article.enrichmentDuration { metrics.enrichmentDuration.record(duration: took) }
        if case .deadLettered(let reason, let explanation) = article.kind {
            logger.notice(
                "article dead-lettered",
                metadata: [
                    "code": "\(reason.rawValue)", "reason": "\(explanation)",
                    "partition": "\(message.partition)", "offset": "\(message.offset)",
                ])
        }
        guard let delivered = await publisher.publish(article, for: message) else { return }
        count(delivered)
        offsets.finish(ticket)
    }

    private func count(_ delivered: ProcessedArticle.Kind) {
        switch delivered {
        case .enriched(let quoteCount):
            metrics.enriched.increment()
            if quoteCount > 0 { metrics.quotesPublished.increment(by: quoteCount) }
        case .forwarded:
            metrics.forwarded.increment()
        case .deadLettered(let reason, _):
            metrics.deadLettered(reason: reason).increment()
        }
    }

    // MARK: - Rebalances

    /// On the consumer's polling thread, before a revocation takes effect.
    func rebalanced(_ event: KafkaRebalanceEvent, consumer: KafkaConsumer) {
        offsets.rebalanced(event, target: consumer)
        switch event {
        case .assigned(let partitions, _):
            health.joinedGroup()
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions.map(\.description).joined(separator: ","))"])
        case .revoked(let partitions, let lost):
            logger.info(
                "partitions revoked",
                metadata: [
                    "partitions": "\(partitions.map(\.description).joined(separator: ","))", "lost": "\(lost)",
                ])
        }
    }
}
