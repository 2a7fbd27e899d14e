import BylineDevKit
import BylineKafka
import BylineTestSupport
import BylineWorker
import Foundation
import Testing

@Suite("byline run and byline produce", .serialized)
struct RunCommandTests {
    /// Starts `byline run` against the pipeline's cluster; brokers and group come from the
    /// environment, the rest from flags.
    func startRun(_ pipeline: DevPipeline, port: Int, stderr: Pipe) throws -> Process {
        let process = Process()
        process.executableURL = try bylineExecutable()
        process.arguments = [
            "run", "--http-port", String(port), "--http-host", "127.0.0.1",
            "--drain-timeout", "10", "--max-in-flight", "16", "--max-bytes", String(SyntheticArticles.maximumBytes),
            "--log-format", "json", "--kafka-property", "session.timeout.ms=6000",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["BYLINE_BROKERS"] = pipeline.cluster.bootstrapServers
        environment["BYLINE_GROUP"] = "byline-sigterm"
        process.environment = environment
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for the process to exit; false when it is still running after `timeout`.
    func waitForExit(_ process: Process, timeout: Duration) async -> Bool {
        await eventually(timeout: timeout) { !process.isRunning }
    }

    @Test("SIGTERM mid-stream drains and exits 0; a second run finishes the rest; nothing is missing")
    func sigtermDrainsAndASecondRunFinishes() async throws {
        let pipeline = try DevPipeline(partitions: 6)
        let records = SyntheticArticles.make(count: 1_500, badEvery: 50, idPrefix: "sigterm")
        // The second half arrives after the first run has stopped, so the second run always
        // has work, however fast the first run went before its SIGTERM.
        let firstHalf = Array(records.prefix(750)), secondHalf = Array(records.dropFirst(750))
        try await feed(pipeline, firstHalf)
        let collector = try TopicCollector(brokers: pipeline.cluster.bootstrapServers, topics: [pipeline.outputTopic, pipeline.deadLetterTopic])
        let (output, dlq) = (pipeline.outputTopic, pipeline.deadLetterTopic)
        let firstLog = Pipe()
        let logReader = LogLines(firstLog.fileHandleForReading)
        let first = try startRun(pipeline, port: 0, stderr: firstLog)
        // The worker picks a free port and says which: no port is chosen here and raced for.
        let port = try #require(logReader.boundPort(timeout: .seconds(120)), "no port in the log: \(logReader.text.suffix(1_000))")
        _ = try await collector.collect(timeout: .seconds(120)) { $0.keys(output).count >= 150 }
        #expect(StatusProbe.get(port: port, path: "/readyz")?.status == 200)
        let probe = try runByline(["healthcheck", "--port", String(port), "--path", "/readyz"])
        #expect(probe.status == 0 && probe.stdout.hasPrefix("200 ready"), "\(probe)")
        let metrics = try #require(StatusProbe.get(port: port, path: "/metrics"))
        #expect(metricValue(metrics.body, "byline_articles_enriched_total") > 0, "\(metrics.body.prefix(500))")

        first.terminate()
        // The drain timeout is 10 s; the rest is slack for a loaded machine.
        #expect(await waitForExit(first, timeout: .seconds(25)), "still running 25 s after SIGTERM")
        #expect(first.terminationReason == .exit && first.terminationStatus == 0)
        let logLines = String(decoding: logReader.wait(), as: UTF8.self).split(separator: "\n")
        #expect(!logLines.isEmpty)
        for line in logLines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not a JSON log line: \(line)")
        }
        #expect(logLines.contains { $0.contains("worker stopped") })

        try await feed(pipeline, secondHalf)
        let secondLog = Pipe()
        let secondLogLines = LogLines(secondLog.fileHandleForReading)
        let second = try startRun(pipeline, port: 0, stderr: secondLog)
        let secondPort = try #require(secondLogLines.boundPort(timeout: .seconds(120)))
        let good = records.filter { $0.expectedError == nil }.count
        let collected = try await collector.collect(timeout: .seconds(180)) { collected in
            collected.keys(output).count >= good && collected.keys(dlq).count >= records.count - good
        }
        // The first run stopped at SIGTERM; the second read what came after.
        #expect(
            await eventually(timeout: .seconds(20)) {
                StatusProbe.get(port: secondPort, path: "/metrics").map { metricValue($0.body, "byline_articles_enriched_total") > 0 } ?? false
            }, "the second run enriched nothing")
        second.terminate()
        #expect(await waitForExit(second, timeout: .seconds(25)))
        #expect(second.terminationStatus == 0)
        let probeAfterExit = try runByline(["healthcheck"], environment: ["BYLINE_HTTP_PORT": String(secondPort)])
        #expect(probeAfterExit.status == 1 && probeAfterExit.stdout.contains("no answer"), "\(probeAfterExit)")
        await collector.close()
        expectNothingLost(records, in: collected, pipeline: pipeline)
    }

    @Test("SIGTERM while the worker is still starting is a graceful shutdown: exit 0, not death by the signal")
    func sigtermWhileStarting() async throws {
        let pipeline = try DevPipeline(partitions: 2)
        let log = Pipe()
        let logReader = LogLines(log.fileHandleForReading)
        let process = try startRun(pipeline, port: 0, stderr: log)
        // Past the process's own start (about 20 ms here), long before the worker runs
        // (the model alone takes over a second to load in a debug build).
        try await Task.sleep(for: .milliseconds(100))
        process.terminate()
        #expect(await waitForExit(process, timeout: .seconds(30)), "still running 30 s after SIGTERM")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let logText = String(decoding: logReader.wait(), as: UTF8.self)
        #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 0, "\(logText.suffix(2_000))")
        #expect(logText.contains("SIGTERM"), "the shutdown names its signal: \(logText.suffix(2_000))")
    }

