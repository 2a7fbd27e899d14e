import BylineEnrichment
import BylineKafka
@testable import BylineWorker
import Foundation
import Testing

@Suite struct ArticleProcessorTests {
    func configuration(quotes: Bool = true) -> WorkerConfiguration {
        var configuration = WorkerConfiguration(brokers: "unused:9092")
        configuration.quotesTopic = quotes ? "articles.quotes" : nil
        configuration.maxInputBytes = 4_000_000
        // Only the timeout test sets a short one: two cores busy with other suites make even
        // a small article slow in a debug build.
        configuration.enrichmentTimeout = .seconds(600)
        return configuration
    }

    static let article = SyntheticArticles.make(count: 1, idPrefix: "processor")[0]

    @Test func aGoodArticleBecomesItsEnrichedRecordThenOneRecordPerQuote() async throws {
        let processor = ArticleProcessor(configuration: configuration())
        let processed = try #require(await processor.process(inputMessage(Self.article.value, key: Self.article.id)))
        guard case .enriched(let quoteCount) = processed.kind else { Issue.record("\(processed.kind)"); return }
        #expect(quoteCount >= 2 && processed.records.count == quoteCount + 1)
        #expect(processed.records.map(\.topic) == ["articles.enriched"] + Array(repeating: "articles.quotes", count: quoteCount))
        #expect(processed.records.allSatisfy { $0.key == Array(Self.article.id.utf8) }, "keyed by article id")
        let enriched = processed.records[0]
        #expect(enriched.headers.contains(KafkaHeader(key: RecordHeader.sourceOffset, text: "7")))
        #expect(try JSONValue.parse(enriched.value)["id"]?.stringValue == Self.article.id)
        #expect(processed.enrichmentDuration != nil)
    }

    @Test func badInputIsDeadLetteredWithItsReasonItsBytesAndItsHeaders() async throws {
        let processor = ArticleProcessor(configuration: configuration())
        let bytes = Array(#"{"id": "x", "text": 42}"#.utf8)
        let processed = try #require(await processor.process(inputMessage(bytes)))
        guard case .deadLettered(let reason, _) = processed.kind else { Issue.record("\(processed.kind)"); return }
        #expect(reason == .input(.wrongType))
        let deadLetter = try #require(processed.records.first)
        #expect(processed.records.count == 1 && deadLetter.topic == "articles.raw.dlq")
        #expect(deadLetter.value == bytes && deadLetter.key == Array("article-1".utf8))
        #expect(deadLetter.headers.contains(KafkaHeader(key: "origin", text: "scraper-3")), "the input's own headers stay")
        #expect(deadLetter.headers.contains(KafkaHeader(key: RecordHeader.errorCode, text: "wrong_type")))
        #expect(deadLetter.headers.contains(KafkaHeader(key: RecordHeader.sourceTopic, text: "articles.raw")))
    }

    @Test func anArticleOverItsEnrichmentTimeoutIsDeadLetteredAsTimedOutWithItsOriginalBytes() async throws {
        var configuration = configuration()
        configuration.enrichmentTimeout = .milliseconds(5)
        let processor = ArticleProcessor(configuration: configuration)
        let bytes = Self.largeArticle()
        let processed = try #require(await processor.process(inputMessage(bytes)))
        guard case .deadLettered(let reason, _) = processed.kind else { Issue.record("\(processed.kind)"); return }
        #expect(reason == .input(.timedOut))
        let deadLetter = try #require(processed.records.first)
        #expect(deadLetter.value == bytes, "the original bytes, not an enriched part")
        #expect(deadLetter.headers.contains(KafkaHeader(key: RecordHeader.errorCode, text: "timed_out")))
    }

    @Test func forwardingPublishesTheInputUnchanged() async throws {
        var configuration = configuration()
        configuration.processing = .forwardUnchanged
        let processed = try #require(await ArticleProcessor(configuration: configuration).process(inputMessage([1, 2, 3])))
        #expect(processed.kind == .forwarded)
        #expect(processed.records.map(\.value) == [[1, 2, 3]] && processed.records[0].topic == "articles.enriched")
    }

    @Test func deadLetterReasonsKeepTheirHeaderStrings() {
        let codes: [ArticleError.Code] = [.invalidJSON, .invalidUTF8, .notAnObject, .missingField, .wrongType, .emptyText, .tooLarge, .timedOut]
        #expect(codes.map { DeadLetterReason($0).rawValue } == ["invalid_json", "invalid_utf8", "not_an_object", "missing_field", "wrong_type", "empty_text", "too_large", "timed_out"])
        #expect(DeadLetterReason.outputRejected.rawValue == "output_rejected")
        #expect(DeadLetterReason.deadLetterRejected.rawValue == "dead_letter_rejected")
    }

    /// About 700 KB of news text: seconds of enrichment in a debug build.
    static func largeArticle() -> [UInt8] {
        let paragraph = "\u{201C}We will rebuild the harbour before winter,\u{201D} said Marta Kowalczyk, who chairs the Harbour Authority in Gdansk. Tomasz Lindqvist of Atlas Mining disagreed. "
        let text = String(repeating: paragraph, count: 4_000)
        let record: [String: Any] = ["id": "large-1", "title": "A long report", "text": text]
        return Array(try! JSONSerialization.data(withJSONObject: record))
    }
}
