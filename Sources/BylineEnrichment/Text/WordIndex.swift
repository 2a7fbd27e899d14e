/// Each distinct word digest (of a document, a cache, a word list), numbered in order of
/// first appearance. Full 64-bit digests are compared: two of even 100,000 words sharing
/// one is about as likely as one in 10^9.
struct WordIndex {
    /// FNV-1a over the word's UTF-8: the key every word table (features, clusters, the
    /// document's own words) is looked up by.
    static func digest(_ text: some StringProtocol) -> UInt64 { digest(text, continuing: digestSeed) }

    /// The digest of the text after the text that `digest` is of: words joined without
    /// making the joined string.
    static func digest(_ text: some StringProtocol, continuing digest: UInt64) -> UInt64 {
        // Over the stored bytes when the string offers them (native strings do, small ones
        // too): stepping through String indices cost several times the hashing.
        text.utf8.withContiguousStorageIfAvailable { $0.reduce(digest, digestStep) } ?? text.utf8.reduce(digest, digestStep)
    }

    /// The digest of the text folded to lower case.
    static func lowercaseDigest(_ text: some StringProtocol) -> UInt64 { digests(text).lowercase }

    /// Both digests of a word, as written and folded to lower case: one pass over its bytes
    /// when it is ASCII, without making the folded string; anything else is folded by
    /// `lowercased()`.
    static func digests(_ text: some StringProtocol) -> (asWritten: UInt64, lowercase: UInt64) {
        let pass = text.utf8.withContiguousStorageIfAvailable(digests(of:)) ?? digests(of: text.utf8)
        return (pass.asWritten, pass.asciiLowercase ?? digest(text.lowercased()))
    }

    private static func digests(of bytes: some Sequence<UInt8>) -> (asWritten: UInt64, asciiLowercase: UInt64?) {
        var asWritten = digestSeed, lowercase = digestSeed
        var isASCII = true
        for byte in bytes {
            asWritten = digestStep(asWritten, byte)
            isASCII = isASCII && byte < 0x80
            lowercase = digestStep(lowercase, byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return (asWritten, isASCII ? lowercase : nil)
    }

    private static let digestSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static func digestStep(_ value: UInt64, _ byte: UInt8) -> UInt64 { (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    private var keys: [UInt64]
    private var places: [Int32]
    private(set) var count = 0

    /// Room for `expectedCount` words before growing (a short article needs little).
    init(expectedCount: Int = 512) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        places = [Int32](repeating: 0, count: capacity)
    }

    func contains(_ digest: UInt64) -> Bool { existingPlace(of: digest) != nil }

    /// The word's place, if it has appeared.
    func existingPlace(of digest: UInt64) -> Int32? {
        let key = digest == 0 ? 1 : digest
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return places[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The word's place, and whether this is its first appearance.
    mutating func place(of digest: UInt64) -> (Int32, isNew: Bool) {
        let key = digest == 0 ? 1 : digest  // 0 marks an empty slot
        if count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return (places[slot], false) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        places[slot] = Int32(count)
        count += 1
        return (Int32(count - 1), true)
    }

    private mutating func grow() {
        let old = zip(keys, places).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        places = [Int32](repeating: 0, count: keys.count)
        let mask = keys.count - 1
        for (key, place) in old {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            places[slot] = place
        }
    }
}
