@testable import BylineEnrichment
import Foundation
import Testing

/// Speech reported in the writer's words: each attribution is one entry of `quotes`, with
/// its kind, cue and speaker.
@Suite("Reported speech")
struct ReportedSpeechTests {
    private func entry(_ article: EnrichedArticle, containing fragment: String) throws -> EnrichedArticle.Quote {
        try #require(article.quotes.first { $0.text.contains(fragment) }, "no entry holds \(fragment)")
    }

    @Test("“X continued to say ...”, “X continued to insist that ...”: the verb before “to” is no cue of its own; X speaks")
    func verbChainBeforeTo() async throws {
        let article = try await Fixtures.enrich(
            "Corin Maddox ran the campaign. Maddox continued to say he had never touched the reporter. Later, Maddox continued to insist that the tape was edited."
        )
        #expect(article.speakerName(of: "never touched the reporter") == "Corin Maddox")
        #expect(article.speakerName(of: "the tape was edited") == "Corin Maddox")
    }

    @Test("“X, the campaign manager, said that ..., noting that ...”: the participle's speaker is the subject before the apposition")
    func participleAfterApposition() async throws {
        let article = try await Fixtures.enrich(
            "Corin Maddox, the campaign manager, said that the candidate was fine, noting that most of the money would go to the party."
        )
        #expect(article.speakerName(of: "the candidate was fine") == "Corin Maddox")
        #expect(article.speakerName(of: "most of the money would go") == "Corin Maddox")
    }

    @Test("X said (that) ...: the content from “that” to the sentence end")
    func saidThat() async throws {
        let article = try await Fixtures.enrich("Mayor Gwen Adebayo said on Monday that the bridge would reopen in May.")
        let speech = try entry(article, containing: "bridge would reopen")
        #expect(speech.kind == "indirect")
        #expect(speech.text == "that the bridge would reopen in May")
        #expect(speech.cue == "said")
        #expect(speech.speaker?.name == "Gwen Adebayo")
        let bare = try await Fixtures.enrich("Gwen Adebayo said the bridge would reopen in May.")
        #expect(try entry(bare, containing: "bridge").text == "the bridge would reopen in May")
    }

    @Test("a group right before its verb is the speaker, with no person before it: “Republicans have argued that ...”")
    func groupSubjectNextToVerb() async throws {
        let article = try await Fixtures.enrich("The tax bill stalled again in March.\n\nIn the Senate, Republicans have argued that the levy would hurt farmers.")
        #expect(try entry(article, containing: "levy would hurt").speaker?.name == "Republicans")
    }

    @Test("“argued with X” and “pledged delegates” are no speech cues")
    func verbsThatReportNothing() async throws {
        let article = try await Fixtures.enrich(
            "Amos Whitfield, a councillor who argued with the mayor for months, won a majority of pledged delegates on Tuesday. Nora Lindqvist said that the count was fair.")
        #expect(!article.quotes.contains { $0.cue == "argued" || $0.cue == "pledged" }, "\(article.quotes.map { ($0.cue, $0.text) })")
        #expect(try entry(article, containing: "count was fair").speaker?.name == "Nora Lindqvist")
    }

    @Test("X was told that ...: the one told is no speaker; the agent after “by” is; X is reported to have said ... is X's")
    func passiveCues() async throws {
        let article = try await Fixtures.enrich(
            "The harbour closed in May.\n\nNora Lindqvist was told that the bridge would close for a year. Piet Alders was told by Mayor Ingrid Solberg that the ferry would run all winter. Amos Whitfield is reported to have said that the toll was unfair."
        )
        #expect(try entry(article, containing: "bridge would close").speaker == nil)
        #expect(try entry(article, containing: "ferry would run").speaker?.name == "Ingrid Solberg")
        #expect(try entry(article, containing: "toll was unfair").speaker?.name == "Amos Whitfield")
    }

    @Test("content before its cue, and a cue inside its content")
    func postposedAndSplit() async throws {
        let article = try await Fixtures.enrich("Nadia Ferreira runs the port. The new cranes will arrive in March, Ferreira said. The delay, she said, was caused by the strike.")
        let before = try entry(article, containing: "cranes")
        #expect(before.text == "The new cranes will arrive in March")
        #expect(before.speaker?.name == "Nadia Ferreira")
        let split = try entry(article, containing: "The delay")
        #expect(split.parts.map(\.text) == ["The delay", "was caused by the strike"])
        #expect(split.speaker?.name == "Nadia Ferreira")
    }

    @Test("according to X, on either side; told reporters; a second cue joined to the first")
    func otherCues() async throws {
        let article = try await Fixtures.enrich(
            """
            According to Inspector Lars Holm, the fire started in the kitchen. The roof was lost, according to Holm. \
            Holm told reporters the family had escaped unhurt and added that the house was insured.
            """)
        #expect(try entry(article, containing: "fire started").text == "the fire started in the kitchen")
        #expect(try entry(article, containing: "fire started").speaker?.name == "Lars Holm")
        #expect(try entry(article, containing: "roof was lost").speaker?.name == "Lars Holm")
        let told = try entry(article, containing: "escaped")
        #expect(told.text == "the family had escaped unhurt")
        #expect(told.cue == "told")
        let added = try entry(article, containing: "insured")
        #expect(added.text == "that the house was insured")
        #expect(added.speaker?.name == "Lars Holm")
    }

    @Test("quoted words inside reported speech make it mixed and stay visible verbatim")
    func mixedKeepsItsFragments() async throws {
        let article = try await Fixtures.enrich("Opposition leader Sofia Marchetti said the budget was “a work of fiction” and would not pass.")
        let speech = try entry(article, containing: "budget")
        #expect(speech.kind == "mixed")
        #expect(speech.fragments.map(\.text) == ["a work of fiction"])
        #expect(speech.speaker?.name == "Sofia Marchetti")
        // The fragment is not a second entry of its own.
        #expect(article.quotes.filter { $0.text.contains("work of fiction") }.count == 1)
        let text = "Opposition leader Sofia Marchetti said the budget was “a work of fiction” and would not pass."
        let fragment = try #require(speech.fragments.first)
        #expect(slice(text, fragment.start, fragment.end) == "a work of fiction")
    }

    @Test("beliefs and intentions are not speech; a whole quotation stays a direct quote")
    func notReportedSpeech() async throws {
        let beliefs = try await Fixtures.enrich("Tomas Brennan believes the market will recover. Brennan wants the council to act.")
        #expect(beliefs.quotes.isEmpty)
        // An infinitive is an obligation or an intention, unless it goes on reporting.
        let infinitives = try await Fixtures.enrich(
            "The council needs to tell residents that the ferry will stop. Brennan went on to explain that the ferry would return in May.")
        #expect(infinitives.quotes.map(\.text) == ["that the ferry would return in May"])
        let direct = try await Fixtures.enrich("Tomas Brennan spoke on Monday.\n\n“The market will recover by spring,” Brennan said.")
        #expect(direct.quotes.map(\.kind) == ["direct"])
        let colon = try await Fixtures.enrich("Tomas Brennan said: “The market will recover by spring.”")
        #expect(colon.quotes.map(\.kind) == ["direct"])
    }

    @Test("an unnamed source stays null; an organisation speaks as itself")
    func speakersResolved() async throws {
        let unnamed = try await Fixtures.enrich("Officials said the bridge would close for six weeks.")
        let speech = try entry(unnamed, containing: "bridge would close")
        #expect(speech.describedSpeaker == "Officials")
        let organisation = try await Fixtures.enrich("The Harbour Authority said the bridge would close for six weeks.")
        #expect(try entry(organisation, containing: "bridge would close").speaker?.name == "Harbour Authority")
    }

    @Test("a quotation alone in the paragraph after reported speech belongs to its speaker")
    func quotationAfterReportedSpeech() async throws {
        let article = try await Fixtures.enrich("Coach Ingrid Haddad says the team is ready for the final.\n\n“We have trained for this all year and nobody is injured.”")
        #expect(article.speakerName(of: "trained for this") == "Ingrid Haddad")
    }

    @Test("two apostrophes are a double quotation mark")
    func doubledApostrophes() async throws {
        let article = try await Fixtures.enrich("Rafael Castillo spoke in Madrid.\n\n''This is not reform, it is a rebrand,'' said Castillo.")
        let quote = try #require(article.quote(containing: "not reform"))
        #expect(quote.text == "This is not reform, it is a rebrand,")
        #expect(quote.kind == "direct")
        #expect(quote.speaker?.name == "Rafael Castillo")
    }

    @Test("“A, X, a senator, said.”, “A, a spokeswoman, X, said.”, “A, Sen. X, R-Ohio, said.”: the content stops before the subject and its apposition; “His brother, X, agrees.” reports nothing")
    func contentBeforeApposedSubject() async throws {
        let article = try await Fixtures.enrich(
            "Tim Talbot runs the caucus. The plan is dead, Talbot, a senator, said. The vote will pass, Sen. Tim Talbot, R-Ohio, said. The tool helps in times of crisis, a spokeswoman, Anna White, said."
        )
        let dead = try #require(article.quote(containing: "The plan is dead"))
        #expect(dead.text == "The plan is dead")
        #expect(dead.speaker?.name == "Tim Talbot")
        #expect(article.quote(containing: "The vote will pass")?.text == "The vote will pass")
        #expect(article.speakerName(of: "The vote will pass") == "Tim Talbot")
        #expect(article.quote(containing: "in times of crisis")?.text == "The tool helps in times of crisis")
        #expect(article.speakerName(of: "in times of crisis") == "Anna White")
        let brother = try await Fixtures.enrich("His brother, George Talbot, agrees.")
        #expect(brother.quotes.isEmpty)
    }

    @Test("“N percent of voters in an X poll said”: those polled speak, not the pollster; “as an X study noted” is the pollster's")
    func pollsterIsNotThePolled() async throws {
        let article = try await Fixtures.enrich(
            "Support is growing. In a national Pemberton Institute poll released Monday, 31 percent of voters said they were enthusiastic about the vote. As another Pemberton Institute study noted, the average age of voters was rising."
        )
        let polled = try #require(article.quote(containing: "they were enthusiastic"))
        #expect(polled.speaker?.name != "Pemberton Institute")
        #expect(article.speakerName(of: "the average age of voters") == "Pemberton Institute")
    }

    @Test("three apostrophes close a single mark and the double one around it, and a quote ending inside the single mark is direct")
    func tripledApostrophes() async throws {
        let article = try await Fixtures.enrich(
            "Officials met on Monday. ''I would use the word 'steady,''' said Nadia Ferreira, a former aide. ''We will stay,'' she added."
        )
        let quote = try #require(article.quote(containing: "the word"))
        #expect(quote.text == "I would use the word 'steady,'")
        #expect(quote.kind == "direct")
        #expect(quote.speaker?.name == "Nadia Ferreira")
    }

    @Test("angle brackets in `text` are words, not markup; only `html` is parsed")
    func plainTextWithAngleBrackets() throws {
        let text = "Mei Nakamura posted a <tweet> about the vote.\n\nShe said <b>nothing</b> else."
        let record = JSONValue.object([("id", .string("t")), ("text", .string(text))]).serialized()
        let input = try ArticleInput.decode(record)
        #expect(input.text == text)
        #expect(!input.textWasExtractedFromHTML)
    }

    @Test("an organisation right before the cue is its subject, not a person named earlier in the clause")
    func organisationNextToTheCueSpeaks() async throws {
        let article = try await Fixtures.enrich("After meeting Hana Brandt on Monday, Kestrel Airlines said it would add two flights to Sandhaven.")
        #expect(article.speakerName(of: "it would add two flights") == "Kestrel Airlines")
        let prepositional = try await Fixtures.enrich("Hana Brandt and the farmers in Sandhaven said the price was too high.")
        #expect(prepositional.speakerName(of: "the price was too high") != "Sandhaven", "a place after a preposition does not speak")
    }

