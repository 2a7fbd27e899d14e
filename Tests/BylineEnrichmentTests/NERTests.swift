@testable import BylineEnrichment
@testable import BylineTraining
import Foundation
import Testing

@Suite("The learned entity tagger")
struct NERTests {
    static let smallCorpusURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/small.conll")

    private func trainSmall(seed: UInt64 = 7) throws -> (NERModel, CoNLLCorpus) {
        let corpus = try CoNLLCorpus(contentsOf: Self.smallCorpusURL)
        var trainer = NERTrainer()
        trainer.epochs = 12
        trainer.seed = seed
        trainer.folds = 2
        return (trainer.train(corpus, development: corpus), corpus)
    }

    private func score(_ model: NERModel, _ corpus: CoNLLCorpus) -> Double {
        var score = NERScore()
        for document in corpus.documents {
            for (sentence, tags) in zip(document.sentences, model.tag(document: document.sentences.map(\.words))) {
                score.add(gold: sentence.tags, predicted: tags)
            }
        }
        return NERScore.f1(score.overall).f1
    }

    @Test("training on a small corpus converges and tags it back")
    func convergesOnSmallCorpus() throws {
        let (model, corpus) = try trainSmall()
        #expect(corpus.sentenceCount == 18)
        #expect(score(model, corpus) >= 0.95)
    }

    @Test("the same data and seed give the same model file; the file round-trips")
    func deterministicAndRoundTrips() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (first, corpus) = try trainSmall()
        let (second, _) = try trainSmall()
        let firstURL = directory.appendingPathComponent("a.bin"), secondURL = directory.appendingPathComponent("b.bin")
        try first.write(to: firstURL)
        try second.write(to: secondURL)
        #expect(try Data(contentsOf: firstURL) == Data(contentsOf: secondURL))

