/// Token features for the entity tagger, as stable 64-bit hashes (FNV-1a over a template
/// number and the feature's text), so a model file means the same in every process.
///
/// Word form and lower case, shape, affixes, capitalisation and sentence position, the
/// neighbouring words and shapes, gazetteer membership of the word and its neighbours,
/// multi-word gazetteer matches, and one document-level cue: whether the word is also
/// written in lower case elsewhere in the document, and how its other occurrences are
/// used (after a title or a given name, before an organisation word, after "in").
struct NERFeatures: Sendable {
    let gazetteer: Gazetteer

    private enum Template: UInt64 {
        case bias = 1, word, lower, shape, prefix2, prefix3, suffix2, suffix3, suffix4
        case previousLower, nextLower, previous2Lower, next2Lower, previousShape, nextShape
        case previousAndWord, wordAndNext, firstInSentence, gazetteerClass, previousGazetteer, nextGazetteer
        case phraseGazetteer, lowerElsewhere, allCapsLength, shapeWindow, previousPair, documentUse, firstPassClass
    }

    /// What the whole document says about each capitalised word.
    struct DocumentContext: Sendable {
        var lowercaseWords: Set<String> = []
        var uses: [String: Set<String>] = [:]
        /// The class a first-pass tagger gave each capitalised word most often in this
        /// document: "Clinton" tagged PER in one sentence helps in another.
        var firstPassClass: [String: String] = [:]
    }

    /// Looks at every occurrence of each capitalised word in the document's sentences.
    func documentContext(_ sentences: [[String]], firstPass: [[NERTag]]? = nil) -> DocumentContext {
        var context = DocumentContext()
        if let firstPass {
            var votes: [String: [String: Int]] = [:]
            for (words, tags) in zip(sentences, firstPass) {
                for span in NERSpan.spans(tags) {
                    for index in span.range { votes[words[index], default: [:]][span.entityClass.rawValue, default: 0] += 1 }
                }
            }
            for (word, counts) in votes {
                context.firstPassClass[word] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            }
        }
        for words in sentences {
            for (index, word) in words.enumerated() {
                guard let first = word.unicodeScalars.first, first.isUppercaseLetter else {
                    context.lowercaseWords.insert(word)
                    continue
                }
                var uses: [String] = []
                if index > 0 {
                    let previous = words[index - 1]
                    let previousLower = previous.lowercased()
                    if Lexicon.personTitles.contains(previousLower) || gazetteer.titles.contains(previousLower) { uses.append("after-title") }
                    if gazetteer.givenNames[previous] != nil { uses.append("after-given") }
                    if ["in", "at", "near", "from", "to"].contains(previous) { uses.append("after-locative") }
                    if previous.unicodeScalars.first?.isUppercaseLetter == true { uses.append("inside-name") }
                } else {
                    uses.append("initial")
                }
                if index + 1 < words.count {
                    let next = words[index + 1]
                    if Lexicon.organisationHeads.contains(next) { uses.append("before-orghead") }
                    if Lexicon.speechVerbs.contains(next) { uses.append("before-speech") }
                    if next.unicodeScalars.first?.isUppercaseLetter == true { uses.append("before-name") }
                }
                if uses.isEmpty { uses.append("alone") }
                context.uses[word, default: []].formUnion(uses)
            }
        }
        return context
    }

    private struct TokenView {
        let word: String
        let lower: String
        let shape: String
        let classes: [String]
    }