    @Test("the name next to the verb speaks past auxiliaries, negations and adverbs, and in a verb's base form")
    func nameNextToTheVerb() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Ana Ortiz met Councillor Ben Hale on Monday. Although Ortiz is on track to win, Hale has suggested that the count was flawed. Unlike Ortiz, Hale wouldn’t directly speculate that the budget would pass."
        )
        #expect(try entry(article, containing: "count was flawed").speaker?.name == "Ben Hale")
        #expect(try entry(article, containing: "budget would pass").speaker?.name == "Ben Hale")
        let place = try await Fixtures.enrich("Officials in Lisbon met the delegation from Oslo. Oslo could also declare that the talks had failed.")
        #expect(try entry(place, containing: "talks had failed").speaker?.name == "Oslo")
    }

    @Test("a name that qualifies a title is not the subject: the titled person is")
    func titledPersonOverQualifier() async throws {
        let article = try await Fixtures.enrich(
            "Senator Rosa Delgado spoke in Tucson. Delgado campaign manager Omar Reyes released a memo on Friday, adding that turnout had doubled.\n\nDelgado top aide Lena Fischer emailed donors, informing them that the rally was moved."
        )
        #expect(try entry(article, containing: "turnout had doubled").speaker?.name == "Omar Reyes")
        #expect(try entry(article, containing: "rally was moved").speaker?.name == "Lena Fischer")
    }

    @Test("a joined verb or a participle shares the main clause's subject, not that of a verb in an opening phrase")
    func sharedSubjectOfTheMainClause() async throws {
        let article = try await Fixtures.enrich(
            "Governor Ray Bush met Labor Secretary Tom Perez in May. When told Perez was in the cabinet, Bush thought for a moment and said that he had never met him.\n\nCouncillor Ben Carson spoke in Ames. Continuing to explain his view, Carson rejected the plan, saying that it would fail."
        )
        #expect(try entry(article, containing: "had never met him").speaker?.name == "Ray Bush")
        #expect(try entry(article, containing: "it would fail").speaker?.name == "Ben Carson")
    }

    @Test("a reported question is speech: its asker speaks, a passive asker is unknown, a request is no question")
    func reportedQuestions() async throws {
        let article = try await Fixtures.enrich(
            "Councillor Ben Hale asked the mayor on Monday whether the ferry would return. Hale asked for more time to read the report. Later, Hale was asked whether he would run again."
        )
        #expect(try entry(article, containing: "ferry would return").speaker?.name == "Ben Hale")
        #expect(try entry(article, containing: "ferry would return").text == "whether the ferry would return")
        #expect(try entry(article, containing: "would run again").speaker == nil)
        #expect(article.quotes.count == 2, "\(article.quotes.map(\.text))")
    }

    @Test("the agent of \"reported by\" speaks, before or after the content, with or without a form of \"be\"")
    func reportedByAnAgent() async throws {
        let before = try await Fixtures.enrich("As reported by the Harbour Gazette, the council plans to close two schools next year.")
        #expect(try entry(before, containing: "close two schools").speaker?.name == "Harbour Gazette")
        let after = try await Fixtures.enrich("The council plans to close two schools next year, as first reported by the Harbour Gazette.")
        #expect(try entry(after, containing: "close two schools").speaker?.name == "Harbour Gazette")
    }

    @Test("\"responded by saying\": a gerund after by is no agent; the subject speaks")
    func respondedBySaying() async throws {
        let article = try await Fixtures.enrich("The mayor asked for an apology. Marta Quill responded by saying that the report was wrong.")
        #expect(try entry(article, containing: "report was wrong").speaker?.name == "Marta Quill")
    }

    @Test("\"X of The Beacon said\", \"as Republicans continue to warn\", \"Like X, Y ..., arguing\": the subject, not a name governed or opening the sentence")
    func subjectsPastArticlesCatenativesAndOpeners() async throws {
        let owned = try await Fixtures.enrich("Dana Wolfe of The Beacon said the mayor would resign.")
        #expect(try entry(owned, containing: "mayor would resign").speaker?.name == "Dana Wolfe")
        let continuing = try await Fixtures.enrich(
            "A small group led by Senator Lars Corvin is drafting a bill on tariffs, as Republicans continue to warn that the trade deal was a mistake.")
        #expect(try entry(continuing, containing: "trade deal was a mistake").speaker?.name == "Republicans")
        let opened = try await Fixtures.enrich("Like Corvin, Bob Menendez also rejected the plan, arguing that it would raise prices.")
        #expect(try entry(opened, containing: "raise prices").speaker?.name == "Bob Menendez")
    }

    @Test("an organisation whose name runs past \"for a\" speaks whole")
    func organisationWithComplementSpeaks() async throws {
        let article = try await Fixtures.enrich("The Committee for a Fair Harbour Budget reported that the plans would cost more.")
        #expect(try entry(article, containing: "plans would cost more").speaker?.name == "Committee for a Fair Harbour Budget")
    }

    @Test("a joined verb or participle finds its subject past a long subordinate clause, a dash insertion or a dateline")
    func subjectsPastLongOpenersDashesAndDatelines() async throws {
        let long = try await Fixtures.enrich(
            "At the hearing on Tuesday, while several of her colleagues on the committee pressed for a far larger budget for the harbour, Ilse Marken kept to the mayor's plan, noting that the port could not borrow more."
        )
        #expect(try entry(long, containing: "could not borrow more").speaker?.name == "Ilse Marken")
        let dashed = try await Fixtures.enrich(
            "At a rally in Tarnow -- which votes next month -- Oskar Lind praised the volunteers and argued that the bridge must be rebuilt.")
        #expect(try entry(dashed, containing: "bridge must be rebuilt").speaker?.name == "Oskar Lind")
        let dateline = try await Fixtures.enrich(
            "Bergen (Reuters) – Mayor Ilse Marken has taken aim at her rival Oskar Lind over the budget, saying that his plan would close two schools.")
        #expect(try entry(dateline, containing: "close two schools").speaker?.name == "Ilse Marken")
    }

    @Test("the titled person speaks: past capitalised title words, after a describing apposition, and in \"As X, a professor ..., put it\"")
    func titledPeopleAndLongPutIt() async throws {
        let capitalisedTitle = try await Fixtures.enrich(
            "Mayor Ilse Marken toured the harbour. Marken Communications Director Hanna Sol called the idea a “ridiculous proposition,” adding that the person who “needs to explain the delay is Oskar Lind.”"
        )
        #expect(try entry(capitalisedTitle, containing: "explain the delay").speaker?.name == "Hanna Sol")
        let speechwriter = try await Fixtures.enrich(
            "Mayor Ilse Marken toured the harbour. Former Marken speechwriter Jon Favela published a column in the Bergen Post, entitled, “Why the Harbour Bridge Matters More Than Ever.”"
        )
        #expect(try entry(speechwriter, containing: "Harbour Bridge Matters").speaker?.name == "Jon Favela")
        let described = try await Fixtures.enrich(
            "Mayor Ilse Marken toured the harbour. Another Marken ally, Transport Secretary Pia Holm, told reporters that the delay suggested an effort to hurt Marken."
        )
        #expect(try entry(described, containing: "effort to hurt").speaker?.name == "Pia Holm")
        let putIt = try await Fixtures.enrich(
            "The bridge opened a year late. As Vera Aune, a professor of law at Bergen and the author of a book on the harbour, put it, “A late bridge is better than no bridge.”"
        )
        #expect(try entry(putIt, containing: "late bridge is better").speaker?.name == "Vera Aune")
    }

    @Test("content ends where a name with a reporting verb of its own starts another attribution: \", whereas X acknowledged\", \", X suggested\"")
    func contentEndsAtAnotherNamedReport() async throws {
        let whereas = try await Fixtures.enrich("Vera Aune said on Monday that the budget was sound, whereas Oskar Lind acknowledged that it was short by a million.")
        #expect(try entry(whereas, containing: "budget was sound").text == "that the budget was sound")
        #expect(try entry(whereas, containing: "short by a million").speaker?.name == "Oskar Lind")
        let comma = try await Fixtures.enrich("While Ilse Marken has promised to back the harbour plan in the vote, Pia Holm suggested that the count would be close.")
        #expect(try entry(comma, containing: "harbour plan").text == "to back the harbour plan in the vote")
        #expect(try entry(comma, containing: "count would be close").speaker?.name == "Pia Holm")
    }

    @Test("proclaimed and elaborated report speech; \"that\" may come after a phrase of place or medium")
    func moreCuesAndLaterThat() async throws {
        let article = try await Fixtures.enrich(
            "Oskar Lind proclaimed at a press conference that the bridge would open in May. Vera Aune elaborated in a column for the Bergen Post that the budget was short.")
        #expect(try entry(article, containing: "bridge would open").speaker?.name == "Oskar Lind")
        let elaborated = try entry(article, containing: "budget was short")
        #expect(elaborated.speaker?.name == "Vera Aune")
        #expect(elaborated.text == "that the budget was short")
    }

    @Test("\"Having announced that A, X ...\": the content ends with the opening phrase and the main clause's subject speaks")
    func openingParticiplePhrase() async throws {
        let article = try await Fixtures.enrich("Having announced that she would not close the school, Mayor Ilse Marken turned to the budget.")
        let entry = try entry(article, containing: "close the school")
        #expect(entry.text == "that she would not close the school")
        #expect(entry.speaker?.name == "Ilse Marken")
    }

    @Test("“pointed out that”, “fired back that”: a verb with its particle reports; with a noun or “at” after it, it does not")
    func particleCues() async throws {
        let article = try await Fixtures.enrich(
            "Campaign treasurer Mara Delacroix pointed out that the debt had doubled. The council is broke, Mira Osei pointed out on Monday. Critics pointed out the flaws in the plan. The mayor fired back at Osei over the debt. Shares shot back up and grew by five percent."
        )
        let pointed = try entry(article, containing: "debt had doubled")
        #expect(pointed.cue == "pointed out" && pointed.text == "that the debt had doubled" && pointed.speaker?.name == "Mara Delacroix")
        let postposed = try entry(article, containing: "council is broke")
        #expect(postposed.cue == "pointed out" && postposed.speaker?.name == "Mira Osei")
        #expect(article.quotes.count == 2, "\(article.quotes.map(\.text))")
    }

    @Test("before a finite cue the speaker is the name that opens the apposition, not one of an earlier clause or an address")
    func appositionOpensWithTheSpeaker() async throws {
        let earlierClause = try await Fixtures.enrich(
            "The campaign won over delegates from Gerald Ford in the hall, and Mara Delacroix, the party's treasurer, said the fight was fair.")
        #expect(try entry(earlierClause, containing: "fight was fair").speaker?.name == "Mara Delacroix")
        let possessive = try await Fixtures.enrich(
            "He thanked Gerald Ford's delegates in the hall, and Mara Delacroix, the party's treasurer, said the fight was fair.")
        #expect(try entry(possessive, containing: "fight was fair").speaker?.name == "Mara Delacroix")
        let address = try await Fixtures.enrich(
            "Speaking on Tuesday at Lindenfeld University in Berea, Ohio, after winning the primary, Governor Tom Okafor, a Republican, said the state would recover.")
        #expect(try entry(address, containing: "state would recover").speaker?.name == "Tom Okafor")
        let role = try await Fixtures.enrich("Donald Trump's spokeswoman, Hope Hicks, said the claim was false.")
        #expect(try entry(role, containing: "claim was false").speaker?.name == "Hope Hicks")
    }

    @Test("the content ends where a new clause with its own subject begins; a noun after a preposition is no cue")
    func contentEndsAtNewClause() async throws {
        let article = try await Fixtures.enrich(
            "Senator Rhea Castillo said she would not withdraw from the race, but she has bristled at calls to do so. Turnout rose in states that Castillo won. Castillo leads in pledged delegates. The council's report states that the bridge is unsafe."
        )
        #expect(try entry(article, containing: "not withdraw").text == "she would not withdraw from the race")
        #expect(!article.quotes.contains { $0.text.contains("Castillo won") || $0.cue == "pledged" }, "\(article.quotes.map(\.text))")
        #expect(try entry(article, containing: "bridge is unsafe").cue == "states")
    }

    @Test("a participle after a sentence with no subject at its start shares the subject of the nearest clause before it")
    func participleAfterJoinedClause() async throws {
        let article = try await Fixtures.enrich(
            "Prosecutors charged the officer in November, and Mayor Rafe Ortega fired his police chief, Gary Lund, acknowledging that trust had collapsed.")
        #expect(try entry(article, containing: "trust had collapsed").speaker?.name == "Rafe Ortega")
    }

    @Test("a cue joined by “and” past a short phrase of its own shares the sentence's subject")
    func joinedCueAfterPhrase() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Ana Ruiz called the claim false on Thursday and in a carefully worded statement said she never gave orders on the case.")
        #expect(try entry(article, containing: "never gave orders").speaker?.name == "Ana Ruiz")
    }

    @Test("a participle shares its sentence's subject, a pronoun included, past a cue-like noun (“declined comment”, “Mr Hollis's comment”)")
    func participlePastCueLikeNoun() async throws {
        let article = try await Fixtures.enrich(
            "Lena Marsh spoke on Monday. She had earlier declined comment to the Globe, saying the plan was dead. Environment Secretary Mara Beck rejected Mr Hollis's comment, telling reporters that the party was not worried."
        )
        #expect(try entry(article, containing: "plan was dead").speaker?.name == "Lena Marsh")
        #expect(try entry(article, containing: "not worried").speaker?.name == "Mara Beck")
    }

    @Test("“a statement early Friday saying that ...” reports; “a message posted Friday” names what was posted, not who spoke")
    func participleAfterDayAndPostedMessage() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Ana Ruiz issued a statement early Friday saying that her rival had shown “bad judgment” on the budget. In a Facebook message posted Friday, Councillor Tom Osei said he had “serious doubts” about the plan."
        )
        let statement = try entry(article, containing: "rival had shown")
        #expect(statement.kind == "mixed" && statement.cue == "saying" && statement.speaker?.name == "Ana Ruiz")
        let message = try entry(article, containing: "serious doubts")
        #expect(message.text == "he had “serious doubts” about the plan" && message.speaker?.name == "Tom Osei")
    }

    @Test("“She's claiming that ...”: after a pronoun, “'s” is “is”, not a possessive, and the pronoun speaks")
    func contractedAuxiliaryBeforeCue() async throws {
        let article = try await Fixtures.enrich("Mara Jensen spoke later. She's claiming that voter fraud is “a big, big problem” in the state.")
        let claim = try entry(article, containing: "voter fraud")
        #expect(claim.kind == "mixed" && claim.cue == "claiming" && claim.speaker?.name == "Mara Jensen")
    }

    @Test("a quotation split into sentences by “?” or “.” keeps its postposed cue: the name after “said” is no reported content")
    func cueAfterAQuotationSplitIntoSentences() async throws {
        let article = try await Fixtures.enrich("“Is it the end? No. But it is harmful,” said Dana Whitfield, the budget director during the talks.")
        #expect(article.quotes.count == 1, "\(article.quotes.map(\.text))")
        #expect(article.speakerName(of: "But it is harmful") == "Dana Whitfield")
    }

    @Test("“X said, going on to say that ...”: the content after the second cue is X's, and apart from the quotation")
    func goingOnToSay() async throws {
        let article = try await Fixtures.enrich(
            "“We have come so far. That is why it matters,” Tom Osei said, going on to say that the town has waited “a hundred years for this bridge.”")
        let content = try #require(article.quote(containing: "the town has waited"))
        #expect(content.text == "that the town has waited “a hundred years for this bridge.”")
        #expect(content.speaker?.name == "Tom Osei")
    }

    @Test("“According to the Herald, Ann Lee, its chair, said ...”: the source's report holds all of Lee's, and Lee's report is an entry of its own")
    func reportInsideAccordingTo() async throws {
        let article = try await Fixtures.enrich(
            "According to the Harbour Herald, Professor Mary Kelly, the chair of the flag panel, said the flag had never been put to a vote. According to the Afghan team’s coach, Alireza Mehraban, the robot scored two points in its first match."
        )
        let outer = try #require(article.quotes.first { $0.cue == "according to" && $0.text.hasPrefix("Professor Mary Kelly") })
        #expect(outer.text == "Professor Mary Kelly, the chair of the flag panel, said the flag had never been put to a vote")
        #expect(outer.speaker?.name == "Harbour Herald")
        let inner = try #require(article.quotes.first { $0.cue == "said" })
        #expect(inner.text == "the flag had never been put to a vote")
        #expect(inner.speaker?.name == "Mary Kelly")
        // A name in apposition to a description is the source itself.
        #expect(article.speakerName(of: "the robot scored two points") == "Alireza Mehraban")
    }

    @Test(
        "An interview transcript: each labelled answer is its speaker's, whole and verbatim (“A:” the interviewee the article names, “Okoro:”, “EMMA CLARKE:”, a clip's “OSEI:” labelled once); questions and tallies are nobody's"
    )
    func interviewTranscript() async throws {
        let qAndA = try await Fixtures.enrich(
            "Filmmaker Ritu Sharma's debut feature won the audience award last month. She spoke to us about it.\n\n"
                + "Q: Why did you set the film in Lucknow?\n\nA: I grew up there. Every street corner in that city has a story, as my mother told me.\n\n"
                + "Q: Did you listen?\n\nA: I listened. I just didn't obey."
        )
        #expect(qAndA.quotes.count == 2, "\(qAndA.quotes.map(\.text))")
        let first = try entry(qAndA, containing: "I grew up there")
        #expect(first.text == "I grew up there. Every street corner in that city has a story, as my mother told me.")
        #expect(first.kind == "direct" && first.cue == ":")
        #expect(first.speaker?.name == "Ritu Sharma")
        #expect(qAndA.speakerName(of: "I just didn't obey") == "Ritu Sharma")
        let named = try await Fixtures.enrich(
            "Anna Mercer spoke with author Daniel Okoro about his novel.\n\nAnna Mercer: Your book opens with a funeral. Why start there?\n\n"
                + "Daniel Okoro: Because that's where my family started.\n\nMercer: Is the family yours?\n\nHow did they take it?\n\nOkoro: Ask my mother. She says no.\n\n"
                + "Emma Clarke won in three sets.\n\nEMMA CLARKE: Honestly? I thought I was going home.\n\nEMMA CLARKE: I stopped trying to hit winners."
        )
        #expect(named.speakerName(of: "Your book opens") == "Anna Mercer")
        #expect(named.speakerName(of: "Is the family yours") == "Anna Mercer")
        #expect(named.speakerName(of: "my family started") == "Daniel Okoro")
        #expect(named.speakerName(of: "Ask my mother") == "Daniel Okoro")
        #expect(try entry(named, containing: "Ask my mother").text == "Ask my mother. She says no.")
        #expect(named.speakerName(of: "going home") == "Emma Clarke")
        #expect(named.speakerName(of: "hit winners") == "Emma Clarke")
        #expect(!named.quotes.contains { $0.text.contains("How did they take it") })
        // A clip's speaker labelled once in capitals, in a transcript labelled elsewhere.
        let clip = try await Fixtures.enrich(
            "Governor Ana Pell spoke to Tom Reyes on Sunday. Mayor Kofi Osei had spoken on Friday.\n\nTOM REYES: The mayor spoke on Friday. Take a listen.\n\n"
                + "(BEGIN VIDEO CLIP.)\n\nOSEI: The harbour will reopen in the spring.\n\n(END VIDEO CLIP.)\n\nREYES: Do you agree with him?\n\nPELL: I do, with one doubt."
        )
        #expect(clip.speakerName(of: "harbour will reopen") == "Kofi Osei")
        #expect(clip.quote(containing: "harbour will reopen")?.kind == "direct")
        #expect(clip.speakerName(of: "with one doubt") == "Ana Pell")
        // A broadcast transcript's first labels carry the affiliation in brackets.
        let broadcast = try await Fixtures.enrich(
            "The host questioned the senator on Sunday.\n\nDANA HALE (NEWS 7): Senator, will you vote for the bill?\n\n"
                + "TOM REYES (D-OH): No, I will not vote for a bill that hurts working families.\n\nHALE: Why not?\n\nREYES: Because it is a bad bill for Ohio."
        )
        #expect(broadcast.speakerName(of: "will you vote") == "DANA HALE")
        #expect(broadcast.speakerName(of: "hurts working families") == "TOM REYES")
        #expect(broadcast.quote(containing: "hurts working families")?.kind == "direct")
        #expect(broadcast.speakerName(of: "bad bill for Ohio") == "TOM REYES")
        let tally = try await Fixtures.enrich("Delegates won so far.\n\nClinton: 1,769.\n\nSanders: 1,501.\n\nClinton said the count was over.")
        #expect(tally.quotes.map(\.text) == ["the count was over"])
    }

    @Test("A wire dateline (“JAKARTA, May 13 (Reuters) -”) is no part of what was said, and its agency or city speaks for nobody")
    func datelineIsNoContent() async throws {
        let article = try await Fixtures.enrich(
            "JAKARTA, May 13 (Reuters) - The death toll from floods in Sumatra rose to 40 on Monday, officials said.\n\n"
                + "DOHA, Qatar (AP) — Mediators from three countries said Sunday that talks would resume next week in Doha."
        )
        let toll = try entry(article, containing: "death toll")
        #expect(toll.text == "The death toll from floods in Sumatra rose to 40 on Monday")
        #expect(toll.describedSpeaker == "officials")
        let talks = try entry(article, containing: "talks would resume")
        #expect(talks.speaker?.entity == nil)
        #expect(talks.describedSpeaker == "Mediators from three countries")
    }

    @Test("“A spokesman for X, Name, said”, “X's challenger, Name, said”: the one named after the description speaks; “his lawyer said” is the lawyer's, whom the article may name")
    func nameAfterDescriptionSpeaks() async throws {
        let article = try await Fixtures.enrich(
            "Fighting went on near the border. A spokesman for the Harbour Front, Qari Malik Osei, said only three fighters had died. "
                + "Kamau conceded the seat. Kamau's challenger, Esther Wanjiru, said the count was flawed. "
                + "Nordhavn Freight was sold. Nordhavn's largest shareholder, the Hansen Family Foundation, said it supported the offer. "
                + "Police arrested Gregory Walsh on Monday. Walsh would not apply for bail, his lawyer said. "
                + "Tomas Reyes was charged on Friday. His lawyer, Ann Ode, arrived late. His lawyer said the charges would be fought."
        )
        #expect(article.speakerName(of: "only three fighters") == "Qari Malik Osei")
        #expect(article.speakerName(of: "count was flawed") == "Esther Wanjiru")
        #expect(article.speakerName(of: "supported the offer") == "Hansen Family Foundation")
        #expect(try entry(article, containing: "apply for bail").describedSpeaker == "his lawyer")
        #expect(article.speakerName(of: "charges would be fought") == "Ann Ode")
    }

    @Test("“X quoted Y as saying ...” is Y's; “Y was quoted by X as saying ...” is Y's too; someone unnamed stays nobody")
    func quotedAsSaying() async throws {
        let article = try await Fixtures.enrich(
            "The state news agency quoted leader Mira Tann as saying the tests were a success. "
                + "Interior Minister Ali Ben Salah was quoted by the Tunis Herald as saying the border would reopen on Monday. "
                + "The radio quoted a military official as saying two missiles were fired."
        )
        let first = try entry(article, containing: "tests were a success")
        #expect(first.text == "the tests were a success")
        #expect(first.cue == "quoted as saying")
        #expect(first.speaker?.name == "Mira Tann")
        #expect(article.speakerName(of: "border would reopen") == "Ali Ben Salah")
        #expect(try entry(article, containing: "two missiles").describedSpeaker == "a military official")
    }

    @Test("“Residents of Ikeja said”, “Fans of Arsenal said”: people of a place or club speak, not the place or club, and no entity opens with them")
    func peopleOfAPlace() async throws {
        let article = try await Fixtures.enrich(
            "Flooding hit the city again. Residents of Ikeja said the market had flooded twice this year. "
                + "Fans of Arsenal said the ticket prices were too high. Traders at Ita Elewa market said prices had doubled since March."
        )
        #expect(article.entity(named: "Residents of Ikeja") == nil)
        #expect(article.entity(named: "Ikeja") != nil)
        #expect(try entry(article, containing: "market had flooded").describedSpeaker == "Residents of Ikeja")
        #expect(try entry(article, containing: "ticket prices").describedSpeaker == "Fans of Arsenal")
        #expect(try entry(article, containing: "prices had doubled").describedSpeaker == "Traders at Ita Elewa market")
    }

    @Test("“told state radio ...”, “told the bench ...”: the one told, with a word for its kind, is no part of what was said")
    func audienceIsNoContent() async throws {
        let article = try await Fixtures.enrich(
            "Interior Minister Ali Ben Salah told state radio the border would reopen on Monday. Ben Salah later told the bench the evidence had been planted."
        )
        #expect(try entry(article, containing: "border would reopen").text == "the border would reopen on Monday")
        #expect(try entry(article, containing: "evidence had been planted").text == "the evidence had been planted")
    }

    @Test("British “whilst” opens a participle cue and a clause as “while” does (“whilst promising that ...”, “, whilst warning that ...”)")
    func whilstAsWhile() async throws {
        let article = try await Fixtures.enrich(
            "Ana Ruiz, the mayor, spoke on Friday. Ruiz said the pier would reopen, whilst her deputy Tom Hale warned that the budget was short. "
                + "Ruiz defended the budget whilst promising that the ferry would run in May. Hale defended the plan, whilst warning that the pier would stay shut."
        )
        #expect(try entry(article, containing: "pier would reopen").text == "the pier would reopen")
        #expect(article.speakerName(of: "pier would reopen") == "Ana Ruiz")
        #expect(article.speakerName(of: "the budget was short") == "Tom Hale")
        #expect(try entry(article, containing: "ferry would run").cue == "promising")
        #expect(article.speakerName(of: "ferry would run") == "Ana Ruiz")
        #expect(try entry(article, containing: "pier would stay shut").cue == "warning")
        #expect(article.speakerName(of: "pier would stay shut") == "Tom Hale")
    }

    @Test("“according to Norway’s Coastal Administration”: the organisation speaks, not its owner")
    func accordingToOwnedOrganisation() async throws {
        let article = try await Fixtures.enrich(
            "Ferry traffic fell by a third in March, according to Norway’s Coastal Administration. Port fees rose again, according to the city’s Harbour Board."
        )
        #expect(article.speakerName(of: "Ferry traffic fell") == "Coastal Administration")
        #expect(article.speakerName(of: "Port fees rose") == "Harbour Board")
    }

    @Test("“According to X, writing for Y, ...”: a phrase on the source is no part of what was said")
    func phraseOnTheSourceAfterAccordingTo() async throws {
        let article = try await Fixtures.enrich("According to Mara Lind, writing for the Sentinel, the council lost two votes in a week.")
        #expect(article.quote(containing: "the council lost")?.text == "the council lost two votes in a week")
        #expect(article.speakerName(of: "the council lost") == "Mara Lind")
    }

    @Test("“Asked by X whether ...”: the question is X's; asked by reporters, nobody named asked it")
    func questionAskedByANamedPerson() async throws {
        let article = try await Fixtures.enrich(
            "Asked by Omar Haddad whether the deal would hold, Tom Osei said it would. Asked by reporters whether the vote would pass, Osei shrugged.")
        #expect(article.quote(containing: "deal would hold")?.text == "whether the deal would hold")
        #expect(article.speakerName(of: "deal would hold") == "Omar Haddad")
        let unnamed = try #require(article.quote(containing: "vote would pass"))
        #expect(unnamed.speaker == nil)
    }

    @Test("“pledged delegates” is an adjective and a passive with no clause after it (“were not reported until”) reports nothing; “was told the vote would fail” and “it was reported that” do")
    func adjectivalAndPassiveCues() async throws {
        let article = try await Fixtures.enrich(
            "The totals include pledged delegates and party leaders from every state. The payments were not reported until auditors asked about them in May. It was reported that the plant would close. Tom Osei was told the vote would fail."
        )
        #expect(article.quotes.map(\.text) == ["that the plant would close", "the vote would fail"])
    }

    @Test("“After the hearing concluded, X stated that ...”: the opening clause's verb reports nothing; X's cue does")
    func openingClauseBeforeANamedCue() async throws {
        let article = try await Fixtures.enrich("After the hearing concluded, Dana Cole stated in a letter that the vote was void.")
        #expect(article.quotes.map(\.text) == ["that the vote was void"])
        #expect(article.speakerName(of: "the vote was void") == "Dana Cole")
    }

    @Test("a phrase of manner, purpose or time right after a cue (“responded by cutting”, “wrote for the Sentinel”) is not what was said")
    func adjunctAfterTheCue() async throws {
        let article = try await Fixtures.enrich(
            "Tom Osei responded by cutting the budget in half. Ellen Brody wrote for the Sentinel for a decade. Osei responded by saying that the cuts were needed.")
        #expect(article.quotes.map(\.text) == ["that the cuts were needed"])
        #expect(article.speakerName(of: "cuts were needed") == "Tom Osei")
    }

    @Test("a noun-like cue after a modifier reports only when a subject comes before the modifiers (“he later remarked”, “Cruz would not comment”), not in “recant earlier remarks”")
    func nounLikeCueAfterModifiers() async throws {
        let article = try await Fixtures.enrich(
            "Jeb Bush went after Donald Trump at the debate, refusing to recant earlier remarks, when he called the businessman “unhinged.” He later remarked that the debate was rigged. Ted Cruz would not comment on the order signed by the governor."
        )
        #expect(article.quotes.map(\.text) == ["the businessman “unhinged.”", "that the debate was rigged", "the order signed by the governor"])
        #expect(article.speakerName(of: "unhinged") == "Jeb Bush")
    }

    @Test("a topic after the cue (“wrote about the vote”) is not what was said; “said about half of ...” is")
    func topicAfterTheCue() async throws {
        let article = try await Fixtures.enrich(
            "Ellen Brody wrote about the vote at length. Dana Cole said on Tuesday that the port would close. Tom Osei said about half of the funds were spent.")
        #expect(article.quotes.map(\.text) == ["that the port would close", "about half of the funds were spent"])
    }

    @Test("“police said”, “a senior administration official said”: nobody, when no police or administration is named; “the budget office” is the organisation named with “Office”")
    func institutionsResolveOnlyToTheirNames() async throws {
        let unnamed = try await Fixtures.enrich(
            "Riverside Broadcasting aired the footage on Tuesday. Police said the driver had fled the scene. A senior administration official said the ferry contract would be cancelled.")
        #expect(unnamed.quote(containing: "driver had fled")?.describedSpeaker == "Police")
        #expect(unnamed.quote(containing: "ferry contract")?.describedSpeaker == "A senior administration official")
        let named = try await Fixtures.enrich(
            "The Parliamentary Budget Office published its forecast in March. The Finance Committee met on Monday. The budget office said the deficit would double by 2030.")
        #expect(named.speakerName(of: "deficit would double") == "Parliamentary Budget Office")
    }

    @Test("“..., the council said”: a description right before the cue is its subject, even naming nobody; the name opening the sentence is not")
    func descriptionBeforeTheCueIsTheSubject() async throws {
        let article = try await Fixtures.enrich(
            "The Harbour Gazette reported on Mayor Lena Ortiz on Sunday. Ortiz, who took office in May, has kept every promise she made to the port workers, the council said.")
        let quote = try #require(article.quote(containing: "kept every promise"))
        #expect(quote.describedSpeaker == "the council")
    }

    @Test(
        "a place after a preposition, in a list after one or in an address, is not the cue's subject (“voters in Alabama, Georgia and Virginia said”); a count of a group is the count as written (“85% of Democrats said”)"
    )
    func placesGovernedByAPreposition() async throws {
        let article = try await Fixtures.enrich(
            "Most voters in Alabama, Georgia and Virginia said they felt betrayed by the party. A driver on a crowded pavement along the Las Vegas Strip told police she was chased by guards. Dana Osei of Columbia, South Carolina says the count was fair. In Ohio, 85% of Democrats said the plan was sound. Alarmed by the unrest in Nevada, Senator Tom Brody, the minority leader, said that he spoke with the governor."
        )
        #expect(article.quote(containing: "felt betrayed")?.speaker == nil)
        #expect(article.quote(containing: "chased by guards")?.speaker == nil)
        #expect(article.speakerName(of: "count was fair") == "Dana Osei")
        #expect(article.describedSpeaker(of: "plan was sound") == "85% of Democrats")
        #expect(article.speakerName(of: "spoke with the governor") == "Tom Brody")
    }

    @Test("a dateline (“WASHINGTON —”) is nobody's name: “..., where authorities reported ...” is reported by nobody named")
    func datelineIsNoSpeaker() async throws {
        let article = try await Fixtures.enrich(
            "WASHINGTON — Candidates on Wednesday reacted to a flood in a small city, where authorities reported at least 20 houses lost to the river.")
        let quote = try #require(article.quote(containing: "20 houses"))
        #expect(quote.describedSpeaker == "authorities")
    }

    @Test("“It added”: the organisation that spoke just before; not an organisation named after a preposition (“a film for Coastline Television. It argued”)")
    func itIsTheOrganisationThatSpoke() async throws {
        let article = try await Fixtures.enrich(
            "Ellen Brody directed a film about the port for Coastline Television. It argued that the harbour should close. Northwind Airlines said that flights would resume on Friday. Pilots from the Coastal Pilots Union began the strike on Monday. It added that passengers would be refunded."
        )
        #expect(article.quote(containing: "harbour should close")?.speaker == nil)
        #expect(article.speakerName(of: "passengers would be refunded") == "Northwind Airlines")
    }

    @Test("a relative clause after the one named (“was told by the Harbour Gazette, which unearthed ...”) is not what was said")
    func relativeClauseAfterTheAgent() async throws {
        let article = try await Fixtures.enrich(
            "A different side of the story was being told by the Harbour Gazette, which unearthed a memo from 1995 in its archive.")
        #expect(article.quotes.isEmpty)
    }

    @Test("“respond”, “maintain”, “mention”, “remind” report only a “that” clause; “states that held” is a noun and a relative clause; “responded by saying” is the subject's")
    func cuesThatReportOnlyWithThat() async throws {
        let article = try await Fixtures.enrich(
            "Tom Osei did not respond to requests for comment. Osei maintained his lead in the polls and mentioned the port twice. The two states that held primaries on Tuesday favoured him. Ellen Brody responded by saying the count was wrong. Brody maintained that the vote was rigged."
        )
        #expect(article.quotes.map(\.text) == ["the count was wrong", "that the vote was rigged"])
        #expect(article.speakerName(of: "count was wrong") == "Ellen Brody")
    }

    @Test(
        "“according to X,” inside a sentence: what was said goes on after it (“Among the rules at risk, according to Cole, are ...”, “In the first year, according to Hale, the port ...”); not into a relative clause on X"
    )
    func accordingToInsideTheSentence() async throws {
        let article = try await Fixtures.enrich(
            "Among the rules at risk, according to Dana Cole, are the limits on port fees and the night curfew. The plan failed, according to Tom Osei, who led the review."
        )
        let cole = try #require(article.quote(containing: "rules at risk"))
        #expect(cole.text == "Among the rules at risk are the limits on port fees and the night curfew")
        #expect(cole.parts.map(\.text) == ["Among the rules at risk", "are the limits on port fees and the night curfew"])
        #expect(article.quote(containing: "plan failed")?.text == "The plan failed")
        // After an opening phrase the clause after the source is what was said, whatever
        // word opens it; not an apposition after a whole clause.
        let phrased = try await Fixtures.enrich(
            "In the first year, according to Mayor Ann Hale, the port will lose money. Fees rose 5 percent, according to Tom Osei, the largest rise in a decade."
        )
        let hale = try #require(phrased.quote(containing: "lose money"))
        #expect(hale.parts.map(\.text) == ["In the first year", "the port will lose money"])
        #expect(hale.speaker?.name == "Ann Hale")
        #expect(phrased.quote(containing: "Fees rose")?.text == "Fees rose 5 percent")
    }

    @Test("a headline “Osei: The port will reopen” and a transcript line “ELLEN BRODY: Why not ...?” report the rest as the name's; a section heading “Fees: ...” does not")
    func labelledHeadlineAndTranscriptLines() async throws {
        let article = try await Fixtures.enrich(
            "Osei: The port will reopen by spring.\n\nMayor Tom Osei spoke to reporters on Monday.\n\nELLEN BRODY: Why not reopen it sooner?\n\nFees: The council holds a veto over all port fees."
        )
        #expect(article.quotes.map(\.text) == ["The port will reopen by spring", "Why not reopen it sooner"])
        #expect(article.speakerName(of: "reopen by spring") == "Tom Osei")
        #expect(article.quote(containing: "reopen by spring")?.cue == ":")
    }

    @Test(
        "a title-case headline “Osei Says The Port Will Reopen By Spring” reports the rest as the name's, a surname alone too; its capitals run into no entity; a role before the cue is a description, not the name inside it"
    )
    func titleCaseHeadlineReport() async throws {
        let article = try await Fixtures.enrich(
            "Osei Says He Will Reopen The Port By Spring.\n\nMayor Tom Osei spoke to reporters on Monday about the harbour.")
        let headline = try #require(article.quote(containing: "Reopen The Port"))
        #expect(headline.text == "He Will Reopen The Port By Spring")
        #expect(headline.kind == "indirect")
        #expect(headline.cue == "says")
        #expect(headline.speaker?.name == "Tom Osei")
        #expect(!article.entities.contains { $0.name.contains("Says") || $0.name.contains("Reopen") })
        let announced = try await Fixtures.enrich(
            "Osei Announces Plans He And Cole Have Made For The Port.\n\nMayor Tom Osei and Dana Cole spoke to reporters on Monday.")
        #expect(!announced.entities.contains { $0.name.contains("Announces") || $0.name.contains("Plans") })
        // A surname that is also a word ("Frost") the tagger leaves untagged among capitals.
        let surname = try await Fixtures.enrich("Frost Says The Port Will Reopen By Spring.\n\nMayor Dana Frost spoke to reporters on Monday.")
        #expect(surname.quote(containing: "Reopen By Spring")?.speaker?.name == "Dana Frost")
        let role = try await Fixtures.enrich(
            "Former Osei Pollster Says Osei Is In Trouble In The North.\n\nMayor Tom Osei spoke to reporters on Monday about the harbour.")
        let polled = try #require(role.quote(containing: "In Trouble"))
        #expect(polled.speaker?.entity == nil)
        #expect(polled.describedSpeaker == "Former Osei Pollster")
        let noun = try await Fixtures.enrich(
            "Tom Osei Defends Himself Against Claims He Misled The Council.\n\nMayor Tom Osei spoke to reporters on Monday about the harbour.")
        #expect(noun.quote(containing: "Misled")?.speaker?.name != "Tom Osei")
    }

    @Test("“X attacked Y by reminding voters that ...”: the participle after “by” is X's, not an organisation the sentence names first")
    func participleAfterByIsTheSubjects() async throws {
        let article = try await Fixtures.enrich(
            "When she ran for the Senate in 2010, Senator Ellen Brody attacked Dana Cole by reminding voters that the port had closed.")
        #expect(article.speakerName(of: "port had closed") == "Ellen Brody")
    }

    @Test("“A,” X told Y after hinting that ...: the participle after \"after\" or \"while\" is X's, and so is the quote after it")
    func participleAfterSubordinator() async throws {
        let article = try await Fixtures.enrich(
            "Ana Ruiz met donors in Hallam.\n\n“Everything is on the table,” Ruiz told the Harbour Ledger on Wednesday after hinting that “staff changes” could come. “Every single thing is on the table.”\n\n“We are ready,” Ruiz said on Thursday while insisting that the campaign was sound."
        )
        #expect(article.speakerName(of: "staff changes") == "Ana Ruiz")
        #expect(article.speakerName(of: "Every single thing") == "Ana Ruiz")
        #expect(article.speakerName(of: "the campaign was sound") == "Ana Ruiz")
    }

    @Test("a surname the tagger leaves untagged before \"went on to say\" or \"continued to insist\" is the person named before")
    func surnameBeforeVerbChain() async throws {
        let article = try await Fixtures.enrich(
            "Mike Pence spoke to Fox on Monday. Pence went on to say that the two men will do great things.\n\nPence continued to insist that the party was united.")
        #expect(article.speakerName(of: "the two men will do great things") == "Mike Pence")
        #expect(article.speakerName(of: "the party was united") == "Mike Pence")
    }

    @Test("X, who said the plan had failed, left: the content ends with the relative clause")
    func relativeClauseCue() async throws {
        let article = try await Fixtures.enrich(
            "The plan was debated in Lund. Ana Ruiz, who said the harbour plan had failed, left the room before the vote.")
        let quote = try #require(article.quote(containing: "harbour plan had failed"))
        #expect(quote.text == "the harbour plan had failed")
        #expect(quote.speaker?.name == "Ana Ruiz")
        // A list or an apposition after the comma goes on with the content.
        let list = try await Fixtures.enrich("Police spoke to Ana Ruiz, who said the thieves took cash, jewellery and two laptops.")
        #expect(list.quote(containing: "thieves")?.text == "the thieves took cash, jewellery and two laptops")
    }

    @Test("X said A, but suggested B; X said A and vowed B; X said A, while acknowledging B: two contents, both X's")
    func secondCueOfTheSameSpeaker() async throws {
        let article = try await Fixtures.enrich(
            "The council met in Lund. Senator Ana Ruiz said the harbour fees had driven ships away, but suggested the port board went too far with its cuts.\n\nTomas Berg said that he was leaving the board and vowed to fight the closure in court.\n\nLena Fors said the budget was sound, while acknowledging that the next year will be hard for families."
        )
        for (content, speaker) in [
            ("the harbour fees had driven ships away", "Ana Ruiz"), ("the port board went too far with its cuts", "Ana Ruiz"),
            ("that he was leaving the board", "Tomas Berg"), ("to fight the closure in court", "Tomas Berg"),
            ("the budget was sound", "Lena Fors"), ("that the next year will be hard for families", "Lena Fors"),
        ] {
            let quote = try #require(article.quote(containing: content))
            #expect(quote.text == content)
            #expect(quote.speaker?.name == speaker)
        }
        // A noun, or a verb of what was said, after "and" is no second cue.
        let same = try await Fixtures.enrich(
            "Ana Ruiz said the fees and reports from the port were both exaggerated. Mira Kolb said the firm had cut costs and reported a profit for the first time. Jon Pell said the number of suspected and confirmed cases had doubled. Ana Ruiz said the minister was booed while announcing the cuts."
        )
        for content in [
            "the fees and reports from the port were both exaggerated", "the firm had cut costs and reported a profit for the first time",
            "the number of suspected and confirmed cases had doubled", "the minister was booed while announcing the cuts",
        ] {
            #expect(same.quote(containing: String(content.prefix(20)))?.text == content)
        }
    }

    @Test("“..., while only 49 percent of Republicans say ...”: a joined clause with a subject of its own is a second content, whose speaker is found in that clause")
    func joinedClauseWithItsOwnSubject() async throws {
        let article = try await Fixtures.enrich(
            "Ana Ruiz leads the race in Lund. Most voters said they were worried about the harbour, and more than four in 10 said Tomas Berg would handle it best.\n\nThree in four Greens said they would back Ruiz, while only 49 percent of Liberals say the same of Berg."
        )
        let first = try #require(article.quote(containing: "worried about the harbour"))
        #expect(first.text == "they were worried about the harbour")
        let second = try #require(article.quote(containing: "would handle it best"))
        #expect(second.text == "Tomas Berg would handle it best")
        #expect(second.describedSpeaker == "more than four in 10")
        let third = try #require(article.quote(containing: "the same of Berg"))
        #expect(article.quote(containing: "they would back Ruiz")?.text == "they would back Ruiz")
        #expect(third.describedSpeaker == "only 49 percent of Liberals")
        // A second "that" clause of the same cue, and "who say so", go on with the content.
        let same = try await Fixtures.enrich(
            "Oda Lind said prices had risen, and that more than half of tenants say they cannot pay. About 58 percent of parents said the school was safe, compared with 64 percent who say so in the city."
        )
        #expect(same.quote(containing: "prices had risen")?.text == "prices had risen, and that more than half of tenants say they cannot pay")
        #expect(same.quote(containing: "school was safe")?.text == "the school was safe, compared with 64 percent who say so in the city")
    }

    @Test(
        "“The Ruiz administration said”, “Ruiz's campaign said”: the organisation speaks, not the person it is named after; “Ruiz campaign manager Tom Lee said” stays a person, and “Ruiz and her campaign said” speak together"
    )
    func organisationNamedAfterAPerson() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Ana Ruiz spoke in Lund on Monday. The Ruiz administration said that the harbour fees would stay. Ruiz's campaign said that the ferry would run all winter.\n\nRuiz campaign manager Tom Lee said that the polls were close. Ruiz and her campaign said that the vote was fair."
        )
        #expect(try #require(article.quote(containing: "harbour fees would stay")).describedSpeaker == "Ruiz administration")
        #expect(try #require(article.quote(containing: "ferry would run")).describedSpeaker == "Ruiz's campaign")
        #expect(article.speakerName(of: "polls were close") == "Tom Lee")
        let together = try #require(article.quote(containing: "vote was fair"))
        #expect(together.describedSpeaker == "Ruiz and her campaign")
        #expect(together.speaker?.joint.compactMap { id in article.entities.first { $0.id == id }?.name } == ["Ana Ruiz"])
        // Her office is hers, as "her office" is; a person beside the campaign speaks.
        let others = try await Fixtures.enrich(
            "Senator Ana Ruiz voted against the bill. Ruiz's office said that she would explain her vote on Friday. Tom Lee and the Ruiz campaign said that the vote was a mistake.")
        #expect(others.speakerName(of: "explain her vote") == "Ana Ruiz")
        #expect(others.speakerName(of: "vote was a mistake") == "Tom Lee")
    }

    @Test("“X issued a statement saying that ...”: X's, and the content runs from “that”; not “In a statement announcing the pick, the union ...”")
    func statementSaying() async throws {
        let article = try await Fixtures.enrich(
            "The judge died on Saturday. Council leader Ana Ruiz issued a statement saying that the council should not name a successor until after the election.\n\nIn a statement announcing the pick, the Harbour Workers Union called Ruiz a champion of the port."
        )
        let quote = try #require(article.quote(containing: "should not name a successor"))
        #expect(quote.text == "that the council should not name a successor until after the election")
        #expect(quote.speaker?.name == "Ana Ruiz")
        #expect(article.quote(containing: "the pick") == nil)
        // In a relative clause the content ends with the clause.
        let relative = try await Fixtures.enrich("Tom Berg, who issued a statement saying he would resign, did not attend the vote.")
        #expect(relative.quote(containing: "resign")?.text == "he would resign")
    }

    @Test("“The club's manager said”: the manager the article introduced, not the club; “the club's statement said” and “according to the club's release” are the club's")
    func rolePossessedByOrganisation() async throws {
        let article = try await Fixtures.enrich(
            "Harbour FC manager Ana Ruiz spoke in May. The club's manager said that the team would rebuild over the summer. The club's statement said that tickets were sold out. The stadium would reopen in August, according to the club's Friday release."
        )
        #expect(article.speakerName(of: "team would rebuild") == "Ana Ruiz")
        #expect(article.speakerName(of: "tickets were sold out") == "Harbour FC")
        #expect(article.speakerName(of: "stadium would reopen") == "Harbour FC")
        let appointed = try await Fixtures.enrich(
            "Harbour FC manager Ana Ruiz spoke in May. The club's newly appointed manager said that the team would rebuild.")
        #expect(appointed.speakerName(of: "team would rebuild") == "Ana Ruiz")
    }

    @Test("“X describes herself as ... and has said that ...”, “... and then tweeted that ...”, “... but has since said ...”: the cue joined past an auxiliary or adverb shares the subject")
    func joinedCuePastAuxiliaries() async throws {
        let article = try await Fixtures.enrich(
            "Tom Berg spoke on Sunday. Mayor Ana Ruiz describes herself as a builder and has said that she would expand the port.\n\nLena Fors blasted the board during a rally, and then tweeted that it was a disgrace.\n\nPiet Alders backed the toll but has since said the fee must change."
        )
        #expect(article.speakerName(of: "expand the port") == "Ana Ruiz")
        #expect(article.speakerName(of: "it was a disgrace") == "Lena Fors")
        #expect(article.speakerName(of: "the fee must change") == "Piet Alders")
    }

    @Test("“LUND, Swed. - Rallying dock workers, Ana Ruiz ... and promised to keep the port open”: a spaced hyphen ends the dateline, and the infinitive is what was promised, not the opening phrase")
    func datelineWithHyphenAndInfinitive() async throws {
        let article = try await Fixtures.enrich(
            "Tom Berg spoke on Sunday.\n\nLUND, Swed. - Rallying dock workers, Ana Ruiz tried to calm them and promised to keep the port open.\n\nThe port is dying, Tom Berg said to reporters.")
        let promise = try #require(article.quote(containing: "keep the port open"))
        #expect(promise.text == "to keep the port open")
        #expect(promise.speaker?.name == "Ana Ruiz")
        #expect(article.quote(containing: "Rallying") == nil)
        #expect(article.speakerName(of: "The port is dying") == "Tom Berg")
    }

    @Test("“Ruiz told investigators that ..., court papers say”: the report inside a report is an entry of its own, with its own speaker; words it quotes are listed once in the verbatim view")
    func nestedReport() async throws {
        let article = try await Fixtures.enrich(
            "Police arrested Ana Ruiz on Friday. Ruiz told investigators that she had driven to the harbour alone, court papers say.\n\nRuiz said the ferry was “never on time,” Detective Tom Berg wrote. The council agreed to cut the harbour fees, Tom Berg said."
        )
        let outer = try #require(article.quotes.first { $0.text.hasPrefix("Ruiz told investigators") })
        #expect(outer.describedSpeaker == "court papers")
        let inner = try #require(article.quotes.first { $0.text == "that she had driven to the harbour alone" })
        #expect(inner.speaker?.name == "Ana Ruiz")
        #expect(inner.cue == "told")
        let quoting = try #require(article.quotes.first { $0.text.hasPrefix("the ferry was") })
        #expect(quoting.kind == "mixed")
        #expect(quoting.speaker?.name == "Ana Ruiz")
        #expect(article.speakerName(of: "Ruiz said the ferry") == "Tom Berg")
        let verbatim = article.verbatimOnly.quotes.filter { $0.text.contains("never on time") }
        #expect(verbatim.count == 1)
        #expect(verbatim.first?.speaker?.name == "Tom Berg")
        // Only "said" and "told" open a report inside a report: agreeing to cut is no speech.
        #expect(article.quotes.filter { $0.text.contains("cut the harbour fees") }.map(\.cue) == ["said"])
        // Nor one in a relative or "as" clause, nor one whose subject does not open the report.
        let clauses = try await Fixtures.enrich(
            "A man who neighbours said had lived there for years was arrested on Tuesday, police said. Ruiz said that, as the mayor said last week, the budget is tight, officials said. Ana Ruiz said Tom Berg told her in May that he would resign, her aide said."
        )
        #expect(clauses.quotes.filter { $0.text.hasPrefix("had lived") || $0.text == "Ruiz said that" }.isEmpty)
        #expect(clauses.quotes.contains { $0.text == "Tom Berg told her in May that he would resign" && $0.speaker?.name == "Ana Ruiz" })
        #expect(!clauses.quotes.contains { $0.text == "that he would resign" })
    }

    @Test("a description made of an organisation and a role (“the Halden Shipping Group employee”) is a person of it, not the organisation; a party's adjective is no speaker")
    func organisationAndRole() async throws {
        let article = try await Fixtures.enrich(
            "Halden Shipping Group cut 300 jobs on Sunday. Democrats met on Monday.\n\n“It is hard to take seriously,” the Halden Shipping Group employee wrote. Presumptive Democratic nominee Vera Holm called on the council to act."
        )
        #expect(article.speakerName(of: "hard to take seriously") != "Halden Shipping Group")
        #expect(article.quotes.allSatisfy { $0.speaker?.name != "Democrats" && $0.speaker?.name != "Democratic" })
    }

    @Test("“no.” ends a sentence unless a number follows (“No. 5”): nothing reported runs past it")
    func abbreviationBeforeNumbers() async throws {
        let article = try await Fixtures.enrich("Asked whether she would run, Ruiz said no. Voters in Halden were divided. The No. 5 bus still runs.")
        #expect(article.quotes.allSatisfy { !$0.text.contains("Voters") })
    }

    @Test("an office named for its head and a spokesperson's organisation speak; a statement or an unnamed source after the verb is the speaker, not what was said")
    func officesStatementsAndUnnamedSources() async throws {
        let article = try await Fixtures.enrich(
            """
            Deputies found the van near Kestrel Bay on Monday. “The investigation is ongoing,” the Harlow County Sheriff’s Office said.

            Mayor Ana Ruiz and Governor Tom Berg “agreed to reopen the ferry by May,” said a statement released by the Governor’s Office.

            The port authority is weighing a sale of its cargo terminal, said people familiar with the matter.

            The case “is closed,” a Halden Transit Authority spokeswoman said. Senator from Ohio says the bill will pass.

            Residents said Tuesday’s vote by the council was rushed.
            """
        )
        #expect(article.speakerName(of: "investigation is ongoing") == "Harlow County Sheriff’s Office")
        #expect(article.entity(named: "Governor’s Office")?.type == .org)
        let statement = try #require(article.quote(containing: "agreed to reopen the ferry"))
        #expect(statement.text.hasPrefix("Mayor Ana Ruiz"), "what the statement said opens the sentence: \(statement.text)")
        #expect(statement.speaker?.name == "Governor’s Office")
        let unnamed = try #require(article.quote(containing: "weighing a sale"))
        #expect(unnamed.text == "The port authority is weighing a sale of its cargo terminal")
        #expect(unnamed.describedSpeaker == "people familiar with the matter")
        #expect(article.quotes.allSatisfy { !$0.text.hasPrefix("a statement") && !$0.text.hasPrefix("people familiar") })
        #expect(article.speakerName(of: "is closed") == "Halden Transit Authority")
        #expect(article.speakerName(of: "the bill will pass") != "Ohio")
        #expect(article.quote(containing: "vote by the council")?.text.hasPrefix("Tuesday’s vote") == true)
    }

    @Test("after the verb, a role with its name apposed or a clause about it is the speaker, not what was said; “adding to his wins” is no speech")
    func invertedRolesAndAddingTo() async throws {
        let article = try await Fixtures.enrich(
            """
            The two men met at the same gym, said the agency’s director, James P. Holt, on Monday.

            Neither side wants a trade war, said an official who was briefed on the talks and spoke on condition of anonymity.

            Ana Ruiz won the Halden primary on Tuesday, adding to her wins in Kestrel Bay and Marlow. The defeat only added to the confusion in the Berg campaign.
            """
        )
        let met = try #require(article.quote(containing: "same gym"))
        #expect(met.text == "The two men met at the same gym")
        #expect(met.speaker?.name == "James P. Holt")
        let war = try #require(article.quote(containing: "trade war"))
        #expect(war.text == "Neither side wants a trade war")
        #expect(war.describedSpeaker == "an official")
        #expect(article.quotes.allSatisfy { !$0.text.contains("briefed") && !$0.text.contains("director") })
        #expect(article.quote(containing: "her wins") == nil)
        #expect(article.quote(containing: "confusion") == nil)
    }

    @Test("a name before an aside opening with a participle speaks, not a name inside it; after “with”, the name before a participle is its subject")
    func asidesAndAbsoluteWith() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg visited Halden on Friday. The row began after Mayor Ana Ruiz, asked about the fees charged by Tom Berg, had said, “Nobody here pays twice.”

            Harbour unions were early backers of Ruiz, with the Halden Dockers Union calling her “the mayor the port needs” and its members cheering her on stage.

            The council met on Monday, with Councillor Dana Cole warning that the budget would not stretch to a second ferry. Numerous residents interviewed this week, including Mr. Berg, said they backed the plan.
            """
        )
        #expect(article.speakerName(of: "Nobody here pays twice") == "Ana Ruiz")
        #expect(article.speakerName(of: "the mayor the port needs") == "Halden Dockers Union")
        let warning = try #require(article.quote(containing: "second ferry"))
        #expect(warning.text == "that the budget would not stretch to a second ferry")
        #expect(warning.speaker?.name == "Dana Cole")
        #expect(article.speakerName(of: "backed the plan") != "Ana Ruiz")
    }

    @Test("a horizontal bar (―) is a dash: a name with its own cue after a dashed aside ends the reported clause before it and speaks the quote")
    func horizontalBarEndsReportedClause() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz debated Tom Berg in Marlow. When Ruiz noted that Berg had paid no harbour levy for years ― as was true for the years his accounts were public ― Berg boasted, “That makes me careful.” The debate ended late.
            """
        )
        let noted = try #require(article.quote(containing: "paid no harbour levy"))
        #expect(!noted.text.contains("careful"))
        #expect(noted.speaker?.name == "Ana Ruiz")
        #expect(article.speakerName(of: "That makes me careful") == "Tom Berg")
    }

    @Test("before a postposed cue, a name's apposition may be a title without an article, an age, or a description holding a list")
    func appositionsBeforePostposedCue() async throws {
        let article = try await Fixtures.enrich(
            """
            Officials held a call with reporters on Monday. The new ferry rules “will not end the queues, but are a start,” Ana Ruiz, deputy minister for ports, harbours, and ferries, said on the call.

            The harbour will close for a week in May, Tom Berg, 54, said. The fees will rise again next year, Dana Cole, head of the Marlow port authority, said.
            """
        )
        #expect(article.speakerName(of: "will not end the queues") == "Ana Ruiz")
        #expect(article.speakerName(of: "close for a week") == "Tom Berg")
        #expect(article.speakerName(of: "fees will rise") == "Dana Cole")
        #expect(article.quote(containing: "fees will rise")?.text.contains("Cole") == false)
    }

    @Test(
        "an adverb of manner stands between a subject and its cue (“and Berg strongly suggested”); a time after a relative aside does not hide the name before it (“Cole, who ..., on Friday declared”)"
    )
    func mannerAdverbsAndTimeAfterAside() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg, Ana Ruiz and Ivo Lund ran for mayor. Neither Ana Ruiz nor Ivo Lund has won a ward and Berg strongly suggested they should drop out before the runoff.

            Radio host Dana Cole, who since the closure of the Marlow Herald has spared no one in attacking the harbour board, on Friday declared the board was a danger to the town.
            """
        )
        #expect(article.speakerName(of: "should drop out") == "Tom Berg")
        #expect(article.speakerName(of: "board was a danger") == "Dana Cole")
    }

    @Test("“urged X to ...” reports a directive: its content is what X was urged to do")
    func urgingReportsADirective() async throws {
        let article = try await Fixtures.enrich(
            """
            The mayor of Marlow, Ana Ruiz, visited the families of the crew on Sunday and urged them to stay strong until the search ended.
            """
        )
        let urged = try #require(article.quote(containing: "to stay strong"))
        #expect(urged.kind == "indirect")
        #expect(urged.cue == "urged")
        #expect(urged.speaker?.name == "Ana Ruiz")
    }

    @Test("a name right before its cue speaks across a time between them (“rival Ana Ruiz on Wednesday announced”), not a name in the adjunct before; “USA TODAY reported” is no country's")
    func subjectBeforeATime() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg led the polls in Marlow. As if to prove how little Berg's lead meant to anyone, rival Ana Ruiz on Wednesday announced that she had raised more money than any candidate in the town's history.

            The harbour fund paid for trips abroad. USA TODAY reported last month that the fund had paid for 40 trips by council members.
            """
        )
        #expect(article.speakerName(of: "raised more money") == "Ana Ruiz")
        #expect(article.quote(containing: "paid for 40 trips")?.speaker?.name != "United States")
    }

    @Test(
        "people described by someone (“Aides to Ruiz”, “Organizers of the protest at Berg's speech”, “Strategists for Ruiz and Berg”) speak, not that someone; a title (“Secretary of State Ivo Lund”), a spokesperson's principal and a company's officers still do"
    )
    func peopleAroundSomeoneAreNotThem() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ana Ruiz and Tom Berg met voters in Marlow.

            Aides to Ruiz say she will not debate before the vote. Organizers of the protest at Berg's speech said they expected a thousand people. Strategists for Ruiz and Berg agree that the race will be close.

            Secretary of State Ivo Lund said the harbour would stay open. A spokeswoman for Tom Berg says he has not decided. Executives for Nordhavn Freight say the company will hire 200 dockers.
            """
        )
        #expect(try #require(article.quote(containing: "will not debate")).describedSpeaker == "Aides to Ruiz")
        #expect(try #require(article.quote(containing: "a thousand people")).speaker == nil)
        #expect(try #require(article.quote(containing: "race will be close")).describedSpeaker == "Strategists for Ruiz and Berg")
        #expect(article.speakerName(of: "harbour would stay open") == "Ivo Lund")
        #expect(article.speakerName(of: "has not decided") == "Tom Berg")
        #expect(article.speakerName(of: "hire 200 dockers") == "Nordhavn Freight")
    }

    @Test(
        "a name qualifying people (“Ruiz aides”, “a top Ruiz adviser”, “Berg supporters”) is not the speaker, a spokesperson's principal still is; “the Marlow Republican” describes the person named before, “The Tennessean” is a newspaper"
    )
    func nameQualifyingPeopleIsNotThem() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ana Ruiz and Tom Berg met voters in Marlow.

            Ruiz aides said she would not debate before the vote. A top Ruiz adviser says the polls are tightening. Many Berg supporters complained that the hall was too small. A Berg spokesman said the campaign would book a larger hall.

            Senator Ivo Lund spoke at the harbour on Friday. The Marlow Republican said the harbour would stay open.

            Jon Pike skipped the vote. The Tennessean reported that Pike had left the state.
            """
        )
        #expect(try #require(article.quote(containing: "would not debate")).describedSpeaker == "Ruiz aides")
        #expect(try #require(article.quote(containing: "polls are tightening")).describedSpeaker == "A top Ruiz adviser")
        #expect(try #require(article.quote(containing: "hall was too small")).describedSpeaker == "Many Berg supporters")
        #expect(article.speakerName(of: "book a larger hall") == "Tom Berg")
        #expect(article.speakerName(of: "harbour would stay open") == "Ivo Lund")
        #expect(article.speakerName(of: "had left the state") != "Jon Pike")
    }

    @Test(
        "someone introduced right before the verb (“when a Marlow voter asked”, “a Labour councillor said”) is new and unnamed, not the person the sentence or article named; “Ruiz's opponents” and “Ruiz critics” are not Ruiz; “a Harbor Authority spokesman” still speaks for the authority"
    )
    func someoneNewBeforeTheVerb() async throws {
        let article = try await Fixtures.enrich(
            """
            Councillor Ana Ruiz spoke for two hours on Tuesday.

            After a marathon of speeches, a Labour councillor said the vote would be held in June. Ruiz caused a stir when a Marlow voter asked whether she would resign.

            Ruiz's opponents said the plan would fail. Ruiz critics said the plan was weak. Tom Berg, a councillor, said the vote was close. A Harbor Authority spokesman said the port would stay open.
            """
        )
        #expect(try #require(article.quote(containing: "held in June")).speaker == nil)
        #expect(try #require(article.quote(containing: "whether she would resign")).describedSpeaker == "a Marlow voter")
        #expect(try #require(article.quote(containing: "plan would fail")).speaker?.entity == nil)
        #expect(article.describedSpeaker(of: "plan would fail") == "Ruiz's opponents")
        #expect(try #require(article.quote(containing: "plan was weak")).speaker?.entity == nil)
        #expect(article.describedSpeaker(of: "plan was weak") == "Ruiz critics")
        #expect(article.speakerName(of: "vote was close") == "Tom Berg")
        #expect(article.speakerName(of: "port would stay open") == "Harbor Authority")
    }

    @Test(
        "a sentence whose speaker is set off inside it (“Acts of protest, Ms. Voss said, are ...”) is one entry, that speaker's, though a later cue in it (“as a man said before he died”) could reach back over it"
    )
    func parentheticalSpeakerOwnsTheSentence() async throws {
        let article = try await Fixtures.enrich(
            """
            Dana Voss spoke at the museum on Saturday.

            Acts of protest, Ms. Voss said, are acts of patriotism, whether it was sitting at a lunch counter or wearing a shirt with the words “I can't breathe,” as a man said before he died.

            The hall was full, Ms. Voss said, and the doors stayed open past midnight, as the guards had said they would.
            """
        )
        let protest = article.quotes.filter { $0.text.contains("acts of patriotism") }
        #expect(protest.count == 1)
        #expect(protest.first?.speaker?.name == "Dana Voss")
        let hall = article.quotes.filter { $0.text.contains("The hall was full") }
        #expect(hall.count == 1)
        #expect(hall.first?.speaker?.name == "Dana Voss")
    }

    @Test(
        "speech acts whose object is what was said (“described the attack as”, “accused the mayor of”) report it through the words they quote, and the report ends with them; without quoted words (“criticised Berg for”, “citing a family emergency”) or as a noun (“a second blast”) they report nothing; “As described in the report” and a participle set off by commas (“Voss, saying ..., left”) do not run on; a cue in an opening clause (“After Berg warned ..., Ruiz shot back”) reports up to the main clause"
    )
    func speechActsWithObjects() async throws {
        let article = try await Fixtures.enrich(
            """
            Police Chief Ana Ruiz described the attack as “unprovoked and unprecedented” on Monday. Councillor Tom Berg accused the mayor of “hiding the harbour accounts” in a letter. Ruiz criticised Berg for his remarks about the budget. Dana Voss left the meeting early, citing a family emergency at home. Witnesses heard a second blast.

            As described in the annual report, the harbour lost money for a third year. Berg, saying the talks had failed, left the room.

            After Berg warned the harbour would close during a debate, Ruiz shot back: “I could have kept quiet, but I chose to fix the harbour.”
            """
        )
        let described = try #require(article.quote(containing: "unprovoked"))
        #expect(described.kind == "mixed")
        #expect(described.text == "the attack as “unprovoked and unprecedented”")
        #expect(described.speaker?.name == "Ana Ruiz")
        #expect(article.quote(containing: "hiding the harbour accounts")?.text == "the mayor of “hiding the harbour accounts”")
        #expect(article.speakerName(of: "hiding the harbour accounts") == "Tom Berg")
        #expect(article.quote(containing: "his remarks about the budget") == nil)
        #expect(article.quote(containing: "a family emergency") == nil)
        #expect(!article.quotes.contains { $0.cue == "blast" })
        #expect(article.quote(containing: "lost money") == nil)
        #expect(article.quote(containing: "talks had failed")?.text == "the talks had failed")
        #expect(article.quote(containing: "during a debate")?.text == "the harbour would close during a debate")
        #expect(article.speakerName(of: "chose to fix the harbour") == "Ana Ruiz")
    }
}

