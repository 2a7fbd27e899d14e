import ArgumentParser
import BylineEnrichment
import BylineKafka
import Foundation

/// What a scraper or an operator uses to feed a topic from JSONL.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Publishes JSONL articles to a topic (key = article id), validating each first.",
        discussion: "A line that is not a valid article is reported on standard error with its line number and reason, and not sent. Exits 1 when any line was rejected or not delivered."
    )

    @Option(help: "Kafka bootstrap servers, host:port,... [env: BYLINE_BROKERS]")
    var brokers: String?

    @Option(help: "Topic to publish to. [env: BYLINE_INPUT] (default: articles.raw)")
    var topic: String?

    @Option(help: "Largest accepted article record, in bytes.")
    var maxBytes = RunCommand.defaultMaxInputBytes

    @Option(help: "A librdkafka property, key=value; repeatable. [env: BYLINE_KAFKA_<PROPERTY>]")
    var kafkaProperty: [String] = []

    @Argument(help: "JSONL file, or - for standard input.")
    var file = "-"

    func run() async throws {
        let settings = EnvironmentSettings()
        guard let brokers = settings.value(brokers, flag: "brokers") else {
            throw ValidationError("give the Kafka brokers with --brokers or BYLINE_BROKERS")
        }
        let topic = settings.value(topic, flag: "input") ?? "articles.raw"
        let handle = try file == "-" ? FileHandle.standardInput : FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        let kafka = KafkaConfiguration(bootstrapServers: brokers, clientID: "byline-produce", properties: try settings.kafkaProperties(flags: kafkaProperty))
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: kafka),
            listeners: KafkaClientListeners(onError: { error in
                FileHandle.standardError.write(Data("kafka: \(error)\n".utf8))
            }))

        var reader = LineReader(handle: handle)
        var lineNumber = 0
        var rejected = 0
        var pending: [(line: Int, delivery: KafkaPendingDelivery)] = []
        while let line = reader.next() {
            lineNumber += 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) { continue }
            do {
                let article = try ArticleInput.decode(line, maximumBytes: maxBytes)
                let message = KafkaProducerMessage(
                    topic: topic, key: Array(article.id.utf8), value: line,
                    headers: [
                        KafkaHeader(key: "content-type", text: "application/json")
                    ])
                pending.append((lineNumber, try await producer.enqueue(message)))
            } catch {
                rejected += 1
                FileHandle.standardError.write(Data("line \(lineNumber): \(error)\n".utf8))
            }
        }
        var failed = 0
        for (line, delivery) in pending {
            do {
                _ = try await delivery.report()
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("line \(line): not delivered: \(error)\n".utf8))
            }
        }
        await producer.close()
        FileHandle.standardError.write(Data("produced \(pending.count - failed) articles to \(topic); rejected \(rejected), not delivered \(failed)\n".utf8))
        if rejected > 0 || failed > 0 { throw ExitCode(1) }
    }
}
