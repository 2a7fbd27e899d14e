/// Words that report speech, for finding reported speech ("the minister said the plan
/// would go ahead"). The verbs are those whose content is a clause or a quotation among
/// the cues of PolNeAR's training attributions; beliefs and intentions ("believes",
/// "wants") are not speech, and acts on a noun phrase ("accused", "called") report only
/// through the words they quote.
enum SpeechCues {
    /// Every form of the reporting verbs.
    static let reportingVerbs: WordSet = {
        var forms = regularForms(of: [
            "add", "announce", "argue", "acknowledge", "admit", "agree", "allege", "answer", "assert", "assure",
            "boast", "caution", "claim", "clarify", "comment", "complain", "concede", "conclude", "confirm",
            "contend", "counter", "declare", "elaborate", "emphasise", "emphasize", "exclaim", "explain", "fume", "hint",
            "inform", "insist", "interject", "joke", "lament", "maintain", "mention", "muse", "note", "observe",
            "pledge", "post", "predict", "proclaim", "promise", "recall", "recount", "reiterate", "remark", "remind", "report",
            "respond", "retort", "reveal", "scoff", "scream", "shout", "speculate", "state", "stress", "suggest", "tweet", "urge",
            "vow", "warn", "yell",
        ])
        forms.formUnion(objectSpeechActs.words)
        forms.formUnion([
            "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes", "wrote",
            "writing", "deny", "denies", "denied", "denying", "reply", "replies", "replied", "replying",
            "testify", "testifies", "testified", "testifying", "imply", "implies", "implied", "implying",
            "quip", "quips", "quipped", "quipping", "brag", "brags", "bragged", "bragging", "admitted",
            "admitting", "gush", "gushes", "gushed", "gushing",
        ])
        return forms
    }()

    /// A reporting verb in the present tense of one speaker ("says", "warns", "claims"), as a
    /// headline writes its cue. `word` is lower case.
    static func isPresentTenseCue(_ word: String) -> Bool { word.hasSuffix("s") && reportingVerbs.contains(word) }

    /// Speech acts whose object is what was said, never the speaker: "accused the mayor of
    /// lying", "described the plan as reckless", "cited the cost", "mocked Rubio for “having
    /// a tough night”".
    static let objectSpeechActs: WordSet = {
        var forms = regularForms(of: [
            "accuse", "attack", "blast", "chide", "cite", "condemn", "criticise", "criticize", "denounce", "deride", "describe", "fault", "mock", "portray",
            "praise", "ridicule",
        ])
        forms.formUnion(["slam", "slams", "slammed", "slamming"])
        forms.formUnion(namingActs.words)
        return forms
    }()

    /// Naming what was said, its object before the quoted words: "called the plan “a
    /// disaster”", "labelled him a “liar”"; not "a group called “Moms First”".
    static let namingActs: WordSet = {
        var forms = regularForms(of: ["call", "label", "brand"])
        forms.formUnion(["labelled", "labelling", "dub", "dubs", "dubbed", "dubbing"])
        return forms
    }()

    /// A regular verb's forms: "warn", "warns", "warned", "warning".
    private static func regularForms(of verbs: [String]) -> WordSet {
        var forms = WordSet()
        for verb in verbs {
            let stem = verb.hasSuffix("e") ? String(verb.dropLast()) : verb
            let sibilant = verb.hasSuffix("s") || verb.hasSuffix("sh")
            forms.formUnion([verb, verb + (sibilant ? "es" : "s"), stem + "ed", stem + "ing"])
        }
        return forms
    }

