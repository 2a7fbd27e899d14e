import Foundation

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
