/// Character classes with an ASCII fast path: Unicode property look-ups cost a table
/// search each, and most news text is ASCII.
extension Unicode.Scalar {
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    var isUppercaseLetter: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }

    var isLetterOrNumber: Bool {
        if value < 0x80 { return isLetter || (value >= 0x30 && value <= 0x39) }
        return properties.isAlphabetic || properties.numericType != nil
    }

    var isCombiningMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    /// An invisible format character: a direction mark (U+202A), a zero-width space, a byte
    /// order mark. It separates nothing and is no punctuation.
    var isInvisibleFormat: Bool { value >= 0x80 && properties.generalCategory == .format }
}