extension ReportedSpeechTests {
    @Test(
        "a speaker described but not named (“city officials”, “a ministry spokesman”, “Demonstrators”, “Dock workers and state lawmakers”, “Witnesses”, “Protesters outside the town hall”) is the description as written, with no entity, past an opening phrase or joining word; a pronoun with no one to stand for is no speaker, and figures are no people"
    )
    func describedSpeakers() async throws {
        let article = try await Fixtures.enrich(
            """
            Later, city officials said the harbour road would close for a month. But a ministry spokesman said the ferry would keep running.

            They said the tolls would stay the same.

            Demonstrators said they would march again on Sunday. Dock workers and state lawmakers have not said when the strike would end. Figures released on Monday showed that fares had doubled.

            Witnesses told the inquiry that the ferry had left early. Protesters outside the town hall said they would stay all night.
            """
        )
        #expect(article.describedSpeaker(of: "ferry had left early") == "Witnesses")
        #expect(article.describedSpeaker(of: "stay all night") == "Protesters")
        #expect(article.describedSpeaker(of: "march again") == "Demonstrators")
        #expect(article.describedSpeaker(of: "strike would end") == "Dock workers and state lawmakers")
        #expect(article.quote(containing: "fares had doubled")?.speaker == nil)
        let officials = try #require(article.quote(containing: "harbour road would close"))
        #expect(officials.describedSpeaker == "city officials")
        #expect(officials.speaker?.mention.text == "city officials")
        #expect(article.describedSpeaker(of: "ferry would keep running") == "a ministry spokesman")
        #expect(article.quote(containing: "tolls would stay")?.speaker == nil)
        let record = String(decoding: article.serialized(), as: UTF8.self)
        #expect(record.contains(#""name":"city officials","entity":null"#))
    }

