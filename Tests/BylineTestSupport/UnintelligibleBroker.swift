import Foundation
import Synchronization

/// A TCP server on loopback that accepts Kafka connections and answers every request with
/// a response too short to parse: what a client sees from a broker whose protocol it does
/// not understand (librdkafka reports "ApiVersionRequest failed: Local: Read underflow").
public final class UnintelligibleBroker: Sendable {
    public let port: Int
    private let listener: Int32
    private let stopped = Atomic<Bool>(false)

    public init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        Thread.detachNewThread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { continue }
                Thread.detachNewThread { Self.answer(connection) }
            }
        }
    }

    public var bootstrapServers: String { "127.0.0.1:\(port)" }

    public func stop() {
        stopped.store(true, ordering: .relaxed)
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Reads request frames (size, api key, api version, correlation id, ...) and answers
    /// each with only its correlation id: a body with nothing after the header.
    private static func answer(_ connection: Int32) {
        defer { close(connection) }
        while true {
            guard let size = readExactly(connection, 4).map(bigEndianInt32), size >= 8, size < 1 << 20,
                let request = readExactly(connection, Int(size))
            else { return }
            let response: [UInt8] = [0, 0, 0, 4] + request[4..<8]
            guard response.withUnsafeBytes({ send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == response.count else { return }
        }
    }

    private static func readExactly(_ connection: Int32, _ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { recv(connection, $0.baseAddress! + filled, count - filled, 0) }
            guard got > 0 else { return nil }
            filled += got
        }
        return bytes
    }

    private static func bigEndianInt32(_ bytes: [UInt8]) -> Int32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | Int32($1) }
    }
}