        let loaded = try NERModel(contentsOf: firstURL)
        let sentences = corpus.documents.flatMap { $0.sentences.map(\.words) } + [["Okonjo", "visited", "Uppsala", "and", "Oslo", "."]]
        #expect(loaded.tag(document: sentences) == first.tag(document: sentences), "saved weights are the trained ones, to rounding")
        #expect(loaded.tag(document: sentences) == loaded.tag(document: sentences))
    }

    @Test("data from another domain teaches the shared weights; its own copies are dropped; same data, same file")
    func otherDomain() throws {
        let main = try CoNLLCorpus(contentsOf: Self.smallCorpusURL)
        let other = try CoNLLCorpus(contentsOf: Self.smallCorpusURL.deletingLastPathComponent().appendingPathComponent("other-domain.conll")).fromDomain(1)
        func train() -> NERModel {
            var trainer = NERTrainer()
            trainer.epochs = 12
            trainer.seed = 7
            trainer.folds = 2
            return trainer.train(CoNLLCorpus(documents: main.documents + other.documents), development: main)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.bin"), second = directory.appendingPathComponent("b.bin")
        try train().write(to: first)
        try train().write(to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))

        // A name only the other domain has is learned where the model is used, without it.
        let model = try NERModel(contentsOf: first)
        let tags = model.tag(document: [["Reporters", "asked", "Quillfeather", "about", "the", "app", "."]])
        #expect(tags[0][2] == NERTag("B-ORG"), "\(tags)")
        let hashes = model.rows.entries.map(\.key)
        #expect(!hashes.isEmpty)
        #expect(hashes.allSatisfy { model.rows[NERTrainer.domainCopy(of: $0, domain: 1)] == nil }, "the domain's own feature copies are not in the file")
    }

    @Test("a model trained with other lexicon files, or of an older format, is refused with the reason")
    func mismatchedModelIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("byline-ner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.bin")
        try trainSmall().0.write(to: good)
        _ = try NERModel(contentsOf: good)
        let bytes = try Data(contentsOf: good)
        func refusal(_ changed: Data) throws -> String {
            let url = directory.appendingPathComponent("changed.bin")
            try changed.write(to: url)
            do {
                _ = try NERModel(contentsOf: url)
                return "accepted"
            } catch {
                return error.message
            }
        }
        var otherGazetteer = bytes
        otherGazetteer[9] ^= 0xFF
        #expect(try refusal(otherGazetteer).contains("another gazetteer.tsv"))
        var otherClusters = bytes
        otherClusters[17] ^= 0xFF
        #expect(try refusal(otherClusters).contains("another word-clusters.tsv"))
        var olderFormat = bytes
        olderFormat[7] = UInt8(ascii: "2")
        #expect(try refusal(olderFormat).contains("another format"))
    }

    @Test("an ensemble is one linear model: the mean of its members, each trained alone in its own order")
    func ensembleAveragesItsMembers() throws {
        let corpus = try CoNLLCorpus(contentsOf: Self.smallCorpusURL)
        func stage(ensemble: Int, seed: UInt64) -> NERModel {
            var trainer = NERTrainer()
            trainer.epochs = 1  // one epoch, so the ensemble and each member keep the same epoch
            trainer.ensemble = ensemble
            trainer.seed = seed
            return trainer.trainStage(corpus, development: corpus, firstPass: nil, progress: { _ in })
        }
        let ensemble = stage(ensemble: 3, seed: 7)
        let members = (0..<3).map { stage(ensemble: 1, seed: NERTrainer.memberSeed($0, of: 7)) }
        func weight(_ model: NERModel, _ index: Int) -> Float { Float(model.weights[index]) * model.scale }
        #expect(members[0].weights != members[1].weights, "members see the sentences in different orders")
        var largestGap: Float = 0
        for index in ensemble.weights.indices {
            let mean = members.map { weight($0, index) }.reduce(0, +) / 3
            largestGap = max(largestGap, abs(weight(ensemble, index) - mean))
        }
        let rounding = ensemble.scale + members.map(\.scale).reduce(0, +) / 3
        #expect(largestGap <= rounding, "the ensemble's weights are its members' mean, to quantisation")
        let gapToFirstMember = ensemble.weights.indices.map { abs(weight(ensemble, $0) - weight(members[0], $0)) }.max() ?? 0
        #expect(gapToFirstMember > rounding, "the ensemble is not just its first member")
    }

    @Test("a missing or corrupt model file gives a clear error")
    func badModelFiles() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/model.bin")
        let missingError = #expect(throws: NERModelError.self) { try NERModel(contentsOf: missing) }
        #expect(missingError?.message.contains("cannot read entity model") == true)

        let directory = FileManager.default.temporaryDirectory
        let garbage = directory.appendingPathComponent("byline-garbage-\(UUID().uuidString).bin")
        try Data("not a model at all".utf8).write(to: garbage)
        defer { try? FileManager.default.removeItem(at: garbage) }
        let garbageError = #expect(throws: NERModelError.self) { try NERModel(contentsOf: garbage) }
        #expect(garbageError?.message.contains("bad header") == true)

        let (model, _) = try trainSmall()
        let truncated = directory.appendingPathComponent("byline-truncated-\(UUID().uuidString).bin")
        try model.write(to: truncated)
        defer { try? FileManager.default.removeItem(at: truncated) }
        let bytes = try Data(contentsOf: truncated)
        try bytes.prefix(bytes.count - 10).write(to: truncated)
        let truncatedError = #expect(throws: NERModelError.self) { try NERModel(contentsOf: truncated) }
        #expect(truncatedError?.message.contains("not usable") == true)
    }

    @Test("the bundled model loads and finds people, places and organisations")
    func bundledModel() throws {
        let model = try #require(NERModel.bundled)
        let words = ["Prime", "Minister", "Keir", "Starmer", "met", "Nvidia", "executives", "in", "Manchester", "on", "Tuesday", "."]
        let spans = NERSpan.spans(model.tag(document: [words])[0]).map { (words[$0.range].joined(separator: " "), $0.entityClass) }
        #expect(spans.contains { $0 == ("Keir Starmer", .person) })
        #expect(spans.contains { $0 == ("Manchester", .location) })
    }

    @Test("BIO spans and scores are computed on exact matches")
    func spansAndScores() {
        let tags = ["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "B-ORG"].compactMap(NERTag.init)
        #expect(
            NERSpan.spans(tags) == [
                NERSpan(range: 0..<2, entityClass: .person), NERSpan(range: 3..<4, entityClass: .location),
                NERSpan(range: 4..<5, entityClass: .organisation), NERSpan(range: 5..<6, entityClass: .organisation),
            ])
        var score = NERScore()
        score.add(gold: ["B-PER", "I-PER", "O"].compactMap(NERTag.init), predicted: ["B-PER", "O", "O"].compactMap(NERTag.init))
        #expect(NERScore.f1(score.overall).f1 == 0)
    }

    @Test("a word cache makes each value once, keeps order, and empties itself at its limit")
    func wordCacheMakesOnceAndStaysBounded() {
        let cache = WordCache<UInt64>(limit: 4)
        var made: [UInt64] = []
        func values(_ digests: [UInt64]) -> [UInt64] {
            cache.values(for: digests) { position in
                made.append(digests[position])
                return [digests[position] * 2]
            }
        }
        #expect(values([10, 20, 10]) == [20, 40, 20])
        #expect(made == [10, 20])
        #expect(values([20, 30]) == [40, 60])
        #expect(made == [10, 20, 30], "20 was cached")
        // Three cached plus three more would pass the limit of 4: the cache starts over.
        #expect(values([40, 50, 10]) == [80, 100, 20])
        #expect(made == [10, 20, 30, 40, 50, 10])
    }

    @Test("a word cache of rows gives each word's row side by side, in the order asked, made once")
    func wordCacheRows() {
        let cache = WordCache<Int32>(width: 3)
        var made = 0
        func rows(_ digests: [UInt64]) -> [Int32] {
            cache.values(for: digests) { position in
                made += 1
                let word = Int32(digests[position])
                return [word, word + 1, word + 2]
            }
        }
        #expect(rows([10, 20, 10]) == [10, 11, 12, 20, 21, 22, 10, 11, 12])
        #expect(rows([20, 30]) == [20, 21, 22, 30, 31, 32])
        #expect(made == 3, "10, 20 and 30, each once")
    }

    @Test("word clusters are read coarse to fine, lines without clusters are skipped")
    func wordClustersParse() {
        let clusters = WordClusters(tsv: "paris\t3,17,250,9\nlondon\t3,17,251\nbroken\n\tno-word\n")
        #expect(clusters.count == 2)
        #expect(clusters.clusters(ofLower: WordIndex.digest("paris")) == 4 | 18 << 16 | 251 << 32 | 10 << 48, "each level is stored as cluster + 1")
        #expect(clusters.clusters(ofLower: WordIndex.digest("london")) == 4 | 18 << 16 | 252 << 32)
        #expect(clusters.clusters(ofLower: WordIndex.digest("broken")) == 0)
        #expect(clusters.clusters(ofLower: WordIndex.digest("rome")) == 0)
    }

    @Test("a word set answers for its words only, folding case on request, for a word or a token alike")
    func wordSetLookups() {
        let words: WordSet = ["said", "told", "café"]
        #expect(words.contains("said") && words.contains("café") && words.contains("said"[...]))
        #expect(!words.contains("Said") && !words.contains("sai") && !words.contains("saidx") && !words.contains(""))
        #expect(words.containsLowercased("SAID") && words.containsLowercased("Told") && words.containsLowercased("CAFÉ"))
        #expect(!words.containsLowercased("Tolds"))
        #expect(words.union(["asked", "said"]).count == 4)
        // A token answers as its text does: the digests it carries are those of its text.
        let tokens = Document(text: "SAID Told CAFÉ café said Tolds").tokens
        #expect(tokens.map { words.contains($0) } == [false, false, false, true, true, false])
        #expect(tokens.map { words.containsLowercased($0) } == [true, true, true, true, true, false])
        #expect(tokens.allSatisfy { words.contains($0) == words.contains($0.text) && words.containsLowercased($0) == words.containsLowercased($0.text) })
    }

    @Test("the shipped word clusters group words used alike")
    func shippedWordClusters() {
        let clusters = WordClusters.shared
        #expect(clusters.count > 20_000)
        func level(_ word: String, _ level: Int) -> UInt64 { (clusters.clusters(ofLower: WordIndex.digest(word)) >> (16 * UInt64(level))) & 0xffff }
        // Football clubs share even the finest cluster; surnames and weekdays the middle one.
        #expect(level("chelsea", 2) != 0 && level("chelsea", 2) == level("arsenal", 2) && level("arsenal", 2) == level("everton", 2))
        #expect(level("smith", 1) != 0 && level("smith", 1) == level("jones", 1))
        #expect(level("monday", 1) != 0 && level("monday", 1) == level("tuesday", 1))
        #expect(level("monday", 1) != level("smith", 1))
    }
}
