@testable import BylineEnrichment
import Testing

@Suite("Entities")
struct EntityTests {
    @Test("all mentions of a person merge under the fullest name, titles and possessives included")
    func personMerging() async throws {
        let text = "President Joe Biden met Vladimir Putin in Geneva. Biden said Putin's demands were unacceptable. Later, President Biden left."
        let article = try await Fixtures.enrich(text)
        let biden = try #require(article.entity(named: "Joe Biden"))
        #expect(biden.type == .person)
        #expect(biden.mentions.map(\.text) == ["Joe Biden", "Biden", "Biden"])
        let putin = try #require(article.entity(named: "Vladimir Putin"))
        #expect(putin.mentions.count == 2, "Putin's counts as a mention of Putin")
        #expect(article.entity(named: "Geneva")?.type == .gpe)
        #expect(article.entities.filter { $0.name.contains("Biden") }.count == 1)
    }

    @Test("a name used alone before a longer name that starts with it stays its own entity")
    func loneNameBeforeLongerName() async throws {
        let text =
            "Facebook says Apple is restoring its access to a key tool. Late Tuesday, a website reported that Facebook paid teens who agreed to download an app called Facebook Research. Facebook said the app was voluntary."
        let article = try await Fixtures.enrich(text)
        let facebook = try #require(article.entity(named: "Facebook"))
        #expect(facebook.mentions.count == 3)
        #expect(article.entities.allSatisfy { $0.name == "Facebook" || !$0.mentions.contains { $0.text == "Facebook" } })
    }

    @Test("a lone name after an indefinite article is an employer, not a person")
    func nameAfterIndefiniteArticle() async throws {
        let text =
            "The suspect graduated from high school in May 2015 and joined the Marines. He lasted a month before he washed out after failing to meet \"expectations and standards,\" a Marine spokeswoman said. She did not elaborate."
        let article = try await Fixtures.enrich(text)
        #expect(article.entities.allSatisfy { !($0.type == .person && $0.name == "Marine") })
        #expect(article.speakerName(of: "expectations and standards") != "Marine")
    }

    @Test("capitalised words that name nobody are no entities: interjections, sentence adverbs, plural weekdays, a heading of everyday words, forms of address")
    func capitalisedNonNames() async throws {
        let text = """
            Background Checks Expand

            Ooh. That was the first thing Marta Lindqvist said when the results came in. Crucially, the lab in Uppsala had kept every sample. Mondays are quiet there.

            Our position is, Your Honor, that the samples were kept. Well, Your Honor, I don't think it matters.
            """
        let article = try await Fixtures.enrich(text)
        #expect(Set(article.entities.map(\.name)) == ["Marta Lindqvist", "Uppsala"], "\(article.entities.map(\.name))")
    }

    @Test("a party to a court case is a person, unless a country or state")
    func partiesToACase() async throws {
        let article = try await Fixtures.enrich("The court cited Green v. United States and Roe versus Wade in its ruling.")
        #expect(article.entity(named: "Green")?.type == .person)
        #expect(article.entity(named: "Wade")?.type == .person)
        #expect(article.entity(named: "United States")?.type == .gpe)
    }

    @Test("an institution's name runs on past for, of and on: one organisation, not fragments or a person")
    func institutionComplements() async throws {
        let text = """
            Delegates from the Lakeshore Centre for Water Policy and Flood Prevention met officials of the Ministry of Foreign Affairs in Tarnow. \
            The Council on Coastal Relations sent observers. A spokesman for the Ridgeway Council on Monday said the talks would continue. \
            The Committee for Dana Whitfield raised money, and the College of Rural Nursing backed her.
            """
        let article = try await Fixtures.enrich(text)
        for name in ["Lakeshore Centre for Water Policy and Flood Prevention", "Ministry of Foreign Affairs", "Council on Coastal Relations", "College of Rural Nursing"] {
            #expect(article.entity(named: name)?.type == .org, "\(name) in \(article.entities.map(\.name))")
        }
        #expect(article.entity(named: "Ridgeway Council")?.type == .org, "a weekday after on is no part of the name")
        #expect(article.entity(named: "Dana Whitfield")?.type == .person, "a person after for is no part of the name")
        #expect(article.entities.filter { $0.type == .person }.map(\.name) == ["Dana Whitfield"])
    }

