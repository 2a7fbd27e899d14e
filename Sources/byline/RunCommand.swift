import ArgumentParser
import BylineKafka
import BylineWorker
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs a worker: consumes articles, enriches them, publishes the enriched records.",
        discussion: """
            Every option can also come from the environment variable named in its help; a flag \
            wins. Any librdkafka property can be set as BYLINE_KAFKA_<PROPERTY>, dots written as \
            underscores (BYLINE_KAFKA_SECURITY_PROTOCOL=SASL_SSL sets security.protocol), or with \
            --kafka-property; a consumer-only property reaches only the consumer, a producer-only \
            one only the producer. Serves /metrics, /healthz and /readyz on --http-port. SIGTERM or \
            SIGINT, even while starting: stop reading, finish in-flight articles within \
            --drain-timeout, commit, leave the group, exit 0: all within --drain-timeout plus 11 s \
            (a commit waits 3 s at most, leaving the group 5 s, closing the producer 1 s, and 2 s \
            of slack), brokers or no brokers. A fatal Kafka client error fails /healthz at once; the \
            worker then commits only finished work and byline run exits non-zero, to be restarted; so \
            does a worker that cannot join its group within --join-timeout (brokers unreachable, or \
            a broker its librdkafka cannot talk to).
            """
    )

    @Option(help: "Kafka bootstrap servers, host:port,... [env: BYLINE_BROKERS]")
    var brokers: String?

    @Option(help: "Consumer group; workers in one group share the partitions. [env: BYLINE_GROUP] (default: byline)")
    var group: String?

    @Option(help: "Topic of raw articles. [env: BYLINE_INPUT] (default: articles.raw)")
    var input: String?

    @Option(help: "Topic for enriched records. [env: BYLINE_OUTPUT] (default: articles.enriched)")
    var output: String?

    @Option(help: "Dead-letter topic for bad input, with the reason in headers. [env: BYLINE_DLQ] (default: articles.raw.dlq)")
    var dlq: String?

    @Option(help: "Also publish one message per quote to this topic. [env: BYLINE_QUOTES_TOPIC] (default: none)")
    var quotesTopic: String?

    @Option(help: "Articles in flight at once. [env: BYLINE_MAX_IN_FLIGHT] (default: 1024; most wait for the broker's acknowledgement)")
    var maxInFlight: Int?

    @Option(help: "Largest accepted article record, in bytes. [env: BYLINE_MAX_BYTES] (default: 1000000)")
    var maxBytes: Int?

    @Option(help: "Seconds one article may take to enrich before it is dead-lettered. [env: BYLINE_ENRICHMENT_TIMEOUT] (default: 10)")
    var enrichmentTimeout: Double?

    @Option(help: "Seconds in-flight articles may take to finish at shutdown. [env: BYLINE_DRAIN_TIMEOUT] (default: 20)")
    var drainTimeout: Double?

    @Option(
        help:
            "Seconds a starting worker may take to join its group; past it /healthz fails and byline run exits 1 with the last broker error; keep it above the session timeout. 0 waits for ever. [env: BYLINE_JOIN_TIMEOUT] (default: 120)"
    )
    var joinTimeout: Double?

    @Option(help: "Port for /metrics, /healthz and /readyz; 0 picks a free one. [env: BYLINE_HTTP_PORT] (default: 8080)")
    var httpPort: Int?

    @Option(help: "Address the HTTP port listens on. [env: BYLINE_HTTP_HOST] (default: 0.0.0.0)")
    var httpHost: String?

    @Option(help: "Log format: text or json. [env: BYLINE_LOG_FORMAT] (default: text)")
    var logFormat: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. [env: BYLINE_LOG_LEVEL] (default: info)")
    var logLevel: String?

    @Option(help: "Kafka client id, seen in broker logs and quotas. [env: BYLINE_CLIENT_ID] (default: byline)")
    var clientId: String?

    @Option(help: "A librdkafka property, key=value; repeatable. [env: BYLINE_KAFKA_<PROPERTY>]")
    var kafkaProperty: [String] = []

    static let defaultMaxInputBytes = 1_000_000
    static let defaultHTTPPort = 8080

    func run() async throws {
        // First of all: loading the model and starting the clients takes a while (seconds in
        // a debug build), and a SIGTERM meanwhile is a graceful shutdown too, not death by
        // the signal. ServiceGroup would install its handlers only once the group runs; this
        // sequence traps them now and keeps a signal until it is read.
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let settings = EnvironmentSettings()
        let format = try LogFormat(rawValue: settings.value(logFormat, flag: "log-format") ?? "text")
            .orThrow("--log-format must be text or json")
        let level = try Logger.Level(rawValue: settings.value(logLevel, flag: "log-level") ?? "info")
            .orThrow("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        bootstrapLogging(format: format, level: level)
        let logger = Logger(label: "byline")

        guard let brokers = settings.value(brokers, flag: "brokers") else {
            throw ValidationError("give the Kafka brokers with --brokers or BYLINE_BROKERS")
        }
        // librdkafka takes an empty list and waits for ever, with only a notice in its log.
        guard brokers.split(separator: ",").contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw ValidationError("--brokers is empty; give the Kafka brokers as host:port,...")
        }
        var configuration = WorkerConfiguration(brokers: brokers)
        configuration.groupID = settings.value(group, flag: "group") ?? configuration.groupID
        configuration.inputTopic = settings.value(input, flag: "input") ?? configuration.inputTopic
        configuration.outputTopic = settings.value(output, flag: "output") ?? configuration.outputTopic
        configuration.deadLetterTopic = settings.value(dlq, flag: "dlq") ?? configuration.deadLetterTopic
        configuration.quotesTopic = settings.value(quotesTopic, flag: "quotes-topic")
        configuration.maxInFlight = try settings.value(maxInFlight, flag: "max-in-flight") ?? configuration.maxInFlight
        configuration.maxInputBytes = try settings.value(maxBytes, flag: "max-bytes") ?? Self.defaultMaxInputBytes
        configuration.enrichmentTimeout = try seconds(settings.value(enrichmentTimeout, flag: "enrichment-timeout")) ?? configuration.enrichmentTimeout
        configuration.drainTimeout = try seconds(settings.value(drainTimeout, flag: "drain-timeout")) ?? configuration.drainTimeout
        if let joinSeconds = try settings.value(joinTimeout, flag: "join-timeout") {
            configuration.joinTimeout = joinSeconds == 0 ? nil : try seconds(joinSeconds)
        }
        configuration.clientID = settings.value(clientId, flag: "client-id") ?? configuration.clientID
        configuration.kafkaProperties = try settings.kafkaProperties(flags: kafkaProperty)
        guard configuration.maxInFlight > 0 else { throw ValidationError("--max-in-flight must be at least 1") }
        guard configuration.maxInputBytes > 0 else { throw ValidationError("--max-bytes must be at least 1") }
        let port = try settings.value(httpPort, flag: "http-port") ?? Self.defaultHTTPPort
        guard (0...65_535).contains(port) else {
            throw ValidationError("--http-port must be a TCP port, 1 to 65535 (0 picks a free one), got \(port)")
        }
        let host = settings.value(httpHost, flag: "http-host") ?? "0.0.0.0"

        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = enrichmentLatencyBuckets
        MetricsSystem.bootstrap(factory)

        let worker = EnrichmentWorker(configuration: configuration, logger: logger)
        let status = StatusServer(host: host, port: port, handler: StatusServer.routes(health: worker.health) { registry.emitToBuffer() })
        let boundPort = try status.bind()
        logger.info("serving /metrics, /healthz and /readyz", metadata: ["port": "\(boundPort)"])

        // Shut down in reverse order: the worker drains first, the status server answers until then.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: status), .init(service: worker)],
                logger: logger
            ))
        // A request made before the group runs is kept, and honoured as soon as it starts.
        // The sequence is read to the end: while it lives, a second signal cannot kill the drain.
        let watcher = Task {
            var shuttingDown = false
            for await signal in signals {
                guard !shuttingDown else {
                    logger.notice("already shutting down", metadata: ["signal": "\(signal)"])
                    continue
                }
                shuttingDown = true
                logger.info("shutting down", metadata: ["signal": "\(signal)"])
                await group.triggerGracefulShutdown()
            }
        }
        defer { watcher.cancel() }
        try await group.run()
    }

    private func seconds(_ value: Double?) throws -> Duration? {
        guard let value else { return nil }
        guard value > 0, value.isFinite else { throw ValidationError("timeouts are positive numbers of seconds") }
        return .milliseconds(Int64(value * 1000))
    }
}

/// Enrichment takes about a millisecond per article; the tail is what alerts need.
let enrichmentLatencyBuckets: [Duration] = [
    .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
    .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
    .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
]

extension Optional {
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw ValidationError(message) }
        return self
    }
}
