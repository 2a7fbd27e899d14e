import BylineKafka
import Metrics
import Synchronization

/// The worker's counters, gauges and timers, through swift-metrics: the process that
/// runs the worker chooses the backend (Prometheus in `byline run`).
final class WorkerMetrics: Sendable {
    private let factory: any MetricsFactory
    let consumed: Counter
    let enriched: Counter
    let forwarded: Counter
    let quotesPublished: Counter
    let publishFailures: Counter
    let commitFailures: Counter
    let staleSkipped: Counter
    let offsetsSkipped: Counter
    let enrichmentDuration: Timer
    let inFlight: Gauge
    /// 1 while `/readyz` would answer 200, else 0: readiness an alert rule can see.
    let ready: Gauge
    /// 1 for the worker's current phase, 0 for the others.
    private let phases: [WorkerHealth.Phase: Gauge]
    private let deadLetterCounters = Mutex<[DeadLetterReason: Counter]>([:])
    private let lagGauges = Mutex<[KafkaTopicPartition: Gauge]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
        consumed = Counter(label: "byline_articles_consumed_total", factory: factory)
        enriched = Counter(label: "byline_articles_enriched_total", factory: factory)
        forwarded = Counter(label: "byline_articles_forwarded_total", factory: factory)
        quotesPublished = Counter(label: "byline_quotes_published_total", factory: factory)
        publishFailures = Counter(label: "byline_publish_failures_total", factory: factory)
        commitFailures = Counter(label: "byline_commit_failures_total", factory: factory)
        staleSkipped = Counter(label: "byline_stale_messages_skipped_total", factory: factory)
        offsetsSkipped = Counter(label: "byline_input_offsets_skipped_total", factory: factory)
        enrichmentDuration = Timer(label: "byline_enrichment_duration_seconds", factory: factory)
        inFlight = Gauge(label: "byline_articles_in_flight", factory: factory)
        ready = Gauge(label: "byline_worker_ready", factory: factory)
        var phases: [WorkerHealth.Phase: Gauge] = [:]
        for phase in WorkerHealth.Phase.allCases {
            phases[phase] = Gauge(label: "byline_worker_phase", dimensions: [("phase", phase.rawValue)], factory: factory)
        }
        self.phases = phases
        for reason in DeadLetterReason.all { _ = deadLettered(reason: reason) }
    }

    func record(_ health: WorkerHealth) {
        ready.record(health.isReady ? 1 : 0)
        let current = health.phase
        for (phase, gauge) in phases { gauge.record(phase == current ? 1 : 0) }
    }

    /// Articles sent to the dead-letter topic, by reason (the error code).
    func deadLettered(reason: DeadLetterReason) -> Counter {
        deadLetterCounters.withLock { counters in
            if let counter = counters[reason] { return counter }
            let counter = Counter(label: "byline_articles_dead_lettered_total", dimensions: [("reason", reason.rawValue)], factory: factory)
            counters[reason] = counter
            return counter
        }
    }

    /// Records the lag of owned partitions and drops the gauges of the others, so that
    /// lag summed over the group counts each partition once.
    func recordLag(_ lag: [KafkaTopicPartition: Int64]) {
        lagGauges.withLock { gauges in
            for (partition, gauge) in gauges where lag[partition] == nil {
                gauge.destroy()
                gauges[partition] = nil
            }
            for (partition, value) in lag {
                let gauge =
                    gauges[partition]
                    ?? Gauge(
                        label: "byline_consumer_lag",
                        dimensions: [("topic", partition.topic), ("partition", String(partition.partition))],
                        factory: factory
                    )
                gauges[partition] = gauge
                gauge.record(value)
            }
        }
    }
}
