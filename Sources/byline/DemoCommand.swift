import ArgumentParser
import BylineDevKit
import BylineEnrichment
import BylineKafka
import BylineWorker
import Foundation
import Logging

/// The README's first command: the whole system on this machine, with no outside service.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Runs the whole pipeline on an embedded Kafka cluster over the sample articles and prints a summary.",
        discussion:
            "Starts the embedded dev cluster, creates the topics, feeds the sample articles plus two deliberately bad records, runs two workers in one group until every article is enriched or dead-lettered, and prints a summary and one enriched record."
    )

    @Option(help: "JSONL articles to feed.")
    var articles = "samples/articles.jsonl"

    @Option(help: "Workers in the group.")
    var workers = 2

    @Flag(help: "Show the workers' logs.")
    var verbose = false

    func run() async throws {
        bootstrapLogging(format: .text, level: verbose ? .info : .warning)
        let logger = Logger(label: "byline.demo")
        guard let data = FileManager.default.contents(atPath: articles) else {
            throw ValidationError("cannot read \(articles); run from the repository root or pass --articles FILE")
        }
        var records: [(key: String, value: [UInt8])] = []
        var expectedIDs: Set<String> = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let article = try ArticleInput.decode(Array(line))
            records.append((article.id, Array(line)))
            expectedIDs.insert(article.id)
        }
        // Two records a scraper could send by mistake: they must reach the dead-letter topic.
        let badRecords: [(key: String, value: [UInt8])] = [
            ("demo-bad-json", Array("{\"id\": \"demo-bad-json\", \"text\": \"unterminated".utf8)),
            ("demo-bad-type", Array("{\"id\": \"demo-bad-type\", \"text\": 42}".utf8)),
        ]
        records += badRecords
        let feed = records
        let expected = expectedIDs

        let pipeline = try DevPipeline(partitions: 6)
        print("embedded Kafka cluster: \(pipeline.cluster.bootstrapServers) (librdkafka \(kafkaLibraryVersion))")
        print("topics: \(pipeline.inputTopic) → \(pipeline.outputTopic), \(pipeline.quotesTopic); bad input → \(pipeline.deadLetterTopic)")
        let group = (0..<max(1, workers)).map { _ in
            EnrichmentWorker(configuration: pipeline.workerConfiguration(), logger: logger)
        }
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic, pipeline.deadLetterTopic])
        let output = pipeline.outputTopic
        let deadLetters = pipeline.deadLetterTopic
        let badCount = badRecords.count
        let started = ContinuousClock.now

        let collected = try await pipeline.withWorkers(group, logger: logger) {
            try await pipeline.waitUntilAssigned(group)
            let joined = ContinuousClock.now
            print("\(group.count) workers joined group \(pipeline.workerConfiguration().groupID) in \(formatSeconds(joined - started)); feeding \(feed.count) records")
            try await pipeline.feed(feed)
            let result = try await collector.collect(timeout: .seconds(120)) { records in
                records.keys(output).isSuperset(of: expected) && records.keys(deadLetters).count >= badCount
            }
            return (result, ContinuousClock.now - joined)
        }
        await collector.close()
        printSummary(collected.0, elapsed: collected.1, articleCount: expectedIDs.count, output: output, deadLetters: deadLetters)
    }

    private func printSummary(_ records: TopicCollector.Records, elapsed: Duration, articleCount: Int, output: String, deadLetters: String) {
        var latest: [String: JSONValue] = [:]
        for message in records.messages(output) {
            if let key = message.keyText, let record = try? JSONValue.parse(message.value) { latest[key] = record }
        }
        var entityCount = 0
        var quoteCount = 0
        var attributed = 0
        var speakers: [String: Int] = [:]
        for record in latest.values {
            if case .array(let entities)? = record["entities"] { entityCount += entities.count }
            guard case .array(let quotes)? = record["quotes"] else { continue }
            quoteCount += quotes.count
            for quote in quotes {
                if let name = quote["speaker"]?["name"]?.stringValue {
                    attributed += 1
                    speakers[name, default: 0] += 1
                }
            }
        }
        print("")
        print("articles enriched: \(latest.count) of \(articleCount) (\(records.messages(output).count) records published; repeats come from group rebalances)")
        for message in records.messages(deadLetters) {
            let header = { (name: String) in message.headerText(name) ?? "?" }
            print(
                "dead-lettered: \(header(RecordHeader.sourceTopic))[\(header(RecordHeader.sourcePartition))]@\(header(RecordHeader.sourceOffset)) \(header(RecordHeader.errorCode)): \(header(RecordHeader.errorMessage))"
            )
        }
        print("entities: \(entityCount); quotes: \(quoteCount), \(attributed) attributed to a speaker")
        print("most quoted:")
        for (name, count) in speakers.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(5) {
            print("  \(count)  \(name)")
        }
        let rate = Int((Double(articleCount + 2) / elapsed.inSeconds).rounded())
        print(
            "throughput: \(articleCount + 2) records in \(formatSeconds(elapsed)) from feed to last output, \(rate) records/s (a set this small mostly shows latency; `byline bench pipeline` measures throughput)"
        )
        if let sample = latest.keys.sorted().first.flatMap({ latest[$0] }) {
            print("\none enriched record (text shortened):")
            print(String(decoding: shortened(sample).serialized(), as: UTF8.self))
        }
    }

    /// The record with its text cut to a preview, so it fits a terminal.
    private func shortened(_ record: JSONValue) -> JSONValue {
        guard case .object(let members) = record else { return record }
        return .object(
            members.map { key, value in
                if key == "text", let text = value.stringValue, text.count > 160 {
                    return (key, .string(String(text.prefix(160)) + "…"))
                }
                return (key, value)
            })
    }
}

func formatSeconds(_ duration: Duration) -> String {
    String(format: "%.2f s", duration.inSeconds)
}
