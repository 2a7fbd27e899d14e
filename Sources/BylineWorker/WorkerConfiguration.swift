import BylineEnrichment
import BylineKafka

/// What one worker consumes, where it publishes, and how much it takes on at once.
public struct WorkerConfiguration: Sendable {
    /// What the worker does with each article.
    public enum Processing: Sendable {
        /// Decode, validate and enrich; bad input goes to the dead-letter topic.
        case enrich
        /// Publish the input bytes unchanged: measures the transport alone.
        case forwardUnchanged
    }

    public var brokers: String
    public var groupID = "byline"
    public var inputTopic = "articles.raw"
    public var outputTopic = "articles.enriched"
    public var deadLetterTopic = "articles.raw.dlq"
    /// When set, one message per quote is published here too (key = article id).
    public var quotesTopic: String?
    /// Articles being enriched or published at once; reading stops while this many are.
    /// Most of them wait for the broker's acknowledgement, so it is far above the core
    /// count: throughput is at most this many articles per acknowledgement round trip.
    public var maxInFlight = 1_024
    /// Input bytes held by in-flight articles; reading stops past it (one article always fits).
    public var maxInFlightBytes = 64 << 20
    /// Larger records go to the dead-letter topic unread.
    public var maxInputBytes = EnrichmentLimits.default.maximumInputBytes
    /// An article whose enrichment takes longer goes to the dead-letter topic.
    public var enrichmentTimeout: Duration = .seconds(10)
    /// On shutdown, how long in-flight articles may take to finish before they are
    /// abandoned uncommitted (the group reads them again).
    public var drainTimeout: Duration = .seconds(20)
    /// How often finished offsets are committed; revocation and shutdown commit at once too.
    public var commitInterval: Duration = .seconds(1)
    /// The longest one commit waits for the brokers; past it the commit is abandoned and
    /// that work may be read again. Keep it below `closeTimeout`, which holds the
    /// revocation's commit.
    public var commitTimeout: Duration = .seconds(3)
    /// At shutdown, after the drain and the final commit: the longest leaving the group may take.
    public var closeTimeout: Duration = .seconds(5)
    /// How often librdkafka's statistics (consumer lag) refresh the metrics.
    public var statisticsInterval: Duration = .seconds(5)
    /// Waits between attempts to publish while the brokers refuse or are unreachable.
    public var publishRetryBackoff: Duration = .milliseconds(500)
    /// How long a starting worker may take to join its group. Past it the worker fails, as
    /// on a fatal error: brokers it cannot reach, or cannot talk to (a protocol its
    /// librdkafka does not understand), show as a restart with the last broker error, not as
    /// a healthy worker that never consumes. Keep it well above the session timeout plus
    /// the brokers' initial rebalance delay (3 s): a join waits for a vanished member's
    /// session to expire. nil waits for ever.
    public var joinTimeout: Duration? = .seconds(120)
    /// How long the group waits for a silent member before it moves its partitions.
    public var sessionTimeout: Duration = .seconds(10)
    public var clientID = "byline"
    /// Any librdkafka property (`security.protocol`, `sasl.*`, `ssl.*`, `session.timeout.ms`,
    /// `linger.ms`, ...); wins over Byline's defaults. Consumer-only ones reach only the
    /// consumer, producer-only ones only the producer, the rest both.
    public var kafkaProperties: [String: String] = [:]
    public var processing = Processing.enrich

    public init(brokers: String) { self.brokers = brokers }

    /// The longest closing the producer may take at shutdown. What it still holds then
    /// belongs to abandoned articles, which the group reads again: not worth a long wait.
    static let producerCloseTimeout: Duration = .seconds(1)

    /// How long, past `drainTimeout`, a graceful shutdown may take at most, brokers or no
    /// brokers: the final commit, leaving the group, closing the producer, each client with
    /// a second's slack to release its handle. 11 s by default.
    public var shutdownMargin: Duration { commitTimeout + closeTimeout + Self.producerCloseTimeout + .seconds(2) }

    var kafka: KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: brokers, clientID: clientID, statisticsInterval: statisticsInterval, properties: kafkaProperties)
    }
}
