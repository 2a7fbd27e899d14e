/// Who a phrase near a cue names: the tokens, the entity they resolve to (nil when
/// nobody the article names), and how sure the rule that found it is (a feature of the
/// learned `QuoteConfidenceModel`, not a probability).
struct SpeakerPhrase {
    var tokens: Range<Int>
    var entity: Int?
    var confidence: Double
    /// The people of a joint subject ("Ryan and Trump agreed"), who speak together.
    var joint: [Int] = []
}

/// Finding the speaker phrase on either side of a cue, for quotes and reported speech.
extension AttributionContext {

    /// The speaker named after a postposed cue ("said senior author Jane Roe, a professor"):
    /// a pronoun right after the verb, else the first person named, else the first
    /// organisation or place, else "the <role>"; not past a relative pronoun.
    func speakerPhrase(startingAt start: Int, limit: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        guard start < limit else { return nil }
        let word = tokens[start].text.lowercased()
        if Lexicon.subjectPronouns.contains(word) { return pronounPhrase(word, at: start..<(start + 1)) }
        // "According to her, ...": the object form, alone before a comma or the end (not "her
        // “clawback” plan").
        if start + 1 == limit, limit == tokens.count || [",", "."].contains(tokens[limit].text), let subject = Self.subjectForms[word] {
            return pronounPhrase(subject, at: start..<limit)
        }
        var end = start
        // "wrote a supporter who runs the Twitter account": the relative clause describes the
        // speaker; a name in it is someone else.
        while end < limit, end - start < 10, tokens[end].kind != .quoteMark(.doubleOpening),
            // A verb of saying after an article is a noun ("the state of New York").
            !(tokens[end].isWord && Lexicon.speechVerbs.contains(tokens[end]) && end > start && !Self.isNounDeterminer(tokens[end - 1])),
            !(end > start && ["who", "whose", "whom"].contains(tokens[end].text))
        {
            end += 1
        }
        return phrase(in: start..<end, preferLast: false)
    }

    private static let subjectForms = ["him": "he", "her": "she", "them": "they"]
    /// "His verdict", "Their message": the owner's subject form.
    static let possessiveSubjects = ["his": "he", "her": "she", "their": "they"]

    /// A subject pronoun as speaker: the entity it stands for, or for "they" the two people
    /// the article last had speaking together, who speak together again.
    func pronounPhrase(_ pronoun: String, at range: Range<Int>) -> SpeakerPhrase {
        if pronoun == "they", let pair = jointSubjectPair(before: range.lowerBound) {
            return SpeakerPhrase(tokens: range, entity: nil, confidence: 0.8, joint: pair)
        }
        return SpeakerPhrase(tokens: range, entity: resolvePronoun(pronoun, before: range.lowerBound), confidence: 0.8)
    }

    /// The subject of a cue verb at `end` ("UFCW president Jeff Traeger said",
    /// "Ms. Roe, speaking in Ottawa, said", "he added", "the company said").
    func speakerPhrase(endingBefore end: Int, floor: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        let edge = Self.timeStart(before: Self.verbEdge(before: end, floor: floor, tokens), floor: floor, tokens)
        // "Byrne — who was posted at the Oval Office — states": the name before the aside;
        // "Other Democrats, like Pell and Reyes - ex-aides of Governor Okafor - have said": the
        // people before both asides.
        if edge - 1 > floor, QuoteAttributor.dashes.contains(tokens[edge - 1]),
            let open = ((max(floor, edge - 30))..<(edge - 1)).last(where: { QuoteAttributor.dashes.contains(tokens[$0]) })
        {
            let subject = phraseEnding(before: open, floor: floor)
            if let people = peopleBeforeAside(endingAt: open, floor: floor), outranks(people, subject) { return people }
            // "The three scholars -- Mr. Hale, Ms. Pell and Mr. Reyes -- agreed": a description too.
            if let subject, subject.entity != nil || SpeakerDescription.trimmed(subject.tokens, tokens) != nil { return subject }
        }
        // "Mr. Trump, asked about journalists killed under Mr. Putin, had said": the name
        // before an aside that opens with a participle or "who", past a time after it
        // ("Glenn Beck, who ..., on Friday declared").
        let afterAside = edge - 1 > floor && tokens[edge - 1].text == ","
        if afterAside {
            if let open = ((max(floor, edge - 30))..<(edge - 1)).last(where: { tokens[$0].text == "," }), open + 1 < edge - 1,
                Self.opensAside(tokens[open + 1]), let subject = personNamed(before: open, floor: floor)
            {
                return subject
            }
            // "The Obama administration, in an effort to help workers, has said": the subject
            // before an aside opening with a preposition.
            if let open = ((max(floor, edge - 30))..<(edge - 1)).last(where: { tokens[$0].text == "," }), open + 1 < edge - 1,
                Lexicon.prepositions.containsLowercased(tokens[open + 1]), let subject = phraseEnding(before: open, floor: floor),
                subject.entity != nil || !subject.joint.isEmpty || SpeakerDescription.trimmed(subject.tokens, tokens) != nil
            {
                return subject
            }
            // "Beck, who backed Sen. Ted Cruz, R-Texas, and opposed Trump, last week said": the
            // name before a relative clause that runs to the verb's comma, commas inside it and
            // all; "Members of the group, which includes Pelosi, said", "Members of the club,
            // including Adeyemi, said": the phrase before it.
            if let open = (max(floor, edge - 45)..<(edge - 1)).first(where: {
                tokens[$0].text == "," && ["who", "whose", "which", "including"].contains(tokens[$0 + 1].text)
            }),
                !((open + 1)..<edge).contains(where: { tokens[$0].isQuoteMark }),
                let subject = personNamed(before: open, floor: floor) ?? phraseEnding(before: open, floor: floor)
            {
                return subject
            }
        }
        if let described = personBeforeRelative(endingBefore: edge, floor: floor) { return described }
        let subject = phraseEnding(before: end, floor: floor)
        // "Cement makers, for instance, argue", "Republican lawmakers, who are close to the
        // industry, have vowed", "Other Republicans, like Ruiz, have said": people counted or
        // described before an aside, not a name inside it.
        if afterAside, let people = peopleBeforeAside(endingAt: edge - 1, floor: floor), outranks(people, subject) { return people }
        return subject
    }

    /// People before an aside speak unless the phrase next to the verb describes someone
    /// before them; a name inside the aside, or owning them ("Ruiz's rivals"), does not
    /// outrank them.
    private func outranks(_ people: SpeakerPhrase, _ subject: SpeakerPhrase?) -> Bool {
        guard let subject else { return true }
        return subject.entity == nil && SpeakerDescription.trimmed(subject.tokens, document.tokens) == nil || subject.tokens.lowerBound > people.tokens.upperBound
            || people.tokens.contains(subject.tokens.lowerBound) && subject.tokens.upperBound < people.tokens.upperBound
    }

    /// The person named right before the comma at `open`, where an aside begins.
    func personNamed(before open: Int, floor: Int) -> SpeakerPhrase? {
        guard let subject = phraseEnding(before: open, floor: floor), subject.tokens.upperBound == open, let entity = subject.entity,
            entities[entity].type == .person
        else { return nil }
        return subject
    }

    /// Not an aside but an apposition ("Two senators, a Democrat and a Republican,"); "including
    /// Ruiz" is read before these, as a clause after the group that speaks.
    private static let notAsides: WordSet = ["a", "an", "the", "and", "or", "but"]

    /// The people a clause opens with before the aside that ends at the comma `close`: the
    /// whole phrase up to the first comma whose aside opens in lower case ("Proponents of the
    /// bill, however,").
    func peopleBeforeAside(endingAt close: Int, floor: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        // An apposition naming several ("Ruiz's main rivals, Sens. Ana Pell and Tom Reyes,") is
        // one too: the group speaks, not one of them.
        func namesSeveral(_ open: Int) -> Bool {
            Set(((open + 1)..<close).compactMap { mention(at: $0).flatMap { entities[$0.0].type == .person ? $0.0 : nil } }).count >= 2
        }
        for open in max(floor, close - 40)..<close
        where tokens[open].text == "," && open > floor
            && (tokens[open + 1].isLowercase && !Self.notAsides.contains(tokens[open + 1]) || namesSeveral(open))
        {
            guard !((open + 1)..<close).contains(where: { tokens[$0].isQuoteMark }) else { return nil }
            // The people open the clause ("But proponents, however, say"), else the comma ends
            // a clause of its own.
            let clauseStart = floor + 1 < open && QuoteAttributor.conjunctions.containsLowercased(tokens[floor]) ? floor + 1 : floor
            let namesPerson = ((open + 1)..<close).contains { mention(at: $0).map { entities[$0.0].type == .person } ?? false }
            // "Western diplomats familiar with the talks, speaking on condition of anonymity,".
            if !namesPerson, let unnamed = unnamedSource(in: clauseStart..<open) { return unnamed }
            if let people = pluralPeople(endingAt: open, floor: floor), (floor...clauseStart).contains(people.tokens.lowerBound) {
                return SpeakerPhrase(tokens: people.tokens.lowerBound..<open, entity: nil, confidence: people.confidence)
            }
            // "Other veteran Democrats, like ...,": a nationality or party in the plural.
            if let (entity, group) = mention(at: open - 1), entities[entity].type == .norp, group.upperBound == open, tokens[open - 1].text.hasSuffix("s"),
                group.lowerBound >= clauseStart, (clauseStart..<group.lowerBound).allSatisfy({ tokens[$0].isWord && mention(at: $0) == nil })
            {
                return SpeakerPhrase(tokens: group, entity: entity, confidence: 0.7)
            }
            // "The Ruiz administration, in a push that has angered business, has said": a
            // description the clause opens with; not one an apposition names ("The source of
            // the leak, former contractor Edward Snowden,").
            if !namesPerson, let described = phraseEnding(before: open, floor: floor), described.entity == nil,
                (floor...clauseStart).contains(described.tokens.lowerBound), described.tokens.upperBound == open,
                SpeakerDescription.trimmed(described.tokens, tokens) != nil
            {
                return described
            }
        }
        return nil
    }

    /// "A woman who has accused Tom Hale of fraud said": the person a relative clause right
    /// before the verb describes ("A woman"), not anyone it names; nil past a comma.
    private func personBeforeRelative(endingBefore edge: Int, floor: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        // "Another Muslim who worshiped there and who did not want to be named said": the first
        // "who", within a clause's reach of the verb.
        guard
            let who = (max(floor, edge - 20)..<edge).first(where: { index in
                ["who", "whom"].contains(tokens[index].text) && index - 2 >= floor
                    && (tokens[index - 1].isLowercase && (Self.isPersonNoun(tokens[index - 1].text) || Self.relatedPeople.contains(tokens[index - 1]))
                        || isMemberOfGroup(at: index - 1))
            }),
            !(who..<edge).contains(where: { tokens[$0].kind == .punctuation || tokens[$0].isQuoteMark })
        else { return nil }
        guard
            let start = (max(floor, who - 4)..<(who - 1)).last(where: {
                Lexicon.articles.containsLowercased(tokens[$0]) || ["one", "another"].contains(tokens[$0].text.lowercased())
            }),
            ((start + 1)..<who).allSatisfy({ tokens[$0].isWord && (mention(at: $0) == nil || isMemberOfGroup(at: $0)) })
        else { return nil }
        return SpeakerPhrase(tokens: start..<who, entity: nil, confidence: 0.6)
    }

