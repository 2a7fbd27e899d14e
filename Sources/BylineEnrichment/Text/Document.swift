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
        for index in tokens.indices where tokens[index].isWord && !tokens[index].isCapitalized { _ = lowercase.place(of: tokens[index].digest) }
        lowercaseWordDigests = lowercase
    }

    /// Whether `word` (in lower case) is written as a word of its own somewhere in the text.
    func isWrittenInLowercase(_ word: String) -> Bool { lowercaseWordDigests.contains(WordIndex.digest(word)) }

    /// Whether the token, folded to lower case, is written as a word of its own in the text.
    func isWrittenInLowercase(_ token: Token) -> Bool { lowercaseWordDigests.contains(token.lowercaseDigest) }

    func text(_ start: Int, _ end: Int) -> String { source.string(start, end) }

    /// The text covered by tokens `range`, as written.
    func text(tokens range: Range<Int>) -> String {
        text(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    func sentenceRange(of tokenIndex: Int) -> Range<Int> { sentences[tokens[tokenIndex].sentence] }
}
