/// Entity classes of the CoNLL-2003 scheme the tagger learns.
public enum NERClass: String, Sendable, CaseIterable {
    case person = "PER", organisation = "ORG", location = "LOC", miscellaneous = "MISC"
}

/// BIO tags, encoded as small integers: 0 is O, then B- and I- for each class.
public struct NERTag: Hashable, Sendable, CustomStringConvertible {
    public let index: Int
    public static let count = 1 + 2 * NERClass.allCases.count
    public static let outside = NERTag(index: 0)

    public init(index: Int) { self.index = index }

    public init?(_ text: String) {
        if text == "O" { self.index = 0; return }
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let kind = NERClass(rawValue: String(parts[1])),
            let position = NERClass.allCases.firstIndex(of: kind)
        else { return nil }
        switch parts[0] {
        case "B": index = 1 + 2 * position
        case "I": index = 2 + 2 * position
        default: return nil
        }
    }

    public var entityClass: NERClass? { index == 0 ? nil : NERClass.allCases[(index - 1) / 2] }
    public var isBegin: Bool { index != 0 && (index - 1) % 2 == 0 }
    public var isInside: Bool { index != 0 && (index - 1) % 2 == 1 }
    public var description: String {
        guard let entityClass else { return "O" }
        return (isBegin ? "B-" : "I-") + entityClass.rawValue
    }

    /// I-X may only follow B-X or I-X: the decoder never produces a broken span.
    public static func allowed(from previous: NERTag?, to next: NERTag) -> Bool {
        guard next.isInside else { return true }
        guard let previous, let previousClass = previous.entityClass else { return false }
        return previousClass == next.entityClass
    }
}

/// A span of tokens with one entity class.
public struct NERSpan: Hashable, Sendable {
    public var range: Range<Int>
    public var entityClass: NERClass

    /// The spans a tag sequence describes.
    public static func spans(_ tags: [NERTag]) -> [NERSpan] {
        var result: [NERSpan] = []
        var start: Int?
        var current: NERClass?
        for (index, tag) in tags.enumerated() {
            if tag.isInside, tag.entityClass == current { continue }
            if let start, let current { result.append(NERSpan(range: start..<index, entityClass: current)) }
            start = tag.entityClass == nil ? nil : index
            current = tag.entityClass
        }
        if let start, let current { result.append(NERSpan(range: start..<tags.count, entityClass: current)) }
        return result
    }
}
