/// A quote with its speaker resolved, ready for output.
struct AttributedQuote: Sendable {
    enum Kind: String, Sendable { case direct, partial }

    /// Scalar ranges of the quote's parts; one unless it was split around its cue.
    var parts: [Range<Int>]
    var kind: Kind
    var cue: String?
    /// Entity index and the tokens naming the speaker near the quote.
    var speaker: (entity: Int, tokens: Range<Int>)?
    var confidence: Double
}

/// Finds each quote's cue verb and speaker: the cue's subject, the name after a postposed
/// cue, a transcript label, a pronoun or title resolved to the person in focus, or the
/// speaker of the quote it continues. Drops scare quotes and quoted titles.
struct QuoteAttributor: Sendable {
    private struct SpeakerPhrase {
        var tokens: Range<Int>
        var entity: Int?
        var confidence: Double
    }

    private struct Attribution {
        var cue: String?
        var speaker: SpeakerPhrase?
    }

    func attribute(_ candidates: [QuoteCandidate], entities: [RecognizedEntity], in document: Document) -> [AttributedQuote] {
        let context = Context(document: document, entities: entities, candidates: candidates)
        var result: [AttributedQuote] = []
        var previous: (candidate: QuoteCandidate, quote: Int)?
        for candidate in candidates {
            var attribution = findCue(candidate, context)
            var inherited = false
            var mergeWithPrevious = false
            if attribution.cue == nil, let previous, let speaker = result[previous.quote].speaker {
                let samePapragraph = document.tokens[candidate.openMark].paragraph == document.tokens[previous.candidate.openMark].paragraph
                let gap = (previous.candidate.closeMark ?? previous.candidate.inner.upperBound)..<candidate.openMark
                let continuesParagraph = startsParagraph(candidate.openMark, document)
                    && document.tokens[candidate.openMark].paragraph == document.tokens[previous.candidate.openMark].paragraph + 1
                if samePapragraph && gap.count <= 12 || continuesParagraph {
                    attribution.speaker = SpeakerPhrase(tokens: speaker.tokens, entity: speaker.entity, confidence: 0.6)
                    inherited = true
                    mergeWithPrevious = samePapragraph && containsSpeechVerb(gap, document)
                }
            }
            guard keep(candidate, attribution, inherited: inherited, document) else { continue }
            if mergeWithPrevious, let previous {
                result[previous.quote].parts.append(candidate.start..<candidate.end)
                result[previous.quote].kind = .direct
                continue
            }
            let speaker = attribution.speaker.flatMap { phrase in phrase.entity.map { (entity: $0, tokens: phrase.tokens) } }
            let quote = AttributedQuote(
                parts: [candidate.start..<candidate.end],
                kind: isDirect(candidate, document) ? .direct : .partial,
                cue: attribution.cue,
                speaker: speaker,
                confidence: speaker == nil ? 0.5 : (attribution.speaker?.confidence ?? 0.5)
            )
            result.append(quote)
            previous = (candidate, result.count - 1)
        }
        return result
    }

    // MARK: - Which quotes count

    private func keep(_ candidate: QuoteCandidate, _ attribution: Attribution, inherited: Bool, _ document: Document) -> Bool {
        if attribution.cue != nil { return candidate.wordCount >= 2 || candidate.isDouble && attribution.speaker != nil }
        if inherited { return candidate.wordCount >= 3 }
        // No cue: only sentence-like quotes count; scare quotes and titles do not.
        return candidate.isDouble ? candidate.wordCount >= 6 && isDirect(candidate, document) : candidate.wordCount >= 8
    }

    private func isDirect(_ candidate: QuoteCandidate, _ document: Document) -> Bool {
        guard !candidate.inner.isEmpty else { return false }
        let tokens = document.tokens
        let last = tokens[candidate.inner.upperBound - 1]
        if last.kind == .punctuation, let mark = last.text.unicodeScalars.first, ".,!?\u{2026}".unicodeScalars.contains(mark) {
            return true
        }
        return candidate.wordCount >= 8 && tokens[candidate.inner.lowerBound].isCapitalized
    }

    // MARK: - Cues

    private func findCue(_ candidate: QuoteCandidate, _ context: Context) -> Attribution {
        let document = context.document
        let tokens = document.tokens
        // After the quote: “...,” said X / “...,” X said / “...,” X, the title, said
        if let close = candidate.closeMark {
            let sentence = document.sentenceRange(of: close)
            var index = close + 1
            while index < sentence.upperBound, tokens[index].kind == .punctuation, [",", "\u{2014}", "\u{2013}", "-", "--"].contains(tokens[index].text) {
                index += 1
            }
            let tail = index..<min(sentence.upperBound, index + 14)
            if let attribution = cueAfter(tail, context) { return attribution }
        }
        // Before the quote: X said: “...” / X told reporters “...” / X called it “...”
        let headSentence = document.sentenceRange(of: candidate.openMark)
        let head = headSentence.lowerBound..<candidate.openMark
        if let attribution = cueBefore(head, context) { return attribution }
        // A transcript label or a lead-in sentence ending with a colon in the paragraph before.
        if startsParagraph(candidate.openMark, document), candidate.openMark > 0 {
            let previous = tokens[candidate.openMark - 1]
            if previous.text == ":" {
                let previousSentence = document.sentenceRange(of: candidate.openMark - 1)
                if let attribution = cueBefore(previousSentence.lowerBound..<(candidate.openMark - 1), context, allowVerbless: true) {
                    return attribution
                }
            }
        }
        return Attribution()
    }

