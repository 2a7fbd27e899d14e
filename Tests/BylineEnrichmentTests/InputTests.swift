@testable import BylineEnrichment
import BylineTestSupport
import Foundation
import Testing

@Suite("Input records, bad input and the output schema")
struct InputTests {
    private func decodeError(_ bytes: [UInt8]) -> ArticleError? {
        do {
            _ = try ArticleInput.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "bad records get a clear error code",
        arguments: [
            ("{\"id\": \"a\", \"text\": ", ArticleError.Code.invalidJSON),
            ("[1, 2]", .notAnObject),
            ("{\"text\": \"Hello there.\"}", .missingField),
            ("{\"id\": \"a\"}", .missingField),
            ("{\"id\": 7, \"text\": \"Hello.\"}", .wrongType),
            ("{\"id\": \"a\", \"text\": [\"Hello.\"]}", .wrongType),
            ("{\"id\": \"a\", \"text\": \"Hello.\", \"title\": 3}", .wrongType),
            ("{\"id\": \"a\", \"text\": \"   \\n \"}", .emptyText),
            ("{\"id\": \"\", \"text\": \"Hello.\"}", .wrongType),
        ])
    func badRecords(record: String, code: ArticleError.Code) {
        let error = decodeError(Array(record.utf8))
        #expect(error?.code == code, "\(record) gave \(String(describing: error))")
        #expect(error?.message.isEmpty == false)
    }

    @Test("invalid UTF-8 is refused, not repaired")
    func invalidUTF8() {
        var bytes = Array("{\"id\": \"a\", \"text\": \"caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        #expect(decodeError(bytes)?.code == .invalidUTF8)
    }

    @Test("a record over the size limit is refused")
    func tooLarge() {
        let text = String(repeating: "Word ", count: 1_100_000)
        let record = Array("{\"id\": \"big\", \"text\": \"\(text)\"}".utf8)
        #expect(decodeError(record)?.code == .tooLarge)
    }

    @Test("HTML is stripped to text; offsets refer to the extracted text")
    func htmlInput() async throws {
        let html =
            "<html><head><style>p{}</style></head><body><h1>Bridge</h1><p>&ldquo;We will reopen on Friday,&rdquo; Maria Okonjo said.</p><script>var x = \"<p>\";</script><p>Traffic &amp; ferries resume.</p></body></html>"
        let record = JSONValue.object([("id", .string("h1")), ("html", .string(html))]).serialized()
        let article = try await ArticleEnricher().enrich(record: record)
        #expect(article.input.text == "Bridge\n\u{201C}We will reopen on Friday,\u{201D} Maria Okonjo said.\nTraffic & ferries resume.")
        #expect(article.input.textWasExtractedFromHTML)
        let quote = try #require(article.quotes.first)
        #expect(quote.speaker?.name == "Maria Okonjo")
        #expect(slice(article.input.text, quote.start, quote.end) == quote.text)
    }

    @Test("10,000 opening quotation marks and no closing one: a result in bounded time")
    func unclosedMarks() async throws {
        let marks = "He said \u{201C}" + String(repeating: "no \u{201C}", count: 10_000)
        let plain = "He said " + String(repeating: "no no ", count: 10_000)
        _ = try await Fixtures.enrich("Warm up: the gazetteer and the entity model load once.")
        let (article, _) = try await measure { try await Fixtures.enrich(marks) }
        #expect(article.quotes.count < 10_000)
        // Linear, not quadratic, in the marks: compared with text of the same length in the
        // same run, the fastest of three each, so a loaded machine does not decide the result.
        var withMarks = Duration.seconds(60), withoutMarks = Duration.seconds(60)
        for _ in 0..<3 {
            withMarks = min(withMarks, try await measure { try await Fixtures.enrich(marks) }.1)
            withoutMarks = min(withoutMarks, try await measure { try await Fixtures.enrich(plain) }.1)
        }
        #expect(withMarks < withoutMarks * 6, "\(withMarks) with marks, \(withoutMarks) without")
        #expect(withMarks < .seconds(30))
    }

    @Test("a long article, a quarter of a million characters, is enriched whole")
    func longText() async throws {
        let paragraph = "\u{201C}We will rebuild,\u{201D} Maria Okonjo said in Port Alder on Friday.\n"
        let text = String(repeating: paragraph, count: 4_000)
        let article = try await Fixtures.enrich(text)
        #expect(article.quotes.count == 4_000)
        #expect(article.entity(named: "Maria Okonjo")?.mentions.count == 4_000)
    }

    @Test("the sample articles are there: the tests over them must not pass with no case")
    func samplesArePresent() {
        #expect(Fixtures.sampleLines.count >= 20, "samples/articles.jsonl is missing or short")
    }

    @Test("input fields pass through; the output matches the published schema", arguments: Fixtures.sampleLines.indices)
    func schema(line: Int) async throws {
        let validator = try SchemaValidator(file: "enriched-article.schema.json")
        let inputValidator = try SchemaValidator(file: "article.schema.json")
        let input = try JSONValue.parse(Fixtures.sampleLines[line])
        #expect(inputValidator.errors(in: input).isEmpty)
        let article = try await ArticleEnricher().enrich(record: Fixtures.sampleLines[line])
        let output = try JSONValue.parse(article.serialized())
        #expect(validator.errors(in: output) == [])
        for field in ["id", "title", "source", "section", "published_at", "language", "text"] {
            #expect(output[field] == input[field], "\(field) passes through")
        }
    }

    @Test("the schema validator catches a wrong record")
    func validatorRejects() throws {
        let validator = try SchemaValidator(file: "enriched-article.schema.json")
        let bad = JSONValue.object([("id", .string("x")), ("text", .string("t")), ("entities", .array([.object([("id", .string("e1"))])]))])
        #expect(validator.errors(in: bad).count >= 3)
    }

    @Test("a key written twice is kept once, with its last value: the id, the output and the Kafka key agree")
    func repeatedKeys() async throws {
        let record = #"{"id": "first", "title": "Old", "text": "The council met on Monday.", "id": "second", "title": "New"}"#
        let article = try await ArticleEnricher().enrich(record: Array(record.utf8))
        // The worker keys the output record with `input.id`.
        #expect(article.input.id == "second")
        let output = try JSONValue.parse(article.serialized())
        guard case .object(let members) = output else { Issue.record("the output is not an object"); return }
        #expect(members.map(\.0) == ["id", "text", "title", "entities", "quotes", "enrichment"])
        #expect(output["id"] == .string("second"))
        #expect(output["title"] == .string("New"))
        #expect(
            try JSONValue.parse(Array(#"{"a": {"x": 1, "y": 2, "x": 3}}"#.utf8))
                == .object([("a", .object([("x", .integer(3)), ("y", .integer(2))]))]))
    }

    @Test("a numeric reference to NUL, a surrogate or past U+10FFFF becomes U+FFFD, as the HTML standard says")
    func invalidNumericReferences() {
        let text = HTMLText.extract("<p>a&#0;b &#x0;c &#xD800;d &#56320;e &#x110000;f &#65;&#x42;</p>")
        #expect(text == "a\u{FFFD}b \u{FFFD}c \u{FFFD}d \u{FFFD}e \u{FFFD}f AB", "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("the JSON writer and parser round-trip escapes and unicode")
    func jsonRoundTrip() throws {
        let value = JSONValue.object([("a", .string("line\nquote\" back\\ tab\t \u{1} é 😀")), ("b", .array([.integer(-3), .number(2.5), .bool(true), .null]))])
        #expect(try JSONValue.parse(value.serialized()) == value)
        let written = String(decoding: JSONValue.string("a\nb\"c\\d\u{1}e\r\tf").serialized(), as: UTF8.self)
        #expect(written == #""a\nb\"c\\d\u0001e\r\tf""#)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("{\"a\": \"\\ud800\"}".utf8)) }

        // A comma between values and members only: empty and nested containers, and strings
        // holding the bytes that open them.
        let nested = JSONValue.array([
            .array([]), .object([]), .array([.integer(1), .array([.string("[")]), .object([("k", .string(":"))])]),
            .object([("a", .array([])), ("b", .object([("c", .null)])), ("{", .string("{"))]), .string(""),
        ])
        let nestedText = String(decoding: nested.serialized(), as: UTF8.self)
        #expect(nestedText == #"[[],{},[1,["["],{"k":":"}],{"a":[],"b":{"c":null},"{":"{"},""]"#)
        #expect(try JSONValue.parse(nested.serialized()) == nested)
    }

    @Test("the JSON writer escapes a byte wherever it falls among the eight it tests at once, and nothing else")
    func jsonEscapesAtEveryPosition() throws {
        // Bytes either side of the ones escaped: space, "!", "#", "[", "]", DEL, and UTF-8 of é.
        let filler = Array(" !#[]\u{7F}é~")
        for special in ["\"", "\\", "\n", "\u{0}", "\u{1F}"] {
            for length in 0..<20 {
                for position in 0...length {
                    var text = String((0..<length).map { filler[$0 % filler.count] })
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                    let written = JSONValue.string(text).serialized()
                    #expect(String(decoding: written, as: UTF8.self) == SyntheticArticles.jsonString(text))
                    #expect(try JSONValue.parse(written) == .string(text))
                }
            }
        }
    }
}
