import Foundation

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
