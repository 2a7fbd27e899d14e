import Foundation

/// Why a confidence model file could not be used.
public struct QuoteConfidenceModelError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A logistic regression over a quote's evidence (`QuoteEvidence`): the probability that
/// the entry is speech and its speaker, or its lack of one, is right. Trained by
/// `byline train-confidence` on PolNeAR's annotated attributions (MODEL_CARD.md).
public struct QuoteConfidenceModel: Sendable, Equatable {
    public let bias: Double
    public let weights: [String: Double]
    /// The weights by feature digest: every quote asks for a dozen, and a `Dictionary`
    /// hashes each name with SipHash.
    private let weightPlaces: WordIndex
    private let weightsByPlace: [Double]

    public init(bias: Double, weights: [String: Double]) {
        self.bias = bias
        self.weights = weights
        var places = WordIndex(expectedCount: weights.count)
        var byPlace: [Double] = []
        for (feature, weight) in weights where places.place(of: WordIndex.digest(feature)).isNew { byPlace.append(weight) }
        weightPlaces = places
        weightsByPlace = byPlace
    }

    public static func == (first: Self, second: Self) -> Bool { first.bias == second.bias && first.weights == second.weights }

    public func probability(_ evidence: [String]) -> Double {
        var score = bias
        for feature in evidence { score += weightPlaces.existingPlace(of: WordIndex.digest(feature)).map { weightsByPlace[Int($0)] } ?? 0 }
        return 1 / (1 + exp(-score))
    }

    /// The file: a header line, then `bias` and one `feature<TAB>weight` line per feature,
    /// sorted, so the same weights always give the same bytes.
    static let header = "# byline quote-confidence 1"

    public func fileContents() -> String {
        var lines = [Self.header, "bias\t\(Self.format(bias))"]
        for (feature, weight) in weights.sorted(by: { $0.key < $1.key }) { lines.append("\(feature)\t\(Self.format(weight))") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ weight: Double) -> String { String(format: "%.6f", weight) }

    public init(fileContents text: String) throws(QuoteConfidenceModelError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first.map(String.init) == Self.header else {
            throw QuoteConfidenceModelError(message: "not a quote-confidence model (its first line is not \"\(Self.header)\")")
        }
        lines = lines.dropFirst()
        var bias: Double?
        var weights: [String: Double] = [:]
        for (number, line) in zip(2..., lines) {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let weight = Double(fields[1]), weight.isFinite else {
                throw QuoteConfidenceModelError(message: "quote-confidence model line \(number) is not \"feature<TAB>weight\"")
            }
            if fields[0] == "bias" { bias = weight } else { weights[String(fields[0])] = weight }
        }
        guard let bias else { throw QuoteConfidenceModelError(message: "quote-confidence model has no bias line") }
        self.init(bias: bias, weights: weights)
    }

    /// The model shipped with Byline, or why it cannot be used.
    public static let bundledLoad = Result { () throws(QuoteConfidenceModelError) -> QuoteConfidenceModel in
        guard let url = Bundle.module.url(forResource: "quote-confidence", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw QuoteConfidenceModelError(message: "quote-confidence.tsv is missing from the installation (the resource bundle beside the binary)")
        }
        return try QuoteConfidenceModel(fileContents: text)
    }
}

/// What the confidence model sees of one attributed quote: its kind, cue, how its speaker
/// was found and named, how far the speaker's mention is from it, and the article around.
/// Words are bucketed so the weights carry over to articles unlike the training ones. The
/// names are made once, in tables: this runs for every quote of every article.
enum QuoteEvidence {
    static func features(of quote: AttributedQuote, people: Int, entities: [RecognizedEntity], in document: Document) -> [String] {
        let tokens = document.tokens
        let first = tokens.firstIndex(keyAtLeast: quote.parts[0].lowerBound) { $0.start }
        let last = max(first, tokens.firstIndex(keyAtLeast: quote.parts[quote.parts.count - 1].upperBound) { $0.start } - 1)
        let kind = kindIndex(quote.kind)
        var features = [Names.kind[kind], cueFeature(quote.cue), Names.kindAndCue[kind][quote.cue == nil ? 0 : 1]]
        features.reserveCapacity(18)
        features.append(Names.length[bucket(last - first + 1, [3, 10, 30])])
        if quote.parts.count > 1 { features.append("split") }
        if !quote.fragments.isEmpty { features.append("fragments") }
        if first < tokens.count, tokens[first].paragraph == 0 { features.append("first-paragraph") }
        features.append(Names.people[bucket(people, [1, 3, 8])])
        guard let speaker = quote.speaker else {
            let unnamed = quote.hasUnnamedSpeaker ? 1 : 0
            features += [Names.noSpeaker[unnamed], Names.kindAndNoSpeaker[kind][unnamed]]
            return features
        }
        let entity = entities[speaker.entity]
        let form = mentionForm(speaker.tokens, tokens)
        let rule = min(100, max(0, Int(((quote.speakerRuleConfidence ?? 0) * 100).rounded())))
        features += [
            Names.speakerType[entity.type] ?? "speaker=\(entity.type.rawValue)", Names.mention[form], Names.kindAndMention[kind][form],
            Names.rule[rule], Names.speakerMentions[bucket(entity.mentions.count, [1, 3, 8])],
        ]
        let mention = speaker.tokens
        let side: Int, gap: Int
        if mention.upperBound <= first {
            (side, gap) = (0, first - mention.upperBound)
        } else if mention.lowerBound > last {
            (side, gap) = (1, mention.lowerBound - last - 1)
        } else {
            (side, gap) = (2, 0)
        }
        features += [Names.side[side], Names.gap[bucket(gap, [2, 8, 20])], Names.sideAndMention[side][form]]
        let sentences = abs(tokens[min(mention.lowerBound, tokens.count - 1)].sentence - tokens[min(first, tokens.count - 1)].sentence)
        features.append(Names.sentencesApart[bucket(sentences, [0, 1, 3])])
        return features
    }