    /// "the", "a", "his", "this": a determiner before a word that may be a verb of saying makes
    /// that word a noun ("the state", "his report"); not "that", which may open a relative clause.
    static func isNounDeterminer(_ token: Token) -> Bool {
        token.text.lowercased() != "that" && SpeechCues.determiners.containsLowercased(token)
    }

    /// "Muslim", "Democrat": one member of a nationality, religion or party, in the singular.
    private func isMemberOfGroup(at index: Int) -> Bool {
        guard let (entity, range) = mention(at: index) else { return false }
        return entities[entity].type == .norp && range.count == 1 && !document.tokens[index].text.hasSuffix("s")
    }

    /// Where "on Friday", "last week" or "Tuesday" begins, ending at `end`; `end` without one.
    private static func timeStart(before end: Int, floor: Int, _ tokens: [Token]) -> Int {
        guard end - 1 > floor, SpeechCues.timeWords.containsLowercased(tokens[end - 1]) else { return end }
        return end - 2 > floor && ["on", "last", "this", "early", "late"].contains(tokens[end - 2].text) ? end - 2 : end - 1
    }

    /// A word opening an aside about the subject: "who", or a participle ("speaking in Ottawa").
    static func opensAside(_ token: Token) -> Bool {
        guard token.isWord, !token.isCapitalized else { return false }
        // Not "including": what follows is more of the subject.
        return ["who", "whose"].contains(token.text) || token.text != "including" && token.text.count > 4 && isParticipleForm(token.text)
    }

    /// "marching", "briefed": a word that may be a participle; not a compound adjective
    /// ("right-wing", "long-serving", "so-called").
    static func isParticipleForm(_ word: String) -> Bool { !word.unicodeScalars.contains("-") && (word.hasSuffix("ing") || word.hasSuffix("ed")) }

    private func phraseEnding(before end: Int, floor: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        var start = end
        while start > floor, end - start < 20 {
            // "Rep. John Mica (R-Fla.) said": step over the parenthesis.
            if tokens[start - 1].text == ")", let open = (floor..<(start - 1)).last(where: { tokens[$0].text == "(" }) {
                start = open
                continue
            }
            let token = tokens[start - 1]
            if case .quoteMark = token.kind { break }
            if token.text == ";" || token.text == "." || token.text == ":" { break }
            // "continued to say": a verb before "to" opens the cue's verb chain, no cue of its own.
            let opensChain = tokens[start].text == "to" && SpeechCues.reportingBeforeTo.contains(token)
            let isNoun = start - 2 >= floor && Self.isNounDeterminer(tokens[start - 2])
            if token.isWord, Lexicon.speechVerbs.contains(token) && !opensChain && !isNoun || token.text == "that" { break }
            // "Three years after Republicans vowed": a sentence opening with a span of time and a
            // subordinator has the clause's subject after it ("Fans outside the stadium after
            // the match said" has its own); past a comma the opening clause is a phrase of its
            // own (below).
            if Lexicon.subordinators.contains(token), start - 1 > floor, start < end, !(start..<end).contains(where: { tokens[$0].text == "," }),
                SpeechCues.openingSubordinator(of: document.sentenceRange(of: start - 1), tokens) == start - 1
            {
                break
            }
            start -= 1
        }
        guard start < end else { return nil }
        // "In a statement defending Hale, Ruiz's campaign said": a name in an opening phrase
        // is no subject; the clause starts after its comma.
        // So is one in a clause opening the sentence ("Though she leads Ruiz, Republican
        // strategists concede"), which has a verb of its own before the comma ("When Mook,
        // Clinton's campaign manager, was asked" has none).
        // "Soon after Pell's call ended,": past an adverb before the opening word.
        let opener = start + 1 < end && Self.adverbsBeforeOpener.containsLowercased(tokens[start]) ? start + 1 : start
        if tokens[start].isCapitalized, mention(at: start) == nil, let comma = (start..<end).last(where: { tokens[$0].text == "," }),
            comma + 1 < Self.verbEdge(before: end, floor: start, tokens),
            Lexicon.prepositions.containsLowercased(tokens[opener]) || tokens[opener].text.hasSuffix("ing")
                || Lexicon.subordinators.containsLowercased(tokens[opener]) && (start..<comma).contains(where: { ReportedSpeechFinder.mayBeFiniteVerb(tokens[$0].text) })
        {
            start = comma + 1
        }
        // A pronoun next to the verb ("he said", "she told reporters") is the subject.
        let last = max(start, Self.verbEdge(before: end, floor: start, tokens) - 1)
        if Lexicon.subjectPronouns.containsLowercased(tokens[last]) { return pronounPhrase(tokens[last].text.lowercased(), at: last..<(last + 1)) }
        return phrase(in: start..<end, preferLast: true)
    }

    private static let adverbsBeforeOpener: WordSet = ["soon", "shortly", "just", "right", "long", "even", "only"]

    /// "Ryan and Trump agreed", "Sens. Ann Hale of Ohio and Tom Reyes of Iowa said", "Doyle and
    /// others said": people named together as the verb's whole subject, from the name at
    /// `first`, speak together, as written; none of them alone. Organisations (`kind`) too:
    /// "Apple and Google said". With `runsOn` the clause may go on past them (a participle's
    /// subject); else they run to `edge`, the cue.
    private func jointSubject(from first: Int, in range: Range<Int>, edge: Int, of kind: EntityType = .person, runsOn: Bool = false) -> SpeakerPhrase? {
        let tokens = document.tokens
        guard first < edge, edge <= range.upperBound else { return nil }
        var start = first
        // Titles before the first name ("Sens.", "Former Gov."), and a name qualifying them
        // ("Chelsea manager").
        while start > range.lowerBound, edge - start < 20, Self.isTitleWord(tokens[start - 1].text) {
            start -= 1
            if start > range.lowerBound, let (_, qualifier) = mention(at: start - 1), qualifier.upperBound == start, qualifier.lowerBound >= range.lowerBound {
                start = qualifier.lowerBound
            }
        }
        var index = first
        var named: [Int] = []
        var joined = false
        var others = false
        var end = edge
        while index < edge {
            let word = tokens[index].text
            if let (entity, mentionRange) = mention(at: index), entities[entity].type == kind, mentionRange.lowerBound == index {
                // "and former Obama adviser Tom Reyes": a name qualifying the next one's title is no speaker.
                if !named.contains(entity), titledName(after: mentionRange) == nil { named.append(entity) }
                index = mentionRange.upperBound
            } else if word == "and" || word == "," {
                joined = joined || word == "and"
                index += 1
            } else if word == "of", index + 1 < edge, let home = homeAfterOf(at: index, edge: edge) {
                // "Ann Hale of Ohio", "Ana Ruiz of the University of California, Berkeley": a
                // name's home, no one else.
                index = home
            } else if word == "(", let close = (index..<min(edge, index + 6)).first(where: { tokens[$0].text == ")" }), index > first,
                mention(at: index - 1) != nil
            {
                // "Sen. Ann Hale (Vt.)": a party or state tag after a name.
                index = close + 1
            } else if named.count > 0, let age = Self.ageEnd(at: index, edge: edge, tokens) {
                // "and 24-year-old Tom Reyes": the age of the next name.
                index = age
            } else if named.count > 0, tokens[index].kind == .number, tokens[index - 1].text == ",", index + 1 < edge, tokens[index + 1].text == "," {
                // "Ana Diaz, 41, and ...": the age of the name before.
                index += 1
            } else if named.count > 0, let next = nameAfterRole(from: index, edge: edge) {
                // "and council member Paul Green", "and Arsenal boss Mark Reed", "and her brother
                // Luis": what the next name is, then the name.
                index = next
            } else if mention(at: index) == nil, Self.isTitleWord(word) || word == "former" && named.count > 0, tokens[index].isCapitalized || named.count > 0 {
                // "and former Maryland governor Tom Reyes": words of the next name's title.
                index += 1
            } else if named.count > 0, isPlace(at: index), let (_, place) = mention(at: index), place.upperBound < edge,
                Self.isTitleWord(tokens[place.upperBound].text)
            {
                index = place.upperBound
            } else if joined, word == "others" || word == "other", (index..<edge).contains(where: { tokens[$0].kind == .possessive }) {
                // "Pell and other leaders' aides said": people of theirs speak, described.
                return SpeakerPhrase(tokens: start..<edge, entity: nil, confidence: 0.6)
            } else if joined, word == "others" || word == "other" || isOwnCircle(from: index, edge: edge) {
                // "and others", "and other GOP leaders", "and his allies", "and her campaign": the
                // rest of the subject counts them, up to a verb of their own ("and other leaders
                // shunned him, claiming"), which before the cue makes them no subject of it.
                others = true
                end =
                    ((index + 1)..<edge).first {
                        tokens[$0].isLowercase && (Self.isParticipleForm(tokens[$0].text) || ReportedSpeechFinder.mayBeFiniteVerb(tokens[$0].text))
                    } ?? edge
                if end < edge, !runsOn { return nil }
                index = edge
            } else if word == "of", index > first, Self.isTitleWord(tokens[index - 1].text), index + 1 < edge, tokens[index + 1].isCapitalized,
                mention(at: index + 1) == nil
            {
                // "and former Secretary of State Ana Ruiz": the title goes on.
                index += 2
            } else {
                return nil
            }
        }
        guard joined, named.count + (others ? 1 : 0) >= 2, !["and", ","].contains(tokens[end - 1].text) else { return nil }
        // Without a tag after the last name ("... and Sen. Bo Pell (Vt.)"), as a single name has none.
        if tokens[end - 1].text == ")" { end = (start..<end).last { tokens[$0].text == "(" } ?? end }
        return SpeakerPhrase(tokens: start..<end, entity: nil, confidence: 0.7, joint: named)
    }

    /// "his allies", "her campaign", "several colleagues" up to `edge`: the people or
    /// organisation around the person just named.
    private func isOwnCircle(from index: Int, edge: Int) -> Bool {
        let tokens = document.tokens
        guard Self.companyOpeners.contains(tokens[index]), index + 1 < edge else { return false }
        let rest = (index + 1)..<edge
        return rest.allSatisfy { tokens[$0].isWord && tokens[$0].isLowercase }
            && rest.contains {
                let word = tokens[$0].text
                return Self.isTitleWord(word) || Self.isPersonNoun(word) || Self.headsPeopleInPlural(word) || Self.organisationalRoles.contains(word)
            }
    }

