/// Finding who a clause is about: the subject a cue's sentence opens with, past opening
/// phrases and appositions; a participle's or joined verb's shared subject.
extension QuoteAttributor {
    /// Whether a name stands where a subject does: after at most a short opening phrase
    /// ("Later that month, SNC-Lavalin ...") and words of title or description ("Chinese
    /// foreign ministry spokeswoman Hua Chunying"), not inside the clause ("Both parents
    /// denounced Mr. Trump").
    func opensClause(_ phrase: SpeakerPhrase, from start: Int, _ tokens: [Token]) -> Bool {
        var index = Self.datelineEnd(from: start, before: phrase.tokens.lowerBound, tokens) ?? start
        if let comma = (start..<min(phrase.tokens.lowerBound, start + 8)).last(where: { tokens[$0].text == "," }) { index = comma + 1 }
        return (index..<phrase.tokens.lowerBound).allSatisfy { position in
            let token = tokens[position]
            let word = token.text.lowercased()
            // A capitalised opener ("Like Corker, ...", "After Iowa, ...") is no title.
            let opener = Lexicon.prepositions.contains(word) || Lexicon.subordinators.contains(word)
            // "A spokeswoman for Janney": the principal a spokesperson speaks for.
            let principal = word == "for" && position > index && AttributionContext.spokespeople.contains(tokens[position - 1])
            return token.isCapitalized && !opener || token.kind == .possessive || Lexicon.personTitles.contains(word) || Lexicon.roleNouns.contains(word)
                || Lexicon.articles.contains(word) || principal
        }
    }

    /// "Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said":
    /// with an apposition or relative clause between commas before the cue, the subject is
    /// the name before the first of those commas, not a name inside them.
    /// Before a finite cue the name must open the apposition, right before its comma: "in
    /// what Bay Buchanan, national treasurer, called" is Buchanan's, not the name of an
    /// earlier clause ("protected Gerald Ford's delegates, in what ...") or opening phrase.
    /// A participle (", saying") shares its sentence's subject, wherever that stands.
    func appositionSubject(cue: Int, floor: Int, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        // "Bush, the former governor, also attacked": past adverbs and auxiliaries before the verb.
        var verb = cue
        while verb - 1 > floor, tokens[verb - 1].isWord, AttributionContext.isVerbModifier(tokens[verb - 1].text) { verb -= 1 }
        guard verb - 1 > floor else { return nil }
        // "Lehel, the hacker known as “Guccifer,” stated": the comma inside a closing quotation mark.
        let closingQuote = verb - 2 > floor && [.quoteMark(.doubleClosing), .quoteMark(.doubleStraight)].contains(tokens[verb - 1].kind)
        guard let cueComma = tokens[verb - 1].text == "," ? verb - 1 : closingQuote && tokens[verb - 2].text == "," ? verb - 2 : nil else { return nil }
        let finite = !tokens[cue].text.hasSuffix("ing")
        // "Other Republicans, like Ruiz, have said": the people before the aside.
        if finite, let people = context.peopleBeforeAside(endingAt: cueComma, floor: floor) { return people }
        var notOpening: SpeakerPhrase?
        var segmentStart = floor
        for comma in floor..<cueComma where tokens[comma].text == "," {
            // "At Boca West, ...", "While Brookover ...,", "According to the Herald,": an opening
            // phrase, not a subject.
            let opener = tokens[segmentStart].text.lowercased()
            // "Another Vance ally, Agriculture Secretary Tom Villa, told": a segment ending in
            // a title word describes the one named next.
            let describes = comma - 1 > segmentStart && AttributionContext.isTitleWord(tokens[comma - 1].text) && context.mention(at: comma - 1) == nil
            // "in Berea, Ohio,": a place after a place completes its address.
            let address = segmentStart > floor && context.isPlace(at: comma - 1) && context.isPlace(at: segmentStart - 2)
            // "in what Ana Ruiz, a campaign aide, called": the relative's subject.
            // "A spokesman for the Taliban, Qari Mehsud, said", "Nordhavn's largest shareholder,
            // the Hansen Foundation, said": a description, then the one it describes.
            if let described = nameAfterDescription(segmentStart..<comma, cue: cueComma + 1, context) { return described }
            let relative = (segmentStart..<min(comma, segmentStart + 3)).first { ["what", "which"].contains(tokens[$0].text) }
            let start = relative.map { $0 + 1 } ?? segmentStart
            if relative != nil || !Lexicon.prepositions.contains(opener) && !Lexicon.subordinators.contains(opener) && opener != "according",
                !describes, !address,
                let subject = context.speakerPhrase(endingBefore: comma, floor: start), subject.entity != nil || !subject.joint.isEmpty
            {
                if !finite || Self.opensApposition(subject.tokens, comma: comma, tokens) { return subject }
                // "Lee guarded Park's votes in 1990, ...": not a name inside a clause of its own.
                let leadsSegment = (start..<subject.tokens.lowerBound).allSatisfy {
                    tokens[$0].isCapitalized || AttributionContext.isWordOfTitle(tokens[$0]) || Lexicon.articles.contains(tokens[$0])
                }
                if notOpening == nil, leadsSegment { notOpening = subject }
            }
            segmentStart = comma + 1
        }
        return notOpening
    }

