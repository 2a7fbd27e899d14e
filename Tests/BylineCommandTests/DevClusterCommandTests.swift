import BylineDevKit
import BylineKafka
import Foundation
import Testing

@Suite("The byline command")
struct DevClusterCommandTests {
    @Test("kcat lists the cluster that `byline dev-cluster` serves; SIGTERM stops it cleanly")
    func devClusterCommandServesKcat() async throws {
        let process = Process()
        process.executableURL = try bylineExecutable()
        process.arguments = ["dev-cluster", "--brokers", "2", "--topic", "articles.raw:6"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let deadline = ChildDeadline(process, timeout: .seconds(120))
        defer { deadline.exited() }
        let firstLine = try #require(readLine(from: output.fileHandleForReading))
        #expect(firstLine.hasPrefix("bootstrap.servers=127.0.0.1:"))
        let bootstrap = String(firstLine.dropFirst("bootstrap.servers=".count))

        let kcat = Process()
        kcat.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
        kcat.arguments = ["-b", bootstrap, "-L", "-m", "5"]
        let listing = Pipe()
        kcat.standardOutput = listing
        try kcat.run()
        let kcatDeadline = ChildDeadline(kcat, timeout: .seconds(60))
        let text = String(decoding: listing.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        kcat.waitUntilExit()
        kcatDeadline.exited()
        #expect(kcat.terminationStatus == 0)
        #expect(text.contains("2 brokers"), "\(text)")
        #expect(text.contains("topic \"articles.raw\" with 6 partitions"), "\(text)")

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
    @Test("`byline dev-cluster --control-stdin` applies fault commands and rejects bad ones")
    func devClusterControl() async throws {
        let process = Process()
        process.executableURL = try bylineExecutable()
        process.arguments = ["dev-cluster", "--brokers", "2", "--control-stdin"]
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        let deadline = ChildDeadline(process, timeout: .seconds(120))
        defer { deadline.exited() }
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
