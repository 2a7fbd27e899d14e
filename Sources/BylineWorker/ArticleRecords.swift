import BylineEnrichment
import BylineKafka

/// Builds the records the worker publishes for an input message: enriched and quote
/// records, dead letters, and the position-only marker of last resort.
struct ArticleRecords: Sendable {
    var outputTopic: String
    var deadLetterTopic: String
    var quotesTopic: String?

    init(_ configuration: WorkerConfiguration) {
        outputTopic = configuration.outputTopic
        deadLetterTopic = configuration.deadLetterTopic
        quotesTopic = configuration.quotesTopic
    }

    /// The enriched record, then one per quote when a quotes topic is set; all keyed by article id.
    func enriched(_ article: EnrichedArticle, source: KafkaMessage) -> [KafkaProducerMessage] {
        let key = Array(article.input.id.utf8)
        let headers =
            [
                KafkaHeader(key: RecordHeader.contentType, text: "application/json"),
                KafkaHeader(key: RecordHeader.schemaVersion, text: EnrichedArticle.schemaVersion),
            ] + sourceHeaders(source)
        var records = [KafkaProducerMessage(topic: outputTopic, key: key, value: article.serialized(), headers: headers)]
        if let quotesTopic {
            for quote in article.quoteRecords() {
                records.append(KafkaProducerMessage(topic: quotesTopic, key: key, value: quote, headers: headers))
            }
        }
        return records
    }

    /// The input unchanged on the output topic, for measuring the transport alone.
    func forwarded(_ source: KafkaMessage) -> KafkaProducerMessage {
        KafkaProducerMessage(topic: outputTopic, key: source.key, value: source.value, headers: sourceHeaders(source))
    }

    /// The input's key, bytes and headers, plus where it came from and why it is here.
    func deadLetter(_ input: KafkaMessage, reason: DeadLetterReason, explanation: String) -> KafkaProducerMessage {
        KafkaProducerMessage(
            topic: deadLetterTopic,
            key: input.key,
            value: input.value,
            headers: input.headers + sourceHeaders(input) + [
                KafkaHeader(key: RecordHeader.errorCode, text: reason.rawValue),
                KafkaHeader(key: RecordHeader.errorMessage, text: explanation),
            ]
        )
    }

    /// A dead letter without the input's bytes: where it is, so nothing vanishes unseen.
    func positionMarker(_ input: KafkaMessage, explanation: String) -> KafkaProducerMessage {
        var marker = deadLetter(input, reason: .deadLetterRejected, explanation: explanation)
        marker.value = []
        return marker
    }

    func isDeadLetter(_ record: KafkaProducerMessage) -> Bool { record.topic == deadLetterTopic }

    private func sourceHeaders(_ input: KafkaMessage) -> [KafkaHeader] {
        [
            KafkaHeader(key: RecordHeader.sourceTopic, text: input.topic),
            KafkaHeader(key: RecordHeader.sourcePartition, text: String(input.partition)),
            KafkaHeader(key: RecordHeader.sourceOffset, text: String(input.offset)),
        ]
    }
}
