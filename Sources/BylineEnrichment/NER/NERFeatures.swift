import Synchronization

/// Token features for the entity tagger, as stable 64-bit hashes (each string is digested
/// once with FNV-1a, then mixed with the feature's template number), so a model file means
/// the same in every process and no feature builds a string.
///
/// Word form and lower case, shape, affixes, capitalisation and sentence position, the
/// neighbouring words and shapes, gazetteer membership of the word and its neighbours,
/// multi-word gazetteer matches, and one document-level cue: whether the word is also
/// written in lower case elsewhere in the document, and how its other occurrences are
/// used (after a title or a given name, before an organisation word, after "in").
struct NERFeatures: Sendable {
    let gazetteer: Gazetteer
    private let views = TokenViewCache()

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    private enum Template: UInt64 {
        case bias = 1, word, lower, shape, prefix2, prefix3, suffix2, suffix3, suffix4
        case previousLower, nextLower, previous2Lower, next2Lower, previousShape, nextShape
        case previousAndWord, wordAndNext, firstInSentence, gazetteerClass, previousGazetteer, nextGazetteer
        case phraseGazetteer, lowerElsewhere, allCapsLength, shapeWindow, previousPair, documentUse, firstPassClass
    }

    /// What the whole document says about each capitalised word.
    struct DocumentContext: Sendable {
        /// Digests of the words written without a capital, to match a token's lower case.
        var lowercaseWords: Set<UInt64> = []
        /// Each sentence's token views, made once for the context and the features.
        var views: [[TokenView]] = []
        /// Digests of how each capitalised word is used across the document, sorted.
        var uses: [String: [UInt64]] = [:]
        /// The class a first-pass tagger gave each capitalised word most often in this
        /// document: "Clinton" tagged PER in one sentence helps in another.
        var firstPassClass: [String: NERClass] = [:]
    }

    /// Digests of how a capitalised word is used, by name (the names are part of the model).
    private enum Use {
        static let afterTitle = digest("after-title"), afterGiven = digest("after-given")
        static let afterLocative = digest("after-locative"), insideName = digest("inside-name")
        static let initial = digest("initial"), beforeOrganisationHead = digest("before-orghead")
        static let beforeSpeech = digest("before-speech"), beforeName = digest("before-name")
        static let alone = digest("alone")
        static let locativePrepositions: Set<String> = ["in", "at", "near", "from", "to"]
    }

    /// Looks at every occurrence of each capitalised word in the document's sentences.
    func documentContext(_ sentences: [[String]]) -> DocumentContext {
        var context = DocumentContext()
        var uses: [String: Set<UInt64>] = [:]
        context.views = sentences.map { $0.map(view) }
        for (words, views) in zip(sentences, context.views) {
            for (index, word) in words.enumerated() {
                guard views[index].isCapitalised else {
                    context.lowercaseWords.insert(views[index].word)
                    continue
                }
                var found: [UInt64] = []
                if index > 0 {
                    let previous = words[index - 1]
                    let previousView = views[index - 1]
                    if previousView.isTitle { found.append(Use.afterTitle) }
                    if previousView.isGivenName { found.append(Use.afterGiven) }
                    if Use.locativePrepositions.contains(previous) { found.append(Use.afterLocative) }
                    if previousView.isCapitalised { found.append(Use.insideName) }
                } else {
                    found.append(Use.initial)
                }
                if index + 1 < words.count {
                    let nextView = views[index + 1]
                    if nextView.isOrganisationHead { found.append(Use.beforeOrganisationHead) }
                    if nextView.isSpeechVerb { found.append(Use.beforeSpeech) }
                    if nextView.isCapitalised { found.append(Use.beforeName) }
                }
                if found.isEmpty { found.append(Use.alone) }
                uses[word, default: []].formUnion(found)
            }
        }
        context.uses = uses.mapValues { $0.sorted() }
        return context
    }

    /// Adds the first pass's document-wide votes to a context.
    func addFirstPass(_ tags: [[NERTag]], sentences: [[String]], to context: inout DocumentContext) {
        var votes: [String: [NERClass: Int]] = [:]
        for (words, sentenceTags) in zip(sentences, tags) {
            for span in NERSpan.spans(sentenceTags) {
                for index in span.range { votes[words[index], default: [:]][span.entityClass, default: 0] += 1 }
            }
        }
        for (word, counts) in votes {
            context.firstPassClass[word] = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key
        }
    }

    /// The feature the first pass adds to a token, if any.
    func firstPassFeature(_ word: String, _ context: DocumentContext) -> UInt64? {
        context.firstPassClass[word].map { mix(.firstPassClass, Self.digest($0.rawValue)) }
    }