    private static func kindIndex(_ kind: AttributedQuote.Kind) -> Int {
        switch kind {
        case .direct: 0
        case .partial: 1
        case .indirect: 2
        case .mixed: 3
        }
    }

    /// Every feature name, made once.
    private enum Names {
        static let kinds = ["direct", "partial", "indirect", "mixed"]
        static let forms = ["pronoun", "one-word-name", "name", "description"]
        static let sides = ["before", "after", "inside"]
        static let kind = kinds.map { "kind=\($0)" }
        static let kindAndCue = kinds.map { kind in ["none", "some"].map { "kind=\(kind)&cue=\($0)" } }
        static let noSpeaker = ["speaker=none", "speaker=unnamed"]
        static let kindAndNoSpeaker = kinds.map { kind in ["none", "unnamed"].map { "kind=\(kind)&speaker=\($0)" } }
        static let mention = forms.map { "mention=\($0)" }
        static let kindAndMention = kinds.map { kind in forms.map { "kind=\(kind)&mention=\($0)" } }
        static let side = sides.map { "side=\($0)" }
        static let sideAndMention = sides.map { side in forms.map { "side=\(side)&mention=\($0)" } }
        static let rule = (0...100).map { "rule=\($0)" }
        static let speakerType = Dictionary(uniqueKeysWithValues: EntityType.allCases.map { ($0, "speaker=\($0.rawValue)") })
        static let length = bucketNames("length", [3, 10, 30])
        static let people = bucketNames("people", [1, 3, 8])
        static let speakerMentions = bucketNames("speaker-mentions", [1, 3, 8])
        static let gap = bucketNames("gap", [2, 8, 20])
        static let sentencesApart = bucketNames("sentences-apart", [0, 1, 3])
        static let cueClasses = ["none", "according", "colon", "other"] + Set(frequentCues.map(\.1)).sorted()
        static let cue = Dictionary(uniqueKeysWithValues: cueClasses.map { ($0, "cue=\($0)") })

        /// "0", "1-3", ... for the limits given: each bucket ends at its limit.
        private static func bucketNames(_ name: String, _ limits: [Int]) -> [String] {
            var low = 0
            var names: [String] = []
            for limit in limits {
                names.append(low == limit ? "\(name)=\(limit)" : "\(name)=\(low)-\(limit)")
                low = limit + 1
            }
            return names + ["\(name)=\(low)+"]
        }
    }

    private static func cueFeature(_ cue: String?) -> String { Names.cue[cueClass(cue)]! }

    /// The cue's verb as one of the frequent reporting verbs, or "other".
    private static func cueClass(_ cue: String?) -> String {
        guard let cue else { return "none" }
        return commonCues[cue] ?? classifiedCue(cue)
    }

    private static func classifiedCue(_ cue: String) -> String {
        let words = cue.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains("according") { return "according" }
        if cue.unicodeScalars.contains(":") && words.isEmpty { return "colon" }
        for word in words {
            for (stem, name) in frequentCues where word.hasPrefix(stem) { return name }
        }
        return "other"
    }

    /// The cues most entries have, classified once and then looked up whole.
    private static let commonCues = Dictionary(
        uniqueKeysWithValues: [
            "said", "says", "say", "saying", "told", "tells", "added", "adds", "wrote", "writes", "according to", ":", "asked", "tweeted",
        ].map { ($0, classifiedCue($0)) })

    private static let frequentCues: [(String, String)] = [
        ("said", "say"), ("say", "say"), ("told", "tell"), ("tell", "tell"), ("add", "add"), ("wrote", "write"), ("writ", "write"),
        ("ask", "ask"), ("tweet", "tweet"), ("explain", "explain"), ("note", "note"), ("argu", "argue"), ("claim", "claim"),
        ("announc", "announce"), ("report", "report"), ("warn", "warn"), ("insist", "insist"), ("call", "call"),
    ]

    private static func mentionForm(_ mention: Range<Int>, _ tokens: [Token]) -> Int {
        let word = tokens[mention.lowerBound].text
        if mention.count == 1, Lexicon.subjectPronouns.containsLowercased(word) { return 0 }
        return tokens[mention.lowerBound].isCapitalized ? (mention.count == 1 ? 1 : 2) : 3
    }

    /// The index of the bucket `value` falls in: each bucket ends at its limit.
    private static func bucket(_ value: Int, _ limits: [Int]) -> Int {
        limits.firstIndex { value <= $0 } ?? limits.count
    }
}
