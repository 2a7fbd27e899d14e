import BylineEnrichment
import Foundation

/// Learns `QuoteConfidenceModel` from annotated attributions: Byline enriches each article,
/// each entry it finds is labelled right when it matches an annotated content and its
/// speaker matches the annotated source, and a logistic regression learns the
/// probability of that from the entry's evidence. Full-batch gradient descent in a fixed
/// order: the same corpus and settings give the same model.
public struct QuoteConfidenceTrainer: Sendable {
    public struct Example: Sendable {
        public var evidence: [String]
        public var isRight: Bool
    }

    public static let defaultIterations = 600
    public static let defaultRegularisation = 0.0005
    public var iterations = defaultIterations
    /// L2 strength, per example.
    public var regularisation = defaultRegularisation
    /// Evidence seen fewer times than this gets no weight of its own.
    public var minimumCount = 5

    public init() {}

    /// Byline's entries on every article, labelled against the article's annotation.
    public func examples(from corpus: AttributionCorpus, enricher: ArticleEnricher) async throws -> [Example] {
        var examples: [Example] = []
        for article in corpus.articles {
            let enriched = try await enricher.enrich(ArticleInput(id: article.id, text: article.text))
            let scalars = Array(article.text.unicodeScalars)
            let contents = article.attributions.map { attribution -> (words: [String], attribution: AttributionCorpus.Attribution)? in
                guard let pieces = attribution.content, let first = pieces.map(\.start).min(), let last = pieces.map(\.end).max(),
                    first < last, last <= scalars.count
                else { return nil }
                return (Self.words(String(String.UnicodeScalarView(scalars[first..<last]))), attribution)
            }
            for quote in enriched.quotes {
                let words = Self.words(quote.text)
                var best: (overlap: Double, attribution: AttributionCorpus.Attribution)?
                for case let (contentWords, attribution)? in contents {
                    let overlap = Self.overlapF1(words, contentWords)
                    if overlap >= 0.5, overlap > best?.overlap ?? 0 { best = (overlap, attribution) }
                }
                let isRight = best.map { Self.speakerAgrees(quote.speaker, with: $0.attribution.source ?? [], entities: enriched.entities) } ?? false
                if let isRight { examples.append(Example(evidence: quote.evidence, isRight: isRight)) }
            }
        }
        return examples
    }

    /// Whether an annotated source agrees with Byline's speaker, nil when the annotation
    /// cannot tell. A speaker agrees when its mention overlaps the source or the source holds
    /// its last name; a source that is a pronoun elsewhere cannot tell (the corpus does not
    /// link mentions). No speaker agrees unless the source names someone Byline recognised.
    static func speakerAgrees(_ speaker: EnrichedArticle.Speaker?, with source: [AttributionCorpus.Piece], entities: [EnrichedArticle.Entity]) -> Bool? {
        guard let speaker else {
            return !source.contains { piece in
                entities.contains { $0.mentions.contains { $0.start < piece.end && piece.start < $0.end } }
            }
        }
        if source.contains(where: { $0.start < speaker.mention.end && speaker.mention.start < $0.end }) { return true }
        if let lastName = words(speaker.name).last, source.contains(where: { words($0.text).contains(lastName) }) { return true }
        if source.count == 1, words(source[0].text).count == 1, pronouns.contains(words(source[0].text)[0]) { return nil }
        return false
    }

    private static let pronouns: Set = ["he", "she", "they", "i", "we", "it", "him", "her", "them"]

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Word-overlap F1, as the shared scorer matches quotes.
    static func overlapF1(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for word in b { counts[word, default: 0] += 1 }
        var common = 0
        for word in a where counts[word, default: 0] > 0 {
            counts[word]! -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(a.count), recall = Double(common) / Double(b.count)
        return 2 * precision * recall / (precision + recall)
    }

    public struct Report: Sendable {
        public var examples: Int
        public var rightShare: Double
        public var features: Int
        public var logLoss: Double
    }

    public func train(_ examples: [Example]) -> (model: QuoteConfidenceModel, report: Report) {
        var counts: [String: Int] = [:]
        for example in examples { for feature in Set(example.evidence) { counts[feature, default: 0] += 1 } }
        let names = counts.filter { $0.value >= minimumCount }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let rows = examples.map { example in Array(Set(example.evidence.compactMap { index[$0] })).sorted() }
        let labels = examples.map { $0.isRight ? 1.0 : 0.0 }
        var weights = [Double](repeating: 0, count: names.count)
        let share = labels.isEmpty ? 0.5 : labels.reduce(0, +) / Double(labels.count)
        var bias = log(max(share, 1e-6) / max(1 - share, 1e-6))
        let count = Double(max(1, examples.count))
        var gradient = [Double](repeating: 0, count: names.count)
        // Step size for binary features with about twenty active: large steps converge in a
        // few hundred passes and stay stable.
        let step = 1.0
        for _ in 0..<iterations {
            for feature in gradient.indices { gradient[feature] = regularisation * weights[feature] }
            var biasGradient = 0.0
            for (row, label) in zip(rows, labels) {
                let error = Self.sigmoid(row.reduce(bias) { $0 + weights[$1] }) - label
                biasGradient += error / count
                for feature in row { gradient[feature] += error / count }
            }
            bias -= step * biasGradient
            for feature in weights.indices { weights[feature] -= step * gradient[feature] }
        }
        var logLoss = 0.0
        for (row, label) in zip(rows, labels) {
            let p = min(max(Self.sigmoid(row.reduce(bias) { $0 + weights[$1] }), 1e-9), 1 - 1e-9)
            logLoss -= label * log(p) + (1 - label) * log(1 - p)
        }
        let model = QuoteConfidenceModel(bias: bias, weights: Dictionary(uniqueKeysWithValues: zip(names, weights)))
        return (model, Report(examples: examples.count, rightShare: share, features: names.count, logLoss: logLoss / count))
    }

    private static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
