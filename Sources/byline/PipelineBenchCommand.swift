import ArgumentParser
import BylineDevKit
import BylineEnrichment
import BylineWorker
import Foundation
import Logging

/// End-to-end articles/s through workers on the embedded cluster, beside the transport
/// ceiling (the same workers publishing their input unchanged), in one run.
struct PipelineBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Articles/s through the whole pipeline: transport only, then enrichment with 1 and 2 workers.",
        discussion:
            "Each case gets its own embedded cluster; workers join before the input is fed, and the clock runs from the first record fed to the last output read. The workers, the cluster and the reader share this process and its cores."
    )

    @Option(help: "JSONL articles to cycle through.")
    var input = "samples/articles.jsonl"

    @Option(help: "Articles per enrichment case.")
    var articles = 4_000

    @Option(help: "Messages in the transport case, which needs more to be measurable.")
    var transportMessages = 40_000

    // The dev cluster keeps at most 5 MiB per partition: spread the load so none is dropped.
    @Option(help: "Input partitions.")
    var partitions = 24

    func run() async throws {
        bootstrapLogging(format: .text, level: .error)
        let data = try Data(contentsOf: URL(fileURLWithPath: input))
        let samples = try data.split(separator: UInt8(ascii: "\n")).map { try ArticleInput.decode(Array($0)) }
        guard !samples.isEmpty else { throw ValidationError("\(input) holds no articles") }
        print("articles from \(input) (\(samples.count) distinct texts), \(partitions) partitions, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let transport = try await measure(label: "transport only, 1 worker", samples: samples, count: transportMessages, workers: 1, processing: .forwardUnchanged)
        let one = try await measure(label: "enrichment, 1 worker", samples: samples, count: articles, workers: 1, processing: .enrich)
        let two = try await measure(label: "enrichment, 2 workers", samples: samples, count: articles, workers: 2, processing: .enrich)
        print(String(format: "ratios: enrichment / transport %.3f; 2 workers / 1 worker %.2f", one / transport, two / one))
        print("peak RSS of this process: \(peakResidentMegabytes()) MiB")
    }

    /// Returns articles/s from the first record fed to the last output read.
    private func measure(label: String, samples: [ArticleInput], count: Int, workers workerCount: Int, processing: WorkerConfiguration.Processing) async throws -> Double {
        let pipeline = try DevPipeline(partitions: partitions)
        let records = (0..<count).map { index -> (key: String, value: [UInt8]) in
            let sample = samples[index % samples.count]
            let id = "bench-\(index)"
            return (id, JSONValue.object([("id", .string(id)), ("title", .string(sample.fields.first { $0.0 == "title" }?.1.stringValue ?? "")), ("text", .string(sample.text))]).serialized())
        }
        let logger = Logger(label: "byline.bench")
        let workers = (0..<workerCount).map { _ in
            EnrichmentWorker(configuration: pipeline.workerConfiguration(processing: processing, withQuotes: false), logger: logger)
        }
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic])
        let output = pipeline.outputTopic
        let (elapsed, cpu) = try await pipeline.withWorkers(workers, logger: logger) {
            try await pipeline.waitUntilAssigned(workers)
            let cpuBefore = processCPUSeconds()
            let started = ContinuousClock.now
            try await pipeline.feed(records)
            let collected = try await collector.collect(timeout: .seconds(600)) { $0.keys(output).count >= count }
            return ((collected.lastArrival ?? .now) - started, processCPUSeconds() - cpuBefore)
        }
        await collector.close()
        let rate = Double(count) / elapsed.inSeconds
        print(
            String(
                format: "%@: %6d articles in %6.2f s = %8.0f articles/s; %8.0f articles per CPU-second (process CPU, cluster included)",
                label.padding(toLength: 26, withPad: " ", startingAt: 0), count, elapsed.inSeconds, rate, Double(count) / cpu))
        return rate
    }
}

/// User plus system CPU time of this process so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The process's peak resident set (VmHWM), in MiB.
func peakResidentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kilobytes / 1024
}
