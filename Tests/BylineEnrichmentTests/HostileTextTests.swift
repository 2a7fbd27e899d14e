@testable import BylineEnrichment
import Foundation
import Synchronization
import Testing

/// Text built to make per-token work grow with the whole article: one record of it must
/// not hold a core for minutes, and a time limit must stop it. These tests compare
/// timings, so `scripts/test.sh` runs them alone, after the other suites.
@Suite("Hostile text: linear work and deadlines", .serialized)
struct HostileTextTests {
    /// Texts of `units` repetitions of one hostile shape; names are made up per unit.
    static let shapes: [(name: String, text: @Sendable (Int) -> String)] = [
        ("abbreviations with no sentence end", { String(repeating: "U.S. ", count: $0) }),
        ("initials", { String(repeating: "A.B. ", count: $0) }),
        ("quoted words in one sentence", { String(repeating: "\"Hi\" ", count: $0) }),
        ("a name before a cue verb, again and again", { String(repeating: "Smith said ", count: $0) }),
        ("a different person in every sentence", { units in (0..<units).map { "\(madeUpName($0)) Ovrel spoke. \(madeUpName($0)) left." }.joined(separator: " ") }),
        ("reported speech holding quoted words, again and again", { String(repeating: "Smith said the plan was \u{201C}a bad one\u{201D} and failed. ", count: $0) }),
        (
            "one given name shared by everyone, and used alone",
            { units in (0..<units).map { "Priya \(madeUpName($0)) spoke. PRIYA \(madeUpName($0).uppercased()) left. Priya waved." }.joined(separator: " ") }
        ),
        (
            "a title recalled by every quote",
            { units in
                (0..<units).map { "Mr. \(madeUpName($0)) is the spokesman. \"We can do it now,\" the spokesman said." }.joined(separator: " ")
            }
        ),
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

    @Test("a name written with combining accents (decomposed text) or as UTF-8 read as Latin-1 stays one name")
    func decomposedAndMisdecodedNames() async throws {
        let decomposed = try await Fixtures.enrich("Jose\u{301} Gonza\u{301}lez said the plan failed. Later, Gonza\u{301}lez left.")
        let person = try #require(decomposed.entities.first { $0.type == .person })
        #expect(person.name == "Jose\u{301} Gonza\u{301}lez")
        #expect(person.mentions.count == 2)
        #expect(decomposed.speakerName(of: "the plan failed") == "Jose\u{301} Gonza\u{301}lez")
        let misdecoded = try await Fixtures.enrich("Arturo Sarukh\u{C3}\u{83}\u{C2}\u{A1}n, a former ambassador, said Mexico must answer.")
        #expect(misdecoded.speakerName(of: "Mexico must answer") == "Arturo Sarukh\u{C3}\u{83}\u{C2}\u{A1}n")
    }

    @Test("a guillemet or a no-break space after an accented letter still ends the word")
    func punctuationAfterAccentedLetter() async throws {
        let guillemets = try await Fixtures.enrich("«Je suis allé» a dit Pierre Dupont. José García said the plan was fine.")
        #expect(guillemets.speakerName(of: "the plan was fine") == "José García")
        let noBreakSpace = try await Fixtures.enrich("José\u{A0}García said the plan was fine.")
        #expect(noBreakSpace.entities.first?.type == .person)
    }

    @Test("an invisible direction mark or zero-width space before a quotation mark leaves it opening the quotation (“\u{202A}”Sorry,” posted Ana Ruiz”)")
    func invisibleFormatCharacters() async throws {
        let article = try await Fixtures.enrich(
            "Tom Hale posted a photo of the port.\n\n\u{202A}”Sorry Tom, you should have asked first,” posted Ana Ruiz.\n\n\u{200B}“The port is ours,” wrote Dana Osei."
        )
        let sorry = try #require(article.quote(containing: "you should have asked"))
        #expect(sorry.text == "Sorry Tom, you should have asked first,")
        #expect(sorry.speaker?.name == "Ana Ruiz")
        #expect(article.speakerName(of: "The port is ours") == "Dana Osei")
        let title = try await Fixtures.enrich("Serafinowicz, who starred in “Guardians of the Galaxy,” posted the clip to YouTube on Thursday.")
        #expect(title.quote(containing: "Guardians of the Galaxy") == nil, "“posted the clip” names no speaker")
    }

    @Test("a cue opening a sentence, with a verb after it, is enriched without a crash (\"says was armed.\")")
    func cueOpeningASentence() async throws {
        // Before the fix this trapped on an empty range and took the worker down.
        let bare = try await Fixtures.enrich("says was armed.")
        #expect(bare.quotes.isEmpty)
        let later = try await Fixtures.enrich("Intro.\n\nsaid would be fine, he said.")
        #expect(later.quotes.allSatisfy { !$0.text.isEmpty })
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

    /// Eight times the text takes about eight times as long when the work is linear, 64 when
    /// it is quadratic; both sizes are timed in this run, best of three. The bound sits near
    /// the geometric middle so a loaded machine's noise does not cross it.
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
        let small = try await bestTime(300)
        let large = try await bestTime(2_400)
        let ratio = large / small
        #expect(ratio < 22, "8x the text took \(ratio)x the time (\(small) -> \(large))")
    }

    /// The sample articles over and over: a long record that spends its time in tagging,
    /// the stage that used to run to its end before the limit was looked at.
    private static let longArticle: ArticleInput = {
        let samples = Fixtures.sampleLines.compactMap { try? ArticleInput.decode($0).text }
        return ArticleInput(id: "long", text: Array(repeating: samples.joined(separator: "\n\n"), count: 12).joined(separator: "\n\n"))
    }()

    /// Enriches the long article once with no limit: how long the whole work takes.
    private func wholeTime(_ enricher: ArticleEnricher) async throws -> Duration {
        _ = try await enricher.enrich(ArticleInput(id: "warm", text: "Maria Okonjo spoke in Lisbon."))
        let started = ContinuousClock.now
        _ = try await enricher.enrich(Self.longArticle)
        return ContinuousClock.now - started
    }

    /// Runs the enrichment in a task of its own and notes, inside it, when it returned: the
    /// test's own task may wait for a thread while other suites run.
    private func stoppedAt(_ run: @escaping @Sendable () async throws(ArticleError) -> EnrichedArticle) -> Task<(ContinuousClock.Instant, ArticleError?), Never> {
        Task {
            do throws(ArticleError) {
                _ = try await run()
                return (ContinuousClock.now, nil)
            } catch {
                return (ContinuousClock.now, error)
            }
        }
    }

    @Test("a deadline stops enrichment inside a stage, not after it")
    func deadlineStopsWork() async throws {
        #expect(Fixtures.sampleLines.count >= 20, "samples/articles.jsonl is missing")
        let enricher = ArticleEnricher()
        let whole = try await wholeTime(enricher)
        let deadline = EnrichmentDeadline.after(whole / 10)
        let (finished, error) = await stoppedAt { () throws(ArticleError) in try await enricher.enrich(Self.longArticle, deadline: deadline) }.value
        #expect(error?.code == .timedOut)
        let late = finished - (deadline.instant ?? .now)
        #expect(late < whole / 3, "stopped \(late) after the deadline; the whole article takes \(whole)")
    }

    @Test("cancelling the task stops enrichment inside a stage")
    func cancellationStopsWork() async throws {
        let enricher = ArticleEnricher()
        let whole = try await wholeTime(enricher)
        let task = stoppedAt { () throws(ArticleError) in try await enricher.enrich(Self.longArticle) }
        // Cancelled from a thread outside the task pool, so a busy pool cannot delay it.
        let cancelled = Mutex<ContinuousClock.Instant?>(nil)
        DispatchQueue.global().asyncAfter(deadline: .now() + (whole / 10).inSeconds) {
            cancelled.withLock { $0 = .now }
            task.cancel()
        }
        let (finished, error) = await task.value
        #expect(error?.code == .timedOut)
        let cancelledAt = try #require(cancelled.withLock { $0 })
        #expect(finished - cancelledAt < whole / 3, "stopped \(finished - cancelledAt) after the cancel; the whole article takes \(whole)")
    }

    @Test("the tagger leaves the sentences after a stop untagged and asks no more")
    func taggerStopsBetweenSentences() throws {
        let model = try #require(NERModel.bundled)
        let sentences = Array(repeating: ["Maria", "Okonjo", "spoke", "in", "Lisbon", "."], count: 10)
        let asked = Mutex(0)
        // Asked once per sentence in each of the two passes: the stop comes in the second
        // pass, before its third sentence.
        let tags = model.tag(document: sentences) {
            asked.withLock {
                $0 += 1; return $0 > sentences.count + 2
            }
        }
        #expect(tags[1].contains { $0 != .outside }, "the sentences before the stop are tagged")
        #expect(tags[2...].allSatisfy { $0.allSatisfy { $0 == .outside } })
        #expect(asked.withLock { $0 } == sentences.count + 3)
    }
}
