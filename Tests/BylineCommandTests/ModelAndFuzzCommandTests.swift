import Foundation
import Testing

@Suite("The entity model as an input, and the fuzz target's replay")
struct ModelAndFuzzCommandTests {
    private static let article = Data(#"{"id": "one", "text": "“We will rebuild,” Maria Okonjo said in Lisbon."}"#.utf8)

    @Test("a missing or corrupt --model stops the command with the reason; never other rules")
    func unusableModelIsAnError() throws {
        let missing = try runByline(["enrich", "--model", "/nonexistent/ner-model.bin"], input: Self.article)
        #expect(missing.status != 0)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("ner-model.bin"), "\(missing.stderr)")
        let corrupt = FileManager.default.temporaryDirectory.appendingPathComponent("byline-corrupt-model-\(getpid()).bin")
        try Data("not a model".utf8).write(to: corrupt)
        defer { try? FileManager.default.removeItem(at: corrupt) }
        let broken = try runByline(["enrich", "--model", corrupt.path], input: Self.article)
        #expect(broken.status != 0)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.contains("not usable"), "\(broken.stderr)")
    }

    @Test("the shipped model given by path enriches as the default does")
    func explicitModel() throws {
        let bundledModel = try bylineExecutable().deletingLastPathComponent()
            .appendingPathComponent("Byline_BylineEnrichment.resources/ner-model.bin")
        let explicit = try runByline(["enrich", "--model", bundledModel.path], input: Self.article)
        let implicit = try runByline(["enrich"], input: Self.article)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(explicit.stdout.contains("Maria Okonjo"))
        // Same entities and quotes; only took_ms differs.
        func withoutTiming(_ output: String) -> String { output.replacing(/"took_ms":[0-9.e-]+/, with: "") }
        #expect(withoutTiming(explicit.stdout) == withoutTiming(implicit.stdout))
    }

    @Test("train-confidence writes the same model twice from the same data; enrich runs with it, and refuses a damaged one")
    func trainConfidence() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("byline-confidence-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two articles of our own, annotated as PolNeAR is: code-point offsets of each piece.
        let corpus = directory.appendingPathComponent("attributions.jsonl")
        try Data(
            (#"{"id": "a", "text": "Nurse Ada Ruiz said the ward was full. The poster read “Wash your hands”.", "attributions": [{"source": [{"start": 6, "end": 14, "text": "Ada Ruiz"}], "cue": [{"start": 15, "end": 19, "text": "said"}], "content": [{"start": 20, "end": 37, "text": "the ward was full"}]}]}"#
                + "\n"
                + #"{"id": "b", "text": "Pilot Sam Odu said the runway was icy. A label read “Handle with care”.", "attributions": [{"source": [{"start": 6, "end": 13, "text": "Sam Odu"}], "cue": [{"start": 14, "end": 18, "text": "said"}], "content": [{"start": 19, "end": 37, "text": "the runway was icy"}]}]}"#
                + "\n").utf8
        ).write(to: corpus)
        let first = directory.appendingPathComponent("first.tsv"), second = directory.appendingPathComponent("second.tsv")
        for output in [first, second] {
            let trained = try runByline(["train-confidence", "--attributions", corpus.path, "--output", output.path])
            #expect(trained.status == 0, "\(trained.stderr)")
            #expect(trained.stderr.contains("2 articles, 4 quotes found"), "\(trained.stderr)")
        }
        let model = try String(contentsOf: first, encoding: .utf8)
        #expect(model == (try String(contentsOf: second, encoding: .utf8)))
        #expect(model.hasPrefix("# byline quote-confidence 1\nbias\t"))
        let enriched = try runByline(["enrich", "--confidence-model", first.path], input: Self.article)
        #expect(enriched.status == 0, "\(enriched.stderr)")
        #expect(enriched.stdout.contains(#""confidence":"#))
        let damaged = directory.appendingPathComponent("damaged.tsv")
        try Data("bias\t0\n".utf8).write(to: damaged)
        let refused = try runByline(["enrich", "--confidence-model", damaged.path], input: Self.article)
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("not a quote-confidence model"), "\(refused.stderr)")
    }

    @Test("the fuzz target replays the seed corpus without a failure")
    func fuzzSeedsReplay() throws {
        let binary = try bylineExecutable().deletingLastPathComponent().appendingPathComponent("byline-fuzz")
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzSeeds")
        let seedCount = try FileManager.default.contentsOfDirectory(atPath: seeds.path).count
        #expect(seedCount >= 10, "Tests/FuzzSeeds is missing")
        let process = Process()
        process.executableURL = binary
        process.arguments = [seeds.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let deadline = ChildDeadline(process, timeout: .seconds(120))
        defer { deadline.exited() }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("replayed \(seedCount) inputs: 0 failures"), "\(printed)")
    }
}