    /// "his", "other", "several": words opening the people who speak along with one named
    /// ("Doyle and his aides", "Doyle and several colleagues").
    static let companyOpeners = WordSet(Lexicon.personalPossessives.words + ["other", "several", "some", "two", "three", "many"])

    /// "council member Paul Green", "Arsenal boss Mark Reed", "her brother Luis": where the
    /// next person's name starts, when only words saying what they are come before it, the
    /// last a title, a role or a relation.
    private func nameAfterRole(from index: Int, edge: Int) -> Int? {
        let tokens = document.tokens
        guard let name = (index..<min(edge, index + 5)).first(where: { start in mention(at: start).map { entities[$0.0].type == .person && $0.1.lowerBound == start } ?? false }),
            name > index, (index..<name).allSatisfy({ tokens[$0].isWord && tokens[$0].text != "and" }),
            case let role = tokens[name - 1].text.lowercased(),
            Self.isTitleWord(role) || Self.isPersonNoun(role) || Self.relatedPeople.contains(role)
        else { return nil }
        return name
    }

    /// Past "of" at `index`, where a name's home ends: a place, or an organisation with the
    /// place it stands in ("of the University of California, Berkeley"); nil for anything else.
    private func homeAfterOf(at index: Int, edge: Int) -> Int? {
        let tokens = document.tokens
        var start = index + 1
        if start < edge, tokens[start].text.lowercased() == "the" { start += 1 }
        guard start < edge, let (entity, home) = mention(at: start), home.lowerBound == start, home.upperBound <= edge else { return nil }
        if isPlace(at: start) { return home.upperBound }
        guard entities[entity].type == .org else { return nil }
        // The place after the organisation's comma, though the tagger took a one-word place
        // named nowhere else for a person ("of Acme Corp., Denver").
        if home.upperBound + 1 < edge, tokens[home.upperBound].text == ",", let (placeEntity, place) = mention(at: home.upperBound + 1), place.upperBound <= edge,
            isPlace(at: home.upperBound + 1) || place.count == 1 && entities[placeEntity].mentions.count == 1 && !entities[placeEntity].name.unicodeScalars.contains(" ")
        {
            return place.upperBound
        }
        return home.upperBound
    }

    /// "24-year-old", tokenised as "24", "-", "year-old": where an age written before a name ends.
    private static func ageEnd(at index: Int, edge: Int, _ tokens: [Token]) -> Int? {
        guard index + 2 < edge, tokens[index].kind == .number, tokens[index + 1].text == "-",
            ["year-old", "years-old"].contains(tokens[index + 2].text)
        else { return nil }
        return index + 3
    }

    /// "Biden and Harris said": the name at `start` is the second of a pair joined by "and"
    /// to a name right before it, an owner before it included ("MSNBC's Alex Seitz and
    /// Reuters' Ana Pell"); not in "Obama's program and Trump says", where the first conjunct
    /// is no name.
    private func joinsNames(before start: Int, from floor: Int) -> Bool {
        let tokens = document.tokens
        var start = start
        if start - 2 > floor, tokens[start - 1].kind == .possessive, tokens[start - 2].isCapitalized {
            start = mention(at: start - 2)?.1.lowerBound ?? start - 2
        }
        guard start - 1 > floor, ["and", "or", "&"].contains(tokens[start - 1].text) else { return false }
        return mention(at: start - 2) != nil
    }

    /// "in Iowa", "along the Strip", "with Mr. Osei", "in Alabama, Georgia and Virginia", "of
    /// Columbia, South Carolina": a preposition at or after `floor` before the name, past
    /// titles, an article, the names listed before it and the places of its address ("Dana
    /// Wolfe of The Beacon").
    func governedByPreposition(_ name: Range<Int>, floor: Int) -> Bool {
        let tokens = document.tokens
        var first = name
        var listed = false
        while first.lowerBound - 2 >= floor, let (previousEntity, previous) = mention(at: first.lowerBound - 2) {
            let joiner = tokens[first.lowerBound - 1].text
            let isList = ["and", "or"].contains(joiner) || joiner == "," && listed
            // "of Columbia, South Carolina", "of the University of California, Berkeley": a place
            // completing the address of a place or an organisation before it.
            let address = joiner == "," && isPlace(at: first.lowerBound) && (isPlace(at: previous.lowerBound) || entities[previousEntity].type == .org)
            guard isList || address else { break }
            listed = listed || isList
            first = previous
        }
        var before = first.lowerBound - 1
        while before > floor, Self.isTitleWord(tokens[before].text) { before -= 1 }
        if before > floor, Lexicon.articles.containsLowercased(tokens[before]) { before -= 1 }
        guard before >= floor else { return false }
        let word = tokens[before].text.lowercased()
        return Lexicon.prepositions.contains(word) || Self.placePrepositions.contains(word)
    }

    /// Whether the token names a place (a GPE or LOC entity).
    func isPlace(at token: Int) -> Bool {
        guard token >= 0, let (entity, _) = mention(at: token) else { return false }
        return entities[entity].type == .gpe || entities[entity].type == .loc
    }

    private static let placePrepositions: WordSet = [
        "along", "near", "outside", "inside", "throughout", "around", "through", "across", "among", "within", "beyond",
    ]

    /// "Scott's family", "Johnson's doctor", "Obama's former strategist", "the family of
    /// Scott", "Obama aides": the person owns the one who speaks. ("Her statement said" is
    /// different: the owner speaks.)
    private func isPossessorOfPerson(_ mention: Range<Int>, within range: Range<Int>, _ tokens: [Token]) -> Bool {
        // "the family of Margaret O'Neill", "a friend of Ruiz": the same, after "of".
        if mention.lowerBound - 2 >= range.lowerBound, tokens[mention.lowerBound - 1].text == "of",
            Self.relatedPeople.contains(tokens[mention.lowerBound - 2])
        {
            return true
        }
        // "Obama aides said", "a top Donald Trump adviser": the name qualifies the people after
        // it, as a possessor would; not a spokesperson, who speaks for the name.
        // So does "a senior Obama administration official", through the organisation it heads.
        if mention.upperBound < range.upperBound, tokens[mention.upperBound].isWord, !tokens[mention.upperBound].isCapitalized {
            let next = mention.upperBound + 1
            let throughOrganisation = Self.organisationsNamedAfterLeaders.contains(tokens[mention.upperBound]) && next < range.upperBound
            let word = throughOrganisation ? tokens[next].text : tokens[mention.upperBound].text
            if Self.isPersonNoun(word) || Self.relatedPeople.contains(word) || Self.isAroundSomeone(word), !Self.spokespeople.contains(word) { return true }
        }
        guard mention.upperBound < range.upperBound, tokens[mention.upperBound].kind == .possessive else { return false }
        for index in (mention.upperBound + 1)..<min(range.upperBound, mention.upperBound + 6) where tokens[index].isWord {
            let word = tokens[index].text.lowercased()
            if Self.relatedPeople.contains(word) || Self.isAroundSomeone(word) { return true }
            // "campaign" in "Obama's former campaign strategist" qualifies the role after it.
            if Lexicon.roleNouns.contains(word), !Self.organisationalRoles.contains(word) { return true }
            if Self.mediaAndCampaignRoles.contains(word) || Self.isPersonNoun(word) { return true }
        }
        return false
    }

    /// "Aides to Clinton say", "a friend of Ruiz said", "Organizers of the push to boycott
    /// Trump's speech said": people the phrase opens with, described by what follows them; a
    /// person named there is not the speaker. A spokesperson's principal is ("a spokeswoman
    /// for Clinton said"); a name after a comma is not governed by the noun.
    /// An organisation is not when its circle speaks ("allies of the NRA"), but is when its
    /// officers do ("executives for Mondelez"), as through a spokesperson.
    private func qualifiesPeopleNoun(_ mention: Range<Int>, within range: Range<Int>, _ tokens: [Token], organisation: Bool = false) -> Bool {
        var head = range.lowerBound
        while head < mention.lowerBound, SpeechCues.determiners.containsLowercased(tokens[head]) || tokens[head].kind == .number {
            head += 1
        }
        guard head + 1 < mention.lowerBound, ["of", "to", "for"].contains(tokens[head + 1].text) else { return false }
        let noun = tokens[head].text.lowercased()
        let isGroup = Self.groupsAroundSomeone.contains(noun)
        // "Secretary of State John Kerry", "Minister of State for Interior Balighur Rehman": a
        // title, the name its holder's.
        guard !tokens[head].isCapitalized || noun.hasSuffix("s") else { return false }
        guard !Self.spokespeople.contains(noun), isGroup || Self.relatedPeople.contains(noun) || !organisation && Self.isPersonNoun(noun) else { return false }
        // Only the names governed by the preposition ("Strategists for Barack Obama and Clinton"),
        // unless the people are a group around someone, described at any length.
        let between = (head + 2)..<mention.lowerBound
        if isGroup { return !between.contains { tokens[$0].text == "," } }
        return between.allSatisfy { tokens[$0].isCapitalized || ["and", "or", "the", "."].contains(tokens[$0].text) }
    }

    /// "critics", "a backer": one of a group around someone.
    static func isAroundSomeone(_ word: String) -> Bool { groupsAroundSomeone.contains(word) || groupsAroundSomeone.contains(word + "s") }

    /// "critics", "people", "authorities", "engineers": a lower-case word that can close a
    /// phrase naming people in the plural, the head a group speaking is read by.
    static func headsPeopleInPlural(_ word: String) -> Bool {
        word == "authorities" || pluralsWithoutS.contains(word) || isAroundSomeone(word) || namesPeopleInPlural(word)
    }

    static let pluralsWithoutS: WordSet = ["people", "men", "women"]

    private static let groupsAroundSomeone: WordSet = [
        "organizers", "organisers", "critics", "opponents", "backers", "defenders", "detractors", "admirers", "associates", "confidants",
    ]

    /// "The Biden administration said", "Clinton's campaign said", "The Cruz campaign sent an
    /// email saying": the person's name qualifies the organisation a leader heads, named within
    /// three words; where that phrase ends. Not "Clinton and her campaign said", "Clinton's
    /// campaign manager"; and not "Clinton's office said", which is hers as "her office said" is.
    private func organisationQualified(by mention: Range<Int>, within range: Range<Int>, _ tokens: [Token]) -> Int? {
        var first = mention.upperBound
        if first < range.upperBound, tokens[first].kind == .possessive { first += 1 }
        // Lower-case words qualifying the noun ("presidential campaign"), none a link or modifier.
        func qualifies(_ index: Int) -> Bool {
            let word = tokens[index].text
            return tokens[index].isWord && !tokens[index].isCapitalized && !Self.isVerbModifier(word) && !Lexicon.prepositions.contains(word)
                && !["and", "or", "but"].contains(word)
        }
        guard first < range.upperBound,
            let noun = (first..<min(range.upperBound, first + 3)).first(where: { Self.organisationsNamedAfterLeaders.contains(tokens[$0]) }),
            (first..<noun).allSatisfy(qualifies)
        else { return nil }
        let end = noun + 1
        guard end < range.upperBound, tokens[end].isWord else { return end }
        // The phrase goes on past the noun: someone of it ("campaign manager", "administration
        // officials"), a pair ("and") or an owner ("campaign's").
        let next = tokens[end].text
        // "The Ruiz campaign and some security experts alleged": the organisation and the people
        // named with it speak together, as written.
        if next == "and", end + 1 < range.upperBound,
            let people = pluralPeople(endingAt: Self.verbEdge(before: range.upperBound, floor: end + 1, tokens), floor: end + 1),
            people.tokens.lowerBound == end + 1
        {
            return people.tokens.upperBound
        }
        let goesOn =
            tokens[end].isCapitalized || Self.isPersonNoun(next) || Lexicon.roleNouns.contains(next) || Self.relatedPeople.contains(next)
            || ["and", "or", "of", "for"].contains(next)
        return goesOn ? nil : end
    }

