import Foundation
import Testing

@Suite("byline train and tag")
struct TagCommandTests {
    static let smallCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BylineEnrichmentTests/Fixtures/small.conll")

    @Test("train writes a model; tag appends a tag column and reports per-type scores and speed")
    func trainThenTag() throws {
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("byline-cli-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: model) }
        let trained = try runByline(["train", "--conll", Self.smallCorpus.path, "--dev", Self.smallCorpus.path, "--output", model.path, "--epochs", "8"])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stderr.contains("epoch  8"))
        #expect(FileManager.default.fileExists(atPath: model.path))

        let tagged = try runByline(["tag", "--conll", Self.smallCorpus.path, "--model", model.path])
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let input = try String(contentsOf: Self.smallCorpus, encoding: .utf8).split(separator: "\n")
        let output = tagged.stdout.split(separator: "\n")
        #expect(output.count == input.count)
        for (original, withTag) in zip(input, output) {
            #expect(withTag.hasPrefix(original + " "))
            #expect(withTag.split(separator: " ").count == original.split(separator: " ").count + 1)
        }
        for label in ["PER", "ORG", "LOC", "MISC", "all"] { #expect(tagged.stderr.contains("\(label) ")) }
        #expect(tagged.stderr.contains("tokens/s"))
    }

    @Test("a corrupt model is refused with a clear message")
    func corruptModel() throws {
        let result = try runByline(["tag", "--conll", Self.smallCorpus.path, "--model", Self.smallCorpus.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a Byline entity model"), "\(result.stderr)")
    }
}
