/// One token of an article, located by Unicode-scalar offsets into its text.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case word
        case number
        /// `'s` or `’s` after a name.
        case possessive
        case quoteMark(QuoteMark)
        case punctuation
    }

    let kind: Kind
    /// A word that opens with a capital; a word with no capital at all ("organizer"; not
    /// "eBay"). Made once here, as the digests are: the rules ask them of every token.
    let isCapitalized: Bool
    let isLowercase: Bool
    var start: Int
    var end: Int
    /// The token's text as written.
    let text: String
    /// `WordIndex.digest` of the text as written and folded to lower case, made once here:
    /// the rules look a token up in word lists many times over.
    let digest: UInt64
    let lowercaseDigest: UInt64
    /// Index of the sentence and paragraph the token belongs to.
    var sentence = 0
    var paragraph = 0
    /// Whitespace (or nothing) precedes the token.
    var spaceBefore = true

    init(kind: Kind, start: Int, end: Int, text: String, sentence: Int = 0, paragraph: Int = 0, spaceBefore: Bool = true) {
        self.kind = kind
        isCapitalized = kind == .word && text.unicodeScalars.first?.isUppercaseLetter == true
        isLowercase = kind == .word && !text.unicodeScalars.contains(where: \.isUppercaseLetter)
        self.start = start
        self.end = end
        self.text = text
        (digest, lowercaseDigest) = WordIndex.digests(text)
        self.sentence = sentence
        self.paragraph = paragraph
        self.spaceBefore = spaceBefore
    }

    var isWord: Bool { kind == .word }
    var isQuoteMark: Bool { if case .quoteMark = kind { true } else { false } }
    var isAllCaps: Bool { kind == .word && EntityRecognizer.isAllCaps(text) }
    var lowercased: String { text.lowercased() }
}

/// A quotation mark and which way it faces.
enum QuoteMark: Sendable, Equatable {
    case doubleOpening, doubleClosing, doubleStraight
    case singleOpening, singleClosing, singleStraight

    var isDouble: Bool { self == .doubleOpening || self == .doubleClosing || self == .doubleStraight }
    /// A double mark that may open a quotation: curly opening, or straight.
    var mayOpenDouble: Bool { self == .doubleOpening || self == .doubleStraight }
    /// A double mark that may close a quotation: curly closing, or straight.
    var mayCloseDouble: Bool { self == .doubleClosing || self == .doubleStraight }
}

extension [Token] {
    /// Whether the token at `index` opens its paragraph.
    func opensParagraph(at index: Int) -> Bool { index == 0 || self[index - 1].paragraph != self[index].paragraph }

    /// Whether the token at `index` ends its paragraph.
    func closesParagraph(at index: Int) -> Bool { index + 1 == count || self[index + 1].paragraph != self[index].paragraph }

    /// Whether the words of `range` are capitalised as a title's are: the first, and every
    /// other one bar the small words of titles ("The Steve Harvey Morning Show").
    func isTitleCased(_ range: Range<Int>) -> Bool {
        let words = range.filter { self[$0].isWord }
        guard let first = words.first, self[first].isCapitalized else { return false }
        return words.allSatisfy { self[$0].isCapitalized || Lexicon.titleSmallWords.contains(self[$0]) }
    }

    /// Whether `range` is a paragraph of its own of at least five words in title case, as
    /// headlines are: no more than one word in five in lower case, the small words of titles
    /// aside ("Obama Says Museum Will Tell of 'Suffering and Delight'").
    func isTitleCaseHeading(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, opensParagraph(at: range.lowerBound), closesParagraph(at: range.upperBound - 1) else { return false }
        // Counted, not collected: the tagger asks this of every sentence.
        var words = 0
        var lowercase = 0
        for index in range where self[index].isWord {
            words += 1
            if !self[index].isCapitalized, !Lexicon.titleSmallWords.contains(self[index]) { lowercase += 1 }
        }
        return words >= 5 && lowercase * 5 <= words
    }

    /// For a title-cased quotation opening at `index` and closing before `limit`
    /// ("“Morning Joe”"), the token after its closing mark; else nil.
    func quotedTitleEnd(openingAt index: Int, before limit: Int) -> Int? {
        guard index < limit, case .quoteMark(let mark) = self[index].kind, mark.mayOpenDouble,
            let close = ((index + 1)..<limit).first(where: { if case .quoteMark(let other) = self[$0].kind { other.isDouble } else { false } }),
            close > index + 1, isTitleCased((index + 1)..<close)
        else { return nil }
        return close + 1
    }

    /// The first token past the paragraph of the token at `index`.
    func paragraphEnd(from index: Int) -> Int {
        var end = index
        while end < count, self[end].paragraph == self[index].paragraph { end += 1 }
        return end
    }
}
