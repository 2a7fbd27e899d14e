@testable import BylineEnrichment
import Foundation
import Testing

/// Text built to make per-token work grow with the whole article: one record of it must
/// not hold a core for minutes, and a time limit must stop it.
@Suite("Hostile text: linear work and deadlines", .serialized)
struct HostileTextTests {
    /// Texts of `units` repetitions of one hostile shape; names are made up per unit.
    static let shapes: [(name: String, text: @Sendable (Int) -> String)] = [
        ("abbreviations with no sentence end", { String(repeating: "U.S. ", count: $0) }),
        ("initials", { String(repeating: "A.B. ", count: $0) }),
        ("quoted words in one sentence", { String(repeating: "\"Hi\" ", count: $0) }),
        ("a name before a cue verb, again and again", { String(repeating: "Smith said ", count: $0) }),
        ("a different person in every sentence", { units in (0..<units).map { "\(madeUpName($0)) Ovrel spoke. \(madeUpName($0)) left." }.joined(separator: " ") }),
        ("a title recalled by every quote", { units in
            (0..<units).map { "Mr. \(madeUpName($0)) is the spokesman. \"We can do it now,\" the spokesman said." }.joined(separator: " ")
        }),
    ]

    /// A capitalised made-up word, different for each number.
    static func madeUpName(_ number: Int) -> String {
        let consonants = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        var word = "", value = number
        for _ in 0..<4 {
            word.append(consonants[value % consonants.count])
            value /= consonants.count
            word.append(vowels[value % vowels.count])
            value /= vowels.count
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    @Test("text with no sentence end is cut into sentences of bounded length")
    func sentencesAreBounded() {
        for text in [String(repeating: "U.S. ", count: 5_000), "He left." + String(repeating: "\u{201D}", count: 5_000) + " Then"] {
            let document = Document(text: text)
            let longest = document.sentences.map(\.count).max() ?? 0
            #expect(longest <= Tokenizer.maximumSentenceTokens, "a sentence of \(longest) tokens")
            #expect(document.sentences.count > 1)
        }
        // Ordinary sentences are untouched by the bound.
        let ordinary = Document(text: "Maria Okonjo spoke on Friday. The bridge opens in May.")
        #expect(ordinary.sentences.count == 2)
    }

    /// Four times the text takes about four times as long when the work is linear, sixteen
    /// when it is quadratic; both sizes are timed in this run, best of three.
    @Test("enrichment time grows linearly with hostile text", arguments: shapes.map(\.name))
    func linearGrowth(shape: String) async throws {
        let make = try #require(Self.shapes.first { $0.name == shape }).text
        let enricher = ArticleEnricher()
        func bestTime(_ units: Int) async throws -> Duration {
            let input = ArticleInput(id: "hostile", text: make(units))
            var best = Duration.seconds(1_000)
            for _ in 0..<3 {
                let started = ContinuousClock.now
                _ = try await enricher.enrich(input)
                best = min(best, ContinuousClock.now - started)
            }
            return best
        }
        _ = try await bestTime(50)  // loads the model and word tables outside the timing
        let small = try await bestTime(600)
        let large = try await bestTime(2_400)
        let ratio = large / small
        #expect(ratio < 8, "4x the text took \(ratio)x the time (\(small) -> \(large))")
    }

    /// The sample articles over and over: a long record that spends its time in tagging,
    /// the stage that used to run to its end before the limit was looked at.
    private static let longArticle: ArticleInput = {
        let samples = Fixtures.sampleLines.compactMap { try? ArticleInput.decode($0).text }
        return ArticleInput(id: "long", text: Array(repeating: samples.joined(separator: "\n\n"), count: 12).joined(separator: "\n\n"))
    }()

    private func timeToFinish(_ run: () async throws(ArticleError) -> EnrichedArticle) async -> (Duration, ArticleError?) {
        let started = ContinuousClock.now
        do throws(ArticleError) {
            _ = try await run()
            return (ContinuousClock.now - started, nil)
        } catch {
            return (ContinuousClock.now - started, error)
        }
    }

    @Test("a deadline stops enrichment inside a stage, not after it")
    func deadlineStopsWork() async throws {
        #expect(Fixtures.sampleLines.count >= 20, "samples/articles.jsonl is missing")
        let enricher = ArticleEnricher()
        _ = try await enricher.enrich(ArticleInput(id: "warm", text: "Maria Okonjo spoke in Lisbon."))
        let (whole, noError) = await timeToFinish { () throws(ArticleError) in try await enricher.enrich(Self.longArticle) }
        #expect(noError == nil)
        let (stopped, error) = await timeToFinish { () throws(ArticleError) in
            try await enricher.enrich(Self.longArticle, deadline: .after(whole / 10))
        }
        #expect(error?.code == .timedOut)
        #expect(stopped < whole / 2, "stopped after \(stopped); the whole article takes \(whole)")
    }

    @Test("cancelling the task stops enrichment inside a stage")
    func cancellationStopsWork() async throws {
        let enricher = ArticleEnricher()
        _ = try await enricher.enrich(ArticleInput(id: "warm", text: "Maria Okonjo spoke in Lisbon."))
        let (whole, _) = await timeToFinish { () throws(ArticleError) in try await enricher.enrich(Self.longArticle) }
        let started = ContinuousClock.now
        let task = Task { () async -> ArticleError? in
            do throws(ArticleError) {
                _ = try await enricher.enrich(Self.longArticle)
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: whole / 10)
        task.cancel()
        let error = await task.value
        let stopped = ContinuousClock.now - started
        #expect(error?.code == .timedOut)
        #expect(stopped < whole / 2, "stopped after \(stopped); the whole article takes \(whole)")
    }
}