    private func cueAfter(_ tail: Range<Int>, _ context: Context) -> Attribution? {
        let tokens = context.document.tokens
        guard let first = tail.first else { return nil }
        // Postposed: said X
        if Lexicon.postposableVerbs.contains(tokens[first].text) {
            if let speaker = speakerPhrase(startingAt: first + 1, limit: tail.upperBound, context) {
                return Attribution(cue: tokens[first].text, speaker: speaker)
            }
            return Attribution(cue: tokens[first].text, speaker: nil)
        }
        // "according to X"
        if tokens[first].text.lowercased() == "according", first + 1 < tail.upperBound, tokens[first + 1].text == "to" {
            return Attribution(cue: "according to", speaker: speakerPhrase(startingAt: first + 2, limit: tail.upperBound, context))
        }
        // X said / X, the spokesman, said / he added
        guard let speaker = speakerPhrase(startingAt: first, limit: tail.upperBound, context) else { return nil }
        var index = speaker.tokens.upperBound
        var skipped = 0
        while index < tail.upperBound, skipped <= 8 {
            let word = tokens[index].text
            if Lexicon.speechVerbs.contains(word) { return Attribution(cue: word, speaker: speaker) }
            if word == "." || tokens[index].kind == .quoteMark(.doubleOpening) { break }
            index += 1
            skipped += 1
        }
        return nil
    }

    private func cueBefore(_ head: Range<Int>, _ context: Context, allowVerbless: Bool = false) -> Attribution? {
        let tokens = context.document.tokens
        guard !head.isEmpty else { return nil }
        // "According to X, “...”"
        if tokens[head.lowerBound].text == "According", head.count > 2, tokens[head.lowerBound + 1].text == "to" {
            return Attribution(cue: "according to", speaker: speakerPhrase(startingAt: head.lowerBound + 2, limit: head.upperBound, context))
        }
        // The last speech verb before the quote, and the subject before it.
        var verb: Int?
        for index in head.reversed() where Lexicon.speechVerbs.contains(tokens[index].text) && tokens[index].text != "according" {
            verb = index
            break
        }
        if let verb {
            if let speaker = speakerPhrase(endingBefore: verb, floor: head.lowerBound, context) {
                return Attribution(cue: tokens[verb].text, speaker: speaker)
            }
            // "said X:" as a lead-in
            if let speaker = speakerPhrase(startingAt: verb + 1, limit: head.upperBound, context) {
                return Attribution(cue: tokens[verb].text, speaker: speaker)
            }
            return Attribution(cue: tokens[verb].text, speaker: nil)
        }
        // Transcript label: NAME: “...”
        if allowVerbless || tokens[head.upperBound - 1].text == ":" {
            let end = tokens[head.upperBound - 1].text == ":" ? head.upperBound - 1 : head.upperBound
            if end > head.lowerBound, let speaker = speakerPhrase(endingBefore: end, floor: head.lowerBound, context),
               speaker.tokens.lowerBound == head.lowerBound {
                return Attribution(cue: nil, speaker: speaker)
            }
        }
        return nil
    }

    private func containsSpeechVerb(_ range: Range<Int>, _ document: Document) -> Bool {
        range.contains { $0 < document.tokens.count && Lexicon.speechVerbs.contains(document.tokens[$0].text) }
    }

    private func startsParagraph(_ index: Int, _ document: Document) -> Bool {
        index == 0 || document.tokens[index - 1].paragraph != document.tokens[index].paragraph
    }

    // MARK: - Speaker phrases

