/// Runs the enrichment stages over one article: segmentation first, then entities and
/// speech candidates (quotations, reported speech), concurrently in a long article, then
/// attribution, which needs both.
public struct ArticleEnricher: Sendable {
    private let recognizer: EntityRecognizer
    private let attributor = QuoteAttributor()
    private let confidence: QuoteConfidenceModel
    /// Below this many tokens the two stages run one after the other: handing one to another
    /// thread costs about 40 µs, a seventh of the whole work on a 100-token brief, while
    /// in a worker the cores are kept busy by other articles anyway.
    static let concurrentStagesMinimumTokens = 2_000
    public let limits: EnrichmentLimits

    /// With the bundled entity model. An installation whose model is missing or corrupt
    /// stops here with the reason: enrichment never runs on other rules than it claims.
    public init(limits: EnrichmentLimits = .default) {
        switch NERModel.bundledLoad {
        case .success(let model): self.init(model: model, limits: limits)
        case .failure(let error): fatalError("byline: \(error)")
        }
    }

    /// With an entity model of one's own (`byline ... --model PATH`), and the bundled
    /// quote-confidence model unless another is given.
    public init(model: NERModel, confidence: QuoteConfidenceModel? = nil, limits: EnrichmentLimits = .default) {
        recognizer = EntityRecognizer(gazetteer: .shared, model: model)
        switch confidence.map({ .success($0) }) ?? QuoteConfidenceModel.bundledLoad {
        case .success(let model): self.confidence = model
        case .failure(let error): fatalError("byline: \(error)")
        }
        self.limits = limits
    }

    /// Decodes, validates and enriches one JSON record.
    public func enrich(record bytes: some Collection<UInt8>, deadline: EnrichmentDeadline = .none) async throws(ArticleError) -> EnrichedArticle {
        let input = try ArticleInput.decode(bytes, maximumBytes: limits.maximumInputBytes)
        return try await enrich(input, deadline: deadline)
    }

    /// Throws `timedOut` when the deadline passes or the task is cancelled, within a
    /// sentence's or a quote's work of that moment.
    public func enrich(_ input: ArticleInput, deadline: EnrichmentDeadline = .none) async throws(ArticleError) -> EnrichedArticle {
        let clock = ContinuousClock()
        let started = clock.now
        let document = Document(text: input.text)
        try check(deadline)
        let entities: [RecognizedEntity], speech: SpeechCandidates
        if document.tokens.count >= Self.concurrentStagesMinimumTokens {
            async let recognized = recognizer.recognize(document, deadline: deadline)
            async let found = SpeechCandidates(document)
            (entities, speech) = await (recognized, found)
        } else {
            entities = recognizer.recognize(document, deadline: deadline)
            speech = SpeechCandidates(document)
        }
        try check(deadline)
        let quotes = attributor.attribute(speech, entities: entities, in: document, deadline: deadline)
        try check(deadline)
        let people = entities.count { $0.type == .person }
        let elapsed = clock.now - started
        return EnrichedArticle(
            input: input,
            entities: outputEntities(entities),
            quotes: quotes.map { outputQuote($0, entities: entities, people: people, document) },
            tookMilliseconds: elapsed.inSeconds * 1000,
            tokenCount: document.tokens.count
        )
    }

    /// A stage that saw the deadline pass stopped early: its result is partial, never returned.
    private func check(_ deadline: EnrichmentDeadline) throws(ArticleError) {
        if deadline.hasPassed { throw ArticleError(.timedOut, "enrichment stopped: time limit reached or cancelled") }
    }

    private func outputEntities(_ entities: [RecognizedEntity]) -> [EnrichedArticle.Entity] {
        entities.enumerated().map { index, entity in
            EnrichedArticle.Entity(
                id: "e\(index + 1)",
                name: entity.name,
                type: entity.type,
                mentions: entity.mentions.sorted { $0.start < $1.start }.map { EnrichedArticle.Mention(start: $0.start, end: $0.end, text: $0.text) }
            )
        }
    }

    private func outputQuote(_ quote: AttributedQuote, entities: [RecognizedEntity], people: Int, _ document: Document) -> EnrichedArticle.Quote {
        let parts = quote.parts.map { EnrichedArticle.Mention(start: $0.lowerBound, end: $0.upperBound, text: document.text($0.lowerBound, $0.upperBound)) }
        func mention(_ tokens: Range<Int>) -> EnrichedArticle.Mention {
            let start = document.tokens[tokens.lowerBound].start
            let end = document.tokens[tokens.upperBound - 1].end
            return EnrichedArticle.Mention(start: start, end: end, text: document.text(start, end))
        }
        let speaker =
            quote.speaker.map { EnrichedArticle.Speaker(name: entities[$0.entity].name, entity: "e\($0.entity + 1)", mention: mention($0.tokens)) }
            // People named together stay whole, commas of an address or a list and all.
            ?? quote.unnamedSpeaker.flatMap { quote.jointSpeakers.isEmpty ? SpeakerDescription.trimmed($0, document.tokens) : $0 }.map {
                // No entity to name: the description as written ("officials", "a senior adviser").
                let written = mention($0)
                // "They", for people named together before: their names.
                let name =
                    $0.count == 1 && Lexicon.pluralPronouns.containsLowercased(written.text) && quote.jointSpeakers.count > 1
                    ? quote.jointSpeakers.map { entities[$0].name }.joined(separator: " and ") : written.text
                return EnrichedArticle.Speaker(name: name, entity: nil, mention: written, joint: quote.jointSpeakers.map { "e\($0 + 1)" })
            }
        let evidence = QuoteEvidence.features(of: quote, people: people, entities: entities, in: document)
        return EnrichedArticle.Quote(
            text: parts.map(\.text).joined(separator: " "),
            start: parts[0].start,
            end: parts[parts.count - 1].end,
            parts: parts,
            kind: quote.kind.rawValue,
            fragments: quote.fragments.map { EnrichedArticle.Mention(start: $0.lowerBound, end: $0.upperBound, text: document.text($0.lowerBound, $0.upperBound)) },
            cue: quote.cue,
            speaker: speaker,
            confidence: (confidence.probability(evidence) * 1000).rounded() / 1000,
            evidence: evidence
        )
    }
}
