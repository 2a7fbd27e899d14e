/// Speech reported in the writer's words, found before anyone is attributed: its cue, the
/// content (one part, or two around an inserted cue: "The plan, he said, is dead."), and
/// where to look for its speaker.
struct ReportedSpeechCandidate: Sendable {
    enum SpeakerSide: Sendable {
        /// The cue's subject ends right before it ("the minister said").
        case before(cue: Int, floor: Int)
        /// Named after the cue ("said Smith", "according to officials").
        case after(start: Int, limit: Int)
        /// The subject the sentence opens with, or nobody ("Both parents denounced him,
        /// saying ...": not the name inside the clause).
        case sentenceSubject(start: Int, limit: Int)
        /// Nobody the sentence names: "She was told that ..." (the one told is no speaker).
        case unnamed
        /// An interview's answer ("A: ..."): the person the article names first, before `label`.
        case interviewee(label: Int)
        /// A description naming no one, as written: a headline's "Former Clinton Pollster".
        case described(Range<Int>)
    }

    var cue: Range<Int>
    var cueText: String
    /// Token ranges of the content, in text order.
    var content: [Range<Int>]
    var speakerSide: SpeakerSide
    /// A transcript's turn: the speaker's own words, though not in quotation marks.
    var isVerbatim = false

    var tokens: Range<Int> { content[0].lowerBound..<content[content.count - 1].upperBound }
}

/// What speech an article holds before anyone is attributed: its quotations and its
/// reported speech. Found from the text alone, so beside the entities.
struct SpeechCandidates: Sendable {
    var quotations: [QuoteCandidate]
    var reported: [ReportedSpeechCandidate]

    init(_ document: Document) {
        quotations = QuoteFinder().findQuotes(document)
        reported = ReportedSpeechFinder().find(document, quotes: quotations)
    }
}

/// Finds reported speech with rules drawn from PolNeAR's training split (figures in the
/// README): a reporting verb either follows its content ("The plan will fail, Smith
/// said.") or opens it ("Smith said (that) the plan will fail."); the content runs from the
/// sentence start to the comma before the subject, or from the cue (past "that", the one
/// told, a date or "in a statement,") to the sentence end, cut where a new attribution
/// starts. Quotations that are the whole content are left to the quote attributor.
struct ReportedSpeechFinder: Sendable {
    /// Shortest content, in words: "said so" reports nothing a reader can use.
    static let minimumWords = 3

    /// The cues that most often start a second attribution inside a sentence.
    private static let commonCueWords = ["said", "says", "told", "tells", "added", "adds", "argued", "noted", "wrote", "warned", "insisted"]
    private static let commonCues = WordSet(commonCueWords)
    private static let nestedCues: WordSet = ["said", "says", "told", "tells"]

    func find(_ document: Document, quotes: [QuoteCandidate]) -> [ReportedSpeechCandidate] {
        let tokens = document.tokens
        var insideQuote = [Bool](repeating: false, count: tokens.count)
        for quote in quotes {
            for index in quote.inner { insideQuote[index] = true }
        }
        var found: [ReportedSpeechCandidate] = []
        let transcript = TranscriptLabels(tokens)
        var turnEnd = 0
        for sentence in document.sentences {
            // The rest of a transcript's turn: said already, with no reports of its own.
            if sentence.lowerBound < turnEnd { continue }
            if let turn = transcript.turn(at: sentence.lowerBound, tokens) ?? transcript.unlabelledQuestion(at: sentence.lowerBound, tokens) {
                turnEnd = turn.paragraphEnd
                if let candidate = turn.candidate { found.append(candidate) }
                continue
            }
            var index = sentence.lowerBound
            if let labelled = labelledLine(sentence, tokens, insideQuote) ?? titleCaseHeadline(sentence, tokens, insideQuote) {
                found.append(labelled)
                continue
            }
            if let question = questionPutToSpeaker(sentence, tokens, insideQuote) {
                found.append(question)
                index = question.tokens.upperBound
            }
            // "The other person replied, telling him ..., Cornett wrote.": a cue that closes
            // the sentence governs all before it, cues inside included.
            if var closing = closingCue(in: sentence, document, insideQuote) {
                if let agent = passiveSpeaker(of: closing, in: sentence, tokens) { closing.speakerSide = agent }
                found.append(closing)
                found += nestedReports(in: closing, document, insideQuote)
                index = max(closing.tokens.upperBound, closing.cue.upperBound)
            }
            while index < sentence.upperBound {
                guard !insideQuote[index], var candidate = reported(at: index, in: sentence, document, insideQuote) else {
                    index += 1
                    continue
                }
                // "She said ... and told reporters ...", "She accused them of ... and promised
                // ...": a cue joined to the verb before it shares that verb's subject.
                if let conjunction = joiningConjunction(before: candidate.cue.lowerBound, sentence, tokens), case .before = candidate.speakerSide {
                    if let previous = found.last, previous.cue.lowerBound >= sentence.lowerBound, isMainClauseVerb(previous.cue.lowerBound, sentence, tokens) {
                        candidate.speakerSide = previous.speakerSide
                    } else {
                        candidate.speakerSide = .sentenceSubject(start: joinedClauseStart(before: conjunction, sentence, tokens), limit: conjunction)
                    }
                }
                // "..., while only 49 percent of Republicans say ...": a cue in a clause joined
                // after the last content finds its subject in that clause only.
                if case .before(let cue, let floor) = candidate.speakerSide, let previousEnd = found.last?.content.last?.upperBound,
                    previousEnd >= floor, previousEnd + 2 < cue, tokens[previousEnd].text == ",",
                    Self.joinedClauseOpeners.contains(tokens[previousEnd + 1])
                {
                    candidate.speakerSide = .before(cue: cue, floor: previousEnd + 2)
                }
                if let agent = passiveSpeaker(of: candidate, in: sentence, tokens) { candidate.speakerSide = agent }
                // "The plan, Voss said, is dead, as Lee said before.": content reaching back over
                // the attribution before it is that one's; "according to" a source carries it
                // as a closing cue does ("..., he said, according to the complaint").
                if let previous = found.last, sentence.contains(previous.cue.lowerBound), candidate.content[0].lowerBound < previous.cue.lowerBound,
                    candidate.cueText != "according to"
                {
                    index = max(index + 1, candidate.cue.upperBound)
                    continue
                }
                found.append(candidate)
                // "According to the Herald, Professor Ann Lee said ...": the report the source
                // carries is an attribution of its own too.
                if candidate.cueText == "according to", candidate.content[0].lowerBound > candidate.cue.lowerBound {
                    found += nestedReports(in: candidate, document, insideQuote)
                }
                // One attribution per stretch of text: the next cue is looked for after it.
                index = max(index + 1, candidate.tokens.upperBound, candidate.cue.upperBound)
            }
        }
        return found.compactMap { balanced($0, quotes, document, insideQuote) }
    }

    /// "Avalos told investigators that she ..., court papers say.": speech reported inside
    /// the content of a closing cue is an attribution of its own, its speaker the inner
    /// cue's subject.
    private func nestedReports(in outer: ReportedSpeechCandidate, _ document: Document, _ insideQuote: [Bool]) -> [ReportedSpeechCandidate] {
        let scope = outer.content[0]
        var nested: [ReportedSpeechCandidate] = []
        var index = scope.lowerBound
        while index < scope.upperBound {
            // Only a plain report with its subject before it: other verbs inside a report
            // ("agreed to host", "added staff") are more often not speech.
            guard !insideQuote[index], Self.nestedCues.contains(document.tokens[index]), !SpeechCues.followsFormOfBe(index, floor: scope.lowerBound, document.tokens),
                opensMainClause(subjectOf: index, scope, document.tokens),
                let candidate = reported(at: index, in: scope, document, insideQuote), case .before = candidate.speakerSide
            else {
                index += 1
                continue
            }
            nested.append(candidate)
            index = max(index + 1, candidate.tokens.upperBound, candidate.cue.upperBound)
        }
        return nested
    }

    /// Whether the cue's subject opens the report's main clause: at its start or after an
    /// opening phrase's comma, with no relative or subordinate word before the cue ("a man
    /// who neighbours said had ...", "as the mayor said", "Mbeki said Zuma told him").
    private func opensMainClause(subjectOf cue: Int, _ scope: Range<Int>, _ tokens: [Token]) -> Bool {
        let start = subjectStart(before: cue, floor: scope.lowerBound, tokens)
        guard start == scope.lowerBound || tokens[start - 1].text == "," else { return false }
        return !(start..<cue).contains { Self.relativeWords.containsLowercased(tokens[$0]) || Lexicon.subordinators.containsLowercased(tokens[$0]) }
    }
    private static let relativeWords: WordSet = ["who", "whom", "whose", "which", "that", "where"]
    /// Pronouns that open a relative clause after a comma; not "that" (", that official said").
    private static let relativePronouns: WordSet = ["who", "whom", "whose", "which"]
    /// Relative words that stand as their clause's subject ("a man who police said was armed").
    private static let subjectRelatives: WordSet = ["who", "which", "that"]

    /// The "and" or "but" joining a cue to the verb before it: right before it, past
    /// auxiliaries and adverbs ("and has since said", "and then tweeted"), or before a phrase
    /// of a few words opening with a preposition ("and in a carefully worded response said").
    private func joiningConjunction(before cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        guard cue > sentence.lowerBound else { return nil }
        var before = cue - 1
        while before > sentence.lowerBound, cue - before <= 3, AttributionContext.isVerbModifier(tokens[before].text) || tokens[before].text == "since" {
            before -= 1
        }
        if Lexicon.andOrBut.contains(tokens[before]) { return before }
        guard let conjunction = (max(sentence.lowerBound, cue - 9)..<(cue - 1)).last(where: { Lexicon.andOrBut.contains(tokens[$0]) }),
            conjunction + 2 < cue, Lexicon.prepositions.contains(tokens[conjunction + 1]),
            ((conjunction + 1)..<cue).allSatisfy({ tokens[$0].isWord && !SpeechCues.reportingVerbs.contains(tokens[$0]) })
        else { return nil }
        return conjunction
    }

    /// ", while Reyes, the council chair, called a vote and said": where the clause with a
    /// subject of its own, joined before `conjunction`, begins; else the sentence's start.
    private func joinedClauseStart(before conjunction: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        let opener = (sentence.lowerBound..<max(sentence.lowerBound, conjunction - 3)).last { (comma: Int) -> Bool in
            tokens[comma].text == "," && Self.subjectJoiners.contains(tokens[comma + 1])
                && (tokens[comma + 2].isCapitalized || Lexicon.articles.contains(tokens[comma + 2]) || Lexicon.subjectPronouns.contains(tokens[comma + 2]))
        }
        return opener.map { $0 + 2 } ?? sentence.lowerBound
    }
    private static let subjectJoiners: WordSet = ["while", "whilst", "whereas", "but"]

    /// "X was told that ...": the subject of a passive cue heard it; the speaker is the
    /// agent after "by" ("was told by the mayor that"), or nobody the sentence names.
    private func passiveSpeaker(of candidate: ReportedSpeechCandidate, in sentence: Range<Int>, _ tokens: [Token]) -> ReportedSpeechCandidate.SpeakerSide? {
        let cue = candidate.cue.lowerBound
        let word = tokens[cue].text
        guard word.hasSuffix("ed") || ["told", "said", "written"].contains(word) else { return nil }
        // "X is reported to have called ...": X did the speaking; but "X was asked to resign":
        // X was asked.
        if cue + 1 < sentence.upperBound, tokens[cue + 1].text == "to", !SpeechCues.questionVerbs.contains(word) { return nil }
        let contentStart = candidate.content[0].lowerBound
        let end = contentStart > cue ? contentStart : min(sentence.upperBound, cue + 10)
        // "As reported by the Gazette, ...", "..., as first reported by the Gazette": the agent
        // speaks, with or without a form of "be".
        // Not "X responded by saying that ...": a gerund after "by" is no agent.
        if word.hasSuffix("ed"), cue + 2 < end, tokens[cue + 1].text == "by", !tokens[cue + 2].text.hasSuffix("ing") {
            return .after(start: cue + 2, limit: end)
        }
        guard SpeechCues.readsAsPassive(cue, floor: sentence.lowerBound, tokens) else { return nil }
        guard let by = ((cue + 1)..<max(cue + 1, end)).first(where: { tokens[$0].text == "by" }) else {
            return .unnamed
        }
        return .after(start: by + 1, limit: end)
    }

    // MARK: - Cues

