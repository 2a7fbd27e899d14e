import Foundation

/// A JSON value that keeps object keys in the order they were written, so records
/// come out with `id` first and the enrichment last.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number, .integer: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Parses one JSON document. Throws on invalid UTF-8 or JSON. A key repeated in an
    /// object keeps its first place and its last value.
    public static func parse(_ bytes: some Collection<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes: Array(bytes))
        return try parser.parseDocument()
    }

    /// Compact JSON text.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter(capacity: 1_024)
        writer.value(self)
        return writer.bytes
    }

    /// Where the next byte JSON escapes (a control byte, `"` or `\`) is, at or after
    /// `start`; `bytes.count` if none. Eight bytes are tested at once, so an article's text,
    /// the longest string of its record, is passed over a word at a time.
    static func firstByteToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        // True whenever a byte of `word` is below `limit` (at most 0x80); a false alarm only
        // sends the eight bytes to the exact test below.
        func hasByte(below limit: UInt64, _ word: UInt64) -> Bool { (word &- ones &* limit) & ~word & highBits != 0 }
        var index = start
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                let mayEscape =
                    hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (ones &* UInt64(UInt8(ascii: "\"")))) || hasByte(below: 1, word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
                if !mayEscape {
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, bytes.count)
            while index < end {
                let byte = bytes[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
                index += 1
            }
        }
        return bytes.count
    }
}

/// Why a document is not JSON, with the byte offset where reading stopped.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict RFC 8259 parser over bytes; rejects invalid UTF-8 in strings.
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    var depth = 0
    static let maximumDepth = 256
    /// Up to this many keys, an object finds a repeated key by searching its members.
    static let keysSearchedInPlace = 16

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected text after the JSON value") }
        return value
    }

    private func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: position, reason: reason) }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard position < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected character")
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<(position + expected.count)]) == expected else {
            throw fail("invalid literal")
        }
        position += expected.count
        return value
    }

    private mutating func nested<T>(_ body: (inout JSONParser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth)") }
        return try body(&self)
    }

    private mutating func parseObject() throws -> JSONValue {
        try nested { parser in
            parser.position += 1
            var members: [(String, JSONValue)] = []
            // Keyed by the bytes: JSON compares keys as written, Swift's == up to canonical
            // equivalence. Made only for an object of many keys: a record has a handful,
            // and searching them costs less than an array and a hash per key.
            var positions: [[UInt8]: Int]?
            parser.skipWhitespace()
            if parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "}") {
                parser.position += 1
                return .object(members)
            }
            while true {
                parser.skipWhitespace()
                guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "\"") else { throw parser.fail("expected a key") }
                let key = try parser.parseString()
                parser.skipWhitespace()
                guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: ":") else { throw parser.fail("expected ':'") }
                parser.position += 1
                parser.skipWhitespace()
                let value = try parser.parseValue()
                // A repeated key keeps its first place and its last value, as most parsers
                // do: the record is written with each key once, and a reader that keeps the
                // last value sees the same `id` as the worker and the Kafka key.
                let earlier = positions.map { $0[Array(key.utf8)] } ?? members.firstIndex { $0.0.utf8.elementsEqual(key.utf8) }
                if let earlier {
                    members[earlier].1 = value
                } else {
                    members.append((key, value))
                    if positions != nil {
                        positions![Array(key.utf8)] = members.count - 1
                    } else if members.count > Self.keysSearchedInPlace {
                        positions = Dictionary(uniqueKeysWithValues: members.enumerated().map { (Array($1.0.utf8), $0) })
                    }
                }
                parser.skipWhitespace()
                guard parser.position < parser.bytes.count else { throw parser.fail("unterminated object") }
                if parser.bytes[parser.position] == UInt8(ascii: ",") { parser.position += 1; continue }
                if parser.bytes[parser.position] == UInt8(ascii: "}") { parser.position += 1; return .object(members) }
                throw parser.fail("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try nested { parser in
            parser.position += 1
            var values: [JSONValue] = []
            parser.skipWhitespace()
            if parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "]") {
                parser.position += 1
                return .array(values)
            }
            while true {
                parser.skipWhitespace()
                values.append(try parser.parseValue())
                parser.skipWhitespace()
                guard parser.position < parser.bytes.count else { throw parser.fail("unterminated array") }
                if parser.bytes[parser.position] == UInt8(ascii: ",") { parser.position += 1; continue }
                if parser.bytes[parser.position] == UInt8(ascii: "]") { parser.position += 1; return .array(values) }
                throw parser.fail("expected ',' or ']'")
            }
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        var isInteger = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { position += 1; continue }
            if [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(byte) {
                isInteger = false
                position += 1
                continue
            }
            break
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text) else { throw JSONParseError(offset: start, reason: "invalid number") }
        return .number(value)
    }

    private mutating func parseString() throws -> String {
        position += 1
        // Used only once an escape is met: a string without one is read in place.
        var unescaped: [UInt8] = []
        var hasEscape = false
        var runStart = position
        while true {
            position = bytes.withUnsafeBufferPointer { JSONValue.firstByteToEscape(in: $0, from: position) }
            guard position < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let run = bytes[runStart..<position]
                position += 1
                if hasEscape { unescaped.append(contentsOf: run) }
                guard let text = hasEscape ? String(validating: unescaped, as: UTF8.self) : String(validating: run, as: UTF8.self) else {
                    throw fail("string is not valid UTF-8")
                }
                return text
            }
            if byte < 0x20 { throw fail("control character in string") }
            unescaped.append(contentsOf: bytes[runStart..<position])
            hasEscape = true
            position += 1
            try parseEscape(into: &unescaped)
            runStart = position
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws {
        guard position < bytes.count else { throw fail("unterminated escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                guard position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw fail("unpaired surrogate")
                }
                position += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw fail("unpaired surrogate")
            }
            guard let scalar = Unicode.Scalar(code) else { throw fail("invalid code point") }
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw fail("invalid escape")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }
}
