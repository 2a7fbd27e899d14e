/// Look-ups the attributor needs: which entity a token names, and who is in focus.
final class AttributionContext {
    let document: Document
    let entities: [RecognizedEntity]
    /// Per token: the entity its mention names and the mention's tokens (an array, not a
    /// dictionary: the speaker rules ask of nearly every token).
    private let mentionsByToken: [(Int, Range<Int>)?]
    /// Person mentions outside quotes, in text order: (first token, entity).
    let personMentions: [(Int, Int)]
    let organisationMentions: [(Int, Int)]
    /// Organisations named as a sentence's subject ("The Foundation did not ..."), first token.
    let organisationSubjects: [(Int, Int)]
    /// The person who spoke the latest attributed quote, and where that quote opened.
    /// With the tokens of what that person said (the quotation or the reported content).
    var focus: (entity: Int, token: Int, said: Range<Int>)?
    /// The organisation that spoke the latest quote an organisation spoke, and where.
    private var organisationFocus: (entity: Int, token: Int)?

    init(document: Document, entities: [RecognizedEntity], candidates: [QuoteCandidate]) {
        self.document = document
        self.entities = entities
        var insideQuote = [Bool](repeating: false, count: document.tokens.count)
        for candidate in candidates where candidate.wordCount >= 4 {
            for index in candidate.inner { insideQuote[index] = true }
        }
        var byToken = [(Int, Range<Int>)?](repeating: nil, count: document.tokens.count)
        var people: [(Int, Int)] = [], organisations: [(Int, Int)] = [], subjects: [(Int, Int)] = []
        for (entityIndex, entity) in entities.enumerated() {
            for mention in entity.mentions {
                for token in mention.tokens { byToken[token] = (entityIndex, mention.tokens) }
                guard !insideQuote[mention.tokens.lowerBound] else { continue }
                if entity.type == .person { people.append((mention.tokens.lowerBound, entityIndex)) }
                if entity.type == .org {
                    organisations.append((mention.tokens.lowerBound, entityIndex))
                    if Self.opensSentence(mention.tokens.lowerBound, document) { subjects.append((mention.tokens.lowerBound, entityIndex)) }
                }
            }
        }
        mentionsByToken = byToken
        personMentions = people.sorted { $0.0 < $1.0 }
        organisationMentions = organisations.sorted { $0.0 < $1.0 }
        organisationSubjects = subjects.sorted { $0.0 < $1.0 }
    }

    /// Whether a name at `token` opens its sentence, past "The" and a joining adverb
    /// ("Meanwhile Eli Lilly is launching", "But the Foundation said").
    private static func opensSentence(_ token: Int, _ document: Document) -> Bool {
        var index = document.sentenceRange(of: token).lowerBound
        if index < token, sentenceOpeners.containsLowercased(document.tokens[index]) { index += 1 }
        if index < token, document.tokens[index].text == "," { index += 1 }
        if index < token, document.tokens[index].text.lowercased() == "the" { index += 1 }
        return index == token
    }

    private static let sentenceOpeners: WordSet = [
        "meanwhile", "now", "also", "still", "separately", "but", "and", "yet", "so", "however", "instead", "later", "earlier",
    ]

    /// The one an interview's answers are from: the person named most often before its first
    /// label ("Filmmaker Ritu Sharma ... spoke to us"), the first named on a tie.
    func interviewee(before label: Int) -> SpeakerPhrase? {
        let before = personMentions.prefix { $0.0 < label }
        var counts: [Int: Int] = [:]
        for (_, entity) in before { counts[entity, default: 0] += 1 }
        guard let chosen = before.max(by: { counts[$0.1]! < counts[$1.1]! || counts[$0.1]! == counts[$1.1]! && $0.0 > $1.0 }) else { return nil }
        return SpeakerPhrase(tokens: mentionTokens(startingAt: chosen.0), entity: chosen.1, confidence: 0.6)
    }

