import BylineEnrichment

/// Why a record went to the dead-letter topic. The raw value is what the
/// `byline-error-code` header and the dead-letter metric's `reason` carry: stable strings
/// that dashboards and the consumers of the dead-letter topic match on.
public enum DeadLetterReason: String, Sendable, CaseIterable {
    case invalidJSON = "invalid_json"
    case invalidUTF8 = "invalid_utf8"
    case notAnObject = "not_an_object"
    case missingField = "missing_field"
    case wrongType = "wrong_type"
    case emptyText = "empty_text"
    case tooLarge = "too_large"
    case timedOut = "timed_out"
    /// The brokers refused the enriched record for good (too large, say): its input is kept instead.
    case outputRejected = "output_rejected"
    /// The brokers refused even the input's bytes: only its position is published.
    case deadLetterRejected = "dead_letter_rejected"

    public init(_ code: ArticleError.Code) {
        switch code {
        case .invalidJSON: self = .invalidJSON
        case .invalidUTF8: self = .invalidUTF8
        case .notAnObject: self = .notAnObject
        case .missingField: self = .missingField
        case .wrongType: self = .wrongType
        case .emptyText: self = .emptyText
        case .tooLarge: self = .tooLarge
        case .timedOut: self = .timedOut
        }
    }
}