    private static let organisationsNamedAfterLeaders: WordSet = ["administration", "campaign", "government"]

    /// Adverbs, auxiliaries and modals between a subject and its verb ("he also said",
    /// "Forbes could also say").
    static func isVerbModifier(_ word: String) -> Bool { SpeechCues.verbModifiers.contains(word) || Lexicon.modalVerbs.contains(word) }

    /// Where the subject ends before a verb at `end`: past adverbs, auxiliaries and modals
    /// ("Forbes could also say"), and past a verb carrying an infinitive cue ("Republicans
    /// continue to warn", "he went on to say").
    static func verbEdge(before end: Int, floor: Int, _ tokens: [Token]) -> Int {
        var edge = end
        while edge > floor {
            // "has" and "she's": a modifier, or "'s" standing for "is" or "has" after a pronoun.
            // "have both urged", "have all said", "Carrow and Brisket both said": a quantifier
            // floated after an auxiliary or the names it counts.
            let floated =
                edge - 1 > floor && ["both", "all", "each"].contains(tokens[edge - 1].text)
                && (isVerbModifier(tokens[edge - 2].text) || tokens[edge - 2].isCapitalized || Lexicon.subjectPronouns.contains(tokens[edge - 2]))
            if isVerbModifier(tokens[edge - 1].text) || floated
                || edge - 1 > floor && tokens[edge - 1].kind == .possessive && Lexicon.subjectPronouns.containsLowercased(tokens[edge - 2])
            {
                edge -= 1
            } else if edge - 2 > floor, tokens[edge - 1].text == "to", SpeechCues.reportingBeforeTo.contains(tokens[edge - 2]) {
                edge -= 2
                if tokens[edge].text == "on", edge > floor, SpeechCues.goingOnVerbs.contains(tokens[edge - 1]) { edge -= 1 }
            } else {
                break
            }
        }
        return edge
    }

    /// Any form of a verb of saying, base forms included ("Republicans warn", "Beijing could declare").
    private static func isSpeechVerb(_ word: String) -> Bool {
        Lexicon.speechVerbs.contains(word) || SpeechCues.reportingVerbs.contains(word) || SpeechCues.referVerbs.contains(word)
            || SpeechCues.particleVerbForms.contains(word) || SpeechCues.topicVerbs[word] != nil || SpeechCues.goingOnVerbs.contains(word)
    }

    private static let pollNouns: WordSet = ["poll", "polls", "survey", "surveys", "study"]

    static let relatedPeople: WordSet = [
        "family", "relatives", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "strategist",
        "friend", "friends", "brother", "sister", "parents", "children", "physician", "surrogate", "ally",
        "allies", "constituent", "speechwriter", "pollster", "aunt", "uncle", "cousin", "niece", "nephew", "grandmother",
        "grandfather", "grandson", "granddaughter", "mom", "mum", "dad", "fiancee", "fiancée", "fiance", "fiancé",
        "girlfriend", "boyfriend", "partner", "spouse", "widow", "widower", "neighbour", "neighbor", "colleague",
        "classmate", "teammate", "roommate", "sibling", "relative", "cousins", "nieces", "nephews", "grandparents",
        "grandchildren", "partners", "neighbours", "neighbors", "colleagues", "classmates", "teammates", "siblings",
    ]

    /// A word of a title or role before a name: "campaign manager", "top aide", "ally".
    static func isTitleWord(_ word: String) -> Bool {
        Lexicon.personTitles.containsLowercased(word) || Lexicon.roleNouns.containsLowercased(word) || relatedPeople.containsLowercased(word)
            || mediaAndCampaignRoles.containsLowercased(word) || word == "top"
    }

    /// "Blaze co-host Stu Burguiere", "Washington Post columnist Ruth Marcus", "Republican
    /// nominee Donald Trump": roles written before a name, the name qualifying them no speaker.
    private static let mediaAndCampaignRoles: WordSet = [
        "host", "co-host", "anchor", "columnist", "commentator", "correspondent", "moderator", "producer", "contributor",
        "nominee", "candidate", "hopeful", "challenger", "co-founder", "co-chair",
    ]

    /// A word of a title written before a name, "of" included ("Former secretary of state").
    static func isWordOfTitle(_ token: Token) -> Bool { token.isWord && (isTitleWord(token.text) || token.text == "of") }

    /// "Clinton campaign manager Robby Mook", "Pfizer spokesman Bob Smith": a name that
    /// qualifies the title words after it is not the subject; the titled person is.
    func titledName(after qualifier: Range<Int>) -> SpeakerPhrase? {
        let tokens = document.tokens
        var index = qualifier.upperBound
        if index < tokens.count, tokens[index].kind == .possessive { index += 1 }
        let titleStart = index
        // "Vance Communications Director Jennifer Palmer": capitalised words of the title too,
        // when a title word is among them.
        var hasTitleWord = false
        while index < tokens.count, index - titleStart < 4, mention(at: index) == nil, tokens[index].isWord,
            Self.isTitleWord(tokens[index].text) || tokens[index].isCapitalized
        {
            hasTitleWord = hasTitleWord || Self.isTitleWord(tokens[index].text)
            index += 1
        }
        guard hasTitleWord, let (entity, mentionRange) = mention(at: index), mentionRange.lowerBound == index, entities[entity].type == .person
        else { return nil }
        return SpeakerPhrase(tokens: mentionRange, entity: entity, confidence: 0.6)
    }