    @Test(
        "naming what was said reports it with its object (“called the budget “a work of fiction””); a quote right after the verb (“what she called “...””, “a group called “...””) and “called for” do not, and such a verb never closes what came before it"
    )
    func namingActs() async throws {
        let article = try await Fixtures.enrich(
            """
            Sofia Marchetti attacked what she called “a war on the harbour” in a speech on Monday. Marchetti called the budget “a work of fiction” on Tuesday. Dockers formed a group called “Harbour First” in May. Tom Berg called for “urgent talks” with the unions. The port's new owner, a firm based in Rotterdam, called Friday for a review of the harbour fees.
            """
        )
        let budget = try #require(article.quote(containing: "work of fiction"))
        #expect(budget.kind == "mixed")
        #expect(budget.text == "the budget “a work of fiction”")
        #expect(budget.speaker?.name == "Sofia Marchetti")
        // Attacking "what she called “...”" reports through the quoted words; "called" right
        // before them is no cue of its own.
        #expect(article.quote(containing: "war on the harbour")?.cue == "attacked")
        #expect(!article.quotes.contains { $0.kind != "partial" && $0.cue == "called" && $0.text != budget.text })
        #expect(article.quote(containing: "a firm based in Rotterdam") == nil)
    }

    @Test(
        "a quotation after a colon with a cue of its own (“asserted that ...: “...,” he claimed”), after “by saying,” or before a circumstance (“said, “We'll see,” when asked ...”) is a direct quote, not part of the reported speech before it"
    )
    func quotationEndsTheReportBeforeIt() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ana Ruiz spoke in Marlow on Monday. Ruiz asserted that the port had lost its way: “Marlow is no longer Marlow,” she claimed.

