import BylineDevKit
import BylineKafka
import BylineWorker
import Logging
import Prometheus
import Synchronization
import Testing
@_exported import BylineTestSupport

/// A worker for the tests: small records limit, quick retries, and its own metrics registry.
func makeWorker(_ pipeline: DevPipeline, registry: PrometheusCollectorRegistry, label: String) -> EnrichmentWorker {
    var configuration = pipeline.workerConfiguration(withQuotes: false)
    configuration.maxInputBytes = SyntheticArticles.maximumBytes
    configuration.publishRetryBackoff = .milliseconds(200)
    configuration.drainTimeout = .seconds(15)
    var logger = Logger(label: "byline.test.\(label)")
    logger.logLevel = .warning
    return EnrichmentWorker(configuration: configuration, logger: logger, metricsFactory: PrometheusMetricsFactory(registry: registry))
}
