import BylineEnrichment

/// Why a record went to the dead-letter topic. `rawValue` is what the `byline-error-code`
/// header and the dead-letter metric's `reason` carry: stable strings that dashboards and
/// the consumers of the dead-letter topic match on.
public enum DeadLetterReason: Sendable, Hashable {
    /// The input cannot be enriched; the enrichment's own code says why.
    case input(ArticleError.Code)
    /// The brokers refused the enriched record for good (too large, say): its input is kept instead.
    case outputRejected
    /// The brokers refused even the input's bytes: only its position is published.
    case deadLetterRejected

    public init(_ code: ArticleError.Code) { self = .input(code) }

    /// Every reason, so each series exists from the start and `rate()` sees the first one.
    public static let all: [DeadLetterReason] = ArticleError.Code.allCases.map(DeadLetterReason.input) + [.outputRejected, .deadLetterRejected]

    public var rawValue: String {
        switch self {
        case .input(let code): code.rawValue
        case .outputRejected: "output_rejected"
        case .deadLetterRejected: "dead_letter_rejected"
        }
    }
}
