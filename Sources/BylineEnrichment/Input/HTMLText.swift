/// Plain text from an HTML article: tags and scripts removed, entities decoded, block
/// elements turned into paragraph breaks.
enum HTMLText {
    private static let blockTags: Set<String> = [
        "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote",
        "section", "article", "header", "footer", "figcaption", "figure", "hr", "dd", "dt", "pre", "aside", "main",
    ]
    private static let hiddenTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head"]
    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "eacute": "é", "egrave": "è", "aacute": "á", "iacute": "í", "oacute": "ó",
        "uacute": "ú", "ntilde": "ñ", "uuml": "ü", "ouml": "ö", "auml": "ä", "ccedil": "ç", "copy": "©",
        "reg": "®", "trade": "™", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "euro": "€", "pound": "£",
    ]

    static func extract(_ html: String) -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var hiddenUntil: String?
        var pendingSpace = false
        var pendingBreak = false

        func emit(_ scalar: Unicode.Scalar) {
            if scalar.isSpace {
                pendingSpace = true
                return
            }
            if pendingBreak {
                if !output.isEmpty { output.append("\n") }
                pendingBreak = false
                pendingSpace = false
            } else if pendingSpace {
                if let last = output.last, last != "\n" { output.append(" ") }
                pendingSpace = false
            }
            output.append(scalar)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let close = scalars[index...].firstIndex(of: ">") else {
                    if hiddenUntil == nil { emit(scalar) }
                    index += 1
                    continue
                }
                let tagText = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                let isClosing = tagText.hasPrefix("/")
                let name = tagText.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                index = close + 1
                if let hidden = hiddenUntil {
                    if isClosing && name == hidden { hiddenUntil = nil }
                    continue
                }
                if hiddenTags.contains(name) && !isClosing && !tagText.hasSuffix("/") {
                    hiddenUntil = name
                } else if blockTags.contains(name) {
                    pendingBreak = true
                }
                continue
            }
            if hiddenUntil != nil { index += 1; continue }
            if scalar == "&", let (decoded, length) = decodeEntity(scalars, at: index) {
                for piece in decoded.unicodeScalars { emit(piece) }
                index += length
                continue
            }
            emit(scalar)
            index += 1
        }
        return String(output)
    }

    private static func decodeEntity(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        guard let semicolon = scalars[index...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
        let length = semicolon - index + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let code else { return nil }
            // The HTML standard replaces a reference to NUL, to a surrogate or past U+10FFFF.
            guard code != 0, let scalar = Unicode.Scalar(code) else { return ("\u{FFFD}", length) }
            return (String(Character(scalar)), length)
        }
        guard let named = namedEntities[body] else { return nil }
        return (named, length)
    }
}