    private func reported(at index: Int, in sentence: Range<Int>, _ document: Document, _ insideQuote: [Bool]) -> ReportedSpeechCandidate? {
        let tokens = document.tokens
        if SpeechCues.isAccordingTo(at: index, tokens, before: sentence.upperBound) {
            return accordingTo(index, sentence, document)
        }
        if let quoted = quotedAsSaying(at: index, in: sentence, tokens) { return quoted }
        guard isCue(at: index, in: sentence, tokens) else { return nil }
        switch postposed(cue: index, sentence, document, insideQuote) {
        case .found(let candidate): return candidate
        case .attributesQuotation: return nil
        case .none: return preposed(cue: index, sentence, document)
        }
    }

    /// "KCNA quoted Kim Jong Un as saying ...": the one quoted speaks; "Ben Salah was quoted by
    /// TAP as saying ...": the subject does.
    private func quotedAsSaying(at index: Int, in sentence: Range<Int>, _ tokens: [Token]) -> ReportedSpeechCandidate? {
        guard tokens[index].text == "saying", index - 1 > sentence.lowerBound, tokens[index - 1].text == "as",
            let quoted = (max(sentence.lowerBound, index - 14)..<(index - 1)).last(where: { tokens[$0].text == "quoted" }),
            quoted > sentence.lowerBound, index + 1 < sentence.upperBound
        else { return nil }
        let content = (index + 1)..<contentEnd(from: index + 1, sentence, tokens)
        guard wordCount(content, tokens) >= Self.minimumWords else { return nil }
        let passive = SpeechCues.formsOfBe.containsLowercased(tokens[quoted - 1])
        let side: ReportedSpeechCandidate.SpeakerSide =
            passive ? .before(cue: quoted - 1, floor: sentence.lowerBound) : .after(start: quoted + 1, limit: index - 1)
        return ReportedSpeechCandidate(cue: index..<(index + 1), cueText: "quoted as saying", content: [content], speakerSide: side)
    }

    private enum Postposed {
        case found(ReportedSpeechCandidate)
        /// “...,” said Smith: the cue of a quotation, the quote attributor's.
        case attributesQuotation
    }

    /// "Sanders: Endorsements prove Clinton's ties", "JOEL BENENSON: This is a man who ...": a
    /// headline, or a transcript's paragraph, opening with a name and a colon reports the
    /// rest of its sentence as that name's.
    private func labelledLine(_ sentence: Range<Int>, _ tokens: [Token], _ insideQuote: [Bool]) -> ReportedSpeechCandidate? {
        let start = sentence.lowerBound
        guard start < sentence.upperBound, tokens.opensParagraph(at: start), !insideQuote[start],
            let colon = (start..<min(sentence.upperBound, start + 7)).first(where: { tokens[$0].text == ":" }), colon > start,
            !Self.notSpeakerLabels.contains(tokens[start].text.lowercased()), tokens[start].text.count > 1,
            (start..<colon).allSatisfy({ tokens[$0].isCapitalized || tokens[$0].kind == .possessive || [".", "&"].contains(tokens[$0].text) }),
            // A headline's, or a transcript's capitals: not a section heading ("Veto Power: ...").
            tokens[start].paragraph == 0 || (start..<colon).allSatisfy({ !tokens[$0].isWord || tokens[$0].isAllCaps })
        else { return nil }
        var end = sentence.upperBound
        while end > colon + 1, tokens[end - 1].kind == .punctuation { end -= 1 }
        let content = (colon + 1)..<end
        guard wordCount(content, tokens) >= Self.minimumWords else { return nil }
        return ReportedSpeechCandidate(cue: colon..<(colon + 1), cueText: ":", content: [content], speakerSide: .before(cue: colon, floor: start))
    }

    /// "Trump Says He's Unlikely To Meet Cameron": a headline in title case capitalises its
    /// cue too, so the lower-case rules never see it. A cue in the present tense after the
    /// speaker's words reports the rest of the line; not "Tells", whose audience comes first,
    /// nor a quotation, which the quote attributor reads.
    private func titleCaseHeadline(_ sentence: Range<Int>, _ tokens: [Token], _ insideQuote: [Bool]) -> ReportedSpeechCandidate? {
        let start = sentence.lowerBound
        guard start < sentence.upperBound, tokens[start].paragraph == 0, !insideQuote[start], tokens.isTitleCaseHeading(sentence),
            let cue = ((start + 1)..<sentence.upperBound).first(where: { index in
                let word = tokens[index].text.lowercased()
                return tokens[index].isCapitalized && word != "tells" && SpeechCues.isPresentTenseCue(word)
                    && !SpeechCues.objectSpeechActs.contains(word) && !insideQuote[index]
            }),
            (start..<cue).contains(where: { tokens[$0].isWord && tokens[$0].isCapitalized }),
            // "Defends Himself Against Claims He Exaggerated": a noun after a preposition.
            !Lexicon.prepositions.containsLowercased(tokens[cue - 1]), !SpeechCues.determiners.containsLowercased(tokens[cue - 1])
        else { return nil }
        // "Former Clinton Pollster Says": capitals hide which words name someone, so a line
        // whose last word before the cue is a role is a description, not the name inside it.
        let speakerSide: ReportedSpeechCandidate.SpeakerSide =
            AttributionContext.isPersonNoun(tokens[cue - 1].text.lowercased()) ? .described(start..<cue) : .before(cue: cue, floor: start)
        var contentStart = cue + 1
        if contentStart < sentence.upperBound, tokens[contentStart].text.lowercased() == "that" { contentStart += 1 }
        var end = sentence.upperBound
        while end > contentStart, tokens[end - 1].kind == .punctuation { end -= 1 }
        let content = contentStart..<end
        guard !content.isEmpty, !tokens[contentStart].isQuoteMark, wordCount(content, tokens) >= Self.minimumWords else { return nil }
        return ReportedSpeechCandidate(cue: cue..<(cue + 1), cueText: tokens[cue].text.lowercased(), content: [content], speakerSide: speakerSide)
    }

    /// An interview's labels: paragraphs opening with a name and a colon ("Okoro:", "EMMA
    /// CLARKE:") or with "Q:"/"A:" ("Q." and "A." too). A label counts when at least two
    /// paragraphs open with it (its last word), so a heading ("Background:") is none.
    private struct TranscriptLabels {
        struct Turn {
            /// Nil for a question, the interviewer's turn.
            var candidate: ReportedSpeechCandidate?
            var paragraphEnd: Int
        }

        private var counts: [String: Int] = [:]

        init(_ tokens: [Token]) {
            for start in tokens.indices where tokens.opensParagraph(at: start) {
                if let (key, _) = Self.label(at: start, tokens) { counts[key, default: 0] += 1 }
            }
        }

        /// Not the headline ("Fallin: Trump Is ..."), a heading in capitals or a tally
        /// ("Clinton: 1,769."): those are the labelled lines' or nobody's.
        func turn(at start: Int, _ tokens: [Token]) -> Turn? {
            // A label in capitals used once ("TRUMP:" for a played clip) is a turn too where other
            // labels make the article a transcript.
            guard !counts.isEmpty, start > 0, tokens.opensParagraph(at: start), let (key, labelEnd) = Self.label(at: start, tokens),
                counts[key, default: 0] >= 2
                    || counts.values.contains(where: { $0 >= 2 }) && (start..<labelEnd).allSatisfy({ !tokens[$0].isWord || tokens[$0].isAllCaps })
            else { return nil }
            let paragraphEnd = tokens.paragraphEnd(from: labelEnd)
            if key == "q" { return Turn(candidate: nil, paragraphEnd: paragraphEnd) }
            let content = (labelEnd + 1)..<paragraphEnd
            let words = content.filter { tokens[$0].isWord }
            guard words.count >= 2, words.contains(where: { !tokens[$0].isCapitalized }) else { return nil }
            let side: ReportedSpeechCandidate.SpeakerSide = key == "a" ? .interviewee(label: start) : .before(cue: labelEnd, floor: start)
            let candidate = ReportedSpeechCandidate(
                cue: labelEnd..<(labelEnd + 1), cueText: ":", content: [content], speakerSide: side, isVerbatim: true)
            return Turn(candidate: candidate, paragraphEnd: paragraphEnd)
        }

        /// An interviewer's question written without a label: a paragraph ending in "?" right
        /// before a labelled answer.
        func unlabelledQuestion(at start: Int, _ tokens: [Token]) -> Turn? {
            guard !counts.isEmpty, tokens.opensParagraph(at: start) else { return nil }
            let paragraphEnd = tokens.paragraphEnd(from: start)
            guard paragraphEnd < tokens.count, tokens[paragraphEnd - 1].text == "?",
                let (key, _) = Self.label(at: paragraphEnd, tokens), key != "q", counts[key, default: 0] >= 2
            else { return nil }
            return Turn(candidate: nil, paragraphEnd: paragraphEnd)
        }

        /// The label's key (its last word, lower-cased; "q" or "a") and the colon or stop ending it.
        private static func label(at start: Int, _ tokens: [Token]) -> (String, Int)? {
            let first = tokens[start].text
            if ["Q", "A", "Q.", "A."].contains(first) {
                let key = String(first.prefix(1)).lowercased()
                if first.hasSuffix(".") { return start + 1 < tokens.count ? (key, start) : nil }
                guard start + 1 < tokens.count, [":", "."].contains(tokens[start + 1].text) else { return nil }
                return (key, start + 1)
            }
            guard let colon = (start..<min(tokens.count, start + 12)).first(where: { tokens[$0].text == ":" }), colon > start,
                tokens[colon].paragraph == tokens[start].paragraph
            else { return nil }
            // "JAKE TAPPER (CNN):", "BERNIE SANDERS (I-VT):": the name before a bracketed affiliation.
            var nameEnd = colon
            if tokens[colon - 1].text == ")", let open = (start..<(colon - 1)).last(where: { tokens[$0].text == "(" }) { nameEnd = open }
            guard nameEnd > start, nameEnd - start <= 5,
                (start..<nameEnd).allSatisfy({ tokens[$0].isCapitalized || tokens[$0].text == "." }),
                let last = (start..<nameEnd).last(where: { tokens[$0].isWord }),
                !notSpeakerLabels.contains(tokens[start].text.lowercased())
            else { return nil }
            return (tokens[last].text.lowercased(), colon)
        }
    }

    /// Labels before a colon that name no speaker.
    private static let notSpeakerLabels: WordSet = [
        "note", "update", "updated", "correction", "photo", "photos", "video", "watch", "read", "related", "source", "sources",
        "image", "credit", "disclosure", "advertisement", "breaking", "exclusive", "editor", "editor's", "editors", "warning",
        "spoiler", "caption", "listen", "see", "also", "subscribe", "follow", "contact", "email", "tags", "topics", "more",
        "clarification", "revealed", "contributing", "reporting", "by",
    ]

    /// "Asked whether the plan would help, Osei said ...": the question put to the speaker,
    /// by nobody the sentence names unless "by" names the one asking; the answer after it is
    /// reported on its own.
    private func questionPutToSpeaker(_ sentence: Range<Int>, _ tokens: [Token], _ insideQuote: [Bool]) -> ReportedSpeechCandidate? {
        let opener = sentence.lowerBound
        guard !sentence.isEmpty, !insideQuote[opener], Self.questionOpeners.contains(tokens[opener]) else { return nil }
        var start = opener + 1
        var asker = ReportedSpeechCandidate.SpeakerSide.unnamed
        // "Asked by Omar Haddad whether ...": the one asking is named.
        if start < sentence.upperBound, tokens[start].text == "by" {
            guard
                let question = ((start + 1)..<min(sentence.upperBound, start + 10)).first(where: {
                    SpeechCues.questionOpeners.contains(tokens[$0]) || ["about", "to", "for"].contains(tokens[$0].text)
                })
            else { return nil }
            if tokens[start + 1].isCapitalized { asker = .after(start: start + 1, limit: question) }
            start = question
        }
        // "Asked once about his success, he said": past an adverb.
        while start < sentence.upperBound, SpeechCues.verbModifiers.contains(tokens[start]) { start += 1 }
        if start < sentence.upperBound, ["about", "on"].contains(tokens[start].text) { start += 1 }
        guard let comma = (start..<sentence.upperBound).first(where: { tokens[$0].text == "," }), wordCount(start..<comma, tokens) >= Self.minimumWords
        else { return nil }
        return candidate(cue: opener, sentence, tokens, content: [start..<comma], speakerSide: asker)
    }

