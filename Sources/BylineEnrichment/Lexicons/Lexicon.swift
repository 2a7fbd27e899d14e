/// Closed word lists the stages share: function words, speech verbs, titles and the
/// words that mark organisations. Open lists (places, names) are in `Gazetteer`.
enum Lexicon {
    /// Capitalised words that start sentences and are not names.
    static let sentenceStarters: WordSet = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
        "His", "Her", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "If", "When", "While",
        "After", "Before", "Since", "As", "At", "In", "On", "Of", "For", "From", "To", "By", "With", "Without",
        "About", "Under", "Over", "Into", "During", "Despite", "Although", "Though", "Because", "However",
        "Meanwhile", "Still", "Also", "Now", "Then", "There", "Here", "What", "Who", "Why", "How", "Where",
        "Which", "Some", "Many", "Most", "More", "All", "Both", "Each", "Every", "No", "Not", "One", "Two",
        "Three", "Several", "Other", "Another", "Such", "Last", "Next", "First", "Earlier", "Later", "Today",
        "Yesterday", "Tomorrow", "According", "Asked", "Speaking", "Officials", "Police", "Authorities",
        "Experts", "Critics", "Supporters", "Residents", "Researchers", "Scientists", "Analysts", "Sources",
        "Once", "Even", "Just", "Only", "Instead", "Indeed", "Overall", "Besides", "Following", "Until", "Unless",
        "Whether", "Among", "Between", "Against", "Through", "Throughout", "Across", "Along", "Around", "Amid",
        "Like", "Unlike", "Nor", "Neither", "Either", "Any", "Few", "Much", "Often", "Sometimes", "Perhaps",
        "Maybe", "Yes", "Well", "Oh", "Please", "Thanks", "Thank", "Let", "Don't", "Do", "Does", "Did", "Is",
        "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Has", "Have",
        "Had", "Being", "Having", "Sorry", "Setting", "Fueling", "Revenue", "Shares", "Sales", "Already",
        "Currently", "Recently", "Previously", "Additionally", "Furthermore", "Moreover", "Nevertheless",
        "Otherwise", "Thus", "Therefore", "Hence", "Photo", "Image", "Video", "Read", "Watch", "Click", "See",
        "Update", "Updated", "Editor", "Note", "Reporting", "Writing", "Additional", "Copyright",
    ]

    static let months: WordSet = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.",
        "Nov.", "Dec.",
    ]
    static let weekdays: WordSet = [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thurs.", "Fri.", "Sat.", "Sun.",
    ]
    /// Capitalised words that are never part of a name.
    static let nonNameCapitals: WordSet = months.union(weekdays.words).union([
        "I", "I'm", "I've", "I'll", "I'd", "OK", "TV", "CEO", "CFO", "COO", "GDP", "AM", "PM", "Mr", "Mrs", "Ms",
        "Covid", "COVID", "COVID-19", "Covid-19", "Internet", "Christmas", "Easter", "Ramadan", "Eid",
        "Thanksgiving", "Halloween", "Hanukkah", "God",
    ])

    /// Verbs of judgement that quote the judgement before it ("condemned the test as “...”",
    /// "likened them to a “vicious snake”"); after a quotation they take an object of their
    /// own ("“...,” when Clinton blasted him"), so they are no cue there.
    static let judgementVerbs: WordSet = [
        "condemned", "condemns", "condemning", "likened", "likens", "likening", "slammed", "slams", "blasted",
        "blasts", "denounced", "denounces", "decried", "decries", "derided", "derides", "dismissed", "dismisses",
        "mocked", "mocks", "praised", "praises", "hailed", "hails", "touted", "touts", "characterized",
        "characterised", "characterizes", "characterises", "exhorted", "exhorts", "lauded", "lauds", "applauded",
        "applauds", "lambasted", "lambastes", "ripped", "rips", "chided", "chides", "scolded", "scolds",
        "thanked",
    ]
    /// Verbs that introduce or attribute speech, in the forms news uses.
    static let speechVerbs: WordSet = WordSet(
        [
            "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "asked", "asks", "wrote",
            "writes", "explained", "explains", "replied", "replies", "warned", "warns", "stated", "states",
            "declared", "declares", "announced", "announces", "noted", "notes", "argued", "argues", "insisted",
            "insists", "claimed", "claims", "continued", "continues", "recalled", "recalls", "remarked",
            "responded", "responds", "answered", "acknowledged", "acknowledges", "admitted", "admits", "conceded",
            "concedes", "confirmed", "confirms", "countered", "counters", "cautioned", "cautions", "urged", "urges",
            "suggested", "suggests", "stressed", "stresses", "emphasized", "emphasised", "emphasizes",
            "emphasises", "observed", "observes", "pointed", "points", "predicted", "predicts", "promised",
            "promises", "vowed", "vows", "demanded", "demands", "called", "calls", "described", "describes",
            "tweeted", "tweets", "posted", "posts", "commented", "comments", "testified", "testifies", "shouted",
            "shouts", "yelled", "whispered", "joked", "jokes", "laughed", "sighed", "complained", "complains",
            "conceded", "agreed", "agrees", "disagreed", "assured", "assures", "reiterated", "reiterates", "maintained", "maintains",
            "mused", "muses", "quipped", "quips", "boasted", "boasts", "lamented", "laments", "recounted",
            "recounts", "reported", "reports", "wondered", "wonders", "concluded", "concludes", "thought",
            "believes", "believed", "feels", "felt", "hopes", "hoped", "accused", "accuses", "charged", "charges",
            "criticized", "criticised", "criticizes", "criticises", "labelled", "labeled", "dubbed", "branded",
            "describing", "adding", "telling", "explaining", "warning", "noting", "arguing", "insisting",
            "claiming", "calling", "asking", "stating", "writing", "announcing", "declaring", "urging",
            "stressing", "suggesting", "promising", "vowing", "demanding", "acknowledging", "admitting",
            "recalling", "replying", "responding", "pointing", "tweeting", "according", "gushed", "gushes", "fumed", "fumes",
            "interjected", "exclaimed", "exclaims", "chanted", "chanting", "retorted", "remembered", "snapped", "asserted", "asserts",
            "questioned", "repeated", "reacted", "proclaimed", "proclaims", "elaborated", "elaborates", "scoffed",
            // Base forms, for plural subjects ("Republicans warn", "Saudis insist").
            "warn", "insist", "argue", "acknowledge", "admit", "deny", "denies", "denied", "explain", "predict", "complain",
        ] + judgementVerbs.words)
    /// Speech verbs that follow their speaker in a postposed cue ("..., said X").
    static let postposableVerbs: WordSet = [
        "said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained", "explains", "replied",
        "replies", "continued", "continues", "recalled", "recalls", "noted", "notes", "warned", "warns",
        "told", "tells", "insisted", "insists", "argued", "argues", "remarked", "responded", "answered",
        "declared", "stated", "tweeted", "quipped", "joked", "conceded", "acknowledged", "admitted", "cautioned",
        "countered", "observed", "stressed", "concluded", "commented", "testified", "shouted", "whispered",
        "complained", "lamented", "mused", "boasted", "reiterated", "emphasized", "emphasised", "announced",
        "gushed", "fumed", "interjected", "exclaimed", "retorted", "remembered", "snapped", "asserted",
        "declares", "questioned", "repeated", "reacted", "proclaimed", "elaborated", "scoffed", "reported", "wondered",
        "beamed", "agrees", "agreed", "assured", "posted", "yelled", "screamed", "chanted", "sighed", "laughed",
    ]

    /// Prepositions that take a noun phrase: a name after one is its object ("boosters in
    /// Iowa said", "advising Trump").
    static let prepositions: WordSet = [
        "in", "at", "of", "for", "from", "with", "by", "on", "to", "across", "over", "into", "about", "against", "during",
        "like", "unlike", "amid",
    ]
    /// Words that open a subordinate clause or phrase before a sentence's subject.
    static let subordinators: WordSet = [
        "while", "whilst", "though", "although", "as", "after", "before", "when", "if", "because", "since", "despite", "whereas",
    ]
    /// Articles, lower case.
    static let articles: WordSet = ["the", "a", "an"]
    /// The conjunctions that join a second clause to a report or a subject.
    static let andOrBut: WordSet = ["and", "but"]
    /// "a", "one", "another": one of some the article has not named ("a resident of ...").
    static let indefiniteOpeners: WordSet = ["a", "an", "one", "another"]
    /// Modal and auxiliary forms that stand between a subject and its verb ("could also say").
    static let modalVerbs: WordSet = ["could", "can", "may", "might", "should", "must", "been"]
    static let malePronouns: WordSet = ["he", "him", "his", "himself"]
    static let femalePronouns: WordSet = ["she", "her", "hers", "herself"]
    static let pluralPronouns: WordSet = ["they", "them", "their", "we"]
    /// "his aides", "her brother", "their lawyers": people owned by someone just named.
    static let personalPossessives: WordSet = ["his", "her", "their"]
    static let subjectPronouns: WordSet = ["he", "she", "they", "we", "i", "it"]
    static let indefinitePronouns: WordSet = [
        "something", "nothing", "everything", "anything", "someone", "somebody", "nobody", "everyone", "anyone",
    ]

    /// Titles and roles written before a name ("President Joe Biden", "spokesman John Kirby").
    static let personTitles = WordSet(
        [
            "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "representative", "rep.",
            "congressman", "congresswoman", "governor", "gov.", "mayor", "chancellor", "chief", "chairman",
            "chairwoman", "chair", "director", "commissioner", "superintendent", "inspector", "detective",
            "sergeant", "sgt.", "officer", "captain", "capt.", "lieutenant", "lt.", "colonel", "col.", "general",
            "gen.", "admiral", "major", "judge", "justice", "attorney", "lawyer", "prosecutor", "sheriff", "king",
            "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "rabbi", "imam", "father",
            "reverend", "rev.", "pastor", "dr.", "dr", "doctor", "professor", "prof.", "mr.", "mr", "mrs.", "mrs",
            "ms.", "ms", "miss", "sir", "dame", "lord", "lady", "coach", "manager", "spokesman", "spokeswoman",
            "spokesperson", "ambassador", "envoy", "leader", "founder", "co-founder", "ceo", "cfo", "coo", "cto",
            "executive", "economist", "analyst", "author", "researcher", "scientist", "actor", "actress",
            "singer", "rapper", "player", "striker", "midfielder", "defender", "goalkeeper", "quarterback",
            "pitcher", "forward", "candidate", "nominee", "speaker", "deputy", "assistant", "associate",
            "premier", "president-elect", "councillor", "cllr", "cllr.", "councilman", "councilwoman", "alderman", "constable",
            "solicitor", "barrister",
            "trooper", "deputy", "marshal", "warden", "dean", "provost", "principal", "teacher", "nurse",
            "physician", "surgeon", "official", "activist", "campaigner", "resident", "witness", "victim",
            "suspect", "defendant", "plaintiff", "sen", "rep", "gov", "emir", "sheikh", "sultan", "crown",
            "foreign", "defence", "defense", "finance", "health", "interior", "home", "justice", "state", "energy",
            "education", "trade", "labor", "labour", "environment", "agriculture", "transport", "transportation",
            "treasury", "commerce", "housing", "culture", "sports", "federal", "national", "senior", "former",
            "acting", "interim", "then", "late", "u.s.", "us", "uk", "british", "american", "police", "army", "fire",
            "mp", "mep", "mla", "mpp", "msp", "md", "tory", "labour", "liberal", "conservative", "democratic",
            "republican", "democrat", "opposition", "majority", "minority", "shadow", "cabinet", "star", "head",
            "smt.", "smt", "shri", "sri", "del.",
        ] + pluralTitles.words)
    /// Titles of several people before their names ("Sens. Tara Voss and Ned Pell").
    static let pluralTitles: WordSet = ["sens.", "sens", "reps.", "reps", "govs.", "govs", "messrs.", "messrs"]
    /// Words of `personTitles` that qualify a title rather than stand for one ("British"
    /// in "British Prime Minister", "Liberal MP"): before a name without a title they open
    /// the name itself ("American Red Cross", "Liberal Party of Canada").
    static let titleQualifiers: WordSet = [
        "vice", "prime", "crown", "foreign", "defence", "defense", "finance", "health", "interior", "home", "state",
        "energy", "education", "trade", "labor", "labour", "environment", "agriculture", "transport",
        "transportation", "treasury", "commerce", "housing", "culture", "sports", "federal", "national", "senior",
        "former", "acting", "interim", "then", "late", "u.s.", "us", "uk", "british", "american", "police", "army",
        "fire", "tory", "liberal", "conservative", "democratic", "republican", "democrat", "opposition", "majority",
        "minority", "shadow", "cabinet",
    ]
    /// Role nouns a speaker may be called by instead of a name ("the spokesman said").
    static let roleNouns: WordSet = [
        "spokesman", "spokeswoman", "spokesperson", "chief", "president", "minister", "secretary", "senator",
        "governor", "mayor", "director", "commissioner", "official", "officer", "judge", "justice", "prosecutor",
        "lawyer", "attorney", "solicitor", "barrister", "sheriff", "coach", "manager", "boss", "chairman", "chairwoman", "executive",
        "ceo", "leader", "professor", "doctor", "researcher", "scientist", "author", "economist", "analyst",
        "witness", "victim", "resident", "superintendent", "inspector", "detective", "captain", "general",
        "ambassador", "premier", "chancellor", "founder", "owner", "teacher", "principal", "king", "queen",
        "prince", "pope", "bishop", "father", "mother", "son", "daughter", "husband", "wife", "woman", "man",
        "congressman", "congresswoman", "representative", "sergeant", "lieutenant", "deputy", "agency",
        "company", "ministry", "department", "government", "police", "gardaí", "gardai", "statement", "report", "group",
        "organisation", "organization", "party", "campaign", "spokespeople", "officials", "firm", "court",
        "commission", "council", "union", "board", "team", "club", "airline", "bank", "university", "school",
        "hospital", "military", "army", "embassy", "office", "administration", "regulator", "authority",
        "employee", "staffer", "aide", "adviser", "advisor", "strategist", "pollster", "writer", "reporter", "editor",
    ]

    /// Last words that make a capitalised phrase an organisation.
    static let organisationHeads: WordSet = [
        "University", "College", "School", "Academy", "Institute", "Institution", "Party", "Council",
        "Ministry", "Department", "Dept.", "Police", "Hospital", "Clinic", "Inc.", "Inc", "Corp.", "Corp",
        "Corporation", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "Plc", "GmbH", "AG", "SA", "Bank", "Association",
        "Agency", "Commission", "Committee", "Company", "Group", "Court", "Foundation", "Union", "Club",
        "Church", "Airlines", "Airways", "Times", "News", "Post", "Journal", "Herald", "Tribune", "Gazette",
        "Force", "Forces", "Army", "Navy", "Office", "Service", "Services", "Authority", "Board", "League",
        "Society", "Network", "FC", "Federation", "Organization", "Organisation", "Administration", "Bureau",
        "Senate", "Congress", "Parliament", "Assembly", "Cabinet", "Government", "Centre", "Center", "Fund",
        "Trust", "Council", "Alliance", "Coalition", "Front", "Movement", "Brigade", "Guard", "Corps",
        "Review", "Magazine", "Press", "Media", "Studios", "Records", "Motors", "Technologies", "Systems",
        "Holdings", "Partners", "Capital", "Investments", "Industries", "Energy", "Pharmaceuticals",
        "Laboratories", "Labs", "Stores", "Reserve", "Exchange", "Chamber", "Watch", "Project", "Program",
        "Programme", "Initiative", "Institute", "Conference", "Team", "Squad", "Railway", "Railways", "Police",
        "Department", "Secretariat", "Tribunal", "Registry", "Inquiry", "Unit", "Division", "Taskforce",
        "Museum", "Gallery", "Library", "Observer", "Panthers", "Giants", "Mail", "Telegraph", "Guardian",
        "Independent", "Express", "Mirror", "Sun", "Star", "Chronicle", "Globe", "Broadcasting", "Radio",
        "Television", "TV", "Channel", "Foods", "Airline", "Petroleum", "Oil", "Gas", "Steel", "Telecom",
        "Electric", "Dynamics",
    ]
    /// Last words that make a capitalised phrase a facility ("Kelvin Harbour Bridge").
    static let facilityHeads: WordSet = [
        "Bridge", "Tunnel", "Airport", "Station", "Stadium", "Arena", "Street", "Road", "Avenue", "Boulevard",
        "Highway", "Motorway", "Square", "Tower", "Towers", "Building", "Hall", "Palace", "Dam", "Port", "Harbour",
        "Harbor", "Pier", "Terminal", "Plaza", "Mall", "Cathedral", "Mosque", "Temple", "Synagogue", "Prison", "Jail",
        "Base", "Line",
    ]
    /// Organisation heads that take a name after "for", "of" or "on" ("Centre for
    /// Disarmament", "Council on Foreign Relations").
    static let headsTakingComplements: WordSet = [
        "University", "College", "School", "Academy", "Institute", "Institution", "Council", "Ministry", "Department",
        "Association", "Agency", "Commission", "Committee", "Foundation", "Union", "League", "Society", "Federation",
        "Organization", "Organisation", "Bureau", "Office", "Centre", "Center", "Centers", "Centres", "Fund", "Trust",
        "Alliance", "Coalition", "Front", "Movement", "Chamber", "Campaign", "Project", "Network", "Conference",
        "Secretariat", "Board", "Authority", "Service", "Court", "Bank", "Museum", "Party", "Congress",
    ]
    /// First words that make a capitalised phrase an organisation ("Bank of England").
    static let organisationStarts: WordSet = [
        "University", "Bank", "Department", "Ministry", "Office", "Institute", "Church", "House", "Board",
        "Federation", "Association", "Council", "Court", "College", "School", "League", "Union", "Party",
        "Committee", "Commission", "Royal", "National", "International", "Federal", "United", "Supreme",
    ]
    /// Single words that name organisations of state in news usage.
    /// Kinds of company written before a company's name ("retailer Wal-Mart").
    static let companyNouns: WordSet = [
        "retailer", "drugmaker", "carmaker", "automaker", "chipmaker", "airline", "carrier", "bank", "lender", "insurer",
        "broadcaster", "publisher", "conglomerate", "manufacturer", "supplier", "distributor", "startup", "start-up",
        "firm", "company", "website", "app", "network", "chain", "brand", "label", "studio", "outlet", "newspaper", "magazine",
        "grocer", "supermarket", "utility",
    ]
    static let institutionWords: WordSet = [
        "Kremlin", "Pentagon", "Congress", "Parliament", "Senate", "Cabinet", "Knesset", "Duma", "Bundestag",
        "Politburo", "Vatican", "Taliban", "Hamas", "Hezbollah", "NATO", "Nato", "EU", "UN", "Interpol",
        "Europol", "Fed", "Treasury", "Downing", "Whitehall", "Commons", "Lords",
    ]
    /// Lower-case words allowed inside a name ("Bank of England", "Ahmed bin Salman").
    static let nameConnectors: WordSet = [
        "of", "for", "and", "&", "de", "del", "della", "da", "di", "du", "von", "van", "der", "den", "bin", "bint", "al", "el", "la", "le", "ibn", "y", "on", "the",
    ]
    /// Lower-case words allowed inside the title of a work ("A Change Is Gonna Come", "Keepin' It Real").
    static let titleSmallWords: WordSet = WordSet(["a", "an", "in", "to", "at", "with", "las", "los"] + nameConnectors.words)

    /// Other names of one country, US state or city, each to the name news writes in full
    /// ("U.S." is the United States, "Calif." California, "L.A." Los Angeles); an entry of one
    /// article under either name is one entity. Not "Ga.", "Ind." or "Wash.": Georgia the
    /// country, an independent, Washington the capital.
    static let placeAliases: [String: String] = [
        "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
        "America": "United States", "United States of America": "United States",
        "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
        "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates", "PRC": "China",
        "People's Republic of China": "China", "People's Republic": "China", "Russian Federation": "Russia", "DPRK": "North Korea",
        "Republic of Korea": "South Korea", "DRC": "Democratic Republic of the Congo", "Holland": "Netherlands",
        "the Netherlands": "Netherlands", "Czechia": "Czech Republic", "Burma": "Myanmar",
        // The Associated Press's abbreviations of US states (for states of five letters or
        // fewer it writes none).
        "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
        "Conn.": "Connecticut", "Fla.": "Florida", "Ill.": "Illinois",
        "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
        "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana",
        "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
        "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
        "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
        "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
        "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
        "L.A.": "Los Angeles", "NYC": "New York City", "N.Y.C.": "New York City", "Vegas": "Las Vegas",
    ]
    /// Adjectives of a group whose people another word names ("Democratic" and "Democrats",
    /// "Jewish" and "Jews"), lower case, to that word: one group.
    static let groupAdjectives: [String: String] = [
        "democratic": "democrat", "jewish": "jew", "kurdish": "kurd", "turkish": "turk", "danish": "dane",
        "swedish": "swede", "polish": "pole", "finnish": "finn", "scottish": "scot", "spanish": "spaniard",
        "british": "briton",
    ]
    /// "State of New Jersey" is New Jersey: words that open a formal name of a place.
    static let formalPlacePrefixes = ["State of ", "Commonwealth of ", "Republic of ", "Kingdom of ", "Province of "]

    /// "hasn't", "wasn’t", "don't": a negative contraction in lower case.
    static func isNegativeContraction(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isLowercase else { return false }
        return word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t")
    }
}
