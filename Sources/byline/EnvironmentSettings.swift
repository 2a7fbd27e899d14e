import Foundation

/// Environment variables behind command-line flags: `--max-in-flight` reads
/// `BYLINE_MAX_IN_FLIGHT`, and so on. A flag given on the command line wins.
/// `BYLINE_KAFKA_<PROPERTY>` sets a librdkafka property, with dots written as
/// underscores: `BYLINE_KAFKA_SECURITY_PROTOCOL=SASL_SSL` sets `security.protocol`.
struct EnvironmentSettings {
    static let prefix = "BYLINE_"
    static let kafkaPropertyPrefix = "BYLINE_KAFKA_"

    var environment: [String: String] = ProcessInfo.processInfo.environment

    static func variableName(forFlag flag: String) -> String {
        prefix + flag.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    func value(_ flagValue: String?, flag: String) -> String? {
        if let flagValue { return flagValue }
        let fromEnvironment = environment[Self.variableName(forFlag: flag)]
        return fromEnvironment?.isEmpty == false ? fromEnvironment : nil
    }

    func value<T: LosslessStringConvertible>(_ flagValue: T?, flag: String) throws -> T? {
        if let flagValue { return flagValue }
        let name = Self.variableName(forFlag: flag)
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard let parsed = T(text) else { throw EnvironmentSettingError("\(name)=\(text) is not a valid value for --\(flag)") }
        return parsed
    }

    /// librdkafka properties from `BYLINE_KAFKA_*` variables, then `key=value` flags over them.
    func kafkaProperties(flags: [String]) throws -> [String: String] {
        var properties: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix(Self.kafkaPropertyPrefix) {
            let key = name.dropFirst(Self.kafkaPropertyPrefix.count).lowercased().replacingOccurrences(of: "_", with: ".")
            properties[key] = value
        }
        for flag in flags {
            guard let equals = flag.firstIndex(of: "="), equals != flag.startIndex else {
                throw EnvironmentSettingError("--kafka-property takes key=value, got \(flag)")
            }
            properties[String(flag[..<equals])] = String(flag[flag.index(after: equals)...])
        }
        return properties
    }
}

struct EnvironmentSettingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