    func extract(_ words: [String], document: DocumentContext) -> [[UInt64]] {
        let views = words.map(view)
        let phrases = phraseMatches(words)
        var result: [[UInt64]] = []
        result.reserveCapacity(words.count)
        for index in words.indices {
            let token = views[index]
            let previous = index > 0 ? views[index - 1].lower : "<s>"
            let next = index + 1 < views.count ? views[index + 1].lower : "</s>"
            let previous2 = index > 1 ? views[index - 2].lower : "<s>"
            let next2 = index + 2 < views.count ? views[index + 2].lower : "</s>"
            let previousShape = index > 0 ? views[index - 1].shape : "<s>"
            let nextShape = index + 1 < views.count ? views[index + 1].shape : "</s>"
            var features: [UInt64] = [
                hash(.bias, ""),
                hash(.word, token.word),
                hash(.lower, token.lower),
                hash(.shape, token.shape),
                hash(.prefix2, String(token.lower.prefix(2))),
                hash(.prefix3, String(token.lower.prefix(3))),
                hash(.suffix2, String(token.lower.suffix(2))),
                hash(.suffix3, String(token.lower.suffix(3))),
                hash(.suffix4, String(token.lower.suffix(4))),
                hash(.previousLower, previous),
                hash(.nextLower, next),
                hash(.previous2Lower, previous2),
                hash(.next2Lower, next2),
                hash(.previousShape, previousShape),
                hash(.nextShape, nextShape),
                hash(.previousAndWord, previous + "|" + token.lower),
                hash(.wordAndNext, token.lower + "|" + next),
                hash(.shapeWindow, previousShape + "|" + token.shape + "|" + nextShape),
                hash(.previousPair, previous2 + "|" + previous),
            ]
            if index == 0 { features.append(hash(.firstInSentence, token.shape)) }
            for name in token.classes { features.append(hash(.gazetteerClass, name)) }
            if index > 0 { for name in views[index - 1].classes { features.append(hash(.previousGazetteer, name)) } }
            if index + 1 < views.count { for name in views[index + 1].classes { features.append(hash(.nextGazetteer, name)) } }
            if let phrase = phrases[index] { features.append(hash(.phraseGazetteer, phrase)) }
            if token.word != token.lower {
                if document.lowercaseWords.contains(token.lower) { features.append(hash(.lowerElsewhere, "")) }
                // Sorted, so the features are the same whatever order the set keeps.
                for use in (document.uses[token.word] ?? []).sorted() { features.append(hash(.documentUse, use)) }
                if let firstPass = document.firstPassClass[token.word] { features.append(hash(.firstPassClass, firstPass)) }
            }
            if token.word.count > 1, token.word == token.word.uppercased(), token.word != token.lower {
                features.append(hash(.allCapsLength, String(min(token.word.count, 6))))
            }
            result.append(features)
        }
        return result
    }

    private func view(_ word: String) -> TokenView {
        TokenView(word: word, lower: word.lowercased(), shape: Self.shape(word), classes: classes(of: word))
    }

    /// "Xxxx", "XX", "Xx-Xx", "d.d": letters and digits by class, repeats folded.
    static func shape(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        for scalar in word.unicodeScalars {
            let mapped: Unicode.Scalar
            if scalar.isUppercaseLetter { mapped = "X" }
            else if scalar.isLetter { mapped = "x" }
            else if scalar.value >= 0x30 && scalar.value <= 0x39 { mapped = "d" }
            else { mapped = scalar }
            if mapped != last { result.append(mapped) }
            last = mapped
        }
        return String(result)
    }

    private func classes(of word: String) -> [String] {
        var names: [String] = []
        if gazetteer.countries.contains(word) { names.append("country") }
        if gazetteer.provinces.contains(word) { names.append("province") }
        if let population = gazetteer.cityPopulations[word] { names.append(population >= 100_000 ? "bigcity" : "city") }
        if gazetteer.regions.contains(word) { names.append("region") }
        if gazetteer.demonyms.contains(word) { names.append("demonym") }
        if let gender = gazetteer.givenNames[word] { names.append("given-\(gender)") }
        let lower = word.lowercased()
        if gazetteer.titles.contains(lower) || Lexicon.personTitles.contains(lower) { names.append("title") }
        if gazetteer.commonWords.contains(lower) { names.append("common") }
        if Lexicon.organisationHeads.contains(word) { names.append("orghead") }
        if Lexicon.organisationStarts.contains(word) { names.append("orgstart") }
        if Lexicon.facilityHeads.contains(word) { names.append("facility") }
        if Lexicon.speechVerbs.contains(lower) { names.append("speech") }
        return names
    }

    /// Two- and three-word gazetteer names ("New York", "South Korea"), marked on each word.
    private func phraseMatches(_ words: [String]) -> [String?] {
        var result = [String?](repeating: nil, count: words.count)
        var index = 0
        while index < words.count {
            var matched = false
            for length in [3, 2] where index + length <= words.count {
                let phrase = words[index..<(index + length)].joined(separator: " ")
                let kind: String?
                if gazetteer.demonyms.contains(phrase) { kind = "demonym" }
                else if let type = gazetteer.placeType(of: phrase) { kind = type.rawValue }
                else { kind = nil }
                if let kind {
                    for position in index..<(index + length) { result[position] = (position == index ? "B-" : "I-") + kind }
                    index += length
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return result
    }

    private func hash(_ template: Template, _ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325 ^ template.rawValue
        value = value &* 0x0000_0100_0000_01B3
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
