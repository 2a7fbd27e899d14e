/// Why an input record cannot be enriched. `code` is stable (for dead-letter headers
/// and metrics); `message` says what to fix.
public struct ArticleError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid_json"
        case invalidUTF8 = "invalid_utf8"
        case notAnObject = "not_an_object"
        case missingField = "missing_field"
        case wrongType = "wrong_type"
        case emptyText = "empty_text"
        case tooLarge = "too_large"
        case timedOut = "timed_out"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
