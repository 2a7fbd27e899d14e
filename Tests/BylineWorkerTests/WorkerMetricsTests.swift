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
