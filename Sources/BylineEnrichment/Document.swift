/// The shared representation every stage reads: the text as Unicode scalars, its tokens,
/// and where sentences start. Offsets everywhere are scalar offsets into `scalars`.
struct Document: Sendable {
    let source: ScalarText
    var scalars: [Unicode.Scalar] { source.scalars }
    let tokens: [Token]
    /// For each sentence, the range of its tokens.
    let sentences: [Range<Int>]
    /// Digests of the words written in lower case somewhere in the text (digests, not
    /// strings: hashing every token's string cost a fifth of building a document).
    private let lowercaseWordDigests: WordIndex

    init(text: String) {
        source = ScalarText(text)
        tokens = Tokenizer().tokenize(source)
        var sentences: [Range<Int>] = []
        var start = 0
        for index in tokens.indices.dropFirst() where tokens[index].sentence != tokens[index - 1].sentence {
            sentences.append(start..<index)
            start = index
        }
        if !tokens.isEmpty { sentences.append(start..<tokens.count) }
        self.sentences = sentences
        var lowercase = WordIndex(expectedCount: tokens.count / 2)
        for token in tokens where token.isWord && !token.isCapitalized { _ = lowercase.place(of: NERFeatures.digest(token.text)) }
        lowercaseWordDigests = lowercase
    }

    /// Whether `word` (in lower case) is written as a word of its own somewhere in the text.
    func isWrittenInLowercase(_ word: String) -> Bool { lowercaseWordDigests.contains(NERFeatures.digest(word)) }

    func text(_ start: Int, _ end: Int) -> String { source.string(start, end) }

    /// The text covered by tokens `range`, as written.
    func text(tokens range: Range<Int>) -> String {
        text(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    func sentenceRange(of tokenIndex: Int) -> Range<Int> { sentences[tokens[tokenIndex].sentence] }
}

/// Text as Unicode scalars (the unit every offset counts) beside its UTF-8 bytes, so a
/// span becomes a String by copying bytes rather than re-encoding scalar by scalar, which
/// cost a sixth of the enrichment.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// The UTF-8 offset of each scalar and of the end; empty when the text is ASCII, where
    /// the two offsets agree.
    private let byteOffsets: [Int32]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        utf8 = Array(text.utf8)
        if utf8.count == scalars.count {
            byteOffsets = []
        } else {
            var offsets: [Int32] = []
            offsets.reserveCapacity(scalars.count + 1)
            var offset: Int32 = 0
            for scalar in scalars {
                offsets.append(offset)
                offset += Int32(UTF8.width(scalar))
            }
            offsets.append(offset)
            byteOffsets = offsets
        }
    }

    var count: Int { scalars.count }

    func string(_ start: Int, _ end: Int) -> String {
        let from = byteOffsets.isEmpty ? start : Int(byteOffsets[start])
        let to = byteOffsets.isEmpty ? end : Int(byteOffsets[end])
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }
}
