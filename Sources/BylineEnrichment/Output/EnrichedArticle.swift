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
    public func serialized() -> [UInt8] {
        // Room for the text and its offsets without growing: records run about twice the text.
        var writer = JSONWriter(capacity: input.text.utf8.count * 2 + 1_024)
        writer.beginObject()
        let members = input.fields.filter { !["text", "entities", "quotes", "enrichment"].contains($0.0) }
        let textPosition = (members.firstIndex { $0.0 == "id" } ?? -1) + 1
        for (index, (key, value)) in members.enumerated() {
            if index == textPosition { writer.member("text", input.text) }
            writer.member(key, value)
        }
        if textPosition == members.count { writer.member("text", input.text) }
        writer.key("entities")
        writer.beginArray()
        for entity in entities { Self.write(entity, to: &writer) }
        writer.endArray()
        writer.key("quotes")
        writer.beginArray()
        for quote in quotes {
            writer.beginObject()
            Self.writeMembers(of: quote, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("enrichment")
        writer.beginObject()
        writer.member("version", Self.version)
        writer.key("took_ms")
        writer.number((tookMilliseconds * 1000).rounded() / 1000)
        writer.key("text_from_html")
        writer.bool(input.textWasExtractedFromHTML)
        writer.endObject()
        writer.endObject()
        return writer.bytes
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

    /// One record per quote, for quote-search indexes: the quote as in `serialized()`,
    /// preceded by the article's id, the quote's position in it, and the article fields that
    /// say where it was published.
    public func quoteRecords() -> [[UInt8]] {
        let context = input.fields.filter { ["url", "title", "source", "published_at", "language"].contains($0.0) }
        return quotes.enumerated().map { index, quote in
            var writer = JSONWriter(capacity: 1_024)
            writer.beginObject()
            writer.member("article_id", input.id)
            writer.member("quote_index", index)
            for (key, value) in context {
                writer.member(key, value)
            }
            Self.writeMembers(of: quote, to: &writer)
            writer.endObject()
            return writer.bytes
        }
    }

    private static func write(_ mention: Mention, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("start", mention.start)
        writer.member("end", mention.end)
        writer.member("text", mention.text)
        writer.endObject()
    }

    private static func write(_ mentions: [Mention], to writer: inout JSONWriter) {
        writer.beginArray()
        for mention in mentions { write(mention, to: &writer) }
        writer.endArray()
    }

    private static func write(_ entity: Entity, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("id", entity.id)
        writer.member("name", entity.name)
        writer.member("type", entity.type.rawValue)
        writer.key("mentions")
        write(entity.mentions, to: &writer)
        writer.member("count", entity.mentions.count)
        writer.endObject()
    }

    private static func writeMembers(of quote: Quote, to writer: inout JSONWriter) {
        writer.member("text", quote.text)
        writer.member("start", quote.start)
        writer.member("end", quote.end)
        writer.member("kind", quote.kind)
        writer.member("cue", quote.cue)
        writer.key("speaker")
        if let speaker = quote.speaker {
            writer.beginObject()
            writer.member("name", speaker.name)
            writer.member("entity", speaker.entity)
            writer.key("mention")
            write(speaker.mention, to: &writer)
            if !speaker.joint.isEmpty {
                writer.key("joint")
                writer.beginArray()
                for entity in speaker.joint { writer.string(entity) }
                writer.endArray()
            }
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("confidence")
        writer.number(quote.confidence)
        if quote.parts.count > 1 {
            writer.key("parts")
            write(quote.parts, to: &writer)
        }
        if !quote.fragments.isEmpty {
            writer.key("fragments")
            write(quote.fragments, to: &writer)
        }
    }
}
