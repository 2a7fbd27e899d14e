/// A raw article as scrapers publish it.
public struct ArticleInput: Sendable {
    public var id: String
    /// The plain text to enrich (extracted from `html` when the record had only HTML).
    public var text: String
    /// Every field of the input record, in order, passed through to the output.
    public var fields: [(String, JSONValue)]
    public var textWasExtractedFromHTML: Bool

    public init(id: String, text: String, fields: [(String, JSONValue)] = []) {
        self.id = id
        self.text = text
        self.fields = fields.isEmpty ? [("id", .string(id)), ("text", .string(text))] : fields
        self.textWasExtractedFromHTML = false
    }

    static let optionalStringFields = ["title", "url", "source", "published_at", "language"]

    /// Parses and validates one JSON record.
    public static func decode(_ bytes: some Collection<UInt8>, maximumBytes: Int = EnrichmentLimits.default.maximumInputBytes) throws(ArticleError) -> ArticleInput {
        guard bytes.count <= maximumBytes else {
            throw ArticleError(.tooLarge, "record is \(bytes.count) bytes; the limit is \(maximumBytes)")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ArticleError(.invalidUTF8, "record is not valid UTF-8")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw ArticleError(.invalidJSON, "not JSON: \(error)")
        }
        guard case .object(let fields) = value else {
            throw ArticleError(.notAnObject, "expected a JSON object, got \(value.typeName)")
        }
        guard let idValue = value["id"] else { throw ArticleError(.missingField, "missing field `id`") }
        guard case .string(let id) = idValue, !id.trimmingWhitespace.isEmpty else {
            throw ArticleError(.wrongType, "`id` must be a non-empty string, got \(idValue.typeName)")
        }
        for name in optionalStringFields {
            if let field = value[name], field != .null, field.stringValue == nil {
                throw ArticleError(.wrongType, "`\(name)` must be a string, got \(field.typeName)")
            }
        }
        var text: String
        var fromHTML = false
        if let textValue = value["text"], textValue != .null {
            guard case .string(let plain) = textValue else {
                throw ArticleError(.wrongType, "`text` must be a string, got \(textValue.typeName)")
            }
            // Plain text as sent: a literal "<tweet>" or "a < b" is words, not markup. Only
            // the `html` field is parsed as HTML.
            text = plain
        } else if let htmlValue = value["html"], htmlValue != .null {
            guard case .string(let html) = htmlValue else {
                throw ArticleError(.wrongType, "`html` must be a string, got \(htmlValue.typeName)")
            }
            text = HTMLText.extract(html)
            fromHTML = true
        } else {
            throw ArticleError(.missingField, "missing field `text` (or `html`)")
        }
        guard !text.trimmingWhitespace.isEmpty else { throw ArticleError(.emptyText, "`text` is empty") }
        var input = ArticleInput(id: id, text: text, fields: fields)
        input.textWasExtractedFromHTML = fromHTML
        return input
    }
}

/// Bounds that keep one record from costing unbounded time or memory.
public struct EnrichmentLimits: Sendable {
    /// Largest input record accepted, in bytes.
    public var maximumInputBytes: Int
    public static let `default` = EnrichmentLimits(maximumInputBytes: 2_000_000)

    public init(maximumInputBytes: Int) { self.maximumInputBytes = maximumInputBytes }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpace }),
            let last = scalars.lastIndex(where: { !$0.isSpace })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