    /// The person whose name's words end with the label's ("EMMA CLARKE", "Okoro"), in any case.
    func person(namedLike label: Range<Int>) -> Int? {
        let words = label.filter { document.tokens[$0].isWord }.map { document.tokens[$0].text.lowercased() }
        guard !words.isEmpty else { return nil }
        return entities.indices.first { index in
            guard entities[index].type == .person else { return false }
            let name = entities[index].name.lowercased().split(separator: " ").map(String.init)
            return name.count >= words.count && Array(name.suffix(words.count)) == words
        }
    }

    /// The tokens of the mention that starts at `token`, or the token alone.
    func mentionTokens(startingAt token: Int) -> Range<Int> { mentionEntry(at: token)?.1 ?? token..<(token + 1) }

    func mention(at token: Int) -> (Int, Range<Int>)? {
        guard let found = mentionEntry(at: token) else { return nil }
        switch entities[found.0].type {
        case .person, .org, .gpe, .norp: return found
        default: return nil
        }
    }

    private func mentionEntry(at token: Int) -> (Int, Range<Int>)? { mentionsByToken.indices.contains(token) ? mentionsByToken[token] : nil }

    /// "he" / "she": the person quoted just before when of that gender and no other person
    /// of it was named since; else the most recent person of that gender (where known).
    func resolvePronoun(_ pronoun: String, before token: Int) -> Int? {
        if pronoun == "it" || pronoun == "its" { return organisationCalledIt(before: token) }
        if pronoun == "they" { return jointSubjectPair(before: token)?.first }
        let wanted: Gazetteer.Gender? = ["he", "his", "him"].contains(pronoun) ? .male : ["she", "her"].contains(pronoun) ? .female : nil
        guard let wanted else { return nil }
        func agrees(_ entity: Int) -> Bool { entities[entity].gender == wanted || entities[entity].gender == .unknown }
        // "Clinton says she appreciated ... what she calls": the sentence's speaking subject.
        // "hammered Trump, calling him": a participle after a comma is the subject's, not the object's.
        let sentenceStart = document.sentenceRange(of: token).lowerBound
        for (position, entity) in personMentions[Self.positions(sentenceStart..<token, in: personMentions)] where agrees(entity) {
            let after = mentionTokens(startingAt: position).upperBound
            if after < token, document.tokens[after].text != ",", containsSpeechVerb(after..<min(after + 2, token), document) {
                return entity
            }
        }
        if let focus, agrees(focus.entity), focus.token < token {
            // Names in the speaker's own sentence ("“...” for Clinton, said Kunin. ... she") keep
            // the speaker in focus; a later sentence naming someone else does not.
            let since = min(token, max(focus.token + 1, document.sentenceRange(of: focus.token).upperBound))
            let namedSince = personMentions[Self.positions(since..<token, in: personMentions)].contains { $0.1 != focus.entity && agrees($0.1) }
            if !namedSince { return focus.entity }
        }
        return subjectOfLatestSentence(naming: agrees, before: token, pronoun: pronoun)
    }

    /// "they": when the latest sentence naming people has two of them joined as the subject
    /// of a verb ("owners Tore Sohlberg and Lehla Abreder said ...", "Ana Ruiz and Tom Hale
    /// arrived"), the two; else nobody.
    func jointSubjectPair(before token: Int) -> [Int]? {
        guard let latest = personMentions[Self.positions(0..<token, in: personMentions)].last else { return nil }
        let sentence = document.sentenceRange(of: latest.0)
        let inSentence = personMentions[Self.positions(sentence.lowerBound..<min(sentence.upperBound, token), in: personMentions)]
        for (first, second) in zip(inSentence, inSentence.dropFirst()) where first.1 != second.1 {
            guard let firstEnd = mentionEntry(at: first.0)?.1.upperBound, firstEnd + 1 == second.0,
                document.tokens[firstEnd].text == "and",
                let secondEnd = mentionEntry(at: second.0)?.1.upperBound
            else { continue }
            if containsSpeechVerb(secondEnd..<min(secondEnd + 2, sentence.upperBound), document) {
                return [first.1, second.1]
            }
            // The two open the sentence, with a verb next: they acted together.
            let opens = (sentence.lowerBound..<first.0).allSatisfy { Self.isWordOfTitle(document.tokens[$0]) }
            if opens, secondEnd < sentence.upperBound, ReportedSpeechFinder.mayBeFiniteVerb(document.tokens[secondEnd].text) {
                return [first.1, second.1]
            }
        }
        return nil
    }

