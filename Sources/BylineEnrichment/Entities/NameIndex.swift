/// The names of the entities found so far, indexed by their first and last one or two
/// words and their initials: every short form `partialMatch` accepts is one of these.
struct NameIndex {
    /// Each entity's name split into words.
    private(set) var words: [[String]] = []
    /// Where each entity's name first appears (mentions of one length come in text order).
    private(set) var firstStarts: [Int] = []
    /// The initials each entity goes by: its own, and any other given when it was added.
    private(set) var initialForms: [[String]] = []
    private var byPrefix: [String: [Int]] = [:]
    private var bySuffix: [String: [Int]] = [:]
    private var byInitials: [String: [Int]] = [:]
    /// Names of three words or more by their first and last word ("donald trump" for "Donald J. Trump").
    private var byFirstAndLast: [String: [Int]] = [:]

    /// Room for about `expectedNames` names, so the maps are not rehashed as they grow.
    init(expectedNames: Int = 0) {
        byPrefix.reserveCapacity(expectedNames * 2)
        bySuffix.reserveCapacity(expectedNames * 2)
        byInitials.reserveCapacity(expectedNames)
    }

    /// `otherInitials`: initials the name also goes by ("FDA" for "US Food and Drug Administration").
    mutating func add(_ name: String, firstStart: Int, otherInitials: String? = nil) {
        let nameWords = Self.words(of: name)
        let index = words.count
        words.append(nameWords)
        firstStarts.append(firstStart)
        for length in 1...min(2, max(1, nameWords.count - 1)) where nameWords.count > length {
            let prefix = Self.key(nameWords.prefix(length)), suffix = Self.key(nameWords.suffix(length))
            byPrefix[prefix, default: []].append(index)
            bySuffix[suffix, default: []].append(index)
        }
        if nameWords.count > 2, let first = nameWords.first, let last = nameWords.last {
            byFirstAndLast[first + " " + last, default: []].append(index)
        }
        var forms = [Self.initials(nameWords)]
        if let otherInitials, otherInitials != forms[0] { forms.append(otherInitials) }
        for form in forms { byInitials[form, default: []].append(index) }
        initialForms.append(forms)
    }

    /// The entities whose name opens with `words` and is longer, in the order added.
    func starting(with words: String) -> [Int] { byPrefix[words] ?? [] }

    /// The name's words, as `name.split(separator: " ")` gives them. An ASCII name is cut at
    /// its space bytes, each a character of its own, without breaking it into characters.
    static func words(of name: String) -> [String] {
        let asciiWords = name.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.split(separator: UInt8(ascii: " ")).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
        return (asciiWords ?? nil) ?? name.split(separator: " ").map(String.init)
    }

    /// Edits (insertions, deletions, substitutions, swaps of neighbours) between two words,
    /// or nil when more than `limit`: whether one is a misspelling of the other.
    static func editDistance(_ first: String, _ second: String, limit: Int) -> Int? {
        let a = Array(first.unicodeScalars), b = Array(second.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return distance <= limit ? distance : nil
    }

    /// "FBI" for "Federal Bureau of Investigation": the capitalised words' first letters.
    static func initials(_ words: [String]) -> String {
        var letters = ""
        for word in words where opensWithCapital(word) {
            if let letter = word.first { letters.append(letter) }
        }
        return letters
    }

    /// `word.first?.isUppercase == true`, read from the first byte when the first character
    /// is one ASCII scalar: for a lower-case letter, `Character.isUppercase` compares case
    /// conversions of the character.
    private static func opensWithCapital(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80, (bytes.next() ?? 0) < 0x80 {
            return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        }
        return word.first?.isUppercase == true
    }

    /// The names that end with the short form's words, in the order added.
    func ending(with short: [String]) -> [Int] { bySuffix[Self.key(short)] ?? [] }

    /// The names of three words or more that open with the first of two words and end with the second.
    func withFirstAndLast(_ twoWords: [String]) -> [Int] { byFirstAndLast[Self.key(twoWords)] ?? [] }

    /// The words joined by spaces; one word as it is, without making a new string, and two
    /// by concatenation (the generic `joined` cost more than the names' look-ups).
    private static func key(_ words: some Collection<String>) -> String {
        switch words.count {
        case 1: words.first!
        case 2: words.first! + " " + words.dropFirst().first!
        default: words.joined(separator: " ")
        }
    }

    /// The first entity, in the order added, that may have `short` as a short form and
    /// that `fits`.
    func first(for short: [String], where fits: (Int) -> Bool) -> Int? {
        let key = Self.key(short)
        let prefixed = byPrefix[key] ?? [], suffixed = bySuffix[key] ?? []
        let initialled = short.count == 1 ? byInitials[key] ?? [] : []
        // The lists are each in ascending order: walk them together, smallest index first
        // (three cursors, no array of lists made per mention).
        var (inPrefixed, inSuffixed, inInitialled) = (0, 0, 0)
        while true {
            let next = min(
                inPrefixed < prefixed.count ? prefixed[inPrefixed] : Int.max, inSuffixed < suffixed.count ? suffixed[inSuffixed] : Int.max,
                inInitialled < initialled.count ? initialled[inInitialled] : Int.max)
            guard next != Int.max else { return nil }
            if fits(next) { return next }
            if inPrefixed < prefixed.count, prefixed[inPrefixed] == next { inPrefixed += 1 }
            if inSuffixed < suffixed.count, suffixed[inSuffixed] == next { inSuffixed += 1 }
            if inInitialled < initialled.count, initialled[inInitialled] == next { inInitialled += 1 }
        }
    }
}
