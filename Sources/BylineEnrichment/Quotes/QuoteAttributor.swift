/// A quote or reported speech with its speaker resolved, ready for output.
struct AttributedQuote: Sendable {
    enum Kind: String, Sendable { case direct, partial, indirect, mixed }

    /// Scalar ranges of the quote's parts; one unless it was split around its cue.
    var parts: [Range<Int>]
    var kind: Kind
    /// Scalar ranges of the quoted words inside mixed reported speech.
    var fragments: [Range<Int>] = []
    var cue: String?
    /// Entity index and the tokens naming the speaker near the quote.
    var speaker: (entity: Int, tokens: Range<Int>)?
    /// How sure the rule that found the speaker was; one input of the learned confidence.
    var speakerRuleConfidence: Double?
    /// Tokens of a phrase that describes the speaker but names no entity: "a spokesman",
    /// "officials".
    var unnamedSpeaker: Range<Int>?
    /// Entity indices of the people an unnamed speaker names together ("Ryan and Trump").
    var jointSpeakers: [Int] = []
    var hasUnnamedSpeaker: Bool { unnamedSpeaker != nil }
}

/// Finds each quote's cue verb and speaker: the cue's subject, the name after a postposed
/// cue, a transcript label, a pronoun or title resolved to the person in focus, or the
/// speaker of the quote it continues. Drops scare quotes and quoted titles.
struct QuoteAttributor: Sendable {
    private struct Attribution {
        var cue: String?
        var speaker: SpeakerPhrase?
        /// Named by a signature after a dash (“...” ― Name) or a transcript label (Name: “...”):
        /// as explicit as a cue, so such a quote never inherits the speaker of the quote before.
        var namedExplicitly = false
    }

    /// What the latest entry covers, for a quote that continues it.
    private struct Latest {
        var lastToken: Int
        var quote: Int
        var isReported: Bool
    }

    /// Quotes and reported speech in text order, each with its speaker; a quotation inside
    /// reported speech is one of its fragments, not an entry of its own. Stops early, with
    /// part of the entries, once `deadline` has passed.
    func attribute(_ speech: SpeechCandidates, entities: [RecognizedEntity], in document: Document, deadline: EnrichmentDeadline = .none) -> [AttributedQuote] {
        let candidates = speech.quotations
        let context = AttributionContext(document: document, entities: entities, candidates: candidates)
        let reported = speech.reported.filter { !Self.onlyNamesSomeone($0, context) }
        var fragmentsOf = [[Int]](repeating: [], count: reported.count)
        var isFragment = [Bool](repeating: false, count: candidates.count)
        for (speech, content) in reported.enumerated() {
            let first = candidates.firstIndex(keyAtLeast: content.tokens.lowerBound, key: \.openMark)
            for index in first..<candidates.count {
                let openMark = candidates[index].openMark
                if openMark >= content.tokens.upperBound { break }
                if content.content.contains(where: { $0.contains(openMark) }) {
                    // A work's title inside the content ("told CNN's “State of the Union” that")
                    // is no fragment of what was said, nor a quote of its own.
                    if !isTitleOfWork(candidates[index], document) { fragmentsOf[speech].append(index) }
                    isFragment[index] = true
                }
            }
        }
        var result: [AttributedQuote] = []
        var latest: Latest?
        var nextReported = 0
        func addReported(before token: Int) {
            while nextReported < reported.count, reported[nextReported].tokens.lowerBound <= token {
                let speech = reported[nextReported]
                var quote = attributed(speech, fragments: fragmentsOf[nextReported].map { candidates[$0] }, context)
                if let described = Self.describedThingGoingOn(quote, after: result.last, document.tokens) { quote.unnamedSpeaker = described }
                result.append(quote)
                latest = Latest(lastToken: speech.tokens.upperBound - 1, quote: result.count - 1, isReported: true)
                if let speaker = result[result.count - 1].speaker { context.noteSpeaker(speaker.entity, at: speech.cue.lowerBound, saying: speech.tokens) }
                nextReported += 1
            }
        }
        for (index, candidate) in candidates.enumerated() {
            if deadline.hasPassed { return result }
            addReported(before: candidate.openMark)
            guard !isFragment[index] else { continue }
            var attribution = findCue(candidate, context)
            // A chant is a crowd's: a person named near it is who the crowd chanted at or for.
            if let cue = attribution.cue, Self.chantVerbs.contains(cue), let entity = attribution.speaker?.entity, context.entities[entity].type == .person {
                attribution.speaker = nil
            }
            var speakerFromContext = false
            var mergeWithPrevious = false
            // “A,” said a senior adviser. “B.”: a quote's speaker goes on speaking, named or not.
            var inheritedUnnamedSpeaker: Range<Int>?
            var inheritedJointSpeakers: [Int] = []
            let inheritsFrom = latest.flatMap { previous in
                let quote = result[previous.quote]
                return quote.speaker != nil || !previous.isReported && (quote.hasUnnamedSpeaker || quote.cue != nil) ? previous : nil
            }
            if attribution.cue == nil, !attribution.namedExplicitly, let previous = inheritsFrom {
                let speaker = result[previous.quote].speaker
                // Where the previous quote ends: one over several paragraphs ends in the last.
                let sameParagraph = document.tokens[candidate.openMark].paragraph == document.tokens[previous.lastToken].paragraph
                let gap = previous.lastToken..<candidate.openMark
                let continuesParagraph =
                    document.tokens.opensParagraph(at: candidate.openMark)
                    && document.tokens[candidate.openMark].paragraph == document.tokens[previous.lastToken].paragraph + 1
                if sameParagraph || continuesParagraph {
                    speakerFromContext = true
                    // "Romney fired back, attacking Trump for “...”": the sentence names its own speaker.
                    if let subject = ownSentenceSubject(of: candidate, after: previous.lastToken, context), subject.entity != speaker?.entity {
                        attribution.speaker = subject
                    } else {
                        attribution.speaker = speaker.map { SpeakerPhrase(tokens: $0.tokens, entity: $0.entity, confidence: 0.6) }
                        if speaker == nil {
                            inheritedUnnamedSpeaker = result[previous.quote].unnamedSpeaker
                            inheritedJointSpeakers = result[previous.quote].jointSpeakers
                        }
                        // “A,” she said. “B.”: one quote in two parts; not across a sentence of its own.
                        let nextSentence = document.tokens[candidate.openMark].sentence - document.tokens[previous.lastToken].sentence <= 1
                        mergeWithPrevious = sameParagraph && nextSentence && !previous.isReported && containsSpeechVerb(gap, document)
                    }
                }
            }
            if attribution.cue == nil, !attribution.namedExplicitly, !speakerFromContext,
                let subject = ownSentenceSubject(of: candidate, after: latest?.lastToken ?? -1, context)
            {
                attribution.speaker = subject
            }
            if let previous = latest, continuesAroundItsCue(candidate, attribution, previous: previous, result[previous.quote], document) {
                mergeWithPrevious = true
            }
            guard keep(candidate, attribution, speakerFromContext: speakerFromContext, document) else { continue }
            if mergeWithPrevious, let previous = latest {
                result[previous.quote].parts.append(candidate.start..<candidate.end)
                result[previous.quote].kind = .direct
                continue
            }
            let speaker = attribution.speaker.flatMap { phrase in phrase.entity.map { (entity: $0, tokens: phrase.tokens) } }
            var quote = AttributedQuote(
                parts: [candidate.start..<candidate.end],
                kind: isDirect(candidate, document) ? .direct : .partial,
                cue: attribution.cue?.lowercased(),
                speaker: speaker,
                speakerRuleConfidence: speaker == nil ? nil : attribution.speaker?.confidence,
                unnamedSpeaker: speaker == nil ? attribution.speaker.map(\.tokens) ?? inheritedUnnamedSpeaker : nil,
                jointSpeakers: speaker == nil ? attribution.speaker?.joint ?? inheritedJointSpeakers : []
            )
            if let described = Self.describedThingGoingOn(quote, after: result.last, document.tokens) { quote.unnamedSpeaker = described }
            result.append(quote)
            latest = Latest(lastToken: candidate.closeMark ?? candidate.inner.upperBound - 1, quote: result.count - 1, isReported: false)
            if let speaker { context.noteSpeaker(speaker.entity, at: candidate.openMark, saying: candidate.inner) }
        }
        addReported(before: document.tokens.count)
        return result
    }

    /// "The ministry's consular office published a notice saying ... It urged ...": "it", where
    /// no organisation the article names is there to refer to, goes on with the thing (not
    /// person) the attribution just before described, within two sentences.
    private static func describedThingGoingOn(_ quote: AttributedQuote, after previous: AttributedQuote?, _ tokens: [Token]) -> Range<Int>? {
        guard quote.speaker == nil, let pronoun = quote.unnamedSpeaker, pronoun.count == 1, tokens[pronoun.lowerBound].text.lowercased() == "it",
            let previous, previous.speaker == nil, let description = previous.unnamedSpeaker,
            let trimmed = SpeakerDescription.trimmed(description, tokens), description.upperBound <= pronoun.lowerBound,
            tokens[pronoun.lowerBound].sentence - tokens[description.lowerBound].sentence <= 2,
            !AttributionContext.isPersonNoun(tokens[trimmed.upperBound - 1].text.lowercased())
        else { return nil }
        return description
    }