    /// The feature hashes of a sentence's tokens, flat: token i owns
    /// `hashes[ends[i - 1]..<ends[i]]` (one allocation per sentence, not per token).
    struct SentenceFeatures: Sendable {
        var hashes: [UInt64] = []
        var ends: [Int] = []

        var count: Int { ends.count }

        func range(of token: Int) -> Range<Int> { (token == 0 ? 0 : ends[token - 1])..<ends[token] }

        /// The features of each token, one array apiece (for training).
        var perToken: [[UInt64]] { (0..<count).map { Array(hashes[range(of: $0)]) } }
    }

    struct TokenView: Sendable {
        let isCapitalised: Bool
        let isTitle, isGivenName, isOrganisationHead, isSpeechVerb: Bool
        let isAllCaps: Bool
        let length: Int
        let word, lower, shape, prefix2, prefix3, suffix2, suffix3, suffix4: UInt64
        let classes: [UInt64]
    }

    private static let sentenceStart = digest("<s>"), sentenceEnd = digest("</s>")

    /// Features of each token of a sentence (without the first-pass feature); `views` are
    /// the sentence's token views when the caller has them (`DocumentContext.views`).
    func extract(_ words: [String], views knownViews: [TokenView]? = nil, document: DocumentContext) -> SentenceFeatures {
        let views = knownViews ?? words.map(view)
        let phrases = phraseMatches(words)
        var result = SentenceFeatures()
        result.hashes.reserveCapacity(words.count * 32)
        result.ends.reserveCapacity(words.count)
        for index in words.indices {
            let token = views[index]
            let previous = index > 0 ? views[index - 1].lower : Self.sentenceStart
            let next = index + 1 < views.count ? views[index + 1].lower : Self.sentenceEnd
            let previous2 = index > 1 ? views[index - 2].lower : Self.sentenceStart
            let next2 = index + 2 < views.count ? views[index + 2].lower : Self.sentenceEnd
            let previousShape = index > 0 ? views[index - 1].shape : Self.sentenceStart
            let nextShape = index + 1 < views.count ? views[index + 1].shape : Self.sentenceEnd
            result.hashes.append(mix(.bias, 0))
            result.hashes.append(mix(.word, token.word))
            result.hashes.append(mix(.lower, token.lower))
            result.hashes.append(mix(.shape, token.shape))
            result.hashes.append(mix(.prefix2, token.prefix2))
            result.hashes.append(mix(.prefix3, token.prefix3))
            result.hashes.append(mix(.suffix2, token.suffix2))
            result.hashes.append(mix(.suffix3, token.suffix3))
            result.hashes.append(mix(.suffix4, token.suffix4))
            result.hashes.append(mix(.previousLower, previous))
            result.hashes.append(mix(.nextLower, next))
            result.hashes.append(mix(.previous2Lower, previous2))
            result.hashes.append(mix(.next2Lower, next2))
            result.hashes.append(mix(.previousShape, previousShape))
            result.hashes.append(mix(.nextShape, nextShape))
            result.hashes.append(mix(.previousAndWord, previous, token.lower))
            result.hashes.append(mix(.wordAndNext, token.lower, next))
            result.hashes.append(mix(.shapeWindow, previousShape, token.shape, nextShape))
            result.hashes.append(mix(.previousPair, previous2, previous))
            if index == 0 { result.hashes.append(mix(.firstInSentence, token.shape)) }
            for name in token.classes { result.hashes.append(mix(.gazetteerClass, name)) }
            if index > 0 { for name in views[index - 1].classes { result.hashes.append(mix(.previousGazetteer, name)) } }
            if index + 1 < views.count { for name in views[index + 1].classes { result.hashes.append(mix(.nextGazetteer, name)) } }
            if let phrase = phrases[index] { result.hashes.append(mix(.phraseGazetteer, phrase)) }
            if token.isCapitalised {
                let word = words[index]
                if document.lowercaseWords.contains(token.lower) { result.hashes.append(mix(.lowerElsewhere, 0)) }
                for use in document.uses[word] ?? [] { result.hashes.append(mix(.documentUse, use)) }
            }
            if token.isAllCaps { result.hashes.append(mix(.allCapsLength, UInt64(min(token.length, 6)))) }
            result.ends.append(result.hashes.count)
        }
        return result
    }

    private func view(_ word: String) -> TokenView {
        views.view(of: word, making: makeView)
    }