    /// Of the latest sentence naming a person who fits, the one next to a speech verb, else
    /// the first such person that is not a possessive ("Gref ... distanced himself from
    /// Illarionov's comments. ..., he said": Gref) nor after a preposition. A pronoun picks
    /// up the subject more often than a later or possessive mention.
    /// A sentence opening with the same pronoun ("He said Jayme tried ...") is about the
    /// person before it: the chain goes on to the sentence before.
    private func subjectOfLatestSentence(naming fits: (Int) -> Bool, before token: Int, pronoun: String, depth: Int = 0) -> Int? {
        let before = personMentions[Self.positions(0..<token, in: personMentions)]
        guard let latest = before.suffix(Self.lookBack).last(where: { fits($0.1) }) else { return nil }
        let sentenceStart = document.sentenceRange(of: latest.0).lowerBound
        if depth < 4, sentenceStart < latest.0, ["he", "she"].contains(pronoun), document.tokens[sentenceStart].text.lowercased() == pronoun,
            let earlier = subjectOfLatestSentence(naming: fits, before: sentenceStart, pronoun: pronoun, depth: depth + 1)
        {
            return earlier
        }
        let inSentence = personMentions[Self.positions(sentenceStart..<(latest.0 + 1), in: personMentions)].filter { fits($0.1) }
            .map { (entity: $0.1, name: mentionTokens(startingAt: $0.0)) }
        let tokens = document.tokens
        // "Like his comments about Mr. Curiel, Mr. Graham said, ...": the one who speaks there.
        let speaking = inSentence.first { mention in
            mention.name.upperBound < tokens.count && Lexicon.speechVerbs.contains(tokens[mention.name.upperBound])
                || mention.name.lowerBound > sentenceStart && ["said", "says", "added", "wrote"].contains(tokens[mention.name.lowerBound - 1].text)
        }
        let notPossessive = inSentence.first { mention in
            guard mention.name.upperBound >= tokens.count || tokens[mention.name.upperBound].kind != .possessive else { return false }
            // "Kerry manager Jack O'Connell": a name qualifying a role before another name.
            if qualifiesRole(before: mention.name) { return false }
            // Not the object of a preposition ("about Mr. Curiel"), but "As for Trump, he".
            return !governedByPreposition(mention.name, floor: sentenceStart)
                || tokens[sentenceStart].text == "As" && mention.name.lowerBound == sentenceStart + 2
        }
        return (speaking ?? notPossessive ?? inSentence.first)?.entity
    }

    /// Whether a role and a person's name follow the name: "Kerry manager Jack O'Connell",
    /// "Chelsea boss Emma Hayes".
    private func qualifiesRole(before name: Range<Int>) -> Bool {
        let tokens = document.tokens
        var index = name.upperBound
        while index < tokens.count, index - name.upperBound < 2, tokens[index].isWord, Lexicon.roleNouns.containsLowercased(tokens[index]) { index += 1 }
        guard index > name.upperBound, let (entity, _) = mention(at: index) else { return false }
        return entities[entity].type == .person
    }

    func noteSpeaker(_ entity: Int, at token: Int, saying words: Range<Int>) {
        switch entities[entity].type {
        case .person: focus = (entity, token, words)
        case .org: organisationFocus = (entity, token)
        default: break
        }
    }

    /// "It added": the organisation that spoke within the last two sentences; else the
    /// latest named in this sentence or the one before, not after a preposition ("a film
    /// on Univision. It told ..."). Further back, "it" is as often a report, a bill or a
    /// film as any organisation named.
    private func organisationCalledIt(before token: Int) -> Int? {
        let tokens = document.tokens
        if let organisationFocus, organisationFocus.token < token, tokens[token].sentence - tokens[organisationFocus.token].sentence <= 2 {
            return organisationFocus.entity
        }
        let sentenceStart = document.sentenceRange(of: token).lowerBound
        let from = sentenceStart > 0 ? document.sentenceRange(of: sentenceStart - 1).lowerBound : sentenceStart
        return organisationMentions[Self.positions(from..<token, in: organisationMentions)].last { mention in
            !governedByPreposition(mentionTokens(startingAt: mention.0), floor: from)
        }?.1
    }