    /// “What we need,” she said, “is a new plan.”: a quotation the cue splits inside one
    /// sentence is one quote in two parts, when the same cue and speaker hold both.
    private func continuesAroundItsCue(
        _ candidate: QuoteCandidate, _ attribution: Attribution, previous: Latest, _ previousQuote: AttributedQuote, _ document: Document
    ) -> Bool {
        let tokens = document.tokens
        guard previous.lastToken < candidate.openMark else { return false }
        let gap = (previous.lastToken + 1)..<candidate.openMark
        // The first part breaks off at a comma (“What we need,” or “What we need”,); not a
        // fragment the writer's clause holds (“down the line” he warned: “...”).
        guard !previous.isReported, previousQuote.kind == .direct || previousQuote.kind == .partial, previousQuote.cue != nil,
            attribution.cue?.lowercased() == previousQuote.cue, gap.count >= 2, gap.count <= 12,
            tokens[previous.lastToken - 1].text == "," || tokens[previous.lastToken + 1].text == ",",
            tokens[previous.lastToken].sentence == tokens[candidate.openMark].sentence,
            [",", ":"].contains(tokens[candidate.openMark - 1].text), !gap.contains(where: { tokens[$0].isQuoteMark }),
            containsSpeechVerb(gap, document)
        else { return false }
        return attribution.speaker?.entity == previousQuote.speaker?.entity
    }

    /// The person the quote's own sentence has as its subject, when that sentence begins after
    /// the previous quote ends and no pronoun before the name is the subject instead.
    private func ownSentenceSubject(of candidate: QuoteCandidate, after previousQuoteEnd: Int, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        let sentenceStart = context.document.sentenceRange(of: candidate.openMark).lowerBound
        guard sentenceStart > previousQuoteEnd,
            let subject = clauseSubject(from: sentenceStart, before: candidate.openMark, context),
            let entity = subject.entity, context.entities[entity].type == .person,
            !(sentenceStart..<subject.tokens.lowerBound).contains(where: { Lexicon.subjectPronouns.containsLowercased(tokens[$0]) }),
            // Not a headline's capitals, nor a name qualifying a noun ("the Clinton campaign").
            !subject.tokens.allSatisfy({ tokens[$0].isAllCaps }), subject.tokens.upperBound < tokens.count
        else { return nil }
        // Not the subject of the quoted words themselves: "Grant “simply misspoke.”"
        if case .quoteMark = tokens[subject.tokens.upperBound].kind { return nil }
        let next = tokens[subject.tokens.upperBound].text
        guard !AttributionContext.organisationalRoles.containsLowercased(next), !Lexicon.roleNouns.containsLowercased(next) else { return nil }
        return subject
    }

    /// "At a campaign event ...", "It was a punch, as Cole echoed ...": a phrase opening with a
    /// preposition, or "it" before a form of "be", is no subject that speaks.
    private static func opensWithPhraseOrExpletive(_ phrase: SpeakerPhrase, _ tokens: [Token]) -> Bool {
        let first = tokens[phrase.tokens.lowerBound].text.lowercased()
        if Lexicon.prepositions.contains(first) || Lexicon.subordinators.contains(first) { return true }
        let next = phrase.tokens.upperBound < tokens.count ? tokens[phrase.tokens.upperBound].text : ""
        return first == "it" && ["was", "is", "'s", "’s", "has", "had"].contains(next)
    }

    /// The name after a verb; for a participle after that verb with no name after it ("X, the
    /// campaign manager, said that ..., noting"), the subject before the verb's apposition.
    private func speakerAfterVerb(start: Int, limit: Int, participle: Int, _ context: AttributionContext) -> SpeakerPhrase? {
        let named = context.speakerPhrase(startingAt: start, limit: limit)
        let verb = start - 1
        guard named?.entity == nil, verb >= 1, verb < participle, context.document.tokens[verb - 1].text == "," else { return named }
        return appositionSubject(cue: verb, floor: context.document.sentenceRange(of: verb).lowerBound, context) ?? named
    }

    /// "..., said harbourmaster Rhys Pellow.", "Harriet Fane, the head of Westmoor Academy,
    /// wrote to parents": words that are only a person's name, with at most two lower-case
    /// words before it and an apposition with no verb after it, report nothing.
    private static func onlyNamesSomeone(_ speech: ReportedSpeechCandidate, _ context: AttributionContext) -> Bool {
        guard speech.content.count == 1, let content = speech.content.first else { return false }
        let tokens = context.document.tokens
        guard let name = content.prefix(3).first(where: { !tokens[$0].isLowercase }),
            (content.lowerBound..<name).allSatisfy({ Self.mayQualifyName(tokens[$0]) }),
            let (entity, mention) = context.mention(at: name), mention.lowerBound == name, context.entities[entity].type == .person
        else { return false }
        guard mention.upperBound < content.upperBound else { return true }
        // "Seitchi, a cadet at the academy, was returning": a clause about the one named.
        return tokens[mention.upperBound].text == ","
            && !(mention.upperBound..<content.upperBound).contains { ReportedSpeechFinder.mayBeFiniteVerb(tokens[$0].text) || tokens[$0].isQuoteMark }
    }

    /// "harbourmaster", "local": a lower-case word that may stand before a name as its title,
    /// not a verb, pronoun, contraction, preposition or "that" ("they’re supporting Clinton").
    private static func mayQualifyName(_ token: Token) -> Bool {
        let word = token.text
        return token.isWord && !word.unicodeScalars.contains("’") && !word.unicodeScalars.contains("'") && !word.hasSuffix("ing") && !ReportedSpeechFinder.mayBeFiniteVerb(word)
            && !Lexicon.subjectPronouns.contains(word) && !Lexicon.prepositions.contains(word) && !SpeechCues.determiners.contains(word)
    }

    /// Reported speech with its speaker: the cue's subject, or the name after the cue.
    private func attributed(_ speech: ReportedSpeechCandidate, fragments: [QuoteCandidate], _ context: AttributionContext) -> AttributedQuote {
        let tokens = context.document.tokens
        var phrase: SpeakerPhrase? =
            switch speech.speakerSide {
            case .before(let cue, let floor): appositionSubject(cue: cue, floor: floor, context) ?? context.speakerPhrase(endingBefore: cue, floor: floor)
            case .after(let start, let limit): speakerAfterVerb(start: start, limit: limit, participle: speech.cue.lowerBound, context)
            case .unnamed: nil
            case .interviewee(let label): context.interviewee(before: label)
            case .described(let description): SpeakerPhrase(tokens: description, entity: nil, confidence: 0.5)
            case .sentenceSubject(let start, let limit):
                // "Boxer attacked Fiorina by reminding voters ...": the one doing the attacking.
                // "BUENA PARK, Calif. - Rallying ..., Clinton ...": a dateline is no subject.
                (speech.cue.lowerBound > 0 && tokens[speech.cue.lowerBound - 1].text == "by"
                    ? nearestClauseSubject(from: start, before: speech.cue.lowerBound, context) : nil)
                    ?? context.speakerPhrase(startingAt: Self.pastCapitalisedDateline(from: start, before: limit, tokens), limit: limit).flatMap { phrase in
                        opensClause(phrase, from: start, tokens) && !Self.opensWithPhraseOrExpletive(phrase, tokens) ? phrase : nil
                    }
                    ?? clauseSubject(from: start, before: limit, context)
                    ?? nearestClauseSubject(from: start, before: speech.cue.lowerBound, context)
                    ?? context.peopleOpening(at: clauseStart(from: start, before: limit, context), before: speech.cue.lowerBound)
            }
        // "Hogan Gidley, a former director of ..., whose roots are ..., said": a name with a
        // long apposition lies beyond the words next to the cue ("WASHINGTON —", a dateline, is no name).
        // But "..., the editorial board writes": a description right before the cue is its
        // subject, even when it names nobody.
        // Not past people the clause opens with before an aside ("Some landlords, like Tom
        // Hale, a developer, have said"), nor past people named together ("Sen. Ann Hale (Vt.)
        // and Tom Reyes said").
        if phrase?.entity == nil, phrase?.joint.isEmpty ?? true, case .before(let cue, let floor) = speech.speakerSide,
            !(phrase.map { Self.endsWithDescription($0, before: cue, tokens) || Self.opensBeforeAside($0, floor: floor, tokens) } ?? false),
            let subject = context.speakerPhrase(startingAt: Self.pastCapitalisedDateline(from: floor, before: cue, tokens), limit: cue),
            subject.entity != nil, opensClause(subject, from: floor, tokens),
            subject.tokens.upperBound < cue, [",", "("].contains(tokens[subject.tokens.upperBound].text) || Self.dashes.contains(tokens[subject.tokens.upperBound])
        {
            phrase = subject
        }
        // A transcript's label in capitals ("EMMA CLARKE:") names the person the article
        // writes in mixed case.
        if speech.isVerbatim, phrase?.entity.map({ context.entities[$0].type != .person }) ?? true, case .before(let cue, let floor) = speech.speakerSide,
            let person = context.person(namedLike: floor..<cue)
        {
            phrase = SpeakerPhrase(tokens: floor..<cue, entity: person, confidence: 0.85)
        }
        let speaker = phrase.flatMap { phrase in phrase.entity.map { (entity: $0, tokens: phrase.tokens) } }
        return AttributedQuote(
            parts: speech.content.map { tokens[$0.lowerBound].start..<tokens[$0.upperBound - 1].end },
            kind: speech.isVerbatim ? .direct : fragments.isEmpty ? .indirect : .mixed,
            fragments: fragments.map { $0.start..<$0.end },
            cue: speech.cueText,
            speaker: speaker,
            speakerRuleConfidence: speaker == nil ? nil : phrase?.confidence,
            unnamedSpeaker: speaker == nil ? phrase?.tokens : nil,
            jointSpeakers: speaker == nil ? phrase?.joint ?? [] : []
        )
    }