    /// For a segment that describes someone ("A spokesman for X", "Kamau's challenger") and
    /// ends at `comma`, the person or organisation the next segment opens with, when that
    /// segment is a name and nothing more up to the cue's comma.
    private func nameAfterDescription(_ segment: Range<Int>, cue: Int, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        guard let first = segment.first, segment.count >= 2, segment.upperBound + 1 < cue - 1 else { return nil }
        let possessed = ["his", "her", "its", "their"].contains(tokens[first].text.lowercased()) || tokens[first + 1].kind == .possessive
        guard possessed || Lexicon.articles.containsLowercased(tokens[first]) || ["one", "another"].contains(tokens[first].text.lowercased()) else { return nil }
        // Its head: a role ("A spokesman for X"), or any noun ending a possessive ("Kamau's challenger").
        let head =
            possessed && tokens[segment.upperBound - 1].isWord && !tokens[segment.upperBound - 1].isCapitalized
            ? segment.upperBound - 1
            : segment.first {
                tokens[$0].isWord && !tokens[$0].isCapitalized && (AttributionContext.isTitleWord(tokens[$0].text) || AttributionContext.isPersonNoun(tokens[$0].text))
            }
        guard let head, context.mention(at: head) == nil,
            !segment.prefix(while: { $0 < head }).contains(where: { context.mention(at: $0)?.1.lowerBound == $0 && $0 != first })
        else { return nil }
        var start = segment.upperBound + 1
        if Lexicon.articles.containsLowercased(tokens[start]) { start += 1 }
        // "Dan Whit of Grace Church in Marion": the name and where the person is from.
        guard let (entity, mention) = context.mention(at: start), mention.lowerBound == start,
            mention.upperBound == cue - 1
                || mention.upperBound < cue - 1 && ["of", "from"].contains(tokens[mention.upperBound].text)
                    && (mention.upperBound..<(cue - 1)).allSatisfy({ tokens[$0].isCapitalized || ["of", "from", "in", "at", "the"].contains(tokens[$0].text) }),
            [.person, .org].contains(context.entities[entity].type)
        else { return nil }
        return SpeakerPhrase(tokens: mention, entity: entity, confidence: 0.85)
    }

    /// The name ends at the comma, or goes on only with a bracket, "of" and a place, or a
    /// possessive and a role ("Kasich (R-OH),", "Gov. Kasich of Ohio,", "Trump's spokeswoman,").
    private static func opensApposition(_ name: Range<Int>, comma: Int, _ tokens: [Token]) -> Bool {
        let end = name.upperBound
        guard end < comma else { return true }
        if tokens[end].text == "(" { return true }
        if tokens[end].kind == .possessive {
            let role = tokens[comma - 1].text
            return comma - end <= 4 && (AttributionContext.isTitleWord(role) || Lexicon.roleNouns.containsLowercased(role))
        }
        return tokens[end].text == "of" && ((end + 1)..<comma).allSatisfy { tokens[$0].isCapitalized || Lexicon.articles.contains(tokens[$0]) }
    }

