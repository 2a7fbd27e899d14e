import BylineEnrichment
import Dispatch
import Foundation

/// The fuzz target: every input is tried as a record (decoded, and enriched when it
/// decodes) and, when it is UTF-8, as the text of an article. Whatever the input, decoding
/// either refuses it with a code or yields an article whose every offset lies inside its
/// text and whose output parses back; anything else stops the process, which is what a
/// fuzzer reports.
enum FuzzTarget {
    static let enricher = ArticleEnricher(limits: EnrichmentLimits(maximumInputBytes: 4_000_000))

    static func run(_ bytes: [UInt8]) {
        if let article = enrichWaiting({ () async throws(ArticleError) in try await enricher.enrich(record: bytes) }) { check(article) }
        if let text = String(validating: bytes, as: UTF8.self), !text.isEmpty {
            if let article = enrichWaiting({ () async throws(ArticleError) in try await enricher.enrich(ArticleInput(id: "fuzz", text: text)) }) { check(article) }
        }
    }

    /// Runs one enrichment to its end from the fuzzer's own (non-Swift-concurrency) thread.
    private static func enrichWaiting(_ work: @escaping @Sendable () async throws(ArticleError) -> EnrichedArticle) -> EnrichedArticle? {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Task {
            do throws(ArticleError) {
                result.article = try await work()
            } catch {
                precondition(!error.message.isEmpty, "a refusal says why")
            }
            done.signal()
        }
        done.wait()
        return result.article
    }

    private final class ResultBox: @unchecked Sendable {
        var article: EnrichedArticle?
    }

    private static func check(_ article: EnrichedArticle) {
        let scalars = Array(article.input.text.unicodeScalars)
        func inside(_ mention: EnrichedArticle.Mention) {
            precondition(mention.start >= 0 && mention.start <= mention.end && mention.end <= scalars.count, "span \(mention.start)..<\(mention.end) outside the text")
            precondition(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text, "a span's text differs from the text it points at")
        }
        for entity in article.entities {
            precondition(!entity.mentions.isEmpty, "an entity without mentions")
            entity.mentions.forEach(inside)
        }
        for quote in article.quotes {
            quote.parts.forEach(inside)
            quote.fragments.forEach(inside)
            if let speaker = quote.speaker {
                inside(speaker.mention)
                if let entity = speaker.entity {
                    precondition(article.entities.contains { $0.id == entity }, "a speaker naming no entity")
                } else {
                    precondition(speaker.name == speaker.mention.text, "a described speaker not as written")
                }
            }
        }
        let output = article.serialized()
        precondition((try? JSONValue.parse(output)) != nil, "the output record does not parse back")
    }
}

#if FUZZING
    /// libFuzzer's entry for a program with a main of its own (SwiftPM gives every executable
    /// one), from the fuzzer runtime that `-sanitize=fuzzer` links in.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @main
    enum FuzzMain {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runFuzzerDriver(&argc, &argv) { data, size in
                    FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
                    return 0
                })
        }
    }
#else
    /// Without the fuzzer: runs the files or folders given (the seed corpus, a crash) through
    /// the target once each, so CI and a developer can replay them with a plain build.
    @main
    enum FuzzReplay {
        static func main() throws {
            let paths = CommandLine.arguments.dropFirst()
            var files: [URL] = []
            for path in paths {
                let url = URL(fileURLWithPath: path)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ReplayError("no such file: \(path)") }
                if isFolder.boolValue {
                    files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
                } else {
                    files.append(url)
                }
            }
            guard !files.isEmpty else { throw ReplayError("usage: byline-fuzz FILE|FOLDER ...") }
            for file in files { FuzzTarget.run(Array(try Data(contentsOf: file))) }
            print("replayed \(files.count) inputs: 0 failures")
        }

        struct ReplayError: Error, CustomStringConvertible {
            let description: String
            init(_ description: String) { self.description = description }
        }
    }
#endif