    /// Chooses the speaker inside a phrase: a named person first, then an organisation or
    /// place, then a role noun resolved to whoever holds it.
    private func phrase(in range: Range<Int>, preferLast: Bool) -> SpeakerPhrase? {
        let tokens = document.tokens
        var firstOther: (Int, Range<Int>)?
        var otherNextToVerb: (Int, Range<Int>)?
        var people: [(Int, Range<Int>)] = []
        var homesOfPeople: [Range<Int>] = []
        let verbEdge = preferLast ? Self.verbEdge(before: range.upperBound, floor: range.lowerBound, tokens) : range.upperBound
        // "GOP rival Ted Cruz on Wednesday announced": the subject ends before a time too; not
        // before the "TODAY" of "USA TODAY reported".
        let subjectEdge =
            preferLast && verbEdge > range.lowerBound && !tokens[verbEdge - 1].isAllCaps
            ? Self.timeStart(before: verbEdge, floor: range.lowerBound, tokens) : verbEdge
        // "Sources have also said": the source, not the auxiliaries after it.
        if let unnamed = unnamedSource(in: verbEdge > range.lowerBound ? range.lowerBound..<verbEdge : range) { return unnamed }
        // "While Republicans back the delay, sources close to the talks say": after a clause.
        if preferLast, let comma = range.last(where: { tokens[$0].text == "," }), comma + 1 < range.upperBound,
            let unnamed = unnamedSource(in: (comma + 1)..<range.upperBound)
        {
            return unnamed
        }

        // "She and her husband said", "She and Tom Hale said": whom the pronoun stands for and
        // the others, together.
        if case let pronoun = tokens[range.lowerBound].text.lowercased(), ["he", "she"].contains(pronoun), range.lowerBound + 2 < verbEdge,
            tokens[range.lowerBound + 1].text == "and"
        {
            let person = resolvePronoun(pronoun, before: range.lowerBound)
            let other = mention(at: range.lowerBound + 2).flatMap { entity, name in
                name == (range.lowerBound + 2)..<verbEdge && entities[entity].type == .person && entity != person ? entity : nil
            }
            if other != nil || isOwnCircle(from: range.lowerBound + 2, edge: verbEdge) {
                return SpeakerPhrase(tokens: range.lowerBound..<verbEdge, entity: nil, confidence: 0.6, joint: [person, other].compactMap { $0 })
            }
        }
        if preferLast, let described = descriptionBeforeVerb(range, verbEdge: verbEdge) { return described }
        // "FEC filings show", "according to Axelrod's memoir": a document speaks as written, not
        // the one who issued it; one no one is named as issuing only when nobody else is found.
        let documentBeforeVerb = preferLast ? documentSource(endingAt: subjectEdge, floor: range.lowerBound) : nil
        if let documentBeforeVerb, documentBeforeVerb.issued { return documentBeforeVerb.phrase }
        if !preferLast, let source = documentSource(startingAt: range.lowerBound, before: range.upperBound) { return source }
        if preferLast, let people = qualifiedPeople(in: range.lowerBound..<verbEdge) { return people }
        var index = range.lowerBound
        while index < range.upperBound {
            guard let (entity, mentionRange) = mention(at: index) else { index += 1; continue }
            index = max(index + 1, mentionRange.upperBound)
            let type = entities[entity].type
            if type == .person {
                if let organisationEnd = organisationQualified(by: mentionRange, within: range, tokens) {
                    // The organisation speaks when it is the verb's subject (not in "Tom Lee and
                    // the Ruiz campaign said"); nobody the article names as an entity, so no entity.
                    let isSubject = preferLast ? organisationEnd == verbEdge || organisationEnd == subjectEdge : mentionRange.lowerBound <= range.lowerBound + 1
                    if isSubject, people.isEmpty { return SpeakerPhrase(tokens: mentionRange.lowerBound..<organisationEnd, entity: nil, confidence: 0.7) }
                    continue
                }
                if !isPossessorOfPerson(mentionRange, within: range, tokens), !qualifiesPeopleNoun(mentionRange, within: range, tokens) {
                    people.append((entity, mentionRange))
                }
                continue
            }
            // "78 percent of voters in a CBS News poll said", "A CNN poll shows 68% of voters say":
            // those polled speak, not the pollster; "as a Pew study noted" is the pollster's.
            if preferLast, mentionRange.upperBound + 1 < verbEdge, Self.pollNouns.contains(tokens[mentionRange.upperBound]) {
                let inPoll = (max(range.lowerBound, mentionRange.lowerBound - 3)..<mentionRange.lowerBound).contains { tokens[$0].text.lowercased() == "in" }
                let countedAfter = ((mentionRange.upperBound + 1)..<verbEdge).contains { ["percent", "%"].contains(tokens[$0].text) }
                if inPoll || countedAfter { continue }
            }
            // "..., Clinton's rival Forbes says": an organisation, place or group right before
            // the verb is its subject, unless a preposition governs it ("boosters in Iowa said",
            // "voters in Ohio and Iowa said", "a woman along the Strip told").
            let governed = governedByPreposition(mentionRange, floor: range.lowerBound)
            // "Fans of Arsenal said", "Traders at Ita Elewa market said", "Critics of the Pemberton
            // Council said", "A resident of Marlow Heath said": people of a place or
            // organisation are not it; one of them only as "a" or "one" ("the mayor of Marlow"
            // is someone the article may name).
            let preposition =
                mentionRange.lowerBound - 1 > range.lowerBound && Lexicon.articles.containsLowercased(tokens[mentionRange.lowerBound - 1])
                ? mentionRange.lowerBound - 2 : mentionRange.lowerBound - 1
            if preposition > range.lowerBound, Self.homePrepositions.contains(tokens[preposition]),
                case let people = tokens[preposition - 1].text.lowercased(),
                people.hasSuffix("s") || people == "staff"
                    || preposition - 2 >= range.lowerBound && Lexicon.indefiniteOpeners.containsLowercased(tokens[preposition - 2]),
                Self.isPersonNoun(people) || Self.isAroundSomeone(people)
            {
                homesOfPeople.append(mentionRange)
                continue
            }
            if qualifiesPeopleNoun(mentionRange, within: range, tokens, organisation: true) { continue }
            // "according to Saudi Arabia's Civil Defense Authority": the owner is not the speaker.
            if mentionRange.upperBound + 1 < range.upperBound, tokens[mentionRange.upperBound].kind == .possessive,
                let (owned, ownedRange) = mention(at: mentionRange.upperBound + 1), ownedRange.lowerBound == mentionRange.upperBound + 1,
                entities[owned].type == .org
            {
                continue
            }
            // "Some GOP leaders argued": the people of an organisation are not it; nor are
            // "Democratic and independent analysts" a party.
            if mentionRange.upperBound < range.upperBound, tokens[mentionRange.upperBound].isWord, !tokens[mentionRange.upperBound].isCapitalized,
                Self.isPersonNoun(tokens[mentionRange.upperBound].text)
                    || type == .norp && tokens[mentionRange.upperBound].text == "and"
                        && (mentionRange.upperBound..<min(range.upperBound, mentionRange.upperBound + 4)).contains(where: { Self.isPersonNoun(tokens[$0].text) })
            {
                continue
            }
            // A place or nationality speaks only as the verb's very subject ("Washington said");
            // a group also after "of" ("36 percent of Democrats said").
            let adjacent =
                preferLast
                ? mentionRange.upperBound >= range.upperBound && !(governed && type != .norp) : mentionRange.lowerBound <= range.lowerBound
            if firstOther == nil, type == .org || adjacent { firstOther = (entity, mentionRange) }
            if preferLast, mentionRange.upperBound == verbEdge || mentionRange.upperBound == subjectEdge, verbEdge < range.upperBound || range.upperBound < tokens.count, !governed,
                !joinsNames(before: mentionRange.lowerBound, from: range.lowerBound)
            {
                otherNextToVerb = (entity, mentionRange)
            }
        }
        // "Forbes and Wealth-X say": organisations named together speak together too.
        if preferLast, people.isEmpty, let (entity, first) = firstOther, entities[entity].type == .org,
            let joint = jointSubject(from: first.lowerBound, in: range, edge: subjectEdge, of: .org)
        {
            return joint
        }
        // "Critics of the Pemberton Council said": the people of the organisation, described.
        if people.isEmpty, let place = homesOfPeople.last, [verbEdge, subjectEdge].contains(place.upperBound) {
            return SpeakerPhrase(tokens: range.lowerBound..<place.upperBound, entity: nil, confidence: 0.65)
        }
        if let (entity, mentionRange) = otherNextToVerb, people.last.map({ $0.1.upperBound <= mentionRange.lowerBound }) ?? true,
            range.upperBound < tokens.count, Self.isSpeechVerb(tokens[range.upperBound].text)
        {
            return SpeakerPhrase(tokens: mentionRange, entity: entity, confidence: 0.85)
        }
        // "Hale spoke and critics said": people opening a clause of their own after "and",
        // not the name in the clause before.
        if preferLast, let last = people.last, let plural = pluralPeople(endingAt: subjectEdge, floor: last.1.upperBound),
            plural.tokens.lowerBound - 2 >= last.1.upperBound, Lexicon.andOrBut.contains(tokens[plural.tokens.lowerBound - 1]),
            case let before = tokens[plural.tokens.lowerBound - 2], before.isLowercase, mention(at: plural.tokens.lowerBound - 2) == nil,
            // Not a joint subject: "The Ruiz campaign and some experts alleged".
            !Self.isPersonNoun(before.text), !Self.organisationalRoles.contains(before)
        {
            return plural
        }
        // After a postposed cue ("said Doyle and others,") the names run to a punctuation mark.
        let jointEdge =
            preferLast
            ? subjectEdge
            : people.first.map { first in
                (min(first.1.upperBound, range.upperBound)..<range.upperBound).first { !tokens[$0].isWord && tokens[$0].kind != .possessive } ?? range.upperBound
            }
        if let first = people.first, let jointEdge, let joint = jointSubject(from: first.1.lowerBound, in: range, edge: jointEdge, runsOn: !preferLast) {
            return joint
        }
        if let first = people.first {
            // "Trump campaign spokesman Jason Miller added": the titled name speaks, not the
            // name that qualifies the title.
            let last = people[people.count - 1]
            let titled =
                last.1.lowerBound > range.lowerBound && tokens[last.1.lowerBound - 1].isWord
                && Self.isTitleWord(tokens[last.1.lowerBound - 1].text)
            // "With celebrity Barbra Streisand, Clinton called", "“...,” Trump lawyer Marc
            // Kasowitz said": a name right before the verb is its subject; but in "Biden and
            // Harris said" the pair opens with the first.
            let joinsPair = joinsNames(before: last.1.lowerBound, from: range.lowerBound)
            let nextToVerb =
                (last.1.upperBound == verbEdge || last.1.upperBound == subjectEdge) && range.upperBound < tokens.count
                && Self.isSpeechVerb(tokens[range.upperBound].text) && !joinsPair
            // "said Clinton campaign manager Robby Mook": after the verb too, when only words
            // of the title lie between the two names.
            let titleBetween =
                titled && !preferLast && first.1.upperBound <= last.1.lowerBound
                && (first.1.upperBound..<last.1.lowerBound).allSatisfy { tokens[$0].isCapitalized || Self.isTitleWord(tokens[$0].text) }
            let chosen = people.count > 1 && (preferLast && titled || nextToVerb || titleBetween) ? last : first
            return SpeakerPhrase(tokens: chosen.1, entity: chosen.0, confidence: 0.9)
        }
        let openingThe = opensWithThe(range)
        for index in range where tokens[index].isWord {
            // A kind of company or medium in capitals is a name ("Carrier"); a medium is the
            // speaker only as the head of "the ... newspaper" ("people familiar with the network",
            // "a source at the station" are not).
            let isRoleNoun =
                Lexicon.roleNouns.containsLowercased(tokens[index]) || Self.organisationalRoles.contains(tokens[index])
                || Self.mediaKinds[tokens[index].text] != nil && index == range.upperBound - 1 && openingThe != nil
                    && !range.contains { Lexicon.prepositions.contains(tokens[$0]) }
            guard isRoleNoun || Self.relatedPeople.containsLowercased(tokens[index]) else { continue }
            // "Senator Marcus Feld's aides", "Critics of Governor Alma Reyes": the title of the
            // name right after it heads nothing.
            if tokens[index].isCapitalized, let (entity, name) = mention(at: index + 1), name.lowerBound == index + 1, entities[entity].type == .person {
                continue
            }
            // "Leaders of the organization", "The rejection of the party": the role completes a
            // noun before "of"; people there speak, described, and anything else names nobody.
            let of = index - 1 > range.lowerBound && Lexicon.articles.containsLowercased(tokens[index - 1]) ? index - 2 : index - 1
            // Not "Some of the party's MPs": a count, and the role owning what follows it.
            let ownsNext = index + 1 < range.upperBound && tokens[index + 1].kind == .possessive
            if of > range.lowerBound, tokens[of].text == "of", !ownsNext, case let noun = tokens[of - 1], noun.isWord, mention(at: of - 1) == nil,
                !Lexicon.roleNouns.containsLowercased(noun), !Self.isTitleWord(noun.text), !Self.countsPeople(noun.text)
            {
                let people = Self.isPersonNoun(noun.text.lowercased()) || Self.namesPeopleInPlural(noun.text.lowercased())
                if people { return SpeakerPhrase(tokens: range.lowerBound..<(index + 1), entity: nil, confidence: 0.65) }
                continue
            }
            // "the Harris County Sheriff's Office", "the Bank of Japan": a word of an organisation's
            // name is no role, and the organisation speaks; not the chief in "the Police Department chief".
            if tokens[index].isCapitalized, let (entity, mentionRange) = mention(at: index), entities[entity].type == .org {
                let qualifiesRole = mentionRange.upperBound < range.upperBound && Lexicon.roleNouns.contains(tokens[mentionRange.upperBound])
                if !qualifiesRole { return SpeakerPhrase(tokens: mentionRange, entity: entity, confidence: 0.85) }
                continue
            }
            // "Okafor's cousin said", "his brother said": a relative the article does not name.
            if !isRoleNoun {
                // "according to HuffPost Pollster": a word of a name is no relative.
                if mention(at: index) != nil { continue }
                return SpeakerPhrase(tokens: range.lowerBound..<(index + 1), entity: nil, confidence: 0.7)
            }
            // "a senior administration official", "party leaders", "the club's manager": the
            // last role noun is the head.
            if index + 1 < range.upperBound, Lexicon.roleNouns.containsLowercased(tokens[index + 1]) { continue }
            // "campaign aides", "court filings": a plural noun after it is the head, described
            // when right before the verb in a phrase with no verb of its own ("the company offers").
            if index + 1 < range.upperBound, case let next = tokens[index + 1], next.isWord, next.isLowercase, next.text.hasSuffix("s"), !next.text.hasSuffix("ss"),
                !Lexicon.speechVerbs.contains(next), !Lexicon.prepositions.contains(next), !ReportedSpeechFinder.mayBeFiniteVerb(next.text)
            {
                let clean = !(range.lowerBound..<index).contains { ReportedSpeechFinder.mayBeFiniteVerb(tokens[$0].text) || Lexicon.subjectPronouns.containsLowercased(tokens[$0]) }
                if index + 2 == range.upperBound, clean { return SpeakerPhrase(tokens: range.lowerBound..<(index + 2), entity: nil, confidence: 0.65) }
                continue
            }
            if index + 1 < range.upperBound, tokens[index + 1].kind == .possessive,
                ((index + 2)..<min(range.upperBound, index + 5)).contains(where: {
                    Lexicon.roleNouns.containsLowercased(tokens[$0]) && !Self.organisationalRoles.containsLowercased(tokens[$0])
                })
            {
                continue
            }
            let role = tokens[index].text.lowercased()
            // "a Justice Department spokesman", "a White House spokeswoman": the spokesperson
            // is the organisation's voice, as in "a spokesman for the Justice Department".
            if Self.spokespeople.contains(role), index > range.lowerBound, let (entity, mentionRange) = mention(at: index - 1),
                [.org, .gpe].contains(entities[entity].type)
            {
                return SpeakerPhrase(tokens: mentionRange, entity: entity, confidence: 0.8)
            }
            // "her statement said", "his office said": the owner speaks; but "his son said" is
            // the son, whom the article may have named ("his son Jamie Tanner").
            if index > range.lowerBound, ["his", "her", "its"].contains(tokens[index - 1].text.lowercased()) {
                let owner = tokens[index - 1].text.lowercased()
                let entity =
                    Self.kin.contains(role) || Self.representatives.contains(role)
                    ? namedRelative(role, before: index - 1) : resolvePronoun(owner, before: index - 1)
                return SpeakerPhrase(tokens: (index - 1)..<(index + 1), entity: entity, confidence: 0.7)
            }
            // "a spokesman for (the) Carrow Health Partners", "a statement (released) by the
            // ministry": the organisation speaks; "the former CEO of Hewlett-Packard" is a person.
            let linkWord =
                index + 2 < range.upperBound && SpeechCues.statementNouns.contains(role) && SpeechCues.issuingVerbs.contains(tokens[index + 1])
                ? index + 2 : index + 1
            let named =
                linkWord + 1 < range.upperBound && Lexicon.articles.containsLowercased(tokens[linkWord + 1]) ? linkWord + 2 : linkWord + 1
            // "from" and "by" only after what is issued: "a senator from Texas" is a person. A role
            // ending the text ("“...,” a spokesman") has no word after it.
            let link = linkWord < range.upperBound ? tokens[linkWord].text : ""
            let issued = SpeechCues.statementNouns.contains(role) || Self.spokespeople.contains(role)
            if named < range.upperBound, ["for", "of", "at"].contains(link) || issued && ["from", "by"].contains(link), !Self.personOfOrganisation.contains(role),
                !Self.representatives.contains(role), let (entity, mentionRange) = mention(at: named)
            {
                return SpeakerPhrase(tokens: mentionRange, entity: entity, confidence: 0.8)
            }
            // "a spokesman for the department": the organisation the article named as one.
            if Self.spokespeople.contains(role), link == "for", named > linkWord + 1, named + 1 == range.upperBound,
                Self.organisationalRoles.contains(tokens[named]), let organisation = resolveRole(tokens[named].text, before: named)
            {
                return SpeakerPhrase(tokens: (named - 1)..<(named + 1), entity: organisation, confidence: 0.7)
            }
            let isPersonRole = !Self.organisationalRoles.contains(role)
            if isPersonRole || firstOther == nil {
                // "the Florida senator", "the former secretary of state"; not "the hospital's
                // director", "the mayor's office" nor "the leader of the opposition".
                let ofSomething = index + 2 < range.upperBound && tokens[index + 1].text == "of" && Lexicon.articles.containsLowercased(tokens[index + 2])
                let possessed = (range.lowerBound...min(index + 1, range.upperBound - 1)).contains { tokens[$0].kind == .possessive }
                let definite = openingThe != nil && !possessed && !ofSomething
                // "the former CEO of Hewlett-Packard": someone named for what they were.
                let former =
                    (range.lowerBound..<index).contains { tokens[$0].text.lowercased() == "former" }
                    && !((openingThe ?? range.lowerBound)..<index).contains { tokens[$0].text == "," }
                let holder =
                    resolveRole(role, before: range.lowerBound) ?? (definite ? personJustQuoted(calledThe: role, before: range.lowerBound) : nil)
                    ?? (definite && former ? personDescribed(as: role, before: range.lowerBound) : nil)
                return SpeakerPhrase(tokens: range.lowerBound..<(index + 1), entity: holder, confidence: 0.7)
            }
        }
        if let described = describedPerson(in: range.lowerBound..<verbEdge) { return described }
        // "Critics said ...", and after a quotation "“...,” critics said".
        let afterQuotation =
            range.lowerBound > 0 && (tokens[range.lowerBound - 1].isQuoteMark || tokens[range.lowerBound - 1].text == ",")
            && range.upperBound < tokens.count && Lexicon.postposableVerbs.contains(tokens[range.upperBound])
        // "according to analysts", "said independent analysts": right after the cue, its words.
        let afterCue =
            range.lowerBound >= 2 && SpeechCues.isAccordingTo(at: range.lowerBound - 2, tokens, before: range.lowerBound)
            || range.lowerBound >= 1 && Lexicon.postposableVerbs.contains(tokens[range.lowerBound - 1])
        let wordsEnd = afterCue ? range.first { !tokens[$0].isWord } ?? range.upperBound : nil
        let beforeVerb = preferLast ? subjectEdge : afterQuotation ? verbEdge : wordsEnd
        // "Alphabet's founders have said", "Senate Republican leaders insisted": the people, not
        // the organisation that qualifies them.
        if let beforeVerb, let people = pluralPeople(endingAt: beforeVerb, floor: range.lowerBound),
            firstOther.map({ people.tokens.contains($0.1.lowerBound) }) ?? true
        {
            return people
        }
        if let (entity, mentionRange) = firstOther { return SpeakerPhrase(tokens: mentionRange, entity: entity, confidence: 0.85) }
        // "Research suggests", "Exit polls told": a document no one is named as issuing is
        // the source as written, described, never a person.
        if let documentBeforeVerb { return documentBeforeVerb.phrase }
        // "Shoprite said": a name the tagger missed, opening the sentence before its verb.
        // Not a kicker before a colon ("Bombshell: ...").
        if preferLast, subjectEdge == range.lowerBound + 1, subjectEdge < tokens.count, tokens[subjectEdge].isWord, isUnknownName(at: range.lowerBound) {
            return SpeakerPhrase(tokens: range.lowerBound..<subjectEdge, entity: nil, confidence: 0.5)
        }
        return nil
    }