    @Test("byline produce publishes valid lines keyed by id and reports the bad ones")
    func produceValidatesAndKeysByID() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("articles.raw", partitions: 2)
        let lines =
            [
                #"{"id": "p-1", "text": "The council met on Monday."}"#,
                #"{"id": "p-2", "text": 7}"#,
                #"not json"#,
                #"{"id": "p-3", "html": "<p>The mayor said “yes”.</p>"}"#,
            ].joined(separator: "\n") + "\n"
        let result = try runByline(["produce", "--brokers", cluster.bootstrapServers, "--topic", "articles.raw"], input: Data(lines.utf8))
        #expect(result.status == 1, "one or more lines were rejected")
        #expect(result.stderr.contains("line 2: wrong_type"), "\(result.stderr)")
        #expect(result.stderr.contains("line 3: invalid_json"), "\(result.stderr)")
        #expect(result.stderr.contains("produced 2 articles to articles.raw; rejected 2"), "\(result.stderr)")

        let collector = try TopicCollector(brokers: cluster.bootstrapServers, topics: ["articles.raw"])
        let collected = try await collector.collect(timeout: .seconds(60)) { $0.messages("articles.raw").count >= 2 }
        await collector.close()
        #expect(collected.keys("articles.raw") == ["p-1", "p-3"])
    }

    @Test("byline produce - publishes each line from a slow pipe as it arrives, not at 64 KiB or the end")
    func producePublishesLinesFromASlowPipe() async throws {
        let cluster = try DevCluster(brokers: 1)
        try cluster.createTopic("articles.raw", partitions: 1)
        let process = Process()
        process.executableURL = try bylineExecutable()
        process.arguments = ["produce", "--brokers", cluster.bootstrapServers, "--topic", "articles.raw", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ChildDeadline(process, timeout: .seconds(120))
        defer {
            if process.isRunning { process.terminate() }
            deadline.exited()
        }
        input.fileHandleForWriting.write(Data(#"{"id": "slow-1", "text": "The ferry left at noon."}"#.utf8 + [UInt8(ascii: "\n")]))
        // The pipe stays open: before, nothing was read until 64 KiB or the end arrived.
        let collector = try TopicCollector(brokers: cluster.bootstrapServers, topics: ["articles.raw"])
        let collected = try await collector.collect(timeout: .seconds(60)) { $0.messages("articles.raw").count >= 1 }
        #expect(collected.keys("articles.raw") == ["slow-1"])
        #expect(process.isRunning, "still reading its open input")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        await collector.close()
        #expect(process.terminationStatus == 0)
    }

    @Test("byline run refuses a bad setting with a clear message")
    func runRejectsBadSettings() throws {
        let missingBrokers = try runByline(["run"], environment: ["BYLINE_BROKERS": ""])
        #expect(missingBrokers.status != 0)
        #expect(missingBrokers.stderr.contains("--brokers or BYLINE_BROKERS"), "\(missingBrokers.stderr)")
        let badNumber = try runByline(["run", "--brokers", "127.0.0.1:1"], environment: ["BYLINE_MAX_IN_FLIGHT": "many"])
        #expect(badNumber.status != 0)
        #expect(badNumber.stderr.contains("BYLINE_MAX_IN_FLIGHT=many"), "\(badNumber.stderr)")
        let badProperty = try runByline(["run", "--brokers", "127.0.0.1:1", "--kafka-property", "no.such.property=1", "--http-port", "0"])
        #expect(badProperty.status != 0)
        #expect(badProperty.stderr.contains("no.such.property"), "\(badProperty.stderr)")
    }

    @Test(
        "byline run refuses at start a setting that cannot work, instead of running for ever",
        arguments: [
            (["--brokers", ""], "--brokers is empty"),
            (["--brokers", " , "], "--brokers is empty"),
            (["--brokers", "127.0.0.1:1", "--http-port", "99999"], "--http-port must be a TCP port"),
            (["--brokers", "127.0.0.1:1", "--http-port=-1"], "--http-port must be a TCP port"),
        ])
    func runRejectsSettingsThatCannotWork(arguments: [String], message: String) throws {
        // Each fails in well under a second; before, each ran until killed.
        let result = try runByline(["run", "--http-host", "127.0.0.1"] + arguments, killAfter: .seconds(20))
        #expect(result.status != nil, "\(arguments) was still running after 20 s")
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("byline run against a broker it cannot talk to exits 1 after --join-timeout, saying why")
    func runExitsWhenItCannotJoin() throws {
        let broker = try UnintelligibleBroker()
        defer { broker.stop() }
        // It ran for ever, /healthz 200, before.
        let result = try runByline(["run", "--http-host", "127.0.0.1", "--http-port", "0", "--brokers", broker.bootstrapServers, "--join-timeout", "2"], killAfter: .seconds(40))
        #expect(result.status == 1, "\(result.stderr.suffix(2_000))")
        #expect(result.stderr.contains("did not join the consumer group"), "\(result.stderr.suffix(2_000))")
        #expect(result.stderr.contains("ApiVersion"), "\(result.stderr.suffix(2_000))")
    }
}
