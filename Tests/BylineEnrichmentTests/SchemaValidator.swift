@testable import BylineEnrichment
import Foundation

/// Checks a value against the subset of JSON Schema our schemas use: type, enum,
/// required, properties, additionalProperties, items, minimum, maximum, minLength, $ref.
struct SchemaValidator {
    let root: JSONValue

    init(file: String) throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schema").appendingPathComponent(file)
        root = try JSONValue.parse(Array(try Data(contentsOf: url)))
    }

    func errors(in value: JSONValue) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "$", into: &found)
        return found
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/") else { return schema }
        var node = root
        for component in reference.dropFirst(2).split(separator: "/") { node = node[String(component)] ?? .null }
        return node
    }

    private func check(_ value: JSONValue, against rawSchema: JSONValue, at path: String, into found: inout [String]) {
        let schema = resolve(rawSchema)
        if let type = schema["type"] {
            let allowed: [String]
            switch type {
            case .string(let single): allowed = [single]
            case .array(let many): allowed = many.compactMap(\.stringValue)
            default: allowed = []
            }
            let actual = value.typeName
            let matches =
                allowed.contains(actual)
                || (actual == "number" && allowed.contains("integer")
                    && {
                        if case .integer = value { return true }; return false
                    }())
            if !matches { found.append("\(path): \(actual) is not \(allowed)"); return }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            found.append("\(path): \(value) not in enum")
        }
        if let minimum = Self.number(schema["minimum"]), let actual = Self.number(value), actual < minimum {
            found.append("\(path): \(actual) < \(minimum)")
        }
        if let maximum = Self.number(schema["maximum"]), let actual = Self.number(value), actual > maximum {
            found.append("\(path): \(actual) > \(maximum)")
        }
        if case .integer(let minimumLength)? = schema["minLength"], case .string(let text) = value, text.count < minimumLength {
            found.append("\(path): shorter than \(minimumLength)")
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for name in required.compactMap(\.stringValue) where !members.contains(where: { $0.0 == name }) {
                    found.append("\(path): missing \(name)")
                }
            }
            let properties = schema["properties"]
            for (name, member) in members {
                if let propertySchema = properties?[name] {
                    check(member, against: propertySchema, at: "\(path).\(name)", into: &found)
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): unexpected \(name)")
                }
            }
        }
        if case .array(let elements) = value, let itemSchema = schema["items"] {
            for (index, element) in elements.enumerated() { check(element, against: itemSchema, at: "\(path)[\(index)]", into: &found) }
        }
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let integer)?: return Double(integer)
        case .number(let number)?: return number
        default: return nil
        }
    }
}
