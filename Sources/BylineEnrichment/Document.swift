/// The shared representation every stage reads: the text as Unicode scalars, its tokens,
/// and where sentences start. Offsets everywhere are scalar offsets into `scalars`.
struct Document: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// For each sentence, the range of its tokens.
    let sentences: [Range<Int>]
    /// Lower-case forms of words written in lower case somewhere in the text.
    let lowercaseWords: Set<String>

    init(text: String) {
        scalars = Array(text.unicodeScalars)
        tokens = Tokenizer().tokenize(scalars)
        var sentences: [Range<Int>] = []
        var start = 0
        for index in tokens.indices.dropFirst() where tokens[index].sentence != tokens[index - 1].sentence {
            sentences.append(start..<index)
            start = index
        }
        if !tokens.isEmpty { sentences.append(start..<tokens.count) }
        self.sentences = sentences
        var lowercase = Set<String>()
        for token in tokens where token.isWord && !token.isCapitalized { lowercase.insert(token.text) }
        lowercaseWords = lowercase
    }

    func text(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// The text covered by tokens `range`, as written.
    func text(tokens range: Range<Int>) -> String {
        text(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    func sentenceRange(of tokenIndex: Int) -> Range<Int> { sentences[tokens[tokenIndex].sentence] }
}
