@testable import BylineEnrichment
@testable import BylineTraining
import Foundation
import Testing

@Suite("The learned quote confidence")
struct QuoteConfidenceTests {
    /// An article of our own with its attributions annotated as PolNeAR's are: pieces with
    /// code-point offsets, found here by the words they hold.
    private static func annotated(_ id: String, _ text: String, _ attributions: [(source: String?, cue: String, content: String)]) -> AttributionCorpus.Article {
        func piece(_ words: String) -> AttributionCorpus.Piece {
            let range = text.range(of: words)!
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            return AttributionCorpus.Piece(start: start, end: start + words.unicodeScalars.count, text: words)
        }
        return AttributionCorpus.Article(
            id: id, text: text,
            attributions: attributions.map { AttributionCorpus.Attribution(source: $0.source.map { [piece($0)] }, cue: [piece($0.cue)], content: [piece($0.content)]) })
    }

    private static let corpus = AttributionCorpus(articles: [
        annotated(
            "harbour", "Port director Ines Varga said the harbour would reopen on Monday. “We lost two cranes,” Varga said. The storm was a “once in a generation” event.",
            [("Ines Varga", "said", "the harbour would reopen on Monday"), ("Varga", "said", "We lost two cranes,")]),
        annotated(
            "school", "Principal Tomas Reyes told parents that classes would resume. Officials said the roof was safe. “It is a new start,” he added.",
            [("Tomas Reyes", "told", "that classes would resume"), ("Officials", "said", "the roof was safe"), ("he", "added", "It is a new start,")]),
        annotated(
            "market", "The “smart” meters arrived late. Grocer Amal Haddad said prices had doubled since March. “Nobody can pay this,” Haddad said.",
            [("Amal Haddad", "said", "prices had doubled since March"), ("Haddad", "said", "Nobody can pay this,")]),
        // Quoted words nobody said: Byline lists them, and the annotation does not.
        annotated(
            "council", "Councillor Ruth Mbeki said the vote was close. The poster in the hall read “Vote for change, vote Mbeki”.",
            [("Ruth Mbeki", "said", "the vote was close")]),
        annotated(
            "library", "Librarian Omar Shah said the roof leaked again. A sign on the door read “Closed for repairs until spring”.",
            [("Omar Shah", "said", "the roof leaked again")]),
    ])

    @Test("the model file round-trips, sorted, and a damaged one is refused with the reason")
    func modelFile() throws {
        let model = QuoteConfidenceModel(bias: 0.25, weights: ["kind=direct": 1.5, "cue=say": -0.125])
        let text = model.fileContents()
        #expect(text.split(separator: "\n").map(String.init) == ["# byline quote-confidence 1", "bias\t0.250000", "cue=say\t-0.125000", "kind=direct\t1.500000"])
        #expect(try QuoteConfidenceModel(fileContents: text) == model)
        #expect(abs(model.probability(["kind=direct", "unknown"]) - 1 / (1 + exp(-1.75))) < 1e-12)
        #expect(throws: QuoteConfidenceModelError.self) { try QuoteConfidenceModel(fileContents: "bias\t0\n") }
        #expect(throws: QuoteConfidenceModelError.self) { try QuoteConfidenceModel(fileContents: "# byline quote-confidence 1\nbias\tnan\n") }
        #expect(throws: QuoteConfidenceModelError.self) { try QuoteConfidenceModel(fileContents: "# byline quote-confidence 1\nkind=direct\t1\n") }
        #expect(try QuoteConfidenceModel.bundledLoad.get().weights.count > 20)
    }

    @Test("an annotated corpus that is not one says which line and why")
    func corpusFormatError() throws {
        let good = #"{"id": "a", "text": "Hi.", "attributions": []}"#
        #expect(try AttributionCorpus(text: good + "\n\n" + good).articles.count == 2)
        do {
            _ = try AttributionCorpus(text: good + "\n\n" + #"{"id": 7, "text": "Hi."}"#)
            Issue.record("a bad line was accepted")
        } catch let error as AttributionCorpus.FormatError {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("line 3: not an article with attributions"))
        }
    }