    private func makeView(_ word: String) -> TokenView {
        let lower = word.lowercased()
        let lowerScalars = Array(lower.unicodeScalars)
        func digestScalars(_ slice: ArraySlice<Unicode.Scalar>) -> UInt64 {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for scalar in slice {
                value ^= UInt64(scalar.value)
                value = value &* 0x0000_0100_0000_01B3
            }
            return value
        }
        let isCapitalised = word.unicodeScalars.first?.isUppercaseLetter == true
        let classNames = classes(of: word, lower: lower)
        return TokenView(
            isCapitalised: isCapitalised,
            isTitle: classNames.contains("title"),
            isGivenName: gazetteer.givenNames[word] != nil,
            isOrganisationHead: classNames.contains("orghead"),
            isSpeechVerb: classNames.contains("speech"),
            isAllCaps: isCapitalised && word.count > 1 && word == word.uppercased(),
            length: lowerScalars.count,
            word: Self.digest(word),
            lower: Self.digest(lower),
            shape: Self.digest(Self.shape(word)),
            prefix2: digestScalars(lowerScalars.prefix(2)),
            prefix3: digestScalars(lowerScalars.prefix(3)),
            suffix2: digestScalars(lowerScalars.suffix(2)),
            suffix3: digestScalars(lowerScalars.suffix(3)),
            suffix4: digestScalars(lowerScalars.suffix(4)),
            classes: classNames.map(Self.digest)
        )
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

    private func classes(of word: String, lower: String) -> [String] {
        var names: [String] = []
        if gazetteer.countries.contains(word) { names.append("country") }
        if gazetteer.provinces.contains(word) { names.append("province") }
        if let population = gazetteer.cityPopulations[word] { names.append(population >= 100_000 ? "bigcity" : "city") }
        if gazetteer.regions.contains(word) { names.append("region") }
        if gazetteer.demonyms.contains(word) { names.append("demonym") }
        if let gender = gazetteer.givenNames[word] { names.append("given-\(gender)") }
        if gazetteer.titles.contains(lower) || Lexicon.personTitles.contains(lower) { names.append("title") }
        if gazetteer.commonWords.contains(lower) { names.append("common") }
        if Lexicon.organisationHeads.contains(word) { names.append("orghead") }
        if Lexicon.organisationStarts.contains(word) { names.append("orgstart") }
        if Lexicon.facilityHeads.contains(word) { names.append("facility") }
        if Lexicon.speechVerbs.contains(lower) { names.append("speech") }
        return names
    }

    /// Two- and three-word gazetteer names ("New York", "South Korea"), marked on each word.
    private func phraseMatches(_ words: [String]) -> [UInt64?] {
        var result = [UInt64?](repeating: nil, count: words.count)
        var index = 0
        while index < words.count {
            var matched = false
            // Only capitalised runs can be names; this keeps the look-ups few.
            if words[index].unicodeScalars.first?.isUppercaseLetter == true, gazetteer.phraseFirstWords.contains(words[index]) {
                for length in [3, 2] where index + length <= words.count {
                    let phrase = words[index..<(index + length)].joined(separator: " ")
                    let kind: String?
                    if gazetteer.demonyms.contains(phrase) { kind = "demonym" }
                    else if let type = gazetteer.placeType(of: phrase) { kind = type.rawValue }
                    else { kind = nil }
                    if let kind {
                        for position in index..<(index + length) { result[position] = Self.digest((position == index ? "B-" : "I-") + kind) }
                        index += length
                        matched = true
                        break
                    }
                }
            }
            if !matched { index += 1 }
        }
        return result
    }

    static func digest(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }

    private func mix(_ template: Template, _ first: UInt64, _ second: UInt64 = 0x5bd1_e995, _ third: UInt64 = 0x1b87_3593) -> UInt64 {
        var value = template.rawValue &* 0x9E37_79B9_7F4A_7C15
        value = (value ^ first) &* 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value = (value ^ second) &* 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value = (value ^ third) &* 0xff51_afd7_ed55_8ccd
        return value ^ (value >> 33)
    }
}

/// Token views shared across documents: most words recur from article to article, and a
/// view costs a dozen gazetteer look-ups. Bounded: emptied when it grows past its limit.
final class TokenViewCache: Sendable {
    private let storage = Mutex<[String: NERFeatures.TokenView]>([:])
    static let limit = 200_000

    func view(of word: String, making make: (String) -> NERFeatures.TokenView) -> NERFeatures.TokenView {
        if let cached = storage.withLock({ $0[word] }) { return cached }
        let made = make(word)
        storage.withLock { views in
            if views.count >= Self.limit { views.removeAll(keepingCapacity: true) }
            views[word] = made
        }
        return made
    }
}
