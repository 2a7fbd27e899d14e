/// The enrichment of one article, as it appears in the output record.
public struct EnrichedArticle: Sendable {
    public struct Mention: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct Entity: Sendable {
        public var id: String
        public var name: String
        public var type: EntityType
        public var mentions: [Mention]
    }

    public struct Speaker: Sendable {
        public var name: String
        /// Nil when the speaker is described, not named ("officials", "a senior adviser").
        public var entity: String?
        public var mention: Mention
        /// Ids of the entities a speaker names together ("Ryan and Trump agreed"); `entity`
        /// is then nil, as no one of them spoke alone.
        public var joint: [String] = []
    }

    public struct Quote: Sendable {
        public var text: String
        public var start: Int
        public var end: Int
        /// The pieces inside the marks when the quote was split around its cue, or the
        /// pieces of reported speech around an inserted cue ("The plan, he said, is dead").
        public var parts: [Mention]
        /// `direct`, `partial` (quoted words with no reported clause found around them),
        /// `indirect` (reported speech) or `mixed` (reported speech holding quoted words).
        public var kind: String
        /// The quoted words inside `mixed` reported speech, verbatim, inside their marks.
        public var fragments: [Mention] = []
        public var cue: String?
        public var speaker: Speaker?
        /// The learned probability that this is speech with the right speaker (or rightly none).
        public var confidence: Double
        /// What `confidence` was computed from (`QuoteEvidence`); not written to the record.
        public var evidence: [String] = []
    }

    public static let version = "byline-enrichment/3"
    /// Schema version of the output record, carried in Kafka headers too.
    public static let schemaVersion = "4"

    public var input: ArticleInput
    public var entities: [Entity]
    public var quotes: [Quote]
    public var tookMilliseconds: Double
    /// Tokens the segmenter produced: words, numbers and punctuation.
    public var tokenCount: Int

    /// The output record: the input fields (with `text` as enriched), then the enrichment.
    public func json() -> JSONValue {
        var members = input.fields.filter { !["text", "entities", "quotes", "enrichment"].contains($0.0) }
        let textPosition = (members.firstIndex { $0.0 == "id" } ?? -1) + 1
        members.insert(("text", .string(input.text)), at: min(textPosition, members.count))
        members.append(("entities", .array(entities.map(Self.json))))
        members.append(("quotes", .array(quotes.map(Self.json))))
        members.append(
            (
                "enrichment",
                .object([
                    ("version", .string(Self.version)),
                    ("took_ms", .number((tookMilliseconds * 1000).rounded() / 1000)),
                    ("text_from_html", .bool(input.textWasExtractedFromHTML)),
                ])
            ))
        return .object(members)
    }

    /// Only the words quoted verbatim: direct and partial quotes, and each fragment of
    /// mixed reported speech as a partial quote of its speaker. Reported speech without
    /// quoted words is left out. For quote search, and for gold sets of quotations only.
    /// Words quoted inside nested reports ("She said he told them “...”, police said") are
    /// listed once, with the outermost report, the one that quotes them.
    public var verbatimOnly: EnrichedArticle {
        var copy = self
        var listedFragments = Set<Int>()
        copy.quotes = quotes.flatMap { quote -> [Quote] in
            switch quote.kind {
            case "direct", "partial": return [quote]
            case "mixed":
                return quote.fragments.filter { listedFragments.insert($0.start).inserted }.map { fragment in
                    Quote(
                        text: fragment.text, start: fragment.start, end: fragment.end, parts: [fragment], kind: "partial",
                        cue: quote.cue, speaker: quote.speaker, confidence: quote.confidence, evidence: quote.evidence)
                }
            default: return []
            }
        }
        return copy
    }

    /// One record per quote, for quote-search indexes: the quote as in `json()`, preceded by
    /// the article's id, the quote's position in it, and the article fields that say where
    /// it was published.
    public func quoteRecords() -> [JSONValue] {
        let context = input.fields.filter { ["url", "title", "source", "published_at", "language"].contains($0.0) }
        return quotes.enumerated().map { index, quote in
            guard case .object(let quoteMembers) = Self.json(quote) else { preconditionFailure("a quote is a JSON object") }
            let head: [(String, JSONValue)] = [("article_id", .string(input.id)), ("quote_index", .integer(Int64(index)))]
            return .object(head + context + quoteMembers)
        }
    }

    private static func json(_ mention: Mention) -> JSONValue {
        .object([("start", .integer(Int64(mention.start))), ("end", .integer(Int64(mention.end))), ("text", .string(mention.text))])
    }

    private static func json(_ entity: Entity) -> JSONValue {
        .object([
            ("id", .string(entity.id)),
            ("name", .string(entity.name)),
            ("type", .string(entity.type.rawValue)),
            ("mentions", .array(entity.mentions.map(json))),
            ("count", .integer(Int64(entity.mentions.count))),
        ])
    }

    private static func json(_ quote: Quote) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("text", .string(quote.text)),
            ("start", .integer(Int64(quote.start))),
            ("end", .integer(Int64(quote.end))),
            ("kind", .string(quote.kind)),
            ("cue", quote.cue.map(JSONValue.string) ?? .null),
        ]
        if let speaker = quote.speaker {
            members.append(
                (
                    "speaker",
                    .object(
                        [
                            ("name", .string(speaker.name)),
                            ("entity", speaker.entity.map(JSONValue.string) ?? .null),
                            ("mention", json(speaker.mention)),
                        ] + (speaker.joint.isEmpty ? [] : [("joint", .array(speaker.joint.map(JSONValue.string)))]))
                ))
        } else {
            members.append(("speaker", .null))
        }
        members.append(("confidence", .number(quote.confidence)))
        if quote.parts.count > 1 { members.append(("parts", .array(quote.parts.map(json)))) }
        if !quote.fragments.isEmpty { members.append(("fragments", .array(quote.fragments.map(json)))) }
        return .object(members)
    }
}
