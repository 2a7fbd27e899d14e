/// Splits text into tokens, sentences and paragraphs, working on Unicode scalars so that
/// offsets are what Python's `text[start:end]` expects.
struct Tokenizer: Sendable {
    /// Words whose trailing period belongs to them (lower case, without the period).
    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
        "adm", "maj", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "det", "sens", "govs", "messrs", "smt", "jr", "sr", "inc", "corp", "ltd",
        "co", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "vs", "etc", "no", "nos", "mt", "ft", "del",
        "ave", "blvd", "rd", "dept", "univ", "approx", "est", "fig", "vol", "al", "e.g", "i.e", "a.m", "p.m",
    ]
    /// US states abbreviated with one period ("Calif", "Ill"), as written: "ill." ends a sentence.
    static let stateAbbreviations = WordSet(
        Lexicon.placeAliases.keys.filter { $0.hasSuffix(".") && $0.dropLast().allSatisfy(\.isLetter) }.map { String($0.dropLast()) })
    /// Abbreviations written before a number ("No. 5", "Vol. 2").
    static let numberAbbreviations: WordSet = ["no", "nos", "vol", "fig"]
    /// Abbreviations that never end a sentence: they precede a name.
    static let nameTitles: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr",
        "adm", "maj", "cpl", "pvt", "rev", "hon", "pres", "supt", "insp", "det", "sens", "govs", "messrs", "smt", "mt", "ft",
    ]

    func tokenize(_ source: ScalarText) -> [Token] {
        let scalars = source.scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var paragraph = 0
        var sawSpace = true
        // A single mark opened in this paragraph and not yet closed: "‘... Democrats’ rules" closes it.
        var singleOpen = false
        // A double mark opened in this paragraph and not yet closed, as the marks' directions tell.
        var doubleOpen = false
        let count = scalars.count

        func isLetter(_ i: Int) -> Bool { i >= 0 && i < count && scalars[i].isLetter }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < count && ("0"..."9").contains(scalars[i]) }
        func isLetterOrDigit(_ i: Int) -> Bool { isLetter(i) || isDigit(i) }
        func isSpace(_ i: Int) -> Bool { i < 0 || i >= count || scalars[i].isSpace || scalars[i].isInvisibleFormat }
        func add(_ kind: Token.Kind, _ start: Int, _ end: Int) {
            tokens.append(Token(kind: kind, start: start, end: end, text: source.string(start, end), paragraph: paragraph, spaceBefore: sawSpace))
            sawSpace = false
        }

        while index < count {
            let scalar = scalars[index]
            if scalar.isSpace {
                if scalar == "\n" || scalar == "\u{2029}" {
                    if let last = tokens.last, last.paragraph == paragraph { paragraph += 1 }
                    singleOpen = false
                    doubleOpen = false
                }
                sawSpace = true
                index += 1
                continue
            }
            // "\u{202A}”Sorry,” she wrote": a mark after a direction mark still opens.
            if scalar.isInvisibleFormat {
                index += 1
                continue
            }
            let start = index
            if isLetter(index) {
                index = scanWord(source, from: index)
                // "R2.5bn", "KSh1,200": an amount after a currency's letters goes on past its point.
                while isDigit(index - 1), index < count, scalars[index] == "." || scalars[index] == ",", isDigit(index + 1) {
                    index += 1
                    while isDigit(index) || isLetter(index) { index += 1 }
                }
                // A possessive ending is a token of its own.
                if index + 1 < count, isApostrophe(scalars[index]), scalars[index + 1] == "s" || scalars[index + 1] == "S", !isLetter(index + 2) {
                    add(.word, start, index)
                    add(.possessive, index, index + 2)
                    index += 2
                    continue
                }
                add(.word, start, index)
                // "Sanders’ campaign", "the states' rights": a plural's possessive, unless it closes
                // a single mark opened before.
                if !singleOpen, index + 2 < count, isApostrophe(scalars[index]), scalars[index - 1] == "s", scalars[index + 1] == " ",
                    scalars[index + 2].properties.isLowercase
                {
                    add(.possessive, index, index + 1)
                    index += 1
                }
                continue
            }
            if isDigit(index) {
                index += 1
                while index < count, isDigit(index) || ((scalars[index] == "," || scalars[index] == "." || scalars[index] == ":") && isDigit(index + 1)) {
                    index += 1
                }
                while isLetter(index) { index += 1 }  // 1990s, 3rd, 5G
                add(.number, start, index)
                continue
            }
            // Three close a single mark inside a double one (''He said 'no,''' she said), or open
            // both ('''Sir, ...'').
            if scalar == "'", index + 2 < count, scalars[index + 1] == "'", scalars[index + 2] == "'" {
                let opens = isSpace(index - 1) || isOpeningContext(scalars, index - 1)
                if opens {
                    add(.quoteMark(.doubleOpening), index, index + 2)
                    add(.quoteMark(.singleStraight), index + 2, index + 3)
                } else {
                    add(.quoteMark(.singleClosing), index, index + 1)
                    add(.quoteMark(.doubleClosing), index + 1, index + 3)
                }
                (singleOpen, doubleOpen) = (opens, opens)
                index += 3
                continue
            }
            // Two apostrophes stand for a double mark in some wires (''Yes,'' she said).
            if scalar == "'", index + 1 < count, scalars[index + 1] == "'" {
                let mark = straightDoubleMark(before: index - 1, after: index + 2, scalars, isSpace: isSpace, isLetterOrDigit: isLetterOrDigit)
                if mark != .doubleStraight { doubleOpen = mark == .doubleOpening }
                add(.quoteMark(mark), index, index + 2)
                index += 2
                continue
            }
            if let mark = quoteMark(scalars, at: index, doubleOpen: doubleOpen, isSpace: isSpace, isLetterOrDigit: isLetterOrDigit) {
                if mark == .singleOpening || mark == .singleStraight { singleOpen = true }
                if mark == .singleClosing { singleOpen = false }
                if mark == .doubleOpening || mark == .doubleClosing { doubleOpen = mark == .doubleOpening }
                add(.quoteMark(mark), index, index + 1)
                index += 1
                continue
            }
            // Runs of the same punctuation (--, ..., !!) are one token.
            index += 1
            if scalar == "." || scalar == "-" || scalar == "!" || scalar == "?" {
                while index < count, scalars[index] == scalar { index += 1 }
            }
            add(.punctuation, start, index)
        }
        assignSentences(&tokens)
        return tokens
    }

    /// A UTF-8 continuation byte read as Latin-1 (U+0080 to U+00BF) right after a lead byte
    /// read the same way ("Ã", "Â", or their decomposed accents) or another such byte, with a
    /// letter after it; never a no-break space or a guillemet.
    private func isMisreadUTF8Byte(at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let value = scalars[index].value
        guard (0x80...0xBF).contains(value), ![0xA0, 0xAB, 0xBB].contains(value), index > 0, index + 1 < scalars.count else { return false }
        let previous = scalars[index - 1].value
        let afterLeadByte = (0xC2...0xDF).contains(previous) || (0x80...0x9F).contains(previous) || previous == 0x302 || previous == 0x303
        return afterLeadByte && (scalars[index + 1].isLetter || scalars[index + 1].value >= 0x80)
    }

    private func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    /// Letters with inner apostrophes, hyphens and dotted abbreviations (U.S., Mr.).
    private func scanWord(_ source: ScalarText, from start: Int) -> Int {
        let scalars = source.scalars
        let count = scalars.count
        var index = start
        var singleLetterDots = true
        while index < count {
            let scalar = scalars[index]
            if scalar.isLetterOrNumber || scalar == "&" && index > start && index + 1 < count && scalars[index + 1].isUppercaseLetter {
                index += 1
                continue
            }
            // A combining accent belongs to its letter (decomposed text: "Gonza\u{301}lez"); so do
            // the bytes of UTF-8 read as Latin-1 ("SarukhÃ\u{83}Â¡n" for "Sarukhán").
            if scalar.value >= 0x80, index > start, scalar.isCombiningMark || isMisreadUTF8Byte(at: index, scalars) {
                index += 1
                continue
            }
            let nextIsLetter = index + 1 < count && scalars[index + 1].isLetter
            if isApostrophe(scalar) && nextIsLetter {
                // don't, O'Brien; but a possessive 's is split off by the caller.
                let afterNext = index + 2
                if (scalars[index + 1] == "s" || scalars[index + 1] == "S") && (afterNext >= count || !scalars[afterNext].isLetter) { break }
                index += 1
                continue
            }
            if (scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}") && nextIsLetter {
                index += 1
                continue
            }
            if scalar == "." {
                // U.S. / U.K. / e.g.: single letters joined by periods keep their periods.
                let letters = index - (lastDotOrStart(scalars, start, index))
                if letters == 1 && singleLetterDots && nextIsLetter && index + 2 <= count && (index + 2 == count || !scalars[index + 2].isLetter) {
                    index += 1
                    continue
                }
                if letters == 1 && singleLetterDots && index > start + 1 {
                    return index + 1  // final period of U.S.
                }
                // The word is cut from the stored UTF-8 rather than built scalar by scalar, and
                // an ASCII word is folded to lower case while it is hashed.
                if Self.abbreviations.containsLowercased(source.string(start, index)) || (index - start == 1 && scalars[start].isUppercaseLetter)
                    || scalars[start].isUppercaseLetter && Self.stateAbbreviations.contains(source.string(start, index))
                {
                    return index + 1  // Mr. / Inc. / the initial in "John F. Kennedy"
                }
                singleLetterDots = false
            }
            break
        }
        return index
    }

    private func lastDotOrStart(_ scalars: [Unicode.Scalar], _ start: Int, _ index: Int) -> Int {
        var position = index - 1
        while position >= start {
            if scalars[position] == "." { return position + 1 }
            position -= 1
        }
        return start
    }

    /// Classifies quotation marks; apostrophes inside words never reach here.
    /// `doubleOpen`: a double mark is open in the paragraph.
    private func quoteMark(_ scalars: [Unicode.Scalar], at index: Int, doubleOpen: Bool, isSpace: (Int) -> Bool, isLetterOrDigit: (Int) -> Bool) -> QuoteMark? {
        switch scalars[index] {
        case "\u{201E}", "\u{00AB}": return .doubleOpening
        case "\u{00BB}": return .doubleClosing
        // A curly mark turned the wrong way closes an open quote after a word ("“It's unusual,“
        // said ..."), or opens one before a word ("”Fear. ...”"); "“Year, ”out" only closes.
        case "\u{201C}":
            let closes = doubleOpen && !(isSpace(index - 1) || isOpeningContext(scalars, index - 1)) && !isLetterOrDigit(index + 1)
            return closes ? .doubleClosing : .doubleOpening
        case "\u{201D}":
            let opens = !doubleOpen && (isSpace(index - 1) || isOpeningContext(scalars, index - 1)) && isLetterOrDigit(index + 1)
            return opens ? .doubleOpening : .doubleClosing
        case "\"":
            return straightDoubleMark(before: index - 1, after: index + 1, scalars, isSpace: isSpace, isLetterOrDigit: isLetterOrDigit)
        case "\u{2018}": return .singleOpening
        case "\u{2019}", "'":
            let straight = scalars[index] == "'"
            if isSpace(index - 1) || isOpeningContext(scalars, index - 1) {
                return isLetterOrDigit(index + 1) ? (straight ? .singleStraight : .singleOpening) : nil
            }
            // After a letter and before a non-letter: a closing mark, or a plural possessive (officers’).
            return isLetterOrDigit(index + 1) ? nil : .singleClosing
        default: return nil
        }
    }

    /// A straight double mark opens after a space or an opening bracket, closes after a
    /// word, and is left undecided (paired by parity) between spaces.
    private func straightDoubleMark(before: Int, after: Int, _ scalars: [Unicode.Scalar], isSpace: (Int) -> Bool, isLetterOrDigit: (Int) -> Bool) -> QuoteMark {
        if isSpace(before) || isOpeningContext(scalars, before) { return isSpace(after) ? .doubleStraight : .doubleOpening }
        return isLetterOrDigit(after) && !isLetterOrDigit(before) ? .doubleStraight : .doubleClosing
    }

    private func isOpeningContext(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index >= 0 else { return true }
        return "([{\u{2014}\u{2013}\u{201C}\u{2018}/".unicodeScalars.contains(scalars[index])
    }

    /// The most tokens one sentence holds. News sentences stay far below it (the longest in
    /// our evaluation sets has about 110); text with no sentence ends ("U.S. U.S. ...") is cut
    /// here, so work done per sentence for each token stays linear in the text's length.
    static let maximumSentenceTokens = 256

    /// Sentence ends: paragraph breaks, and . ! ? followed by a capital, digit or quote.
    private func assignSentences(_ tokens: inout [Token]) {
        var sentence = 0
        var sentenceStart = 0
        var index = 0
        while index < tokens.count {
            let opensParagraph = tokens.opensParagraph(at: index)
            if index > 0 && opensParagraph || index - sentenceStart >= Self.maximumSentenceTokens {
                if index > sentenceStart { sentence += 1 }
                sentenceStart = index
            }
            // "JAKARTA, May 13 (Reuters) - The toll rose, officials said.": a wire dateline is a
            // sentence of its own, so no content or speaker runs into it.
            if opensParagraph, let end = Self.wireDatelineEnd(tokens, from: index) {
                for position in index...end { tokens[position].sentence = sentence }
                sentence += 1
                index = end + 1
                sentenceStart = index
                continue
            }
            tokens[index].sentence = sentence
            if endsSentence(tokens, at: index) {
                // Closing quotes and brackets right after the stop stay in this sentence.
                var next = index + 1
                while next < tokens.count, next - sentenceStart < Self.maximumSentenceTokens,
                    tokens[next].paragraph == tokens[index].paragraph, isTrailing(tokens[next])
                {
                    tokens[next].sentence = sentence
                    next += 1
                }
                if next < tokens.count, tokens[next].paragraph == tokens[index].paragraph, startsSentence(tokens[next]) {
                    sentence += 1
                    sentenceStart = next
                }
                index = next
                continue
            }
            index += 1
        }
    }

    /// The dash (or colon) ending a dateline that opens a paragraph: a place in capitals, then only
    /// names, dates, commas and an agency in brackets ("ISLAMABAD, Sept 3 (Reuters) -",
    /// "DOHA, Qatar (AP) —"), with words after the dash.
    /// A colon ends one too where a dash cannot be meant: after an agency in brackets
    /// ("NEW DELHI (PTI):"), or after a place in capitals opening the article ("CHENNAI:").
    static func wireDatelineEnd(_ tokens: [Token], from start: Int) -> Int? {
        guard tokens[start].isAllCaps, tokens[start].text.count >= 2 else { return nil }
        var index = start + 1
        while index < min(tokens.count, start + 12), tokens[index].paragraph == tokens[start].paragraph {
            let token = tokens[index]
            let wordsFollow = index + 1 < tokens.count && tokens[index + 1].paragraph == token.paragraph
            if Self.dashes.contains(token) { return wordsFollow ? index : nil }
            if token.text == ":" {
                let afterAgency = tokens[index - 1].text == ")"
                let opensArticle = tokens[start].paragraph == tokens[0].paragraph && (start..<index).allSatisfy { tokens[$0].isAllCaps || tokens[$0].text == "," }
                return wordsFollow && (afterAgency || opensArticle) ? index : nil
            }
            guard token.isCapitalized || token.kind == .number || [",", ".", "(", ")", "/"].contains(token.text) else { return nil }
            index += 1
        }
        return nil
    }

    /// A hyphen standing alone is a dash too ("BUENA PARK, Calif. - Rallying ...", "Byrne -
    /// who was posted there - says"): in a word it is no token of its own.
    static let dashes: WordSet = ["\u{2013}", "\u{2014}", "\u{2015}", "--", "-"]

    private func endsSentence(_ tokens: [Token], at index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .punctuation:
            // A period glued to the next word is inside an abbreviation: "(D-N.Y.)".
            if token.text == ".", index + 1 < tokens.count, tokens[index + 1].start == token.end, tokens[index + 1].kind == .word {
                return false
            }
            return token.text.hasPrefix(".") || token.text.hasPrefix("!") || token.text.hasPrefix("?") || token.text == "\u{2026}"
        case .word:
            // Bytes, not characters: this runs on every word, and a final "." is one byte.
            guard token.text.utf8.last == UInt8(ascii: ".") else { return false }
            let bare = String(token.text.dropLast()).lowercased()
            if Self.nameTitles.contains(bare) { return false }
            if bare.count == 1 { return false }  // an initial
            // U.S. or Inc. at the end of a sentence: only when a sentence clearly starts next.
            guard index + 1 < tokens.count else { return true }
            let next = tokens[index + 1]
            // "Butler, Pa. Pennsylvania Democrats said": before a capital a state's abbreviation
            // ends the sentence ("Little Rock, Ark., said" goes on).
            if Self.stateAbbreviations.contains(token.text.dropLast()) { return next.kind != .word || next.isCapitalized }
            // "No. 5", "vol. 2": before a number an abbreviation; "She said no." ends a sentence.
            if Self.numberAbbreviations.contains(bare) { return next.kind != .number }
            return next.kind != .word || Lexicon.sentenceStarters.contains(next)
        default:
            return false
        }
    }

    private func isTrailing(_ token: Token) -> Bool {
        switch token.kind {
        case .quoteMark(let mark): return mark == .doubleClosing || mark == .singleClosing || mark == .doubleStraight || mark == .singleStraight
        case .punctuation: return token.text == ")" || token.text == "]"
        default: return false
        }
    }

    private func startsSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .word: return token.isCapitalized
        case .number: return true
        case .quoteMark(let mark): return mark == .doubleOpening || mark == .doubleStraight || mark == .singleOpening
        // Not a dash: in one paragraph, "...” — Name" signs what came before it.
        case .punctuation: return token.text == "("
        default: return false
        }
    }
}
