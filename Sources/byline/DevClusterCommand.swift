import ArgumentParser
import BylineDevKit
import BylineKafka
import Foundation
import UnixSignals

struct DevClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-cluster",
        abstract: "Runs an embedded Kafka-protocol cluster on loopback until SIGINT or SIGTERM.",
        discussion: """
            Prints `bootstrap.servers=HOST:PORT,...` on the first line of standard output.
            With --control-stdin it reads fault-injection commands, one per line:
              down BROKER | up BROKER | rtt BROKER MS | leader TOPIC PARTITION BROKER
              topic NAME PARTITIONS | errors API CODE [CODE ...] | clear API
            API is a request name (produce, fetch, offsetCommit, ...); CODE is a Kafka error number.
            Each command answers `ok` or `error: REASON`.
            Producers writing to it need \(DevCluster.producerProperties.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ", ")): \
            this cluster checks no idempotent sequence numbers (see the README).
            """
    )

    @Option(help: "Number of brokers.")
    var brokers = 3

    @Option(name: .customLong("topic"), help: "A topic to create, as NAME:PARTITIONS (repeatable).")
    var topics: [TopicSpec] = []

    @Flag(help: "Read fault-injection commands from standard input.")
    var controlStdin = false

    func run() async throws {
        // Trapped before the cluster starts: a SIGTERM during startup still shuts it down.
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let cluster = try DevCluster(brokers: brokers)
        for topic in topics { try cluster.createTopic(topic.name, partitions: topic.partitions) }
        writeLine("bootstrap.servers=\(cluster.bootstrapServers)")
        if controlStdin {
            startControlLoop(cluster)
        }
        for await _ in signals { break }
        cluster.shutdown()
    }

    private func startControlLoop(_ cluster: DevCluster) {
        let thread = Thread {
            while let line = readLine() {
                let answer: String
                do {
                    try DevClusterControl.apply(line, to: cluster)
                    answer = "ok"
                } catch {
                    answer = "error: \(error)"
                }
                writeLine(answer)
            }
        }
        thread.start()
    }
}

struct TopicSpec: ExpressibleByArgument {
    var name: String
    var partitions: Int

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.first, !name.isEmpty else { return nil }
        self.name = String(name)
        if parts.count == 2 {
            guard let partitions = Int(parts[1]), partitions > 0 else { return nil }
            self.partitions = partitions
        } else {
            self.partitions = 1
        }
    }
}

/// The line commands `dev-cluster --control-stdin` understands.
enum DevClusterControl {
    struct CommandError: Error, CustomStringConvertible {
        var description: String
    }

    static func apply(_ line: String, to cluster: DevCluster) throws {
        let words = line.split(separator: " ").map(String.init)
        guard let verb = words.first else { return }
        func int<T: FixedWidthInteger>(_ index: Int) throws -> T {
            guard index < words.count, let value = T(words[index]) else {
                throw CommandError(description: "`\(verb)` expects a number in position \(index)")
            }
            return value
        }
        func api(_ index: Int) throws -> KafkaAPIKey {
            guard index < words.count,
                let key = KafkaAPIKey.allCases.first(where: { "\($0)".lowercased() == words[index].lowercased() })
            else {
                throw CommandError(description: "unknown API; one of \(KafkaAPIKey.allCases.map { "\($0)" }.joined(separator: ", "))")
            }
            return key
        }
        switch verb {
        case "down": try cluster.setBrokerDown(try int(1))
        case "up": try cluster.setBrokerUp(try int(1))
        case "rtt": try cluster.setBrokerRoundTripTime(try int(1), milliseconds: try int(2))
        case "leader":
            guard words.count == 4 else { throw CommandError(description: "usage: leader TOPIC PARTITION BROKER") }
            try cluster.setPartitionLeader(topic: words[1], partition: try int(2), broker: try int(3))
        case "topic":
            guard words.count == 3 else { throw CommandError(description: "usage: topic NAME PARTITIONS") }
            try cluster.createTopic(words[1], partitions: try int(2))
        case "errors":
            let codes = try (2..<max(2, words.count)).map { KafkaErrorCode(rawValue: try int($0)) }
            cluster.injectRequestErrors(try api(1), codes)
        case "clear": cluster.clearRequestErrors(try api(1))
        default: throw CommandError(description: "unknown command `\(verb)`")
        }
    }
}

/// Writes a line to standard output at once, unbuffered, for programs reading it live.
func writeLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
