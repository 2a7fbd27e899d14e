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
func runByline(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try bylineExecutable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = ReadInBackground(stderr.fileHandleForReading)
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
    let errorData = ReadInBackground(stderr.fileHandleForReading)
    let deadline = ContinuousClock.now + timeout
    while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
    let killed = process.isRunning
    if killed { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return (killed ? nil : process.terminationStatus, String(decoding: errorData.wait(), as: UTF8.self))
}

/// Drains a pipe on its own thread so a full pipe never blocks the child.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