    /// For a participle after a comma, or a verb joined by "and" or "but" with no subject of
    /// its own, the speaker of the speech verb before it in its sentence: that verb's subject,
    /// or the name after it ("said Spicer, adding", "De Blasio said the move was made by
    /// Bratton and said, “...”").
    func speakerOfEarlierCue(beforeParticiple verb: Int, _ head: Range<Int>, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        let participle = tokens[verb].text.hasSuffix("ing") && Self.opensParticiplePhrase(verb, from: head.lowerBound, tokens)
        guard participle || verb > head.lowerBound && Lexicon.andOrBut.contains(tokens[verb - 1]) else { return nil }
        let sentenceStart = max(head.lowerBound, context.document.sentenceRange(of: verb).lowerBound)
        guard let earlier = lastSpeechVerb(before: verb, from: sentenceStart, tokens) else { return nil }
        let subject = context.speakerPhrase(endingBefore: earlier, floor: sentenceStart)
        if let subject, subject.entity != nil { return subject }
        if let named = context.speakerPhrase(startingAt: earlier + 1, limit: verb - 1), named.entity != nil { return named }
        // "The prime minister replied, “...”, and called for ...": a description goes on speaking.
        return subject.flatMap { SpeakerDescription.trimmed($0.tokens, tokens) != nil ? $0 : nil }
    }

    /// A participle after a comma ("..., saying") or a verb right after "and" or "but", with
    /// no speech verb before it in its sentence (else it continues that verb's clause).
    func sharesSentenceSubject(_ verb: Int, sentenceStart: Int, _ tokens: [Token]) -> Bool {
        guard verb > 0 else { return false }
        let participle = tokens[verb].text.hasSuffix("ing") && Self.opensParticiplePhrase(verb, from: 0, tokens)
        guard participle || Lexicon.andOrBut.contains(tokens[verb - 1]) else { return false }
        return lastSpeechVerb(before: verb, from: sentenceStart, tokens) == nil
    }

    /// The last speech verb used as a verb ("said", "told") between `floor` and `verb`.
    /// Not one inside a quotation ("replied, “I said nothing”, and called"): the quoted
    /// speaker's verb, not the sentence's.
    private func lastSpeechVerb(before verb: Int, from floor: Int, _ tokens: [Token]) -> Int? {
        var quoted = false
        for index in (floor..<verb).reversed() {
            if case .quoteMark(let mark) = tokens[index].kind, mark != .doubleOpening || quoted {
                quoted = mark == .doubleClosing || mark == .doubleStraight && !quoted
                continue
            }
            if !quoted, Lexicon.postposableVerbs.contains(tokens[index]), isSpeechVerb(at: index, tokens) { return index }
        }
        return nil
    }

    /// Where a clause's subject may begin: past a dateline and up to three opening phrases,
    /// joining words, subordinate clauses or participle phrases ("In a speech from Ohio --
    /// which votes on Saturday -- Garza ...").
    func clauseStart(from start: Int, before limit: Int, _ context: AttributionContext) -> Int {
        let tokens = context.document.tokens
        var start = Self.datelineEnd(from: start, before: limit, tokens) ?? start
        for _ in 0..<3 {
            guard start < limit, let first = (start..<limit).first(where: { tokens[$0].isWord }) else { break }
            let word = tokens[first].text.lowercased()
            // An opening phrase ends at a comma or a dash ("In a speech from Ohio -- which
            // votes on Saturday -- Garza ..."); a subordinate clause may run long.
            let reach = Lexicon.subordinators.contains(word) ? 40 : 16
            let comma = (first..<min(limit, first + reach)).first { tokens[$0].text == "," || Self.dashes.contains(tokens[$0]) }
            if Self.conjunctions.contains(word), comma.map({ $0 - first > 3 }) ?? true {
                start = first + 1
            } else if let comma,
                Lexicon.prepositions.contains(word) || Lexicon.subordinators.contains(word) || word.hasSuffix("ly") || Self.conjunctions.contains(word)
                    || isOpeningParticiple(first, context) || ["which", "who"].contains(word)
            {
                start = comma + 1
            } else {
                break
            }
        }
        return start
    }

