import Foundation

/// A plain HTTP/1.1 GET on 127.0.0.1: status code and body, or nil when nothing answers.
public func httpGet(port: Int, path: String) -> (status: Int, body: String)? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
    guard request.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == request.count else { return nil }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 8_192)
    while true {
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { break }
        response.append(contentsOf: buffer[..<count])
    }
    let text = String(decoding: response, as: UTF8.self)
    guard let headerEnd = text.range(of: "\r\n\r\n"),
          let status = Int(text.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return (status, String(text[headerEnd.upperBound...]))
}

/// A TCP port that was free a moment ago, for a child process to listen on.
public func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The value of a Prometheus sample line `name{labels} value`, summed over matching lines.
public func metricValue(_ exposition: String, _ name: String, labels: String? = nil) -> Double {
    exposition.split(separator: "\n").reduce(0) { sum, line in
        guard !line.hasPrefix("#"), line.hasPrefix(name) else { return sum }
        let series = line.split(separator: " ").first ?? ""
        guard series == name || series.hasPrefix(name + "{") else { return sum }
        if let labels, !series.contains(labels) { return sum }
        return sum + (Double(line.split(separator: " ").last ?? "") ?? 0)
    }
}