    // MARK: - Which quotes count

    private func keep(_ candidate: QuoteCandidate, _ attribution: Attribution, speakerFromContext: Bool, _ document: Document) -> Bool {
        if isTitleOfWork(candidate, document) { return false }
        if attribution.cue != nil || attribution.namedExplicitly { return candidate.wordCount >= 2 || candidate.isDouble && attribution.speaker != nil }
        // "Good morning, everyone.": words said, however short.
        if candidate.isDouble, candidate.wordCount >= 2, standsAsSentence(candidate, document) { return true }
        if speakerFromContext { return candidate.wordCount >= 3 }
        // No cue: only sentence-like quotes count; scare quotes and titles do not.
        return candidate.isDouble ? candidate.wordCount >= 6 && isDirect(candidate, document) : candidate.wordCount >= 8
    }

    /// “Good morning, everyone.” as a sentence of its own: capitalised, ending in its own
    /// full stop, question or exclamation mark, with nothing else in the sentence. Words
    /// said, however short; a scare quote or a quoted term sits inside a sentence.
    private func standsAsSentence(_ candidate: QuoteCandidate, _ document: Document) -> Bool {
        let tokens = document.tokens
        guard let close = candidate.closeMark, !candidate.inner.isEmpty,
            document.sentenceRange(of: candidate.openMark).lowerBound == candidate.openMark,
            tokens.closesParagraph(at: close) || tokens[close + 1].sentence != tokens[close].sentence,
            tokens[candidate.inner.lowerBound].isCapitalized
        else { return false }
        let last = tokens[candidate.inner.upperBound - 1]
        return last.kind == .punctuation && [".", "!", "?", "\u{2026}", "..."].contains(last.text)
    }

    /// CNN's “New Day,”, an interview with “Fox and Friends”, the show “The Apprentice”, a
    /// memoir called “The Long Way Home: A Life in Ports”, his new book, “Crippled America,”,
    /// a play called “Los Hijos de Trump,” or “Sons of Trump,”: a run of capitalised words
    /// after a possessive, a preposition or a word for a work or a name names a programme,
    /// book or film, not words anyone said. So does one used as a name: his “Miss Universe”
    /// pageant, “Sons of Trump” is an adaptation.
    private func isTitleOfWork(_ candidate: QuoteCandidate, _ document: Document) -> Bool {
        let tokens = document.tokens
        guard (1...10).contains(candidate.wordCount) else { return false }
        guard tokens.isTitleCased(candidate.inner) else { return false }
        let open = candidate.openMark
        if open > 0 {
            let before = tokens[open - 1]
            if before.kind == .possessive || Self.workIntroducers.contains(before) { return true }
            // "the hacker known as “Guccifer,”": a nickname, a name as a title is.
            if before.text == "as", open >= 2, ["known", "billed"].contains(tokens[open - 2].text) { return true }
            // "the anthem, “...”", "this weekend's broadcast of “Fox News Sunday”".
            if [",", "of"].contains(before.text), open >= 2, Self.workNouns.contains(tokens[open - 2]) { return true }
            if before.text == "or", open >= 2, tokens[open - 2].isQuoteMark { return true }
        }
        // Used as a name: no sentence of its own inside, a noun for a work or a show right after,
        // or a verb of being after one that opens its sentence.
        guard let close = candidate.closeMark, close + 1 < tokens.count, tokens[close + 1].sentence == tokens[close].sentence,
            let lastInner = candidate.inner.last, tokens[lastInner].isWord
        else { return false }
        let next = tokens[close + 1].text
        if Self.isFollowedByWorkNoun(close, tokens) { return true }
        // "“Never Again” is a promise we keep, Cohen said": not when the sentence has a cue.
        let opensSentence = open == 0 || tokens[open - 1].sentence != tokens[open].sentence
        return opensSentence && Self.beingVerbs.contains(next) && !containsSpeechVerb((close + 1)..<document.sentenceRange(of: close).upperBound, document)
    }

    /// "“Keepin' It Real” radio program": after the closing mark, the noun for a work, or its
    /// medium and then the noun.
    static func isFollowedByWorkNoun(_ close: Int, _ tokens: [Token]) -> Bool {
        guard close + 1 < tokens.count else { return false }
        let next = tokens[close + 1].text
        return workNouns.contains(next) || media.contains(next) && close + 2 < tokens.count && workNouns.contains(tokens[close + 2])
    }

    private static let workIntroducers: WordSet = WordSet(
        ["on", "with", "to", "in", "titled", "entitled", "called", "named", "dubbed", "nicknamed"] + workNouns.words)
    /// Nouns for a work, a show or a campaign, before or after its quoted name.
    private static let workNouns: WordSet = [
        "book", "books", "memoir", "novel", "film", "movie", "documentary", "show", "shows", "program", "programme", "series", "episode",
        "segment", "album", "song", "play", "musical", "pageant", "contest", "tour", "campaign", "slogan", "movement", "franchise",
        "brand", "column", "op-ed", "podcast", "video", "ad", "ads", "hat", "hats", "sign", "signs", "t-shirts", "host", "star",
        "contestant", "creator", "producer", "broadcast", "edition", "anthem", "hymn",
    ]
    /// What a show goes out on, between its quoted name and the noun for it.
    private static let media: WordSet = ["radio", "TV", "television", "talk", "news", "cable", "web", "reality", "morning"]
    private static let beingVerbs: WordSet = ["is", "was", "has", "had", "will", "are", "were", "airs", "aired", "premiered", "opens", "opened"]

    private func isDirect(_ candidate: QuoteCandidate, _ document: Document) -> Bool {
        guard !candidate.inner.isEmpty else { return false }
        let tokens = document.tokens
        // "... the word 'steady,''": the punctuation before a single mark closing inside.
        var lastIndex = candidate.inner.upperBound - 1
        while lastIndex > candidate.inner.lowerBound, case .quoteMark(let mark) = tokens[lastIndex].kind, !mark.isDouble { lastIndex -= 1 }
        let last = tokens[lastIndex]
        if last.kind == .punctuation, let mark = last.text.unicodeScalars.first, ".,!?\u{2026}".unicodeScalars.contains(mark) {
            return true
        }
        return candidate.wordCount >= 8 && tokens[candidate.inner.lowerBound].isCapitalized
    }

    // MARK: - Cues