    /// The subject of the clause from `start`, past up to three opening phrases ("In his
    /// first reaction, during an interview, Mr. Trump ..."): the first person, organisation
    /// or group named within six words, unless governed by a preposition, possessive
    /// ("Clinton's decline") or an adjective ("Republican candidate X"); nil when a verb
    /// comes first.
    func clauseSubject(from start: Int, before limit: Int, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        let start = clauseStart(from: start, before: limit, context)
        if let described = context.describedPersonOpening(at: start, before: limit) { return described }
        var wordsBefore = 0
        var index = start
        while index < limit {
            guard let (entity, mention) = context.mention(at: index), mention.lowerBound == index else {
                if tokens[index].isWord {
                    let word = tokens[index].text.lowercased()
                    if AttributionContext.isVerbModifier(word) || Lexicon.speechVerbs.contains(word) { return nil }
                    wordsBefore += 1
                    if wordsBefore > 6 { return nil }
                }
                index += 1
                continue
            }
            let type = context.entities[entity].type
            let governed = index > start && Lexicon.prepositions.containsLowercased(tokens[index - 1])
            let possessive = mention.upperBound < limit && tokens[mention.upperBound].kind == .possessive
            let next = mention.upperBound < limit ? tokens[mention.upperBound] : nil
            let adjective =
                switch type {
                // As written: "Democratic" in "Democratic strategists" though the group is "Democrats".
                case .norp, .gpe: !(tokens[mention.upperBound - 1].text.hasSuffix("s") && next.map { $0.isWord && !$0.isCapitalized } ?? false)
                // "GOP leaders", "the Pfizer executive": people of the organisation speak.
                case .org: next.map { $0.isCapitalized || $0.isWord && AttributionContext.isPersonNoun($0.text) } ?? false
                default: false
                }
            if !governed, !possessive, !adjective, [.person, .org, .norp, .gpe].contains(type) {
                return context.titledName(after: mention) ?? SpeakerPhrase(tokens: mention, entity: entity, confidence: 0.6)
            }
            wordsBefore += mention.count
            if wordsBefore > 6 { return nil }
            index = mention.upperBound
        }
        return nil
    }

