import Foundation
import Testing

@Suite("byline enrich")
struct EnrichCommandTests {
    @Test("bad lines are reported with their line number, the rest are enriched, the exit status says so")
    func badLinesReported() throws {
        let lines = [
            #"{"id": "one", "text": "“We will rebuild,” Maria Okonjo said."}"#,
            #"{"id": "two", "text": 42}"#,
            "not json at all",
            "",
            #"{"id": "three", "html": "<p>Shares rose in Tokyo.</p>"}"#,
        ]
        let result = try runByline(["enrich"], input: Data(lines.joined(separator: "\n").utf8))
        #expect(result.status == 1)
        let records = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.compactMap { $0?["id"] as? String } == ["one", "three"])
        #expect(result.stderr.contains("line 2: wrong_type"), "\(result.stderr)")
        #expect(result.stderr.contains("line 3: invalid_json"), "\(result.stderr)")
        let quotes = records.first??["quotes"] as? [[String: Any]]
        #expect((quotes?.first?["speaker"] as? [String: Any])?["name"] as? String == "Maria Okonjo")
    }

    @Test("--verbatim-quotes keeps the quoted words only: a mixed entry gives its fragments as partial quotes")
    func verbatimQuotes() throws {
        let line = Data(#"{"id": "v", "text": "Sofia Marchetti said the budget was “a work of fiction” and would not pass. Officials said the vote would be close."}"#.utf8)
        func quotes(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try runByline(["enrich"] + arguments, input: line)
            #expect(result.status == 0, "\(result.stderr)")
            let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return record?["quotes"] as? [[String: Any]] ?? []
        }
        let all = try quotes([])
        #expect(all.compactMap { $0["kind"] as? String } == ["mixed", "indirect"])
        let verbatim = try quotes(["--verbatim-quotes"])
        #expect(verbatim.count == 1)
        #expect(verbatim.first?["kind"] as? String == "partial")
        #expect(verbatim.first?["text"] as? String == "a work of fiction")
        #expect((verbatim.first?["speaker"] as? [String: Any])?["name"] as? String == "Sofia Marchetti")
    }

    @Test("a clean file exits 0 and writes one record per article, in order")
    func cleanRun() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/articles.jsonl")
        let result = try runByline(["enrich", "--input", samples.path, "--concurrency", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let inputIDs = try String(contentsOf: samples, encoding: .utf8).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        let outputIDs = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(outputIDs == inputIDs)
    }
}