    /// A capitalised word opening its sentence that is no everyday word, in the article or
    /// in newswire ("Shoprite", "Gardaí"; not "Officials", "Many", "Yesterday").
    private func isUnknownName(at index: Int) -> Bool {
        let tokens = document.tokens
        let token = tokens[index]
        guard token.isWord, token.isCapitalized, mention(at: index) == nil, index == 0 || tokens[index - 1].sentence != token.sentence else { return false }
        return !Gazetteer.shared.commonWords.containsLowercased(token) && !document.isWrittenInLowercase(token)
            && !Lexicon.subjectPronouns.containsLowercased(token) && !SpeechCues.determiners.containsLowercased(token)
            && !SpeechCues.timeWords.containsLowercased(token)
    }

    /// "Research", "Projections", "Another ranking", "FEC filings", "Axelrod's memoir": a short
    /// phrase right before the verb whose head is a document or a set of figures, opening its
    /// clause; `issued` says whether it names who issued it.
    private func documentSource(endingAt edge: Int, floor: Int) -> (phrase: SpeakerPhrase, issued: Bool)? {
        let tokens = document.tokens
        guard edge > floor, tokens[edge - 1].isWord, Self.documentNouns.containsLowercased(tokens[edge - 1]), mention(at: edge - 1) == nil else { return nil }
        var start = edge - 1
        var issued = false
        while start > floor, edge - start < 6 {
            let previous = start - 1
            // The issuer: a name, read through its possessive ("Farley's account").
            if let (_, mentionRange) = mention(at: previous), mentionRange.lowerBound >= floor {
                issued = true
                start = mentionRange.lowerBound
                continue
            }
            if tokens[previous].kind == .possessive, previous > floor, mention(at: previous - 1) != nil {
                start = previous
                continue
            }
            let word = tokens[previous].text
            guard tokens[previous].isWord || tokens[previous].kind == .number,
                !Lexicon.prepositions.containsLowercased(word), !Self.phraseBreaks.containsLowercased(word), !Lexicon.speechVerbs.contains(word),
                !Self.isVerbModifier(word.lowercased()), !Lexicon.subjectPronouns.containsLowercased(word)
            else { break }
            start = previous
        }
        // The phrase opens its clause: at the floor or after a comma or joining word.
        guard start == floor || tokens[start - 1].text == "," || QuoteAttributor.conjunctions.containsLowercased(tokens[start - 1]) else { return nil }
        return (SpeakerPhrase(tokens: start..<edge, entity: nil, confidence: 0.6), issued)
    }

    /// "according to F.A.A. records,", "according to census data": a document phrase that is
    /// the whole of the words after the cue.
    private func documentSource(startingAt start: Int, before limit: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        guard let head = (start..<min(limit, start + 6)).first(where: { tokens[$0].isLowercase && Self.documentNouns.contains(tokens[$0]) }),
            head + 1 == limit || !tokens[head + 1].isWord && tokens[head + 1].kind != .possessive,
            let found = documentSource(endingAt: head + 1, floor: start), found.phrase.tokens.lowerBound == start
        else { return nil }
        return found.phrase
    }

    /// "Democrats trying to regain the Senate say", "House Republicans supporting the bill
    /// said", "Chinese military commentators said": people opening the clause, qualified by a
    /// name before them or a phrase after them up to the verb, speak as described; a name in
    /// the phrase is not who speaks.
    private func qualifiedPeople(in range: Range<Int>) -> SpeakerPhrase? {
        let tokens = document.tokens
        var start = range.lowerBound
        if let comma = range.last(where: { tokens[$0].text == "," }) { start = comma + 1 }
        while start < range.upperBound, QuoteAttributor.conjunctions.containsLowercased(tokens[start]) || Lexicon.articles.containsLowercased(tokens[start]) {
            start += 1
        }
        guard range.upperBound - start >= 2, range.upperBound - start <= 12 else { return nil }
        func isPeople(_ index: Int) -> Bool {
            let word = tokens[index].text
            if let (entity, mentionRange) = mention(at: index) { return entities[entity].type == .norp && mentionRange == index..<(index + 1) && word.hasSuffix("s") }
            let lowered = word.lowercased()
            return (tokens[index].isLowercase || index == start) && (Self.namesPeopleInPlural(lowered) || lowered == "people")
        }
        // Names and adjectives before the people.
        var head = start
        while head < range.upperBound, !isPeople(head) {
            let word = tokens[head].text
            guard head - start < 4, tokens[head].isWord, !Lexicon.prepositions.contains(word),
                !Self.phraseBreaks.contains(word), !Self.isVerbModifier(word), !Lexicon.speechVerbs.contains(word), !Self.isPersonNoun(word)
            else { return nil }
            head += 1
        }
        guard head < range.upperBound else { return nil }
        // After them, nothing, another group ("Both Democrats and Republicans"), or a participle
        // or place phrase with no clause of its own.
        let after = (head + 1)..<range.upperBound
        let pairsGroups =
            after.count >= 2 && after.count <= 4 && tokens[head + 1].text == "and" && isPeople(range.upperBound - 1)
            && after.allSatisfy { tokens[$0].isWord }
        if pairsGroups { return SpeakerPhrase(tokens: start..<range.upperBound, entity: nil, confidence: 0.65) }
        if let first = after.first {
            let word = tokens[first].text
            let opensModifier = tokens[first].isLowercase && (Self.isParticipleForm(word) || Lexicon.prepositions.contains(word))
            guard opensModifier, !["of", "to", "for"].contains(word),
                after.allSatisfy({ tokens[$0].isWord && !Self.phraseBreaks.contains(tokens[$0]) && !SpeakerDescription.isClauseWord(tokens[$0].text) })
            else { return nil }
        }
        // Only where a name or a place qualifies the people, or they are a named group
        // ("Democrats involved in the talks"); otherwise the plural rules answer, without the
        // participle ("Protesters marching through the streets chanted").
        let qualified =
            (start..<range.upperBound).contains { $0 != head && tokens[$0].isCapitalized } || mention(at: head) != nil
            || after.first.map { Lexicon.prepositions.contains(tokens[$0]) } ?? false
        return qualified ? SpeakerPhrase(tokens: start..<range.upperBound, entity: nil, confidence: 0.65) : nil
    }