    /// The latest organisation named as a subject, else the latest named at all.
    func organisationInFocus(before token: Int) -> Int? {
        organisationSubjects[Self.positions(0..<token, in: organisationSubjects)].last?.1
            ?? organisationMentions[Self.positions(0..<token, in: organisationMentions)].last?.1
    }

    /// "the spokesman": the person introduced with that title; "the company", "the grocer"
    /// (a kind of company, not a job): the most recent organisation.
    static let organisationalRoles = WordSet(
        [
            "company", "ministry", "department", "government", "police", "agency", "group", "organisation",
            "organization", "party", "firm", "court", "commission", "council", "union", "board", "team", "club",
            "airline", "bank", "university", "school", "hospital", "military", "army", "embassy", "office",
            "administration", "regulator", "authority", "campaign", "statement", "report",
        ] + Lexicon.companyNouns.words.filter { mediaKinds[$0] == nil && !["publisher", "label", "brand", "studio", "app"].contains($0) })

    /// "the newspaper", "the network": the latest organisation named like one, by its name's
    /// last word ("... Times", "... TV") or, but for a newspaper, as a known outlet ("CNN");
    /// not whichever organisation was named last.
    static let mediaKinds: [String: (heads: WordSet, outlets: Bool)] = {
        let newspaper: WordSet = [
            "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Chronicle", "Globe", "Sentinel", "Telegraph", "Guardian",
            "Independent", "Express", "Mirror", "Observer", "Star", "Sun", "Register", "Inquirer", "Courier", "Examiner", "Dispatch",
            "Record", "Bee", "Daily",
        ]
        let magazine: WordSet = ["Magazine", "Review", "Weekly", "Monthly", "Atlantic", "Economist", "Newsweek", "Time"]
        let broadcaster: WordSet = ["TV", "Television", "Network", "Broadcasting", "Channel", "Radio", "News"]
        let any = newspaper.union(magazine.words).union(broadcaster.words)
        return [
            "newspaper": (newspaper, false), "tabloid": (newspaper, false), "daily": (newspaper, false), "magazine": (magazine, false),
            "network": (broadcaster, true), "broadcaster": (broadcaster, true), "station": (broadcaster, true), "channel": (broadcaster, true),
            "outlet": (any, true), "website": (any, true), "publication": (any, true),
        ]
    }()

    /// Institutions whose names carry the word ("the ministry": the Foreign Ministry). Naming
    /// such an institution with nothing like it named before is no evidence for any
    /// organisation: "police said" in an article naming only a broadcaster.
    static let rolesNamedInNames: WordSet = [
        "ministry", "department", "government", "police", "court", "commission", "council",
        "university", "school", "hospital", "military", "army", "embassy", "office", "administration", "regulator",
        "authority", "campaign",
    ]

    /// "the spokesman": the person introduced with that title (else nobody: an unknown
    /// speaker stays unknown); "the ministry": the latest organisation with "Ministry" in its
    /// name; "the company": the most recent organisation.
    func resolveRole(_ role: String, before token: Int) -> Int? {
        if Self.rolesNamedInNames.contains(role) {
            let before = organisationMentions[Self.positions(0..<token, in: organisationMentions)]
            return before.last { entities[$0.1].name.split(separator: " ").contains { $0.lowercased() == role } }?.1
        }
        if let kind = Self.mediaKinds[role] {
            let before = organisationMentions[Self.positions(0..<token, in: organisationMentions)]
            return before.last { isNamed(entities[$0.1].name, like: kind) }?.1
        }
        if Self.organisationalRoles.contains(role) { return organisationInFocus(before: token) }
        let before = personMentions[Self.positions(0..<token, in: personMentions)].suffix(Self.lookBack)
        if let titled = before.last(where: { entities[$0.1].titles.contains(role) }) { return titled.1 }
        // "Ahmed Farouk, a police spokesman, ... The spokesman said".
        return before.last { apposedRoles(afterMentionAt: $0.0, before: token).contains(role) }?.1
    }