    private func findCue(_ candidate: QuoteCandidate, _ context: AttributionContext) -> Attribution {
        let document = context.document
        let tokens = document.tokens
        let headSentence = document.sentenceRange(of: candidate.openMark)
        let head = headSentence.lowerBound..<candidate.openMark
        // "as Trump went on about “a” and “b,” Melanie said yes": the quotation the verb before
        // talks about, or one joined to a quotation before it, shares that cue, whatever
        // clause follows.
        let governedBefore =
            Self.joinsQuotedList(candidate.openMark, floor: head.lowerBound, tokens)
            || (max(head.lowerBound, head.upperBound - 5)..<head.upperBound).contains { isTopicCue($0, head, tokens) }
        if governedBefore, let before = cueBefore(head, context), before.speaker?.entity != nil {
            return before
        }
        // After the quote: “...,” said X / “...,” X said / “...,” X, the title, said
        if let close = candidate.closeMark {
            let sentence = document.sentenceRange(of: close)
            var index = close + 1
            while index < sentence.upperBound, tokens[index].kind == .punctuation,
                tokens[index].text == "," || Self.signatureDashes.contains(tokens[index])
            {
                index += 1
            }
            let tail = index..<min(sentence.upperBound, index + 24)
            // "Osei saying he was “encouraged” and Cole calling it a “great meeting”": a clause
            // joined after the quote, with a quotation of its own, owns that one.
            if let first = tail.first, Lexicon.andOrBut.contains(tokens[first]),
                tail.contains(where: { if case .quoteMark(let mark) = tokens[$0].kind { mark.mayOpenDouble } else { false } }),
                let before = cueBefore(head, context), before.speaker?.entity != nil
            {
                return before
            }
            // Not before a name after the verb ("..., said Pell"), which cueAfter reads.
            if let verb = tail.first, Lexicon.postposableVerbs.contains(tokens[verb]), verb + 1 < tokens.count, !tokens[verb + 1].isCapitalized,
                let subject = subjectBeforeAside(holding: head, context)
            {
                return Attribution(cue: tokens[verb].text, speaker: subject)
            }
            let after = cueAfter(tail, context, appositionEnd: sentence.upperBound)
            // "“...,” in sharp contrast to earlier years, says Dante Scala": a postposed cue
            // after a comma, past a phrase that holds no other quotation, when the words right
            // after the quote name nobody.
            if after?.speaker?.entity == nil, let later = postposedCueAfterPhrase(tail, context) { return later }
            if let after { return after }
            // “How many times ...?” Clinton said. The question mark ended the sentence, but
            // a name and its verb right after the quote still attribute it.
            // So does a bare "Trump said." after a quote closed with a full stop, where a comma
            // was meant.
            if sentence.upperBound == close + 1, close > candidate.openMark + 1, close + 1 < tokens.count,
                endsWithSentenceMark(before: close, after: candidate.openMark, tokens) || isBareCueSentence(after: close, document),
                tokens[close + 1].paragraph == tokens[close].paragraph
            {
                let next = document.sentenceRange(of: close + 1)
                // Not when the sentence itself gives a cue before the quote ("kept telling her, “Stop!” She replied ...").
                if let before = cueBefore(head, context), before.speaker?.entity != nil || before.speaker.map({ SpeakerDescription.trimmed($0.tokens, tokens) != nil }) == true {
                    return before
                }
                if let attribution = cueAfter((close + 1)..<min(next.upperBound, close + 7), context), attribution.speaker != nil {
                    return attribution
                }
            }
        }
        if let signature = candidate.closeMark.flatMap({ signatureLine(after: $0, context) }) ?? signatureInside(candidate, context) { return signature }
        // Before the quote: X said: “...” / X told reporters “...” / X called it “...”
        if let attribution = cueBefore(head, context) { return attribution }
        let cueFollows =
            candidate.closeMark.map { close in
                containsSpeechVerb((close + 1)..<min(document.sentenceRange(of: close).upperBound, close + 12), document)
            } ?? false
        // "She rhymed off a list of allies for “publicly coming out ... .”": with no cue on
        // either side, the person the sentence opens with speaks a sentence-like quote in it.
        // ("He decided that she “was the girl ...”" reports a clause: no speaker.)
        let reportsClause = head.contains { index in
            tokens[index].text == "that" && index + 1 < head.upperBound && Lexicon.subjectPronouns.containsLowercased(tokens[index + 1])
        }
        if !head.isEmpty, !cueFollows, !reportsClause, isDirect(candidate, document), let subject = sentenceSubject(of: head, context) {
            return Attribution(cue: nil, speaker: subject)
        }
        // "Nair said she had moved her stock. “We have done this before.”": a quote opening its
        // sentence continues the speaker of the sentence before, in the same paragraph.
        if head.isEmpty, headSentence.lowerBound > 0 {
            let previousSentence = document.sentenceRange(of: headSentence.lowerBound - 1)
            if tokens[previousSentence.lowerBound].paragraph == tokens[candidate.openMark].paragraph {
                let quotesInside = previousSentence.contains { tokens[$0].isQuoteMark }
                if !quotesInside, let attribution = cueBefore(previousSentence, context), attribution.speaker?.entity != nil {
                    return Attribution(cue: attribution.cue, speaker: attribution.speaker.map { SpeakerPhrase(tokens: $0.tokens, entity: $0.entity, confidence: 0.65) })
                }
                // "He finished with an appeal to activists. “One day you will ...”": with no
                // cue on either side, a person who is the subject of the sentence before speaks
                // a quote that is a sentence of its own (scare quotes in that sentence or not).
                if !cueFollows, isDirect(candidate, document), let subject = sentenceSubject(of: previousSentence, context) {
                    return Attribution(cue: nil, speaker: subject)
                }
            } else if tokens[previousSentence.lowerBound].paragraph + 1 == tokens[candidate.openMark].paragraph, let close = candidate.closeMark, tokens.closesParagraph(at: close),
                isDirect(candidate, document), !previousSentence.contains(where: { tokens[$0].isQuoteMark }),
                let subject = sentenceSubject(of: previousSentence, context), let entity = subject.entity, context.entities[entity].type == .person,
                subject.tokens.upperBound < previousSentence.upperBound, !Self.copulas.contains(tokens[subject.tokens.upperBound])
            {
                // "Valastro praised Christie's leadership. ¶ “We need someone who ...”": a
                // paragraph that is only a quotation, after one whose subject is a person doing
                // something ("X is the attorney who ..." describes X, who need not speak next).
                return Attribution(cue: nil, speaker: SpeakerPhrase(tokens: subject.tokens, entity: entity, confidence: 0.5))
            }
        }
        // A transcript label or a lead-in sentence ending with a colon in the paragraph before.
        if document.tokens.opensParagraph(at: candidate.openMark), candidate.openMark > 0 {
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

    /// "Mr. Hale, citing “the unique magic of Pell,” said": the person named before an aside
    /// that opens with a participle or "who" and runs to the quotation, when its verb follows.
    private func subjectBeforeAside(holding head: Range<Int>, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        guard let comma = (max(head.lowerBound, head.upperBound - 8)..<head.upperBound).last(where: { tokens[$0].text == "," }), comma + 1 < head.upperBound,
            comma > head.lowerBound, !((comma + 1)..<head.upperBound).contains(where: { tokens[$0].isQuoteMark })
        else { return nil }
        // Not "asked about “the deal,”": the words of whoever asked.
        guard AttributionContext.opensAside(tokens[comma + 1]), !SpeechCues.questionVerbs.contains(tokens[comma + 1]) else { return nil }
        return context.personNamed(before: comma, floor: head.lowerBound)
    }

    /// A quotation right after "and" or "or" (a comma allowed) that follows a closing quote mark.
    private static func joinsQuotedList(_ open: Int, floor: Int, _ tokens: [Token]) -> Bool {
        var index = open - 1
        guard index > floor, ["and", "or"].contains(tokens[index].text) else { return false }
        index -= 1
        if index > floor, tokens[index].text == "," { index -= 1 }
        guard index >= floor, case .quoteMark(let mark) = tokens[index].kind else { return false }
        return mark.mayCloseDouble
    }

    private static let chantVerbs: WordSet = ["chanted", "chanting"]

    private static let copulas: WordSet = ["is", "was", "are", "were", "has", "had", "'s", "’s"]

    /// "Trump said.", "the senator added Tuesday.": a sentence of a name or pronoun of up to
    /// four words, a postposed verb and at most a time word.
    private func isBareCueSentence(after close: Int, _ document: Document) -> Bool {
        let tokens = document.tokens
        let next = document.sentenceRange(of: close + 1)
        guard next.lowerBound == close + 1, next.count <= 7, let stop = next.last, tokens[stop].text == "." else { return false }
        var verb = stop - 1
        if verb > next.lowerBound, SpeechCues.timeWords.containsLowercased(tokens[verb]) { verb -= 1 }
        guard verb > next.lowerBound, Lexicon.postposableVerbs.contains(tokens[verb]) else { return false }
        return (next.lowerBound..<verb).allSatisfy { tokens[$0].isWord || tokens[$0].text == "." }
    }

    /// Whether the quote's words end with "?", "!" or an ellipsis, looking through a closing
    /// single mark (“... ‘Why?’”): such a quote ends its sentence, and a cue may follow it.
    private func endsWithSentenceMark(before close: Int, after open: Int, _ tokens: [Token]) -> Bool {
        var last = close - 1
        if last > open + 1, case .quoteMark(let mark) = tokens[last].kind, mark != .doubleOpening, mark != .singleOpening { last -= 1 }
        let text = tokens[last].text
        return text.hasSuffix("?") || text.hasSuffix("!") || text.hasSuffix("\u{2026}") || text.hasSuffix("...")
    }

    /// A quote that ends its paragraph, signed on a line of its own: “...” / “- Bernie
    /// Sanders.” (as fact checks and reader letters print them).
    private func signatureLine(after close: Int, _ context: AttributionContext) -> Attribution? {
        let tokens = context.document.tokens
        var dash = close + 1
        while dash < tokens.count, tokens[dash].paragraph == tokens[close].paragraph, tokens[dash].kind == .punctuation { dash += 1 }
        guard dash + 1 < tokens.count, tokens[dash].paragraph == tokens[close].paragraph + 1, Self.signatureDashes.contains(tokens[dash]) else { return nil }
        // "- Governor Ana Pell, posting after the debate.": past a title (a few words), and a
        // short aside after a comma (a line, not a paragraph of its own).
        var name = dash + 1
        while name + 1 < tokens.count, name - dash < 5, tokens[name].isCapitalized, AttributionContext.isWordOfTitle(tokens[name]) || tokens[name].text.hasSuffix("."),
            context.mention(at: name) == nil
        { name += 1 }
        guard let (entity, range) = context.mention(at: name) else { return nil }
        var end = range.upperBound
        while end < tokens.count, tokens[end].paragraph == tokens[dash].paragraph, [".", ","].contains(tokens[end].text) { end += 1 }
        if end > range.upperBound, tokens[range.upperBound].text == "," {
            while end < tokens.count, end - range.upperBound < 15, tokens[end].paragraph == tokens[dash].paragraph, !tokens[end].isQuoteMark { end += 1 }
        }
        guard end == tokens.count || tokens[end].paragraph != tokens[dash].paragraph else { return nil }
        return Attribution(cue: nil, speaker: SpeakerPhrase(tokens: range, entity: entity, confidence: 0.85), namedExplicitly: true)
    }

    /// A pull quote signed on its own last line inside the marks: "“... stimulus. ¶ Josh
    /// Bivens, Economic Policy Institute.”", the line a paragraph of its own.
    private func signatureInside(_ candidate: QuoteCandidate, _ context: AttributionContext) -> Attribution? {
        let tokens = context.document.tokens
        let line: Range<Int>
        if candidate.closeMark != nil {
            guard let last = candidate.inner.last, tokens[last].paragraph > tokens[candidate.openMark].paragraph,
                let start = candidate.inner.first(where: { tokens[$0].paragraph == tokens[last].paragraph })
            else { return nil }
            line = start..<(last + 1)
        } else {
            // The quote ran to its paragraph's end: the signature, a short line, closes the next
            // paragraph.
            let start = candidate.inner.upperBound
            guard start < tokens.count, tokens[start].paragraph == tokens[candidate.openMark].paragraph + 1,
                let end = (start..<min(tokens.count, start + 14)).first(where: { tokens[$0].paragraph != tokens[start].paragraph })
                    ?? (start + 14 >= tokens.count ? tokens.count : nil),
                end - 1 > start, case .quoteMark(let mark) = tokens[end - 1].kind, mark.mayCloseDouble
            else { return nil }
            line = start..<(end - 1)
        }
        guard line.count < 12, let (entity, mention) = context.mention(at: line.lowerBound), mention.lowerBound == line.lowerBound,
            context.entities[entity].type == .person, mention.upperBound < line.upperBound, [",", "."].contains(tokens[mention.upperBound].text),
            !(mention.upperBound..<line.upperBound).contains(where: { tokens[$0].isLowercase && !["of", "for", "and", "the", "at"].contains(tokens[$0].text) })
        else { return nil }
        return Attribution(cue: nil, speaker: SpeakerPhrase(tokens: mention, entity: entity, confidence: 0.85), namedExplicitly: true)
    }

    /// Dashes that introduce a signature after a quote: horizontal bar, em, en, hyphens.
    private static let signatureDashes: WordSet = ["\u{2015}", "\u{2014}", "\u{2013}", "-", "--"]

    /// `appositionEnd`: how far past the tail a verb may lie after "X, <an apposition>,".
    private func cueAfter(_ tail: Range<Int>, _ context: AttributionContext, appositionEnd: Int? = nil) -> Attribution? {
        let tokens = context.document.tokens
        guard let first = tail.first else { return nil }
        // “...” ― Jorge Falcon: a signature after a dash names the speaker.
        if first > 0, Self.signatureDashes.contains(tokens[first - 1]),
            let (entity, range) = context.mention(at: first), range.upperBound >= tail.upperBound - 1 || tokens[range.upperBound].kind == .punctuation
        {
            return Attribution(cue: nil, speaker: SpeakerPhrase(tokens: range, entity: entity, confidence: 0.85), namedExplicitly: true)
        }
        // Postposed: said X (or, in a title-case subhead, Says X)
        let postposed = tokens[first].text.lowercased()
        // "“...,” posted Sharon Geyer", not "“Guardians of the Galaxy,” posted the clip": a
        // verb that also takes an object is a cue only before a name.
        let objectFirst = postposed == "posted" && first + 1 < tail.upperBound && context.mention(at: first + 1) == nil
        if Lexicon.postposableVerbs.contains(postposed), !objectFirst {
            if let speaker = context.speakerPhrase(startingAt: first + 1, limit: tail.upperBound) {
                return Attribution(cue: postposed, speaker: speaker)
            }
            return Attribution(cue: postposed, speaker: nil)
        }
        // "as X put it"
        if tokens[first].text.lowercased() == "as", let put = putIt(in: (first + 1)..<tail.upperBound, tokens) {
            return Attribution(cue: "put it", speaker: context.speakerPhrase(startingAt: first + 1, limit: put))
        }
        // "according to X"
        if SpeechCues.isAccordingTo(at: first, tokens, before: tail.upperBound) {
            return Attribution(cue: "according to", speaker: context.speakerPhrase(startingAt: first + 2, limit: tail.upperBound))
        }
        // "“...” for Vance, said Kunin", "“...” that Ortiz can catch Vance, said X": words
        // going on with the sentence hold no subject when ", said X" follows them.
        let opener = tokens[first].text
        if opener != "as", Lexicon.prepositions.contains(opener) || Lexicon.subordinators.contains(opener) || ["that", "and", "but"].contains(opener),
            let later = postposedCueAfterPhrase(tail, context)
        {
            return later
        }
        // X said / X, the spokesman, said / he added
        guard let speaker = context.speakerPhrase(startingAt: first, limit: tail.upperBound) else { return describedSpeaker(tail, context) }
        // "“...” in his speech, and Berg said": the quote stays in the clause before the joining word.
        if speaker.tokens.lowerBound > first + 1,
            ((first + 1)..<speaker.tokens.lowerBound).contains(where: { tokens[$0 - 1].text == "," && Self.clauseJoiners.contains(tokens[$0]) })
        {
            return nil
        }
        var index = speaker.tokens.upperBound
        var skipped = 0
        // "X, a former commissioner who ran the port for twenty years, said": past an
        // apposition the verb may lie at the end of the tail, or beyond it in a long sentence.
        let apposition = index < tail.upperBound && tokens[index].text == ","
        let nameOpensTail = speaker.tokens.lowerBound == first && tokens[first].isCapitalized
        let end = apposition && nameOpensTail ? max(tail.upperBound, min(appositionEnd ?? 0, tail.lowerBound + 60)) : tail.upperBound
        let reach = apposition ? end - tail.lowerBound : 16
        while index < end, skipped <= reach {
            let word = tokens[index].text
            if Self.attributesAfterQuotation(word) { return Attribution(cue: word, speaker: speaker) }
            // "“...,” Osei shot back", "Kemp went on".
            if let particle = SpeechCues.quotationParticleVerbs[word], index + 1 < end, tokens[index + 1].text == particle {
                return Attribution(cue: word + " " + particle, speaker: speaker)
            }
            // A quotation may have a cue of its own; not a name or term of a few words inside
            // the apposition ("wearing “Pell” pins").
            if tokens[index].isQuoteMark, tokens[index].kind != .quoteMark(.singleClosing) {
                guard apposition, let close = ((index + 1)..<min(end, index + 6)).first(where: { tokens[$0].isQuoteMark }), close + 1 < end,
                    tokens[close + 1].isLowercase, !((index + 1)..<close).contains(where: { tokens[$0].kind == .punctuation })
                else { break }
                skipped += close + 1 - index
                index = close + 1
                continue
            }
            if Self.opensClauseOfItsOwn(index, end, tokens) { break }
            index += 1
            skipped += 1
        }
        return nil
    }

    /// "I don't know about you, but something tells me": a joining word followed by a
    /// subject of its own starts a new clause, whose verb is not the first subject's.
    private static func opensClauseOfItsOwn(_ index: Int, _ end: Int, _ tokens: [Token]) -> Bool {
        guard index + 1 < end, clauseJoiners.containsLowercased(tokens[index]) else { return false }
        let next = tokens[index + 1].text
        return Lexicon.subjectPronouns.containsLowercased(next) || Lexicon.indefinitePronouns.containsLowercased(next)
    }

    private static let clauseJoiners: WordSet = ["but", "and", "because", "although", "though", "while", "whereas", "so"]

    /// "“...,” one voter said", "“...,” a leaflet read": someone or something new, named
    /// by nobody, right after the quote is its speaker, who stays unknown rather than taken
    /// from elsewhere. ("the retired surgeon said" most often describes the one named before.)
    private func describedSpeaker(_ tail: Range<Int>, _ context: AttributionContext) -> Attribution? {
        let tokens = context.document.tokens
        guard let first = tail.first, Self.describers.containsLowercased(tokens[first]) else { return nil }
        for index in (first + 1)..<min(tail.upperBound, first + 5) {
            let word = tokens[index].text
            if Self.attributesAfterQuotation(word) || word == "read" || word == "reads" {
                guard index > first + 1 else { return nil }
                // "the nominee said" describes a person; "the letter added" goes on with its writer.
                if tokens[first].text.lowercased() == "the", !AttributionContext.isPersonNoun(tokens[index - 1].text.lowercased()) { return nil }
                return Attribution(cue: word, speaker: SpeakerPhrase(tokens: first..<index, entity: nil, confidence: 0.5))
            }
            // "a Democratic strategist", "the Republican nominee"; not "the Sunday Times".
            guard tokens[index].isWord, !tokens[index].isCapitalized || context.mention(at: index).map({ context.entities[$0.0].type == .norp }) ?? false else {
                return nil
            }
        }
        return nil
    }

    private static let describers: WordSet = ["a", "an", "one", "another", "the"]

    /// A speech verb after a quotation; a verb of judgement there is no cue ("“...,” critics
    /// condemned").
    private static func attributesAfterQuotation(_ word: String) -> Bool {
        Lexicon.speechVerbs.contains(word) && !Lexicon.judgementVerbs.contains(word)
    }

    /// ", says X" later in the sentence after a quote, when nothing between is a quotation
    /// or another cue.
    private func postposedCueAfterPhrase(_ tail: Range<Int>, _ context: AttributionContext) -> Attribution? {
        let tokens = context.document.tokens
        for comma in tail where tokens[comma].text == "," && comma + 2 < tail.upperBound {
            let verb = comma + 1
            guard Lexicon.postposableVerbs.contains(tokens[verb]) else { continue }
            let between = tail.lowerBound..<comma
            guard !between.contains(where: { tokens[$0].isQuoteMark || Lexicon.speechVerbs.contains(tokens[$0]) }) else {
                return nil
            }
            guard let speaker = context.speakerPhrase(startingAt: verb + 1, limit: tail.upperBound), speaker.entity != nil else { return nil }
            return Attribution(cue: tokens[verb].text, speaker: speaker)
        }
        return nil
    }

    /// Where "put it" or "puts it" follows its subject ("as the mayor put it"), within eight tokens, or
    /// within thirty past an apposition ("As Tom Akers, a professor of law at ..., put it").
    private func putIt(in range: Range<Int>, _ tokens: [Token]) -> Int? {
        let apposition = range.lowerBound + 8 < range.upperBound && tokens[range.lowerBound..<(range.lowerBound + 8)].contains { $0.text == "," }
        let end = min(range.upperBound, range.lowerBound + (apposition ? 30 : 8))
        guard range.lowerBound + 1 < end else { return nil }
        return ((range.lowerBound + 1)..<(end - 1)).first { ["put", "puts"].contains(tokens[$0].text) && tokens[$0 + 1].text == "it" }
    }

    /// Whether a participle opens a phrase of its own: after a comma, a comma and a closing
    /// quotation mark (“...,” telling), or a day.
    static func opensParticiplePhrase(_ index: Int, from start: Int, _ tokens: [Token]) -> Bool {
        let index = participlePhraseStart(index, from: start, tokens)
        guard index > start else { return false }
        // ", saying", "responded by saying", "told the AP after hinting", or after the day with
        // no comma: "a series of tweets early Friday saying".
        if participleOpeners.contains(tokens[index - 1]) || Lexicon.weekdays.contains(tokens[index - 1]) { return true }
        if index - 1 > start, case .quoteMark(let mark) = tokens[index - 1].kind, mark != .doubleOpening, mark != .singleOpening {
            return tokens[index - 2].text == ","
        }
        return false
    }

    /// Where the phrase of a participle at `index` starts: ", recently telling" past the adverb.
    static func participlePhraseStart(_ index: Int, from start: Int, _ tokens: [Token]) -> Int {
        index - 1 > start && (tokens[index - 1].text.hasSuffix("ly") || SpeechCues.verbModifiers.contains(tokens[index - 1])) ? index - 1 : index
    }

    /// Words after which a participle's subject is the clause's: ", saying", "by saying",
    /// "after hinting", "while insisting".
    private static let participleOpeners: WordSet = WordSet([",", "by"] + participleSubordinators.words)
    /// "told the AP after hinting that ...": the main clause ends before the word.
    static let participleSubordinators: WordSet = ["after", "before", "while", "whilst", "since", "upon", "without"]

    /// "Trump released a video that said, “...”": the one who issued what says it.
    private func issuerOfStatement(saying verb: Int, _ head: Range<Int>, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        guard verb - 2 > head.lowerBound, ["that", "which"].contains(tokens[verb - 1].text),
            let noun = (max(head.lowerBound, verb - 4)..<(verb - 1)).last(where: { SpeechCues.statementNouns.contains(tokens[$0]) }),
            let issuing = (max(head.lowerBound, noun - 4)..<noun).last(where: { SpeechCues.issuingVerbs.contains(tokens[$0]) })
        else { return nil }
        let subject = clauseSubject(from: head.lowerBound, before: issuing, context) ?? sentenceSubject(of: head.lowerBound..<issuing, context, allowingOrganisations: true)
        return subject?.entity == nil ? nil : subject
    }

    /// "Hillary shot back, “...”", "Kemp fired back:": a verb with its particle.
    private func isParticleCue(_ verb: Int, _ head: Range<Int>, _ tokens: [Token]) -> Bool {
        guard let particle = SpeechCues.particleVerbs[tokens[verb].text], verb + 1 < head.upperBound else { return false }
        return tokens[verb + 1].text == particle
    }

    /// "went on about “...”", "talked about the “...”": the quoted words are the topic, a few
    /// words after the preposition ("went on" takes "about" after its particle).
    private func isTopicCue(_ verb: Int, _ head: Range<Int>, _ tokens: [Token]) -> Bool {
        var preposition = verb + 1
        if SpeechCues.goingOnVerbs.contains(tokens[verb]) || tokens[verb].text == "going" {
            guard preposition < head.upperBound, tokens[preposition].text == "on" else { return false }
            preposition += 1
            guard preposition < head.upperBound, tokens[preposition].text == "about" else { return false }
        } else {
            guard let prepositions = SpeechCues.topicVerbs[tokens[verb].text], preposition < head.upperBound,
                prepositions.contains(tokens[preposition])
            else { return false }
        }
        // The first quotation within three words, then only quotations joined by "and", "or" or commas.
        guard let first = ((preposition + 1)..<min(head.upperBound, preposition + 4)).first(where: { tokens[$0].isQuoteMark }) ?? (head.upperBound - preposition <= 3 ? head.upperBound : nil),
            ((preposition + 1)..<first).allSatisfy({ tokens[$0].isWord })
        else { return false }
        var inside = false
        for index in first..<head.upperBound {
            if tokens[index].isQuoteMark {
                inside.toggle()
            } else if !inside, !["and", "or", ","].contains(tokens[index].text) {
                return false
            }
        }
        return true
    }

    /// ", who grew up with Ali" or ", a neighbour": a comma, then a relative clause or a
    /// description, holding no quotation and no speech verb.
    private static func isAside(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        guard range.count > 2, tokens[range.lowerBound].text == "," else { return false }
        let first = tokens[range.lowerBound + 1].text
        guard ["who", "a", "an", "the"].contains(first) || first.first?.isLowercase == true else { return false }
        return !range.contains { tokens[$0].isQuoteMark || Lexicon.postposableVerbs.contains(tokens[$0]) }
    }

    /// "Bush referred to Rubio as “a bright, charismatic leader”": describing someone in
    /// quoted words is a cue as "called" is, its object no speaker; a nickname or a term
    /// ("refers to him as “Chris”") is no quotation.
    private func refersToAs(_ verb: Int, _ head: Range<Int>, _ tokens: [Token]) -> Bool {
        guard SpeechCues.referVerbs.contains(tokens[verb]), verb + 2 < head.upperBound, tokens[verb + 1].text == "to",
            ((verb + 2)..<head.upperBound).contains(where: { tokens[$0].text == "as" })
        else { return false }
        let quoted = tokens[(head.upperBound + 1)...].prefix { !$0.isQuoteMark }
        return quoted.count(where: \.isWord) >= 3
    }

    /// Verbs whose object is never the speaker: the one a quote describes ("calling X an
    /// “...”"), the one told ("telling Channel 4 that ...") or accused ("blasting the Herald").
    private static let objectIsNotSpeakerVerbs = WordSet(["tell", "tells", "told", "telling"]).union(SpeechCues.referVerbs.words)
        .union(SpeechCues.particleVerbForms.words).union(SpeechCues.objectSpeechActs.words)

    /// "read" or "reads" right before the quote (past a colon or comma), with a written thing
    /// ("letter", "sign") among the few words before it.
    private func readsBeforeQuote(_ head: Range<Int>, _ tokens: [Token]) -> Int? {
        var verb = head.upperBound - 1
        if verb > head.lowerBound, [":", ","].contains(tokens[verb].text) { verb -= 1 }
        guard verb > head.lowerBound, ["read", "reads"].contains(tokens[verb].text) else { return nil }
        let window = max(head.lowerBound, verb - 8)..<verb
        return window.contains { SpeechCues.writtenNouns.containsLowercased(tokens[$0]) } ? verb : nil
    }

    private func cueBefore(_ head: Range<Int>, _ context: AttributionContext, allowVerbless: Bool = false) -> Attribution? {
        let tokens = context.document.tokens
        guard !head.isEmpty else { return nil }
        // "According to X, “...”"
        if head.count > 2, tokens[head.lowerBound].text == "According", SpeechCues.isAccordingTo(at: head.lowerBound, tokens, before: head.upperBound) {
            return Attribution(cue: "according to", speaker: context.speakerPhrase(startingAt: head.lowerBound + 2, limit: head.upperBound))
        }
        // "The bill is, in the words of Senator Obi, “...”": the phrase right before the quote.
        if let inWords = head.last(where: {
            $0 > head.lowerBound && $0 + 4 < head.upperBound && tokens[$0].text == "in" && tokens[$0 + 1].text == "the" && tokens[$0 + 2].text == "words"
                && tokens[$0 + 3].text == "of"
        }), tokens[inWords - 1].text == ",", tokens[head.upperBound - 1].text == "," {
            return Attribution(cue: "in the words of", speaker: context.speakerPhrase(startingAt: inWords + 4, limit: head.upperBound - 1))
        }
        // "In Ana Ruiz's words, “...”", "In the words of one aide, “...”"
        if tokens[head.lowerBound].text == "In", head.count > 3,
            let words = ((head.lowerBound + 1)..<min(head.upperBound, head.lowerBound + 8)).first(where: { tokens[$0].text == "words" })
        {
            if words + 1 < head.upperBound, tokens[words + 1].text == "of" {
                return Attribution(cue: "in the words of", speaker: context.speakerPhrase(startingAt: words + 2, limit: head.upperBound))
            }
            if tokens[words - 1].kind == .possessive, let owner = context.mention(at: words - 2), owner.1.upperBound == words - 1 {
                return Attribution(cue: "in the words of", speaker: SpeakerPhrase(tokens: owner.1, entity: owner.0, confidence: 0.85))
            }
        }
        // "As X put it, “...”"
        if tokens[head.lowerBound].text == "As", let put = putIt(in: (head.lowerBound + 1)..<head.upperBound, tokens) {
            return Attribution(cue: "put it", speaker: context.speakerPhrase(startingAt: head.lowerBound + 1, limit: put))
        }
        // "Said Ellis: “...”": the verb opens the sentence, the speaker follows it; with a comma
        // ("Said Ellis, “...”") only a name comes between, or a name and a phrase about it
        // ("Said Dorothy Poynter, who grew up with Ali, “...”").
        let opener = tokens[head.lowerBound]
        // A lead-in paragraph ("Stated Stone:") comes without its colon.
        let colonEnds = tokens[head.upperBound - 1].text == ":"
        let commaEnds = tokens[head.upperBound - 1].text == ","
        // Not "Asked whether he would resign, the mayor said: “...”": the speaker is named right
        // after the verb, or described ("Said the mayor:").
        let namedNext = head.count > 1 && (tokens[head.lowerBound + 1].isCapitalized || Lexicon.articles.contains(tokens[head.lowerBound + 1]))
        if opener.isCapitalized, Lexicon.postposableVerbs.containsLowercased(opener), namedNext,
            colonEnds || commaEnds ? head.count > 2 : allowVerbless && head.count > 1,
            let speaker = context.speakerPhrase(startingAt: head.lowerBound + 1, limit: colonEnds || commaEnds ? head.upperBound - 1 : head.upperBound),
            speaker.entity != nil,
            !commaEnds || speaker.tokens == (head.lowerBound + 1)..<(head.upperBound - 1)
                || Self.isAside(speaker.tokens.upperBound..<(head.upperBound - 1), tokens)
        {
            return Attribution(cue: opener.text.lowercased(), speaker: speaker)
        }
        // "The Home Office letter reads “...”", "a sign that read: “...”": written words, their
        // author's when the subject names one; unless a speech verb before names the author
        // ("Henry added the caption, which reads"), nobody's otherwise.
        if let reads = readsBeforeQuote(head, tokens) {
            let subject = context.speakerPhrase(endingBefore: reads, floor: head.lowerBound)
            if subject?.entity != nil { return Attribution(cue: tokens[reads].text, speaker: subject) }
            if !head.contains(where: { isSpeechVerb(at: $0, tokens) }) { return Attribution(cue: tokens[reads].text, speaker: nil) }
        }
        // The nearest speech verb before the quote whose subject names someone; but in
        // "Freeland said even though Canada believes ..., “...”" the person who said it
        // speaks, not the country in the clause.
        var firstVerb: Int?
        var nearest: Attribution?
        // Not "the United States": a word of a name is no verb.
        for verb in head.reversed()
        where (isSpeechVerb(at: verb, tokens) || refersToAs(verb, head, tokens) || isParticleCue(verb, head, tokens) || isTopicCue(verb, head, tokens))
            && tokens[verb].text != "according"
            && context.mention(at: verb) == nil
        {
            if firstVerb == nil { firstVerb = verb }
            // "Christie bristled at ... advising Trump, saying “...”", "Clinton rallied ... and
            // tweeted “...”": a participle or joined verb has no subject of its own; the name
            // nearest it is usually its object.
            let sentenceStart = context.document.sentenceRange(of: verb).lowerBound
            // "The ruling was described by Judge Carla Reyes as (a) “...”": a passive's agent speaks,
            // its words right after it (not "was called by the party to force ...").
            let passive = SpeechCues.followsFormOfBe(verb, floor: sentenceStart, tokens)
            if passive, verb + 2 < head.upperBound, tokens[verb + 1].text == "by",
                let agent = context.speakerPhrase(startingAt: verb + 2, limit: head.upperBound), agent.entity != nil,
                (agent.tokens.upperBound..<head.upperBound).allSatisfy({ ["as", ",", ":"].contains(tokens[$0].text) || Lexicon.articles.contains(tokens[$0]) })
            {
                return Attribution(cue: tokens[verb].text, speaker: agent)
            }
            // "The levy was called ... the “Pier Plan”", "The plan was described as “reckless”":
            // what is named or judged, never who judged it.
            if passive, tokens[verb].text.hasSuffix("ed"), SpeechCues.objectSpeechActs.contains(tokens[verb]) {
                return Attribution(cue: tokens[verb].text, speaker: nil)
            }
            // "..., with the teachers' union calling her “...”": the name after "with" is the
            // participle's subject.
            if tokens[verb].text.hasSuffix("ing"),
                let with = (max(sentenceStart, verb - 8)..<verb).last(where: { tokens[$0].text.lowercased() == "with" }),
                !(with..<verb).contains(where: { tokens[$0].kind == .punctuation }),
                let subject = context.speakerPhrase(endingBefore: verb, floor: with + 1), subject.entity != nil, subject.tokens.upperBound == verb
            {
                return Attribution(cue: tokens[verb].text, speaker: subject)
            }
            // "with Trump tweeting that ... and asking, “...”": the participle joined shares the
            // subject written before the one it joins.
            if tokens[verb].text.hasSuffix("ing"), verb > sentenceStart, tokens[verb - 1].text == "and",
                let earlier = (sentenceStart..<(verb - 1)).last(where: { tokens[$0].text.hasSuffix("ing") && SpeechCues.reportingVerbs.contains(tokens[$0]) }),
                let subject = context.speakerPhrase(endingBefore: earlier, floor: sentenceStart), subject.entity != nil, subject.tokens.upperBound == earlier
            {
                return Attribution(cue: tokens[verb].text, speaker: subject)
            }
            if sharesSentenceSubject(verb, sentenceStart: sentenceStart, tokens), let subject = clauseSubject(from: sentenceStart, before: verb, context) {
                return Attribution(cue: tokens[verb].text, speaker: subject)
            }
            // "..., Spicer said, adding, “...”": the participle continues the earlier cue's speaker.
            if let speaker = speakerOfEarlierCue(beforeParticiple: verb, head, context) {
                return Attribution(cue: tokens[verb].text, speaker: speaker)
            }
            // "Dog Andres, a spokesman for Speaker Paul Ryan, said": the name before the apposition.
            if let speaker = appositionSubject(cue: verb, floor: head.lowerBound, context) ?? context.speakerPhrase(endingBefore: verb, floor: head.lowerBound),
                let entity = speaker.entity
            {
                let found = Attribution(cue: tokens[verb].text, speaker: speaker)
                if context.entities[entity].type == .person { return found }
                if nearest == nil { nearest = found }
                continue
            }
            // "said X:" as a lead-in; a nationality after the verb is its object, not a speaker,
            // and so is the one told or described.
            if nearest == nil, verb == firstVerb, let speaker = context.speakerPhrase(startingAt: verb + 1, limit: head.upperBound),
                let entity = speaker.entity, context.entities[entity].type != .norp,
                !Self.objectIsNotSpeakerVerbs.containsLowercased(tokens[verb])
            {
                return Attribution(cue: tokens[verb].text, speaker: speaker)
            }
        }
        if let nearest { return nearest }
        if let firstVerb {
            let speaker = context.speakerPhrase(endingBefore: firstVerb, floor: head.lowerBound)
            // "He ..., calling X an “...”": a participle's subject is the sentence's.
            if speaker?.entity == nil, tokens[firstVerb].text.hasSuffix("ing"), Self.opensParticiplePhrase(firstVerb, from: head.lowerBound, tokens),
                let subject = sentenceSubject(of: context.document.sentenceRange(of: firstVerb).lowerBound..<firstVerb, context, allowingOrganisations: true)
            {
                return Attribution(cue: tokens[firstVerb].text, speaker: subject)
            }
            if speaker?.entity == nil, let issuer = issuerOfStatement(saying: firstVerb, head, context) {
                return Attribution(cue: tokens[firstVerb].text, speaker: issuer)
            }
            let sentenceStart = context.document.sentenceRange(of: firstVerb).lowerBound
            if speaker?.entity == nil, sharesSentenceSubject(firstVerb, sentenceStart: sentenceStart, tokens),
                let subject = nearestClauseSubject(from: max(head.lowerBound, sentenceStart), before: firstVerb, context)
            {
                return Attribution(cue: tokens[firstVerb].text, speaker: subject)
            }
            return Attribution(cue: tokens[firstVerb].text, speaker: speaker)
        }
        // "Donald Trump issued the following statement:", "The ministry released a statement:",
        // "From Bush's Facebook post:": the one whose statement follows the colon (a lead-in
        // paragraph comes without it).
        let noun = tokens[head.upperBound - 1].text == ":" ? head.upperBound - 2 : head.upperBound - 1
        if noun > head.lowerBound, SpeechCues.statementNouns.contains(tokens[noun]), noun + 1 < tokens.count, tokens[noun + 1].text == ":" {
            let phrase = max(head.lowerBound, noun - 4)..<noun
            if let possessive = phrase.last(where: { tokens[$0].kind == .possessive }),
                let owner = context.speakerPhrase(endingBefore: possessive, floor: head.lowerBound), owner.entity != nil
            {
                return Attribution(cue: tokens[noun].text, speaker: owner)
            }
            if let verb = phrase.last(where: { SpeechCues.issuingVerbs.contains(tokens[$0]) }),
                let subject = clauseSubject(from: head.lowerBound, before: verb, context)
                    ?? sentenceSubject(of: head.lowerBound..<verb, context, allowingOrganisations: true)
            {
                return Attribution(cue: tokens[noun].text, speaker: subject)
            }
        }
        // "His verdict: “...”", "The coach's message to fans: “...”": the owner of the words.
        if tokens[head.upperBound - 1].text == ":", let owned = ownerOfWords(beforeColon: head.upperBound - 1, floor: head.lowerBound, context) {
            return Attribution(cue: tokens[owned.noun].text, speaker: owned.owner)
        }
        // Transcript label: NAME: “...”
        if allowVerbless || tokens[head.upperBound - 1].text == ":" {
            let end = tokens[head.upperBound - 1].text == ":" ? head.upperBound - 1 : head.upperBound
            // "Rep. Trey Gowdy (R-S.C.):", "Former secretary of state Hillary Clinton:": only
            // words of a title may come before the name, after a headline and its dash or a
            // quotation before ("POLL SHIFTS - More from Jones:", "“...” Bush:").
            var floor = head.lowerBound
            let closesHeading: (Token) -> Bool = { token in
                if case .quoteMark(let mark) = token.kind { return mark.mayCloseDouble }
                return Self.signatureDashes.contains(token)
            }
            if let mark = (head.lowerBound..<end).last(where: { closesHeading(tokens[$0]) }) { floor = mark + 1 }
            if floor + 2 < end, tokens[floor].text == "More", tokens[floor + 1].text == "from" { floor += 2 }
            if end > floor, let speaker = context.speakerPhrase(endingBefore: end, floor: floor),
                (floor..<speaker.tokens.lowerBound).allSatisfy({ AttributionContext.isWordOfTitle(tokens[$0]) })
            {
                return Attribution(cue: nil, speaker: speaker, namedExplicitly: speaker.entity != nil)
            }
        }
        if let speaker = colonIntroducedSpeaker(head, context) { return Attribution(cue: nil, speaker: speaker, namedExplicitly: true) }
        return nil
    }

    /// "His verdict:", "Her message to voters:", "The coach's assessment:": a sentence that is
    /// only someone's words (a noun for them, owned) before a colon; the owner, a pronoun
    /// resolved or a name.
    private func ownerOfWords(beforeColon colon: Int, floor: Int, _ context: AttributionContext) -> (noun: Int, owner: SpeakerPhrase)? {
        let tokens = context.document.tokens
        let start = max(floor, context.document.sentenceRange(of: colon).lowerBound)
        guard colon - start <= 8, let noun = (start..<colon).first(where: { Self.wordsNouns.contains(tokens[$0]) }), noun > start,
            ((noun + 1)..<colon).allSatisfy({ tokens[$0].isWord }), noun + 1 == colon || tokens[noun + 1].text == "to"
        else { return nil }
        if noun == start + 1, let subject = AttributionContext.possessiveSubjects[tokens[start].text.lowercased()] {
            return (noun, context.pronounPhrase(subject, at: start..<(start + 1)))
        }
        guard tokens[noun - 1].kind == .possessive, let owner = context.speakerPhrase(endingBefore: noun - 1, floor: start) else { return nil }
        return (noun, owner)
    }
    private static let wordsNouns: WordSet = ["verdict", "message", "response", "reply", "answer", "advice", "warning", "explanation", "assessment", "retort", "plea", "words"]

    /// "Speaking outside city hall, she put it bluntly: “...”", "Asked about the call, coach Ray
    /// Dillard was succinct: “...”": a sentence about a person introduces their words with a
    /// colon; its subject, a person named or a pronoun, speaks.
    private func colonIntroducedSpeaker(_ head: Range<Int>, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        let colon = head.upperBound - 1
        // Words said, a sentence of them: not a title ("his guilty pleasure: “Saturday Night
        // Live”") nor a term (“song anthropologist”).
        guard tokens[colon].text == ":", colon > 0, tokens[colon - 1].isWord, colon + 2 < tokens.count, tokens[colon + 2].isCapitalized else { return nil }
        let opening = (colon + 2)..<min(tokens.count, colon + 8)
        let words = opening.prefix { !tokens[$0].isQuoteMark }
        guard words.contains(where: { tokens[$0].isWord && !tokens[$0].isCapitalized }) else { return nil }
        let sentenceStart = max(head.lowerBound, context.document.sentenceRange(of: colon).lowerBound)
        guard colon - sentenceStart >= 2 else { return nil }
        // The clause's subject opens the sentence or follows an opening phrase's comma, with
        // only a title before it ("Jets coach Ray Dillard"), not "since she endorsed Mrs. Clinton".
        if let subject = clauseSubject(from: sentenceStart, before: colon, context), let entity = subject.entity,
            context.entities[entity].type == .person
        {
            let clauseStart = (sentenceStart..<subject.tokens.lowerBound).last { tokens[$0].text == "," }.map { $0 + 1 } ?? sentenceStart
            // Not a name qualifying the subject ("The Clinton campaign ...").
            let qualifies = subject.tokens.upperBound < colon && Lexicon.roleNouns.contains(tokens[subject.tokens.upperBound])
            if !qualifies, (clauseStart..<subject.tokens.lowerBound).allSatisfy({ tokens[$0].isCapitalized || AttributionContext.isWordOfTitle(tokens[$0]) }) {
                return subject
            }
            return nil
        }
        // A pronoun opening the clause, at the sentence start or after an opening phrase's comma.
        if let pronoun = (sentenceStart..<min(colon, sentenceStart + 25)).first(where: { index in
            ["he", "she"].contains(tokens[index].text.lowercased()) && (index == sentenceStart || tokens[index - 1].text == ",")
        }) {
            return context.resolvePronoun(tokens[pronoun].text.lowercased(), before: pronoun).map {
                SpeakerPhrase(tokens: pronoun..<(pronoun + 1), entity: $0, confidence: 0.6)
            }
        }
        // "The surge does not surprise pollster Dana Shaw: “...”": with no person as the clause's
        // subject, the person named right before the colon; not when a person described opens
        // the clause ("The senator thanked Dana Shaw:").
        if let (entity, mention) = context.mention(at: colon - 1), mention.upperBound == colon, context.entities[entity].type == .person,
            case let titled = (sentenceStart..<mention.lowerBound).reversed().prefix(while: { AttributionContext.isWordOfTitle(tokens[$0]) }).last ?? mention.lowerBound,
            !(sentenceStart..<titled).contains(where: { tokens[$0].isWord && AttributionContext.isPersonNoun(tokens[$0].text.lowercased()) })
        {
            return SpeakerPhrase(tokens: mention, entity: entity, confidence: 0.5)
        }
        return nil
    }

    /// A speech verb used as a verb: "tweets" in "Trump tweets" but not in "his late-night
    /// tweets"; "calls" in "she calls it" but not in "the calls". Any reporting verb's
    /// participle counts ("with Trump yelling: “...”"); its other forms stay out, as "posted"
    /// under an embedded post's date.
    func isSpeechVerb(at index: Int, _ tokens: [Token]) -> Bool {
        let word = tokens[index].text
        // "Ruiz Says “We Will Reopen The Port”": a title-case line capitalises its verb too,
        // right before the quotation it introduces (a verb of saying, not "Felt" or "Called").
        let inTitleCase =
            index > 0 && index + 1 < tokens.count && tokens[index].isCapitalized && tokens[index - 1].isCapitalized
            && tokens[index - 1].sentence == tokens[index].sentence && (tokens[index + 1].isQuoteMark || tokens[index + 1].text == ":")
        guard
            Lexicon.speechVerbs.contains(word) || word.hasSuffix("ing") && SpeechCues.reportingVerbs.contains(word)
                || inTitleCase && Lexicon.postposableVerbs.containsLowercased(word)
        else { return false }
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.kind == .possessive { return false }
        return !Self.nounMarkers.containsLowercased(previous) && !previous.text.unicodeScalars.contains("-")
    }


    private static let nounMarkers: WordSet = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "this", "of",
        "recent", "latest", "new", "many", "several", "some", "any", "no", "such", "angry", "two", "three",
    ]

    /// "the editorial board" right before `cue`: "the" and up to three lower-case words.
    private static func opensBeforeAside(_ phrase: SpeakerPhrase, floor: Int, _ tokens: [Token]) -> Bool {
        phrase.tokens.lowerBound <= floor + 1 && phrase.tokens.upperBound < tokens.count && tokens[phrase.tokens.upperBound].text == ","
    }

    static func endsWithDescription(_ phrase: SpeakerPhrase, before cue: Int, _ tokens: [Token]) -> Bool {
        // "the Florida Republican would only say": past modals and adverbs, capitalised words too.
        let edge = AttributionContext.verbEdge(before: cue, floor: phrase.tokens.lowerBound, tokens)
        guard phrase.tokens.upperBound == cue || phrase.tokens.upperBound == edge else { return false }
        var index = edge - 1
        while index >= max(phrase.tokens.lowerBound, edge - 4), tokens[index].isWord, tokens[index].text.lowercased() != "the" { index -= 1 }
        return index >= phrase.tokens.lowerBound && index < edge - 1 && tokens[index].text.lowercased() == "the"
    }
}