    private static let documentNouns: WordSet = [
        "research", "study", "studies", "report", "reports", "poll", "polls", "survey", "surveys", "projections", "estimates",
        "figures", "filings", "records", "data", "analysis", "analyses", "ranking", "rankings", "account", "accounts", "memo",
        "documents", "audit", "forecast", "forecasts", "memoir", "regulations", "ad", "ads", "agreement", "form", "forms",
    ]

    /// "Demonstrators said", "Authorities announced", "state lawmakers have not said": people
    /// the article counts but does not name, the plural right before the verb and the words
    /// that qualify it.
    private func pluralPeople(endingAt edge: Int, floor: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        guard edge > floor else { return nil }
        if let counted = countedPeople(endingAt: edge, floor: floor) { return counted }
        guard tokens[edge - 1].isWord else { return nil }
        // "Protesters outside parliament said", "Fans outside the ground after the match said":
        // the people before a short place or time phrase.
        if let place = ((max(floor, edge - 4))..<(edge - 1)).last(where: {
            Lexicon.prepositions.contains(tokens[$0]) || Self.placePrepositions.contains(tokens[$0]) || ["after", "before"].contains(tokens[$0].text)
        }), place > floor,
            ((place + 1)..<edge).allSatisfy({ tokens[$0].isWord }), let people = pluralPeople(endingAt: place, floor: floor)
        {
            return people
        }
        // "Protesters marching through the streets chanted", "People briefed on the talks say":
        // the people before a participle phrase.
        let participleWindow = max(floor + 1, edge - 5)..<max(floor + 1, edge - 1)
        if let participle = participleWindow.last(where: { tokens[$0].isLowercase && Self.isParticipleForm(tokens[$0].text) }),
            ((participle + 1)..<edge).allSatisfy({ tokens[$0].isWord }), let people = pluralPeople(endingAt: participle, floor: floor)
        {
            return people
        }
        // "The fact that he owns three helicopters suggests": a plural is no subject of a verb
        // in the singular.
        if edge < tokens.count, ["says", "suggests", "argues", "claims", "insists", "notes", "adds", "is", "was", "has"].contains(tokens[edge].text) {
            return nil
        }
        let head = tokens[edge - 1].text.lowercased()
        // "Companies say": capitalised only as the sentence's first word, and no name.
        let opensSentence = edge - 1 == 0 || tokens[edge - 2].sentence != tokens[edge - 1].sentence
        guard tokens[edge - 1].isLowercase || opensSentence && mention(at: edge - 1) == nil,
            Self.headsPeopleInPlural(head)
        else { return nil }
        var start = edge - 1
        while start > floor, edge - start < 4 {
            // "Ruiz's opponents": the owner, read through its possessive.
            if start - 2 >= floor, tokens[start - 1].kind == .possessive, tokens[start - 2].isWord {
                start -= 2
                continue
            }
            let previous = tokens[start - 1].text
            guard tokens[start - 1].isWord, !Lexicon.prepositions.containsLowercased(previous), !Self.phraseBreaks.containsLowercased(previous),
                !Lexicon.speechVerbs.contains(previous), !Self.namesNoPeople(previous.lowercased())
            else { break }
            start -= 1
        }
        // "those who back her opponents say": after "who" the people are its verb's object
        // ("which critics said" has them as its subject); so after an auxiliary ("who have
        // battled online threats say").
        if start > floor, tokens[start - 1].text.lowercased() == "who" || Self.isVerbModifier(tokens[start - 1].text.lowercased()) { return nil }
        // "Politicians and even some technologists say": both groups.
        if start - 1 > floor, tokens[start - 1].text == "and", let first = pluralPeople(endingAt: start - 1, floor: floor) {
            return SpeakerPhrase(tokens: first.tokens.lowerBound..<edge, entity: nil, confidence: 0.7)
        }
        // "Democratic and independent analysts say", "Conservative and Liberal Democrat
        // councillors said": a party or nationality qualifying the group too.
        if start - 2 >= floor, tokens[start - 1].text == "and", let qualifier = groupQualifier(endingAt: start - 1, floor: floor) {
            return SpeakerPhrase(tokens: qualifier..<edge, entity: nil, confidence: 0.7)
        }
        return SpeakerPhrase(tokens: start..<edge, entity: nil, confidence: 0.7)
    }

    /// Where a qualifier of a group ending at `end` ("Democratic", "Conservative") starts: a
    /// nationality or party, or a short run of capitalised words opening the phrase; not a
    /// plural ("Democrats and analysts" are two groups).
    private func groupQualifier(endingAt end: Int, floor: Int) -> Int? {
        let tokens = document.tokens
        guard !tokens[end - 1].text.hasSuffix("s") else { return nil }
        if let (entity, qualifier) = mention(at: end - 1), qualifier.upperBound == end, entities[entity].type == .norp { return qualifier.lowerBound }
        var start = end
        while start > floor, end - start < 3, tokens[start - 1].isWord, tokens[start - 1].isCapitalized { start -= 1 }
        guard start < end, start == floor || Self.isNounDeterminer(tokens[start - 1]) || Self.quantifiers.containsLowercased(tokens[start - 1]) else { return nil }
        return start
    }

    private static let phraseBreaks: WordSet = [
        "and", "or", "but", "that", "which", "who", "what", "where", "while", "when", "how", "why", "as", "if", "because", "than",
    ]

    /// "Twenty-four percent said", "Two in three said", "Some of the women said", "Others
    /// argue", "Almost half of respondents said": a share of people, counted, as the whole
    /// subject up to the verb; nil when the phrase names anyone.
    private func countedPeople(endingAt edge: Int, floor: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        var start = edge
        // "more than four in 10": "than" after a comparative is part of the count.
        func comparesCount(_ index: Int) -> Bool { tokens[index].text == "than" && index > floor && ["more", "fewer", "less"].contains(tokens[index - 1].text.lowercased()) }
        while start > floor, edge - start < 10, tokens[start - 1].isWord || tokens[start - 1].kind == .number || tokens[start - 1].text == "%",
            !Self.phraseBreaks.containsLowercased(tokens[start - 1]) || comparesCount(start - 1), !Lexicon.speechVerbs.contains(tokens[start - 1])
        {
            start -= 1
        }
        guard start < edge, !(start..<edge).contains(where: { mention(at: $0).map { entities[$0.0].type == .person } ?? false }) else { return nil }
        // Past hedges before a count: "Some 56 percent", "Almost half", "Nearly nine out of 10".
        var first = start
        while first < edge - 1, Self.countHedges.containsLowercased(tokens[first]),
            tokens[first + 1].kind == .number || Self.numberWords.containsLowercased(tokens[first + 1])
                || Self.quantifiers.containsLowercased(tokens[first + 1]) || Self.countHedges.containsLowercased(tokens[first + 1])
        {
            first += 1
        }
        let opening = tokens[first].text.lowercased()
        let isNumber = tokens[first].kind == .number || Self.numberWords.contains(opening.split(separator: "-").first.map(String.init) ?? opening)
        let counts: Bool
        if isNumber {
            // "56 percent", "Two in three", "nine out of 10", "Two others"; not "Two years".
            let next = first + 1 < edge ? tokens[first + 1].text.lowercased() : (tokens[first].text.hasSuffix("%") ? "%" : "")
            // "One says ..., while another says ...": one of those counted, alone before the verb.
            let oneAlone = opening == "one" && first + 1 == edge && tokens[first].isCapitalized
            counts = ["percent", "%", "in", "out", "others"].contains(next) || tokens[first].text.hasSuffix("%") || oneAlone
        } else if ["another", "each"].contains(opening) {
            // "Another said", "Each side said": one of people counted before.
            counts = first + 1 == edge || first + 2 == edge && tokens[first + 1].isLowercase && !tokens[first + 1].text.hasSuffix("s")
        } else {
            counts = Self.quantifiers.contains(opening) && (first + 1 == edge || ["of", "in"].contains(tokens[first + 1].text))
        }
        guard counts else { return nil }
        // "Many of you said": a pronoun only after "of"; "Some said they" ends before it anyway.
        let pronounSubject = (first..<edge).contains { index in
            Lexicon.subjectPronouns.containsLowercased(tokens[index]) && !(index > first && tokens[index - 1].text == "of")
        }
        return pronounSubject ? nil : SpeakerPhrase(tokens: start..<edge, entity: nil, confidence: 0.65)
    }

    /// "Some", "many", "one", "a number", "dozens": a word counting people of a group after it.
    private static func countsPeople(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return quantifiers.contains(lowered) || numberWords.contains(lowered) || countHedges.contains(lowered)
            || ["number", "handful", "third", "quarter", "rest", "all", "none", "each", "one"].contains(lowered)
    }

    private static let countHedges: WordSet = [
        "some", "almost", "nearly", "about", "roughly", "only", "just", "around", "fully", "barely", "more", "fewer", "less", "than",
    ]
    private static let quantifiers: WordSet = [
        "half", "majority", "minority", "most", "many", "several", "some", "others", "both", "few", "dozens", "hundreds", "thousands",
    ]

    /// "a source at the club", "sources close to the talks", "people familiar with the plan",
    /// "the source": someone the article does not name, whatever the phrase goes on to name.
    private func unnamedSource(in range: Range<Int>) -> SpeakerPhrase? {
        guard let head = SpeechCues.unnamedSourceHead(in: range, document.tokens) else { return nil }
        // "Another source speaking to Fox News said": the source, not whom it spoke to.
        var range = range
        if head + 1 < range.upperBound, document.tokens[head + 1].isLowercase, document.tokens[head + 1].text.hasSuffix("ing") {
            range = range.lowerBound..<(head + 1)
        }
        // "The source of the leak, former contractor Edward Snowden, said" names the source;
        // "a source close to Smith" does not.
        let namesSomeone = personMentions[Self.positions(range, in: personMentions)].contains { position, _ in
            !governedByPreposition(mentionTokens(startingAt: position), floor: range.lowerBound)
        }
        return namesSomeone ? nil : SpeakerPhrase(tokens: range, entity: nil, confidence: 0.7)
    }