    /// "... and Emanuel fired his police chief, acknowledging that": when the sentence opens
    /// with no subject, a participle or joined verb shares the subject of the nearest clause
    /// before it: a person (or, failing one, an organisation) followed by a finite verb, not
    /// governed by a preposition ("with Trump saying" counts).
    func nearestClauseSubject(from start: Int, before verb: Int, _ context: AttributionContext) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        var best: (phrase: SpeakerPhrase, isPerson: Bool)?
        var index = start
        while index < verb {
            guard let (entity, mention) = context.mention(at: index), mention.lowerBound == index else {
                index += 1
                continue
            }
            index = mention.upperBound
            let type = context.entities[entity].type
            guard type == .person || type == .org else { continue }
            let before = mention.lowerBound > start ? tokens[mention.lowerBound - 1].text.lowercased() : ""
            guard !Lexicon.prepositions.contains(before) || before == "with" else { continue }
            var next = mention.upperBound
            if next < verb, tokens[next].text == "(", let close = (next..<verb).first(where: { tokens[$0].text == ")" }) { next = close + 1 }
            // "Sanders eventually dismissed": past adverbs.
            while next + 1 < verb, tokens[next].isLowercase, tokens[next].text.hasSuffix("ly") { next += 1 }
            guard next < verb, tokens[next].isWord, tokens[next].kind != .possessive, !tokens[next].isCapitalized else { continue }
            let word = tokens[next].text
            let finite = word.hasSuffix("ed") || word.hasSuffix("s") || Self.irregularPast.contains(word) || before == "with" && word.hasSuffix("ing")
            guard finite, !Self.notVerbs.contains(word) else { continue }
            let isPerson = type == .person
            if best == nil || isPerson || !best!.isPerson { best = (SpeakerPhrase(tokens: mention, entity: entity, confidence: 0.55), isPerson) }
        }
        return best?.phrase
    }

    static let irregularPast: WordSet = ["told", "went", "said", "made", "took", "gave", "sat", "ran", "won", "lost", "began", "left", "met", "spoke"]
    private static let notVerbs: WordSet = ["and", "or", "but", "of", "in", "at", "for", "to", "with", "who", "whom", "whose", "which", "that", "the", "a", "an", "said", "says"]

    static let conjunctions: WordSet = ["but", "and", "yet", "still", "so"]
    static var dashes: WordSet { Tokenizer.dashes }

    /// "Dallas (AFP) – Senator Nora Vance ...": where a dateline before a dash ends, within
    /// its first eight tokens; nil when the clause opens with none.
    static func datelineEnd(from start: Int, before limit: Int, _ tokens: [Token]) -> Int? {
        guard let dash = (start..<min(limit, start + 8)).first(where: { dashes.contains(tokens[$0]) }), dash > start else { return nil }
        let isDateline = (start..<dash).allSatisfy { tokens[$0].isCapitalized || ["(", ")", ","].contains(tokens[$0].text) }
        return isDateline ? dash + 1 : nil
    }

    /// Where a clause starting at `start` begins past a dateline in capitals ("WASHINGTON —"),
    /// else `start`: a name in capitals there is a place, not a subject.
    static func pastCapitalisedDateline(from start: Int, before limit: Int, _ tokens: [Token]) -> Int {
        tokens[start].isAllCaps ? datelineEnd(from: start, before: limit, tokens) ?? start : start
    }

    /// "Continuing to explain his view, ...", "Having announced ...": a phrase with no
    /// subject of its own before the clause's subject; not a name ending in "-ing".
    private func isOpeningParticiple(_ index: Int, _ context: AttributionContext) -> Bool {
        let word = context.document.tokens[index].text.lowercased()
        return (word.hasSuffix("ing") || ["having", "asked", "pressed", "questioned"].contains(word)) && context.mention(at: index) == nil
    }

    /// The person a sentence opens with as its subject: "He ...", "She ...", "Mr Howard ..."
    /// (or an organisation, "The Foundation ...", when allowed); nil for anything else.
    func sentenceSubject(of sentence: Range<Int>, _ context: AttributionContext, allowingOrganisations: Bool = false) -> SpeakerPhrase? {
        let tokens = context.document.tokens
        guard !sentence.isEmpty else { return nil }
        let first = tokens[sentence.lowerBound].text.lowercased()
        if first == "he" || first == "she" {
            guard let entity = context.resolvePronoun(first, before: sentence.lowerBound) else { return nil }
            return SpeakerPhrase(tokens: sentence.lowerBound..<(sentence.lowerBound + 1), entity: entity, confidence: 0.55)
        }
        // "On Face the Nation, Sen. Bernie Sanders ...": past a short opening phrase.
        var start = sentence.lowerBound
        if let comma = sentence.prefix(8).firstIndex(where: { tokens[$0].text == "," }), context.mention(at: sentence.lowerBound) == nil {
            start = comma + 1
            if start < sentence.upperBound, case .quoteMark = tokens[start].kind { start += 1 }
        }
        // "Former secretary of state Hillary Clinton ...": past the words of a title.
        let titlesStart = start
        while start < sentence.upperBound, start - titlesStart < 5, context.mention(at: start) == nil, AttributionContext.isWordOfTitle(tokens[start]) {
            start += 1
        }
        if allowingOrganisations, start + 1 < sentence.upperBound, tokens[start].text == "The" { start += 1 }
        guard start < sentence.upperBound, let (entity, mention) = context.mention(at: start) else { return nil }
        // "Senate Majority Leader Mitch McConnell", "Clinton aide Huma Abedin": the titled person.
        if let titled = context.titledName(after: mention) { return SpeakerPhrase(tokens: titled.tokens, entity: titled.entity, confidence: 0.55) }
        guard context.entities[entity].type == .person || allowingOrganisations && context.entities[entity].type == .org else { return nil }
        return SpeakerPhrase(tokens: mention, entity: entity, confidence: 0.55)
    }
}