    private func isNamed(_ name: String, like kind: (heads: WordSet, outlets: Bool)) -> Bool {
        if kind.outlets, Organisations.newsOrganisations.contains(name) || name.hasSuffix(".com") { return true }
        let words = name.split(separator: " ")
        // "Daily Mail", "New York Daily News": a daily's name, not "Royal Mail" or "Sky News".
        if kind.heads.contains("Daily"), words.dropLast().contains("Daily") { return true }
        return words.last.map { kind.heads.contains($0) } ?? false
    }

    /// "Rubio said ... The Florida senator said": a title that nobody the article names holds,
    /// after "the", is the person quoted in this sentence or the one before, or else the
    /// person the sentence before opens with, when nobody else was named since, the title's
    /// gender fits, the person holds no other office and nobody was just called by that title
    /// ("Hale said the president lied. The president said ..." is not Hale).
    func personJustQuoted(calledThe role: String, before token: Int) -> Int? {
        guard Self.titlesOfOffice.contains(role) else { return nil }
        func fits(_ entity: Int, since: Int) -> Bool {
            if !genderFits(entity, calledThe: role) { return false }
            let offices = Set(entities[entity].titles.compactMap { Self.officeOfTitle[$0] })
            if !offices.isEmpty, !offices.contains(role) { return false }
            if (since..<token).contains(where: { document.tokens[$0].text.lowercased() == role }) { return false }
            return !apposedToOtherRole(entity, role, in: since..<token)
        }
        if let (focused, sentenceStart) = recentlyQuoted(before: token) {
            return fits(focused, since: sentenceStart) ? focused : nil
        }
        // "Chandor asked his leading man to ... “...,” the director said.": the person the
        // sentence before opens with, when nobody else is named since.
        let sentence = document.tokens[token].sentence
        guard sentence > 0 else { return nil }
        let previous = document.sentences[sentence - 1]
        let named = personMentions[Self.positions(previous.lowerBound..<token, in: personMentions)]
        guard let first = named.first, first.0 <= previous.lowerBound + 1, named.allSatisfy({ $0.1 == first.1 }), fits(first.1, since: previous.lowerBound)
        else { return nil }
        return first.1
    }

    /// "Leeds signed Eirik Solberg. ... “...,” the striker said": a description that refers
    /// back (`backReferences`) is the person quoted in this sentence or the one before when
    /// nobody else was named since, else the one person the two sentences before name; its
    /// gender must fit ("the actress").
    /// Not when the two sentences before brought in someone unnamed with those words ("a
    /// 98-year-old veteran ... the veteran said").
    func personDescribed(as head: String, before token: Int) -> Int? {
        let sentence = document.tokens[token].sentence
        let window = document.sentences[max(0, sentence - 2)].lowerBound..<token
        if introducedUnnamed(head, in: window) { return nil }
        if let (focused, _) = recentlyQuoted(before: token) { return genderFits(focused, calledThe: head) ? focused : nil }
        let named = personMentions[Self.positions(window, in: personMentions)]
        guard let last = named.last, named.allSatisfy({ $0.1 == last.1 }), genderFits(last.1, calledThe: head) else { return nil }
        return last.1
    }

    /// Whether nothing known of the person's gender contradicts the one a title or
    /// description gives ("the actress", "the congressman").
    private func genderFits(_ entity: Int, calledThe description: String) -> Bool {
        let wanted = EntityRecognizer.gender(ofTitles: [description])
        return wanted == .unknown || entities[entity].gender == .unknown || entities[entity].gender == wanted
    }

    /// Whether `head` (or an age ending like it, "24-year-old") follows "a", "an" or "another"
    /// within two words in `range`.
    private func introducedUnnamed(_ head: String, in range: Range<Int>) -> Bool {
        let tokens = document.tokens
        for index in range where tokens[index].isWord && tokens[index].text.lowercased().hasSuffix(head) {
            let before = (max(range.lowerBound, index - 4)..<index).filter { tokens[$0].isWord }.suffix(2)
            if before.contains(where: { ["a", "an", "another"].contains(tokens[$0].text.lowercased()) }) { return true }
        }
        return false
    }

