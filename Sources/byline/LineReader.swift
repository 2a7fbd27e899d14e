import Foundation

/// Reads newline-separated records from a file handle as raw bytes, in chunks.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(handle: FileHandle) { self.handle = handle }

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
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