    /// Reporting verbs written with a particle ("pointed out that", "fired back"): every form,
    /// with its particle. Without the particle they report nothing.
    static let particleVerbs: [String: String] = {
        var forms: [String: String] = [:]
        for (verb, particle) in [("point", "out"), ("fire", "back"), ("hit", "back"), ("shoot", "back"), ("shot", "back")] {
            let stem = verb.hasSuffix("e") ? String(verb.dropLast()) : verb
            for form in [verb, verb + "s", stem + "ed", stem + "ing"] { forms[form] = particle }
        }
        forms["hitting"] = "back"
        forms["shooting"] = "back"
        return forms
    }()
    static let particleVerbForms = WordSet(particleVerbs.keys)
    /// After a quotation these report too ("“...,” Kemp went on"), though before content
    /// they rarely do ("went on a tour that ...").
    static let quotationParticleVerbs: [String: String] = particleVerbs.merging(
        ["went": "on", "goes": "on", "chimed": "in", "chimes": "in", "cut": "in", "cuts": "in"], uniquingKeysWith: { first, _ in first })

    /// Talking about something, a cue only for quoted words right after its preposition:
    /// "went on about “a rigged system”", "spoke of “a new dawn”", "railed against “elites”".
    static let topicVerbs: [String: WordSet] = {
        var verbs: [String: WordSet] = [:]
        let aboutOrOf: WordSet = ["about", "of"]
        for form in ["talk", "talks", "talked", "talking", "speak", "speaks", "spoke", "spoken", "speaking"] { verbs[form] = aboutOrOf }
        for form in ["rail", "rails", "railed", "railing", "inveigh", "inveighs", "inveighed"] { verbs[form] = ["against"] }
        for form in [
            "joke", "jokes", "joked", "joking", "complain", "complains", "complained", "complaining", "boast", "boasts",
            "boasted", "boasting", "rant", "rants", "ranted", "ranting", "rave", "raves", "raved", "raving", "muse", "mused",
        ] {
            verbs[form] = ["about"]
        }
        return verbs
    }()

    /// Forms that are as often nouns ("the report", "his claims"): a cue only where a verb
    /// stands ("she reports that", "he claimed, ...").
    static let nounLike: WordSet = [
        "report", "reports", "claim", "claims", "note", "notes", "state", "states", "post", "posts", "tweet",
        "tweets", "comment", "comments", "promise", "promises", "pledge", "pledges", "vow", "vows", "reply",
        "replies", "answer", "answers", "remark", "remarks", "counter", "hint", "hints", "stress", "joke",
        "jokes", "boast", "boasts", "caution", "recall", "warning", "post", "muse", "add", "retort", "gush",
    ]

    /// Verbs whose first object is the one told, not what was said ("told reporters that").
    static let tellingVerbs: WordSet = [
        "tell", "tells", "told", "telling", "assure", "assures", "assured", "assuring", "inform", "informs",
        "informed", "informing", "remind", "reminds", "reminded", "reminding", "warn", "warns", "warned", "warning",
    ]

    /// "referred to him as “...”": a cue only with "to ... as" and a quotation after.
    static let referVerbs: WordSet = ["refer", "refers", "referred", "referring"]

    /// Verbs that report a question: speech only with the question after them ("asked
    /// whether the plan would work"), not a request or a topic ("asked for help").
    static let questionVerbs: WordSet = ["ask", "asks", "asked", "asking"]
    /// Words that open a reported question.
    static let questionOpeners: WordSet = ["whether", "if", "why", "how", "what", "who", "when", "where", "which"]

    /// "asked whether", "asks what": a question verb before the word opening its question.
    static func putsQuestion(_ verb: Token, opener: Token) -> Bool {
        questionVerbs.containsLowercased(verb) && questionOpeners.containsLowercased(opener)
    }

    /// Participles after a comma that start a new attribution (", adding that ...").
    static let clauseOpeningParticiples: WordSet = [
        "saying", "adding", "noting", "explaining", "arguing", "telling", "warning", "insisting", "claiming",
        "according", "stressing", "writing", "citing", "acknowledging", "admitting", "suggesting",
    ]