    /// "Kayode Adeleke, the governor said": a description right before the verb, after a
    /// comma and with none after it, is the verb's subject, not the name before the comma.
    /// So is one introducing someone new ("Clinton caused a stir when an Iowa voter asked"),
    /// who stays unnamed.
    private func descriptionBeforeVerb(_ range: Range<Int>, verbEdge: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        guard verbEdge > range.lowerBound + 1 else { return nil }
        let role = tokens[verbEdge - 1].text
        // "Asked about Bush, the Florida Republican would only say", "The Wisconsin Republican
        // said": a member of a group, in the singular, describes someone, opening the phrase too;
        // but "The Tennessean reported" opening a sentence names a newspaper.
        let member = !role.hasSuffix("s") && mention(at: verbEdge - 1).map { entities[$0.0].type == .norp } == true
        guard
            let determiner = (max(range.lowerBound, verbEdge - 4)..<verbEdge).first(where: {
                ["the", "a", "an", "one"].contains(tokens[$0].text.lowercased())
            }),
            determiner + 1 < verbEdge,
            // Lower-case words, or a name that qualifies the description ("the GOP front-runner").
            ((determiner + 1)..<verbEdge).allSatisfy({ index in
                guard tokens[index].isWord else { return false }
                guard let (entity, _) = mention(at: index) else { return !tokens[index].isCapitalized }
                return entities[entity].type != .person
            })
        else { return nil }
        let before = determiner > range.lowerBound ? tokens[determiner - 1].text.lowercased() : nil
        if tokens[determiner].text.lowercased() != "the" {
            // Not an apposition ("Ruiz, a senator, said" ends in a comma) nor a pair ("Ruiz and a
            // senator"); "a Treasury spokesman" is the organisation's voice, as the role rules say.
            // A place's voice only through its officials: "a U.S. official", not "an Iowa voter".
            let speaksForPlace = Self.spokespeople.contains(role) || ["official", "officials"].contains(role)
            let organisationBefore = mention(at: verbEdge - 2).map { entities[$0.0].type == .org || speaksForPlace && entities[$0.0].type == .gpe } == true
            guard before == nil || before == "," || Lexicon.subordinators.contains(before ?? ""), Self.isPersonNoun(role.lowercased()) || member,
                !Self.organisationalRoles.contains(role), !organisationBefore
            else { return nil }
            return SpeakerPhrase(tokens: determiner..<verbEdge, entity: nil, confidence: 0.6)
        }
        guard before.map({ $0 == "," }) ?? (member && (tokens[determiner].text == "the" || determiner + 2 < verbEdge)),
            Lexicon.roleNouns.contains(role) || Self.backReferences.contains(role) || member, !Self.organisationalRoles.contains(role)
        else { return nil }
        let holder =
            member
            ? personDescribed(as: role.lowercased(), before: determiner)
            : resolveRole(role, before: determiner) ?? personJustQuoted(calledThe: role, before: determiner)
                ?? personDescribed(as: role, before: determiner)
        return SpeakerPhrase(tokens: determiner..<verbEdge, entity: holder, confidence: 0.6)
    }

    /// "his son Jamie Tanner", "her lawyer, Ann Ode": the person the article introduced as
    /// someone's `relation`.
    private func namedRelative(_ relation: String, before token: Int) -> Int? {
        let tokens = document.tokens
        return personMentions[Self.positions(0..<token, in: personMentions)].last { position, _ in
            let noun = position >= 3 && tokens[position - 1].text == "," ? position - 2 : position - 1
            return noun >= 1 && tokens[noun].text.lowercased() == relation && Lexicon.personalPossessives.containsLowercased(tokens[noun - 1])
        }?.1
    }

    /// Roles that make someone a person of an organisation, not its voice ("the CEO of X").
    private static let personOfOrganisation: WordSet = [
        "ceo", "executive", "chairman", "chairwoman", "founder", "owner", "president", "director", "manager", "coach",
        "chief", "leader", "professor", "researcher", "scientist", "economist", "analyst", "employee", "member",
        "mayor", "governor", "minister", "premier", "head", "commissioner", "councillor", "councilor", "resident", "teacher",
    ]

    /// Relations a role noun may name: "his son said" is the son, not his.
    static let spokespeople: WordSet = ["spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"]
    private static let kin: WordSet = ["son", "daughter", "father", "mother", "husband", "wife"]
    /// Others who speak for someone in their own voice: "his lawyer said" is the lawyer's.
    private static let representatives: WordSet = [
        "lawyer", "attorney", "doctor", "agent", "lawyers", "attorneys", "solicitor", "solicitors", "barrister", "barristers", "advocate",
    ]

    /// "the striker", "the 24-year-old", "the Norwegian", "the Wisconsin Republican": a
    /// description, ending the phrase, for someone the article named.
    private func describedPerson(in phrase: Range<Int>) -> SpeakerPhrase? {
        let tokens = document.tokens
        // "“...,” said the 24-year-old.": not the stop after it.
        var end = phrase.upperBound
        while end > phrase.lowerBound, tokens[end - 1].kind == .punctuation { end -= 1 }
        let range = phrase.lowerBound..<end
        guard let the = opensWithThe(range), (2...5).contains(range.upperBound - the), let head = range.last, tokens[head].isWord,
            !(the..<range.upperBound).contains(where: { tokens[$0].kind == .possessive || tokens[$0].isQuoteMark || tokens[$0].text == "," })
        else { return nil }
        // "24-year-old" may be several tokens: the description is the words after "the".
        let words = document.text(tokens: (the + 1)..<range.upperBound).lowercased()
        let word = tokens[head].text.lowercased()
        // A member of a group, in the singular: "the Norwegian", not "the Democrats".
        let member = !word.hasSuffix("s") && mention(at: head).map { entities[$0.0].type == .norp } == true
        // "the mother-of-two", "the father-of-three": the parent, whose gender must fit.
        let parent = ["mother", "father", "mum", "dad", "grandmother", "grandfather"].first { words.hasPrefix($0 + "-of-") }
        guard Self.backReferences.contains(word) || words.hasSuffix("-year-old") || parent != nil || member else { return nil }
        return SpeakerPhrase(tokens: the..<range.upperBound, entity: personDescribed(as: parent ?? word, before: the), confidence: 0.6)
    }

    /// "The Arizona Republican survived prison and says", "The striker scored twice": a
    /// description of someone the article named, opening a clause before its verb, is the
    /// clause's subject, whoever the verb's object names.
    func describedPersonOpening(at start: Int, before limit: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        guard start + 2 < limit, tokens[start].text.lowercased() == "the" else { return nil }
        guard let verb = ((start + 2)..<min(start + 6, limit)).first(where: { tokens[$0].isLowercase || !tokens[$0].isWord }), tokens[verb].isLowercase,
            !Lexicon.prepositions.contains(tokens[verb]), !Self.phraseBreaks.contains(tokens[verb])
        else { return nil }
        return describedPerson(in: start..<verb).flatMap { $0.entity == nil ? nil : $0 }
    }

    /// "Lawyers for Pell seemed to resist the request, saying ...", "Some angry voters left
    /// early and said ...": people counted or described as the clause's opening subject,
    /// the phrase up to the first word that can be its verb.
    func peopleOpening(at start: Int, before limit: Int) -> SpeakerPhrase? {
        let tokens = document.tokens
        let first = start + 1 < limit && QuoteAttributor.conjunctions.containsLowercased(tokens[start]) ? start + 1 : start
        guard first < limit, !Lexicon.prepositions.containsLowercased(tokens[first]), !Lexicon.subordinators.containsLowercased(tokens[first]),
            !Lexicon.subjectPronouns.containsLowercased(tokens[first])
        else { return nil }
        // A word in -s may be the verb or the people's noun ("Both parents denounced"): a
        // later word that can only be a verb decides.
        var tentative: SpeakerPhrase?
        for verb in (first + 1)..<min(limit, first + 8) {
            let word = tokens[verb].text
            guard tokens[verb].isWord else {
                // "Ruiz's allies": the owner's possessive is part of the people.
                if tokens[verb].kind == .possessive { continue }
                break
            }
            guard tokens[verb].isLowercase, !Lexicon.prepositions.contains(word), !Lexicon.articles.contains(word) else { continue }
            // "Some seek to ... and argue": a plural verb right after a count standing alone.
            // Not "Many unnaturalized adoptees": the verb's object or clause follows it.
            if verb == first + 1, verb + 1 < limit, !word.hasSuffix("s"), !word.hasSuffix("ed"), !Self.isPersonNoun(word),
                ["to", "that"].contains(tokens[verb + 1].text) || SpeechCues.determiners.contains(tokens[verb + 1]),
                countedPeople(endingAt: verb, floor: first) != nil
            {
                return SpeakerPhrase(tokens: first..<verb, entity: nil, confidence: 0.65)
            }
            // Not an adjective in -ed before the people ("Many unnaturalized adoptees").
            let describesNext =
                verb + 1 < limit && tokens[verb + 1].isLowercase
                && (Self.isPersonNoun(tokens[verb + 1].text) || Self.namesPeopleInPlural(tokens[verb + 1].text))
            let onlyVerb =
                word.hasSuffix("ed") && !describesNext || Self.isVerbModifier(word) || Lexicon.speechVerbs.contains(word)
                || QuoteAttributor.irregularPast.contains(word)
            guard onlyVerb || word.hasSuffix("s"), let people = pluralPeople(endingAt: verb, floor: first), people.tokens.lowerBound == first else {
                if onlyVerb { break }
                continue
            }
            // A capitalised first word may be a verb ("Preys on our worst fears and calls"):
            // people by a known word, a plural in lower case, or a count.
            let namesPeople = people.tokens.contains { index in
                let word = tokens[index].text.lowercased()
                return Self.isPersonNoun(word) || tokens[index].isLowercase && Self.namesPeopleInPlural(word)
            }
            guard namesPeople || countedPeople(endingAt: verb, floor: first) != nil else { continue }
            let phrase = SpeakerPhrase(tokens: first..<verb, entity: nil, confidence: people.confidence)
            if onlyVerb { return phrase }
            tentative = tentative ?? phrase
        }
        return tentative
    }

    /// Where "the" opens the phrase, past a joining word ("But the former governor said").
    private func opensWithThe(_ range: Range<Int>) -> Int? {
        let tokens = document.tokens
        var index = range.lowerBound
        while index < range.upperBound, index - range.lowerBound < 2, ["but", "and", "yet", "still", "so", ","].contains(tokens[index].text.lowercased()) {
            index += 1
        }
        return index < range.upperBound && tokens[index].text.lowercased() == "the" ? index : nil
    }
}