    @Test("an airline before a flight's code is the airline: \"Flight\" opens the designation")
    func airlineBeforeFlightCode() async throws {
        let article = try await Fixtures.enrich(
            "Families of passengers on Coastair Flight CA212 waited at the terminal. Coastair has confirmed that forty people were on board.")
        let airline = try #require(article.entity(named: "Coastair"))
        #expect(airline.mentions.count == 2)
        #expect(article.entities.allSatisfy { !$0.name.contains("Flight") })
    }

    @Test("a place written in capitals is typed as the gazetteer types it in mixed case")
    func capitalisedPlaces() async throws {
        let article = try await Fixtures.enrich("The vote was close. Reports from EUROPE and ASIA said markets fell.")
        #expect(article.entity(named: "EUROPE")?.type == .loc)
        #expect(article.entity(named: "ASIA")?.type == .loc)
    }

    @Test("two named organisations joined by and are two entities; a trailing etc. is no part of a name")
    func organisationsJoinedByAnd() async throws {
        let article = try await Fixtures.enrich("Scholars at Norland University and Vesterby College disagreed about the findings. The BBC etc. reported it.")
        #expect(article.entity(named: "Norland University")?.type == .org)
        #expect(article.entity(named: "Vesterby College")?.type == .org)
        #expect(article.entity(named: "BBC")?.type == .org)
        #expect(article.entities.count == 3, "\(article.entities.map(\.name))")
    }

    @Test("after \"Minister for\" the portfolio comes first and the holder's name last")
    func portfolioHolders() async throws {
        let article = try await Fixtures.enrich(
            "Speaking in the assembly, Minister for Fjord Affairs Jorunn Halvorsen said the ferries would run again. Minister for Water and Power Khawaja Asif said the dam would open."
        )
        #expect(article.entity(named: "Jorunn Halvorsen")?.type == .person)
        #expect(article.entity(named: "Khawaja Asif")?.type == .person)
        #expect(article.speakerName(of: "ferries would run again") == "Jorunn Halvorsen")
        #expect(article.entities.allSatisfy { !$0.name.contains("Affairs") && !$0.name.contains("Power") }, "\(article.entities.map(\.name))")
    }

    @Test("organisations, acronyms, places and nationalities")
    func types() async throws {
        let text = "The Bank of England raised rates. NATO allies met in Brussels, where German and French officials spoke. The Ministry of Agriculture said farmers in Kenya would get help."
        let article = try await Fixtures.enrich(text)
        #expect(article.entity(named: "Bank of England")?.type == .org)
        #expect(article.entity(named: "NATO")?.type == .org)
        #expect(article.entity(named: "Brussels")?.type == .gpe)
        #expect(article.entity(named: "German")?.type == .norp)
        #expect(article.entity(named: "French")?.type == .norp)
        #expect(article.entity(named: "Ministry of Agriculture")?.type == .org)
        #expect(article.entity(named: "Kenya")?.type == .gpe)
        #expect(article.entity(named: "The") == nil && article.entity(named: "Ministry") == nil)
    }