    /// The person quoted in the sentence of `token` or the one before, and where the
    /// sentence of that quote starts; nil when someone else was named since. Names in what
    /// the person said do not count ("Rubio says the race is between himself, Trump and
    /// Cruz"); one the sentence adds does ("said to Johnson").
    private func recentlyQuoted(before token: Int) -> (Int, Int)? {
        guard let focus, focus.token < token, document.tokens[token].sentence - document.tokens[focus.token].sentence <= 1 else { return nil }
        let namedSince = personMentions[Self.positions((focus.token + 1)..<token, in: personMentions)].contains {
            $0.1 != focus.entity && !focus.said.contains($0.0)
        }
        return namedSince ? nil : (focus.entity, document.sentenceRange(of: focus.token).lowerBound)
    }

    /// "engineers at the county office", "critics of the plan": the words joining people to
    /// where they are from ("Executives for Nordhavn Freight" speak as the company).
    static let homePrepositions: WordSet = ["of", "at", "from", "in"]

    /// Descriptions a writer uses for someone already named, to avoid repeating the name
    /// ("the striker", "the billionaire"; "the 24-year-old" and "the Norwegian" are told by
    /// their form); not those that often bring in someone new ("the neighbour", "the official").
    static let backReferences: WordSet = [
        "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward", "full-back", "fullback", "centre-back",
        "playmaker", "skipper", "quarterback", "pitcher", "batsman", "bowler", "all-rounder", "jockey", "boxer", "golfer",
        "sprinter", "swimmer", "cyclist", "player", "veteran", "star", "actor", "actress", "singer", "rapper", "musician",
        "songwriter", "novelist", "filmmaker", "comedian", "billionaire", "tycoon", "mogul", "businessman", "businesswoman",
        "entrepreneur", "magnate", "lawmaker", "legislator", "politician", "frontrunner", "front-runner", "incumbent",
        "challenger", "hopeful", "councillor", "councilor", "alderman", "mp", "mep", "msp", "mla", "assemblyman",
        "assemblywoman", "candidate", "nominee", "contender",
    ]

    /// A word for a person or people, singular or plural ("leader", "strategists",
    /// "front-runner"), lower case.
    static func isPersonNoun(_ word: String) -> Bool {
        func isSingular(_ noun: some StringProtocol) -> Bool {
            Lexicon.roleNouns.contains(noun) && !organisationalRoles.contains(noun) || backReferences.contains(noun) || peopleNouns.contains(noun)
        }
        return isSingular(word) || word.hasSuffix("s") && isSingular(word.dropLast()) || word.hasSuffix("es") && isSingular(word.dropLast(2))
    }

    /// A lower-case plural that counts people by what they are or do ("cement makers",
    /// "proponents", "partisans"), when it is a verb of saying's subject; not numbers or
    /// documents ("figures", "reports"), which speak for no one, nor words that merely end in -s.
    static func namesPeopleInPlural(_ word: String) -> Bool {
        guard word.count >= 4, word.hasSuffix("s"), !["ss", "us", "is", "'s", "’s"].contains(where: { word.hasSuffix($0) }) else { return false }
        return !namesNoPeople(word)
    }

    static func namesNoPeople(_ word: String) -> Bool { nonPeoplePlurals.contains(word) }