            Tom Hale answered the critics by saying, “We are trying to save the port and every job in it.”

            Hale had previously said, “We’ll see,” when asked whether he would run again.
            """
        )
        #expect(try entry(article, containing: "lost its way").text == "that the port had lost its way")
        let claim = try #require(article.quote(containing: "no longer Marlow"))
        #expect(claim.kind == "direct")
        #expect(claim.speaker?.name == "Ana Ruiz")
        let saying = try #require(article.quote(containing: "save the port"))
        #expect(saying.kind == "direct")
        #expect(saying.speaker?.name == "Tom Hale")
        let wait = try #require(article.quote(containing: "We’ll see"))
        #expect(wait.kind == "direct")
        #expect(wait.text == "We’ll see,")
    }

    @Test("“One senior diplomat told reporters ...” and “Campaigners have long argued ...”: described speakers past “one” and “long”")
    func oneAndLongBeforeTheVerb() async throws {
        let article = try await Fixtures.enrich(
            "The talks in Geneva ended on Friday. One senior diplomat told reporters that the talks had stalled. Campaigners have long argued that the river is polluted."
        )
        #expect(article.describedSpeaker(of: "talks had stalled") == "One senior diplomat")
        #expect(article.describedSpeaker(of: "river is polluted") == "Campaigners")
    }

    @Test("“Twenty-four percent said”, “Two in three said”, “About three in 10 said”, “Some of the tenants said”: a counted share of people speaks, the whole count as written")
    func countedPeopleSpeak() async throws {
        let article = try await Fixtures.enrich(
            "The Marlow Ledger polled 900 tenants in May. Twenty-four percent said the rent rise was fair. Two in three said they would move if it went ahead. "
                + "About three in 10 said they had never met the landlord. Some of the tenants said the heating had failed twice. Two years ago, Ana Ruiz said the estate would be sold."
        )
        #expect(article.describedSpeaker(of: "rent rise was fair") == "Twenty-four percent")
        #expect(article.describedSpeaker(of: "would move") == "Two in three")
        #expect(article.describedSpeaker(of: "never met the landlord") == "About three in 10")
        #expect(article.describedSpeaker(of: "heating had failed") == "Some of the tenants")
        #expect(article.speakerName(of: "estate would be sold") == "Ana Ruiz", "a count of years is no count of people")
    }

    @Test(
        "“Cement makers, for instance, argue”, “Proponents of the bill, however, say”, “Landlords, like Tom Hale, have said”, “Critics, including Ana Ruiz, said”: the people before an aside, not a name inside it"
    )
    func peopleBeforeAnAside() async throws {
        let article = try await Fixtures.enrich(
            """
            Prices rose all year. Cement makers, for instance, argue that imports doubled. Proponents of the bill, however, say it would keep the port open.

            Some landlords, like Tom Hale, a developer in Marlow, have said the levy is unfair. Critics of the plan, including Ana Ruiz, said it would fail.

            Two senators, Dana Osei and Lucy Hart, said the bill would pass.
            """
        )
        #expect(article.describedSpeaker(of: "bill would pass") == "Two senators", "an apposition naming several: the group speaks")
        #expect(article.describedSpeaker(of: "imports doubled") == "Cement makers")
        #expect(article.describedSpeaker(of: "keep the port open") == "Proponents of the bill")
        #expect(article.describedSpeaker(of: "levy is unfair") == "Some landlords")
        // "“including” names one of the group that spoke" (the phrase is cut to "Critics" for now).
        #expect(article.describedSpeaker(of: "it would fail")?.hasPrefix("Critics") == true)
        #expect(article.quote(containing: "it would fail")?.speaker?.entity == nil)
    }

    @Test("“Companies say”, “People briefed on the talks said”, “Alphabet's founders have said”: people by what they are, any plural; not documents, nor a plural before a verb in the singular")
    func anyPluralOfPeople() async throws {
        let article = try await Fixtures.enrich(
            """
            Encryption is hard to regulate. Companies say that weaker encryption would put users at risk. People briefed on the talks said that no deal was near.

            Google has grown fast. But Alphabet's founders have said they do not want to make content. Senate Republican leaders insisted they would not hold a vote.

            The fact that he owns three helicopters suggests that he values them for marketing. Figures released on Monday showed that fares had doubled.
            """
        )
        #expect(article.describedSpeaker(of: "weaker encryption") == "Companies")
        #expect(article.describedSpeaker(of: "no deal was near") == "People briefed on the talks")
        #expect(article.describedSpeaker(of: "make content") == "Alphabet's founders")
        #expect(article.describedSpeaker(of: "hold a vote") == "Senate Republican leaders")
        #expect(article.quote(containing: "values them for marketing")?.speaker == nil)
        #expect(article.quote(containing: "fares had doubled")?.speaker == nil)
    }

    @Test("“The Wisconsin Republican gave Trump some credit, saying ...”: a description opening the clause is its subject, resolved to the one named before")
    func describedSubjectOpensTheClause() async throws {
        let participle = try await Fixtures.enrich(
            "House Speaker Paul Ryan spoke on Sunday. The Wisconsin Republican gave Trump some credit, saying he should be congratulated."
        )
        #expect(participle.speakerName(of: "should be congratulated") == "Paul Ryan")
        let joined = try await Fixtures.enrich(
            "Republican Sen. John McCain spoke on Monday. The Arizona Republican survived prison and says such techniques are inhumane."
        )
        #expect(joined.speakerName(of: "techniques are inhumane") == "John McCain")
    }

    @Test(
        "“A woman who has accused Tom Hale of fraud said ...”, “In a statement defending Hale, Ruiz's campaign said ...”: a name inside a relative clause or an opening phrase is not the cue's subject"
    )
    func nameInsideRelativeOrOpeningPhrase() async throws {
        let article = try await Fixtures.enrich(
            """
            The hearing in Marlow was loud. A woman who has accused Tom Hale of fraud said she would testify on Monday.