    /// A speaker phrase beginning at `start`: a pronoun, a name, or "the <role>" with an
    /// optional appositive name.
    private func speakerPhrase(startingAt start: Int, limit: Int, _ context: Context) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        guard start < limit else { return nil }
        let word = tokens[start].text.lowercased()
        if Lexicon.subjectPronouns.contains(word) {
            return SpeakerPhrase(tokens: start..<(start + 1), entity: context.resolvePronoun(word, before: start), confidence: 0.8)
        }
        // Titles or words before a name: "Foreign Minister Sergei Lavrov", "spokesman John Kirby".
        var index = start
        while index < limit, index - start <= 6 {
            if let (entity, range) = context.mention(at: index) {
                return SpeakerPhrase(tokens: range, entity: entity, confidence: 0.9)
            }
            guard tokens[index].isWord, !Lexicon.speechVerbs.contains(tokens[index].text) else { break }
            index += 1
        }
        // "the spokesman", "a company spokesperson", "the chief, Hank Stawinski"
        index = start
        while index < limit, index - start <= 5, tokens[index].isWord {
            let lower = tokens[index].text.lowercased()
            if Lexicon.roleNouns.contains(lower) {
                var after = index + 1
                if after < limit, tokens[after].text == "," { after += 1 }
                if after < limit, let (entity, range) = context.mention(at: after) {
                    return SpeakerPhrase(tokens: range, entity: entity, confidence: 0.9)
                }
                return SpeakerPhrase(tokens: start..<(index + 1), entity: context.resolveRole(lower, before: start), confidence: 0.7)
            }
            if Lexicon.speechVerbs.contains(lower) { break }
            index += 1
        }
        return nil
    }

    /// A speaker phrase ending right before `end` (the cue verb), skipping an adverb or an
    /// appositive ("X, the mayor, said").
    private func speakerPhrase(endingBefore end: Int, floor: Int, _ context: Context) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        var index = end - 1
        var steps = 0
        while index >= floor, steps < 12 {
            let token = tokens[index]
            let lower = token.text.lowercased()
            if Lexicon.subjectPronouns.contains(lower) {
                return SpeakerPhrase(tokens: index..<(index + 1), entity: context.resolvePronoun(lower, before: index), confidence: 0.8)
            }
            if let (entity, range) = context.mention(at: index) {
                return SpeakerPhrase(tokens: range, entity: entity, confidence: 0.9)
            }
            if Lexicon.roleNouns.contains(lower), index > floor {
                // "the spokesman said" / "the company said"
                var determiner = index - 1
                while determiner > floor, determiner >= index - 4, !["the", "a", "an", "The", "A", "An", "his", "her", "its", "their"].contains(tokens[determiner].text) {
                    determiner -= 1
                }
                if ["the", "a", "an", "The", "A", "An", "his", "her", "its", "their"].contains(tokens[determiner].text) {
                    return SpeakerPhrase(tokens: determiner..<(index + 1), entity: context.resolveRole(lower, before: determiner), confidence: 0.7)
                }
            }
            // Stop at clause boundaries other than an appositive comma.
            if token.kind == .quoteMark(.doubleClosing) || token.text == "." || token.text == ";" { return nil }
            if token.isWord, Lexicon.speechVerbs.contains(lower) { return nil }
            index -= 1
            steps += 1
        }
        return nil
    }
}

/// Look-ups the attributor needs: which entity a token names, and who is in focus.
private struct Context {
    let document: Document
    let entities: [RecognizedEntity]
    /// Token index -> (entity, mention token range).
    let mentionsByToken: [Int: (Int, Range<Int>)]
    /// Person mentions outside quotes, in text order: (first token, entity).
    let personMentions: [(Int, Int)]
    let organisationMentions: [(Int, Int)]

    init(document: Document, entities: [RecognizedEntity], candidates: [QuoteCandidate]) {
        self.document = document
        self.entities = entities
        var insideQuote = [Bool](repeating: false, count: document.tokens.count)
        for candidate in candidates where candidate.wordCount >= 4 {
            for index in candidate.inner { insideQuote[index] = true }
        }
        var byToken: [Int: (Int, Range<Int>)] = [:]
        var people: [(Int, Int)] = [], organisations: [(Int, Int)] = []
        for (entityIndex, entity) in entities.enumerated() {
            for mention in entity.mentions {
                for token in mention.tokens { byToken[token] = (entityIndex, mention.tokens) }
                guard !insideQuote[mention.tokens.lowerBound] else { continue }
                if entity.type == .person { people.append((mention.tokens.lowerBound, entityIndex)) }
                if entity.type == .org { organisations.append((mention.tokens.lowerBound, entityIndex)) }
            }
        }
        mentionsByToken = byToken
        personMentions = people.sorted { $0.0 < $1.0 }
        organisationMentions = organisations.sorted { $0.0 < $1.0 }
    }

    func mention(at token: Int) -> (Int, Range<Int>)? {
        guard let found = mentionsByToken[token], [.person, .org, .gpe, .norp].contains(entities[found.0].type) else { return nil }
        return found
    }

    /// "he" / "she": the most recent person before, of that gender where known.
    func resolvePronoun(_ pronoun: String, before token: Int) -> Int? {
        let wanted: Gazetteer.Gender? = pronoun == "he" ? .male : pronoun == "she" ? .female : nil
        guard let wanted else { return nil }
        for (position, entity) in personMentions.reversed() where position < token {
            let gender = entities[entity].gender
            if gender == wanted || gender == .unknown { return entity }
        }
        return nil
    }

    /// "the spokesman": the person introduced with that title; "the company": the most
    /// recent organisation.
    func resolveRole(_ role: String, before token: Int) -> Int? {
        for (position, entity) in personMentions.reversed() where position < token {
            if entities[entity].titles.contains(role) { return entity }
        }
        let organisational: Set<String> = ["company", "ministry", "department", "government", "police", "agency", "group",
                                           "organisation", "organization", "party", "firm", "court", "commission", "council",
                                           "union", "board", "team", "club", "airline", "bank", "university", "school",
                                           "hospital", "military", "army", "embassy", "office", "administration", "regulator",
                                           "authority", "campaign"]
        guard organisational.contains(role) else { return nil }
        return organisationMentions.last { $0.0 < token }?.1
    }
}