    @Test("every offset slices the text it names, in Unicode scalars", arguments: Fixtures.sampleLines.indices)
    func offsetsSliceTheText(line: Int) async throws {
        let article = try await ArticleEnricher().enrich(record: Fixtures.sampleLines[line])
        let text = article.input.text
        #expect(!article.entities.isEmpty)
        for entity in article.entities {
            for mention in entity.mentions { #expect(slice(text, mention.start, mention.end) == mention.text) }
        }
        for quote in article.quotes {
            for part in quote.parts { #expect(slice(text, part.start, part.end) == part.text) }
            if let speaker = quote.speaker {
                #expect(slice(text, speaker.mention.start, speaker.mention.end) == speaker.mention.text)
                if let entity = speaker.entity {
                    #expect(article.entities.contains { $0.id == entity && $0.name == speaker.name })
                } else {
                    #expect(speaker.name == speaker.mention.text)
                }
            }
        }
    }

    /// Reported speech often has unnamed sources ("tenant groups said"), which stay null;
    /// quotations in the samples all name who speaks.
    @Test("the sample articles' quotations are found and mostly attributed, and their reported speech found")
    func samplesAttributed() async throws {
        var quotations = 0, attributed = 0, reported = 0
        for line in Fixtures.sampleLines {
            let article = try await ArticleEnricher().enrich(record: line)
            let verbatim = article.quotes.filter { $0.kind == "direct" || $0.kind == "partial" }
            quotations += verbatim.count
            attributed += verbatim.filter { $0.speaker != nil }.count
            reported += article.quotes.count - verbatim.count
        }
        #expect(Fixtures.sampleLines.count >= 20)
        #expect(quotations >= 35)
        #expect(reported >= 20)
        #expect(Double(attributed) / Double(quotations) >= 0.9, "\(attributed) of \(quotations) attributed")
    }

    @Test("a nationality or party word that opens an organisation's name stays in it; it does not make the rest a person")
    func nationalityOpeningOrganisation() async throws {
        let article = try await Fixtures.enrich(
            "She volunteers for the American Red Cross. He gave $500 to the Liberal Party of Canada. The Chinese Foreign Ministry said on Monday it was unhappy. The plan needs a Democratic Senate majority."
        )
        #expect(article.entity(named: "American Red Cross")?.type == .org)
        #expect(article.entity(named: "Liberal Party of Canada")?.type == .org)
        #expect(article.entity(named: "Chinese Foreign Ministry")?.type == .org)
        #expect(article.entity(named: "Red Cross") == nil && article.entity(named: "Foreign Ministry") == nil)
        // A one-word institution after a party word is described, not named by both.
        #expect(article.entity(named: "Senate")?.type == .org)
    }

    @Test("a site's domain, a local's or a station's number and a title that is a given name stay in the name; a company's kind before it makes it a company")
    func namesWithDomainsNumbersAndKinds() async throws {
        let article = try await Fixtures.enrich(
            "Shoppers moved to Pinecart.com last year. Teamsters Local 417 said members would strike. Channel 9 reported the fire. Drugmaker Velmora said profits fell. Dean Halvorsen, the founder, spoke."
        )
        #expect(article.entity(named: "Pinecart.com")?.type == .org)
        #expect(article.entity(named: "Teamsters Local 417")?.type == .org)
        #expect(article.entity(named: "Channel 9")?.type == .org)
        #expect(article.entity(named: "Velmora")?.type == .org)
        #expect(article.entity(named: "Dean Halvorsen")?.type == .person)
        #expect(article.quote(containing: "members would strike")?.speaker?.name == "Teamsters Local 417")
    }

    @Test("abbreviations of common nouns are no entities: defined by lower-case words, in the plural, a currency's prefix, an era")
    func abbreviatedCommonNouns() async throws {
        let article = try await Fixtures.enrich(
            "Scientists measured sea surface salinity (SSS) across the basin. In 1990, the CEOs bought CDs. Later, several MPs objected. It cost NZ$5 million. The temple dates from 500 CE. The Federal Bureau of Investigation (FBI) said NATO met."
        )
        #expect(article.entities.map(\.name) == ["Federal Bureau of Investigation", "NATO"])
        #expect(article.entity(named: "Federal Bureau of Investigation")?.mentions.count == 2)
    }

    @Test("an honorific names a person whatever the tagger read, or if it read nothing, and is no part of the name")
    func honorificMakesPerson() async throws {
        let article = try await Fixtures.enrich("Mr Grefov was keen to distance himself from Mr Vrolanov's comments.")
        #expect(article.entity(named: "Vrolanov")?.type == .person)
        #expect(article.entities.allSatisfy { !$0.name.hasPrefix("Mr") }, "\(article.entities.map(\.name))")
        // A surname that is also a word, or a nationality, is a person after an honorific.
        let words = try await Fixtures.enrich("Tom Band ran the office. Mr. Band wrote that he needed help. Mr. English said the plan was sound.")
        #expect(words.speakerName(of: "needed help") == "Tom Band")
        #expect(words.entity(named: "English")?.type == .person)
    }

    @Test("a place or a named organisation opening a compound adjective (“Toronto-based”, “UN-backed”) is a mention; a nationality or an everyday acronym is not")
    func namesBeforeHyphens() async throws {
        let article = try await Fixtures.enrich(
            "The Toronto-based charity and two UN-backed envoys met an Irish-born singer from a New York-born band. The UN said little. An AI-based tool helped.")
        #expect(article.entity(named: "Toronto")?.type == .gpe)
        #expect(article.entity(named: "Toronto")?.mentions.map(\.text) == ["Toronto"])
        #expect(article.entity(named: "New York")?.type == .gpe)
        #expect(article.entity(named: "UN")?.mentions.count == 2)
        #expect(article.entities.count == 3, "\(article.entities.map(\.name))")
    }

    @Test("a company noun before a name (“the retailer Ashford”) makes every mention of it a company, even one a gazetteer knows as a town")
    func companyNounDecidesTheType() async throws {
        let article = try await Fixtures.enrich("The retailer Ashford opened a store on Monday. Ashford hired 40 staff, and shoppers praised Ashford.")
        #expect(article.entity(named: "Ashford")?.type == .org)
        #expect(article.entity(named: "Ashford")?.mentions.count == 3)
    }

    @Test("a portfolio after a title (“Minister of Justice”) and a credit line's role (“Editing by”) are no names; “Department of Justice” is")
    func portfoliosAndCreditLines() async throws {
        let article = try await Fixtures.enrich(
            "Lena Ortiz, the Minister of Justice, resigned. The Department of Justice said nothing. (Reporting by Ana Silva; Editing by Tom Reed)")
        #expect(Set(article.entities.map(\.name)) == ["Lena Ortiz", "Department of Justice", "Ana Silva", "Tom Reed"])
    }

    @Test("a party or nationality the tagger missed before the noun it qualifies (“three Conservative MPs”) is a group; opening a sentence it may be a plain adjective")
    func untaggedGroupsBeforeNouns() async throws {
        let article = try await Fixtures.enrich("Three Conservative MPs resigned. Several British troops left. Conservative estimates differ.")
        #expect(article.entity(named: "Conservative")?.type == .norp)
        #expect(article.entity(named: "Conservative")?.mentions.count == 1)
        #expect(article.entity(named: "British")?.type == .norp)
    }

    @Test("a caption's credit label (“Image:”, “Photo:”) is no part of the name before it")
    func captionCreditLabels() async throws {
        let article = try await Fixtures.enrich("President Dana Cole wrote to student Ahmed Mohamed Image: Twitter / Dana Cole. Fans pose at the booth. Photo: Nick Moreau.")
        #expect(Set(article.entities.map(\.name)) == ["Dana Cole", "Ahmed Mohamed", "Twitter", "Nick Moreau"])
    }

    @Test("a title before a company's head word (“General Electric”, “General Dynamics”) is part of the company's name; before a surname (“General Wood”) it stays a title")
    func titleBeforeCompanyHead() async throws {
        let article = try await Fixtures.enrich(
            "The engines were built by General Electric in Ohio. General Dynamics won the hull contract. General Wood inspected the yard.")
        #expect(article.entity(named: "General Electric")?.type == .org)
        #expect(article.entity(named: "General Dynamics")?.type == .org)
        #expect(article.entity(named: "Wood")?.type == .person)
        #expect(article.entity(named: "Electric") == nil)
        // After an honorific, or before a surname that is also an organisation's word, the title goes.
        let people = try await Fixtures.enrich(
            "Liam Church, a farmer from Lund, lost his barn. Mr. Church said the fire started at night. Dr. Anna Steel said the vaccine was safe.")
        #expect(people.entity(named: "Liam Church")?.mentions.count == 2)
        #expect(people.entity(named: "Anna Steel")?.type == .person)
    }

    @Test("an organisation known the world over is one whatever the tagger read (“Facebook”, “Monsanto”), unless a title makes it a person")
    func knownOrganisations() async throws {
        let article = try await Fixtures.enrich(
            "The video went viral on Facebook within hours. Farmers in Dalby said Monsanto had changed its seed prices, and a Gawker writer mocked the change. President Ford once visited Dalby.")
        #expect(article.entity(named: "Facebook")?.type == .org)
        #expect(article.entity(named: "Monsanto")?.type == .org)
        #expect(article.entity(named: "Gawker")?.type == .org)
        #expect(article.entity(named: "Ford")?.type == .person)
    }

    @Test("no name opens with a lower-case word (“organizer Alliance”), and a group's plural is the group (“Hispanics”)")
    func nameEdgesAndPluralGroups() async throws {
        let article = try await Fixtures.enrich(
            "More than 200 schools took part, according to the event organizer Halden Teachers Alliance. White voters favor Ruiz, and Hispanics back Ortega by a wide margin.")
        #expect(article.entities.allSatisfy { $0.name.first?.isLowercase != true })
        #expect(article.entity(named: "Halden Teachers Alliance")?.type == .org)
        #expect(article.entity(named: "Hispanics")?.type == .norp)
    }

    @Test("no entity for a hashtag, a plural title (“Sens.”), a compass adjective (“Southern border”) or a question's auxiliary (“Will Cruz's ...?”)")
    func nonNames() async throws {
        let article = try await Fixtures.enrich(
            "Sens. Tara Voss of Ohio and Ned Pell of Iowa met on Monday. Drugs come through the Southern border, Voss said. \"Just saw #TaraVoss on TV,\" one fan wrote after the #HallDebate.\n\nWill Pell's plan work? Probably not."
        )
        #expect(article.entity(named: "Tara Voss")?.type == .person)
        #expect(article.entity(named: "Ned Pell")?.type == .person)
        for bad in ["Sens", "Sens.", "Southern", "TaraVoss", "HallDebate", "Will Pell"] { #expect(article.entity(named: bad) == nil, "\(bad)") }
    }

    @Test("an acronym joined by “and” to a full name is an organisation of its own; a local station keeps its number (“ABC 7”)")
    func acronymBesideName() async throws {
        let article = try await Fixtures.enrich(
            "Local affiliate ABC 7 reported on Friday that the IRS and Drug Enforcement Administration had hired the Tallis firm. She said no. Officials declined to comment.")
        #expect(article.entity(named: "IRS")?.type == .org)
        #expect(article.entity(named: "Drug Enforcement Administration")?.type == .org)
        #expect(article.entity(named: "ABC 7")?.type == .org)
        #expect(article.entity(named: "ABC") == nil)
    }

    @Test("a known organisation's name stays a person's surname (Fiona Apple), a place written as one (“in Toyota”) and a given name opening a statement (“Will Smith says”)")
    func knownOrganisationLimits() async throws {
        let article = try await Fixtures.enrich(
            "Fiona Apple released her first album in a decade. Apple, 47, recorded it at home. The plant in Toyota will close, and Will Smith says sorry for the slap, but is it enough? She joined CBS 14 years ago."
        )
        #expect(article.entity(named: "Fiona Apple")?.mentions.count == 2)
        #expect(article.entity(named: "Apple") == nil)
        #expect(article.entity(named: "Toyota")?.type == .gpe)
        #expect(article.entity(named: "Will Smith")?.type == .person)
        #expect(article.entity(named: "CBS 14") == nil)
    }

    @Test("a state's abbreviation before a capital ends its sentence; before a comma it does not (“Butler, Pa. Pennsylvania Democrats said”)")
    func stateAbbreviationAtSentenceEnd() async throws {
        let article = try await Fixtures.enrich(
            "The rally was held in Butler, Pa. Pennsylvania Democrats said it drew 3,000 people. The plant in Little Rock, Ark., will employ 400.")
        #expect(article.entities.allSatisfy { !$0.name.contains("Pa. ") })
        #expect(article.quote(containing: "drew 3,000")?.speaker?.name.hasPrefix("Pa.") != true)
        #expect(article.entities.contains { $0.type == .gpe && $0.mentions.map(\.text) == ["Ark."] })
    }

    @Test("“Del.” before a name is a delegate's title, no entity and no sentence end; before a new sentence it ends one")
    func delegateTitle() async throws {
        let article = try await Fixtures.enrich(
            "Democrats described the vote as ominous.\n\n“This is a waste of time and it is hurting the committee,” said Del. Vera Holm (D-V.I.). She moved to Wilmington, Del. The city is small.")
        #expect(article.entity(named: "Del") == nil)
        #expect(article.speakerName(of: "waste of time") == "Vera Holm")
        #expect(article.entity(named: "Wilmington")?.type == .gpe)
    }

    @Test("a preposition or subordinator opening the sentence is no part of the name after it (“As Harbour News reported”, “If Ruiz wins”)")
    func openingFunctionWordIsNoPartOfAName() async throws {
        let article = try await Fixtures.enrich(
            "As Harbour News reported, the ferry will stop in May. If Ana Ruiz wins, the council will change. Across Marlow, residents voted.")
        #expect(article.entities.allSatisfy { !$0.name.hasPrefix("As ") && !$0.name.hasPrefix("If ") && !$0.name.hasPrefix("Across ") })
        #expect(article.speakerName(of: "ferry will stop") == "Harbour News")
        #expect(article.entity(named: "Ana Ruiz")?.type == .person)
    }
}