            In a statement defending Hale, Ruiz's campaign said the claims were false. Asked about Hale, Ana Ruiz said she had not read them.
            """
        )
        #expect(article.describedSpeaker(of: "testify on Monday") == "A woman")
        #expect(article.describedSpeaker(of: "claims were false") == "Ruiz's campaign")
        #expect(article.speakerName(of: "not read them") == "Ana Ruiz")
    }

    @Test("“Meanwhile Nordhavn is launching ...”: an organisation opening its sentence past a joining adverb is the one “the company” goes on with")
    func organisationOpensSentencePastAdverb() async throws {
        let article = try await Fixtures.enrich(
            "Harbour Freight is fighting two lawsuits in Marlow. Meanwhile Nordhavn Shipping Co. is launching a series of adverts about its ferries. "
                + "In the adverts, signed by chief executive Ana Ruiz, the company says the ferries are safe."
        )
        #expect(article.speakerName(of: "ferries are safe") == "Nordhavn Shipping Co.")
    }

    @Test(
        "“Some say ...”, “Each side said ...”, “Another said ...”: people counted alone speak as written; “Lawyers for Pell seemed to resist, saying ...”: a participle's subject is the people its clause opens with"
    )
    func countedAloneAndPeopleOpeningTheClause() async throws {
        let article = try await Fixtures.enrich(
            """
            The ferry to Lund is old. Some say it will stop running. Each side said the other would pay the price. Another said the mayor should resign.

            Lawyers for Ana Pell seemed to resist the request, saying in a filing that her mailbox was private. Both parents denounced Tom Hale, saying he lacked character.

            The Ruiz administration, in a push to help workers that has angered business lobbies, has said it would extend overtime pay.
            """
        )
        #expect(article.describedSpeaker(of: "stop running") == "Some")
        #expect(article.describedSpeaker(of: "pay the price") == "Each side")
        #expect(article.describedSpeaker(of: "should resign") == "Another")
        #expect(article.describedSpeaker(of: "mailbox was private") == "Lawyers for Ana Pell")
        #expect(article.describedSpeaker(of: "lacked character") == "Both parents")
        #expect(article.describedSpeaker(of: "extend overtime pay") == "The Ruiz administration")
    }

    @Test("“Beck, who supported Sen. Ana Pell, R-Texas, and opposed Hale ..., last week said ...”: the name before a relative clause with commas of its own speaks")
    func nameBeforeRelativeClauseWithCommas() async throws {
        let article = try await Fixtures.enrich(
            "Glenn Beck spoke on his radio show. Beck, who supported Sen. Ana Pell, R-Texas, and virulently opposed Tom Hale during the Republican primaries, last week said Hale was seeking to start a movement."
        )
        #expect(article.speakerName(of: "start a movement") == "Glenn Beck")
    }

    @Test(
        "“Other Democrats, like A, B and C - ex-aides of Governor D - have said”, “Ruiz's rivals, Sens. A and B, have both urged”: a group before its asides speaks, not a name inside them"
    )
    func groupBeforeDashAsideOrApposition() async throws {
        let article = try await Fixtures.enrich(
            """
            The vote in Marlow is close. Other veteran Democrats, like Ana Pell, Tom Reyes and Lucy Hart - three ex-aides of Governor Dana Okafor - have also said they back Ruiz.

            The three scholars -- Mr. Tom Hale, Ms. Ana Pell and Mr. Dan Reyes -- agreed there are good candidates. Ruiz's leading rivals, Sens. Ana Pell of Ohio and Tom Reyes of Utah, have both urged the mogul to release the tapes.

