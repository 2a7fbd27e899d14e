import ArgumentParser
import BylineDevKit
import BylineEnrichment
import BylineKafka
import Foundation

/// Raw produce and consume rates through Byline's Kafka layer against the embedded
/// cluster, beside kcat's on the same cluster in the same run.
struct KafkaBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka",
        abstract: "Produce/consume messages per second through Byline's client and through kcat."
    )

    @Option(help: "Messages per run.")
    var messages = 100_000

    @Option(help: "Bytes per message value.")
    var size = 1_024

    // The dev cluster keeps at most 5 MiB per partition; spread the load so none is dropped.
    @Option(help: "Partitions of the benchmark topics.")
    var partitions = 64

    /// What the dev cluster keeps per partition before it drops the oldest messages.
    static let partitionCapacity = 5 << 20

    func run() async throws {
        // Keys spread the messages evenly; a partition past the cap would lose messages, and
        // a consumer waiting for all of them would wait for ever.
        let perPartition = (messages + partitions - 1) / max(partitions, 1) * (size + 64)
        guard partitions > 0, perPartition < Self.partitionCapacity else {
            let needed = messages * (size + 64) / Self.partitionCapacity + 1
            throw ValidationError("\(messages) messages of \(size) B need --partitions \(needed) or more: the dev cluster keeps 5 MiB per partition")
        }
        let cluster = try DevCluster(brokers: 1)
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        print("messages: \(messages) of \(size) B, \(partitions) partitions, librdkafka \(kafkaLibraryVersion)")

        try cluster.createTopic("bench.byline", partitions: partitions)
        let produceRate = try await measureProduce(kafka: kafka, topic: "bench.byline", payload: payload)
        let consumeRate = try await measureConsume(kafka: kafka, topic: "bench.byline")
        report("byline produce", produceRate)
        report("byline consume", consumeRate)

        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/kcat") else {
            print("kcat not installed: no side-by-side figures (apt-get install kcat)")
            return
        }
        try cluster.createTopic("bench.kcat", partitions: partitions)
        let kcatProduce = try kcatProduceRate(bootstrap: cluster.bootstrapServers, topic: "bench.kcat", payload: payload)
        let kcatConsume = try kcatConsumeRate(bootstrap: cluster.bootstrapServers, topic: "bench.kcat")
        report("kcat produce", kcatProduce)
        report("kcat consume", kcatConsume)
        print(String(format: "ratio byline/kcat: produce %.2f, consume %.2f", produceRate / kcatProduce, consumeRate / kcatConsume))
    }

    private func report(_ label: String, _ rate: Double) {
        let megabytes = rate * Double(size) / 1_048_576
        print(String(format: "%@: %10.0f msgs/s  %7.1f MiB/s", label.padding(toLength: 16, withPad: " ", startingAt: 0), rate, megabytes))
    }

    private func measureProduce(kafka: KafkaConfiguration, topic: String, payload: [UInt8]) async throws -> Double {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka))
        let start = ContinuousClock.now
        var pending: [KafkaPendingDelivery] = []
        pending.reserveCapacity(messages)
        for index in 0..<messages {
            pending.append(try await producer.enqueue(KafkaProducerMessage(topic: topic, key: Array(String(index).utf8), value: payload)))
        }
        for delivery in pending { _ = try await delivery.report() }
        let elapsed = ContinuousClock.now - start
        await producer.close()
        return Double(messages) / elapsed.inSeconds
    }

    private func measureConsume(kafka: KafkaConfiguration, topic: String) async throws -> Double {
        var configuration = KafkaConsumerConfiguration(kafka: kafka, groupID: "bench-\(UInt32.random(in: 0...UInt32.max))")
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration)
        try consumer.subscribe(topics: [topic])
        var received = 0
        var start: ContinuousClock.Instant?
        for try await _ in consumer.messages {
            // Timed from the first message: the group join is not transport.
            if start == nil { start = .now }
            received += 1
            if received == messages { break }
        }
        let elapsed = ContinuousClock.now - (start ?? .now)
        await consumer.close()
        return Double(messages - 1) / elapsed.inSeconds
    }

    /// Keyed like Byline's run, so both spread over the partitions alike and none passes the
    /// dev cluster's per-partition cap (which would drop older messages).
    private func kcatProduceRate(bootstrap: String, topic: String, payload: [UInt8]) throws -> Double {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("byline-bench-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        var lines = Data(capacity: messages * (payload.count + 8))
        for index in 0..<messages {
            lines.append(contentsOf: Array("\(index)\t".utf8))
            lines.append(contentsOf: payload)
            lines.append(UInt8(ascii: "\n"))
        }
        try lines.write(to: file)
        let (_, elapsed) = try runKcat(["-P", "-b", bootstrap, "-t", topic, "-K", "\t", "-l", file.path, "-X", "enable.idempotence=true", "-X", "linger.ms=5"])
        return Double(messages) / elapsed.inSeconds
    }

    /// Counts what kcat printed (one line per message): a topic that lost messages must not
    /// count as read. kcat's time includes its start and group-less assignment.
    private func kcatConsumeRate(bootstrap: String, topic: String) throws -> Double {
        let (output, elapsed) = try runKcat(["-C", "-b", bootstrap, "-t", topic, "-o", "beginning", "-e", "-q", "-c", String(messages), "-f", "\\n"])
        let received = output.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if received != messages { print("kcat read \(received) of \(messages) messages") }
        return Double(received) / elapsed.inSeconds
    }

    private func runKcat(_ arguments: [String]) throws -> (output: Data, elapsed: Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let start = ContinuousClock.now
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else { throw ValidationError("kcat \(arguments.first ?? "") failed (\(process.terminationStatus))") }
        return (printed, elapsed)
    }
}