    private static let questionOpeners: WordSet = ["Asked", "Pressed", "Questioned"]
    /// "..., with Mayor Tom Berg warning that ...": the "with" whose noun phrase is the
    /// participle's subject, a few words before it and no punctuation between.
    static func absoluteWith(before participle: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        guard participle - 1 > sentence.lowerBound, tokens[participle - 1].isWord else { return nil }
        let with = (max(sentence.lowerBound, participle - 7)..<(participle - 1)).last { tokens[$0].text.lowercased() == "with" }
        guard let with, !(with..<participle).contains(where: { tokens[$0].kind == .punctuation }),
            // A name: "with both outlets reminding" is more likely the ads' doing.
            ((with + 1)..<participle).contains(where: { tokens[$0].isCapitalized })
        else { return nil }
        return with
    }

    private static let formsOfAdd: WordSet = ["add", "adds", "added", "adding"]
    private static let reportingOnlyWithThat = ["maintain", "mention", "remind", "respond"]
    private static let finiteAfterRelative: WordSet = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "held", "voted",
        "cast", "lead", "led",
    ]
    private static let adjunctPrepositions: WordSet = ["by", "for", "after", "from", "on", "about"]
    /// "about" before an amount means "roughly" ("said about half of ...").
    private static func approximates(_ token: Token) -> Bool {
        token.kind == .number || ["half", "a", "one", "two", "three", "four", "five", "ten", "twice", "as"].contains(token.text.lowercased())
    }
    /// "include pledged delegates": the election's term, never what was pledged.
    private static let nounsAfterAdjectivalCues: WordSet = ["delegates", "superdelegates"]

    /// The last cue of the sentence when its content is all that comes before it.
    private func closingCue(in sentence: Range<Int>, _ document: Document, _ insideQuote: [Bool]) -> ReportedSpeechCandidate? {
        for index in sentence.reversed() where !insideQuote[index] && isCue(at: index, in: sentence, document.tokens) {
            // "Acts of protest, Mr. Obama said, are ..., as Garner said.": a sentence whose
            // speaker is set off inside it is that speaker's; the closing cue governs less.
            if case .found(let candidate) = postposed(cue: index, sentence, document, insideQuote),
                !holdsParentheticalCue(candidate.content[0], in: sentence, document.tokens, insideQuote)
            {
                return candidate
            }
            return nil
        }
        return nil
    }

    /// ", Mr. Obama said,": a cue between commas, its subject a few words after the first.
    private func holdsParentheticalCue(_ range: Range<Int>, in sentence: Range<Int>, _ tokens: [Token], _ insideQuote: [Bool]) -> Bool {
        range.contains { index in
            guard !insideQuote[index], index + 1 < range.upperBound, tokens[index + 1].text == ",", isCue(at: index, in: sentence, tokens),
                let comma = (max(range.lowerBound, index - 5)..<index).last(where: { tokens[$0].text == "," })
            else { return false }
            return comma + 1 < index
        }
    }

    private func isCue(at index: Int, in sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        // Asked of every token: nothing is copied until a word proves a cue.
        // Capitalised, a cue opens its sentence: "Said Ellis: “...”" is the quote attributor's.
        guard tokens[index].isWord, !tokens[index].isCapitalized else { return false }
        // Not capitalised, so a cue is written in lower case: no case folding per token.
        guard
            SpeechCues.reportingVerbs.contains(tokens[index]) || SpeechCues.questionVerbs.contains(tokens[index])
                || hasParticle(index, sentence, tokens) || isHeardInCourt(index, sentence, tokens)
        else { return false }
        let word = tokens[index].text
        let next = index + 1 < sentence.upperBound ? tokens[index + 1] : nil
        let previous = index > sentence.lowerBound ? tokens[index - 1] : nil
        // "Trump's claims", but not "She's claiming": after a pronoun, "'s" is "is" or "has".
        let possessive = previous?.kind == .possessive && !(index >= 2 && Lexicon.subjectPronouns.containsLowercased(tokens[index - 2]))
        if let previous, possessive || SpeechCues.determiners.containsLowercased(previous) { return false }
        // "Pell's conference call ended": a noun after an owner and a noun, a verb after it.
        if index >= sentence.lowerBound + 2, tokens[index - 2].kind == .possessive, previous?.isLowercase == true,
            SpeechCues.nounLike.contains(word) || ["call", "calls"].contains(word),
            let next, next.isLowercase, next.text.hasSuffix("ed") || ["is", "was", "has", "had"].contains(next.text)
        {
            return false
        }
        // "argued with Ms. Brainard", "generals who agree with him": with someone, not that something.
        if next?.text == "with" { return false }
        // "Only time will tell if ...": nobody tells.
        if ["tell", "tells"].contains(word), index >= sentence.lowerBound + 2, tokens[index - 2].text.lowercased() == "time" { return false }
        // "a second blast.", "praise for the plan": an act on something needs its object next.
        if SpeechCues.objectSpeechActs.contains(word),
            !(next.map { $0.isQuoteMark || $0.isWord && !Lexicon.prepositions.contains($0) } ?? false)
        {
            return false
        }
        // "As described in the report", "as cited above": a pointer to a text, no one's act.
        if previous?.text.lowercased() == "as", ["described", "cited"].contains(word) { return false }
        // "adding to his wins", "added to the uncertainty": more of something, not words.
        if Self.formsOfAdd.contains(word), next?.text == "to", index + 2 < sentence.upperBound {
            // "added to her wins": "her" before a noun owns it, and no one is told.
            let owner = tokens[index + 2].text == "her" && index + 3 < sentence.upperBound && tokens[index + 3].isWord && tokens[index + 3].text != "that"
            if owner || !SpeechCues.audiences.contains(tokens[index + 2]) { return false }
        }
        // "needs to tell", "refusing to testify", "a chance to remind": an obligation or an
        // intention; but "went on to explain", "appeared to suggest", "continues to insist" report.
        if previous?.text == "to", index >= sentence.lowerBound + 2, !SpeechCues.reportingBeforeTo.contains(tokens[index - 2]) { return false }
        // "In a Facebook message posted Friday, Cruz said": what was posted, not who.
        if word == "posted", let previous, previous.isWord, !previous.isCapitalized, !Lexicon.subjectPronouns.contains(previous),
            !SpeechCues.verbModifiers.contains(previous), previous.text != "and"
        {
            return false
        }
        // "a majority of pledged delegates", "include pledged delegates": an adjective.
        if word.hasSuffix("ed"), let previous,
            Lexicon.prepositions.contains(previous) || next.map({ Self.nounsAfterAdjectivalCues.contains($0) }) ?? false
        {
            return false
        }
        // "-ing" forms report only as a participle after a comma, a form of "be" or what was
        // issued ("a statement saying that ...").
        if word.hasSuffix("ing") {
            guard let previous,
                [",", "is", "was", "were", "are", "been", "be", "by", "while", "whilst", "after", "'s", "’s", "'re", "’re"].contains(previous.text.lowercased())
                    || Lexicon.weekdays.contains(previous) || issuerVerb(ofStatementBefore: index, sentence, tokens) != nil
                    || Self.absoluteWith(before: index, sentence, tokens) != nil && (next?.text == "that" || SpeechCues.tellingVerbs.contains(word))
            else { return false }
        }
        if SpeechCues.nounLike.contains(word) {
            // "she reports that", "Trump tweeted:", but not "in interviews and tweets, ...".
            let beforeThat = next?.text == "that"
            // "he later remarked", "Cruz would not comment", but not "recant earlier remarks":
            // modifiers after a subject.
            var beforeModifiers = index - 1
            while beforeModifiers >= sentence.lowerBound, SpeechCues.verbModifiers.containsLowercased(tokens[beforeModifiers]) { beforeModifiers -= 1 }
            let modifierAfterSubject =
                beforeModifiers < index - 1
                && (beforeModifiers < sentence.lowerBound || tokens[beforeModifiers].isCapitalized
                    || Lexicon.subjectPronouns.containsLowercased(tokens[beforeModifiers]))
            let afterSubject = previous.map { Lexicon.subjectPronouns.containsLowercased($0) } ?? false || modifierAfterSubject
            let afterName = (previous?.isCapitalized ?? false) && next.map { [",", ":"].contains($0.text) } ?? false
            guard beforeThat || afterSubject || afterName else { return false }
            // "in states that ...", "the early voting states that ...": a noun after a
            // preposition or a modifier in "-ing".
            if let previous, Lexicon.prepositions.contains(previous) || !previous.isCapitalized && previous.text.hasSuffix("ing") { return false }
        }
        return true
    }

    /// "The jury heard that ...", "the inquest heard how ...": evidence given in court, by
    /// someone the sentence does not name.
    private func isHeardInCourt(_ verb: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        guard tokens[verb].text == "heard", verb > sentence.lowerBound else { return false }
        var subject = verb - 1
        while subject > sentence.lowerBound, SpeechCues.verbModifiers.containsLowercased(tokens[subject]) { subject -= 1 }
        return Self.hearingBodies.containsLowercased(tokens[subject])
    }
    private static let hearingBodies: WordSet = ["court", "jury", "jurors", "inquest", "tribunal", "inquiry", "hearing", "magistrates"]

    // MARK: - Content before the cue: "The plan will fail, Smith said."

    private func postposed(cue: Int, _ sentence: Range<Int>, _ document: Document, _ insideQuote: [Bool]) -> Postposed? {
        let tokens = document.tokens
        // ", adding that ...": a participle always opens its content.
        guard !tokens[cue].text.hasSuffix("ing") else { return nil }
        // “...,” said Smith / “...,” Smith, an analyst, told reporters: the quote attributor's.
        if case .quoteMark(let mark) = tokens[sentence.lowerBound].kind, mark == .doubleOpening || mark == .doubleStraight || mark == .singleOpening {
            return .attributesQuotation
        }
        // A reported question follows its verb, as does what an act on something quotes.
        if SpeechCues.questionVerbs.contains(tokens[cue]) || SpeechCues.objectSpeechActs.contains(tokens[cue]) { return nil }
        let invertedSpeakerEnd =
            cue > sentence.lowerBound && isClauseBreak(tokens[cue - 1]) && Lexicon.postposableVerbs.containsLowercased(tokens[cue])
            ? invertedSpeaker(after: cue, sentence, tokens) : nil
        let inverted = invertedSpeakerEnd != nil
        var subjectStart = inverted ? cue : self.subjectStart(before: cue, floor: sentence.lowerBound, tokens)
        if !inverted, subjectStart == cue, cue - 1 > sentence.lowerBound, tokens[cue - 1].text == ",",
            let start = apposedSubject(beforeComma: cue - 1, sentence, tokens)
        {
            subjectStart = start
        }
        guard subjectStart > sentence.lowerBound, isClauseBreak(tokens[subjectStart - 1]) else { return nil }
        // "Reyes, who did not respond to a request for comment, has denied ...": a relative
        // clause about the subject, no one's words before it.
        if !inverted, Self.relativePronouns.contains(tokens[subjectStart]) { return nil }
        let afterQuotation = tokens[subjectStart - 1].isQuoteMark
        // A quotation that opens the sentence is all that was said: a direct quote. One that
        // closes a paraphrase ("He replied, telling her to “stop now,” Cornett wrote.") is
        // part of the content.
        // So is one the sentence opens inside, when "?" or "." within it split the sentence
        // ("“Is it over? No. But it hurts,” said Orszag").
        if afterQuotation, insideQuote[sentence.lowerBound] { return .attributesQuotation }
        if afterQuotation, tokens[sentence.lowerBound].isQuoteMark { return .attributesQuotation }
        // "... lost its identity: “France is no longer France,” he claimed": after a colon the
        // quotation opens what was said as a sentence start does.
        if afterQuotation, let colon = (sentence.lowerBound..<subjectStart).last(where: { tokens[$0].text == ":" }), colon + 1 < subjectStart,
            case .quoteMark(let mark) = tokens[colon + 1].kind, mark.mayOpenDouble
        {
            return .attributesQuotation
        }
        guard subjectStart > sentence.lowerBound + 1 else { return nil }
        // What follows the cue (and a speaker after it) must be nothing, or a short phrase
        // of time or place: otherwise the cue opens its own content.
        // "..., Stroud told reporters.": past the one told, as past a speaker after the cue.
        let afterCue = cueEnd(cue, sentence, tokens)
        let told = SpeechCues.tellingVerbs.contains(tokens[cue]) && !inverted ? afterTheOneTold(afterCue, sentence, tokens) : afterCue
        let after = invertedSpeakerEnd ?? told
        // "X, a senior adviser, said, “...”": the cue of the quotation that follows.
        var opening = after
        while opening < sentence.upperBound, [",", ":"].contains(tokens[opening].text) { opening += 1 }
        // But "The club's spending, Ms. Tanzer said, “is a perfect example” of ...": a quotation
        // going on in lower case from a phrase before the subject (no name and apposition)
        // continues it, a split report.
        let quotationContinues =
            opening + 1 < sentence.upperBound && tokens[opening + 1].isLowercase && subjectStart - 1 > sentence.lowerBound && !afterQuotation
            && (sentence.lowerBound..<(subjectStart - 1)).contains(where: { tokens[$0].isLowercase })
            && !(sentence.lowerBound..<(subjectStart - 1)).contains(where: { tokens[$0].text == "," })
        if opening > after, opening < sentence.upperBound, case .quoteMark(let mark) = tokens[opening].kind, mark.mayOpenDouble, !quotationContinues {
            return .attributesQuotation
        }
        // "promised to deliver change": a cue other than "said" or "told" before "to" and a
        // lower-case word that no one is told opens an infinitive, what was said.
        if after < sentence.upperBound, !Self.commonCues.contains(tokens[cue]), opensInfinitive(after, before: sentence.upperBound, tokens) {
            return nil
        }
        if inverted, let split = splitByInvertedCue(cue: cue, speakerEnd: after, sentence, tokens) { return .found(split) }
        guard let tailEnd = shortTail(from: after, sentence, tokens) else { return nil }
        // "Every Friday, she told the Post, Fiorina would lead ...": the clause after the one
        // told is what was told, read as "told X (that) ..." is.
        if told > afterCue, tailEnd + 1 < sentence.upperBound, tokens[tailEnd].text == ",", !tokens[tailEnd + 1].isLowercase { return nil }
        let comma = subjectStart - 1
        let first = sentence.lowerBound..<(afterQuotation ? subjectStart : comma)
        // "Asked whether ..., Osei said that ...": the question is content of its own.
        if let opener = first.first, Self.questionOpeners.contains(tokens[opener]) { return nil }
        guard wordCount(first, tokens) > 0, !isOpeningPhrase(first, tokens) else { return nil }
        var content = [first]
        // "The plan, he said, is dead": the rest after the cue continues what was said.
        if tailEnd < sentence.upperBound, tokens[tailEnd].text == ",", !inverted, tailEnd + 1 < sentence.upperBound {
            let restStart = tailEnd + 1
            let openerIndex = tokens[restStart].isQuoteMark && restStart + 1 < sentence.upperBound ? restStart + 1 : restStart
            let opener = tokens[openerIndex]
            let rest = restStart..<contentEnd(from: restStart, sentence, tokens)
            if opener.isWord, !opener.isCapitalized, !SpeechCues.notContentOpeners.containsLowercased(opener),
                wordCount(rest, tokens) >= Self.minimumWords
            {
                content.append(rest)
            }
        }
        guard content.reduce(0, { $0 + wordCount($1, tokens) }) >= Self.minimumWords else { return nil }
        let speaker: ReportedSpeechCandidate.SpeakerSide = inverted ? .after(start: cue + 1, limit: after) : .before(cue: cue, floor: subjectStart)
        return .found(candidate(cue: cue, sentence, tokens, content: content, speakerSide: speaker))
    }

    /// "And Ruiz, said Dana Sunshine, who knows him well, does not forgive": a subject with no
    /// verb yet, the cue and its speaker between commas, then the verb; the content is both
    /// sides.
    private func splitByInvertedCue(cue: Int, speakerEnd: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> ReportedSpeechCandidate? {
        guard speakerEnd + 1 < sentence.upperBound, tokens[speakerEnd].text == ",", cue - 1 > sentence.lowerBound, tokens[cue - 1].text == "," else { return nil }
        let first = sentence.lowerBound..<(cue - 1)
        guard !first.contains(where: { Self.mayBeFiniteVerb(tokens[$0].text) || tokens[$0].isQuoteMark }) else { return nil }
        // Past a relative clause about the speaker.
        var restStart = speakerEnd + 1
        if ["who", "whose"].contains(tokens[restStart].text) {
            guard let close = (restStart..<min(sentence.upperBound, restStart + 20)).first(where: { tokens[$0].text == "," }) else { return nil }
            restStart = close + 1
        }
        var verb = restStart
        while verb < sentence.upperBound, verb - restStart < 3, AttributionContext.isVerbModifier(tokens[verb].text) || tokens[verb].text.hasSuffix("ly") { verb += 1 }
        // A finite verb, or a lower-case verb after an auxiliary ("does not forgive").
        guard restStart < sentence.upperBound, verb < sentence.upperBound, tokens[restStart].isLowercase,
            Self.mayBeFiniteVerb(tokens[verb].text) || verb > restStart && tokens[verb].isWord && tokens[verb].isLowercase
        else { return nil }
        let rest = restStart..<contentEnd(from: restStart, sentence, tokens)
        guard wordCount(first, tokens) + wordCount(rest, tokens) >= Self.minimumWords else { return nil }
        return candidate(cue: cue, sentence, tokens, content: [first, rest], speakerSide: .after(start: cue + 1, limit: speakerEnd))
    }

    /// "..., said Jane Roe, ..." / "..., said the spokesman.": where a speaker named right
    /// after the cue ends (at a comma or the sentence end); nil when the words after the cue
    /// are not a name or a role ("Her rival, Ortiz, said the debt had doubled").
    private func invertedSpeaker(after cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        // "..., said people familiar with the matter.": an unnamed source, whatever it goes on to name.
        if SpeechCues.unnamedSourceHead(in: (cue + 1)..<sentence.upperBound, tokens) != nil {
            let end = ((cue + 1)..<min(sentence.upperBound, cue + 14)).first { tokens[$0].text == "," || isSentenceEnd(tokens[$0]) }
            return end ?? (sentence.upperBound <= cue + 14 ? sentence.upperBound : nil)
        }
        var index = cue + 1
        // "said engineers at the county office": once people are named, where they are from.
        var home = false
        // "said a statement released by the Prime Minister's Office": up to ten tokens.
        while index < sentence.upperBound, index - cue <= 10 {
            let token = tokens[index]
            if token.text == "," || isSentenceEnd(token) {
                guard index > cue + 1 else { return nil }
                // "said the bureau's director, James Holt, on Monday": the name apposed to the role.
                if token.text == ",", Lexicon.roleNouns.containsLowercased(tokens[index - 1]) {
                    // An initial's stop ("James B. Comey") stays inside the name.
                    var nameEnd = index + 1
                    while nameEnd < min(sentence.upperBound, index + 7),
                        tokens[nameEnd].isCapitalized || tokens[nameEnd].text == "." && nameEnd + 1 < sentence.upperBound && tokens[nameEnd + 1].isCapitalized
                    {
                        nameEnd += 1
                    }
                    if nameEnd > index + 1, nameEnd == sentence.upperBound || tokens[nameEnd].text == "," || isSentenceEnd(tokens[nameEnd]) { return nameEnd }
                }
                return index
            }
            let word = token.text.lowercased()
            // "said an official who was briefed on the talks.": the clause describes the speaker.
            if ["who", "whose"].contains(word), index > cue + 1, Lexicon.roleNouns.containsLowercased(tokens[index - 1]) || tokens[index - 1].isCapitalized {
                return (index..<sentence.upperBound).first { isSentenceEnd(tokens[$0]) } ?? sentence.upperBound
            }
            let namesSomeone =
                token.isCapitalized || token.kind == .possessive || Lexicon.personTitles.contains(word)
                || Lexicon.roleNouns.contains(word) || Lexicon.subjectPronouns.contains(word)
                || ["the", "a", "an", "of", "for", "from", "at", "by"].contains(word)
                // "said critics of the plan", "said engineers", "said Tom Doyle and others", "said
                // Doyle and his aides", "said Doyle and several colleagues": the words the speaker
                // phrase reads people by.
                || AttributionContext.isPersonNoun(word) || isPeopleHead(at: index, sentence, tokens)
                || word == "and" && index > cue + 1 || word == "others"
                || ((cue + 1)..<index).contains(where: { tokens[$0].text == "and" })
                    && (AttributionContext.companyOpeners.contains(word) || AttributionContext.companyOpeners.containsLowercased(tokens[index - 1]))
                // "said local engineers": a word qualifying the people named next.
                || token.isLowercase && index + 1 < sentence.upperBound && isPeopleHead(at: index + 1, sentence, tokens)
                || home && token.isWord && !Self.mayBeFiniteVerb(word)
                // "said the bureau's director"
                || index + 1 < sentence.upperBound && tokens[index + 1].kind == .possessive
                // "..., said a statement released by the ministry."
                || SpeechCues.issuingVerbs.contains(word) && SpeechCues.statementNouns.contains(tokens[index - 1])
            if !home, Self.joinsPeopleToHome(word), index > cue + 1 {
                let before = tokens[index - 1]
                home = AttributionContext.isPersonNoun(before.text.lowercased()) || before.isLowercase && AttributionContext.headsPeopleInPlural(before.text)
            }
            // "said Carrow and Brisket in a joint statement.": a short phrase after names joined.
            if !namesSomeone, !home, index > cue + 1, tokens[index - 1].isCapitalized, ((cue + 1)..<index).contains(where: { tokens[$0].text == "and" }),
                let tail = shortTail(from: index, sentence, tokens)
            {
                return tail == sentence.upperBound ? index : tail
            }
            guard namesSomeone || home else { return nil }
            index += 1
        }
        return index >= sentence.upperBound ? sentence.upperBound : nil
    }

    /// After a cue the speaker phrase goes on past "for" too ("said lawyers for the family").
    private static func joinsPeopleToHome(_ word: String) -> Bool { word == "for" || AttributionContext.homePrepositions.contains(word) }

    /// "said engineers.", "said Labour councillors from ...": a plural naming people where a
    /// speaker phrase may end; not a verb in "-s" ("said he expects Obama ...").
    private func isPeopleHead(at index: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        guard tokens[index].isLowercase, AttributionContext.headsPeopleInPlural(tokens[index].text),
            !Lexicon.subjectPronouns.containsLowercased(tokens[index - 1])
        else { return false }
        guard index + 1 < sentence.upperBound else { return true }
        let next = tokens[index + 1]
        return next.text == "," || isSentenceEnd(next) || next.text == "and" || Self.joinsPeopleToHome(next.text)
    }


    /// "to stop": "to" and a lower-case word no one is told ("to reporters") or that no
    /// determiner opens ("to the council").
    private func opensInfinitive(_ index: Int, before limit: Int, _ tokens: [Token]) -> Bool {
        guard tokens[index].text == "to", index + 1 < limit, tokens[index + 1].isWord, !tokens[index + 1].isCapitalized else { return false }
        return !SpeechCues.audiences.contains(tokens[index + 1]) && !SpeechCues.determiners.contains(tokens[index + 1])
    }

    /// Where a cue's "that" may come before: past the one told ("told the Bengaluru Ledger in
    /// an interview that"), then as far as after any cue.
    private func thatLimit(_ cue: Int, _ word: String, after start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        let reach = cue + thatReach(after: start, sentence, tokens) + quotedAudienceLength(word, start, sentence, tokens)
        guard SpeechCues.tellingVerbs.contains(word) else { return reach }
        let told = afterTheOneTold(start, sentence, tokens)
        // Not past an infinitive ("warned China to refrain from actions that would ...").
        guard told < sentence.upperBound, tokens[told].text != "to" else { return reach }
        return max(reach, told + thatReach(after: told, sentence, tokens) - 1)
    }

    /// How far after a cue its "that" may come: past a phrase of place or medium ("wrote in a
    /// column for the Bergen Post that"), further than past the one told.
    private func thatReach(after start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        guard start < sentence.upperBound, ["in", "on", "at", "during", "to"].contains(tokens[start].text) else { return 7 }
        return 12
    }

    /// Where the words after a postposed cue end (a comma or the sentence end), when they
    /// are none or a short phrase of time or place; nil when they run on as content.
    private func shortTail(from start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        guard start < sentence.upperBound, !isSentenceEnd(tokens[start]) else { return sentence.upperBound }
        if tokens[start].text == "," { return start }
        guard tokens[start].isWord, SpeechCues.phraseOpeners.containsLowercased(tokens[start]) else { return nil }
        var index = start
        while index < sentence.upperBound, index - start <= 7 {
            let text = tokens[index].text
            if text == "," { return index }
            if isSentenceEnd(tokens[index]) { return sentence.upperBound }
            if text == "that" || text == ":" { return nil }
            if case .quoteMark = tokens[index].kind { return nil }
            index += 1
        }
        return index >= sentence.upperBound ? sentence.upperBound : nil
    }

    /// "On Sunday," or "In a statement,": a short opening phrase is not what was said.
    private func isOpeningPhrase(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        guard range.count <= 6, let first = range.first else { return false }
        let word = tokens[first].text.lowercased()
        return SpeechCues.phraseOpeners.contains(word)
            || ["asked", "speaking", "however", "but", "and", "meanwhile", "still", "yet", "now", "when", "as", "earlier", "later"].contains(word)
    }

    /// For a cue right after a comma: where its subject starts when the words before that
    /// comma are a name between commas, with its description or party before it ("..., a
    /// spokeswoman, Anna White, said", "..., Sen. Tim Talbot, R-Ohio, said"), or a name and
    /// then a description ("..., Talbot, a senator, said"). "His brother, George Talbot,
    /// agrees" leaves no content before the subject.
    private func apposedSubject(beforeComma comma: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        // Past a closing quotation mark: "“...,” the press secretary, Josh Earnest, said".
        func segmentStart(before comma: Int, within reach: Int) -> Int {
            var start = ((max(sentence.lowerBound, comma - reach)..<comma).last { tokens[$0].text == "," }).map { $0 + 1 } ?? sentence.lowerBound
            while start < comma, tokens[start].isQuoteMark { start += 1 }
            return start
        }
        func isName(_ range: Range<Int>) -> Bool {
            !range.isEmpty && range.count <= 6 && tokens[range.lowerBound].isCapitalized
                && range.allSatisfy { tokens[$0].isCapitalized || [".", "-", "(", ")"].contains(tokens[$0].text) || tokens[$0].kind == .possessive }
        }
        // "a senior adviser", "assistant secretary of state for migration", "45".
        func isDescription(_ range: Range<Int>, longest: Int = 8) -> Bool {
            guard !range.isEmpty, range.count <= longest else { return false }
            let first = tokens[range.lowerBound]
            if SpeechCues.determiners.containsLowercased(first) || first.kind == .number && range.count == 1 { return true }
            return first.isWord && !first.isCapitalized && !Lexicon.subjectPronouns.contains(first)
                && !range.contains { Self.commonCues.contains(tokens[$0]) || tokens[$0].text == "that" }
        }
        let lastStart = segmentStart(before: comma, within: 14)
        guard lastStart > sentence.lowerBound else { return nil }
        let second = lastStart - 1
        let earlierStart = segmentStart(before: second, within: 9)
        let earlier = earlierStart..<second
        if isName(lastStart..<comma) { return isName(earlier) || isDescription(earlier) ? earlierStart : lastStart }
        if isDescription(lastStart..<comma) && earlierStart > sentence.lowerBound && isName(earlier) { return earlierStart }
        // "Anne Richards, assistant secretary for population, refugees, and migration, said":
        // a description holding a list, after the name.
        var descriptionStart = earlierStart
        for _ in 0..<3 where descriptionStart - 1 > sentence.lowerBound {
            let nameStart = segmentStart(before: descriptionStart - 1, within: 7)
            if nameStart > sentence.lowerBound, isName(nameStart..<(descriptionStart - 1)) {
                return isDescription(descriptionStart..<comma, longest: 16) ? nameStart : nil
            }
            descriptionStart = nameStart
        }
        return nil
    }

    /// The first token of the subject right before a cue: a pronoun, a name with its titles,
    /// or a short noun phrase ("the company", "a spokesman for the ministry").
    private func subjectStart(before cue: Int, floor: Int, _ tokens: [Token]) -> Int {
        var index = cue
        while index > floor, SpeechCues.verbModifiers.containsLowercased(tokens[index - 1]) { index -= 1 }
        let end = index
        while index > floor, end - index < 10 {
            let token = tokens[index - 1]
            if token.text == ")", let open = (floor..<(index - 1)).last(where: { tokens[$0].text == "(" }) {
                index = open
                continue
            }
            guard token.isWord || token.kind == .possessive || token.kind == .number || token.text == "-" || token.text == "&" else { break }
            if Self.that.containsLowercased(token) || SpeechCues.reportingVerbs.containsLowercased(token) { break }
            index -= 1
            if Lexicon.subjectPronouns.containsLowercased(token) { break }
        }
        return index
    }

    // MARK: - Content after the cue: "Smith said (that) the plan will fail."

    private func preposed(cue: Int, _ sentence: Range<Int>, _ document: Document) -> ReportedSpeechCandidate? {
        let tokens = document.tokens
        let word = tokens[cue].text.lowercased()
        let afterCue = cueEnd(cue, sentence, tokens)
        // "the allegations, which Mr. Ailes denies, ...": a relative clause whose cue has a
        // subject of its own has no content after its comma (", which said, in a statement,
        // that ..." does).
        if afterCue < sentence.upperBound, tokens[afterCue].text == ",", cue > sentence.lowerBound + 1,
            let relative = (max(sentence.lowerBound + 1, cue - 6)..<cue).last(where: { Self.relativePronouns.contains(tokens[$0]) }),
            tokens[relative - 1].text == ",", relative + 1 < cue
        {
            return nil
        }
        var start = afterCue
        // "Kalman is said to be furious", "Lowe is reported to have told friends that ...": a
        // hedge, no report of the one named; a cue after it reports on its own.
        if start < sentence.upperBound, tokens[start].text == "to", Self.hedgeVerbs.contains(word), SpeechCues.followsFormOfBe(cue, floor: sentence.lowerBound, tokens) {
            return nil
        }
        if SpeechCues.questionVerbs.contains(word) {
            // "asked the mayor on Monday whether ...": the question, a few words on, past the one
            // asked and the time, with no clause break between.
            let limit = min(sentence.upperBound, cue + 8)
            let unbroken: (Int) -> Bool = { end in !(start..<end).contains(where: { tokens[$0].kind == .punctuation || tokens[$0].kind == .quoteMark(.doubleOpening) }) }
            if let opener = (start..<limit).first(where: { SpeechCues.questionOpeners.contains(tokens[$0]) }), unbroken(opener) {
                start = opener
            } else {
                // "asked supporters to run for office", "was asked to resign": a request, the one
                // asked and what they were asked to do, as "urged voters to ..." is.
                guard let to = (start..<min(sentence.upperBound, start + 5)).first(where: { tokens[$0].text == "to" }), unbroken(to),
                    to + 1 < sentence.upperBound, tokens[to + 1].isLowercase, !SpeechCues.determiners.contains(tokens[to + 1]),
                    !["all", "every", "each", "both"].contains(tokens[to + 1].text),
                    (start..<to).allSatisfy({ tokens[$0].isWord && !Lexicon.prepositions.contains(tokens[$0]) })
                else { return nil }
            }
        } else if let that = (start..<min(sentence.upperBound, thatLimit(cue, word, after: start, sentence, tokens))).first(where: { tokens[$0].text == "that" }),
            (start..<that).allSatisfy({ tokens[$0].text != "," }),
            // Not past a clause's own verb: "said Zuma told him in 2007 that ..." reports all of it;
            // nor past an infinitive ("warned Marlow to stop any works that would ...").
            !(start..<that).contains(where: { Self.isClauseVerb(tokens[$0].text) || opensInfinitive($0, before: that, tokens) })
        {
            // "states that held primaries", "claims that were denied": "that" and a verb
            // open a relative clause about the noun.
            if word.hasSuffix("s"), that + 1 < sentence.upperBound, Self.finiteAfterRelative.contains(tokens[that + 1]) { return nil }
            start = that
        } else if start > cue + 1 || Self.reportingOnlyWithThat.contains(where: { word.hasPrefix($0) }) {
            // "pointed out the flaws", "fired back at Christie": with a particle, only "that"
            // opens what was said; so after "maintained his lead", "mentioned China",
            // "reminded voters of", "did not respond to requests".
            return nil
        } else {
            // "Few politicians admit this, but ...", "he said so.": a pronoun object, no words reported.
            if start + 1 < sentence.upperBound, ["this", "it", "so"].contains(tokens[start].text), [",", ";", "."].contains(tokens[start + 1].text) {
                return nil
            }
            if SpeechCues.tellingVerbs.contains(word) { start = afterTheOneTold(start, sentence, tokens) }
            // "reported ten days ago that ...", "As the Post reported a few weeks later, ...".
            if let elapsed = SpeechCues.elapsedTimeEnd(from: start, before: sentence.upperBound, tokens) { start = elapsed }
            // "said this week", not "says this is the worst": "this" or "last" needs a time after it.
            while start < sentence.upperBound, start - cue <= 4, SpeechCues.timeWords.containsLowercased(tokens[start]) || tokens[start].text == "on" {
                if ["this", "last"].contains(tokens[start].text.lowercased()),
                    start + 1 >= sentence.upperBound
                        || !SpeechCues.timeWords.containsLowercased(tokens[start + 1]) && !Lexicon.weekdays.contains(tokens[start + 1])
                            && !Lexicon.months.contains(tokens[start + 1])
                {
                    break
                }
                // "said Tuesday's remarks raise questions": the day opens the content.
                if start + 1 < sentence.upperBound, tokens[start + 1].kind == .possessive { break }
                start += 1
            }
            if start < sentence.upperBound, tokens[start].isWord, SpeechCues.phraseOpeners.containsLowercased(tokens[start]),
                let comma = (start..<min(sentence.upperBound, start + 6)).first(where: { tokens[$0].text == "," }),
                !opensInfinitiveContent(at: start, tokens)
            {
                start = comma + 1
            }
            while start < sentence.upperBound, tokens[start].text == "," || tokens[start].text == ":" { start += 1 }
        }
        guard start < sentence.upperBound else { return nil }
        // "was told by The Sentinel, which unearthed ...": a relative clause about the one named.
        if start > afterCue, tokens[start - 1].text == ",", ["which", "who", "whose", "whom"].contains(tokens[start].text) { return nil }
        // "After the hearing concluded, Cole stated that ...": past a comma, a name with a cue of
        // its own opens the main clause, not what was said.
        if start > afterCue, tokens[start - 1].text == ",", tokens[start].isCapitalized,
            ((start + 1)..<min(sentence.upperBound, start + 5)).contains(where: { isCue(at: $0, in: sentence, tokens) })
        {
            return nil
        }
        // "responded by cutting ...", "wrote for the Post", "said after the vote", "wrote about
        // the race": manner, purpose, time or topic after the cue, not what was said; but "said
        // about half" is an amount.
        if start == afterCue, Self.adjunctPrepositions.contains(tokens[start]),
            !(tokens[start].text == "about" && start + 1 < sentence.upperBound && Self.approximates(tokens[start + 1]))
        {
            return nil
        }
        // "were not reported until ...", "is explained by ...": a passive reports something only
        // with a clause after it ("it was reported that ...").
        // "was asked what happened": the question put, whoever put it.
        if isPassive(cue, sentence, tokens), !["that", "to", "whether", "if"].contains(tokens[start].text),
            !SpeechCues.putsQuestion(tokens[cue], opener: tokens[start])
        {
            guard tokens[start].isQuoteMark else { return nil }
        }
        // "Having announced that ..., Judge Paul Garza proceeded": the opening phrase's content
        // ends where the main clause begins, whose subject speaks.
        let openingMainClause = openingPhraseEnd(cue: cue, after: start, sentence, tokens)
        // "McConnell issued a statement saying ...": the issuing verb is the clause's verb, and
        // whoever is named before it speaks.
        let issuingVerb = issuerVerb(ofStatementBefore: cue, sentence, tokens)
        let gapped = gappedRelative(cue: cue, contentStart: start, sentence, tokens)
        // "when asked which candidate she backs, she smiled": the circumstance ends at its comma.
        let circumstanceEnd =
            SpeechCues.followsCircumstanceOpener(cue, floor: sentence.lowerBound, tokens) ? (start..<sentence.upperBound).first(where: { tokens[$0].text == "," }) : nil
        var content =
            start..<(openingMainClause.map { $0 - 1 } ?? circumstanceEnd ?? gapped?.contentEnd ?? subordinateClauseEnd(cue: cue, after: start, sentence, tokens)
            ?? relativeClauseEnd(cue: issuingVerb ?? cue, after: start, sentence, tokens) ?? contentEnd(from: start, sentence, tokens))
        if SpeechCues.objectSpeechActs.contains(word) {
            // "described the plan as “reckless” on Monday": such an act reports speech only
            // through the words it quotes, and the report ends with them.
            guard let lastMark = content.last(where: { tokens[$0].isQuoteMark }),
                !(SpeechCues.namingActs.contains(word) && tokens[start].isQuoteMark)
            else { return nil }
            // "called the “Ferry Talk” radio show": a title before its noun, no words said.
            if QuoteAttributor.isFollowedByWorkNoun(lastMark, tokens) { return nil }
            if tokens[lastMark].kind != .quoteMark(.doubleOpening) { content = start..<(lastMark + 1) }
        }
        // "who police said was armed": the subject before the cue stands in for the one missing.
        guard wordCount(content, tokens) >= (gapped == nil ? Self.minimumWords : 2) else { return nil }
        // "wrote the rules of the economy", "will write a book", "posted a loss of $40 million",
        // "posted a photo": what is written or done, not a report of it, unless a clause or
        // quoted words follow; not a clause after "and" ("wrote the song and it became a hit").
        // So "recalled 50,000 cars", a count recalled.
        let recalledCount = ["recall", "recalls", "recalled"].contains(word) && tokens[start].kind == .number
        if Self.thingObjectVerbs.contains(word) || recalledCount, tokens[start].text != "that",
            !content.prefix(while: { !["and", "but", ";"].contains(tokens[$0].text) }).contains(where: { Self.mayBeFiniteVerb(tokens[$0].text) }),
            !content.contains(where: { tokens[$0].isQuoteMark || tokens[$0].text == ":" })
        {
            return nil
        }
        // "says a lot about the mood", "says something about the candidates": what a thing
        // shows, in the present, not words said ("said something about the weather", "haven't
        // said much about" are reports, and stay).
        if ["say", "says"].contains(word), isAmountAbout(from: start, content, tokens) { return nil }
        // "Smith said:" and a quotation: the quote attributor's; so is "wrote on X:" or "said
        // in a statement:" before one.
        // But "claimed “thousands” of emails were lost", "predicted “zero” voters would follow":
        // a quoted word that the writer's clause goes on from is part of a mixed report.
        if case .quoteMark = tokens[start].kind, start == afterCue || tokens[start - 1].text == ":",
            !quotationOpensClause(at: start, content, cue: cue, sentence, tokens)
        {
            return nil
        }
        if let colon = (afterCue..<min(sentence.upperBound, afterCue + 6)).first(where: { tokens[$0].text == ":" }), colon + 1 < sentence.upperBound,
            tokens[colon + 1].isQuoteMark, !(afterCue..<colon).contains(where: { Self.isClauseVerb(tokens[$0].text) })
        {
            return nil
        }
        let subjectFloor = gapped.map { $0.relative + 1 } ?? subordinateSubjectStart(before: cue, sentence, tokens) ?? sentence.lowerBound
        // "The minister, asked whether she would resign, said": the one asked is no asker.
        let askedInAside =
            word == "asked" && cue > sentence.lowerBound && tokens[cue - 1].text == "," && content.upperBound + 1 < sentence.upperBound
            && tokens[content.upperBound].text == ","
        let speaker: ReportedSpeechCandidate.SpeakerSide =
            askedInAside || word == "heard"
            ? .unnamed
            : hedgeBefore(cue, sentence, tokens).map { .before(cue: $0, floor: subjectFloor) }
                ?? openingMainClause.map { .sentenceSubject(start: $0, limit: sentence.upperBound) }
                ?? issuingVerb.map { .before(cue: $0, floor: sentence.lowerBound) }
                ?? participleSubject(cue, sentence, tokens)
                ?? .before(cue: cue, floor: subjectFloor)
        return candidate(cue: cue, sentence, tokens, content: [content], speakerSide: speaker)
    }

    /// Whether the quotation opening `content` is a few words the writer's clause runs on
    /// from: it closes inside the content on no sentence stop, and a lower-case word that is
    /// no preposition or time ("“thousands” of emails", not "“...” on Tuesday") follows it.
    /// Not in a relative clause missing its subject ("Apps that it said “may not work”
    /// included ..."), whose words end with the quotation.
    private func quotationOpensClause(at open: Int, _ content: Range<Int>, cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        let relativeGap = (max(sentence.lowerBound, cue - 6)..<cue).last(where: { Self.subjectRelatives.contains(tokens[$0]) }).map { relative in
            !((relative + 1)..<cue).contains(where: { tokens[$0].kind == .punctuation })
        }
        guard relativeGap != true, let close = ((open + 1)..<content.upperBound).first(where: { tokens[$0].isQuoteMark }), close > open + 1, close + 2 < content.upperBound,
            !isSentenceEnd(tokens[close - 1]), tokens[close - 1].text != ","
        else { return false }
        let next = tokens[close + 1]
        return next.isLowercase && (next.text == "of" || !Lexicon.prepositions.contains(next)) && !SpeechCues.timeWords.contains(next)
            && !Self.circumstanceOpeners.contains(next) && !["and", "but", "or", "he", "she", "they", "it"].contains(next.text)
    }

    /// "The plan, which Mayor Kerr said would cost £5m, was approved", "A man who police said
    /// was armed has been arrested": a relative clause whose cue's words lack their subject
    /// (the noun before the relative word). The subject between the relative word and the
    /// cue speaks; the words end at a comma or at the main clause's verb.
    private func gappedRelative(cue: Int, contentStart start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> (relative: Int, contentEnd: Int)? {
        let finite: (String) -> Bool = { Lexicon.modalVerbs.contains($0) || Self.commonFiniteVerbs.contains($0) }
        guard cue > sentence.lowerBound + 1, start == cue + 1, start + 1 < sentence.upperBound, finite(tokens[start].text),
            let relative = (max(sentence.lowerBound + 1, cue - 6)..<cue).last(where: { Self.subjectRelatives.contains(tokens[$0]) }),
            relative + 1 < cue, !((relative + 1)..<cue).contains(where: { tokens[$0].kind == .punctuation })
        else { return nil }
        // "was armed has been arrested": the main clause's verb right after the words; not
        // one with a subject or joiner of its own ("when he was shot", "but did not").
        let end =
            ((start + 1)..<sentence.upperBound).first { index in
                if tokens[index].text == "," { return true }
                let previous = tokens[index - 1].text.lowercased()
                // Nor a noun's ("than the council had planned").
                let afterNoun = index >= 2 && SpeechCues.determiners.containsLowercased(tokens[index - 2])
                return finite(tokens[index].text) && tokens[index - 1].isWord && !SpeakerDescription.isClauseWord(previous) && !afterNoun
                    && !Lexicon.subjectPronouns.contains(previous) && !["and", "but", "or"].contains(previous)
                    && !Self.subjectRelatives.contains(previous) && !Lexicon.subordinators.contains(previous)
            } ?? contentEnd(from: start, sentence, tokens)
        return (relative, end)
    }

    /// "is said to", "is reported to": verbs of a hedge before an infinitive.
    private static let hedgeVerbs: WordSet = ["said", "reported"]

    /// "Lowe is reported to have told friends", "advisers are said to be urging": where the
    /// hedge's verb stands, whose subject is the cue's.
    private func hedgeBefore(_ cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        var to = cue - 1
        if to > sentence.lowerBound, ["have", "be"].contains(tokens[to].text) { to -= 1 }
        guard to - 1 > sentence.lowerBound, tokens[to].text == "to", Self.hedgeVerbs.contains(tokens[to - 1]),
            SpeechCues.followsFormOfBe(to - 1, floor: sentence.lowerBound, tokens)
        else { return nil }
        return to - 1
    }

    /// "Shares fell after the company said ...", "Sales rose (the firm said ...)": a cue in a
    /// subordinate clause or an aside has its subject after the word that opens it, with no
    /// comma between; "As" opening the sentence is read with it ("As another study noted").
    private func subordinateSubjectStart(before cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        guard let opener = (sentence.lowerBound..<cue).last(where: { Lexicon.subordinators.containsLowercased(tokens[$0]) || tokens[$0].text == "(" }),
            opener > sentence.lowerBound || tokens[opener].text != "As", opener + 1 < cue,
            !((opener + 1)..<cue).contains(where: { [",", ")", ";"].contains(tokens[$0].text) || Tokenizer.dashes.contains(tokens[$0]) || tokens[$0].isQuoteMark })
        else { return nil }
        // "Fans outside the stadium after the match said": a preposition inside the subject,
        // no verb before it; "Shares fell after the company said" has one.
        if Self.prepositionalSubordinators.contains(tokens[opener]), opener > sentence.lowerBound,
            !(sentence.lowerBound..<opener).contains(where: { Self.mayBeFiniteVerb(tokens[$0].text) || tokens[$0].kind == .number || tokens[$0].text == "%" })
        {
            return nil
        }
        return opener + 1
    }
    private static let prepositionalSubordinators: WordSet = ["after", "before", "since", "despite"]

    /// For a participle right after a statement noun, the verb a few words before that issued
    /// the statement; not "In a statement announcing the pick, the union ...".
    private func issuerVerb(ofStatementBefore participle: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        guard participle - 1 > sentence.lowerBound, tokens[participle].text.hasSuffix("ing"), SpeechCues.statementNouns.contains(tokens[participle - 1])
        else { return nil }
        return (max(sentence.lowerBound, participle - 6)..<(participle - 1)).last { SpeechCues.issuingVerbs.contains(tokens[$0]) }
    }

    /// A passive cue with no agent's clause: "were not reported", "is explained".
    private func isPassive(_ cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        // "was told the vote would fail" reports: the one told is the subject.
        tokens[cue].text.hasSuffix("ed") && !SpeechCues.tellingVerbs.contains(tokens[cue]) && SpeechCues.readsAsPassive(cue, floor: sentence.lowerBound, tokens)
    }


    /// Where the cue ends: after its particle, if it has one ("pointed out").
    private func cueEnd(_ cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        hasParticle(cue, sentence, tokens) ? cue + 2 : cue + 1
    }

    /// "pointed out", "fired back": a particle verb with its particle right after it. The
    /// word set first: every word of an article is asked.
    private func hasParticle(_ cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        SpeechCues.particleVerbForms.contains(tokens[cue]) && cue + 1 < sentence.upperBound && SpeechCues.particleVerbs[tokens[cue].text] == tokens[cue + 1].text
    }

    private func candidate(
        cue: Int, _ sentence: Range<Int>, _ tokens: [Token], content: [Range<Int>], speakerSide: ReportedSpeechCandidate.SpeakerSide
    ) -> ReportedSpeechCandidate {
        let end = cueEnd(cue, sentence, tokens)
        let cueText = (cue..<end).map { tokens[$0].text.lowercased() }.joined(separator: " ")
        return ReportedSpeechCandidate(cue: cue..<end, cueText: cueText, content: content, speakerSide: speakerSide)
    }

    /// The tokens of a quoted show among the one told ("told CNN's “State of the Union”",
    /// "told the “Today” show"), which do not count against the reach of "that".
    private func quotedAudienceLength(_ cue: String, _ start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        guard SpeechCues.tellingVerbs.contains(cue) else { return 0 }
        let limit = min(sentence.upperBound, start + 8)
        guard let open = (start..<limit).first(where: { tokens[$0].isQuoteMark }), let end = tokens.quotedTitleEnd(openingAt: open, before: limit) else { return 0 }
        return end - open
    }

    /// "told reporters", "told him", "told the Associated Press", "told CNN's Jake Tapper",
    /// "told CNN's “State of the Union”": the first token after the one told.
    private func afterTheOneTold(_ start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        var index = start
        if index < sentence.upperBound, Lexicon.articles.containsLowercased(tokens[index]), index + 1 < sentence.upperBound,
            tokens[index + 1].isCapitalized || SpeechCues.audiences.containsLowercased(tokens[index + 1])
                || tokens.quotedTitleEnd(openingAt: index + 1, before: min(sentence.upperBound, index + 10)) != nil
        {
            index += 1
        }
        if index + 1 < sentence.upperBound, SpeechCues.audienceModifiers.contains(tokens[index]),
            SpeechCues.audiences.contains(tokens[index + 1])
        {
            return index + 2
        }
        if index < sentence.upperBound, SpeechCues.audiences.containsLowercased(tokens[index]) { return index + 1 }
        while index < sentence.upperBound, index - start <= 6 {
            // "the House of Commons": a name's small word between its capitalised ones.
            let inName =
                index > start && tokens[index - 1].isCapitalized && index + 1 < sentence.upperBound && tokens[index + 1].isCapitalized
                && Lexicon.nameConnectors.contains(tokens[index])
            if tokens[index].isCapitalized || tokens[index].kind == .possessive || inName {
                index += 1
            } else if let end = tokens.quotedTitleEnd(openingAt: index, before: min(sentence.upperBound, index + 10)) {
                index = end
            } else {
                break
            }
        }
        if index == start, let clause = clauseAfterOneTold(start, sentence, tokens) { return clause }
        return index
    }

    /// "told players the club would be sold", "told the board he will step down": the one
    /// told, a few lower-case words, before a clause opening with its subject; not "told his
    /// players to stay calm", "told the story of". ("told her ..." is an audience, read before.)
    private func clauseAfterOneTold(_ start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        var index = start
        if index < sentence.upperBound, SpeechCues.determiners.contains(tokens[index]) { index += 1 }
        let nounStart = index
        while index < sentence.upperBound, index - nounStart < 3, tokens[index].isWord, !tokens[index].isCapitalized,
            !Self.mayBeFiniteVerb(tokens[index].text), !Lexicon.prepositions.contains(tokens[index]),
            !SpeechCues.determiners.contains(tokens[index]), !Lexicon.subjectPronouns.contains(tokens[index])
        {
            index += 1
        }
        guard index > nounStart, index + 1 < sentence.upperBound,
            Lexicon.subjectPronouns.contains(tokens[index]) || SpeechCues.determiners.contains(tokens[index]),
            ((index + 1)..<min(sentence.upperBound, index + 6)).contains(where: { Self.mayBeFiniteVerb(tokens[$0].text) })
        else { return nil }
        return index
    }

    /// ", saying the plan failed": the participle's subject is that of the cue before it
    /// ("“...,” Trump said, adding ...", "..., said Smith, adding ..."), else the one the
    /// sentence opens with.
    private func participleSubject(_ cue: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> ReportedSpeechCandidate.SpeakerSide? {
        // ", going on to say that ...": the participle is "going".
        let goingOn = cue >= sentence.lowerBound + 3 && tokens[cue - 1].text == "to" && tokens[cue - 2].text == "on" && tokens[cue - 3].text.hasSuffix("ing")
        let participle = goingOn ? cue - 3 : cue
        guard tokens[participle].text.hasSuffix("ing"), QuoteAttributor.opensParticiplePhrase(participle, from: sentence.lowerBound, tokens) else { return nil }
        let comma = (sentence.lowerBound..<participle).last { tokens[$0].text == "," } ?? participle - 1
        // "“...,” Carson said after hinting that ...": the main clause ends at "after", not at a comma before.
        let opener = QuoteAttributor.participlePhraseStart(participle, from: sentence.lowerBound, tokens) - 1
        let afterSubordinator = QuoteAttributor.participleSubordinators.contains(tokens[opener])
        let mainClauseEnd = afterSubordinator ? opener : comma
        // A cue used as a verb: not "comment" in "declined comment, saying ...".
        if let verb = (sentence.lowerBound..<mainClauseEnd).last(where: { !tokens[$0].text.hasSuffix("ing") && isCue(at: $0, in: sentence, tokens) }),
            isMainClauseVerb(verb, sentence, tokens)
        {
            if verb > sentence.lowerBound, isClauseBreak(tokens[verb - 1]), Lexicon.postposableVerbs.contains(tokens[verb]) {
                return .after(start: verb + 1, limit: comma)
            }
            return .before(cue: verb, floor: sentence.lowerBound)
        }
        // "..., while commenting on ..., Fallin said": no speech verb before; the cue's own rules
        // decide. But after a clause with a verb ("Ruiz's allies have been trying ..., while
        // urging"), its subject speaks.
        if afterSubordinator {
            let mainClauseBefore =
                opener - 1 > sentence.lowerBound && tokens[opener - 1].text == ","
                && (sentence.lowerBound..<(opener - 1)).contains { Self.mayBeFiniteVerb(tokens[$0].text) }
            return mainClauseBefore ? .sentenceSubject(start: sentence.lowerBound, limit: opener - 1) : nil
        }
        return .sentenceSubject(start: sentence.lowerBound, limit: comma)
    }

    /// For a cue in a sentence's opening participle phrase ("Having announced that ...,", "After
    /// blasting the report ..."), where the main clause after the phrase's comma begins: a
    /// capitalised word or a pronoun.
    private func openingPhraseEnd(cue: Int, after start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        let opener = tokens[sentence.lowerBound].text
        let afterSubordinator = Lexicon.subordinators.containsLowercased(opener) && tokens[cue].text.hasSuffix("ing")
        guard cue == sentence.lowerBound + 1 && (opener == "Having" || afterSubordinator) || cue == sentence.lowerBound && opener.hasSuffix("ing")
        else { return nil }
        guard
            let comma = (start..<sentence.upperBound).first(where: { index in
                tokens[index].text == "," && index + 1 < sentence.upperBound
                    && (tokens[index + 1].isCapitalized || Lexicon.subjectPronouns.containsLowercased(tokens[index + 1]))
            })
        else { return nil }
        return comma + 1
    }

    /// "promised to resign, she ...": "to" before a verb is what was promised, not a phrase
    /// ("said to reporters, ...", "told to the Times, ...") set off before the content.
    private func opensInfinitiveContent(at index: Int, _ tokens: [Token]) -> Bool {
        guard tokens[index].text == "to", index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.isLowercase && !SpeechCues.audiences.contains(next) && !SpeechCues.determiners.contains(next)
    }

    /// "After Tom Berg said her plan was weak, Ruiz shot back", "Three years after Republicans
    /// vowed to ..., the party": a cue in an opening clause with a subject of its own reports
    /// up to the comma before the main clause's subject.
    private func subordinateClauseEnd(cue: Int, after start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        // Not "As the Post reported, even if ..., he would": there the main clause is what was said.
        guard let subordinator = SpeechCues.openingSubordinator(of: sentence, tokens), cue > subordinator + 1,
            !(sentence.lowerBound..<start).contains(where: { tokens[$0].text == "," })
        else { return nil }
        return (start..<sentence.upperBound).first { index in
            // A quotation may close after the comma: ‘better at "less advanced schools," Trump said’.
            let next = index + 1 < sentence.upperBound && tokens[index + 1].isQuoteMark ? index + 2 : index + 1
            return tokens[index].text == "," && next < sentence.upperBound
                && (tokens[next].isCapitalized || Lexicon.subjectPronouns.containsLowercased(tokens[next])
                    || SpeechCues.determiners.contains(tokens[next]) && tokens[next].text != "that")
        }
    }

    /// Whether a verb heads the sentence's main clause, so that a participle or a joined verb
    /// later on shares its subject; not "to explain", "When told ...", "while his rivals called
    /// for ...", "who was speaking to ...", nor a verb in an opening "-ing" phrase.
    private func isMainClauseVerb(_ verb: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        guard verb > sentence.lowerBound else { return true }
        if tokens[verb - 1].text == "to" { return false }
        var index = verb - 1
        while index >= sentence.lowerBound, tokens[index].text != "," {
            let word = tokens[index].text.lowercased()
            if Lexicon.subordinators.contains(word) || ["who", "which", "whom"].contains(word) { return false }
            index -= 1
        }
        // "Continuing to explain his view, Carson ...": the opening phrase has no subject.
        let opener = tokens[sentence.lowerBound].text
        return index >= sentence.lowerBound || !(opener.hasSuffix("ing") || opener == "Having")
    }

    /// "Ana Ruiz, who said the plan had failed, left the room": a cue in a relative clause or
    /// participle phrase between commas reports up to the comma that closes it, when a verb follows that
    /// comma (not "..., who said the thieves took cash, jewellery and two laptops").
    private func relativeClauseEnd(cue: Int, after start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        var opener = cue - 1
        while opener > sentence.lowerBound, SpeechCues.verbModifiers.contains(tokens[opener]) { opener -= 1 }
        let relative = opener - 1 > sentence.lowerBound && ["who", "which"].contains(tokens[opener].text) && tokens[opener - 1].text == ","
        // "Dana Voss, citing security concerns, cancelled the trip": so does a participle.
        let participle = cue - 1 > sentence.lowerBound && tokens[cue].text.hasSuffix("ing") && tokens[cue - 1].text == ","
        guard relative || participle, let comma = (start..<sentence.upperBound).first(where: { tokens[$0].text == "," }), comma + 1 < sentence.upperBound,
            Self.mayBeFiniteVerb(tokens[comma + 1].text)
        else { return nil }
        return comma
    }

    /// "left", "resigned", "was", "doesn't": a lower-case word that can be a clause's verb.
    static func mayBeFiniteVerb(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isLowercase else { return false }
        return word.hasSuffix("ed") || isClauseVerb(word) || Lexicon.isNegativeContraction(word)
    }

    /// A verb that only a clause of its own has (not a participle in "-ed" that may qualify a
    /// noun: "in a statement released Monday that ...").
    private static func isClauseVerb(_ word: String) -> Bool {
        Lexicon.modalVerbs.contains(word) || Lexicon.speechVerbs.contains(word) || commonFiniteVerbs.contains(word)
    }

    private static let thingObjectVerbs: WordSet = ["write", "writes", "wrote", "written", "writing", "post", "posts", "posted", "posting"]

    /// "a lot about", "something about", "volumes about" opening the words after a cue.
    private func isAmountAbout(from start: Int, _ content: Range<Int>, _ tokens: [Token]) -> Bool {
        let amount = (start..<min(content.upperBound, start + 3)).map { tokens[$0].text.lowercased() }
        // "a lot", "a great deal", "more", "volumes": how many words the amount takes.
        let length =
            amount.starts(with: ["a", "lot"])
            ? 2
            : amount.starts(with: ["a", "great", "deal"])
                ? 3
                : ["something", "everything", "volumes", "more", "much"].contains(amount.first ?? "") ? 1 : nil
        guard let length, start + length < content.upperBound else { return false }
        return tokens[start + length].text == "about"
    }

    private static let commonFiniteVerbs: WordSet = [
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "did", "does", "left", "went", "made", "took", "came", "became",
        "met", "won", "lost", "ran", "got", "gave", "kept", "held", "led", "paid", "sent", "spent", "found", "knew", "saw", "began", "brought",
        "fell", "rose", "grew", "sank", "fled", "broke", "stood", "fought", "struck", "spoke", "appears", "seems", "remains", "believes",
        "expects", "intends", "wants",
    ]

    /// The content runs to the sentence end, or to where another attribution starts:
    /// ", adding ...", ", according to ...", "... and said ...".
    private func contentEnd(from start: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Int {
        var end = sentence.upperBound
        var index = start
        while index < sentence.upperBound {
            // Compared as written or by folded digest: no lower-cased copy per token of content.
            let token = tokens[index]
            let isComma = token.text == "," || token.text == ";"
            let joinsClause = isComma || Lexicon.andOrBut.containsLowercased(token)
            if joinsClause, index + 1 < sentence.upperBound {
                let next = tokens[index + 1]
                if isComma, SpeechCues.clauseOpeningParticiples.containsLowercased(next) {
                    end = index
                    break
                }
            }
            // "asserted that France had lost its identity: “...,” he claimed": a quotation after a
            // colon is said in its own right.
            if token.text == ":", index > start, index + 1 < sentence.upperBound, case .quoteMark(let mark) = tokens[index + 1].kind, mark.mayOpenDouble,
                quotationHasOwnCue(openingAt: index + 1, sentence, tokens)
            {
                end = index
                break
            }
            // "... his plans by saying, “...”": a second cue of the same speaker.
            if index > start, index + 1 < sentence.upperBound, Self.byParticipleCues.contains(tokens[index + 1]), token.text.lowercased() == "by" {
                end = index
                break
            }
            // "said she had not decided when asked which ...": a question put to the speaker is
            // a report of its own, the asker's.
            if index > start, index + 2 < sentence.upperBound, SpeechCues.followsCircumstanceOpener(index + 1, floor: start, tokens),
                SpeechCues.putsQuestion(tokens[index + 1], opener: tokens[index + 2])
            {
                end = index
                while end - 1 > start, [",", ";", "and", "but"].contains(tokens[end - 1].text) { end -= 1 }
                break
            }
            // "said, “We'll see,” when asked whether ...": the circumstance after a quotation that
            // is all the content so far is the writer's.
            if case .quoteMark(let mark) = tokens[index].kind, mark.mayCloseDouble, index > start,
                tokens[start].isQuoteMark, !((start + 1)..<index).contains(where: { tokens[$0].isQuoteMark })
            {
                let commaInside = tokens[index - 1].text == ","
                var next = index + 1
                if next < sentence.upperBound, tokens[next].text == "," { next += 1 }
                if commaInside || next > index + 1, next < sentence.upperBound, Self.circumstanceOpeners.contains(tokens[next]) {
                    end = index + 1
                    break
                }
            }
            if joinsClause, index + 1 < sentence.upperBound {
                let next = tokens[index + 1]
                // "... and told reporters ...", "..., Jones said ...", "... but he said ...":
                // another cue, with its own subject or sharing this one.
                var cueFollows = ((index + 1)..<min(sentence.upperBound, index + 7)).contains { Self.commonCues.contains(tokens[$0]) }
                // "..., and more than 4 in 10 said ...", "..., while only 49 percent of Republicans
                // say ...": a joined clause with a longer subject of its own.
                // Not "..., and that more tenants say ...": a second "that" clause of the same cue.
                if isComma, !cueFollows, Self.joinedClauseOpeners.contains(next), index + 2 < sentence.upperBound,
                    tokens[index + 2].text != "that"
                {
                    cueFollows = ((index + 2)..<min(sentence.upperBound, index + 11)).contains { position in
                        // "who say so": says nothing.
                        let reports = position + 1 < sentence.upperBound && tokens[position + 1].isWord && tokens[position + 1].text != "so"
                        return Self.joinedClauseCues.contains(tokens[position]) && tokens[position - 1].text != "to" && reports
                    }
                }
                let newClause = isComma || Self.commonCues.contains(next) || next.isCapitalized || Lexicon.subjectPronouns.containsLowercased(next)
                if cueFollows, newClause {
                    end = index
                    break
                }
            }
            // "... to flourish, but suggested ...", "..., while acknowledging ...": a second cue of
            // the same speaker ends the first content and opens its own.
            if index > start, Self.clauseJoiners.containsLowercased(token), index + 2 < sentence.upperBound,
                opensSecondReport(at: index + 1, afterComma: tokens[index - 1].text == ",", tokens)
            {
                end = index
                break
            }
            // "... to withdraw, but she has bristled at ...": a new clause with its own subject
            // is the writer's again.
            if token.text == ",", index + 2 < sentence.upperBound, Self.clauseJoiners.contains(tokens[index + 1]) {
                let subject = tokens[index + 2]
                if subject.isCapitalized || Lexicon.subjectPronouns.contains(subject) {
                    end = index
                    break
                }
            }
            // "..., Tom Devlin suggested", "..., whereas Garza acknowledged", "... after Nabisco
            // announced", "... ― as was true then ― Trump boasted": a name with a reporting verb
            // of its own starts another attribution.
            if token.text == "," || Tokenizer.dashes.contains(token) || Self.clauseBoundaries.containsLowercased(token), startsNamedReport(at: index + 1, sentence, tokens) {
                end = index
                break
            }
            index += 1
        }
        // A closing bracket stays only with its opening one: "(R-Fla.)", not the ")" of a
        // sentence written in brackets.
        while end > start,
            isTrailingPunctuation(tokens[end - 1]) || tokens[end - 1].text == ")" && !(start..<(end - 1)).contains(where: { tokens[$0].text == "(" })
        {
            end -= 1
        }
        return end
    }

    /// A reporting verb after "and", "but" or "while" that starts a second report of the same
    /// speaker (the common cues, "and said", have their rule above): after a comma, a past
    /// tense or a participle (", but suggested", ", while acknowledging"); without one, only a
    /// past tense that opens a clause of its own ("and vowed to", "and warned that"), since
    /// "the firm cut costs and reported a profit" goes on with what was said.
    private func opensSecondReport(at verb: Int, afterComma: Bool, _ tokens: [Token]) -> Bool {
        let word = tokens[verb].text
        guard tokens[verb].isWord, !tokens[verb].isCapitalized, SpeechCues.reportingVerbs.contains(word) else { return false }
        if afterComma { return word.hasSuffix("ed") || word.hasSuffix("ing") }
        return word.hasSuffix("ed") && ["that", "to"].contains(tokens[verb + 1].text)
    }

    /// Participles that after "by" report ("by saying"); "by adding X to Y" does not.
    private static let byParticipleCues: WordSet = ["saying", "telling", "declaring", "writing", "tweeting"]

    /// A quotation whose closing mark is followed by a cue of its own ("“...,” he claimed").
    private func quotationHasOwnCue(openingAt open: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        guard let close = ((open + 1)..<sentence.upperBound).first(where: { tokens[$0].isQuoteMark }) else { return false }
        return ((close + 1)..<min(sentence.upperBound, close + 5)).contains { Lexicon.speechVerbs.contains(tokens[$0]) }
    }

    private static let that: WordSet = ["that"]
    private static let circumstanceOpeners: WordSet = ["when", "after", "before", "while", "whilst", "during", "as"]
    private static let clauseBoundaries: WordSet = ["whereas", "while", "whilst", "after", "although", "because", "when"]
    private static let clauseJoinerWords = ["but", "and", "while", "whilst"]
    private static let clauseJoiners = WordSet(clauseJoinerWords)
    private static let joinedClauseOpeners = WordSet(clauseJoinerWords + ["whereas", "compared"])
    /// The cues of a joined clause, the plural "say" of polls included ("who say").
    private static let joinedClauseCues = WordSet(commonCueWords + ["say"])

    /// Whether a capitalised name (at most four words) and then, past modifiers, a reporting
    /// verb in a finite form start at `index`.
    private func startsNamedReport(at index: Int, _ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        var verb = index
        while verb < sentence.upperBound, verb - index < 4, tokens[verb].isWord, tokens[verb].isCapitalized,
            !Lexicon.sentenceStarters.contains(tokens[verb])
        {
            verb += 1
        }
        guard verb > index else { return false }
        while verb < sentence.upperBound, AttributionContext.isVerbModifier(tokens[verb].text) { verb += 1 }
        guard verb < sentence.upperBound else { return false }
        let word = tokens[verb].text
        return SpeechCues.reportingVerbs.contains(word) && !word.hasSuffix("ing")
    }

    // MARK: - "according to"

    private func accordingTo(_ index: Int, _ sentence: Range<Int>, _ document: Document) -> ReportedSpeechCandidate? {
        let tokens = document.tokens
        let cue = index..<(index + 2)
        let nameStart = index + 2
        // "(“...,” according to organiser Jo Kerr)": an aside in brackets holds source and words.
        let bracket = (sentence.lowerBound..<index).last { tokens[$0].text == "(" || tokens[$0].text == ")" }.flatMap { tokens[$0].text == "(" ? $0 : nil }
        let opensAside = bracket.map { $0 + 1 == index } ?? false
        var nameEnd =
            (nameStart..<sentence.upperBound).first { tokens[$0].text == "," || isSentenceEnd(tokens[$0]) || bracket != nil && tokens[$0].text == ")" }
            ?? sentence.upperBound
        let words = opensAside ? nil : bracket
        // "According to the team's coach, Alireza Mehraban, ...": the name in apposition to a
        // description; not after a name ("According to the Herald, Professor Ann Lee, ...").
        if nameEnd + 1 < sentence.upperBound, tokens[nameEnd].text == ",", tokens[nameEnd + 1].isCapitalized,
            tokens[nameEnd - 1].isWord, !tokens[nameEnd - 1].isCapitalized,
            let second = ((nameEnd + 1)..<min(sentence.upperBound, nameEnd + 6)).first(where: { tokens[$0].text == "," }),
            ((nameEnd + 1)..<second).allSatisfy({ tokens[$0].isCapitalized || tokens[$0].text == "." })
        {
            nameEnd = second
        }
        let speaker = ReportedSpeechCandidate.SpeakerSide.after(start: nameStart, limit: nameEnd)
        var content: Range<Int>
        if index == sentence.lowerBound || opensAside {
            // "According to officials, the plan failed."
            guard nameEnd < sentence.upperBound, tokens[nameEnd].text == "," else { return nil }
            var start = nameEnd + 1
            // "According to Jack Kelly, writing for the Sentinel, ...": a phrase on the source.
            if start < sentence.upperBound, tokens[start].isWord, !tokens[start].isCapitalized, tokens[start].text.hasSuffix("ing"),
                let comma = (start..<min(sentence.upperBound, start + 8)).first(where: { tokens[$0].text == "," })
            {
                start = comma + 1
            }
            // "According to Sabine Roux, the head of the farmers' union, prices fell": past the
            // description of the source named.
            if start < sentence.upperBound, tokens[nameEnd - 1].isCapitalized, Lexicon.articles.containsLowercased(tokens[start]),
                let comma = (start..<min(sentence.upperBound, start + 12)).first(where: { tokens[$0].text == "," }),
                (start..<comma).contains(where: { AttributionContext.isPersonNoun(tokens[$0].text.lowercased()) }),
                !(start..<comma).contains(where: { Self.mayBeFiniteVerb(tokens[$0].text) })
            {
                start = comma + 1
            }
            guard start < sentence.upperBound else { return nil }
            // "According to the Herald, Ann Lee, its chair, said ...": the source's report runs
            // over its own subject's apposition, to where the report inside it ends.
            let rest = start..<sentence.upperBound
            let innerCue = rest.prefix(25).first { Self.nestedCues.contains(tokens[$0]) && opensMainClause(subjectOf: $0, rest, tokens) }
            content = start..<contentEnd(from: innerCue.map { $0 + 1 } ?? start, sentence, tokens)
        } else {
            // "The plan failed, according to officials."
            var end = index
            while end > sentence.lowerBound, tokens[end - 1].text == "," { end -= 1 }
            content = (words.map { $0 + 1 } ?? sentence.lowerBound)..<end
            if words != nil {
                guard wordCount(content, tokens) >= Self.minimumWords else { return nil }
                return ReportedSpeechCandidate(cue: cue, cueText: "according to", content: [content], speakerSide: speaker)
            }
            // "Among the precedents at risk, according to one scholar, are ...": the sentence
            // goes on with what was said.
            // So does "In the first year, according to Mayor Hale, the port will lose money": after
            // an opening phrase, the clause after the source is what was said, whatever opens it.
            let restStart = nameEnd + 1
            let opensWithPhrase =
                isOpeningPhrase(content, tokens)
                || content.count <= 6 && Lexicon.prepositions.containsLowercased(tokens[content.lowerBound])
                    && !content.contains(where: { Self.mayBeFiniteVerb(tokens[$0].text) })
            if nameEnd < sentence.upperBound, tokens[nameEnd].text == ",", restStart < sentence.upperBound, tokens[restStart].isWord,
                !SpeechCues.notContentOpeners.containsLowercased(tokens[restStart])
                    || opensWithPhrase && SpeechCues.determiners.containsLowercased(tokens[restStart])
            {
                let rest = restStart..<contentEnd(from: restStart, sentence, tokens)
                if wordCount(rest, tokens) >= Self.minimumWords {
                    return ReportedSpeechCandidate(cue: cue, cueText: "according to", content: [content, rest], speakerSide: speaker)
                }
            }
            if isOpeningPhrase(content, tokens) { return nil }
        }
        guard wordCount(content, tokens) >= Self.minimumWords else { return nil }
        return ReportedSpeechCandidate(cue: cue, cueText: "according to", content: [content], speakerSide: speaker)
    }

    // MARK: - Quotation marks inside the content

    /// A content that cuts a quotation in two takes all of it; one that is a quotation and
    /// nothing more is the quote attributor's (nil).
    private func balanced(_ candidate: ReportedSpeechCandidate, _ quotes: [QuoteCandidate], _ document: Document, _ insideQuote: [Bool]) -> ReportedSpeechCandidate? {
        var candidate = candidate
        let tokens = document.tokens
        for (part, range) in candidate.content.enumerated() {
            var lower = range.lowerBound, upper = range.upperBound
            // Quotes are in text order: only those opening from just before the content to
            // its end can widen it.
            for quote in quotes[quotes.firstIndex(keyAtLeast: lower - 3, key: \.openMark)...] {
                if quote.openMark >= upper { break }
                let quoteEnd = (quote.closeMark ?? (quote.inner.upperBound - 1)) + 1
                guard quoteEnd > lower else { continue }
                if quote.openMark < lower, quote.openMark >= lower - 3 { lower = quote.openMark }
                if quoteEnd > upper, quote.closeMark != nil, quoteEnd <= upper + 40 { upper = quoteEnd }
            }
            candidate.content[part] = lower..<upper
        }
        let words = candidate.content.flatMap { Array($0) }.filter { tokens[$0].isWord && tokens[$0].text != "that" }
        let quoted = words.filter { insideQuote[$0] }
        if !words.isEmpty, quoted.count == words.count { return nil }
        return candidate
    }

    // MARK: - Tokens

    private func isClauseBreak(_ token: Token) -> Bool {
        switch token.kind {
        case .quoteMark(let mark): return mark == .doubleClosing || mark == .singleClosing || mark == .doubleStraight
        case .punctuation: return token.text == "," || token.text == "\u{2014}" || token.text == "\u{2013}" || token.text == "--"
        default: return false
        }
    }

    private func isSentenceEnd(_ token: Token) -> Bool {
        token.kind == .punctuation && (token.text.hasPrefix(".") || token.text.hasPrefix("!") || token.text.hasPrefix("?") || token.text == ";")
    }

    private func isTrailingPunctuation(_ token: Token) -> Bool {
        token.kind == .punctuation && token.text != ")" && token.text != "]"
    }

    private func wordCount(_ range: Range<Int>, _ tokens: [Token]) -> Int {
        range.reduce(0) { $0 + (tokens[$1].isWord ? 1 : 0) }
    }
}