    /// Numbers written as words, for counts of people ("Two in three said").
    static let numberWords: WordSet = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ]

    private static let nonPeoplePlurals: WordSet = [
        "figures", "numbers", "statistics", "results", "projections", "estimates", "polls", "surveys", "studies", "reports", "records",
        "documents", "filings", "papers", "emails", "messages", "minutes", "files", "letters", "memos", "notes", "tweets", "posts", "ads",
        "rules", "laws", "findings", "data", "calculations", "forecasts", "predictions", "models", "tests", "signs", "indications",
        "comments", "remarks", "statements", "words", "questions", "things", "times", "years", "days", "months", "weeks", "hours",
        "always", "perhaps", "sometimes", "nevertheless", "afterwards", "besides", "towards", "unless", "news", "this", "has", "was",
        "does", "goes", "says", "whereas", "analyses", "accounts", "disclosures", "speeches",
        "photos", "videos", "images", "pictures", "phones", "helps", "seems", "appears", "tends", "continues", "wants", "needs",
        "makes", "takes", "gets", "keeps", "begins", "starts", "tries", "uses", "talks", "negotiations", "discussions", "meetings", "hearings",
        "proceedings",
    ]

    private static let peopleNouns: WordSet = [
        "elder", "figure", "member", "voter", "donor", "operative", "insider", "activist", "supporter", "nominee", "candidate", "justice",
        "staff", "worker", "customer", "official", "fan", "trader", "villager", "protester", "student", "parent", "farmer",
        "expert", "investor", "head", "neighbour", "neighbor", "shopper", "commuter", "passenger", "patient", "tenant", "survivor", "relative",
        "lawmaker", "legislator", "demonstrator", "investigator", "observer", "organizer", "organiser", "campaigner",
        "diplomat", "nurse", "volunteer", "soldier", "miner", "pilot", "firefighter", "rescuer", "crowd", "audience",
        "attendee", "spectator", "marcher", "delegate", "pastor", "user", "reader", "viewer", "listener", "caller",
    ]

    /// "Brandt, the chief executive, said": a mention of the person in `range` with an
    /// apposition holding a role other than `role`.
    private func apposedToOtherRole(_ entity: Int, _ role: String, in range: Range<Int>) -> Bool {
        personMentions[Self.positions(range, in: personMentions)].contains { position, mentioned in
            mentioned == entity && apposedRoles(afterMentionAt: position, before: range.upperBound).contains { $0 != role }
        }
    }

    /// "Ahmed Farouk, a police spokesman,": the roles of people in the apposition after the
    /// mention at `position`, up to `limit`.
    private func apposedRoles(afterMentionAt position: Int, before limit: Int) -> [String] {
        let tokens = document.tokens
        var index = mentionTokens(startingAt: position).upperBound
        guard index < limit, tokens[index].text == "," else { return [] }
        index += 1
        var roles: [String] = []
        while index < min(limit, position + 12), tokens[index].text != "," {
            let word = tokens[index].text.lowercased()
            if Lexicon.roleNouns.contains(word), !Self.organisationalRoles.contains(word) { roles.append(word) }
            index += 1
        }
        return roles
    }

    /// Titles a writer uses for someone just named, to avoid repeating the name; not those
    /// that more often bring in someone new ("the spokesman", "the lawyer", "the official";
    /// "the judge" after a lawyer, "the coach" after a player, "the chief executive" after
    /// an employee).
    private static let titlesOfOffice = WordSet(offices + ["leader"])
    private static let offices = [
        "president", "minister", "secretary", "senator", "governor", "mayor", "chancellor", "premier", "chairman", "chairwoman",
        "commissioner", "ambassador", "congressman", "congresswoman",
    ]

    /// The office a title before a name gives ("Sen." a senator), for telling whether the
    /// person holds another one.
    private static let officeOfTitle: [String: String] = Dictionary(uniqueKeysWithValues: offices.map { ($0, $0) }).merging(
        ["sen.": "senator", "sen": "senator", "rep.": "congressman", "rep": "congressman", "gov.": "governor", "gov": "governor"]
    ) { office, _ in office }

    /// How many person mentions back a title or pronoun is looked for: far more than any
    /// article names, and a bound on the work per quote in text that is nothing but names.
    static let lookBack = 500

    /// The indices of `mentions` (sorted by first token) whose first token is in `tokens`.
    static func positions(_ tokens: Range<Int>, in mentions: [(Int, Int)]) -> Range<Int> {
        let lower = mentions.firstIndex(keyAtLeast: tokens.lowerBound) { $0.0 }
        return lower..<max(lower, mentions.firstIndex(keyAtLeast: tokens.upperBound) { $0.0 })
    }
}

/// Whether a token in `range` is a speech verb ("said", "told", ...).
func containsSpeechVerb(_ range: Range<Int>, _ document: Document) -> Bool {
    range.contains { $0 < document.tokens.count && Lexicon.speechVerbs.contains(document.tokens[$0]) }
}
