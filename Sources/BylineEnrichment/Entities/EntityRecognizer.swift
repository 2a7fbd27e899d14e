/// Finds names (capitalised spans), types them from gazetteers, organisation words,
/// titles and context, and merges the mentions of one entity ("Joe Biden", "Biden").
struct EntityRecognizer: Sendable {
    let gazetteer: Gazetteer
    /// The learned tagger proposes the spans.
    let model: NERModel

    /// Stops early, with part of the entities, once `deadline` has passed.
    func recognize(_ document: Document, deadline: EnrichmentDeadline = .none) -> [RecognizedEntity] {
        var mentions = taggedMentions(document, model, deadline)
        guard !deadline.hasPassed else { return [] }
        mentions += untaggedSurnames(document, mentions)
        mentions += untaggedSources(document, mentions)
        mentions += namesBeforeHyphens(document, mentions)
        mentions += untaggedGroups(document, mentions)
        mentions += untaggedOrganisations(document, mentions)
        return merge(mentions, in: document, deadline)
    }

    /// "state GOP chair", "viral on Facebook": a widely known organisation of one word the
    /// tagger left out (not after "the", which may make it a place: "the Amazon"; nor opening
    /// a sentence).
    func untaggedOrganisations(_ document: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        let tokens = document.tokens
        let covered = Self.covered(by: mentions, tokenCount: tokens.count)
        return tokens.indices.compactMap { index in
            // Not a sentence's first word: "Apple growers in Kent say".
            guard tokens[index].isCapitalized || tokens[index].text.utf8.first == UInt8(ascii: "e"), !covered[index], Organisations.names.contains(tokens[index]),
                index == 0 || !Lexicon.articles.containsLowercased(tokens[index - 1]),
                !isSentenceInitial(index, tokens)
            else { return nil }
            return makeMention(index..<(index + 1), document, type: .org, strength: 3)
        }
    }

    /// "a Toronto-based charity", "New York-born", "UN-backed envoys": the place, or the
    /// organisation the article names elsewhere, that a compound adjective opens with.
    func namesBeforeHyphens(_ document: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        let tokens = document.tokens
        let covered = Self.covered(by: mentions, tokenCount: tokens.count)
        // Built when first asked: few articles hold such a compound.
        var namedTypes: [String: EntityType]?
        func namedType(_ name: String) -> EntityType? {
            if namedTypes == nil {
                var types: [String: EntityType] = [:]
                for mention in mentions where mention.type != .person { types[mention.text] = types[mention.text] ?? mention.type }
                namedTypes = types
            }
            return namedTypes?[name]
        }
        var found: [EntityMention] = []
        // Bytes first: few tokens hold a hyphen, and a String's index walk is slow.
        func hasHyphen(_ text: String) -> Bool {
            for byte in text.utf8 where byte == UInt8(ascii: "-") { return true }
            return false
        }
        for index in tokens.indices where !covered[index] && tokens[index].isCapitalized && hasHyphen(tokens[index].text) {
            let token = tokens[index]
            guard let hyphen = token.text.firstIndex(of: "-"), Self.compoundAttachments.contains(String(token.text[token.text.index(after: hyphen)...]))
            else { continue }
            let head = String(token.text[..<hyphen])
            var first = index
            var name = head
            if index > 0, !covered[index - 1], tokens[index - 1].isCapitalized, tokens[index - 1].sentence == token.sentence,
                gazetteer.placeType(of: tokens[index - 1].text + " " + head) != nil
            {
                first = index - 1
                name = tokens[index - 1].text + " " + head
            }
            guard !gazetteer.demonyms.contains(name), let type = gazetteer.placeType(of: name) ?? namedType(name) else { continue }
            let end = token.start + head.unicodeScalars.count
            found.append(EntityMention(tokens: first..<(index + 1), start: tokens[first].start, end: end, text: document.text(tokens[first].start, end), type: type, strength: 2))
        }
        return found
    }

    /// "three Conservative MPs", "British troops": a nationality or party the gazetteer knows,
    /// qualifying the noun after it, that the tagger missed.
    func untaggedGroups(_ document: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        let tokens = document.tokens
        let covered = Self.covered(by: mentions, tokenCount: tokens.count)
        var found: [EntityMention] = []
        for index in tokens.indices.dropLast() where !covered[index] && tokens[index].kind == .word && tokens[index + 1].kind == .word {
            guard tokens[index].isCapitalized, !tokens[index + 1].isCapitalized || Self.memberWords.contains(tokens[index + 1]),
                tokens[index + 1].sentence == tokens[index].sentence, gazetteer.demonyms.contains(tokens[index]), !isSentenceInitial(index, tokens)
            else { continue }
            found.append(makeMention(index..<(index + 1), document, type: .norp, strength: 3))
        }
        return found
    }

    private static let memberWords: WordSet = ["MPs", "MEPs", "MSPs", "MLAs", "MPPs", "MKs", "TDs"]

    private static let compoundAttachments: WordSet = [
        "based", "born", "backed", "led", "owned", "funded", "run", "made", "brokered", "sponsored", "controlled", "headquartered",
        "registered", "listed", "bred", "raised", "bound", "allied", "aligned", "linked", "affiliated", "supported", "operated",
    ]

    /// "“...,” Pence said", "Small, who ...", "Bush, the former governor,", "Bush: “...”": a
    /// surname the tagger missed, next to a speech verb, before a relative clause or an
    /// apposition or labelling a quotation, when a person of the article has it (merging then
    /// joins it to that person, or to the first named of several).
    func untaggedSurnames(_ document: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        let tokens = document.tokens
        var surnamesOfFullNames: Set<String> = []
        let covered = Self.covered(by: mentions, tokenCount: tokens.count)
        for mention in mentions {
            guard mention.type == .person, mention.tokens.count > 1, let surname = NameIndex.words(of: mention.text).last else { continue }
            surnamesOfFullNames.insert(surname)
        }
        guard !surnamesOfFullNames.isEmpty else { return [] }
        func isSpeechVerb(_ index: Int) -> Bool { index >= 0 && containsSpeechVerb(index..<(index + 1), document) }
        var found: [EntityMention] = []
        // Most capitalised words are no surname of a full name: that is asked first.
        for index in tokens.indices where !covered[index] && tokens[index].isCapitalized && surnamesOfFullNames.contains(tokens[index].text) {
            let token = tokens[index]
            let verb = speechVerbChainEnd(after: index, tokens)
            let verbAfter = isSpeechVerb(verb)
            // "Small, who attended the rally, said": a relative clause about the person.
            let relativeAfter = index + 2 < tokens.count && tokens[index + 1].text == "," && ["who", "whose"].contains(tokens[index + 2].text)
            // "Bush, the former governor,", "Bush, Florida's former governor,": an apposition.
            let appositionAfter =
                index + 3 < tokens.count && tokens[index + 1].text == ","
                && (Lexicon.articles.containsLowercased(tokens[index + 2]) || tokens[index + 2].isCapitalized && tokens[index + 3].kind == .possessive)
            // "Bush: “The mission is ...”": a label before a quotation.
            let labelAfter = index + 2 < tokens.count && tokens[index + 1].text == ":" && tokens[index + 2].isQuoteMark
            // "Bush referred to Rubio as ...", "Bush was ...": the subject of any verb in the past
            // or of an auxiliary.
            let finiteVerbAfter = verb < tokens.count && Self.isFiniteVerb(tokens[verb])
            // "Pence Says Trump Will Win": a title-case headline's cue is capitalised too.
            let headlineCueAfter =
                index + 1 < tokens.count && tokens[index + 1].isCapitalized && SpeechCues.isPresentTenseCue(tokens[index + 1].text.lowercased())
                && tokens.isTitleCaseHeading(document.sentences[token.sentence])
            guard verbAfter || relativeAfter || appositionAfter || labelAfter || finiteVerbAfter || headlineCueAfter || isSpeechVerb(index - 1) else { continue }
            if index > 0, tokens[index - 1].isCapitalized, tokens[index - 1].sentence == token.sentence { continue }
            if index + 1 < tokens.count, tokens[index + 1].isCapitalized, !headlineCueAfter { continue }
            found.append(EntityMention(tokens: index..<(index + 1), start: token.start, end: token.end, text: token.text, type: .person, strength: 1))
        }
        return found
    }

    private static func isFiniteVerb(_ token: Token) -> Bool {
        guard token.isWord, !token.isCapitalized else { return false }
        return token.text.count > 4 && token.text.hasSuffix("ed") || auxiliaries.contains(token)
    }

    private static let auxiliaries: WordSet = ["was", "is", "has", "had", "did", "does", "would", "will", "could", "can", "should", "must"]

    /// Where the verb after a subject at `index` stands, past an adverb or auxiliary and a verb
    /// that carries an infinitive ("Pence also said", "Pence went on to say", "Pence continued to insist").
    private func speechVerbChainEnd(after index: Int, _ tokens: [Token]) -> Int {
        var verb = index + 1
        if verb < tokens.count, SpeechCues.verbModifiers.contains(tokens[verb]) { verb += 1 }
        if verb + 1 < tokens.count, SpeechCues.goingOnVerbs.contains(tokens[verb]), tokens[verb + 1].text == "on" { verb += 1 }
        if verb + 2 < tokens.count, SpeechCues.reportingBeforeTo.contains(tokens[verb]), tokens[verb + 1].text == "to" { verb += 2 }
        return verb
    }

    // MARK: - Spans from the learned tagger

    /// The tagger's spans, typed in Byline's scheme: CoNLL's LOC splits into GPE and LOC,
    /// MISC keeps only nationalities and groups (NORP); other MISC names are not reported.
    private func taggedMentions(_ document: Document, _ model: NERModel, _ deadline: EnrichmentDeadline) -> [EntityMention] {
        let tokens = document.tokens
        let sentences = document.sentences.map { range in range.map { Self.modelWord(tokens[$0]) } }
        let tagged = model.tag(document: sentences) { deadline.hasPassed }
        var parts: [(Range<Int>, NERClass)] = []
        for (range, tags) in zip(document.sentences, tagged) {
            let heading = tokens.isTitleCaseHeading(range)
            let spans = NERSpan.spans(tags).map { NERSpan(range: (range.lowerBound + $0.range.lowerBound)..<(range.lowerBound + $0.range.upperBound), entityClass: $0.entityClass) }
            let joined = joiningNameParticles(
                joiningInstitutionComplements(joiningNationalityToOrganisation(honorificNames(spans, in: range, tokens), tokens), in: range, tokens),
                in: range, tokens)
            for span in separatingPortfolioHolders(joined, in: range, document) {
                guard var trimmed = trimPunctuation(span.range, tokens).flatMap({ withoutCaptionLabel($0, tokens) }) else { continue }
                if heading {
                    guard let name = Self.beforeHeadlineVerb(trimmed, tokens) else { continue }
                    trimmed = name
                }
                for conjunct in splitAtLowercaseWords(trimmed, span.entityClass, tokens).flatMap({ splitAtAnd($0, span.entityClass, document) }) {
                    parts += splitAtTitle(conjunct, span.entityClass, document)
                }
            }
        }
        // "Crooked Hillary Clinton", "Assemblywoman Claudia Tenney": a word before a given name
        // and surname that the article names without it is an epithet or a title, no part of
        // the name (not "Ban Ki Moon": "Ki Moon" is never named alone).
        // Built only when a candidate asks: most articles have none.
        var twoWordNames: Set<String>?
        func isNamed(_ range: Range<Int>) -> Bool {
            if twoWordNames == nil { twoWordNames = Set(parts.lazy.filter { $0.0.count == 2 && $0.1 == .person }.map { document.text(tokens: $0.0) }) }
            return twoWordNames!.contains(document.text(tokens: range))
        }
        return parts.compactMap { part, entityClass in
            var part = part
            if entityClass == .person, part.count >= 3, gazetteer.givenNames[tokens[part.lowerBound + 1].text] != nil,
                gazetteer.givenNames[tokens[part.lowerBound].text] == nil, !Lexicon.nameConnectors.containsLowercased(tokens[part.lowerBound]),
                isNamed((part.lowerBound + 1)..<part.upperBound)
            {
                part = (part.lowerBound + 1)..<part.upperBound
            }
            return taggedMention(part, entityClass, document)
        }
    }

