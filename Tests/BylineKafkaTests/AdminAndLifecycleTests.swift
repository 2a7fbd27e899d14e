import BylineKafka
import Foundation
import Testing

@Suite("Admin, producer lifecycle and the dev-cluster command")
struct AdminAndLifecycleTests {
    @Test("cluster metadata lists the brokers and topics")
    func describeCluster() async throws {
        let cluster = try DevCluster(brokers: 3)
        try cluster.createTopic("described", partitions: 5)
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        let metadata = try await admin.describeCluster()
        #expect(metadata.brokers.map(\.id) == [1, 2, 3])
        #expect(metadata.brokers.allSatisfy { $0.host == "127.0.0.1" && $0.port > 0 })
        let topic = try #require(metadata.topic(named: "described"))
        #expect(topic.partitions.map(\.id) == Array(0..<5))
        #expect(topic.partitions.allSatisfy { (1...3).contains($0.leader) })
    }

    @Test("creating topics on a cluster without the CreateTopics API fails with a clear error")
    func createTopicsUnsupported() async throws {
        let cluster = try DevCluster(brokers: 1)
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: cluster.bootstrapServers))
        let (error, took) = await measure {
            await #expect(throws: KafkaError.self) {
                try await admin.createTopics([KafkaNewTopic(name: "fresh", partitions: 3)], timeout: .seconds(5))
            }
        }
        #expect(error?.message.isEmpty == false)
        #expect(took < .seconds(8))
    }

    @Test("close waits for outstanding deliveries; sending afterwards is refused")
    func closeFlushes() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("drained", partitions: 2)
        let producer = try TestKafka.producer(cluster)
        var pending: [KafkaPendingDelivery] = []
        for index in 0..<2_000 { pending.append(try await producer.enqueue(TestKafka.message(topic: "drained", index: index))) }
        await producer.close()
        var delivered = 0
        for delivery in pending { if (try? await delivery.report()) != nil { delivered += 1 } }
        #expect(delivered == 2_000)
        let error = await #expect(throws: KafkaError.self) { try await producer.send(TestKafka.message(topic: "drained", index: 0)) }
        #expect(error?.code == .state)
    }

    @Test("close with nothing reachable fails outstanding deliveries instead of losing them silently")
    func closeFailsUndeliverable() async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: KafkaConfiguration(bootstrapServers: "127.0.0.1:1")))
        var pending: [KafkaPendingDelivery] = []
        for index in 0..<10 { pending.append(try await producer.enqueue(TestKafka.message(topic: "void", index: index))) }
        await producer.close(timeout: .milliseconds(200))
        for delivery in pending {
            let error = await #expect(throws: KafkaError.self) { try await delivery.report() }
            #expect(error?.code == .purgedFromQueue || error?.code == .purgedInFlight, "\(String(describing: error))")
        }
    }

    @Test("kcat lists the cluster that `byline dev-cluster` serves; SIGTERM stops it cleanly")
    func devClusterCommandServesKcat() async throws {
        let process = Process()
        process.executableURL = try bylineExecutable()
        process.arguments = ["dev-cluster", "--brokers", "2", "--topic", "articles.raw:6"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let firstLine = try #require(readLine(from: output.fileHandleForReading))
        #expect(firstLine.hasPrefix("bootstrap.servers=127.0.0.1:"))
        let bootstrap = String(firstLine.dropFirst("bootstrap.servers=".count))

        let kcat = Process()
        kcat.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
        kcat.arguments = ["-b", bootstrap, "-L", "-m", "5"]
        let listing = Pipe()
        kcat.standardOutput = listing
        try kcat.run()
        let text = String(decoding: listing.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        kcat.waitUntilExit()
        #expect(kcat.terminationStatus == 0)
        #expect(text.contains("2 brokers"), "\(text)")
        #expect(text.contains("topic \"articles.raw\" with 6 partitions"), "\(text)")

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}

extension AdminAndLifecycleTests {
    @Test("`byline dev-cluster --control-stdin` applies fault commands and rejects bad ones")
    func devClusterControl() async throws {
        let process = Process()
        process.executableURL = try bylineExecutable()
        process.arguments = ["dev-cluster", "--brokers", "2", "--control-stdin"]
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        let bootstrap = String(try #require(readLine(from: output.fileHandleForReading)).dropFirst("bootstrap.servers=".count))

        func command(_ line: String) -> String? {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
            return readLine(from: output.fileHandleForReading)
        }
        #expect(command("topic events 3") == "ok")
        #expect(command("down 2") == "ok")
        #expect(command("up 2") == "ok")
        #expect(command("errors produce 6 6") == "ok")
        #expect(command("explode 1")?.hasPrefix("error: unknown command") == true)
        #expect(command("down two")?.hasPrefix("error:") == true)

        let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: bootstrap))
        #expect(try await admin.describeCluster().topic(named: "events")?.partitions.count == 3)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// The `byline` executable built beside the test bundle.
func bylineExecutable() throws -> URL {
    var directory = Bundle.main.bundleURL
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent("byline")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    throw BylineExecutableMissing()
}

struct BylineExecutableMissing: Error, CustomStringConvertible {
    var description: String { "the byline executable is not built; run `swift build` before `swift test`" }
}

/// Reads one line from a pipe, byte by byte so nothing after it is consumed.
func readLine(from handle: FileHandle) -> String? {
    var bytes: [UInt8] = []
    while true {
        let chunk = handle.readData(ofLength: 1)
        guard let byte = chunk.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
        if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
        bytes.append(byte)
    }
}
