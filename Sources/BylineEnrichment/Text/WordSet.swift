/// A fixed list of words (a lexicon), looked up by `WordIndex.digest`. Lexicons are asked
/// about nearly every token; `Set<String>` hashes each question with a seeded SipHash and
/// then compares strings, which took about a tenth of enrichment time. A digest is a few
/// multiplications over the word's bytes.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var index: WordIndex
    /// The words, in order of first insertion.
    private(set) var words: [String] = []

    init(_ words: some Sequence<String>) {
        index = WordIndex(expectedCount: 16)
        for word in words { insert(word) }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    var count: Int { words.count }
    var isEmpty: Bool { words.isEmpty }

    func contains(_ word: some StringProtocol) -> Bool { contains(digest: WordIndex.digest(word)) }

    /// Whether the token, as written, is in the set.
    func contains(_ token: Token) -> Bool { contains(digest: token.digest) }

    /// Whether the token folded to lower case is in the set.
    func containsLowercased(_ token: Token) -> Bool { contains(digest: token.lowercaseDigest) }

    /// Whether the word whose `WordIndex.digest` this is is in the set.
    func contains(digest: UInt64) -> Bool { index.contains(digest) }

    /// Whether the word folded to lower case is in the set.
    func containsLowercased(_ word: some StringProtocol) -> Bool { contains(digest: WordIndex.lowercaseDigest(word)) }

    mutating func insert(_ word: String) {
        if index.place(of: WordIndex.digest(word)).isNew { words.append(word) }
    }

    mutating func formUnion(_ other: some Sequence<String>) {
        for word in other { insert(word) }
    }

    func union(_ other: some Sequence<String>) -> WordSet {
        var result = self
        result.formUnion(other)
        return result
    }

}
