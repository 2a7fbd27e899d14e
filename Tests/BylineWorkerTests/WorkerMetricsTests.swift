import Foundation
import Synchronization
@testable import BylineWorker
import BylineTestSupport
import Prometheus
import Testing

@Suite("Worker metrics")
struct WorkerMetricsTests {
    @Test("every dead-letter reason is exported at zero from the start, so a rate sees the first one")
    func deadLetterSeriesExistFromTheStart() {
        let registry = PrometheusCollectorRegistry()
        let metrics = WorkerMetrics(factory: PrometheusMetricsFactory(registry: registry))
        let exposition = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        for reason in ["invalid_json", "invalid_utf8", "not_an_object", "missing_field", "wrong_type", "empty_text", "too_large", "timed_out", "output_rejected", "dead_letter_rejected"] {
            #expect(exposition.contains("byline_articles_dead_lettered_total{reason=\"\(reason)\"} 0"), "no series for \(reason)")
        }
        metrics.deadLettered(reason: .outputRejected).increment()
        let after = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        #expect(metricValue(after, "byline_articles_dead_lettered_total", labels: "reason=\"output_rejected\"") == 1)
    }
}

@Suite("Readiness as a metric")
struct ReadinessMetricTests {
    @Test("byline_worker_ready and byline_worker_phase follow the worker's health as it changes")
    func readinessAndPhaseGauges() throws {
        let recorded = RecordedMetrics()
        let health = WorkerHealth()
        health.observe { [metrics = recorded.metrics] in metrics.record($0) }
        func ready() throws -> Double? { try recorded.recorded.expectGauge("byline_worker_ready").lastValue }
        func phase(_ name: String) throws -> Double? { try recorded.recorded.expectGauge("byline_worker_phase", [("phase", name)]).lastValue }

        #expect(try ready() == 0)
        #expect(try phase("starting") == 1)
        health.enter(.running)
        #expect(try ready() == 0, "running but not in the group yet")
        health.joinedGroup()
        #expect(try ready() == 1)
        #expect(try phase("running") == 1 && phase("starting") == 0)
        health.brokersUnreachable("all brokers down")
        #expect(try ready() == 0)
        health.brokersReachable()
        #expect(try ready() == 1)
        health.enter(.draining)
        #expect(try ready() == 0)
        #expect(try phase("draining") == 1 && phase("running") == 0)
    }
}

@Suite("Health observer")
struct HealthObserverTests {
    /// Every acknowledged publish reports to the health. Its observer must be called at the
    /// same stack depth each time: a closure kept in a generic lock was wrapped anew on
    /// every access, so the calls nested deeper with each record and a busy worker spent
    /// most of its CPU (and finally its stack) walking the wrappers.
    @Test("the observer is called at the same depth after many changes")
    func observerDepthStaysFlat() {
        let depths = Mutex<[Int]>([])
        let health = WorkerHealth()
        health.observe { _ in
            let depth = Thread.callStackSymbols.count
            depths.withLock { $0.append(depth) }
        }
        for _ in 0..<1_000 { health.publishingWorks() }
        let recorded = depths.withLock { $0 }
        #expect(recorded.count == 1_001)
        #expect(recorded.last == recorded[1], "depth \(recorded[1]) after one change, \(recorded.last ?? 0) after 1,000")
    }
}