    @Test("an annotated source agrees with a speaker by its mention or last name; none, unless the source was recognised")
    func labels() {
        let mention = EnrichedArticle.Mention(start: 10, end: 15, text: "Varga")
        let varga = EnrichedArticle.Speaker(name: "Ines Varga", entity: "e1", mention: mention)
        let piece = { (start: Int, text: String) in AttributionCorpus.Piece(start: start, end: start + text.count, text: text) }
        #expect(QuoteConfidenceTrainer.speakerAgrees(varga, with: [piece(10, "Varga")], entities: []) == true)
        #expect(QuoteConfidenceTrainer.speakerAgrees(varga, with: [piece(80, "Director Varga")], entities: []) == true)
        #expect(QuoteConfidenceTrainer.speakerAgrees(varga, with: [piece(80, "Tomas Reyes")], entities: []) == false)
        #expect(QuoteConfidenceTrainer.speakerAgrees(varga, with: [piece(80, "she")], entities: []) == nil)
        #expect(QuoteConfidenceTrainer.speakerAgrees(varga, with: [], entities: []) == false)
        let reyes = EnrichedArticle.Entity(id: "e2", name: "Tomas Reyes", type: .person, mentions: [EnrichedArticle.Mention(start: 80, end: 91, text: "Tomas Reyes")])
        #expect(QuoteConfidenceTrainer.speakerAgrees(nil, with: [piece(80, "Tomas Reyes")], entities: [reyes]) == false)
        #expect(QuoteConfidenceTrainer.speakerAgrees(nil, with: [piece(120, "Officials")], entities: [reyes]) == true)
        #expect(QuoteConfidenceTrainer.speakerAgrees(nil, with: [], entities: [reyes]) == true)
    }

    @Test("training on a small annotated corpus is deterministic and ranks named, cued speech above an unattributed fragment")
    func trainsDeterministically() async throws {
        var trainer = QuoteConfidenceTrainer()
        trainer.minimumCount = 1
        trainer.iterations = 200
        let enricher = ArticleEnricher()
        let examples = try await trainer.examples(from: Self.corpus, enricher: enricher)
        #expect(examples.contains { $0.isRight } && examples.contains { !$0.isRight }, "\(examples)")
        let (first, report) = trainer.train(examples)
        let (second, _) = trainer.train(try await trainer.examples(from: Self.corpus, enricher: enricher))
        #expect(first.fileContents() == second.fileContents())
        #expect(report.examples == examples.count)
        let probe = ArticleEnricher(model: try #require(NERModel.bundled), confidence: first)
        let article = try await probe.enrich(
            ArticleInput(id: "probe", text: "Engineer Lucia Ferro said the bridge would hold. The banner over the gate read “Welcome home, heroes of the league”."))
        let reported = try #require(article.quotes.first { $0.kind == "indirect" })
        let banner = try #require(article.quotes.first { $0.kind == "partial" })
        #expect(reported.speaker?.name == "Lucia Ferro")
        #expect(reported.confidence > banner.confidence + 0.2, "\(reported.evidence) \(banner.evidence)")
    }

    @Test("each quote's confidence is the shipped model's probability of its evidence, and the evidence stays out of the record")
    func enrichedConfidence() async throws {
        let article = try await Fixtures.enrich(
            "“We will rebuild the pier,” Mayor Joana Silva said on Tuesday. Critics called the plan “reckless.” Later, a sign read “closed”.")
        let model = try QuoteConfidenceModel.bundledLoad.get()
        #expect(!article.quotes.isEmpty)
        for quote in article.quotes {
            #expect(!quote.evidence.isEmpty)
            #expect(abs(quote.confidence - model.probability(quote.evidence)) < 0.001)
            #expect((0...1).contains(quote.confidence))
        }
        let direct = try #require(article.quotes.first { $0.kind == "direct" })
        #expect(direct.speaker?.name == "Joana Silva")
        #expect(direct.evidence.contains("kind=direct") && direct.evidence.contains("cue=say") && direct.evidence.contains("mention=name"))
        // A speaker named by the cue is surer than any entry left without one.
        for other in article.quotes where other.speaker == nil { #expect(direct.confidence > other.confidence) }
        #expect(!String(decoding: article.serialized(), as: UTF8.self).contains("evidence"))
    }
}
