@testable import BylineEnrichment
import Foundation

enum Fixtures {
    /// The team's sample articles (samples/articles.jsonl), as raw JSON lines.
    static let sampleLines: [[UInt8]] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/articles.jsonl")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return data.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }()

    static func enrich(_ text: String) async throws -> EnrichedArticle {
        try await ArticleEnricher().enrich(ArticleInput(id: "test", text: text))
    }
}

extension EnrichedArticle {
    func entity(named name: String) -> Entity? { entities.first { $0.name == name } }
    func quote(containing fragment: String) -> Quote? { quotes.first { $0.text.contains(fragment) } }
    func speakerName(of fragment: String) -> String? { quote(containing: fragment)?.speaker?.name }
    func describedSpeaker(of fragment: String) -> String? { quote(containing: fragment)?.describedSpeaker }
}

extension EnrichedArticle.Quote {
    /// The speaker's description as written, when it names no entity ("officials").
    var describedSpeaker: String? { speaker.flatMap { $0.entity == nil ? $0.name : nil } }
}

/// Python-style slicing by Unicode scalars, the contract of every offset we emit.
func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    guard start >= 0, end <= scalars.count, start <= end else { return "<out of range>" }
    return String(String.UnicodeScalarView(scalars[start..<end]))
}