    /// Words before "to" that keep an infinitive cue reporting ("went on to explain",
    /// "appeared to suggest", "continue to warn").
    static let reportingBeforeTo: WordSet = ["on", "appeared", "appears", "seemed", "seems", "continue", "continues", "continued"]
    /// The verb before that "on": "went on to say".
    static let goingOnVerbs: WordSet = ["went", "goes", "go"]

    /// Words that may stand between a subject and its verb ("he also said", "she has said").
    static let verbModifiers: WordSet = [
        "also", "has", "have", "had", "would", "will", "was", "is", "later", "then", "previously", "reportedly",
        "repeatedly", "once", "again", "recently", "publicly", "privately", "earlier", "further", "flatly",
        "simply", "often", "never", "ever", "not", "did", "does", "do", "already", "quickly", "initially", "first",
        "immediately", "explicitly", "specifically", "separately", "subsequently", "ultimately", "finally",
        "directly", "openly", "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t", "wouldn't", "wouldn’t",
        "won't", "won’t", "hasn't", "hasn’t", "haven't", "haven’t", "can't", "can’t", "couldn't", "couldn’t",
        // Adverbs of manner ("Cruz strongly suggested", "Clinton sharply criticized").
        "strongly", "sharply", "angrily", "bluntly", "firmly", "frequently", "loudly", "quietly", "clearly", "forcefully",
        "vehemently", "emphatically", "categorically", "roundly", "harshly", "bitterly", "gingerly", "jokingly", "proudly",
        "confidently", "candidly", "formally", "officially", "long", "apparently", "allegedly", "pointedly", "falsely", "wrongly",
        "correctly", "rightly", "mistakenly", "boldly", "defiantly", "cautiously", "sarcastically", "eventually", "famously",
    ]

    /// Words that open a short phrase of time or place after a cue ("said on Tuesday",
    /// "said in a statement").
    static let phraseOpeners: WordSet = [
        "in", "on", "at", "during", "after", "before", "to", "from", "with", "via", "through", "by", "outside",
        "inside", "while", "whilst", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tonight", "last", "this", "earlier", "later", "recently", "late", "again",
        "repeatedly", "afterward", "afterwards", "privately", "publicly", "once", "then", "separately",
    ]

