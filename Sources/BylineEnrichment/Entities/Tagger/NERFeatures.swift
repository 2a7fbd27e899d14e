import Synchronization

/// Token features for the entity tagger, as stable 64-bit hashes (each string is digested
/// once with FNV-1a, then mixed with the feature's template number), so a model file means
/// the same in every process and no feature builds a string.
///
/// Word form and lower case, shape, affixes, capitalisation and sentence position, the
/// neighbouring words and shapes, gazetteer membership of the word and its neighbours,
/// multi-word gazetteer matches, word clusters of the word and its neighbours, and one
/// document-level cue: whether the word is also written in lower case elsewhere in the
/// document, and how its other occurrences are used (after a title or a given name,
/// before an organisation word, after "in").
package struct NERFeatures: Sendable {
    package let gazetteer: Gazetteer
    let clusters: WordClusters
    /// Most words recur from article to article, and a view costs a dozen gazetteer
    /// look-ups: views are made once per word and process.
    private let views = WordCache<TokenView>()
    private let wordClasses: WordClassTable

    package init(gazetteer: Gazetteer, clusters: WordClusters = .shared) {
        self.gazetteer = gazetteer
        self.clusters = clusters
        wordClasses = WordClassTable(gazetteer)
    }

    private enum Template: UInt64 {
        case bias = 1, word, lower, shape, prefix2, prefix3, suffix2, suffix3, suffix4
        case previousLower, nextLower, previous2Lower, next2Lower, previousShape, nextShape
        case previousAndWord, wordAndNext, firstInSentence, gazetteerClass, previousGazetteer, nextGazetteer
        case phraseGazetteer, lowerElsewhere, allCapsLength, shapeWindow, previousPair, documentUse, firstPassClass
        case tableRowShape, tableRowClass, topicShape, topicClass
        case cluster, previousCluster, nextCluster
    }

    /// What the whole document says about its words. Each distinct word is looked up
    /// once per document and then named by its place in `views`: the per-token work is
    /// one digest and one probe, not a string hash per map.
    package struct DocumentContext: Sendable {
        /// Each distinct word's view.
        var views: [TokenView] = []
        /// Each sentence's tokens, as places in `views`.
        var sentenceWords: [[Int32]] = []
        /// Per distinct word: how its capitalised occurrences are used (bits of `Use`).
        var uses: [UInt16] = []
        /// Per distinct word: its lower case is also written as a word of its own.
        var lowerElsewhere: [Bool] = []
        /// Per distinct word: the class a first-pass tagger gave it most often in this
        /// document ("Clinton" tagged PER in one sentence helps in another).
        var firstPassClass: [NERClass?] = []
        /// The document's first word in lower case: a wire story's subject line ("SOCCER -",
        /// "Markets:") says how its names are used (a city is a club in sports results).
        var topic: UInt64 = 0
        /// Per sentence: mostly numbers, a row of a results or prices table.
        var tableRows: [Bool] = []

        func view(sentence: Int, token: Int) -> TokenView { views[Int(sentenceWords[sentence][token])] }
    }

    /// How a capitalised word is used, as bits. The digests of the names are part of the
    /// model; a bit's place is its digest's rank, so features come out in ascending digest
    /// order, the order the shipped model was trained with.
    private enum Use {
        static let names = [
            "after-title", "after-given", "after-locative", "inside-name", "initial",
            "before-orghead", "before-speech", "before-name", "alone",
        ]
        static let digests: [UInt64] = names.map(WordIndex.digest).sorted()
        static func bit(_ name: String) -> UInt16 { 1 << UInt16(digests.firstIndex(of: WordIndex.digest(name))!) }
        static let afterTitle = bit("after-title"), afterGiven = bit("after-given")
        static let afterLocative = bit("after-locative"), insideName = bit("inside-name")
        static let initial = bit("initial"), beforeOrganisationHead = bit("before-orghead")
        static let beforeSpeech = bit("before-speech"), beforeName = bit("before-name")
        static let alone = bit("alone")
    }

    /// Looks at every occurrence of each capitalised word in the document's sentences.
    package func documentContext(_ sentences: [[String]]) -> DocumentContext {
        var context = DocumentContext()
        var index = WordIndex(expectedCount: sentences.reduce(0) { $0 + $1.count } / 2)
        var distinctWords: [(word: String, digest: UInt64)] = []
        context.sentenceWords = sentences.map { words in
            words.map { word in
                let digest = WordIndex.digest(word)
                let (place, isNew) = index.place(of: digest)
                if isNew { distinctWords.append((word, digest)) }
                return place
            }
        }
        context.views = views.values(for: distinctWords.map(\.digest)) { [makeView(distinctWords[$0].word)] }
        var writtenLowercase = WordIndex(expectedCount: context.views.count)
        for view in context.views where !view.isCapitalised { _ = writtenLowercase.place(of: view.word) }
        context.uses = [UInt16](repeating: 0, count: context.views.count)
        for places in context.sentenceWords {
            for (position, place) in places.enumerated() where context.views[Int(place)].isCapitalised {
                var found: UInt16 = 0
                if position > 0 {
                    let previous = context.views[Int(places[position - 1])]
                    if previous.isTitle { found |= Use.afterTitle }
                    if previous.isGivenName { found |= Use.afterGiven }
                    if previous.isLocativePreposition { found |= Use.afterLocative }
                    if previous.isCapitalised { found |= Use.insideName }
                } else {
                    found |= Use.initial
                }
                if position + 1 < places.count {
                    let next = context.views[Int(places[position + 1])]
                    if next.isOrganisationHead { found |= Use.beforeOrganisationHead }
                    if next.isSpeechVerb { found |= Use.beforeSpeech }
                    if next.isCapitalised { found |= Use.beforeName }
                }
                context.uses[Int(place)] |= found == 0 ? Use.alone : found
            }
        }
        context.lowerElsewhere = context.views.map { $0.isCapitalised && writtenLowercase.contains($0.lower) }
        context.firstPassClass = [NERClass?](repeating: nil, count: context.views.count)
        if let first = context.sentenceWords.first(where: { !$0.isEmpty })?.first { context.topic = context.views[Int(first)].lower }
        context.tableRows = sentences.map { words in
            let numbers = words.filter { $0.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false }.count
            return numbers >= 2 && numbers * 3 >= words.count
        }
        return context
    }

    /// Adds the first pass's document-wide votes to a context.
    package func addFirstPass(_ tags: [[NERTag]], to context: inout DocumentContext) {
        let classes = NERClass.allCases
        var votes = [Int](repeating: 0, count: context.views.count * classes.count)
        for (places, sentenceTags) in zip(context.sentenceWords, tags) {
            for span in NERSpan.spans(sentenceTags) {
                let column = classes.firstIndex(of: span.entityClass)!
                for position in span.range { votes[Int(places[position]) * classes.count + column] += 1 }
            }
        }
        // The most votes; a tie goes to the class whose name sorts first.
        let byName = classes.indices.sorted { classes[$0].rawValue < classes[$1].rawValue }
        for place in context.views.indices {
            var best: Int?
            for column in byName where votes[place * classes.count + column] > 0 {
                if best == nil || votes[place * classes.count + column] > votes[place * classes.count + best!] { best = column }
            }
            context.firstPassClass[place] = best.map { classes[$0] }
        }
    }

    private static let firstPassDigests = Dictionary(uniqueKeysWithValues: NERClass.allCases.map { ($0, WordIndex.digest($0.rawValue)) })

    /// The feature the first pass adds to a token, if any.
    package func firstPassFeature(sentence: Int, token: Int, _ context: DocumentContext) -> UInt64? {
        context.firstPassClass[Int(context.sentenceWords[sentence][token])].map { mix(.firstPassClass, Self.firstPassDigests[$0]!) }
    }

    /// The feature hashes of a sentence's tokens, flat: token i owns
    /// `hashes[ends[i - 1]..<ends[i]]` (one allocation per sentence, not per token).
    package struct SentenceFeatures: Sendable {
        var hashes: [UInt64] = []
        var ends: [Int] = []

        var count: Int { ends.count }

        func range(of token: Int) -> Range<Int> { (token == 0 ? 0 : ends[token - 1])..<ends[token] }

        /// The features of each token, one array apiece (for training).
        package var perToken: [[UInt64]] { (0..<count).map { Array(hashes[range(of: $0)]) } }
    }

    /// What the tagger needs of one word, made once per distinct word. Plain values only,
    /// so copying one costs no reference counting.
    struct TokenView: Sendable {
        let isCapitalised: Bool
        let isAllCaps: Bool
        let isLocativePreposition: Bool
        /// The word can start a multi-word gazetteer name.
        let startsPhrase: Bool
        let length: Int
        let word, lower, shape, prefix2, prefix3, suffix2, suffix3, suffix4: UInt64
        /// Gazetteer and lexicon classes, as bits of `WordClass`.
        let classes: UInt16
        /// The word's clusters (`WordClusters`), 16 bits per level.
        let clusters: UInt64

        var isTitle: Bool { classes & WordClass.title != 0 }
        var isGivenName: Bool { classes & WordClass.givenName != 0 }
        var isOrganisationHead: Bool { classes & WordClass.organisationHead != 0 }
        var isSpeechVerb: Bool { classes & WordClass.speechVerb != 0 }
    }

    /// Word classes by bit; a bit's place is the order the shipped model's features were
    /// trained in, and its name's digest is the feature.
    enum WordClass {
        static let names = [
            "country", "province", "bigcity", "city", "region", "demonym", "given-male", "given-female",
            "given-unknown", "title", "common", "orghead", "orgstart", "facility", "speech",
        ]
        static let digests = names.map(WordIndex.digest)
        static func bit(_ name: String) -> UInt16 { 1 << UInt16(names.firstIndex(of: name)!) }
        static let title = bit("title"), organisationHead = bit("orghead"), speechVerb = bit("speech")
        static let givenName = bit("given-male") | bit("given-female") | bit("given-unknown")
    }

    private static let sentenceStart = WordIndex.digest("<s>"), sentenceEnd = WordIndex.digest("</s>")

    /// A word's own features, which no context changes: form, affixes, shape, classes.
    func wordFeatures(_ token: TokenView, into hashes: inout [UInt64]) {
        hashes.append(mix(.bias, 0))
        hashes.append(mix(.word, token.word))
        hashes.append(mix(.lower, token.lower))
        hashes.append(mix(.shape, token.shape))
        hashes.append(mix(.prefix2, token.prefix2))
        hashes.append(mix(.prefix3, token.prefix3))
        hashes.append(mix(.suffix2, token.suffix2))
        hashes.append(mix(.suffix3, token.suffix3))
        hashes.append(mix(.suffix4, token.suffix4))
        appendClasses(token.classes, .gazetteerClass, to: &hashes)
        appendClusters(token.clusters, .cluster, to: &hashes)
        if token.isAllCaps { hashes.append(mix(.allCapsLength, UInt64(min(token.length, 6)))) }
    }

    /// The features a word gives the token `offset` places from it (-2, -1, 1 or 2), which
    /// depend on that word alone: its lower case, shape, classes and clusters.
    func neighbourFeatures(_ neighbour: TokenView, at offset: Int, into hashes: inout [UInt64]) {
        switch offset {
        case -2: hashes.append(mix(.previous2Lower, neighbour.lower))
        case 2: hashes.append(mix(.next2Lower, neighbour.lower))
        case -1:
            hashes.append(mix(.previousLower, neighbour.lower))
            hashes.append(mix(.previousShape, neighbour.shape))
            appendClasses(neighbour.classes, .previousGazetteer, to: &hashes)
            appendClusters(neighbour.clusters & Self.neighbourClusterLevels, .previousCluster, to: &hashes)
        case 1:
            hashes.append(mix(.nextLower, neighbour.lower))
            hashes.append(mix(.nextShape, neighbour.shape))
            appendClasses(neighbour.classes, .nextGazetteer, to: &hashes)
            appendClusters(neighbour.clusters & Self.neighbourClusterLevels, .nextCluster, to: &hashes)
        default: preconditionFailure("no neighbour features at offset \(offset)")
        }
    }

    /// Features of each token of sentence `sentence` of `document` (without the
    /// first-pass feature). Without `includingWordFeatures`, not the word's own; without
    /// `includingNeighbourFeatures`, not those a neighbouring word gives (`neighbourFeatures`),
    /// only the sentence-boundary ones in their place: the tagger adds those from its cache.
    package func extract(
        _ words: [String], sentence: Int, document: DocumentContext, includingWordFeatures: Bool = true, includingNeighbourFeatures: Bool = true
    ) -> SentenceFeatures {
        let places = document.sentenceWords[sentence]
        var result = SentenceFeatures()
        result.hashes.reserveCapacity(words.count * 32)
        result.ends.reserveCapacity(words.count)
        document.views.withUnsafeBufferPointer { allViews in
            let views = PlacedViews(views: allViews, places: places)
            let phrases = phraseMatches(words, views)
            for index in words.indices {
                let token = views[index]
                let previous = index > 0 ? views[index - 1].lower : Self.sentenceStart
                let next = index + 1 < views.count ? views[index + 1].lower : Self.sentenceEnd
                let previous2 = index > 1 ? views[index - 2].lower : Self.sentenceStart
                let next2 = index + 2 < views.count ? views[index + 2].lower : Self.sentenceEnd
                let previousShape = index > 0 ? views[index - 1].shape : Self.sentenceStart
                let nextShape = index + 1 < views.count ? views[index + 1].shape : Self.sentenceEnd
                if includingWordFeatures { wordFeatures(token, into: &result.hashes) }
                if includingNeighbourFeatures {
                    result.hashes.append(mix(.previousLower, previous))
                    result.hashes.append(mix(.nextLower, next))
                    result.hashes.append(mix(.previous2Lower, previous2))
                    result.hashes.append(mix(.next2Lower, next2))
                    result.hashes.append(mix(.previousShape, previousShape))
                    result.hashes.append(mix(.nextShape, nextShape))
                } else {
                    // Past the sentence's ends there is no word to give these.
                    if index == 0 { result.hashes.append(mix(.previousLower, Self.sentenceStart)) }
                    if index + 1 == views.count { result.hashes.append(mix(.nextLower, Self.sentenceEnd)) }
                    if index < 2 { result.hashes.append(mix(.previous2Lower, Self.sentenceStart)) }
                    if index + 2 >= views.count { result.hashes.append(mix(.next2Lower, Self.sentenceEnd)) }
                    if index == 0 { result.hashes.append(mix(.previousShape, Self.sentenceStart)) }
                    if index + 1 == views.count { result.hashes.append(mix(.nextShape, Self.sentenceEnd)) }
                }
                result.hashes.append(mix(.previousAndWord, previous, token.lower))
                result.hashes.append(mix(.wordAndNext, token.lower, next))
                result.hashes.append(mix(.shapeWindow, previousShape, token.shape, nextShape))
                result.hashes.append(mix(.previousPair, previous2, previous))
                if index == 0 { result.hashes.append(mix(.firstInSentence, token.shape)) }
                if includingNeighbourFeatures {
                    if index > 0 { appendClasses(views[index - 1].classes, .previousGazetteer, to: &result.hashes) }
                    if index + 1 < views.count { appendClasses(views[index + 1].classes, .nextGazetteer, to: &result.hashes) }
                    if index > 0 { appendClusters(views[index - 1].clusters & Self.neighbourClusterLevels, .previousCluster, to: &result.hashes) }
                    if index + 1 < views.count {
                        appendClusters(views[index + 1].clusters & Self.neighbourClusterLevels, .nextCluster, to: &result.hashes)
                    }
                }
                if !phrases.isEmpty, let phrase = phrases[index] { result.hashes.append(mix(.phraseGazetteer, phrase)) }
                if document.tableRows[sentence] {
                    result.hashes.append(mix(.tableRowShape, token.shape))
                    appendClasses(token.classes, .tableRowClass, to: &result.hashes)
                }
                if token.isCapitalised {
                    result.hashes.append(mix(.topicShape, document.topic, token.shape))
                    appendClasses(token.classes, .topicClass, with: document.topic, to: &result.hashes)
                    let place = Int(places[index])
                    if document.lowerElsewhere[place] { result.hashes.append(mix(.lowerElsewhere, 0)) }
                    var uses = document.uses[place]
                    while uses != 0 {
                        result.hashes.append(mix(.documentUse, Use.digests[uses.trailingZeroBitCount]))
                        uses &= uses - 1
                    }
                }
                result.ends.append(result.hashes.count)
            }
        }
        return result
    }

    /// A sentence's token views read in place from the document's distinct words, rather
    /// than copied into an array per sentence.
    private struct PlacedViews {
        let views: UnsafeBufferPointer<TokenView>
        let places: [Int32]
        var count: Int { places.count }
        subscript(index: Int) -> TokenView { views[Int(places[index])] }
    }

    private func appendClasses(_ classes: UInt16, _ template: Template, with other: UInt64? = nil, to hashes: inout [UInt64]) {
        var remaining = classes
        while remaining != 0 {
            let name = WordClass.digests[remaining.trailingZeroBitCount]
            hashes.append(other.map { mix(template, name, $0) } ?? mix(template, name))
            remaining &= remaining - 1
        }
    }

    /// Neighbours' clusters at the middle level (256 clusters) only: the other levels
    /// added look-ups to every token and no accuracy on CoNLL's development set.
    private static let neighbourClusterLevels: UInt64 = 0xffff_0000

    /// One feature per level the word has a cluster at.
    private func appendClusters(_ clusters: UInt64, _ template: Template, to hashes: inout [UInt64]) {
        var remaining = clusters, level: UInt64 = 0
        while remaining != 0 {
            if remaining & 0xffff != 0 { hashes.append(mix(template, level, remaining & 0xffff)) }
            remaining >>= 16
            level += 1
        }
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
        let isAllCaps = isCapitalised && word.count > 1 && word == word.uppercased()
        let wordDigest = WordIndex.digest(word), lowerDigest = WordIndex.digest(lower)
        return TokenView(
            isCapitalised: isCapitalised,
            isAllCaps: isAllCaps,
            isLocativePreposition: word.utf8.count <= 4 && Self.locativePrepositions.contains(word),
            startsPhrase: isCapitalised && wordClasses.startsPhrase(word: wordDigest),
            length: lowerScalars.count,
            word: wordDigest,
            lower: lowerDigest,
            shape: WordIndex.digest(Self.shape(word)),
            prefix2: digestScalars(lowerScalars.prefix(2)),
            prefix3: digestScalars(lowerScalars.prefix(3)),
            suffix2: digestScalars(lowerScalars.suffix(2)),
            suffix3: digestScalars(lowerScalars.suffix(3)),
            suffix4: digestScalars(lowerScalars.suffix(4)),
            classes: wordClasses.classes(word: wordDigest, lower: lowerDigest),
            clusters: clusters.clusters(ofLower: lowerDigest)
        )
    }

    private static let locativePrepositions: WordSet = ["in", "at", "near", "from", "to"]

    /// "Xxxx", "XX", "Xx-Xx", "d.d": letters and digits by class, repeats folded.
    static func shape(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        for scalar in word.unicodeScalars {
            let mapped: Unicode.Scalar
            if scalar.isUppercaseLetter { mapped = "X" } else if scalar.isLetter { mapped = "x" } else if scalar.value >= 0x30 && scalar.value <= 0x39 { mapped = "d" } else { mapped = scalar }
            if mapped != last { result.append(mapped) }
            last = mapped
        }
        return String(result)
    }

    /// Two- and three-word gazetteer names ("New York", "South Korea"), marked on each word.
    /// Empty when no word of the sentence can start a name of several words.
    private func phraseMatches(_ words: [String], _ views: PlacedViews) -> [UInt64?] {
        guard (0..<views.count).contains(where: { views[$0].startsPhrase }) else { return [] }
        var result = [UInt64?](repeating: nil, count: words.count)
        var index = 0
        while index < words.count {
            var matched = false
            // Only capitalised runs can be names; this keeps the look-ups few.
            if views[index].startsPhrase {
                for length in stride(from: 3, through: 2, by: -1) where index + length <= words.count {
                    // The digest of the words joined by spaces, without joining them.
                    let phraseWords = words[index..<(index + length)]
                    var phrase = WordIndex.digest(words[index])
                    for word in phraseWords.dropFirst() { phrase = WordIndex.digest(word, continuing: WordIndex.digest(" ", continuing: phrase)) }
                    let kind: String?
                    if gazetteer.demonyms.contains(digest: phrase) {
                        kind = "demonym"
                    } else if let type = gazetteer.placeType(ofPhrase: phraseWords, digest: phrase) {
                        kind = type.rawValue
                    } else {
                        kind = nil
                    }
                    if let kind {
                        for position in index..<(index + length) { result[position] = WordIndex.digest((position == index ? "B-" : "I-") + kind) }
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

/// The gazetteer and lexicon classes of every word they know, under two look-ups (the
/// word as written, and its lower case) instead of one per list: a view of a new word
/// cost a dozen string hashes.
final class WordClassTable: Sendable {
    /// Class bits by the digest of the word as written, and by the digest of its lower case.
    private let byWord: DigestTable
    private let byLower: DigestTable
    /// A flag beside the class bits of `byWord`: the word starts a name of several words.
    private static let startsPhraseFlag: UInt16 = 1 << 15

    init(_ gazetteer: Gazetteer) {
        typealias WordClass = NERFeatures.WordClass
        var byWord = DigestTable(), byLower = DigestTable()
        func mark(_ words: some Sequence<String>, _ name: String, in table: inout DigestTable) {
            let bit = WordClass.bit(name)
            for word in words { table.add(bit, to: WordIndex.digest(word)) }
        }
        mark(gazetteer.countries.words, "country", in: &byWord)
        mark(gazetteer.provinces.words, "province", in: &byWord)
        for (city, population) in gazetteer.cityPopulations {
            byWord.add(WordClass.bit(population >= 100_000 ? "bigcity" : "city"), to: WordIndex.digest(city))
        }
        mark(gazetteer.regions.words, "region", in: &byWord)
        mark(gazetteer.demonyms.words, "demonym", in: &byWord)
        // One bit per gender, looked up once (interpolating the enum per name is slow).
        let genderBits: [Gazetteer.Gender: UInt16] = [
            .male: WordClass.bit("given-male"), .female: WordClass.bit("given-female"), .unknown: WordClass.bit("given-unknown"),
        ]
        for (name, gender) in gazetteer.givenNames { byWord.add(genderBits[gender]!, to: WordIndex.digest(name)) }
        mark(gazetteer.titles.words, "title", in: &byLower)
        mark(Lexicon.personTitles.words, "title", in: &byLower)
        mark(gazetteer.commonWords.words, "common", in: &byLower)
        mark(Lexicon.organisationHeads.words, "orghead", in: &byWord)
        mark(Lexicon.organisationStarts.words, "orgstart", in: &byWord)
        mark(Lexicon.facilityHeads.words, "facility", in: &byWord)
        mark(Lexicon.speechVerbs.words, "speech", in: &byLower)
        for word in gazetteer.phraseFirstWords.words { byWord.add(Self.startsPhraseFlag, to: WordIndex.digest(word)) }
        self.byWord = byWord
        self.byLower = byLower
    }

    /// The class bits of a word, from the digests of the word and of its lower case.
    func classes(word: UInt64, lower: UInt64) -> UInt16 { (byWord[word] & ~Self.startsPhraseFlag) | byLower[lower] }

    func startsPhrase(word: UInt64) -> Bool { byWord[word] & Self.startsPhraseFlag != 0 }

    /// Digest -> bits, by open addressing over full digests (no string hashing per look-up).
    private struct DigestTable {
        private var index = WordIndex(expectedCount: 1 << 16)
        private var bits: [UInt16] = []

        mutating func add(_ bit: UInt16, to digest: UInt64) {
            let (place, isNew) = index.place(of: digest)
            if isNew { bits.append(0) }
            bits[Int(place)] |= bit
        }

        subscript(digest: UInt64) -> UInt16 { index.existingPlace(of: digest).map { bits[Int($0)] } ?? 0 }
    }
}

/// Something made once per word and process (a token view, emission sums), keyed by the
/// word's digest so that a look-up hashes no string, under one lock per document.
/// Bounded: emptied when it would grow past its limit. Each word has `width` values side
/// by side, so a word's row of sums is copied out, with no array per word to retain.
final class WordCache<Value: Sendable>: Sendable {
    private struct Storage {
        var index = WordIndex()
        var values: [Value] = []
    }
    private let storage = Mutex(Storage())
    let limit: Int
    let width: Int

    init(limit: Int = 200_000, width: Int = 1) {
        self.limit = limit
        self.width = width
    }

    /// The `width` values of each digest, in order and side by side, making (from its
    /// position in `digests`) those not cached yet.
    func values(for digests: [UInt64], making make: (Int) -> [Value]) -> [Value] {
        storage.withLock { storage in
            if storage.index.count + digests.count > limit { storage = Storage() }
            var result: [Value] = []
            result.reserveCapacity(digests.count * width)
            for position in digests.indices {
                let (place, isNew) = storage.index.place(of: digests[position])
                if isNew {
                    let made = make(position)
                    precondition(made.count == width, "a word cache value of the wrong width")
                    storage.values.append(contentsOf: made)
                }
                let start = Int(place) * width
                result.append(contentsOf: storage.values[start..<(start + width)])
            }
            return result
        }
    }
}
