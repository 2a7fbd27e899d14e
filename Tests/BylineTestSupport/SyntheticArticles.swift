/// News-like articles the tests generate: each names people and organisations and quotes
/// them, so enrichment has real work; some records are bad input of every kind a worker
/// must dead-letter.
public enum SyntheticArticles {
    public struct Record: Sendable {
        public let id: String
        public let value: [UInt8]
        /// The dead-letter error code a worker must give, or nil for a good article.
        public let expectedError: String?
    }

    /// The bad-input kinds, in rotation, with the error code each must produce.
    public static let badKinds = ["invalid_json", "missing_field", "wrong_type", "invalid_utf8", "empty_text", "too_large"]
    /// Records past this size are `too_large`: pass it as the worker's `maxInputBytes`.
    public static let maximumBytes = 20_000

    /// `count` records; every `badEvery`-th (when positive) is bad.
    public static func make(count: Int, badEvery: Int = 0, idPrefix: String = "article") -> [Record] {
        (0..<count).map { index in
            let id = "\(idPrefix)-\(index)"
            if badEvery > 0, index % badEvery == badEvery - 1 {
                let kind = badKinds[(index / badEvery) % badKinds.count]
                return Record(id: id, value: bad(kind, id: id), expectedError: kind)
            }
            return Record(id: id, value: Array(good(id: id, index: index).utf8), expectedError: nil)
        }
    }

    private static let givenNames = ["Marta", "Tomasz", "Aisha", "Kwame", "Ingrid", "Rafael", "Mei", "Oluwaseun", "Hannah", "Diego"]
    private static let surnames = ["Kowalczyk", "Lindqvist", "Okafor", "Brennan", "Castillo", "Nakamura", "Haddad", "Petrov", "Mensah", "Duarte"]
    private static let organisations = ["the Harbour Authority", "Greenfield Council", "the Northern Rail Company", "the Ministry of Health", "Atlas Mining"]
    private static let cities = ["Lisbon", "Gdansk", "Accra", "Bergen", "Osaka"]

    private static func good(id: String, index: Int) -> String {
        let first = "\(givenNames[index % 10]) \(surnames[(index / 10) % 10])"
        let second = "\(givenNames[(index + 3) % 10]) \(surnames[(index / 7 + 4) % 10])"
        let organisation = organisations[index % organisations.count]
        let city = cities[index % cities.count]
        let text = """
            \(city) officials approved the new ferry timetable on Monday after months of talks with \(organisation).

            “This is the best outcome we could have hoped for,” said \(first), who chairs the transport committee. “Passengers will notice the difference within weeks.”

            Not everyone agreed. \(second), a spokeswoman for the passengers' union, said the plan was “too little, too late” and warned that fares would rise.

            \(surnames[(index / 10) % 10]) said the committee would review the timetable in the spring.
            """
        return "{\"id\": \(jsonString(id)), \"title\": \"Ferry timetable approved in \(city)\", \"source\": \"byline-tests\", \"text\": \(jsonString(text))}"
    }

    private static func bad(_ kind: String, id: String) -> [UInt8] {
        switch kind {
        case "invalid_json": return Array("{\"id\": \(jsonString(id)), \"text\": \"cut off".utf8)
        case "missing_field": return Array("{\"id\": \(jsonString(id)), \"title\": \"no text\"}".utf8)
        case "wrong_type": return Array("{\"id\": \(jsonString(id)), \"text\": [1, 2, 3]}".utf8)
        case "invalid_utf8": return Array("{\"id\": \(jsonString(id)), \"text\": \"caf".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        case "empty_text": return Array("{\"id\": \(jsonString(id)), \"text\": \"   \"}".utf8)
        default: return Array("{\"id\": \(jsonString(id)), \"text\": \"\(String(repeating: "word ", count: maximumBytes / 4))\"}".utf8)
        }
    }

    /// The text as a JSON string literal, escaped as JSON's writers do (the short escapes,
    /// `\u00XX` for other control characters): written apart from Byline's own writer, so
    /// tests can check that writer against it.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0}"..."\u{1F}": result += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
