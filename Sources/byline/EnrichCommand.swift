import ArgumentParser
import BylineEnrichment
import Foundation

struct EnrichCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Enriches JSONL articles: one JSON object per line in, one enriched record per line out.",
        discussion: "A bad line is reported on standard error with its line number and reason; the rest continue. Exits 1 when any line failed."
    )

    @Option(help: "Input file, or - for standard input.")
    var input = "-"

    @Option(help: "Output file, or - for standard output.")
    var output = "-"

    @Option(help: "Largest accepted record, in bytes.")
    var maxBytes = EnrichmentLimits.default.maximumInputBytes

    @OptionGroup var model: ModelOption

    @Flag(help: "Write only verbatim quotes: direct and partial ones, and the quoted fragments of mixed reported speech as partial quotes.")
    var verbatimQuotes = false

    @Option(help: "Articles enriched at once (default: the core count).")
    var concurrency = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let inputHandle = try input == "-" ? FileHandle.standardInput : FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let outputHandle: FileHandle
        if output == "-" {
            outputHandle = .standardOutput
        } else {
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw ValidationError("cannot create the output file \(output)")
            }
            outputHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        }
        let enricher = try model.enricher(limits: EnrichmentLimits(maximumInputBytes: maxBytes))
        let showProgress = isatty(STDERR_FILENO) != 0
        var reader = LineReader(handle: inputHandle)
        var lineNumber = 0
        var failures = 0
        var enriched = 0
        let batchSize = max(1, concurrency) * 8

        while true {
            var batch: [(Int, [UInt8])] = []
            while batch.count < batchSize, let line = reader.next() {
                lineNumber += 1
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                batch.append((lineNumber, line))
            }
            if batch.isEmpty { break }
            let results = await enrichInOrder(batch, enricher: enricher)
            var out: [UInt8] = []
            for (number, result) in results {
                switch result {
                case .success(let record):
                    out.append(contentsOf: record)
                    out.append(UInt8(ascii: "\n"))
                    enriched += 1
                case .failure(let error):
                    failures += 1
                    FileHandle.standardError.write(Data("line \(number): \(error)\n".utf8))
                }
            }
            outputHandle.write(Data(out))
            if showProgress {
                FileHandle.standardError.write(Data("\renriched \(enriched), failed \(failures)".utf8))
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Enriches a batch concurrently and returns the results in input order.
    private func enrichInOrder(_ batch: [(Int, [UInt8])], enricher: ArticleEnricher) async -> [(Int, Result<[UInt8], ArticleError>)] {
        let verbatimQuotes = verbatimQuotes
        return await withTaskGroup(of: (Int, Result<[UInt8], ArticleError>).self) { group in
            var results = [(Int, Result<[UInt8], ArticleError>)?](repeating: nil, count: batch.count)
            var next = 0
            func addNext() {
                guard next < batch.count else { return }
                let (position, line) = (next, batch[next].1)
                group.addTask {
                    do throws(ArticleError) {
                        let article = try await enricher.enrich(record: line)
                        return (position, .success((verbatimQuotes ? article.verbatimOnly : article).serialized()))
                    } catch {
                        return (position, .failure(error))
                    }
                }
                next += 1
            }
            for _ in 0..<max(1, concurrency) { addNext() }
            for await (position, result) in group {
                results[position] = (batch[position].0, result)
                addNext()
            }
            return results.compactMap { $0 }
        }
    }
}