            One pastor supporting Mr. Hale, Dan Whitlow of Grace Church in Marion, said he had made 150 calls to other pastors.
            """
        )
        #expect(article.speakerName(of: "they back Ruiz") == "Democrats")
        #expect(article.describedSpeaker(of: "good candidates") == "The three scholars")
        #expect(article.describedSpeaker(of: "release the tapes") == "Ruiz's leading rivals")
        #expect(article.speakerName(of: "150 calls") == "Dan Whitlow")
    }

    @Test(
        "“..., while Reyes, the council chair, called a vote and said”, “Hale declined to comment and critics later said”, “Though she leads Ruiz, strategists concede”: the subject of the cue's own clause speaks"
    )
    func subjectOfTheCuesOwnClause() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ana Pell on Monday vetoed the budget, while Tom Reyes, the council chair, called a vote and said the mayor should resign. Tom Hale declined to comment and critics later said the remark was wrong. Though she is ahead of Ruiz in the polls, Republican strategists concede that a loss could hurt her.

            When Dan Mook, Ruiz's campaign manager was asked by the Ledger if Ruiz would hold a press conference, he laughed and said, "We'll see."

            In the meantime, Ruiz's congressional allies have been trying to shore up support, while urging his critics to pipe down. After several skirmishes, Hale eventually dismissed Pell's charges about his stance on Ohio by pointing out that she had not always liked the mayor.

            Lists of the rich disagree. Some seek to be removed from the lists, fearing the exposure, and argue that their wealth is far lower. One says Ohio has the most, while another says Utah has twice as many.
            """
        )
        #expect(article.speakerName(of: "mayor should resign") == "Tom Reyes")
        #expect(article.describedSpeaker(of: "remark was wrong") == "critics")
        #expect(article.describedSpeaker(of: "loss could hurt her") == "Republican strategists")
        #expect(article.speakerName(of: "We'll see") == "Dan Mook")
        #expect(article.describedSpeaker(of: "pipe down") == "Ruiz's congressional allies")
        #expect(article.speakerName(of: "always liked the mayor") == "Tom Hale")
        #expect(article.describedSpeaker(of: "wealth is far lower") == "Some")
        #expect(article.describedSpeaker(of: "Ohio has the most") == "One")
    }

    @Test("“Reyes, who did not respond to a request for comment, has denied ...”, “the claims, which Reyes denies, ...”: a relative clause's cue reports nothing")
    func relativeClauseCueReportsNothing() async throws {
        let article = try await Fixtures.enrich(
            """
            The deal faltered when Mr. Dan Reyes backed away. (Mr. Reyes, who did not respond to a request for comment, has denied that he was writing a book.)

            After the board shared with Ms. Ana Pell the details of the claims, which Mr. Reyes denies, the talk of a walkout ended.
            """
        )
        let denial = try #require(article.quote(containing: "writing a book"))
        #expect(denial.speaker?.name == "Dan Reyes")
        #expect(denial.cue == "denied")
        #expect(denial.text == "that he was writing a book")
        #expect(!article.quotes.contains { $0.cue == "respond" || $0.cue == "denies" })
    }

    @Test(
        "“Sources have also said”, “One intelligence source said”, “..., multiple sources privy to the talks say”: unnamed sources with a word of their kind, after a clause or before auxiliaries"
    )
    func unnamedSourcesOfAKind() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Hale may run for governor. Sources have also said Ana Pell is interested. One intelligence source said the agents were angry. Another intelligence source speaking to the Ledger said the inquiry would go on.

            While Republicans back the delay, multiple sources privy to the talks say it is the Democrats who want it. The attorney general of the state of New York is suing Ruiz, claiming Ruiz College is a fraud.
            """
        )
        #expect(article.describedSpeaker(of: "Pell is interested") == "Sources")
        #expect(article.describedSpeaker(of: "agents were angry") == "One intelligence source")
        #expect(article.describedSpeaker(of: "inquiry would go on") == "Another intelligence source")
        #expect(article.describedSpeaker(of: "Democrats who want it") == "multiple sources privy to the talks")
        #expect(article.describedSpeaker(of: "Ruiz College is a fraud") == "The attorney general of the state of New York")
    }

    @Test(
        "“Hale, who ..., will ever tell”, “Friends of Mr. Hale's who ... say”, “Another Muslim who ... and who ... said”, “after Pell's conference call ended, Ruiz's campaign sent a release saying”"
    )
    func subjectsPastRelativeClausesJointTitlesAndSpeechNouns() async throws {
        let article = try await Fixtures.enrich(
            """
            The question is whether Tom Hale, who enjoys higher favorable numbers than Ana Pell or President Dan Reyes, will ever tell those voters to support the winner. Friends of Mr. Hale's who have seen him on the trail recently say that his energy has matured.

            Another Muslim who worshiped at the Islamic Center here and who did not want to be named said he heard Hale talk.

            Soon after Pell's conference call ended, Ruiz's campaign sent out a press release saying Pell owes "voters an apology."
            """
        )
        #expect(article.speakerName(of: "support the winner") == "Tom Hale")
        #expect(article.describedSpeaker(of: "energy has matured") == "Friends of Mr. Hale")
        #expect(article.describedSpeaker(of: "heard Hale talk") == "Another Muslim")
        let release = try #require(article.quote(containing: "owes"))
        #expect(release.cue == "saying")
        #expect(release.describedSpeaker == "Ruiz's campaign")
        #expect(!article.quotes.contains { $0.cue == "call" })
    }

    @Test(
        "“And Ruiz, said Dana Sunshine, who ..., does not forgive”: a cue and its speaker between commas split what was said; “Few politicians admit this, but Murphy says”: a pronoun object reports nothing"
    )
    func cueBetweenCommasAndPronounObjects() async throws {
        let article = try await Fixtures.enrich(
            """
            And Ruiz, said Dana Sunshine, who remains friendly with her former boss, does not forgive or forget. The contrast with Ruiz, said Tom Doyle and others, would be clear since Ruiz has no former presidents by his side.

            Few politicians admit this, but Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a staffer) says he was adrift in the weeks after being elected.
            """
        )
        let forgive = try #require(article.quote(containing: "forgive or forget"))
        #expect(forgive.speaker?.name == "Dana Sunshine")
        #expect(forgive.text == "And Ruiz does not forgive or forget")
        #expect(article.describedSpeaker(of: "would be clear") == "Tom Doyle and others")
        #expect(article.speakerName(of: "was adrift") == "Chris Murphy")
        #expect(!article.quotes.contains { $0.cue == "admit" })
    }

    @Test(
        "“Projections suggest”, “Exit polls told”, “Research suggests”: a document no one is named as issuing is the described source, never a person; “The fact that he owns three helicopters suggests” is none"
    )
    func documentsAsDescribedSources() async throws {
        let article = try await Fixtures.enrich(
            """
            The levy is a key source of revenue for Marlow. Projections suggest it would raise $9 billion over ten years. Exit polls told a tale of two parties.

            Research suggests that job losses have deepened the divide. The fact that he owns three helicopters suggests he is rich.
            """
        )
        let projections = try #require(article.quote(containing: "raise $9 billion"))
        #expect(projections.speaker?.entity == nil)
        #expect(projections.describedSpeaker == "Projections")
        #expect(article.describedSpeaker(of: "tale of two parties") == "Exit polls")
        #expect(article.describedSpeaker(of: "deepened the divide") == "Research")
        let helicopters = try #require(article.quote(containing: "he is rich"))
        #expect(helicopters.speaker == nil)
    }

    @Test(
        "“Federal Election Commission filings show”, “according to F.A.A. records”, “according to Tom Hale's memoir”, “Another ranking says”, “The Hale ad claims”: a document speaks as written, its issuer inside the description, not the issuer"
    )
    func documentsWithNamedIssuers() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Hale ran the Marlow campaign for two years. According to Tom Hale's memoir, the first meeting was tense.

            The Federal Election Commission fined the group last year. Federal Election Commission filings suggest that the group raised $3 million. According to F.A.A. records, the plane was built in 1991.

            One ranking puts Hale tenth. Another ranking says he is not even a millionaire. The Hale ad claims that the mayor voted for the tax.
            """
        )
        let memoir = try #require(article.quote(containing: "meeting was tense"))
        #expect(memoir.speaker?.entity == nil)
        #expect(memoir.describedSpeaker == "Tom Hale's memoir")
        #expect(article.describedSpeaker(of: "raised $3 million") == "Federal Election Commission filings")
        #expect(article.describedSpeaker(of: "built in 1991") == "F.A.A. records")
        #expect(article.describedSpeaker(of: "not even a millionaire") == "Another ranking")
        #expect(article.describedSpeaker(of: "voted for the tax") == "The Hale ad")
    }

    @Test(
        "“The Ruiz campaign on Tuesday responded”, “The Hale campaign sent an email saying”: the campaign speaks; “A senior Ruiz administration official said” is the official, described"
    )
    func organisationsNamedAfterLeaders() async throws {
        let article = try await Fixtures.enrich(
            """
            Governor Ana Ruiz and Senator Tom Hale met in Marlow. The Ruiz campaign on Tuesday responded that it had moved to larger offices. The Hale campaign sent a fundraising email Wednesday saying that Hale leads the race.

            A senior Ruiz administration official said on Friday that the talks would go on.
            """
        )
        #expect(article.describedSpeaker(of: "larger offices") == "Ruiz campaign")
        let email = try #require(article.quote(containing: "Hale leads the race"))
        #expect(email.speaker?.entity == nil)
        #expect(email.describedSpeaker == "Hale campaign")
        let official = try #require(article.quote(containing: "talks would go on"))
        #expect(official.speaker?.entity == nil)
        #expect(official.describedSpeaker == "A senior Ruiz administration official")
    }

    @Test(
        "“Democrats trying to win back the Senate in November say”, “House Republicans supporting the bill said”, “Voters in Fort Myers said”: people qualified by a name or a place speak, described in full; “Protesters marching through the streets said” stays “Protesters”"
    )
    func qualifiedPeopleSpeakAsDescribed() async throws {
        let article = try await Fixtures.enrich(
            """
            Senator Tom Hale spoke in Fort Myers on Monday. Democrats trying to win back the Senate in November say the map favors them. House Republicans supporting the bill said it would pass.

            Voters in Fort Myers said the storm was the worst in years. Protesters marching through the streets said the plan must go.
            """
        )
        let map = try #require(article.quote(containing: "map favors them"))
        #expect(map.speaker?.entity == nil)
        #expect(map.describedSpeaker == "Democrats trying to win back the Senate in November")
        #expect(article.describedSpeaker(of: "it would pass") == "House Republicans supporting the bill")
        #expect(article.describedSpeaker(of: "worst in years") == "Voters in Fort Myers")
        #expect(article.describedSpeaker(of: "plan must go") == "Protesters")
    }

    @Test(
        "“Hale and Ruiz agreed”, “Sens. Ann Hale of Ohio and Tom Reyes of Iowa said”, “Doyle and others said”, “Both Democrats and Republicans have argued”, “Hale and Ruiz, a Marlow Democrat, argued”, “said Hale and Ruiz”: people named together speak together, as written, with each one's entity in joint; the record matches the schema"
    )
    func jointSubjectsSpeakTogether() async throws {
        let article = try await Fixtures.enrich(
            """
            Senator Tom Hale met Governor Ana Ruiz in Marlow on Thursday. Hale and Ruiz agreed that the bridge must be rebuilt. “We are one,” Hale said.

            Sens. Ann Pell of Ohio and Tom Reyes of Iowa said the bill was dead. Jim Doyle and others said the plan had failed. Both Democrats and Republicans have argued that the tax code needs reform.

            Hale and Ruiz, a Marlow Democrat, argued that the ferry is not needed. “The race is over,” said Hale and Ruiz.
            """
        )
        let bridge = try #require(article.quote(containing: "bridge must be rebuilt"))
        #expect(bridge.speaker?.entity == nil)
        #expect(bridge.describedSpeaker == "Hale and Ruiz")
        let together = bridge.speaker?.joint.compactMap { id in article.entities.first { $0.id == id }?.name }
        #expect(together == ["Tom Hale", "Ana Ruiz"])
        #expect(article.speakerName(of: "We are one") == "Tom Hale")
        let senators = try #require(article.quote(containing: "bill was dead"))
        #expect(senators.describedSpeaker == "Sens. Ann Pell of Ohio and Tom Reyes of Iowa")
        #expect(senators.speaker?.joint.count == 2)
        let doyle = try #require(article.quote(containing: "plan had failed"))
        #expect(doyle.describedSpeaker == "Jim Doyle and others")
        #expect(doyle.speaker?.joint.compactMap { id in article.entities.first { $0.id == id }?.name } == ["Jim Doyle"])
        #expect(article.describedSpeaker(of: "tax code needs reform") == "Both Democrats and Republicans")
        #expect(article.quote(containing: "ferry is not needed")?.speaker?.joint.count == 2)
        #expect(article.describedSpeaker(of: "ferry is not needed") == "Hale and Ruiz")
        #expect(article.describedSpeaker(of: "race is over") == "Hale and Ruiz")
        let validator = try SchemaValidator(file: "enriched-article.schema.json")
        #expect(validator.errors(in: try JSONValue.parse(article.serialized())) == [])
    }
    @Test("People named together stay together past tags, ages, titles, homes and their own circle")
    func jointSubjectsInAllTheirForms() async throws {
        let article = try await Fixtures.enrich(
            """
            Senator Ann Pell and Tom Reyes toured Marlow. Sen. Ann Pell (Vt.) and former Marlow governor Tom Reyes warned that the ferry would close.

            Jim Doyle and 24-year-old Lena Marsh, a fellow volunteer, explained how the canvass works. Lena Marsh and former Ruiz adviser Tom Reyes said the polls were open. Tom Reyes and former Secretary of State Ann Pell said the vote was fair.

            Ana Ruiz and Kofi Osei of the University of Marlow, Boston suggest that the tax failed. Ruiz and other right-wing Marlow leaders have been claiming that the port is unsafe.

            Tom Reyes and his allies said the bridge would reopen. Ana Ruiz, Kofi Osei and Lena Marsh said the count was wrong.
            """
        )
        // A place after an organisation's comma is its address, though tagged as a person; the
        // people of those named together speak, described.
        let homes = try await Fixtures.enrich(
            "Pia Tollan of Acme Corp., Denver and Omar Rusk of Lumen Labs said the deal was dead.\n\nRuiz and other Marlow leaders' aides said the rally was off."
        )
        #expect(homes.describedSpeaker(of: "deal was dead") == "Pia Tollan of Acme Corp., Denver and Omar Rusk of Lumen Labs")
        #expect(homes.quote(containing: "deal was dead")?.speaker?.joint.count == 2)
        #expect(homes.describedSpeaker(of: "rally was off") == "Ruiz and other Marlow leaders' aides")
        #expect(homes.quote(containing: "rally was off")?.speaker?.joint == [])
        let counted = try await Fixtures.enrich("Some of the party's MPs said they would rebel.")
        #expect(counted.describedSpeaker(of: "would rebel") == "Some of the party's MPs")
        #expect(article.describedSpeaker(of: "ferry would close") == "Sen. Ann Pell (Vt.) and former Marlow governor Tom Reyes")
        #expect(article.quote(containing: "ferry would close")?.speaker?.joint.count == 2)
        #expect(article.describedSpeaker(of: "how the canvass works") == "Jim Doyle and 24-year-old Lena Marsh")
        #expect(article.describedSpeaker(of: "vote was fair") == "Tom Reyes and former Secretary of State Ann Pell")
        let advised = article.quote(containing: "polls were open")?.speaker?.joint.compactMap { id in article.entities.first { $0.id == id }?.name }
        #expect(advised == ["Lena Marsh", "Tom Reyes"])
        #expect(article.describedSpeaker(of: "tax failed") == "Ana Ruiz and Kofi Osei of the University of Marlow, Boston")
        #expect(article.describedSpeaker(of: "port is unsafe") == "Ruiz and other right-wing Marlow leaders")
        let allies = try #require(article.quote(containing: "bridge would reopen"))
        #expect(allies.describedSpeaker == "Tom Reyes and his allies")
        #expect(allies.speaker?.joint.compactMap { id in article.entities.first { $0.id == id }?.name } == ["Tom Reyes"])
        // A list's commas stay in the name.
        #expect(article.describedSpeaker(of: "count was wrong") == "Ana Ruiz, Kofi Osei and Lena Marsh")
        #expect(article.quote(containing: "count was wrong")?.speaker?.joint.count == 3)
    }

    @Test("An organisation and people with it, two qualifiers of one group, a named group and what it does: the subject as written")
    func organisationsAndGroupsNamedTogether() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz spoke in Marlow. The Ruiz campaign and some security experts alleged that the ballots were altered. Democratic and independent analysts said that the count would hold. Democrats involved in the talks said that the vote would wait.
            """
        )
        #expect(article.describedSpeaker(of: "vote would wait") == "Democrats involved in the talks")
        #expect(article.describedSpeaker(of: "ballots were altered") == "Ruiz campaign and some security experts")
        #expect(article.quote(containing: "ballots were altered")?.speaker?.entity == nil)
        #expect(article.describedSpeaker(of: "count would hold") == "Democratic and independent analysts")
        let companies = try await Fixtures.enrich("Acme Corp. and Lumen Labs said that the merger was off.")
        let merger = try #require(companies.quote(containing: "merger was off"))
        #expect(merger.describedSpeaker == "Acme Corp. and Lumen Labs")
        #expect(merger.speaker?.joint.compactMap { id in companies.entities.first { $0.id == id }?.name } == ["Acme Corp.", "Lumen Labs"])
    }

    @Test("A role after “of” completes the noun before it: people of the organisation are described, not the organisation")
    func roleAfterOfCompletesTheNounBefore() async throws {
        let article = try await Fixtures.enrich(
            """
            The Marlow Harbour Trust met on Monday. Leaders of the organization said that the pier would stay shut.

            A spokesman for the Marlow Harbour Trust said that the fees would rise.
            """
        )
        let leaders = try #require(article.quote(containing: "pier would stay shut"))
        #expect(leaders.describedSpeaker == "Leaders of the organization")
        #expect(leaders.speaker?.entity == nil)
        #expect(article.speakerName(of: "fees would rise") == "Marlow Harbour Trust")
    }

    @Test("A subject before an apposition speaks past an adverb or a comma inside quotation marks")
    func subjectsBeforeAppositionsWithAdverbsAndQuotedNames() async throws {
        let article = try await Fixtures.enrich(
            """
            Jeb Hale and Ana Ruiz met in Marlow. Hale, the former governor, also attacked Ruiz, calling her a “quitter.”

            During an interview with Kofi Osei, Lena Marsh, the hacker known as “Ghost,” stated that she had read every file.
            """
        )
        #expect(article.speakerName(of: "quitter") == "Jeb Hale")
        #expect(article.speakerName(of: "she had read every file") == "Lena Marsh")
    }

    @Test("Writing a thing is no report of speech; writing that something happened is")
    func writingAThingIsNotReportedSpeech() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Hale wrote the rules of the new port. Ana Ruiz wrote his dissertation on farming. Kofi Osei wrote the plan had failed.
            """
        )
        #expect(article.quote(containing: "rules of the new port") == nil)
        #expect(article.quote(containing: "dissertation on farming") == nil)
        #expect(article.speakerName(of: "plan had failed") == "Kofi Osei")
        // A clause after "and" is no report; quoted words after it still are.
        let song = try await Fixtures.enrich(
            "Lena Marsh wrote the song in 1972 and it became a hit. Jim Doyle wrote in a letter to the council, and “never again.”"
        )
        #expect(song.quote(containing: "became a hit") == nil)
        #expect(song.speakerName(of: "never again") == "Jim Doyle")
        // Posting a thing or recalling a count of them is no report; posting or recalling that
        // something happened is.
        let things = try await Fixtures.enrich(
            """
            Brennmoor Steel posted a loss of $40 million. Lena Marsh posted a photo of the harbour on Facebook. Frayne Motors recalled 50,000 cars over faulty brakes.

            Tom Hale posted on Facebook that the ferry was late again. Ana Ruiz recalled meeting Tom Hale at the harbour in 1998.
            """
        )
        #expect(things.quote(containing: "loss of $40 million") == nil)
        #expect(things.quote(containing: "photo of the harbour") == nil)
        #expect(things.quote(containing: "50,000 cars") == nil)
        #expect(things.speakerName(of: "ferry was late again") == "Tom Hale")
        #expect(things.speakerName(of: "harbour in 1998") == "Ana Ruiz")
    }

    @Test("What a thing says about something is no speech; what someone said about it is")
    func sayingALotAboutSomethingIsNotSpeech() async throws {
        let article = try await Fixtures.enrich(
            """
            The rejection of the ferry plan by voters says a lot about the mood in Marlow. The ferry's late return says something about the council. Tom Hale and his aides haven't said much about how the vote will be run. Ana Ruiz said something about the weather.

            The turnout says more about the candidates than the voters. The result says a great deal about the state of the harbour.
            """
        )
        #expect(article.quote(containing: "about the mood") == nil)
        #expect(article.quote(containing: "about the council") == nil)
        #expect(article.quote(containing: "about the candidates") == nil)
        #expect(article.quote(containing: "state of the harbour") == nil)
        #expect(article.describedSpeaker(of: "how the vote will be run") == "Tom Hale and his aides")
        #expect(article.speakerName(of: "about the weather") == "Ana Ruiz")
    }

    @Test("People named together with their roles, ages and relations speak together, before or after the verb")
    func jointSubjectsWithRolesAgesAndRelations() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ana Diaz (D) and council member Paul Green (R) said the vote was fair. Lena Marsh, 41, and her brother Luis said they would appeal.

            On Sunday, Marlow manager Tom Hall and Harbour United boss Mark Reed said the match should be replayed. The case was dropped, said Jim Doyle and his aides.
            """
        )
        #expect(article.describedSpeaker(of: "vote was fair") == "Mayor Ana Diaz (D) and council member Paul Green")
        #expect(article.quote(containing: "vote was fair")?.speaker?.joint.count == 2)
        #expect(article.describedSpeaker(of: "would appeal") == "Lena Marsh, 41, and her brother Luis")
        #expect(article.quote(containing: "would appeal")?.speaker?.joint.count == 2)
        #expect(article.describedSpeaker(of: "should be replayed") == "Marlow manager Tom Hall and Harbour United boss Mark Reed")
        let dropped = try #require(article.quote(containing: "case was dropped"))
        #expect(dropped.describedSpeaker == "Jim Doyle and his aides")
        #expect(dropped.text == "The case was dropped")
        // A group along with a name, a floated "both", a short phrase after the names.
        let together = try await Fixtures.enrich(
            """
            The ferry will run again in May, said Jim Doyle and several colleagues. Ana Carrow and Tom Brisket both said the fares were too high.

            The pier will reopen next year, said Ana Carrow and Tom Brisket in a joint statement.
            """
        )
        #expect(together.describedSpeaker(of: "run again in May") == "Jim Doyle and several colleagues")
        #expect(together.quote(containing: "run again in May")?.text == "The ferry will run again in May")
        #expect(together.describedSpeaker(of: "fares were too high") == "Ana Carrow and Tom Brisket")
        #expect(together.quote(containing: "fares were too high")?.speaker?.joint.count == 2)
        #expect(together.describedSpeaker(of: "pier will reopen") == "Ana Carrow and Tom Brisket")
        #expect(together.quote(containing: "pier will reopen")?.text == "The pier will reopen next year")
        // A pronoun and the others: whom it stands for speaks with them.
        let pronoun = try await Fixtures.enrich(
            "Lena Marsh met voters in Marlow on Monday. She and her husband said the fares were too high. She and Tom Brisket said the ferry was late."
        )
        let lena = try #require(pronoun.entities.first { $0.name == "Lena Marsh" })
        let tom = try #require(pronoun.entities.first { $0.name == "Tom Brisket" })
        #expect(pronoun.describedSpeaker(of: "fares were too high") == "She and her husband")
        #expect(pronoun.quote(containing: "fares were too high")?.speaker?.joint == [lena.id])
        #expect(pronoun.describedSpeaker(of: "ferry was late") == "She and Tom Brisket")
        #expect(pronoun.quote(containing: "ferry was late")?.speaker?.joint == [lena.id, tom.id])
        // "They" after two people named together: the two, by name; one met by the other is no pair.
        let they = try await Fixtures.enrich(
            """
            Ana Ruiz and Tom Hale arrived at the scene late. They said the fire had started in the kitchen.

            Lena Marsh met Paul Green on Monday. They said the ferry was late.
            """
        )
        let ana = try #require(they.entities.first { $0.name == "Ana Ruiz" })
        let hale = try #require(they.entities.first { $0.name == "Tom Hale" })
        #expect(they.describedSpeaker(of: "fire had started") == "Ana Ruiz and Tom Hale")
        #expect(they.quote(containing: "fire had started")?.speaker?.joint == [ana.id, hale.id])
        #expect(they.quote(containing: "fire had started")?.speaker?.mention.text == "They")
        #expect(they.quote(containing: "ferry was late")?.speaker == nil)
        // The subject of a participle ends before the verb of its clause.
        let shunned = try await Fixtures.enrich("Ana Ruiz and other Marlow leaders shunned Tom Hale during his visit, claiming that he had lied.")
        #expect(shunned.describedSpeaker(of: "he had lied") == "Ana Ruiz and other Marlow leaders")
        // Before a cue, people with a verb of their own are not its subject.
        let vetoed = try await Fixtures.enrich(
            "It was the part of the bill Ana Ruiz and other Democrats most strongly opposed and Tom Hale said he would have vetoed."
        )
        #expect(vetoed.speakerName(of: "would have vetoed") == "Tom Hale")
    }

    @Test("People of an organisation, groups told about something and groups with two qualifiers speak as written")
    func peopleOfOrganisationsAndUnnamedGroups() async throws {
        let article = try await Fixtures.enrich(
            """
            Critics of the Pemberton Council said the budget was too small. Leaders of the Harmon Workers Union said the strike would go on.

            Republicans familiar with the negotiations said the deal was close. Aides briefed on the talks said the vote would wait. Conservative and Liberal Democrat councillors said the plan would fail.

            Members of the Marlow Harbour Trust, which includes Mayor Ana Diaz, said the pier was unsafe. Members of the Fairmount Rotary Club, including treasurer Olu Adeyemi, said the fair was cancelled.
            """
        )
        #expect(article.describedSpeaker(of: "budget was too small") == "Critics of the Pemberton Council")
        #expect(article.quote(containing: "budget was too small")?.speaker?.entity == nil)
        #expect(article.describedSpeaker(of: "strike would go on") == "Leaders of the Harmon Workers Union")
        #expect(article.describedSpeaker(of: "deal was close") == "Republicans familiar with the negotiations")
        #expect(article.describedSpeaker(of: "vote would wait") == "Aides briefed on the talks")
        #expect(article.describedSpeaker(of: "plan would fail") == "Conservative and Liberal Democrat councillors")
        #expect(article.describedSpeaker(of: "pier was unsafe") == "Members of the Marlow Harbour Trust")
        #expect(article.quote(containing: "pier was unsafe")?.speaker?.entity == nil)
        #expect(article.describedSpeaker(of: "fair was cancelled") == "Members of the Fairmount Rotary Club")
        // Those involved in something, or close to it, and one official told about it.
        let unnamed = try await Fixtures.enrich(
            """
            Investors close to the deal said the price would rise. Four people involved in the discussions said the talks had stalled. Lawyers involved in the case said the ruling would be appealed.

            A senior official familiar with the matter said the pier would close. The official involved in the case said the ruling would stand.
            """
        )
        #expect(unnamed.describedSpeaker(of: "price would rise") == "Investors close to the deal")
        #expect(unnamed.describedSpeaker(of: "talks had stalled") == "Four people involved in the discussions")
        #expect(unnamed.describedSpeaker(of: "would be appealed") == "Lawyers involved in the case")
        #expect(unnamed.describedSpeaker(of: "pier would close") == "A senior official familiar with the matter")
        // "The official" may be someone named before: not an unnamed source.
        #expect(unnamed.describedSpeaker(of: "ruling would stand") == "The official")
        // Staff of a place, a title inside the phrase, a group before an aside.
        let described = try await Fixtures.enrich(
            """
            Staff at St. Aubyn Hospital said the ward would close. Senator Marcus Feld's aides said the levy would fail. Critics of Governor Alma Reyes said the budget was late.

            Western diplomats familiar with the talks, speaking on condition of anonymity, said the ceasefire would hold.
            """
        )
        #expect(described.describedSpeaker(of: "ward would close") == "Staff at St. Aubyn Hospital")
        #expect(described.quote(containing: "ward would close")?.speaker?.entity == nil)
        #expect(described.describedSpeaker(of: "levy would fail") == "Senator Marcus Feld's aides")
        #expect(described.describedSpeaker(of: "budget was late") == "Critics of Governor Alma Reyes")
        #expect(described.describedSpeaker(of: "ceasefire would hold") == "Western diplomats familiar with the talks")
    }
    @Test("People right after the cue speak as written; a subject speaks past an aside opening with a preposition")
    func peopleAfterTheCueAndSubjectsBeforePrepositionalAsides() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz needs to win big in Marlow, according to Democratic and independent analysts. The pier was unsafe, said critics of the council.

            The Ruiz administration, in an effort to calm residents that has angered the harbour board, has said it would reopen the ferry. Tom Hale, in an interview with Ana Ruiz, said he would run again.

            Lawyers for Ruiz appeared to oppose the move, saying that her records were private.
            """
        )
        #expect(article.describedSpeaker(of: "win big in Marlow") == "Democratic and independent analysts")
        #expect(article.describedSpeaker(of: "pier was unsafe") == "critics of the council")
        #expect(article.describedSpeaker(of: "reopen the ferry") == "Ruiz administration")
        #expect(article.quote(containing: "reopen the ferry")?.speaker?.entity == nil)
        #expect(article.speakerName(of: "run again") == "Tom Hale")
        #expect(article.describedSpeaker(of: "records were private") == "Lawyers for Ruiz")
        // Any plural naming people, qualified or placed; a verb in "-s" after a pronoun is none.
        let after = try await Fixtures.enrich(
            """
            The bridge is unsafe and must close, said engineers at the county office. The tunnel is unsafe, said local engineers. The road is unsafe, said surveyors.

            Both men said the fire started at noon. Tom Hale, the harbour master, said he expects Ana Ruiz and Jim Doyle to reopen the pier.
            """
        )
        #expect(after.describedSpeaker(of: "must close") == "engineers at the county office")
        #expect(after.quote(containing: "must close")?.text == "The bridge is unsafe and must close")
        #expect(after.describedSpeaker(of: "tunnel is unsafe") == "local engineers")
        #expect(after.describedSpeaker(of: "road is unsafe") == "surveyors")
        #expect(after.describedSpeaker(of: "fire started at noon") == "Both men")
        #expect(after.speakerName(of: "reopen the pier") == "Tom Hale")
    }

    @Test("A hedge (“is said to be furious”) reports nothing; a cue after it (“is reported to have told friends that ...”) has the hedge's subject as speaker")
    func hedgesAreNoReports() async throws {
        let article = try await Fixtures.enrich(
            "Brett Kalman is said to be furious about the decision. Harriet Lowe is reported to have told friends that she is leaving the band. Some advisers are said to be urging the mayor to resign."
        )
        #expect(article.quote(containing: "furious") == nil)
        #expect(article.quote(containing: "leaving the band")?.text == "that she is leaving the band")
        #expect(article.speakerName(of: "leaving the band") == "Harriet Lowe")
        #expect(article.describedSpeaker(of: "mayor to resign") == "Some advisers")
    }

    @Test("Words that only name someone report nothing (“..., said harbourmaster Rhys Pellow.”, “Harriet Fane, the head of the school, wrote to parents”); one asked in an aside is no asker")
    func namesAreNoReportAndTheOneAskedAsksNothing() async throws {
        let article = try await Fixtures.enrich(
            """
            The storm caused “significant damage” to the pier, said harbourmaster Rhys Pellow. Harriet Fane, the head of Westmoor Academy, wrote to parents on Monday.

            The minister, asked whether she would resign, said she would not. Ana Ruiz, a council member, asked Tom Hale whether the pier would reopen.
            """
        )
        #expect(article.quotes.count(where: { $0.text.contains("Rhys Pellow") || $0.text.contains("Harriet Fane") }) == 0, "\(article.quotes.map(\.text))")
        #expect(article.speakerName(of: "significant damage") == "Rhys Pellow")
        let question = try #require(article.quote(containing: "whether she would resign"))
        #expect(question.speaker == nil)
        #expect(article.speakerName(of: "whether the pier would reopen") == "Ana Ruiz")
    }

    @Test(
        "A quotation after “wrote on X:” or “said in a statement:” is direct, the words before the colon no part of it; a dateline ending in a colon (“NEW DELHI (PTI):”, “CHENNAI:” opening the article) is neither speaker nor content"
    )
    func colonsBeforeQuotationsAndDatelines() async throws {
        let posted = try await Fixtures.enrich(
            "Senator Dale Rourke wrote on X: \"This bill is a disaster for farmers.\" The ministry said in a statement: “The talks have failed.”"
        )
        let bill = try #require(posted.quote(containing: "disaster for farmers"))
        #expect(bill.text == "This bill is a disaster for farmers.")
        #expect(bill.kind == "direct")
        #expect(bill.speaker?.name == "Dale Rourke")
        #expect(posted.quote(containing: "talks have failed")?.text == "The talks have failed.")
        let agency = try await Fixtures.enrich("NEW DELHI (PTI): The cabinet on Wednesday approved a scheme to build chips, officials said.")
        #expect(agency.quote(containing: "approved a scheme")?.text == "The cabinet on Wednesday approved a scheme to build chips")
        #expect(agency.describedSpeaker(of: "approved a scheme") == "officials")
        let place = try await Fixtures.enrich("CHENNAI: Fishermen were told not to venture into the sea, officials said.\n\nThe storm is due on Friday.")
        #expect(place.quote(containing: "venture into the sea")?.text == "Fishermen were told not to venture into the sea")
        #expect(place.describedSpeaker(of: "venture into the sea") == "officials")
        // A label in capitals later on is a transcript's speaker, not a dateline.
        let transcript = try await Fixtures.enrich("The debate went on late.\n\nJOEL BENENSON: This is a man who never answers.")
        #expect(transcript.speakerName(of: "never answers") == "JOEL BENENSON")
    }

    @Test("A cue inside a subordinate clause, a relative clause or after the one told: its own subject speaks and its words end where the clause does")
    func subjectsAndWordsOfCuesInsideClauses() async throws {
        let article = try await Fixtures.enrich(
            """
            Shares in Aldgate Pharma fell 12 percent after the company said its lead drug had failed a trial. Prices fell when court filings revealed that the firm was broke.

            The plan, which Mayor Ann Kerr said would cost £5m, was approved. A man who police said was armed has been arrested in Leeds.

            Coach Neil Barker told players the club would be sold. Ward Pike told the board he will step down. Barker told his players to stay calm before kick-off.

            Ruth Calder regrets her remarks. The Supreme Court justice said she was sorry.
            """
        )
        #expect(article.describedSpeaker(of: "lead drug had failed") == "the company")
        #expect(article.describedSpeaker(of: "firm was broke") == "court filings")
        // A verb in "-s" after the role is no plural head.
        let minister = try await Fixtures.enrich("The prime minister is understood to have told colleagues he will not call an early election.")
        #expect(minister.describedSpeaker(of: "early election") == "The prime minister")
        #expect(article.quote(containing: "would cost")?.text == "would cost £5m")
        #expect(article.speakerName(of: "would cost") == "Ann Kerr")
        #expect(article.quote(containing: "was armed")?.text == "was armed")
        #expect(article.describedSpeaker(of: "was armed") == "police")
        #expect(article.quote(containing: "club would be sold")?.text == "the club would be sold")
        #expect(article.quote(containing: "will step down")?.text == "he will step down")
        #expect(article.quote(containing: "stay calm")?.text.hasPrefix("his players") == true)
        #expect(article.describedSpeaker(of: "she was sorry") == "The Supreme Court justice")
    }

    @Test(
        "“claimed “thousands” of forms were lost”: a quoted word the writer's clause runs on from opens a mixed report; a quotation followed by its time, or in a relative clause missing its subject, stays a quote"
    )
    func quotationOpeningAReport() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ann Kerr claimed “thousands” of ballot forms had been lost in the post.

            Kerr said “we will recount every one” on Tuesday.

            Forms that she said “may be void” included the postal votes of the north ward.
            """
        )
        let thousands = try #require(article.quote(containing: "ballot forms had been lost"))
        #expect(thousands.kind == "mixed")
        #expect(thousands.text == "“thousands” of ballot forms had been lost in the post")
        #expect(thousands.speaker?.name == "Ann Kerr")
        #expect(article.quote(containing: "recount every one")?.text == "we will recount every one")
        #expect(article.quote(containing: "may be void")?.text == "may be void")
        // Split around its cue, the quotation going on in lower case from the phrase before.
        let split = try await Fixtures.enrich(
            "The council's spending on the harbour, Mayor Ann Kerr said, “is a model of planning” for every port town.\n\n"
                + "Ann Kerr, the mayor, said, “it will reopen in May.”"
        )
        let model = try #require(split.quote(containing: "a model of planning"))
        #expect(model.kind == "mixed")
        #expect(model.parts.map(\.text) == ["The council's spending on the harbour", "“is a model of planning” for every port town"])
        #expect(model.speaker?.name == "Ann Kerr")
        #expect(split.quote(containing: "reopen in May")?.text == "it will reopen in May.")
        #expect(split.quote(containing: "reopen in May")?.kind == "direct")
        // Mocking or chiding someone reports speech only through the words quoted.
        let mocked = try await Fixtures.enrich(
            "Mayor Ann Kerr mocked Tom Reyes for “hiding in the harbour office” after the vote. Reyes slammed the door and left.")
        let hiding = try #require(mocked.quote(containing: "hiding in the harbour office"))
        #expect(hiding.kind == "mixed" && hiding.cue == "mocked")
        #expect(hiding.speaker?.name == "Ann Kerr")
        #expect(!mocked.quotes.contains { $0.cue == "slammed" })
    }

    @Test(
        "“Three years after the unions vowed to ..., the council ...”: a span of time before the subordinator leaves the unions speaking, up to the main clause; “promised to resign,” is what was promised, no phrase before it"
    )
    func cueInsideTimedOpeningClause() async throws {
        let article = try await Fixtures.enrich(
            """
            Three years after the dock unions vowed to fight every single closure, the council has shut four ports.

            Two days after Mayor Ann Kerr promised to resign from every board, she changed her mind.

            Kerr jokingly offered the man a job as Harbour Master, then said the port would reopen.
            """
        )
        let vow = try #require(article.quote(containing: "fight every single closure"))
        #expect(vow.text == "to fight every single closure")
        #expect(vow.describedSpeaker == "the dock unions")
        let promise = try #require(article.quote(containing: "resign from every board"))
        #expect(promise.text == "to resign from every board")
        #expect(promise.speaker?.name == "Ann Kerr")
        #expect(article.speakerName(of: "port would reopen") == "Ann Kerr")
    }

    @Test(
        "After what was said, the one told ends the cue (\"..., Stroud told reporters.\"); a description after a name in \"according to\" is no content; people of a place and a lawyer speak described"
    )
    func theOneToldAndDescriptionsAfterTheSource() async throws {
        let article = try await Fixtures.enrich(
            """
            The deal is worth about $900 million, Anneke Stroud told reporters. The fighting had moved closer to the capital, a senior army officer told the Kadar News Agency on Monday.

            Every Friday, Stroud told the Marlow Post, the board would meet in secret.

            According to Sabine Roux, the head of the Lyonnais Farmers Union, wheat prices have fallen by a third. Marta Quispe runs a clinic in Alto Verde. According to her, the clinic has had no medicine since March.

            A resident of Marlow Heath said she had heard three shots. The mayor of Leeds said the roof had leaked for years. “My client is innocent,” said a lawyer for Victor Dunne.
            """
        )
        let deal = try #require(article.quote(containing: "worth about $900 million"))
        #expect(deal.text == "The deal is worth about $900 million")
        #expect(article.speakerName(of: "worth about $900 million") == "Anneke Stroud")
        #expect(article.describedSpeaker(of: "closer to the capital") == "a senior army officer")
        #expect(article.quote(containing: "closer to the capital")?.text == "The fighting had moved closer to the capital")
        // A clause after the one told is what was told.
        #expect(article.quote(containing: "meet in secret")?.text == "the board would meet in secret")
        // "that" past the one told and a phrase of medium; not past an infinitive.
        let interview = try await Fixtures.enrich(
            "Arjun Malhotra told the Bengaluru Ledger in an interview that he had turned down a buyout offer. Ana Ruiz warned Marlow to stop any works that would damage the pier."
        )
        #expect(interview.quote(containing: "buyout offer")?.text == "that he had turned down a buyout offer")
        #expect(interview.quote(containing: "damage the pier")?.text == "to stop any works that would damage the pier")
        let prices = try #require(article.quote(containing: "fallen by a third"))
        #expect(prices.text == "wheat prices have fallen by a third")
        #expect(article.speakerName(of: "fallen by a third") == "Sabine Roux")
        #expect(article.speakerName(of: "no medicine since March") == "Marta Quispe")
        #expect(article.describedSpeaker(of: "three shots") == "A resident of Marlow Heath")
        #expect(article.quote(containing: "three shots")?.speaker?.entity == nil)
        #expect(article.describedSpeaker(of: "roof had leaked") == "The mayor of Leeds")
        #expect(article.quote(containing: "roof had leaked")?.speaker?.entity == nil)
        #expect(article.quote(containing: "client is innocent")?.speaker?.entity == nil)
        // A role given in an apposition is a title the role refers back to.
        let apposed = try await Fixtures.enrich(
            "Ahmed Farouk, a police spokesman, gave few details. The spokesman said two officers were injured."
        )
        let farouk = try #require(apposed.entities.first { $0.name == "Ahmed Farouk" })
        #expect(apposed.quote(containing: "two officers were injured")?.speaker?.entity == farouk.id)
    }
}

extension ReportedSpeechTests {
    @Test("A preposition inside the subject opens no clause; a relative clause's words run past a noun's own verb; a verb in “-s” is no plural head")
    func subjectsAroundPrepositionsAndRelatives() async throws {
        let fans = try await Fixtures.enrich("Fans outside the stadium after the match said the result was a disgrace.")
        #expect(fans.describedSpeaker(of: "result was a disgrace") == "Fans")
        let shares = try await Fixtures.enrich("Shares in Aldgate Pharma fell 12 percent after the company said its trial had failed.")
        #expect(shares.describedSpeaker(of: "trial had failed") == "the company")
        let plan = try await Fixtures.enrich("The plan, which Mayor Ann Kerr said would cost more than the council had planned, was approved.")
        #expect(plan.quote(containing: "would cost")?.text == "would cost more than the council had planned")
        #expect(plan.speakerName(of: "would cost") == "Ann Kerr")
        let spokesman = try await Fixtures.enrich("The club spokesman appears to have told fans the ground would close.")
        #expect(spokesman.describedSpeaker(of: "ground would close") == "The club spokesman")
    }

    @Test("“Their verdict:” after two people named together is the two; “the father-of-two” is no woman; a passive's agent before “as a “...”” speaks")
    func ownersParentsAndAgents() async throws {
        let pair = try await Fixtures.enrich("Mia Lord and Sam Hart spoke last week. Their verdict: “The club is finished.”")
        #expect(pair.quote(containing: "club is finished")?.speaker?.joint.count == 2)
        let father = try await Fixtures.enrich("Lena Holt said the council had failed. “We were ignored,” said the father-of-two.")
        #expect(father.quote(containing: "We were ignored")?.speaker?.entity == nil)
        let mother = try await Fixtures.enrich("Lena Holt said the council had failed. “We were ignored,” said the mother-of-two.")
        #expect(mother.speakerName(of: "We were ignored") == "Lena Holt")
        let agent = try await Fixtures.enrich("The proposal was described by Senator Ann Pell as a “disgrace to the chamber”.")
        #expect(agent.speakerName(of: "disgrace to the chamber") == "Ann Pell")
    }

    @Test(
        "“asked supporters to run for office”: a request is speech, the one asked and the act; “was asked to resign” has no named asker; “asked questions about the deal to all three leaders” is no request"
    )
    func requestsAfterAsked() async throws {
        let article = try await Fixtures.enrich(
            "Senator Ana Pell asked her supporters to run for local office. Coach Ray Dillard was asked to resign after the defeat. Reporters asked questions about the deal to all three leaders."
        )
        #expect(article.quote(containing: "run for local office")?.text == "her supporters to run for local office")
        #expect(article.speakerName(of: "run for local office") == "Ana Pell")
        let resign = try #require(article.quote(containing: "resign"))
        #expect(resign.text.hasPrefix("to resign"))
        #expect(resign.speaker == nil)
        #expect(article.quote(containing: "all three leaders") == nil)
    }


    @Test("Copy from other countries: “gardaí said”, “a spokesman for the department” as the department named before, “told the House of Commons”, “R2.5 billion”, “reported ten days ago”")
    func copyFromOtherCountries() async throws {
        let article = try await Fixtures.enrich(
            """
            Two people were injured in the crash, gardaí said. Home Secretary Jane Ford told the House of Commons the law would change.

            The Department of Health said it was reviewing the figures. A spokesman for the department said: “We take these concerns extremely seriously.”

            Karoo Media said revenue rose to R2.5 billion in the year. As the Marlow Post reported ten days ago, the deal collapsed.
            """
        )
        #expect(article.describedSpeaker(of: "were injured in the crash") == "gardaí")
        #expect(article.quote(containing: "law would change")?.text == "the law would change")
        let department = try #require(article.entity(named: "Department of Health"))
        #expect(article.quote(containing: "extremely seriously")?.speaker?.entity == department.id)
        #expect(article.quote(containing: "revenue rose")?.text == "revenue rose to R2.5 billion in the year")
        #expect(article.quote(containing: "deal collapsed")?.text == "the deal collapsed")
    }


    @Test(
        "Court and idiom: “The jury heard that ...” is evidence with no named speaker (not the jury's); “Only time will tell if ...” is no speech; “in the words of X,” before a quotation mid-sentence is X's"
    )
    func courtHearingsAndIdioms() async throws {
        let article = try await Fixtures.enrich(
            "The jury heard that the accused had sent 200 text messages. Neighbours heard shouting before the fire. Only time will tell if the move pays off. The bill is, in the words of Senator Grace Obi, “a betrayal of every worker in this country”."
        )
        let evidence = try #require(article.quote(containing: "200 text messages"))
        #expect(evidence.speaker == nil)
        #expect(evidence.cue == "heard")
        #expect(article.quote(containing: "shouting") == nil)
        #expect(article.quote(containing: "pays off") == nil)
        #expect(article.speakerName(of: "a betrayal of every worker") == "Grace Obi")
    }


    @Test(
        "A club or county before a role and a name (“Kerry manager Jack O'Connell”) is no antecedent for “he”; a name the tagger missed opening the sentence (“Shoprite said”) speaks, unlinked; a kicker before a colon does not"
    )
    func qualifiersAndUnknownNames() async throws {
        let manager = try await Fixtures.enrich("Kerry manager Jack O'Connell was pleased. He said the team had played well.")
        #expect(manager.speakerName(of: "played well") == "Jack O'Connell")
        let retailer = try await Fixtures.enrich("Shoprite said sales rose sharply in the first half of the year.")
        #expect(retailer.describedSpeaker(of: "sales rose sharply") == "Shoprite")
        let kicker = try await Fixtures.enrich("Bombshell: The Council Just Gave Marlow A Whole New Reason To Worry")
        #expect(kicker.quotes.allSatisfy { $0.speaker?.name != "Bombshell" })
    }


    @Test("“according to” inside brackets: the words are the aside's, not the sentence's before the bracket; “(According to X, ...)” opens its aside")
    func accordingToInBrackets() async throws {
        let article = try await Fixtures.enrich(
            "The festival (the best weekend of the year, according to organiser Jo Kerr) returns to Stonehaven in August. Few riders wear helmets. (According to the Marlow Police Service, it does not keep records of such cases.)"
        )
        #expect(article.quote(containing: "best weekend")?.text == "the best weekend of the year")
        #expect(article.speakerName(of: "best weekend") == "Jo Kerr")
        #expect(article.quote(containing: "does not keep records")?.text.hasPrefix("it does not keep records") == true)
    }

}
