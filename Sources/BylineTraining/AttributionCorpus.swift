import Foundation

/// Articles with hand-annotated attributions, one JSON object a line, in the format of
/// PolNeAR's training split as shared (`corpora/polnear/train.jsonl`): each attribution's
/// source, cue and content are lists of pieces with code-point offsets into `text`.
public struct AttributionCorpus: Sendable {
    public struct Piece: Decodable, Sendable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct Attribution: Decodable, Sendable {
        public var source: [Piece]?
        public var cue: [Piece]?
        public var content: [Piece]?
    }

    public struct Article: Decodable, Sendable {
        public var id: String
        public var text: String
        public var attributions: [Attribution]
    }

    public var articles: [Article]

    /// A line that is not an article with attributions: the same error as a CoNLL file's.
    public typealias FormatError = CoNLLCorpus.FormatError

    public init(articles: [Article]) { self.articles = articles }

    public init(contentsOf url: URL) throws {
        try self.init(text: String(contentsOf: url, encoding: .utf8))
    }

    public init(text: String) throws {
        let decoder = JSONDecoder()
        var articles: [Article] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                articles.append(try decoder.decode(Article.self, from: Data(line.utf8)))
            } catch {
                throw FormatError(line: number + 1, reason: "not an article with attributions: \(error)")
            }
        }
        self.articles = articles
    }
}