    /// "Mr. Band wrote", "Mr. English said": an honorific before a capitalised word names a
    /// person, whatever the tagger read there (nothing, or a nationality); the honorific joins
    /// the span, so the person rule below applies.
    private func honorificNames(_ spans: [NERSpan], in sentence: Range<Int>, _ tokens: [Token]) -> [NERSpan] {
        var spans = spans
        // Every honorific is capitalised: most tokens are turned away before the look-up.
        for honorific in sentence.dropLast() where tokens[honorific].isCapitalized && Self.honorifics.contains(tokens[honorific]) {
            let name = honorific + 1
            guard tokens[name].isCapitalized, tokens[name].isWord, !spans.contains(where: { $0.range.contains(honorific) }) else { continue }
            if let covering = spans.firstIndex(where: { $0.range.contains(name) }) {
                guard spans[covering].range.lowerBound == name, spans[covering].entityClass != .person else { continue }
                spans[covering] = NERSpan(range: honorific..<spans[covering].range.upperBound, entityClass: .person)
            } else {
                var end = name + 1
                while end < sentence.upperBound, end - name < 3, tokens[end].isCapitalized, tokens[end].isWord, !spans.contains(where: { $0.range.contains(end) }) {
                    end += 1
                }
                spans.append(NERSpan(range: honorific..<end, entityClass: .person))
            }
        }
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "José Eduardo dos Santos", "Tamim bin Hamad al-Thani", "Karl von Habsburg": a person's
    /// name goes on past a particle before a capitalised word, or a word the particle opens
    /// ("al-Thani", "d'Alema"), which the tagger often leaves out or reads as a name of its own.
    private func joiningNameParticles(_ spans: [NERSpan], in sentence: Range<Int>, _ tokens: [Token]) -> [NERSpan] {
        var result: [NERSpan] = []
        for span in spans {
            if let last = result.last, last.range.contains(span.range.lowerBound) { continue }
            guard span.entityClass == .person else {
                result.append(span)
                continue
            }
            // "Karl von Meyer" with only "Meyer" tagged: the given name before the particle.
            var start = span.range.lowerBound
            var particle = start
            while particle > sentence.lowerBound, Self.nameParticles.contains(tokens[particle - 1]) { particle -= 1 }
            if particle < start, particle > sentence.lowerBound, tokens[particle - 1].isWord, tokens[particle - 1].isCapitalized,
                !Self.openingFunctionWords.containsLowercased(tokens[particle - 1])
            {
                start = particle - 1
                while start > sentence.lowerBound, particle - start < 2, tokens[start - 1].isWord, tokens[start - 1].isCapitalized { start -= 1 }
                while let last = result.last, last.range.upperBound > start { result.removeLast() }
            }
            var end = span.range.upperBound
            while end < sentence.upperBound {
                if Self.opensWithNameParticle(tokens[end].text) {
                    end += 1
                    continue
                }
                var next = end
                while next < sentence.upperBound, Self.nameParticles.contains(tokens[next]) { next += 1 }
                guard next > end, next < sentence.upperBound, tokens[next].isWord, tokens[next].isCapitalized || Self.opensWithNameParticle(tokens[next].text)
                else { break }
                end = next + 1
                while end < sentence.upperBound, tokens[end].isWord, tokens[end].isCapitalized, end - next < 3 { end += 1 }
            }
            result.append(NERSpan(range: start..<end, entityClass: .person))
        }
        return result
    }
    private static let nameParticles: WordSet = [
        "de", "del", "della", "da", "das", "do", "dos", "di", "du", "von", "van", "der", "den", "ter", "bin", "bint", "ibn", "al", "el", "zu",
    ]
    /// "al-Thani", "el-Sisi", "d'Alema": a lower-case particle joined to a capitalised name.
    private static func opensWithNameParticle(_ word: String) -> Bool {
        for prefix in ["al-", "el-", "bin-", "d'", "d’"] where word.hasPrefix(prefix) {
            return word.dropFirst(prefix.count).first?.isUppercase ?? false
        }
        return false
    }

    private func taggedMention(_ span: Range<Int>, _ taggedClass: NERClass, _ document: Document) -> EntityMention? {
        let tokens = document.tokens
        // "#GOPDebate", "@realDonaldTrump": a hashtag or a handle is no name as written.
        if span.lowerBound > 0, ["#", "@"].contains(tokens[span.lowerBound - 1].text), tokens[span.lowerBound - 1].end == tokens[span.lowerBound].start {
            return nil
        }
        // "Mr Iliaronov" tagged as an organisation: an honorific names a person.
        var entityClass = span.count > 1 && Self.honorifics.contains(tokens[span.lowerBound]) ? .person : taggedClass
        // "on the Trump Train,", "reported the Harbour Ledger.": a name of several words after
        // "the" and before no noun names a thing, not a person ("the Donald Trump campaign"
        // keeps its person).
        if entityClass == .person, span.count > 1, span.lowerBound > 0, tokens[span.lowerBound - 1].text == "the",
            !Self.honorifics.contains(tokens[span.lowerBound]), !isTitleWord(tokens[span.lowerBound]),
            span.upperBound >= tokens.count || !tokens[span.upperBound].isLowercase
        {
            entityClass = .organisation
        }
        // "Mr Hain", "Ambassador Mohib": the person is Hain; the title stays a title. But
        // "General Electric" is a company: a title before a head that is no one's surname.
        var range = span
        // "the Prime Minister's Office", "the President's Office": an office named for the title
        // heading it; the title words are part of the name.
        if entityClass == .organisation, span.count == 1, Lexicon.organisationHeads.contains(tokens[span.lowerBound]), span.lowerBound >= 2,
            tokens[span.lowerBound - 1].kind == .possessive
        {
            var first = span.lowerBound - 1
            while first > 0, span.lowerBound - first <= 3, tokens[first - 1].isCapitalized,
                isTitleWord(tokens[first - 1]) || Lexicon.titleQualifiers.containsLowercased(tokens[first - 1])
            {
                first -= 1
            }
            if first < span.lowerBound - 1, isTitleWord(tokens[span.lowerBound - 2]) { range = first..<span.upperBound }
        }
        let isTitledInstitution =
            span.count == 2 && !Self.honorifics.contains(tokens[span.lowerBound])
            && Self.institutionHeads.contains(tokens[span.upperBound - 1])
        while entityClass == .person, !isTitledInstitution, range.count > 1, tokens[range.lowerBound].isCapitalized, isTitleWord(tokens[range.lowerBound]),
            tokens[range.lowerBound + 1].isCapitalized, !isMainlyGivenName(tokens[range.lowerBound].text)
        {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "Will Cruz's gambit work?", "Can Trump win?": a question's opening auxiliary is no
        // given name (unlike "Will Smith says ... ?").
        if range.count > 1, Self.questionAuxiliaries.contains(tokens[range.lowerBound]), isSentenceInitial(range.lowerBound, tokens),
            let last = document.sentences[tokens[range.lowerBound].sentence].last(where: { tokens[$0].kind == .punctuation }), tokens[last].text == "?",
            range.upperBound < tokens.count,
            tokens[range.upperBound].kind == .possessive
                || tokens[range.upperBound].isLowercase && !tokens[range.upperBound].text.hasSuffix("s") && !tokens[range.upperBound].text.hasSuffix("ed")
        {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "As Breitbart News reported, ...": a preposition, conjunction or subordinator opening
        // the sentence is no part of the name after it.
        if range.count > 1, isSentenceInitial(range.lowerBound, tokens), Self.openingFunctionWords.containsLowercased(tokens[range.lowerBound]) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "Sanders hasn't said", "Trump wasn’t": a contraction after a name is no part of it
        // (unlike the particle of "al-Assad" or "d'Ettorre").
        if range.count > 1, let last = range.last, Lexicon.isNegativeContraction(tokens[last].text) { range = range.lowerBound..<last }
        // "endorsed Cruz Wednesday": the day after a name is when, not part of who.
        if range.count > 1, let last = range.last, Lexicon.weekdays.contains(tokens[last]) { range = range.lowerBound..<last }
        // "Said Comey, “...": an inverted cue opening the sentence is no part of the name.
        if range.count > 1, isSentenceInitial(range.lowerBound, tokens), Lexicon.speechVerbs.containsLowercased(tokens[range.lowerBound]),
            range.upperBound + 1 < tokens.count, [",", ":"].contains(tokens[range.upperBound].text),
            case .quoteMark(let mark) = tokens[range.upperBound + 1].kind, mark.mayOpenDouble
        {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        // "Retailer Wal-Mart", "drugmaker Eli Lilly": a company's kind written before its name
        // is no part of it, and says what the name is.
        // "the media group Halvorsen": "group" after a noun of trade.
        let groupOfTrade =
            range.lowerBound > 1 && tokens[range.lowerBound - 1].text == "group" && tokens[range.lowerBound - 2].isWord
            && !tokens[range.lowerBound - 2].isCapitalized && !Lexicon.articles.contains(tokens[range.lowerBound - 2])
        // Capitalised, the kind counts only opening the sentence, and not one that is also a
        // person's job ("Publisher Martha Kendrick said").
        let namedKind =
            range.lowerBound > 0
            && (Lexicon.companyNouns.contains(tokens[range.lowerBound - 1])
                || isSentenceInitial(range.lowerBound - 1, tokens) && Lexicon.companyNouns.containsLowercased(tokens[range.lowerBound - 1])
                    && !Self.kindsThatAreJobs.containsLowercased(tokens[range.lowerBound - 1]))
        // "Niamh Flynn's Galway restaurant, Tine, won": a name apposed to a kind of business.
        // Not a full name after "the head of the agency,": the head is apposed.
        let apposedToBusiness =
            range.lowerBound >= 4 && tokens[range.lowerBound - 1].text == "," && range.upperBound < tokens.count && tokens[range.upperBound].text == ","
            && (Lexicon.companyNouns.contains(tokens[range.lowerBound - 2]) || Self.businessKinds.contains(tokens[range.lowerBound - 2]))
            && !(entityClass == .person && range.count > 1) && !(range.lowerBound - 4..<range.lowerBound - 2).contains { tokens[$0].text == "of" }
        var namesCompany = namedKind || groupOfTrade || apposedToBusiness
        if range.count > 1, Lexicon.companyNouns.containsLowercased(tokens[range.lowerBound]), tokens[range.lowerBound + 1].isCapitalized {
            range = (range.lowerBound + 1)..<range.upperBound
            namesCompany = true
        }
        // "NileJet Flight NJ804": the airline is the name; "Flight" begins the flight's code.
        if range.count > 1, Self.designationWords.contains(tokens[range.upperBound - 1]), range.upperBound < tokens.count,
            tokens[range.upperBound].text.contains(where: \.isNumber)
        {
            range = range.lowerBound..<(range.upperBound - 1)
        }
        // "Atlantic.Net", "GunBroker.com": a site's name keeps its domain, and names a company.
        var domain = false
        if range.upperBound + 1 < tokens.count, tokens[range.upperBound].text == ".", tokens[range.upperBound].start == tokens[range.upperBound - 1].end,
            tokens[range.upperBound + 1].start == tokens[range.upperBound].end, Self.topLevelDomains.containsLowercased(tokens[range.upperBound + 1])
        {
            range = range.lowerBound..<(range.upperBound + 2)
            domain = true
        }
        // "UFCW Local 832", "Fox 35": the number of a local branch or station is its name's.
        // Not "joined CBS 14 years ago".
        if entityClass == .organisation, Self.numberedHeads.contains(tokens[range.upperBound - 1]), range.upperBound < tokens.count,
            tokens[range.upperBound].sentence == tokens[range.lowerBound].sentence, Self.isSmallNumber(tokens[range.upperBound].text),
            range.upperBound + 1 >= tokens.count || !Self.unitsAfterNumbers.contains(tokens[range.upperBound + 1])
        {
            range = range.lowerBound..<(range.upperBound + 1)
        }
        let text = document.text(tokens: range)
        if range.count == 1 {
            let token = tokens[range.lowerBound]
            let known = gazetteerType(text) != nil || gazetteer.givenNames[text] != nil || Lexicon.institutionWords.contains(text)
            // A common word capitalised at a sentence start or as a heading ("Sorry", "Office").
            if !known, !token.isAllCaps,
                document.isWrittenInLowercase(text.lowercased()) || isSentenceInitial(range.lowerBound, tokens) && isCommon(text, document)
            {
                return nil
            }
            // "R-Wis.", "D-N.Y.": party and state labels.
            if text.count <= 8, text.hasPrefix("R-") || text.hasPrefix("D-") || text.hasPrefix("I-") { return nil }
            // "Sens. Ted Cruz and Marco Rubio": a title before names.
            if Lexicon.pluralTitles.containsLowercased(text), let next = (range.upperBound..<min(range.upperBound + 2, tokens.count)).first(where: { tokens[$0].text != "." }),
                tokens[next].isCapitalized
            {
                return nil
            }
            // "the country's Southern border": a compass adjective before a noun.
            if Self.compassAdjectives.contains(text), range.upperBound < tokens.count, tokens[range.upperBound].isLowercase { return nil }
        }
        guard var type = byType(entityClass, text: text, tokens: range, document) else { return nil }
        if isNoName(range, text: text, type: type, document) { return nil }
        if Lexicon.institutionWords.contains(text) { type = .org }
        // "College of Physicians" is no person: an institution's head with its complement.
        if type == .person, range.dropLast().contains(where: { Lexicon.headsTakingComplements.contains(tokens[$0]) && Self.complementPrepositions.contains(tokens[$0 + 1]) }) {
            type = .org
        }
        // "Green v. United States", "Roe versus Wade": a party to a case is a person, unless a
        // country or state.
        if type != .person, range.count == 1, !gazetteer.countries.contains(text), !gazetteer.provinces.contains(text), isPartyToACase(range, tokens) {
            type = .person
        }
        // "a Marine spokeswoman", "an Apple engineer": a lone name after an indefinite
        // article qualifies the noun after it, and names an employer, not a person.
        if type == .person, range.count == 1, range.lowerBound > 0, ["a", "an", "A", "An"].contains(tokens[range.lowerBound - 1].text) {
            type = .org
        }
        if domain { type = .org }
        // A widely known organisation, unless a title makes it a person ("President Ford"),
        // "the" a place ("the Amazon"), or it is a place the gazetteer knows written like one
        // ("in Toyota", "Santander's mayor"; "bought Monsanto" is the company).
        let knownOrganisation =
            Organisations.names.contains(text) && titlesBefore(range.lowerBound, tokens).isEmpty
            && (range.lowerBound == 0 || !Lexicon.articles.containsLowercased(tokens[range.lowerBound - 1]) || type == .org)
            && !isWrittenAsPlace(range, text: text, tokens)
        if knownOrganisation { type = .org }
        if namesCompany, type == .person || type == .gpe || type == .loc, !gazetteer.countries.contains(text), !gazetteer.provinces.contains(text) {
            type = .org
        }
        // Newswire tags a city as ORG when it names a sports team; in news at large a lone
        // known place name is the place, though it may still be a short form of a longer
        // organisation's name ("Campbell" after "Campbell Soup").
        var readAsPlace = false
        if type == .org, !namesCompany, !knownOrganisation, range.count == 1, let place = gazetteer.placeType(of: text) {
            type = place
            readAsPlace = true
        }
        var mention = makeMention(range, document, type: type, strength: 2)
        mention.titles = titlesBefore(range.lowerBound, tokens)
        if gazetteerType(text) == type && !readAsPlace || knownOrganisation { mention.strength = 3 }
        // The article says what it is: stronger than the tagger or a gazetteer's guess.
        if namesCompany, type == .org { mention.strength = Self.saidByArticle }
        return mention
    }

    /// "Chinese Foreign Ministry": the tagger often reads a nationality that opens an
    /// organisation's name as a group of its own; written right before it, it is part of it.
    /// Not before a one-word institution: "a Democratic Senate" describes the Senate.
    private func joiningNationalityToOrganisation(_ spans: [NERSpan], _ tokens: [Token]) -> [NERSpan] {
        var result: [NERSpan] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            if let previous = result.last, previous.entityClass == .miscellaneous, span.entityClass == .organisation,
                previous.range.upperBound == span.range.lowerBound, previous.range.count == 1, span.range.count > 1,
                gazetteer.demonyms.contains(tokens[previous.range.lowerBound])
            {
                result[result.count - 1] = NERSpan(range: previous.range.lowerBound..<span.range.upperBound, entityClass: .organisation)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// "Vienna Centre for Disarmament and Non-Proliferation", "Council on Foreign Relations": the
    /// tagger often stops at the preposition after an institution's head word and tags the
    /// words after it apart, even as a person. One organisation covers the head, the
    /// preposition and the capitalised words after it. `spans` are in document token indices.
    private func joiningInstitutionComplements(_ spans: [NERSpan], in sentence: Range<Int>, _ tokens: [Token]) -> [NERSpan] {
        func isNameWord(_ index: Int) -> Bool {
            index < sentence.upperBound && tokens[index].isCapitalized && !Lexicon.nonNameCapitals.contains(tokens[index])
        }
        // Prose sentences only: the repairs below scan spans per name, and a hostile run of
        // thousands of capitalised words must stay linear.
        guard sentence.count <= Self.longestRepairedSentence else { return spans }
        var result = spans
        var head = sentence.lowerBound
        while head + 2 < sentence.upperBound {
            defer { head += 1 }
            let preposition = tokens[head + 1].text
            guard isNameWord(head), Lexicon.headsTakingComplements.contains(tokens[head]), Self.complementPrepositions.contains(preposition) else { continue }
            let runStart = Lexicon.articles.contains(tokens[head + 2]) ? head + 3 : head + 2
            // "Kennedy Space Center on STS-135": an event or code after "on" is no part of the name.
            guard isNameWord(runStart), preposition != "on" || !tokens[runStart].isAllCaps else { continue }
            // The name ends before a person ("University of Texas Arlington Amneh Jafari"), a
            // title ("... Policy Acting Director") or a second organisation after "and".
            func startsPerson(_ index: Int) -> Bool { result.contains { $0.entityClass == .person && $0.range.lowerBound == index } }
            func continuesName(_ index: Int) -> Bool {
                guard isNameWord(index), !startsPerson(index) else { return false }
                // Title words that end the capitalised words or come before a person are a
                // title ("Acting Director"); "Federal" in "Federal Budget" is not.
                var end = index
                while isNameWord(end), isTitleWord(tokens[end]), !startsPerson(end) { end += 1 }
                return end == index || isNameWord(end) && !startsPerson(end)
            }
            func opensOrganisation(_ index: Int) -> Bool {
                var end = index
                while end < sentence.upperBound, isNameWord(end) { end += 1 }
                return (index..<end).contains { Lexicon.organisationHeads.contains(tokens[$0]) }
            }
            var runEnd = runStart + 1
            while runEnd < sentence.upperBound, runEnd - runStart < Self.longestComplement {
                if continuesName(runEnd) {
                    runEnd += 1
                } else if ["and", "of", "&", "for"].contains(tokens[runEnd].text), continuesName(runEnd + 1),
                    tokens[runEnd].text != "and" || !opensOrganisation(runEnd + 1)
                {
                    runEnd += 2
                } else {
                    break
                }
            }
            let spanAtHead = result.first { $0.range.contains(head) }
            let spansInRun = result.filter { $0.range.overlaps(runStart..<runEnd) }
            // A person after the preposition ("Committee for Joe Biden") is not part of the name.
            if spansInRun.contains(where: { $0.entityClass == .person && $0.range.lowerBound == runStart }) { continue }
            // "University of Chicago" tagged as a place after "of" is left as the tagger read it.
            if preposition == "of", spanAtHead?.range.upperBound != head + 2, spansInRun.count == 1, spansInRun[0].range == runStart..<runEnd,
                spansInRun[0].entityClass == .location
            {
                continue
            }
            var start = spanAtHead?.range.lowerBound ?? head
            while spanAtHead == nil, start > sentence.lowerBound, isNameWord(start - 1), !Lexicon.sentenceStarters.contains(tokens[start - 1]) {
                start -= 1
            }
            let joined = start..<runEnd
            if spansInRun.contains(where: { $0.range.upperBound > runEnd }) { continue }
            if let spanAtHead, spanAtHead.range.upperBound >= joined.upperBound { continue }
            result.removeAll { $0.range.overlaps(joined) }
            result.append(NERSpan(range: joined, entityClass: .organisation))
            result.sort { $0.range.lowerBound < $1.range.lowerBound }
            head = joined.upperBound - 1
        }
        return result
    }

    private static let portfolioPrepositions: WordSet = ["for", "of"]

    /// "Minister for Kashmir Affairs Barjees Tahir", "Secretary of State John Kerry": after a
    /// title and "for" or "of", the portfolio's everyday words and places come first and the
    /// holder's name last; the tagger often reads them as one name.
    private func separatingPortfolioHolders(_ spans: [NERSpan], in sentence: Range<Int>, _ document: Document) -> [NERSpan] {
        let tokens = document.tokens
        guard sentence.count <= Self.longestRepairedSentence else { return spans }
        var result = spans
        for preposition in sentence where preposition > sentence.lowerBound && Self.portfolioPrepositions.contains(tokens[preposition]) {
            let title = tokens[preposition - 1]
            guard title.isCapitalized, isTitleWord(title) else { continue }
            var end = preposition + 1
            while end < sentence.upperBound, end - preposition <= Self.longestComplement, tokens[end].isWord,
                tokens[end].isCapitalized || ["and", "&"].contains(tokens[end].text) && end + 1 < sentence.upperBound && tokens[end + 1].isCapitalized
            {
                end += 1
            }
            var holderStart = end
            while holderStart > preposition + 1, tokens[holderStart - 1].isCapitalized, !isCommon(tokens[holderStart - 1], document),
                gazetteerType(tokens[holderStart - 1].text) == nil || gazetteer.givenNames[tokens[holderStart - 1].text] != nil,
                !isTitleWord(tokens[holderStart - 1])
            {
                holderStart -= 1
            }
            guard end - holderStart >= 2, holderStart > preposition + 1 else { continue }
            let region = (preposition + 1)..<end
            result.removeAll { $0.range.overlaps(region) }
            result.append(NERSpan(range: holderStart..<end, entityClass: .person))
            result.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return result
    }

    /// "Superior Court Justice François Huot" -> ORG "Superior Court", PER "François Huot";
    /// "Kashmir Affairs Barjees Tahir" -> PER "Barjees Tahir" after a title word inside.
    /// Not when the words after the title are everyday words: "Ministry of Foreign Affairs".
    private func splitAtTitle(_ range: Range<Int>, _ entityClass: NERClass, _ document: Document) -> [(Range<Int>, NERClass)] {
        let tokens = document.tokens
        // "Quebec Superior Court Justice" right before the judge's name: the court, whose name
        // ends at its head word, not a person called "Court Justice".
        var end = range.upperBound
        let nameFollows = range.upperBound < tokens.count && tokens[range.upperBound].isWord && tokens[range.upperBound].isCapitalized
        while nameFollows, end - 1 > range.lowerBound, tokens[end - 1].isCapitalized, isTitleWord(tokens[end - 1]),
            !Lexicon.organisationHeads.contains(tokens[end - 1])
        {
            end -= 1
        }
        if entityClass == .organisation, end < range.upperBound, Lexicon.organisationHeads.contains(tokens[end - 1]) {
            return [(range.lowerBound..<end, .organisation)]
        }
        guard range.count >= 3, !Lexicon.organisationHeads.contains(tokens[range.upperBound - 1]) else { return [(range, entityClass)] }
        var cut: Int?
        for position in range.lowerBound..<(range.upperBound - 1)
        where tokens[position].isCapitalized && isTitleWord(tokens[position]) && !Lexicon.titleQualifiers.containsLowercased(tokens[position]) {
            let next = tokens[position + 1]
            if next.isCapitalized && !isTitleWord(next) && next.text != "of" { cut = position }
        }
        guard let cut, entityClass == .person || entityClass == .organisation, range.upperBound - cut - 1 <= 3,
            !((cut + 1)..<range.upperBound).allSatisfy({ isCommon(tokens[$0], document) && gazetteer.givenNames[tokens[$0].text] == nil })
        else { return [(range, entityClass)] }
        var parts: [(Range<Int>, NERClass)] = []
        let prefix = range.lowerBound..<cut
        if entityClass == .organisation, prefix.count >= 1, !isTitleWord(tokens[cut - 1]) { parts.append((prefix, .organisation)) }
        parts.append(((cut + 1)..<range.upperBound, .person))
        return parts
    }

    /// Tokens as the newswire the tagger learned from writes them.
    private static func modelWord(_ token: Token) -> String {
        switch token.kind {
        case .quoteMark(let mark): return mark.isDouble ? "\"" : "'"
        case .possessive: return token.end - token.start == 1 ? "'" : "'s"
        default:
            // Most tokens have no apostrophe: one pass over the stored bytes returns them before
            // any scalar-wise search (the UTF-8 of U+2019 starts with 0xE2).
            let mayHaveApostrophe = { (byte: UInt8) in byte == UInt8(ascii: "'") || byte == 0xE2 }
            guard token.text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: mayHaveApostrophe) }) ?? true else { return token.text }
            let curly = token.text.unicodeScalars.contains("\u{2019}")
            var word = token.text
            if curly {
                word = String(String.UnicodeScalarView(word.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
            }
            // Newswire splits "I'm" into "I" and "'m"; whole, a capitalised contraction
            // looks like a name to the tagger.
            if let apostrophe = word.firstIndex(of: "'"), apostrophe != word.startIndex,
                contractionEndings.contains(word[word.index(after: apostrophe)...].lowercased())
            {
                return String(word[..<apostrophe])
            }
            return word
        }
    }

    private static let contractionEndings: WordSet = ["m", "ve", "ll", "d", "re"]
    /// The prepositions after an institution's head that its name runs on past.
    private static let complementPrepositions: WordSet = ["for", "of", "on"]
    private static let longestRepairedSentence = 150
    /// The most words a name runs on after "for", "of" or "on" ("Centre for ...").
    private static let longestComplement = 12
    private static let honorifics: WordSet = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Mme", "Mme."]
    private static let openingFunctionWords = WordSet(Lexicon.prepositions.words + Lexicon.subordinators.words + ["and", "but", "or", "so", "yet"])
    private static let questionAuxiliaries: WordSet = [
        "Will", "Would", "Can", "Could", "Should", "Shall", "May", "Might", "Must", "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
    ]
    /// Businesses and groups a name may stand in apposition to ("her restaurant, Tine,").
    private static let businessKinds: WordSet = [
        "restaurant", "bakery", "shop", "store", "cafe", "café", "bar", "pub", "charity", "band", "club", "business", "venue",
    ]
    private static let wordsBeforePlaces: WordSet = ["in", "near", "outside", "around", "across", "from", "to", "at"]
    private static let civicWords: WordSet = ["mayor", "council", "city", "residents", "streets", "port", "people", "governor"]
    private static let unitsAfterNumbers: WordSet = [
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "times", "percent", "people", "points", "million", "billion",
    ]
    private static let compassAdjectives: WordSet = ["Northern", "Southern", "Eastern", "Western", "Northeastern", "Northwestern", "Southeastern", "Southwestern"]
    private static let designationWords: WordSet = ["Flight", "Train", "Bus", "Route", "Model", "Mission"]
    private static let topLevelDomains: WordSet = ["com", "net", "org", "gov", "edu", "io", "tv", "us", "info", "biz"]
    /// Organisations numbered among others of their kind ("Local 832", "Channel 4").
    private static let numberedHeads: WordSet = [
        "Local", "Channel", "Radio", "TV", "Fox", "ABC", "NBC", "CBS", "CW", "Precinct", "Lodge", "Chapter", "Squadron", "Battalion", "Brigade", "Regiment", "Division",
    ]

    /// One to four digits, not a year: "832", not "2016".
    private static func isSmallNumber(_ text: String) -> Bool {
        guard (1...4).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text) else { return false }
        return !(1900...2099).contains(value)
    }

    /// "Dean Kamen": a title word that is mostly a given name stays in the name.
    private func isMainlyGivenName(_ word: String) -> Bool {
        let lower = word.lowercased()
        return gazetteer.givenNames[word] != nil && !gazetteer.titles.contains(lower) && !gazetteer.commonWords.contains(lower)
    }

    /// The span without punctuation at either end, nor a trailing "etc." ("BBC etc."), nor a
    /// lower-case word it opens with ("event organizer Alliance to ...", "nee Ginsberg"): a
    /// name opens with a capital or a particle.
    private func trimPunctuation(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper,
            !(tokens[lower].isWord || tokens[lower].kind == .number)
                || tokens[lower].isLowercase && !Lexicon.nameConnectors.contains(tokens[lower])
        {
            lower += 1
        }
        while upper > lower, !(tokens[upper - 1].isWord || tokens[upper - 1].kind == .number) || ["etc", "etc."].contains(tokens[upper - 1].text) {
            upper -= 1
        }
        // "Residents of Ikeja said": people opening a sentence are no part of the place's name.
        if lower + 2 < upper, tokens[lower].text.hasSuffix("s"), ["of", "in", "at", "from"].contains(tokens[lower + 1].text), tokens[lower + 2].isCapitalized,
            AttributionContext.isPersonNoun(tokens[lower].text.lowercased()), isSentenceInitial(lower, tokens)
        {
            lower += 2
        }
        return lower < upper ? lower..<upper : nil
    }

    /// "... student Ahmed Mohamed Image: Twitter": a caption's credit label is no part of the
    /// name before it.
    private func withoutCaptionLabel(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        guard range.upperBound < tokens.count, tokens[range.upperBound].text == ":", Self.creditLabels.contains(tokens[range.upperBound - 1]) else {
            return range
        }
        return range.count > 1 ? range.lowerBound..<(range.upperBound - 1) : nil
    }

    private static let creditLabels: WordSet = ["Image", "Photo", "Video", "Credit", "Caption", "Graphic", "Illustration", "Source", "Photograph"]

    /// "Harvard University and Yale University": two organisations, each ending with an
    /// organisation's head word, tagged as one span; not "Tang Teaching Museum and Art
    /// Gallery", whose second part has no name of its own.
    private func splitAtAnd(_ range: Range<Int>, _ entityClass: NERClass, _ document: Document) -> [Range<Int>] {
        let tokens = document.tokens
        // "IRS and Drug Enforcement Administration": an acronym is an organisation's whole name.
        if entityClass == .organisation, range.count >= 3, tokens[range.lowerBound + 1].text == "and", tokens[range.lowerBound].isAllCaps,
            Lexicon.organisationHeads.contains(tokens[range.upperBound - 1])
        {
            return [range.lowerBound..<(range.lowerBound + 1), (range.lowerBound + 2)..<range.upperBound]
        }
        guard entityClass == .organisation, range.count >= 5,
            let and = range.dropFirst(2).dropLast(2).first(where: { tokens[$0].text == "and" || tokens[$0].text == "&" }),
            Lexicon.organisationHeads.contains(tokens[and - 1]), Lexicon.organisationHeads.contains(tokens[range.upperBound - 1]),
            (range.lowerBound..<and).allSatisfy({ tokens[$0].isCapitalized }), ((and + 1)..<range.upperBound).allSatisfy({ tokens[$0].isCapitalized }),
            ((and + 1)..<range.upperBound).contains(where: { !isCommon(tokens[$0], document) })
        else { return [range] }
        return [range.lowerBound..<and, (and + 1)..<range.upperBound]
    }

    /// "Pence Announces Plans He And Trump Have Made": a headline capitalises its verbs and
    /// pronouns, and the tagger reads the line as one name. The name ends before the first of
    /// them; nil when the span opens with one ("Will Tell", "Says"). A cue that is also a noun
    /// ("United States", "Trump Claims") is a verb only with more of the span after it.
    private static func beforeHeadlineVerb(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        let end =
            range.first(where: { index in
                let word = tokens[index].text.lowercased()
                let cue = SpeechCues.isPresentTenseCue(word) && (index + 1 < range.upperBound || !SpeechCues.nounLike.contains(word))
                return headlineVerbsAndPronouns.contains(word) || cue
            }) ?? range.upperBound
        return end > range.lowerBound ? range.lowerBound..<end : nil
    }
    private static let headlineVerbsAndPronouns: WordSet = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "does", "did", "he", "she",
        "they", "we",
    ]

    /// "Lee guarded Park": a person's name holds no lower-case word but a particle ("de",
    /// "van", "bin"), so the tagger's span is two names around a verb.
    private func splitAtLowercaseWords(_ range: Range<Int>, _ entityClass: NERClass, _ tokens: [Token]) -> [Range<Int>] {
        guard entityClass == .person, range.count >= 3 else { return [range] }
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for index in range
        where tokens[index].isWord && !tokens[index].isCapitalized && !Lexicon.nameConnectors.contains(tokens[index])
            && !Self.nameParticles.contains(tokens[index]) && !Self.opensWithNameParticle(tokens[index].text)
        {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        if start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    /// Which tokens the mentions cover.
    private static func covered(by mentions: [EntityMention], tokenCount: Int) -> [Bool] {
        var covered = [Bool](repeating: false, count: tokenCount)
        for mention in mentions { for index in mention.tokens { covered[index] = true } }
        return covered
    }

    /// "according to Variety", "as reported by Western Journalism": a capitalised name the
    /// tagger missed after these words is a source: a person when it opens with a given
    /// name, else an organisation (most often a newspaper or network).
    func untaggedSources(_ document: Document, _ mentions: [EntityMention]) -> [EntityMention] {
        let tokens = document.tokens
        let covered = Self.covered(by: mentions, tokenCount: tokens.count)
        var found: [EntityMention] = []
        for index in tokens.indices.dropLast(2) {
            let next = tokens[index + 1].text
            guard next == "to" || next == "by" else { continue }
            let word = tokens[index].text.lowercased()
            guard word == "according" && next == "to" || ["reported", "published"].contains(word) && next == "by" else { continue }
            var start = index + 2
            if start < tokens.count, tokens[start].text == "the" { start += 1 }
            var end = start
            while end < tokens.count, end - start < 4, tokens[end].isCapitalized, !covered[end], tokens[end].sentence == tokens[index].sentence { end += 1 }
            guard end > start, !Lexicon.subjectPronouns.containsLowercased(tokens[start]) else { continue }
            // "according to Mayor Ann Hale": words right before a name already found are its title.
            if end < tokens.count, covered[end] { continue }
            let range = start..<end
            let type: EntityType = gazetteer.givenNames[tokens[start].text] != nil && range.count > 1 ? .person : .org
            found.append(makeMention(range, document, type: type, strength: 1))
        }
        return found
    }

    /// Organisation heads that are no one's surname.
    private static let institutionHeads: WordSet = [
        "Air", "University", "College", "School", "Academy", "Institute", "Party", "Council", "Ministry", "Department", "Hospital",
        "Clinic", "Inc.", "Inc", "Corp.", "Corp", "Corporation", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "Association", "Agency",
        "Commission", "Committee", "Company", "Foundation", "Organization", "Organisation", "Administration", "Bureau",
        "Federation", "Society", "Museum", "Library", "Airlines", "Campaign", "Electric", "Dynamics", "Motors",
    ]
    private static let administrativeAreaWords: WordSet = [
        "County", "Province", "District", "Township", "Parish", "Borough", "Prefecture", "Oblast", "Governorate", "Municipality",
    ]
    /// Organisation heads that also end names of places or states ("Soviet Union", "Gold Coast").
    private static let placeLikeOrganisationHeads: WordSet = ["Union", "Front", "Capital", "Star", "Sun", "Guard", "Exchange", "Reserve"]

    private static let naturalPlaceWords: WordSet = [
        "River", "Mountains", "Mountain", "Mount", "Sea", "Ocean", "Lake", "Valley", "Island", "Islands", "Peninsula",
        "Desert", "Gulf", "Bay", "Coast", "Strait", "Straits", "Basin", "Forest", "Plains", "Plateau", "Canyon",
    ]

    private func byType(_ entityClass: NERClass, text: String, tokens range: Range<Int>, _ document: Document) -> EntityType? {
        let words = range.map { document.tokens[$0].text }
        // "Hispanics", "Sunnis": the plural of a group the gazetteer lists, whatever the tagger read.
        if words.count == 1, text.hasSuffix("s"), gazetteer.demonyms.contains(text.dropLast()) { return .norp }
        switch entityClass {
        // "Trump University", "Clinton Foundation": a person's name at the head of an institution.
        case .person: return words.count > 1 && Self.institutionHeads.contains(words[words.count - 1]) ? .org : .person
        case .organisation:
            if words.count > 1, Lexicon.facilityHeads.contains(words[words.count - 1]) { return .fac }
            // "Barron County", "Hubei Province": the area, not its administration.
            if words.count > 1, Self.administrativeAreaWords.contains(words[words.count - 1]) { return .gpe }
            return .org
        case .location:
            if let type = gazetteer.placeType(of: text) { return type }
            if words.contains(where: Self.naturalPlaceWords.contains) { return .loc }
            if words.count > 1, Lexicon.facilityHeads.contains(words[words.count - 1]) { return .fac }
            // "Good Samaritan Hospital", "Decatur Herald-Review": named like a place, an institution.
            let head = words[words.count - 1].split(separator: "-").last.map(String.init) ?? ""
            if words.count > 1, Lexicon.organisationHeads.contains(head), !Self.placeLikeOrganisationHeads.contains(head) { return .org }
            return .gpe
        case .miscellaneous:
            if gazetteer.demonyms.contains(text) { return .norp }
            if Organisations.names.contains(text) { return .org }
            // "South Korean", "Pakistanis": a nationality the list lacks.
            let last = words[words.count - 1]
            let nationalEndings = ["an", "ans", "ese", "ish", "ic", "ist", "ists", "i", "is", "ian", "ians"]
            if words.count <= 2, nationalEndings.contains(where: { last.hasSuffix($0) }), last.first?.isUppercase == true,
                !Lexicon.organisationHeads.contains(last)
            {
                return .norp
            }
            return nil
        }
    }

    /// Title words written just before a name ("Chief", "police spokesman"), lower case.
    private func titlesBefore(_ start: Int, _ tokens: [Token]) -> [String] {
        var titles: [String] = []
        var index = start - 1
        while index >= 0, start - index <= 4, tokens[index].isWord, isTitleWord(tokens[index]) {
            titles.insert(tokens[index].text.lowercased(), at: 0)
            index -= 1
        }
        return titles
    }

    private func isTitleWord(_ token: Token) -> Bool {
        let lower = token.text.lowercased()
        return Lexicon.personTitles.contains(lower) || gazetteer.titles.contains(lower.hasSuffix(".") ? String(lower.dropLast()) : lower) && token.text.count > 2
    }

    private func isWrittenAsPlace(_ range: Range<Int>, text: String, _ tokens: [Token]) -> Bool {
        gazetteer.placeType(of: text) != nil
            && (range.lowerBound > 0 && Self.wordsBeforePlaces.contains(tokens[range.lowerBound - 1])
                || range.upperBound + 1 < tokens.count && tokens[range.upperBound].kind == .possessive
                    && Self.civicWords.contains(tokens[range.upperBound + 1]))
    }

    private func isSentenceInitial(_ index: Int, _ tokens: [Token]) -> Bool {
        var previous = index - 1
        while previous >= 0, tokens[previous].sentence == tokens[index].sentence {
            switch tokens[previous].kind {
            case .quoteMark: previous -= 1
            case .punctuation where tokens[previous].text == "(" || tokens[previous].text == "\u{2014}": previous -= 1
            default: return false
            }
        }
        return true
    }

    private func makeMention(_ range: Range<Int>, _ document: Document, type: EntityType?, strength: Int) -> EntityMention {
        let start = document.tokens[range.lowerBound].start
        let end = document.tokens[range.upperBound - 1].end
        return EntityMention(tokens: range, start: start, end: end, text: document.text(start, end), type: type, strength: strength)
    }

    private func gazetteerType(_ name: String) -> EntityType? {
        let digest = WordIndex.digest(name)
        if gazetteer.demonyms.contains(digest: digest) { return .norp }
        return gazetteer.placeType(of: name, digest: digest)
    }

    // MARK: - Typing

    /// Capitalised words that name nobody: an interjection opening or making a sentence
    /// ("Ooh.", "Darn, ..."), a sentence adverb ("Crucially, ..."), a weekday,
    /// and a phrase of everyday words tagged as a person or standing in a heading ("Atomic
    /// Theory", "Learning Objectives").
    private func isNoName(_ range: Range<Int>, text: String, type: EntityType, _ document: Document) -> Bool {
        let tokens = document.tokens
        let sentenceInitial = isSentenceInitial(range.lowerBound, tokens)
        let next = range.upperBound < tokens.count && tokens[range.upperBound].sentence == tokens[range.lowerBound].sentence ? tokens[range.upperBound] : nil
        if sentenceInitial, range.allSatisfy({ Self.interjections.containsLowercased(tokens[$0]) }),
            next.map({ [",", ".", "!", "?"].contains($0.text) }) ?? true
        {
            return true
        }
        // "Your Honor", "His Excellency": a form of address, no one's name.
        if range.count == 2, ["your", "his", "her"].contains(tokens[range.lowerBound].text.lowercased()),
            Self.formsOfAddress.contains(tokens[range.lowerBound + 1].text.lowercased())
        {
            return true
        }
        if range.count == 1 {
            // Lower-cased only for the few words that open a sentence before a comma.
            if sentenceInitial, next?.text == ",", text.lowercased().hasSuffix("ly"), !gazetteer.commonWords.containsLowercased(text), gazetteer.givenNames[text] == nil {
                return true
            }
            // A day is no name: "Friday", "Mondays".
            if Lexicon.weekdays.contains(text) || text.hasSuffix("s") && Lexicon.weekdays.contains(String(text.dropLast())) { return true }
            // A credit line's role: "Reporting by ...", "Editing by ...".
            if text.hasSuffix("ing"), next?.text == "by", gazetteer.givenNames[text] == nil { return true }
            // A portfolio: "Minister of Justice", "Secretary for Education".
            if type != .person, isCommon(text, document), isPortfolio(range.lowerBound, tokens) { return true }
            return type != .person && isAbbreviatedCommonNoun(range.lowerBound, text: text, tokens)
        }
        return isEverydayPhrase(range, text: text, document) && (type == .person || isInHeading(range, tokens))
    }

    /// Kinds of company that are also jobs, written before a person's name as a title.
    private static let kindsThatAreJobs: WordSet = ["publisher", "carrier", "broadcaster", "distributor", "supplier", "label"]

    private static let formsOfAddress: WordSet = [
        "honor", "honour", "majesty", "excellency", "highness", "grace", "lordship", "ladyship", "eminence", "holiness",
    ]

    private func isPortfolio(_ index: Int, _ tokens: [Token]) -> Bool {
        var before = index - 1
        if before >= 0, tokens[before].text == "the" { before -= 1 }
        guard before >= 1, ["of", "for"].contains(tokens[before].text) else { return false }
        return tokens[before - 1].isCapitalized && isTitleWord(tokens[before - 1])
    }

    /// Abbreviations that are no names: of lower-case words just before them ("sea surface
    /// salinity (SSS)"), in the plural ("CEOs", "CDs"), a currency's prefix ("US$") or an era
    /// after a year ("500 CE").
    private func isAbbreviatedCommonNoun(_ index: Int, text: String, _ tokens: [Token]) -> Bool {
        if index + 1 < tokens.count, tokens[index + 1].text == "$", tokens[index + 1].start == tokens[index].end { return true }
        guard !Lexicon.institutionWords.contains(text), gazetteer.placeType(of: text) == nil, !gazetteer.demonyms.contains(text) else { return false }
        let letters = Array(text.unicodeScalars)
        if letters.count >= 3, letters.last == "s", letters.dropLast().allSatisfy(\.properties.isUppercase) { return true }
        if index > 0, tokens[index - 1].text.first?.isNumber == true, Self.eras.contains(text) { return true }
        guard letters.count >= 2, letters.allSatisfy(\.properties.isUppercase), index >= letters.count + 1, tokens[index - 1].text == "(" else { return false }
        let defined = ((index - 1 - letters.count)..<(index - 1)).map { tokens[$0] }
        return defined.allSatisfy({ $0.isWord && !$0.isCapitalized })
            && zip(defined, letters).allSatisfy { word, letter in word.text.unicodeScalars.first.map { Character($0).uppercased() == String(letter) } ?? false }
    }

    private static let eras: WordSet = ["CE", "BCE", "AD", "BC"]

    /// Words that all have an everyday sense and none a place's or a given name's: "Atomic
    /// Theory", "Increases Production".
    private func isEverydayPhrase(_ range: Range<Int>, text: String, _ document: Document) -> Bool {
        let tokens = document.tokens
        guard range.count > 1, !tokens[range.lowerBound].isAllCaps else { return false }
        // Word by word first: most names fail at their first word, before the phrase's look-up.
        let everyWordEveryday = range.allSatisfy { index in
            let word = tokens[index].text
            if !tokens[index].isCapitalized, Lexicon.nameConnectors.contains(tokens[index]) { return true }
            return isCommon(tokens[index], document) && gazetteerType(word) == nil && gazetteer.givenNames[word] == nil
        }
        return everyWordEveryday && gazetteerType(text) == nil
    }

    private func isPartyToACase(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        let after = range.upperBound < tokens.count && Self.versus.contains(tokens[range.upperBound])
        return after || range.lowerBound > 0 && Self.versus.contains(tokens[range.lowerBound - 1])
    }

    private static let versus: WordSet = ["v.", "vs.", "vs", "versus", "v"]

    private static let interjections: WordSet = [
        "oh", "ooh", "ah", "aha", "uh", "um", "wow", "gosh", "darn", "alright", "okay", "ok", "yeah", "yes", "no", "hey",
        "well", "sorry", "thanks", "please", "hmm",
    ]

    private static let closingPunctuation: WordSet = [".", "!", "?", ":", ";", ","]

    /// A line of at most twelve words with no final punctuation: a title or a heading.
    /// Looks no further than that, so a long paragraph costs nothing extra.
    private func isInHeading(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        let paragraph = tokens[range.lowerBound].paragraph
        var start = range.lowerBound, end = range.upperBound
        while start > 0, tokens[start - 1].paragraph == paragraph {
            start -= 1
            if end - start > 40 { return false }
        }
        while end < tokens.count, tokens[end].paragraph == paragraph {
            end += 1
            if end - start > 40 { return false }
        }
        var words = 0
        for index in start..<end where tokens[index].isWord {
            words += 1
            if words > 12 { return false }
        }
        let last = tokens[end - 1]
        return !(last.kind == .punctuation && Self.closingPunctuation.contains(last)) && !(last.kind == .quoteMark(.doubleClosing))
    }

    /// Every word of more than three letters in the paragraph is capitalised, as in a title; a
    /// transcript's short line ("Mae Lynne okay") is not. (Asked of heading lines only.)
    private func isTitleCase(paragraphOf index: Int, _ tokens: [Token]) -> Bool {
        let paragraph = tokens[index].paragraph
        var start = index
        while start > 0, tokens[start - 1].paragraph == paragraph { start -= 1 }
        var longWords = 0
        var position = start
        while position < tokens.count, tokens[position].paragraph == paragraph {
            if tokens[position].isWord, tokens[position].text.count > 3 {
                guard tokens[position].isCapitalized else { return false }
                longWords += 1
            }
            position += 1
        }
        return longWords >= 2
    }

    private func isCommon(_ word: String, _ document: Document) -> Bool {
        let lower = word.lowercased()
        return gazetteer.commonWords.contains(lower) || document.isWrittenInLowercase(lower)
    }

    /// `isCommon(token.text, document)` by the token's folded digest, making no string.
    private func isCommon(_ token: Token, _ document: Document) -> Bool {
        gazetteer.commonWords.containsLowercased(token) || document.isWrittenInLowercase(token)
    }

    // MARK: - Merging mentions into entities

    private func merge(_ mentions: [EntityMention], in document: Document, _ deadline: EnrichmentDeadline) -> [RecognizedEntity] {
        var mentions = mentions
        var entities: [RecognizedEntity] = []
        // Sized for the mentions up front: growing rehashed every key several times.
        var byName = [String: Int](minimumCapacity: mentions.count * 2)
        // Other spellings of one name: ALL-CAPS datelines, a group's singular and plural.
        var byFoldedName = [String: Int](minimumCapacity: mentions.count)
        var byGroupName: [String: Int] = [:]
        var names = NameIndex(expectedNames: mentions.count)
        func variant(_ name: String, _ mention: EntityMention) -> Int? {
            if let entity = byFoldedName[name.lowercased()], Self.isAllCaps(name) || Self.isAllCaps(entities[entity].name) { return entity }
            if namesGroup(mention), let entity = byGroupName[Self.groupKey(name)] { return entity }
            return nil
        }

        // Longer names first, so "Biden" can join "Joe Biden" wherever either comes first.
        // Headlines capitalise every word ("Clinton Goes After Trump"): their spans do not
        // name entities while the body offers a name.
        var headlineSentences = [Bool?](repeating: nil, count: document.sentences.count)
        let named = Self.covered(by: mentions, tokenCount: document.tokens.count)
        // The article's names, for a title line's run-on words; built when first asked.
        var mentionTexts: Set<String>?
        func isMentionText(_ text: String) -> Bool {
            if mentionTexts == nil { mentionTexts = Set(mentions.map(\.text)) }
            return mentionTexts!.contains(text)
        }
        let inHeadline = mentions.map { mention in
            let sentence = document.tokens[mention.tokens.lowerBound].sentence
            let answer = headlineSentences[sentence] ?? isHeadline(document.sentences[sentence], document, named: named, isName: isMentionText)
            headlineSentences[sentence] = answer
            return answer
        }
        // Words the body capitalises, outside headlines and headings; computed when first asked.
        var capitalisedInBody: Set<String>?
        func bodyCapitalised() -> Set<String> {
            if let capitalisedInBody { return capitalisedInBody }
            var words = Set<String>()
            for (number, sentence) in document.sentences.enumerated() where !sentence.isEmpty {
                let isHeadline = headlineSentences[number] ?? isHeadline(sentence, document, named: named, isName: isMentionText)
                guard !isHeadline, !isInHeading(sentence, document.tokens) else { continue }
                for index in sentence where document.tokens[index].isWord && document.tokens[index].isCapitalized {
                    words.insert(document.tokens[index].text)
                }
            }
            capitalisedInBody = words
            return words
        }
        // A mention in a short heading line counts too when it runs on into a word the body
        // never capitalises ("Clinton Wades In, Urges Britain to Remain"); not "Interview
        // with Christopher Hill", whose surname the body uses.
        let headline = mentions.indices.map { index in
            let range = mentions[index].tokens
            return inHeadline[index]
                || range.count > 1 && isInHeading(range, document.tokens) && isTitleCase(paragraphOf: range.lowerBound, document.tokens)
                    && range.dropFirst().contains { document.tokens[$0].isWord && !bodyCapitalised().contains(document.tokens[$0].text) }
        }
        let order = mentions.indices.sorted {
            if headline[$0] != headline[$1] { return !headline[$0] }
            let a = mentions[$0].tokens.count, b = mentions[$1].tokens.count
            return a != b ? a > b : mentions[$0].start < mentions[$1].start
        }
        var assignment = [Int?](repeating: nil, count: mentions.count)
        // Names already compared for misspellings, and how many comparisons are left.
        var notMisspelt = Set<String>()
        var misspellingBudget = Self.misspellingComparisons
        var partial = [Bool](repeating: false, count: mentions.count)
        let bracketedShortForms = Self.bracketedShortForms(mentions, document.tokens)
        // Where each entity is first named in more than one word: longer mentions are merged
        // first, so by the time a surname is, its people's full names are placed (those in
        // headlines, merged last, do not count).
        var firstNamedInFull: [Int] = []
        func assign(_ index: Int, to entity: Int) {
            assignment[index] = entity
            if mentions[index].tokens.count > 1 { firstNamedInFull[entity] = min(firstNamedInFull[entity], mentions[index].start) }
        }
        for (step, index) in order.enumerated() {
            if step % 256 == 255, deadline.hasPassed { return [] }
            let mention = mentions[index]
            var name = Self.mergeKey(mention.text)
            if mention.tokens.count > 1, mention.tokens.contains(where: { Self.numberWordTokens.contains(document.tokens[$0]) }) {
                name = Self.withDigits(name)
            }
            if let fullForm = bracketedShortForms[index], let existing = assignment[fullForm] {
                assign(index, to: existing)
                if byName[name] == nil { byName[name] = existing }
                partial[index] = true
                continue
            }
            // "Mr. Clinton" after "Mrs. Clinton" was merged: the title may tell them apart.
            let titleGender = Self.gender(ofTitles: mention.titles)
            if let existing = byName[name], titleGender == .unknown || [titleGender, .unknown].contains(gender(of: entities[existing])) {
                assign(index, to: existing)
                continue
            }
            if let existing = variant(name, mention) {
                assign(index, to: existing)
                byName[name] = existing
                continue
            }
            // "the city of New York" beside "New York City": the city, not the state.
            if mention.type == .gpe, let city = byName[name + " City"], Self.followsCityOf(mention, document.tokens) {
                assign(index, to: city)
                partial[index] = true
                continue
            }
            if let existing = partialMatch(mention, key: name, entities, names, firstNamedInFull: { min(firstNamedInFull[$0], names.firstStarts[$0]) }) {
                if entities[existing].type == .person, Organisations.names.contains(mention.text) { mentions[index].type = .person }
                assign(index, to: existing)
                // A bare surname later goes by the article's first-named person, not by a title.
                if titleGender == .unknown { byName[name] = existing }
                partial[index] = true
                continue
            }
            if !notMisspelt.contains(name), let existing = misspeltPerson(mention, key: name, entities, names, budget: &misspellingBudget) {
                assign(index, to: existing)
                byName[name] = existing
                partial[index] = true
                continue
            }
            // "Clinton Wades In", "ESPN Fires Schilling", "Trump Addresses Munich Attack": a
            // headline capitalises the verb beside a name; a name the article knows, with words
            // its body never capitalises, is that name.
            if mention.tokens.count > 1, headline[index],
                let (shorter, existing) = knownNameInside(mention, byName, names, entities, document, bodyCapitalised)
            {
                mentions[index].tokens = shorter
                mentions[index].start = document.tokens[shorter.lowerBound].start
                mentions[index].end = document.tokens[shorter.upperBound - 1].end
                mentions[index].text = document.text(mentions[index].start, mentions[index].end)
                assign(index, to: existing)
                partial[index] = true
                continue
            }
            notMisspelt.insert(name)
            guard mention.type != nil else { continue }
            entities.append(RecognizedEntity(name: name, type: mention.type!, mentions: []))
            firstNamedInFull.append(mention.tokens.count > 1 ? mention.start : Int.max)
            // "U.S. State Department" is also "State Department", and "FDA" stands for
            // "US Food and Drug Administration" without its country.
            let withoutCountry = mention.type == .org ? withoutLeadingPlaceOrOwner(name) : nil
            names.add(name, firstStart: mention.start, otherInitials: withoutCountry.map { NameIndex.initials(NameIndex.words(of: $0)) })
            byName[name] = entities.count - 1
            if let withoutCountry, byName[withoutCountry] == nil { byName[withoutCountry] = entities.count - 1 }
            let folded = name.lowercased()
            if byFoldedName[folded] == nil { byFoldedName[folded] = entities.count - 1 }
            if namesGroup(mention) {
                let group = Self.groupKey(name)
                if byGroupName[group] == nil { byGroupName[group] = entities.count - 1 }
            }
            assignment[index] = entities.count - 1
        }
        for index in mentions.indices {
            guard let entity = assignment[index] else { continue }
            var mention = mentions[index]
            // A short form ("Howard") takes its type from the full name it joined.
            if partial[index] { mention.type = nil }
            entities[entity].mentions.append(mention)
        }
        var result: [RecognizedEntity] = []
        // Each entity's full forms (not the short ones that joined it), in one pass.
        var fullForms = [[EntityMention]](repeating: [], count: entities.count)
        for index in mentions.indices where !partial[index] {
            if let entity = assignment[index] { fullForms[entity].append(mentions[index]) }
        }
        for (position, var entity) in entities.enumerated() where !entity.mentions.isEmpty {
            entity.name = Self.canonicalName(fullForms[position]) ?? entity.name
            entity.type = decideType(entity.mentions)
            entity.titles = Set(entity.mentions.flatMap(\.titles))
            entity.gender = gender(of: entity)
            if entity.type == .person, entity.gender == .unknown { entity.gender = Self.genderFromPronouns(entity, document.tokens, named: named) }
            result.append(entity)
        }
        return result.sorted { $0.mentions[0].start < $1.mentions[0].start }
    }

    /// A mention's strength when the article says what the name is ("retailer Wal-Mart"):
    /// that type is the entity's.
    static let saidByArticle = 5

    private static func followsCityOf(_ mention: EntityMention, _ tokens: [Token]) -> Bool {
        let start = mention.tokens.lowerBound
        return start >= 2 && tokens[start - 1].text == "of" && tokens[start - 2].text == "city"
    }

    /// "the American College of Pediatricians (ACPeds)": a short form in brackets right after
    /// a longer name stands for it, whatever its letters. Maps the short form's mention to
    /// the name's.
    private static func bracketedShortForms(_ mentions: [EntityMention], _ tokens: [Token]) -> [Int: Int] {
        let bracketed = mentions.indices.filter { index in
            let mention = mentions[index], position = mention.tokens.lowerBound
            return mention.tokens.count == 1 && position >= 2 && position + 1 < tokens.count && tokens[position - 1].text == "("
                && tokens[position + 1].text == ")" && mention.text.unicodeScalars.filter({ $0.properties.isUppercase }).count >= 2
        }
        // Most articles have none: no index of the longer names to build.
        guard !bracketed.isEmpty else { return [:] }
        var endingAt: [Int: Int] = [:]
        for (index, mention) in mentions.enumerated() where mention.tokens.count > 1 { endingAt[mention.tokens.upperBound] = index }
        var result: [Int: Int] = [:]
        for index in bracketed {
            if let fullForm = endingAt[mentions[index].tokens.lowerBound - 1] { result[index] = fullForm }
        }
        return result
    }

    /// The key mentions of one entity share: the name without "The", a country's other
    /// names as its full one ("U.S." -> "United States"), "State of New Jersey" as New Jersey.
    static func mergeKey(_ text: String) -> String {
        let name = text.hasPrefix("The ") ? String(text.dropFirst(4)) : text
        if let full = Lexicon.placeAliases[name] ?? Organisations.aliases[name] { return full }
        for prefix in Lexicon.formalPlacePrefixes where name.hasPrefix(prefix) {
            let place = String(name.dropFirst(prefix.count))
            if place.first?.isUppercase == true { return Lexicon.placeAliases[place] ?? place }
        }
        return name
    }

    /// "Radio Four" and "Radio 4": a number in a name is one name in words or digits. Asked
    /// only of a mention with a number word among its tokens.
    static func withDigits(_ key: String) -> String {
        key.split(separator: " ").map { Self.numberWords[String($0)] ?? String($0) }.joined(separator: " ")
    }

    private static let numberWordTokens = WordSet(numberWords.keys)

    private static let numberWords: [String: String] = [
        "One": "1", "Two": "2", "Three": "3", "Four": "4", "Five": "5", "Six": "6", "Seven": "7", "Eight": "8", "Nine": "9", "Ten": "10",
    ]

    /// A group (one the gazetteer knows, whatever the tagger read) or a one-word
    /// organisation, whose singular and plural are one entity: "the Marines" and "a Marine
    /// spokeswoman", "Liberal" and "Liberals".
    private func namesGroup(_ mention: EntityMention) -> Bool {
        mention.type == .norp || mention.tokens.count == 1 && (mention.type == .org || gazetteer.demonyms.contains(mention.text))
    }

    /// "Canadians" and "Canadian", "Tories" and "Tory": one group.
    static func groupKey(_ name: String) -> String {
        let lower = name.lowercased()
        if let people = Lexicon.groupAdjectives[lower] { return people }
        if lower.hasSuffix("ies") { return String(lower.dropLast(3)) + "y" }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss") { return String(lower.dropLast()) }
        return lower
    }

    static func isAllCaps(_ name: String) -> Bool {
        var letters = 0
        for scalar in name.unicodeScalars where scalar.isLetter {
            guard scalar.isUppercaseLetter else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The fullest form the article writes, in its own casing: mixed case before ALL CAPS,
    /// a group's people before its adjective ("Democrats" over "Democratic"), more words,
    /// then more letters ("Canadians" over "Canadian"), then the earliest.
    static func canonicalName(_ fullForms: [EntityMention]) -> String? {
        func withoutThe(_ text: String) -> String { text.hasPrefix("The ") ? String(text.dropFirst(4)) : text }
        // Most entities have one full form: nothing to rank.
        guard fullForms.count > 1 else { return fullForms.first.map { withoutThe($0.text) } }
        let names = fullForms.map { withoutThe($0.text) }
        let caps = names.map(isAllCaps), words = names.map { $0.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 } }
        let adjectives = names.map { Lexicon.groupAdjectives[$0.lowercased()] != nil }
        return names.indices.min { a, b in
            if caps[a] != caps[b] { return !caps[a] }
            if adjectives[a] != adjectives[b] { return !adjectives[a] }
            if words[a] != words[b] { return words[a] > words[b] }
            if names[a].count != names[b].count { return names[a].count > names[b].count }
            return fullForms[a].start < fullForms[b].start
        }.map { names[$0] }
    }

    /// The longest known name inside a headline mention, after words and before a word the
    /// body never capitalises: "ESPN" in "ESPN Fires Schilling Over Post" (not "New York" in "New York
    /// Times" where the body has "the Times"), "Munich" in "Addresses Munich Attack". A name
    /// found after such words is a place, organisation or group: "Barack Obama" in a headline
    /// beside a body's "Obama" keeps its given name.
    private func knownNameInside(
        _ mention: EntityMention, _ byName: [String: Int], _ names: NameIndex, _ entities: [RecognizedEntity], _ document: Document,
        _ bodyCapitalised: () -> Set<String>
    ) -> (Range<Int>, Int)? {
        let tokens = document.tokens
        let range = mention.tokens
        let isHeadlineWord = range.map { tokens[$0].isWord && !bodyCapitalised().contains(tokens[$0].text) }
        for length in stride(from: range.count - 1, to: 0, by: -1) {
            for start in range.lowerBound...(range.upperBound - length) {
                let inside = start..<(start + length)
                // The words before it and the word right after it are the headline's.
                guard (range.lowerBound..<start).allSatisfy({ isHeadlineWord[$0 - range.lowerBound] }),
                    inside.upperBound == range.upperBound || isHeadlineWord[inside.upperBound - range.lowerBound],
                    let existing = byName[Self.mergeKey(document.text(tokens: inside))] ?? onlyPersonNamed(inside, names, entities, tokens)
                else { continue }
                let type = entities[existing].type
                if start == range.lowerBound ? [.person, .org].contains(type) : type != .person { return (inside, existing) }
            }
        }
        return nil
    }

    /// "Ostrander Wades In" over a body that names only "Hannah Ostrander": a surname opening
    /// a headline is the one person the article names with it; with two ("Amara Okafor" and
    /// "Daniel Okafor"), neither.
    private func onlyPersonNamed(_ words: Range<Int>, _ names: NameIndex, _ entities: [RecognizedEntity], _ tokens: [Token]) -> Int? {
        guard words.count == 1 else { return nil }
        let people = names.ending(with: [tokens[words.lowerBound].text]).filter { entities[$0].type == .person }
        return people.count == 1 ? people[0] : nil
    }

    /// Judged by the words outside names (`named`): a lede full of names ("Mayor Ingrid
    /// Solberg and Councillor Amos Whitfield met the press.") still writes its other words
    /// in lower case.
    private func isHeadline(_ sentence: Range<Int>, _ document: Document, named: [Bool], isName: (String) -> Bool) -> Bool {
        let tokens = document.tokens
        // A headline stands alone as the first paragraph, or carries no final stop; a sentence
        // of names inside a paragraph ("Joe Biden met Vladimir Putin. Biden said ...") does not.
        guard let first = sentence.first, let last = sentence.last else { return false }
        let endsFirstParagraph = tokens[first].paragraph == 0 && tokens.closesParagraph(at: last)
        if !endsFirstParagraph, [".", "!", "?", "\u{2026}"].contains(tokens[last].text) { return false }
        // A title line of its own also counts the everyday words a name the article knows ran
        // on into ("Ted Cruz Refuses to Disavow ...", "General Motors Report Strong Sales") and
        // the words of its names the article writes in lower case ("Harbour Plan" beside "the
        // harbour plan"), which would otherwise leave too few; not the names themselves, so a
        // lede of names ("Mark Young and Bill Price died.") is none.
        let isTitleLine = first == 0 && endsFirstParagraph
        var ranOnInto = Set<Int>()
        if isTitleLine {
            var start = first
            while start <= last {
                guard named[start] else { start += 1; continue }
                var end = start
                while end <= last, named[end] { end += 1 }
                if let known = ((start + 1)..<end).first(where: { isName(document.text(tokens: start..<$0)) }) {
                    ranOnInto.formUnion((known..<end).filter { tokens[$0].isWord && isCommon(tokens[$0], document) })
                }
                start = end
            }
        }
        var words = 0, capitalised = 0
        for index in sentence where tokens[index].isWord && tokens[index].text.count > 3 {
            guard !named[index] || ranOnInto.contains(index) || isTitleLine && document.isWrittenInLowercase(tokens[index]) else { continue }
            words += 1
            if tokens[index].isCapitalized { capitalised += 1 }
        }
        return words >= 3 && capitalised * 10 >= words * 8
    }

    /// "Biden" joins "Joe Biden"; "Campbell" joins "Campbell Soup"; "FBI" joins
    /// "Federal Bureau of Investigation".
    /// A name's first word(s) join it only after the full name has appeared: "Facebook" all
    /// through a story is not a short form of an app called "Facebook Research" named later.
    /// `key`: the mention's `mergeKey`.
    private func partialMatch(
        _ mention: EntityMention, key: String, _ entities: [RecognizedEntity], _ names: NameIndex, firstNamedInFull: (Int) -> Int
    ) -> Int? {
        let words = NameIndex.words(of: key)
        guard words.count <= 2 else { return nil }
        func match(_ words: [String]) -> Int? {
            partialMatch(words: words, mention, entities, names, firstNamedInFull: firstNamedInFull)
        }
        // "De Vries" opening a sentence is the "de Vries" of "Pieter de Vries"; "Al-Thani" the
        // "al-Thani" of "Tamim bin Hamad al-Thani".
        if words.count == 2, Lexicon.nameConnectors.containsLowercased(words[0]) || Self.nameParticles.containsLowercased(words[0]),
            words[0] != words[0].lowercased(), let found = match([words[0].lowercased(), words[1]])
        {
            return found
        }
        if words.count == 1, let first = words[0].first, first.isUppercase, case let lowered = first.lowercased() + words[0].dropFirst(),
            Self.opensWithNameParticle(lowered), let found = match([lowered])
        {
            return found
        }
        if let found = match(words) { return found }
        // "U.N." is "UN" (after "J.C." is tried as J.C. Chandor's first name).
        guard words.count == 1, words[0].count >= 4, words[0].hasSuffix("."), words[0].allSatisfy({ $0 == "." || $0.isUppercase }) else { return nil }
        return match([words[0].filter { $0 != "." }])
    }

    private func partialMatch(
        words: [String], _ mention: EntityMention, _ entities: [RecognizedEntity], _ names: NameIndex, firstNamedInFull: (Int) -> Int
    ) -> Int? {
        // A surname is its person's before anything else it begins: "Trump" is Donald
        // Trump's, not Trump University's. Of two people with the surname, it is the one the
        // article names first: a relative named later is named in full to tell them apart.
        // A known organisation's name may still be the surname of a person named in full with
        // a given name ("Apple" after Fiona Apple; not "Twitter" after "Wilayat Twitter").
        let knownOrganisation = Organisations.names.contains(mention.text)
        let personLike = mention.type == nil || mention.type == .person || mention.strength < 3 || knownOrganisation
        // "Mr. Clinton" beside Hillary and Bill Clinton, "Mr Hughes ... his wife, Carol
        // Hughes": a gendered title joins no person a title gave the other gender. A given
        // name's usual gender is weaker evidence ("Mr. Graham" after Lindsey Graham): it
        // keeps apart only a titled name written before the full name.
        let titleGender = Self.gender(ofTitles: mention.titles)
        func titleFits(_ entity: Int) -> Bool {
            guard titleGender != .unknown, entities[entity].type == .person else { return true }
            let byTitles = Self.gender(ofTitles: entities[entity].titles)
            if byTitles != .unknown { return byTitles == titleGender }
            let byName = gender(of: entities[entity])
            return byName == .unknown || byName == titleGender || mention.start > firstNamedInFull(entity)
        }
        if personLike {
            var people = names.ending(with: words).filter {
                entities[$0].type == .person && names.words[$0].count > words.count && titleFits($0)
                    && (!knownOrganisation || names.words[$0].first.map { gazetteer.givenNames[$0] != nil } == true)
            }
            // Those of the title's gender, then those of unknown gender, before the rest.
            if people.count > 1, titleGender != .unknown {
                let genders = people.map { gender(of: entities[$0]) }
                let fitting = zip(people, genders).filter { $0.1 == titleGender }.map(\.0)
                let possible = zip(people, genders).filter { $0.1 == .unknown }.map(\.0)
                if !fitting.isEmpty { people = fitting } else if !possible.isEmpty { people = possible }
            }
            if let first = people.min(by: { firstNamedInFull($0) < firstNamedInFull($1) }) { return first }
        }
        // "Donald Trump" beside "Donald J. Trump" or "Hillary Rodham Clinton": the same
        // person, unless two people fit ("George Bush" beside George W. and George H.W. Bush);
        // not "George W." beside "George H. W.".
        if personLike, words.count == 2, words.allSatisfy({ $0.count > 1 && !$0.hasSuffix(".") }) {
            let people = Array(names.withFirstAndLast(words).lazy.filter { entities[$0].type == .person }.prefix(2))
            if people.count == 1 { return people[0] }
        }
        // The first entity that fits wins; the index offers only names that share the
        // short form's words or initials, so merging stays linear in the mentions.
        return names.first(for: words) { index in
            let entityWords = names.words[index]
            guard entityWords.count > words.count, titleFits(index) else { return false }
            switch entities[index].type {
            case .person:
                return (mention.type == nil || mention.type == .person || mention.strength < 3)
                    && (entityWords.suffix(words.count) == words[...]
                        || (words.count == 1 && entityWords.first == words[0]
                            && (mention.start > firstNamedInFull(index) || isOnlyPersonCalled(words[0], entities, names))))
            case .org:
                let later = mention.start > names.firstStarts[index]
                // Not a person's full name: "Andy Warhol" beside "Andy Warhol Foundation".
                let personsName = mention.type == .person && words.count > 1
                if entityWords.prefix(words.count) == words[...] && mention.strength < 3 && later && !personsName { return true }
                // "the Post" after "National Post"; not "Congress" after "Library of Congress".
                if words.count == 1, later, entityWords.last == words[0], Lexicon.organisationHeads.contains(words[0]),
                    !Lexicon.institutionWords.contains(words[0]), !Lexicon.nameConnectors.contains(entityWords[entityWords.count - 2])
                {
                    return true
                }
                // "Lilly" after "Eli Lilly", "Schwab" after "Charles Schwab": a company named
                // like a person goes by its surname too (no person has it, or the person
                // path above would have taken it).
                // Not "Senate" after "Virginia Senate": a place's institution.
                // Not "Mr. Hughes" beside "Baker Hughes": a title names a person.
                if words.count == 1, later, mention.titles.isEmpty, entityWords.count == 2, entityWords[1] == words[0], isMainlyGivenName(entityWords[0]),
                    gazetteer.placeType(of: entityWords[0]) == nil, !Lexicon.organisationHeads.contains(words[0]), !Lexicon.institutionWords.contains(words[0])
                {
                    return true
                }
                guard words.count == 1, words[0].count >= 2, words[0] == words[0].uppercased() else { return false }
                return names.initialForms[index].contains(words[0])
            default:
                return false
            }
        }
    }

    /// "Angela Correy" beside "Angela Corey", "Bauchtman" beside "Lydia Buchtmann": a
    /// person's surname misspelt in the article, one edit away (two in a long surname written
    /// alone), with the same given name when one is written, and no other person as close.
    /// Not a plural ("the Clintons"); not "Wong Kwok-hing" beside "Wong Kwok-kin", two people.
    private func misspeltPerson(
        _ mention: EntityMention, key: String, _ entities: [RecognizedEntity], _ names: NameIndex, budget: inout Int
    ) -> Int? {
        guard mention.type == .person else { return nil }
        let words = NameIndex.words(of: key)
        guard words.count <= 2, let surname = words.last, surname.count >= Self.shortestMisspeltSurname else { return nil }
        let candidates = words.count == 2 ? names.starting(with: words[0]) : Array(names.words.indices)
        budget -= candidates.count
        guard budget >= 0 else { return nil }
        var match: Int?
        for index in candidates where entities[index].type == .person && names.words[index].count == max(2, words.count) {
            let other = names.words[index][names.words[index].count - 1]
            let limit = words.count == 1 && min(other.count, surname.count) >= 8 ? 2 : 1
            guard other != surname, other + "s" != surname, surname + "s" != other,
                NameIndex.editDistance(surname, other, limit: limit) != nil
            else { continue }
            if match != nil { return nil }
            match = index
        }
        return match
    }

    static let shortestMisspeltSurname = 5
    /// Names compared for misspellings in one article: a news article needs a few hundred;
    /// a hostile one with thousands of people sharing a given name stays linear.
    static let misspellingComparisons = 4_096

    /// A given name written alone, even before the full name ("Fran ... Fran Finney"),
    /// is that person when no other person of the article has it.
    private func isOnlyPersonCalled(_ givenName: String, _ entities: [RecognizedEntity], _ names: NameIndex) -> Bool {
        guard gazetteer.givenNames[givenName] != nil else { return false }
        // Two are enough to know: bounded however many names share the word.
        return names.starting(with: givenName).lazy.filter { entities[$0].type == .person }.prefix(2).count == 1
    }

    /// The rest of an organisation's name after a country, a nationality or an owner's
    /// acronym that opens it ("U.S. State Department", "US Food and Drug Administration",
    /// "BBC Radio Four"); nil when none does.
    private func withoutLeadingPlaceOrOwner(_ name: String) -> String? {
        guard let space = name.firstIndex(of: " ") else { return nil }
        let first = String(name[..<space]), rest = String(name[name.index(after: space)...])
        // The look-ups first: most names open with no place.
        func isPlace(_ words: String) -> Bool {
            Lexicon.placeAliases[words] != nil || gazetteer.countries.contains(words) || gazetteer.demonyms.contains(words)
        }
        // "United Kingdom Home Office": a country of two words.
        if gazetteer.phraseFirstWords.contains(first), !isPlace(first), let second = rest.firstIndex(of: " "), isPlace(first + " " + rest[..<second]) {
            let remainder = String(rest[rest.index(after: second)...])
            return remainder.unicodeScalars.contains(" ") || Lexicon.institutionWords.contains(remainder) ? remainder : nil
        }
        // "U.S. Senate" is the Senate; "Chinese Ministry" is not any ministry.
        if isPlace(first), rest.unicodeScalars.contains(" ") || Lexicon.institutionWords.contains(rest) { return rest }
        // "BBC Radio Four" is also "Radio Four": an owner's acronym before a name of its own.
        if first.count >= 2, Self.isAllCaps(first), rest.utf8.contains(UInt8(ascii: " ")) { return rest }
        return nil
    }

    private func decideType(_ mentions: [EntityMention]) -> EntityType {
        if let said = mentions.first(where: { $0.strength >= Self.saidByArticle }), let type = said.type { return type }
        var score: [EntityType: Int] = [:]
        for mention in mentions {
            guard let type = mention.type else { continue }
            score[type, default: 0] += mention.strength * mention.strength + 1
        }
        if let best = score.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }) {
            return best.key
        }
        return mentions.first?.type ?? .org
    }

    /// "Jayme told police she could hear the sirens": a person whose name says nothing of
    /// their gender, by the subject pronouns that follow their mentions with no other name
    /// between ("his" after "ordered Jayme to dress in" is another's): two that agree, or one
    /// within three words, and none that disagrees.
    private static func genderFromPronouns(_ entity: RecognizedEntity, _ tokens: [Token], named: [Bool]) -> Gazetteer.Gender {
        var male = 0, female = 0, close = false
        for mention in entity.mentions {
            let end = mention.tokens.upperBound
            guard end < tokens.count, tokens[end].kind != .possessive else { continue }
            var index = end
            while index < min(tokens.count, end + 6), tokens[index].sentence == tokens[end].sentence, !named[index] {
                let word = tokens[index].text.lowercased()
                if word == "he" || word == "she" {
                    if word == "he" { male += 1 } else { female += 1 }
                    if index - end < 3 { close = true }
                    break
                }
                index += 1
            }
        }
        guard (male == 0) != (female == 0), male + female >= 2 || close else { return .unknown }
        return male > 0 ? .male : .female
    }

    private func gender(of entity: RecognizedEntity) -> Gazetteer.Gender {
        guard entity.type == .person else { return .unknown }
        let byTitle = Self.gender(ofTitles: entity.titles)
        if byTitle != .unknown { return byTitle }
        // The first word only: the rest of the name need not be split.
        guard let first = entity.name.split(separator: " ", maxSplits: 1).first else { return .unknown }
        return gazetteer.givenNames[String(first)] ?? .unknown
    }

    /// The gender title words before a name give ("Mrs.", "spokesman"), if any.
    static func gender(ofTitles titles: some Sequence<String>) -> Gazetteer.Gender {
        if titles.contains(where: { maleTitles.contains($0) }) { return .male }
        if titles.contains(where: { femaleTitles.contains($0) }) { return .female }
        return .unknown
    }

    private static let maleTitles: WordSet = [
        "mr.", "mr", "sir", "lord", "king", "prince", "father", "dad", "grandfather", "spokesman", "congressman", "chairman", "councilman",
        "businessman",
    ]
    private static let femaleTitles: WordSet = [
        "mrs.", "mrs", "ms.", "ms", "miss", "mme", "mme.", "dame", "lady", "queen", "princess", "spokeswoman", "congresswoman", "chairwoman", "councilwoman", "actress",
        "businesswoman", "mother", "mum", "grandmother",
    ]
}
