import ArgumentParser
import BylineEnrichment
import Foundation

/// Single-task enrichment throughput: decode, enrich and encode each record in turn, so
/// the figure is per core (pin with `taskset -c 0` to be sure).
struct EnrichBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Articles/s and tokens/s of the enrichment on one core."
    )

    @Option(help: "JSONL articles to enrich.")
    var input = "samples/articles.jsonl"

    @Option(help: "How many times to go over the articles.")
    var rounds = 50

    func run() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: input))
        let records = data.split(separator: UInt8(ascii: "\n")).map(Array.init)
        let enricher = ArticleEnricher()
        // Warm up: load the gazetteer and fault in the code.
        for record in records { _ = try await enricher.enrich(record: record).serialized() }

        var tokens = 0, articles = 0, bytes = 0
        let started = ContinuousClock.now
        for _ in 0..<rounds {
            for record in records {
                let article = try await enricher.enrich(record: record)
                bytes += article.serialized().count
                tokens += article.tokenCount
                articles += 1
            }
        }
        let seconds = (ContinuousClock.now - started).inSeconds
        print("articles: \(records.count) x \(rounds) rounds from \(input), \(tokens / max(articles, 1)) tokens each on average")
        print(String(format: "enrich (decode + enrich + encode): %.0f articles/s, %.0f tokens/s, %.1f MB/s out", Double(articles) / seconds, Double(tokens) / seconds, Double(bytes) / seconds / 1e6))
    }
}
