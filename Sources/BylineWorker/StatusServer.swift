import BylineKafka
import Foundation
import ServiceLifecycle
import Synchronization

/// One reply of the status server.
public struct StatusResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    public init(status: Int, text: String) {
        self.init(status: status, body: Array(text.utf8))
    }
}

/// A small HTTP/1.1 server for `/metrics`, `/healthz` and `/readyz`.
///
/// Probes and scrapes come a few times a minute, so one dedicated thread answers them one
/// connection at a time with blocking sockets; it needs no event loop and never touches the
/// cooperative pool the enrichment runs on. Each connection gets one reply and is closed.
public final class StatusServer: Service, Sendable {
    public typealias Handler = @Sendable (_ path: String) -> StatusResponse

    private let host: String
    private let requestedPort: Int
    private let handler: Handler
    private let listener = Mutex<(socket: Int32, port: Int)?>(nil)
    private let stopRequested = Atomic<Bool>(false)
    /// Signalled when the serving thread has closed the socket.
    private let serving = OneShotEvent()

    public init(host: String = "0.0.0.0", port: Int, handler: @escaping Handler) {
        self.host = host
        requestedPort = port
        self.handler = handler
    }

    /// The standard routes: liveness and readiness from the worker, metrics from `metricsText`.
    public static func routes(health: WorkerHealth, metricsText: @escaping @Sendable () -> [UInt8]) -> Handler {
        { path in
            switch path {
            case "/healthz":
                return health.isLive ? StatusResponse(status: 200, text: "ok\n") : StatusResponse(status: 503, text: "worker \(health.phase.rawValue)\n")
            case "/readyz":
                let readiness = health.readiness
                return StatusResponse(status: readiness.ready ? 200 : 503, text: readiness.reason + "\n")
            case "/metrics":
                return StatusResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: metricsText())
            default:
                return StatusResponse(status: 404, text: "not found; try /metrics, /healthz or /readyz\n")
            }
        }
    }

    /// Binds the listening socket and starts answering (once); returns the port: the chosen
    /// one when 0 was asked. Answers come from the server's own thread, so probes are served
    /// even while enrichment keeps every core of the task pool busy.
    @discardableResult
    public func bind() throws -> Int {
        try listener.withLock { listener throws -> Int in
            if let listener { return listener.port }
            let opened = try Self.openListeningSocket(host: host, port: requestedPort)
            listener = opened
            let thread = Thread { [self] in
                serve(opened.socket)
                close(opened.socket)
                serving.signal()
            }
            thread.name = "byline-status-server"
            thread.start()
            return opened.port
        }
    }

    /// Serves until graceful shutdown or cancellation, binding first if `bind` was not called.
    public func run() async throws {
        try bind()
        try? await gracefulShutdown()
        stopRequested.store(true, ordering: .releasing)
        await serving.wait()
    }

    private func serve(_ socket: Int32) {
        while !stopRequested.load(ordering: .acquiring) {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 200) > 0 else { continue }
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else { continue }
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let endOfHeaders: [UInt8] = Array("\r\n\r\n".utf8)
        while request.count < 16_384 {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { break }
            request.append(contentsOf: buffer[..<count])
            if request.firstRange(of: endOfHeaders) != nil { break }
        }
        let response: StatusResponse
        let requestLine = request.split(separator: UInt8(ascii: "\r"), maxSplits: 1).first ?? []
        let parts = requestLine.split(separator: UInt8(ascii: " "))
        if parts.count >= 2, parts[0].elementsEqual("GET".utf8) || parts[0].elementsEqual("HEAD".utf8) {
            let target = String(decoding: parts[1], as: UTF8.self)
            let path = String(target.prefix { $0 != "?" })
            var reply = handler(path)
            if parts[0].elementsEqual("HEAD".utf8) { reply.body = [] }
            response = reply
        } else {
            response = StatusResponse(status: parts.count >= 2 ? 405 : 400, text: "only GET is served\n")
        }
        let head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nContent-Type: \(response.contentType)\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        writeAll(connection, Array(head.utf8) + response.body)
    }

    private func writeAll(_ connection: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    private static func openListeningSocket(host: String, port: Int) throws -> (socket: Int32, port: Int) {
        // Clamping would listen on another port than the one asked for.
        guard let portNumber = UInt16(exactly: port) else { throw StatusServerError("port \(port) is not a TCP port (0 to 65535)") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StatusServerError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(portNumber).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw StatusServerError("--http-host must be an IPv4 address, got \(host)")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StatusServerError("cannot listen on \(host):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}

public struct StatusServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