    /// Words of time that may follow a cue before its content ("said Tuesday the ...").
    static let timeWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "earlier", "later", "recently", "last", "this", "week", "month", "year", "night", "morning",
        "afternoon", "evening", "again", "repeatedly", "privately", "publicly", "weekend", "spring", "summer", "autumn",
        "winter", "season", "quarter",
    ]
    /// "ten days ago", "a few weeks later": where a span of time counted back or on ends,
    /// opening at `start`.
    static func elapsedTimeEnd(from start: Int, before limit: Int, _ tokens: [Token]) -> Int? {
        guard let end = (start..<min(limit, start + 5)).first(where: { ["ago", "later", "earlier"].contains(tokens[$0].text) }), end > start,
            (start..<end).contains(where: { timeUnits.contains(tokens[$0]) }),
            (start..<end).allSatisfy({ tokens[$0].kind == .number || tokens[$0].isLowercase })
        else { return nil }
        return end + 1
    }
    private static let timeUnits: WordSet = ["minutes", "hours", "days", "weeks", "months", "years", "decades", "day", "week", "month", "year"]

    /// The subordinator a sentence opens with, alone or after a span of time ("After ...",
    /// "Three years after ...", "Only weeks before ...", "Soon after ...").
    static func openingSubordinator(of sentence: Range<Int>, _ tokens: [Token]) -> Int? {
        guard
            let subordinator = (sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + 4)).first(where: {
                Lexicon.subordinators.containsLowercased(tokens[$0])
            })
        else { return nil }
        let timeSpan = (sentence.lowerBound..<subordinator).allSatisfy { index in
            let word = tokens[index].text.lowercased()
            return tokens[index].kind == .number || timeUnits.contains(word) || AttributionContext.numberWords.contains(word) || spanQualifiers.contains(word)
        }
        return timeSpan ? subordinator : nil
    }
    private static let spanQualifiers: WordSet = ["a", "an", "few", "several", "many", "just", "only", "soon", "shortly", "long", "right", "even"]

    /// Objects of a telling verb that are not names ("told reporters").
    static let audiences: WordSet = [
        "reporters", "journalists", "him", "her", "them", "us", "me", "supporters", "lawmakers", "viewers",
        "listeners", "voters", "audience", "crowd", "students", "members", "police", "gardaí", "gardai", "officials", "parliament",
        "court", "jury", "jurors", "judge", "magistrates", "inquiry", "inquest", "committee", "hearing", "tribunal",
        "investigators", "detectives", "officers", "colleagues", "staff", "residents", "fans", "delegates",
        "radio", "television", "bench", "media", "press", "senators", "legislators", "investors", "analysts", "panel",
        "broadcaster", "newspaper", "paper", "agency", "station", "mourners", "worshippers", "congregation",
    ]
    /// Words before an audience that name its kind ("state radio", "local reporters").
    static let audienceModifiers: WordSet = ["state", "local", "national", "foreign", "public", "private", "visiting", "assembled"]

    /// Lower-case words that open a clause that is not the rest of what was said
    /// ("..., he said, who ...", "..., he said, adding").
    static let notContentOpeners: WordSet = [
        "who", "which", "whose", "whom", "where", "when", "while", "whilst", "as", "a", "an", "the", "adding", "saying",
        "according", "noting", "in", "on", "at", "during", "after", "before", "referring", "speaking", "citing",
        "and", "but", "although", "though", "because", "if", "since", "before", "until", "than", "to", "of",
        "for", "with", "from", "by", "his", "her", "their", "its",
    ]

    static let determiners: WordSet = ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "that"]

    /// What a speaker issues that then says something: "issued the following statement:",
    /// "released a statement saying that ...".
    static let statementNouns: WordSet = ["statement", "letter", "note", "tweet", "post", "memo", "email", "message", "release", "video", "ad"]

    /// What carries written words that "read" ("the letter reads “...”", "a sign that read “...”").
    static let writtenNouns: WordSet = WordSet(
        statementNouns.words + [
            "editorial", "headline", "caption", "sign", "banner", "poster", "placard", "plaque", "notice", "leaflet", "flyer",
            "card", "text", "website", "page", "petition",
        ])
    /// Not "published": a paper publishes others' letters.
    static let issuingVerbs: WordSet = ["issued", "released", "sent", "posted", "wrote", "tweeted", "e-mailed", "emailed"]

    /// Whether "according to" starts at `index`, both words before `limit`.
    static func isAccordingTo(at index: Int, _ tokens: [Token], before limit: Int) -> Bool {
        index + 1 < limit && tokens[index + 1].text == "to" && (tokens[index].text == "according" || tokens[index].text == "According")
    }

    /// "was described", "were not told", "is reportedly quoted": a passive, with the adverbs
    /// that may come between; no word before `floor` is read.
    static func followsFormOfBe(_ verb: Int, floor: Int, _ tokens: [Token]) -> Bool {
        var before = verb - 1
        while before > floor, tokens[before].text.hasSuffix("ly") || ["also", "not", "never", "reportedly"].contains(tokens[before].text) { before -= 1 }
        return before >= floor && formsOfBe.containsLowercased(tokens[before])
    }
    /// The forms of "be" that make a passive.
    static let formsOfBe: WordSet = ["was", "were", "is", "are", "been", "being", "be"]

    /// "when asked which ...", "if told that ...": a passive whose subject and "be" are left
    /// out after a word opening a circumstance; whoever asked or told is not the subject.
    static func followsCircumstanceOpener(_ verb: Int, floor: Int, _ tokens: [Token]) -> Bool {
        verb > floor && ellipticPassiveOpeners.containsLowercased(tokens[verb - 1])
    }
    private static let ellipticPassiveOpeners: WordSet = ["when", "after", "before", "while", "whilst", "if", "unless", "until"]

    /// A verb read as a passive: after a form of "be" ("was asked"), or with both left out
    /// after a word opening a circumstance ("when asked").
    static func readsAsPassive(_ verb: Int, floor: Int, _ tokens: [Token]) -> Bool {
        followsFormOfBe(verb, floor: floor, tokens) || followsCircumstanceOpener(verb, floor: floor, tokens)
    }

    private static let sourceOpeners: WordSet = ["but", "and", "yet"]
    private static let sourceHeads: WordSet = ["source", "sources"]

    /// "a source at the club", "sources close to the talks", "people familiar with the plan":
    /// where the noun of a source the article does not name stands, when the phrase opens with one.
    static func unnamedSourceHead(in range: Range<Int>, _ tokens: [Token]) -> Int? {
        var index = range.lowerBound
        // "But a source familiar with ...".
        if index + 1 < range.upperBound, sourceOpeners.containsLowercased(tokens[index]) { index += 1 }
        let opening = index
        while index < range.upperBound, index - opening < 3, tokens[index].isWord,
            sourceQuantifiers.containsLowercased(tokens[index]) || sourceQualifiers.containsLowercased(tokens[index])
                || AttributionContext.numberWords.containsLowercased(tokens[index])
        {
            index += 1
        }
        // "Western diplomats familiar with ...": a word saying what kind.
        if index + 2 < range.upperBound, tokens[index].isWord, tokens[index + 1].isLowercase, tokens[index + 1].text.hasSuffix("s"),
            toldAboutWords.contains(tokens[index + 2])
        {
            index += 1
        }
        // "A senior official familiar with ...": "official" heads the phrase here.
        if index > opening, index < range.upperBound, toldAboutWords.contains(tokens[index]),
            AttributionContext.isPersonNoun(tokens[index - 1].text.lowercased())
        {
            index -= 1
        }
        // "One intelligence source", "Democratic sources": a word or two saying what kind.
        if let head = (index..<min(range.upperBound, index + 3)).first(where: { sourceHeads.contains(tokens[$0]) }),
            (index..<head).allSatisfy({ tokens[$0].isWord && !Lexicon.prepositions.containsLowercased(tokens[$0]) && !Lexicon.speechVerbs.contains(tokens[$0]) })
        {
            return head
        }
        guard index < range.upperBound, tokens[index].isWord else { return nil }
        let word = tokens[index].text.lowercased()
        let next = index + 1 < range.upperBound ? tokens[index + 1].text : ""
        // "Republicans familiar with the talks", "aides briefed on them", "lawyers involved in
        // the case": any group told about something; "close" only for people ("polls close to
        // the vote" are no source); one person only as "a" or "one" ("the official involved"
        // may be someone named before).
        let toldAbout = toldAboutWords.contains(next)
        let oneOfSome = index > opening && Lexicon.indefiniteOpeners.containsLowercased(tokens[opening])
        let isSource =
            ["source", "sources", "insider", "insiders"].contains(word)
            || ["person", "people"].contains(word) && (toldAbout || ["close", "with"].contains(next))
            || word.count >= 4 && word.hasSuffix("s") && (toldAbout || next == "close" && AttributionContext.isPersonNoun(word))
            || oneOfSome && AttributionContext.isPersonNoun(word) && toldAbout
        return isSource ? index : nil
    }

    private static let toldAboutWords: WordSet = ["familiar", "briefed", "involved"]
    private static let sourceQuantifiers: WordSet = ["a", "an", "one", "the", "two", "three", "several", "some", "many", "multiple", "other", "another"]
    private static let sourceQualifiers: WordSet = ["senior", "anonymous", "informed", "reliable", "official", "government", "club", "party"]
}
