import BylineEnrichment
import Foundation

/// A CoNLL-2003 file: documents of sentences of (word, gold tag), keeping each line's
/// columns so tagged output can be written back in the same format.
public struct CoNLLCorpus: Sendable {
    public struct Sentence: Sendable {
        public var words: [String]
        public var tags: [NERTag]
        public var lines: [String]
    }
    public struct Document: Sendable {
        public var sentences: [Sentence]
        /// 0 for the main training data; another number for data from another source,
        /// whose conventions the trainer learns apart as well as with the rest.
        public var domain = 0
    }

    public var documents: [Document]

    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.sentences.count } }
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.words.count } } }

    public struct FormatError: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public init(documents: [Document]) { self.documents = documents }

    /// The same documents, marked as coming from `domain`.
    public func fromDomain(_ domain: Int) -> CoNLLCorpus {
        CoNLLCorpus(
            documents: documents.map { document in
                var marked = document
                marked.domain = domain
                return marked
            })
    }

    public init(contentsOf url: URL) throws {
        try self.init(text: String(contentsOf: url, encoding: .utf8))
    }

    /// Reads `word ... TAG` lines; blank lines end sentences, -DOCSTART- starts documents.
    /// A missing tag column is read as O, so unlabelled text can be tagged too.
    public init(text: String) throws {
        var documents: [Document] = [Document(sentences: [])]
        var sentence = Sentence(words: [], tags: [], lines: [])
        func endSentence() {
            if !sentence.words.isEmpty { documents[documents.count - 1].sentences.append(sentence) }
            sentence = Sentence(words: [], tags: [], lines: [])
        }
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let columns = line.split(separator: " ")
            if columns.isEmpty { endSentence(); continue }
            if columns[0] == "-DOCSTART-" {
                endSentence()
                if !documents[documents.count - 1].sentences.isEmpty { documents.append(Document(sentences: [])) }
                continue
            }
            var tag = NERTag.outside
            if columns.count > 1 {
                guard let parsed = NERTag(String(columns[columns.count - 1])) else {
                    throw FormatError(line: number + 1, reason: "unknown tag `\(columns[columns.count - 1])`")
                }
                tag = parsed
            }
            sentence.words.append(String(columns[0]))
            sentence.tags.append(tag)
            sentence.lines.append(String(line))
        }
        endSentence()
        documents = documents.filter { !$0.sentences.isEmpty }
        if documents.count == 1 { documents = Self.splitAtDatelines(documents[0]) }
        self.documents = documents
    }

    /// Without -DOCSTART- lines, Reuters stories still start recognisably: a headline,
    /// then a dateline sentence such as "LONDON 1996-08-30". Each story becomes a document,
    /// so document-level features see one story at a time, as they will in use.
    static func splitAtDatelines(_ document: Document) -> [Document] {
        func isDateline(_ sentence: Sentence) -> Bool {
            sentence.words.count <= 8
                && sentence.words.contains { word in
                    let parts = word.split(separator: "-")
                    return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
                }
        }
        var result: [Document] = []
        var current: [Sentence] = []
        let sentences = document.sentences
        for (index, sentence) in sentences.enumerated() {
            // The headline before a dateline opens the next story.
            let opensStory = index + 1 < sentences.count && isDateline(sentences[index + 1]) && !isDateline(sentence)
            if opensStory && !current.isEmpty {
                result.append(Document(sentences: current))
                current = []
            }
            current.append(sentence)
        }
        if !current.isEmpty { result.append(Document(sentences: current)) }
        return result
    }
}

/// Entity-level precision, recall and F1 with exact span match, per class and overall.
public struct NERScore: Sendable {
    public struct Counts: Sendable { public var truePositives = 0, predicted = 0, gold = 0 }
    public var byClass: [NERClass: Counts] = [:]

    public init() {}

    public mutating func add(gold: [NERTag], predicted: [NERTag]) {
        let goldSpans = Set(NERSpan.spans(gold)), predictedSpans = Set(NERSpan.spans(predicted))
        for span in goldSpans { byClass[span.entityClass, default: Counts()].gold += 1 }
        for span in predictedSpans {
            byClass[span.entityClass, default: Counts()].predicted += 1
            if goldSpans.contains(span) { byClass[span.entityClass, default: Counts()].truePositives += 1 }
        }
    }

    public static func f1(_ counts: Counts) -> (precision: Double, recall: Double, f1: Double) {
        let precision = counts.predicted == 0 ? 0 : Double(counts.truePositives) / Double(counts.predicted)
        let recall = counts.gold == 0 ? 0 : Double(counts.truePositives) / Double(counts.gold)
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }

    public var overall: Counts {
        byClass.values.reduce(into: Counts()) { total, counts in
            total.truePositives += counts.truePositives
            total.predicted += counts.predicted
            total.gold += counts.gold
        }
    }

    public var report: String {
        var lines: [String] = []
        for entityClass in NERClass.allCases {
            let (p, r, f) = Self.f1(byClass[entityClass] ?? Counts())
            lines.append("\(entityClass.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) P \(format(p)) R \(format(r)) F1 \(format(f))")
        }
        let (p, r, f) = Self.f1(overall)
        lines.append("all   P \(format(p)) R \(format(r)) F1 \(format(f))")
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
