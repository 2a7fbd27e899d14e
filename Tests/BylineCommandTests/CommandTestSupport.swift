import BylineEnrichment
import Foundation
@_exported import BylineTestSupport

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

/// Runs `byline` with arguments and standard input; returns exit status, stdout, stderr.
/// A run still going after `timeout` is killed, so a hung child fails the test instead of hanging the run.
func runByline(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:], timeout: Duration = .seconds(300)) throws -> (
    status: Int32, stdout: String, stderr: String
) {
    let process = Process()
    process.executableURL = try bylineExecutable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let deadline = ChildDeadline(process, timeout: timeout)
    defer { deadline.exited() }
    let writer = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = LogLines(stderr.fileHandleForReading)
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errorData.wait(), as: UTF8.self))
}

/// Runs `byline` and kills it if it is still running after `timeout`, for settings that must
/// fail at start rather than run for ever: `status` is nil when it had to be killed.
func runByline(_ arguments: [String], killAfter timeout: Duration) throws -> (status: Int32?, stderr: String) {
    let process = Process()
    process.executableURL = try bylineExecutable()
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let stderr = Pipe()
    process.standardError = stderr
    try process.run()
    let deadline = ChildDeadline(process, timeout: timeout)
    let errorData = LogLines(stderr.fileHandleForReading)
    process.waitUntilExit()
    deadline.exited()
    return (deadline.killedChild ? nil : process.terminationStatus, String(decoding: errorData.wait(), as: UTF8.self))
}

/// Kills a child process with SIGKILL if it is still running after `timeout`, so that no
/// read of its output and no wait for its exit can hang the test run.
final class ChildDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var hasExited = false
    private var killed = false

    init(_ process: Process, timeout: Duration) {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.inSeconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            // After the exit the pid may belong to another process.
            if !hasExited {
                kill(pid, SIGKILL)
                killed = true
            }
        }
    }

    /// Whether the deadline passed and the child was killed.
    var killedChild: Bool {
        lock.lock()
        defer { lock.unlock() }
        return killed
    }

    /// Call once the process has exited.
    func exited() {
        lock.lock()
        hasExited = true
        lock.unlock()
    }
}


/// A child's output, read on its own thread as it comes (so a full pipe never blocks the
/// child and a test can wait for one line while it runs); `wait()` returns all of it once
/// the child closes the stream, or what came by the timeout.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                lock.unlock()
            }
            done.signal()
        }.start()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// The port the worker's status server says it bound, once it has said so.
    func boundPort(timeout: Duration) -> Int? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let lines = text.split(separator: "\n").filter { $0.contains("serving /metrics") }
            if let line = lines.first, let match = line.firstMatch(of: /"port":"?([0-9]+)/), let port = Int(match.1) { return port }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    func wait(timeout: Duration = .seconds(300)) -> Data {
        _ = done.wait(timeout: .now() + timeout.inSeconds)
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
