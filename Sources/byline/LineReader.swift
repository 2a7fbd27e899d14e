import Foundation

/// Reads newline-separated records from a file handle as raw bytes, in chunks of what is
/// there: a line from a pipe is returned as soon as it arrives, not once 64 KiB have.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(handle: FileHandle) { self.handle = handle }

    /// One read(2) of at most 64 KiB onto the buffer; 0 at the end of input (or on an error,
    /// which ends the input as well).
    private mutating func readAvailable() -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 1 << 16))
        var got: Int
        repeat {
            got = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress! + start, 1 << 16) }
        } while got < 0 && errno == EINTR
        buffer.removeLast(buffer.count - start - max(got, 0))
        return max(got, 0)
    }

    /// The next line without its newline, or nil at the end of input.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[position..<newline])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let count = readAvailable()
            if count == 0 { atEnd = true }
        }
    }
}
