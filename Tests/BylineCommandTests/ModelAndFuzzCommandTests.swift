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
