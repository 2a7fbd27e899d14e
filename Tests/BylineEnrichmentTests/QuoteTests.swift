@testable import BylineEnrichment
import Testing

@Suite("Quotes and their speakers")
struct QuoteTests {
    @Test(
        "A role that ends the text (“...,” said a spokesman) is the speaker, read without looking past the last token",
        arguments: ["said a spokesman", "a spokesman", "her statement"])
    func roleEndingTheText(ending: String) async throws {
        let article = try await Fixtures.enrich("“Costs will rise for every household next year,” \(ending)")
        let quote = try #require(article.quote(containing: "every household"))
        #expect(quote.speaker?.entity == nil, "nobody the article names")
        if ending.hasPrefix("said") { #expect(quote.speaker?.name == "a spokesman") }
    }

    @Test("A sentence about someone that introduces their words with a colon (“she put it bluntly: “...””) is theirs; a name qualifying the subject (“The Voss campaign”) is not, the campaign is")
    func colonAfterSentenceAboutSpeaker() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Linda Carriere has little patience for the targets. Speaking to reporters on Wednesday, she put it bluntly: “They want us to build homes with no pipes.” "
                + "Asked about the late call, coach Ray Dillard was succinct: “I'd make it again.” "
                + "\n\nMara Voss hosts the show.\n\nThe Voss campaign worded it carefully: “We never said that about the vote.”"
        )
        #expect(article.speakerName(of: "no pipes") == "Linda Carriere")
        #expect(article.speakerName(of: "make it again") == "Ray Dillard")
        let campaign = try #require(article.quote(containing: "never said that"))
        #expect(campaign.speaker?.entity == nil)
        #expect(campaign.describedSpeaker == "The Voss campaign")
    }

    @Test("“The ministry's letter reads “...””: written words are their author's when the subject names one, nobody's on a sign; “read” a title is no cue")
    func writtenWordsThatRead() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Ana Ruiz spoke first. The Harbour Authority letter reads “we may close the ferry pier for the winter”, but no date was set. "
                + "Protesters held a sign that read “No more cuts to the ferry service”. Ruiz said she had read “The Long Walk” twice."
        )
        let letter = try #require(article.quote(containing: "close the ferry pier"))
        #expect(letter.cue == "reads")
        #expect(letter.speaker?.name == "Harbour Authority")
        let sign = try #require(article.quote(containing: "No more cuts"))
        #expect(sign.cue == "read")
        #expect(sign.speaker == nil)
        #expect(!article.quotes.contains { $0.text == "The Long Walk" })
    }

    @Test("“A,” X said.")
    func postposedCue() async throws {
        let article = try await Fixtures.enrich("Officials met on Monday.\n“We will rebuild the bridge,” Maria Okonjo said on Friday.")
        let quote = try #require(article.quote(containing: "rebuild"))
        #expect(quote.text == "We will rebuild the bridge,")
        #expect(quote.speaker?.name == "Maria Okonjo")
        #expect(quote.cue == "said")
        #expect(quote.kind == "direct")
    }

    @Test("X says A, where a relative with X's surname and a longer name comes later: X speaks")
    func sharedSurnameSpeaker() async throws {
        let article = try await Fixtures.enrich(
            "Jonas Brekke says he is ready for the vote in the northern district.\n\nBrekke says he is going to “work hard for every vote” and wait for the count.\n\nHis father, Arne P. Brekke, stayed home."
        )
        #expect(article.speakerName(of: "work hard for every vote") == "Jonas Brekke")
    }

    @Test("“A,” a spokeswoman for the X said: the organisation speaks, with its article and with a time between")
    func spokespersonForTheOrganisation() async throws {
        let article = try await Fixtures.enrich(
            "Talks resumed in Hallam.\n\n“We are ready to sign,” a spokeswoman for the Ridgeway Council said on Monday.\n\nA spokesman for the Ridgeway Council on Tuesday said the deal would wait."
        )
        #expect(article.speakerName(of: "ready to sign") == "Ridgeway Council")
        #expect(article.speakerName(of: "the deal would wait") == "Ridgeway Council")
    }

    @Test("NAME: “A” after another speaker's sentence: the label names the speaker, not the one before")
    func labelBeatsInheritance() async throws {
        let article = try await Fixtures.enrich(
            "Aide Tom Reyes wrote to the minister in May, informing her of the deaths of two soldiers. Linda Garza: “Is the shop open on Sunday?”")
        #expect(article.speakerName(of: "shop open on Sunday") == "Linda Garza")
    }

    @Test("“A” for X, said Y: a name in words that go on with the sentence is not the speaker")
    func nameInContinuationBeforeCue() async throws {
        let article = try await Fixtures.enrich("Ilse Marken said the vote would be close. “It will be a long night” for Marken, said Oskar Lind.")
        #expect(article.speakerName(of: "a long night") == "Oskar Lind")
    }

    @Test("X said: “A.” and, inverted, Said X: “A.”")
    func colonLeadIn() async throws {
        let article = try await Fixtures.enrich("Finance Minister Paolo Greco said: \"This budget is fair to everyone in the country.\"")
        #expect(article.speakerName(of: "budget is fair") == "Paolo Greco")
        let inverted = try await Fixtures.enrich(
            "Ryan Ellis, a tax consultant, studied both plans.\n\nNeither campaign has a tax reform plan. Said Ellis: “I do not get the sense either of them is interested in reform.”")
        #expect(inverted.speakerName(of: "interested in reform") == "Ryan Ellis")
        #expect(try #require(inverted.quote(containing: "interested in reform")).cue == "said")
    }

    @Test("“A?” X said: a question mark before the closing mark does not cut the quote from its cue")
    func questionBeforeCue() async throws {
        let article = try await Fixtures.enrich("The rally ran late into the night.\n\n“How many more bridges have to fall before anyone acts?” Greta Lindholm asked. “We cannot wait another year.”")
        #expect(article.speakerName(of: "How many more bridges") == "Greta Lindholm")
        #expect(try #require(article.quote(containing: "How many more bridges")).cue == "asked")
    }

    @Test("“A ‘B?’” X said and “A …” X said: a nested question or an ellipsis at the end still ends the sentence before its cue")
    func nestedQuestionOrEllipsisBeforeCue() async throws {
        let article = try await Fixtures.enrich(
            "The meeting ran long.\n\n“Residents keep asking me ‘Who will pay for the repairs?’” Nadia Ferreira said.\n\n“We will keep knocking on doors until the council listens…” Tomas Brandt said."
        )
        #expect(article.speakerName(of: "Residents keep asking") == "Nadia Ferreira")
        #expect(article.speakerName(of: "keep knocking on doors") == "Tomas Brandt")
    }

    @Test("X did something to Y, saying “A” and X did something and added “A”: the participle's or joined verb's subject speaks, not the name next to it")
    func participleAndJoinedVerbSubjects() async throws {
        let article = try await Fixtures.enrich(
            "The council vote was close.\n\nMayor Ingrid Solberg bristled at claims that she had misled Ray Donovan, saying, “I did what the city needed and nothing else.”\n\nOn Tuesday morning, during a radio interview, Councillor Amos Whitfield criticised Solberg and added “This deal was never explained to anyone in this council.”"
        )
        #expect(article.speakerName(of: "what the city needed") == "Ingrid Solberg")
        #expect(article.speakerName(of: "never explained") == "Amos Whitfield")
        let tweet = try await Fixtures.enrich("Ray Donovan hit back at Solberg on Friday, tweeting at her, “You are a liar and a whiner.”")
        #expect(tweet.quote(containing: "a liar")?.cue == "tweeting")
        #expect(tweet.speakerName(of: "a liar") == "Ray Donovan")
    }

    @Test("“A,” said Y campaign manager X and X, a spokesman for Y, said: “A”: the titled name speaks, not the one that qualifies the title")
    func titledNameOverQualifyingName() async throws {
        let article = try await Fixtures.enrich(
            "Senator Lena Westbrook toured the harbour on Monday.\n\n“We are going to win every county on this coast,” said Westbrook campaign manager Dana Ortiz.\n\nPiet Alders, a spokesman for Mayor Ingrid Solberg, said: “The mayor has not seen the report and will not comment on it.”"
        )
        #expect(article.speakerName(of: "win every county") == "Dana Ortiz")
        #expect(article.speakerName(of: "has not seen the report") == "Piet Alders")
    }

    @Test("“A?” X repeated, “A,” declares X and As X put it, “A”: less common cues")
    func lessCommonCues() async throws {
        let article = try await Fixtures.enrich(
            "The council met on Monday to discuss the harbour, with Mayor Ingrid Solberg and Councillor Amos Whitfield taking questions from the press.\n\n“A second bridge?” Whitfield repeated.\n\n“I am a voter too,” declares Nora Lindqvist, a retired ferry pilot.\n\nAs Solberg put it, “Nobody in this city votes for a toll.”"
        )
        #expect(article.speakerName(of: "A second bridge") == "Amos Whitfield")
        #expect(article.speakerName(of: "a voter too") == "Nora Lindqvist")
        #expect(article.speakerName(of: "votes for a toll") == "Ingrid Solberg")
    }

    @Test("At Y, X, the title, said: “A”: an opening phrase before the commas is no apposition subject")
    func openingPhraseIsNoSubject() async throws {
        let article = try await Fixtures.enrich(
            "The budget vote ran late.\n\nIn Marrowgate, after a long debate with Mayor Ingrid Solberg, Councillor Amos Whitfield, the finance chair, said: “We cannot afford a second bridge this decade.”"
        )
        #expect(article.speakerName(of: "cannot afford") == "Amos Whitfield")
    }

    @Test("..., X said, adding, “A”: the participle continues the earlier cue's speaker, not the names before it")
    func participleAfterAnEarlierCue() async throws {
        let article = try await Fixtures.enrich(
            "The harbour talks resumed on Monday.\n\nIngrid Solberg and Amos Whitfield will meet again next week, Piet Alders said, adding, “They need to settle the toll before the summer.”")
        #expect(article.speakerName(of: "settle the toll") == "Piet Alders")
    }

    @Test("a title-case subhead: “A,” Says X")
    func subheadCue() async throws {
        let article = try await Fixtures.enrich(
            "Harbour Plans Stall\n\n“We Will Not Pay For A Second Bridge,” Says Mayor Ingrid Solberg\n\nThe council met on Monday to discuss the toll.")
        #expect(article.speakerName(of: "Second Bridge") == "Ingrid Solberg")
        #expect(try #require(article.quote(containing: "Second Bridge")).cue == "says")
    }

    @Test("a title-case subhead with the cue before the quote: X Says “A”; not “the United States “A”” nor “Felt “A””")
    func subheadCueBefore() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Ingrid Solberg spoke on Monday.\n\nSolberg Says “We Will Reopen The Port By Spring”\n\nShe thanked the United States “for standing with the port.” Piet Alders Felt “Invisible” As A Child."
        )
        let quote = try #require(article.quote(containing: "Reopen The Port"))
        #expect(quote.speaker?.name == "Ingrid Solberg")
        #expect(quote.cue == "says")
        #expect(article.speakerName(of: "Invisible") == nil)
        #expect(article.speakerName(of: "standing with the port") == "Ingrid Solberg")
    }

    @Test("“Y's plan and X said: “A””: “and” after a phrase that is no name does not make a pair, so X speaks")
    func andAfterANonName() async throws {
        let article = try await Fixtures.enrich(
            "The council met on Monday.\n\nThe vote came after months of argument over Nora Lindqvist's toll plan and Amos Whitfield said: “Nobody asked the ferry workers what they think.”")
        #expect(article.speakerName(of: "Nobody asked the ferry") == "Amos Whitfield")
    }

    @Test("a plural subject takes a cue's base form: “Republicans warn: “A””")
    func baseFormCue() async throws {
        let article = try await Fixtures.enrich("The toll vote is on Friday.\n\nRepublicans warn: “The toll will empty the harbour within a year.”")
        #expect(article.speakerName(of: "empty the harbour") == "Republicans")
        #expect(try #require(article.quote(containing: "empty the harbour")).cue == "warn")
    }

    @Test("“A,” a phrase, says X: a postposed cue after a phrase with no other quotation")
    func postposedCueAfterAPhrase() async throws {
        let article = try await Fixtures.enrich(
            "The ferry fares rose again in March.\n\n“Nobody can afford the crossing any more,” in sharp contrast to the council's plans last year, says Nora Lindqvist, a retired ferry pilot.")
        #expect(article.speakerName(of: "afford the crossing") == "Nora Lindqvist")
        #expect(try #require(article.quote(containing: "afford the crossing")).cue == "says")
    }

    @Test("“A,” said X, the title of Y.")
    func saidBeforeName() async throws {
        let article = try await Fixtures.enrich("“The fire moved faster than anything we have seen,” said Luis Moreno, the superintendent of Cedar Ridge National Park.")
        #expect(article.speakerName(of: "fire moved") == "Luis Moreno")
    }

    @Test("a sentence quote with no cue is spoken by the person the sentence before is about")
    func subjectOfThePreviousSentence() async throws {
        let text =
            "Opposition leader Tomas Lindqvist spoke for an hour in Malmo on Saturday.\n\nHe ended with an appeal to volunteers to knock on every door before the vote. “One day you will tell your children that you were there and that you did your part.”"
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "One day you will") == "Tomas Lindqvist")
        // Scare quotes in the sentence before do not hide its subject.
        let scare = try await Fixtures.enrich(
            "Senator Alma Reyes spoke in Tucson on Friday.\n\nShe pledged cleaner rivers, with a promise to get rid of \"paperwork politics\" in the capital and give every farmer the same chance of a \"fair\" deal as she had. \"I grew up on a farm. If the young Alma Reyes were starting out today, the banks would laugh at her.\""
        )
        #expect(scare.speakerName(of: "I grew up on a farm") == "Alma Reyes")
        // A cue after the quote that names nobody leaves it unattributed, not guessed.
        let voice = try await Fixtures.enrich("Ines Duarte took the call on Friday. “Please stay inside your house until the police arrive,” the voice said.")
        let quote = try #require(voice.quote(containing: "stay inside"))
        #expect(quote.speaker == nil)
    }

    @Test("a state abbreviation in parentheses does not end the sentence before its cue")
    func abbreviationInParentheses() async throws {
        let text = "In a statement on Thursday, Rep. Dana Whitfield (D-N.Y.) reacted to the ruling, saying: “The court has let down every family in this state.”"
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "let down every family") == "Dana Whitfield")
    }

    @Test("with no cue, the person the sentence opens with speaks a sentence quote in it; a reported thought has no speaker")
    func subjectOfTheSameSentence() async throws {
        let text =
            "Minister Aisha Mensah met her counterparts in Accra on Monday.\n\nShe listed the countries that had signed, thanking them for “standing together when it mattered. That is what partners do.”"
        #expect(try await Fixtures.enrich(text).speakerName(of: "standing together") == "Aisha Mensah")
        let thought = "Investigators said Karl Brandt watched the house for weeks.\n\nHe decided then that he “would rob the house first of all, before winter.”"
        #expect(try await Fixtures.enrich(thought).quote(containing: "would rob the house")?.speaker == nil)
    }

    @Test("the person who said it speaks, not a country in the clause after the cue")
    func personOverClauseSubject() async throws {
        let text = "Foreign Minister Elena Rossi said even though Italy believes the sanctions are wrong, “travellers to the region must respect the law where they are.”"
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "travellers to the region") == "Elena Rossi")
    }

    @Test("a nationality after the cue is its object, not its speaker")
    func nationalityIsNotASpeaker() async throws {
        let article = try await Fixtures.enrich("The notice urged Norwegian citizens to “avoid all travel to the border area until further notice.”")
        let quote = try #require(article.quote(containing: "avoid all travel"))
        #expect(quote.speaker?.name != "Norwegian")
    }

    @Test("“A,” she added. “B.” is one quote, split around its cue, by the person in focus")
    func splitQuoteMerged() async throws {
        let text = "Mayor Gwen Adebayo opened the school on Monday.\n“No child should sit in a classroom hungry,” she added. “This is the best thing we can do.”"
        let article = try await Fixtures.enrich(text)
        #expect(article.quotes.count == 1)
        let quote = try #require(article.quotes.first)
        #expect(quote.parts.count == 2)
        #expect(quote.speaker?.name == "Gwen Adebayo")
        #expect(quote.speaker?.mention.text == "she")
        for part in quote.parts { #expect(slice(text, part.start, part.end) == part.text) }
    }

    @Test("“A,” she said, “b.”: a quotation its cue splits inside one sentence is one quote in two parts; a fragment before the cue is not")
    func quoteSplitInsideItsSentence() async throws {
        let text = "Mayor Gwen Adebayo opened the school on Monday.\n“What this town needs,” she said, “is a kitchen in every school.”"
        let article = try await Fixtures.enrich(text)
        #expect(article.quotes.count == 1)
        let quote = try #require(article.quotes.first)
        #expect(quote.kind == "direct")
        #expect(quote.parts.map(\.text) == ["What this town needs,", "is a kitchen in every school."])
        #expect(quote.speaker?.name == "Gwen Adebayo")
        let british = try await Fixtures.enrich("Gwen Adebayo opened the school.\n“What this town needs”, she said, “is a kitchen in every school.”")
        #expect(british.quotes.count == 1)
        let fragment = try await Fixtures.enrich(
            "Gwen Adebayo opened the school.\nHoping for a kitchen “down the line” she said: “It will not happen this year, because the budget is spent.”"
        )
        #expect(fragment.quote(containing: "It will not happen")?.parts.count == 1)
    }

    @Test("“A ¶ “B,” X said. “C.”: a quote over two paragraphs ends in the second, and C there goes on with X")
    func quoteAfterQuoteOverParagraphs() async throws {
        let article = try await Fixtures.enrich(
            "Jared Sexton teaches at the college.\n\n“Rallies are outlets for anger that society has pushed aside.\n\n“There is another side that is kind of nihilistic,” Sexton said. “I do not know if it was cathartic or symptomatic.”\n\nThe rally ended at nine."
        )
        #expect(article.quotes.count == 1)
        let quote = try #require(article.quote(containing: "Rallies are outlets"))
        #expect(quote.speaker?.name == "Jared Sexton")
        #expect(quote.parts.last?.text == "I do not know if it was cathartic or symptomatic.")
        let unclosed = try await Fixtures.enrich(
            "Jared Sexton said: “We will fight on until the end of this\nThe crowd shouted. “We will win this time.”"
        )
        #expect(unclosed.quote(containing: "fight on")?.parts.count == 1, "a quote left open ends in its own paragraph")
    }

    @Test("a curly mark turned the wrong way closes an open quote after a word, opens one before a word, and never opens a second")
    func wrongWayCurlyMarks() async throws {
        let closing = try await Fixtures.enrich("Officials met on Monday.\n\n“It is unusual,“ said Larry Nolan, an attorney. “It is a hard thing to do.”")
        #expect(closing.quote(containing: "It is unusual")?.speaker?.name == "Larry Nolan")
        #expect(closing.quote(containing: "a hard thing")?.speaker?.name == "Larry Nolan")
        let opening = try await Fixtures.enrich(
            "Readers wrote to us after the debate.\n\n”Fear. I am truly afraid of what comes next.” ― Edwin Monroy\n\n“We will be fine.” ― Dana Ruiz")
        #expect(opening.speakerName(of: "truly afraid") == "Edwin Monroy")
        let title = try await Fixtures.enrich("The film, “A Quiet Year, ”out on Dec. 31, stars Ana Ruiz.\n\nShe said nothing.")
        #expect(title.quote(containing: "out on Dec") == nil, "a mark after an open one closes it")
    }

    @Test("X — an aside naming others — said: the name before the aside speaks; “Surname: “A”” labels a quote even when two people share the surname")
    func asideBetweenDashesAndSurnameLabel() async throws {
        let aside = try await Fixtures.enrich(
            "In the book, Gary Brand — who was posted at the door to the Oval Office for three years — states that the assignment was considered a punishment."
        )
        #expect(aside.speakerName(of: "considered a punishment") == "Gary Brand")
        let labels = try await Fixtures.enrich(
            "Jeb Talbot and Hillary Ward, among others, reject the term. His brother, George W. Talbot, stayed home.\n\nWard: \"Our goal is to defeat the group.\" Talbot: \"The mission is to destroy it -- not to contain it.\"\n\nThat has been policy."
        )
        #expect(labels.speakerName(of: "Our goal") == "Hillary Ward")
        #expect(labels.speakerName(of: "The mission") == "Jeb Talbot")
    }

    @Test("a quote running over paragraphs is one quote")
    func multiParagraph() async throws {
        let text = "Commissioner Beatrice Lang said: “We made mistakes, and we learned from them.\n“But today the city has a railway it will use for a hundred years.”\nThe line opened on Saturday."
        let article = try await Fixtures.enrich(text)
        #expect(article.quotes.count == 1)
        let quote = try #require(article.quotes.first)
        #expect(quote.text.contains("mistakes") && quote.text.contains("hundred years"))
        #expect(quote.speaker?.name == "Beatrice Lang")
    }

    @Test("a partial quote inside an accusation is a fragment of mixed speech, the accused no speaker")
    func partialQuote() async throws {
        let article = try await Fixtures.enrich("Opposition leader Sofia Marchetti accused the government of “hiding the real numbers” in its budget.")
        let quote = try #require(article.quote(containing: "hiding"))
        #expect(quote.kind == "mixed")
        #expect(quote.cue == "accused")
        #expect(quote.text == "the government of “hiding the real numbers”")
        #expect(quote.fragments.map(\.text) == ["hiding the real numbers"])
        #expect(quote.speaker?.name == "Sofia Marchetti")
    }

    @Test("a title resolves to the person introduced with it")
    func titleSpeaker() async throws {
        let text = "Police Chief Dana Whitfield said officers had knocked on every door.\nResidents left before dawn.\n“We are not taking chances with people’s lives,” the chief said."
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "taking chances") == "Dana Whitfield")
    }

    @Test("an organisation can speak")
    func organisationSpeaker() async throws {
        let article = try await Fixtures.enrich("“The talks were constructive and will continue next week,” the Kremlin said in a statement.")
        #expect(article.speakerName(of: "constructive") == "Kremlin")
    }

    @Test("scare quotes and titles of works are not quotes; an unnamed speaker is null")
    func nonQuotesAndUnknownSpeakers() async throws {
        let text = "The so-called \"reform\" was shelved. She reviewed the film \"Jaws\" for the paper.\n“We will come back next year and we will win,” a witness said."
        let article = try await Fixtures.enrich(text)
        #expect(article.quote(containing: "reform") == nil)
        #expect(article.quote(containing: "Jaws") == nil)
        let quote = try #require(article.quote(containing: "come back"))
        #expect(quote.describedSpeaker == "a witness", "a witness is never named: no guess")
    }

    @Test("a short quotation that is a sentence of its own is kept, after its speaker's sentence and after a quote; a short quoted term is not")
    func shortWholeSentenceQuotes() async throws {
        let text = """
            Jim Cole, the new treasurer, walked to the front of the hall. “Good morning, everyone.”

            “We have a budget at last,” Cole said.

            “Thank you.”

            The “new normal” is here, and the “Rainy Day” fund is gone.
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "Good morning, everyone.") == "Jim Cole")
        #expect(article.speakerName(of: "Thank you.") == "Jim Cole")
        #expect(article.quote(containing: "new normal") == nil)
        #expect(article.quote(containing: "Rainy Day") == nil)
    }

    @Test("“A,” reported X / wondered X: postposed cues beyond said")
    func morePostposedCues() async throws {
        let article = try await Fixtures.enrich(
            "Turnout rose again. This is “the same lead she has held all month,” reported the Harbour Ledger.\n\n“Is this the end?” wondered Ana Ruiz."
        )
        #expect(article.speakerName(of: "held all month") == "Harbour Ledger")
        #expect(article.speakerName(of: "Is this the end?") == "Ana Ruiz")
    }

    @Test("“A,” X, an apposition longer than the usual reach, said: X speaks")
    func longAppositionAfterQuote() async throws {
        let article = try await Fixtures.enrich(
            "“Very good reporter, very good reporter this one,” Ana Ruiz, the party's frontrunner nationally and the polling leader in the state by a wide margin after winning the first two primaries of the season, said when the reporter asked a question."
        )
        #expect(article.speakerName(of: "Very good reporter") == "Ana Ruiz")
    }

    @Test("a quoted title after \"book,\" or \"or\", or used as a name (his “Miss Harbour” pageant, “Sons of Lund” is ...), is no quote; a nickname after \"called\" still is")
    func titlesUsedAsNames() async throws {
        let text = """
            Comedians are staging a play called "Los Hijos de Lund," or "Sons of Lund," in Porto. The network dropped his "Miss Harbour" pageant.

            Critics read his new book, "Broken Harbour: How to Fix the Port," for clues.

            "Sons of Lund" is an adaptation of an older show. Lund called his rival "Sleepy Tom" at the rally.
            """
        let article = try await Fixtures.enrich(text)
        for title in ["Los Hijos de Lund", "Sons of Lund", "Miss Harbour", "Broken Harbour"] {
            #expect(article.quote(containing: title) == nil, "\(title)")
        }
        #expect(article.quote(containing: "Sleepy Tom") != nil)
        let podcast = try await Fixtures.enrich(
            "“Being a dad, that is my job,” Tom Berg said in May on the podcast “Harbour Talk.”\n\nIn an interview on her podcast \"Pier Hours\" out Thursday, Ana Ruiz said the port would reopen."
        )
        #expect(podcast.quote(containing: "Harbour Talk") == nil)
        #expect(podcast.quote(containing: "Pier Hours") == nil)
        #expect(podcast.speakerName(of: "that is my job") == "Tom Berg")
        let cued = try await Fixtures.enrich("“Never Again” is a promise the country must keep, Rabbi David Cohen said at the memorial.")
        #expect(cued.speakerName(of: "Never Again") == "David Cohen")
    }

    @Test("X issued the following statement: / From X's post: before a quotation, in its paragraph or the next: X speaks")
    func statementLeadIn() async throws {
        let article = try await Fixtures.enrich(
            """
            In response to the loss of life, Harbour Party leader Ana Ruiz issued the following statement:

            “Our thoughts are with all those affected by the flood in Lund.”

            Tom Berg backed the plan. From Berg’s Facebook post: “We must move to rebuild the pier together.”
            """)
        #expect(article.speakerName(of: "Our thoughts are with") == "Ana Ruiz")
        #expect(article.speakerName(of: "rebuild the pier") == "Tom Berg")
        // A paper that publishes a letter is not its writer.
        let letter = try await Fixtures.enrich("The Harbour Ledger published the following letter:\n\n“As a nurse for thirty years, I have never seen the wards this short of staff.”")
        let quote = try #require(letter.quote(containing: "As a nurse"))
        #expect(quote.speaker == nil)
    }

    @Test("a possessive apostrophe does not unbalance straight quotes")
    func apostrophesAndStraightQuotes() async throws {
        let article = try await Fixtures.enrich("\"It's a positive thing for the workers at Stella's,\" union president Jeff Traeger said. \"They now have a voice.\"")
        #expect(article.quotes.count == 1)
        #expect(article.quotes.first?.speaker?.name == "Jeff Traeger")
        #expect(article.quotes.first?.text.contains("They now have a voice.") == true)
    }

    @Test("signatures after a dash, each line of a list its own speaker; a parenthesis between name and verb")
    func signaturesAndParenthesis() async throws {
        let text =
            "Readers wrote in after the debate.\n“We need a real plan for schools and for jobs in our towns.” \u{2015} Maria Lopez\n“I just hope this campaign gets people to register and vote.” \u{2015}\u{00A0}Jorge Falcon\n“Maybe we can build a wall around the whole campaign.” \u{2014} Steve Quinlan.\n\n\"We cannot let this stand,\" Rep. Ann Lee (R-Fla.) said."
        let article = try await Fixtures.enrich(text)
        // A signed quote never inherits the speaker of the one before; an em dash after the
        // closing mark opens a new sentence, yet still signs the quote.
        #expect(article.speakerName(of: "real plan for schools") == "Maria Lopez")
        #expect(article.speakerName(of: "register and vote") == "Jorge Falcon")
        #expect(article.speakerName(of: "build a wall") == "Steve Quinlan")
        #expect(article.speakerName(of: "let this stand") == "Ann Lee")
    }

    @Test("of several names before the verb, the one next to it speaks; a pair speaks together, and one that owns the speaker does not")
    func whichNameSpeaks() async throws {
        let text = """
            At a fundraiser in Lyon with the singer Ana Ruiz, Helene Marchetti called the plan “a disgrace to the city.”

            Maria Okonjo and Luis Moreno said “the bridge will open in May.”

            “We are pleased with the ruling and will comply with it,” Okonjo lawyer Peter Marsh said.

            Daniel Okafor was released from hospital on Monday. Okafor's family said they wanted “answers from the city about what happened that night.”

            Okafor's aunt, Grace Mensah, said the family was “waiting for an apology.” His neighbour said he had “done nothing wrong.”
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "disgrace to the city") == "Helene Marchetti")
        #expect(article.describedSpeaker(of: "bridge will open") == "Maria Okonjo and Luis Moreno")
        #expect(article.quote(containing: "bridge will open")?.speaker?.joint.count == 2)
        #expect(article.speakerName(of: "pleased with the ruling") == "Peter Marsh")
        // No attribution beats a false one.
        #expect(article.quote(containing: "answers from the city") != nil)
        #expect(article.describedSpeaker(of: "answers from the city") == "Okafor's family")
        // A relative apposed to the name of the one it is related to speaks.
        #expect(article.speakerName(of: "waiting for an apology") == "Grace Mensah")
        #expect(article.describedSpeaker(of: "done nothing wrong") == "His neighbour")
        // A relative the article does not name leaves the quote without a speaker, not without the quote.
        let cousin = try await Fixtures.enrich("Police named the victim as Samuel Okafor, 19.\n\n“We are heartbroken,” Okafor's cousin said.")
        let heartbroken = try #require(cousin.quote(containing: "We are heartbroken"))
        #expect(heartbroken.describedSpeaker == "Okafor's cousin")
        #expect(heartbroken.cue == "said")
    }

    @Test(
        "“Osei said ... The finance minister said: “...””: a title nobody in the article holds names the person just quoted; not after someone else is named, nor a title of the other gender, nor “the spokesman”"
    )
    func titleOfThePersonJustQuoted() async throws {
        let article = try await Fixtures.enrich(
            """
            Nadia Osei spoke in Accra on Monday. Osei said the port would reopen in May. The finance minister said: “We have the money to rebuild it.”

            Kofi Mensah said the harbour fees would rise. Ama Boateng and Yaw Owusu disagreed with him. The minister said: “No fee will rise this year.”

            Tom Berg said the ferry would run all winter. The congresswoman said: “The ferry is too old.” The spokesman said: “We will buy a new one.”
            """)
        #expect(article.speakerName(of: "We have the money") == "Nadia Osei")
        #expect(article.describedSpeaker(of: "No fee will rise") == "The minister")
        #expect(article.describedSpeaker(of: "The ferry is too old") == "The congresswoman")
        #expect(article.describedSpeaker(of: "buy a new one") == "The spokesman")
        // Nobody quoted just before: the person the sentence before opens with, alone.
        let opened = try await Fixtures.enrich(
            """
            Lena Fors spoke over boos from the crowd in Lund. The mayor sought to calm them, saying the port would “not close this year.”

            Piet Alders met Oda Lind on Friday. The governor said: “We agreed on nothing.”
            """)
        #expect(opened.speakerName(of: "not close this year") == "Lena Fors")
        #expect(opened.describedSpeaker(of: "We agreed on nothing") == "The governor")
        // Not someone just called by that title, nor one holding or apposed to another office,
        // nor "the mayor's office".
        let others = try await Fixtures.enrich(
            """
            Hale said the president had lied about the war. The president said: “Hale is a fraud.”

            Mayor Diane Cho said the plan works. The governor said: “It does not.”

            Brandt, the chief executive, said the merger was final. The chairman said: “The board backs him.”
            """)
        #expect(others.describedSpeaker(of: "Hale is a fraud") == "The president")
        #expect(others.describedSpeaker(of: "It does not") == "The governor")
        #expect(others.describedSpeaker(of: "The board backs him") == "The chairman")
        let office = try await Fixtures.enrich("Tom Mills said the protest was peaceful. The mayor's office said: “We will review the footage.”")
        #expect(office.describedSpeaker(of: "review the footage") == "The mayor's office")
    }

    @Test("the titled name speaks; a pronoun binds to its sentence's speaker")
    func subjectsInContext() async throws {
        let text = """
            Mayor Diane Cho met the press on Monday.
            Veltrix spokesman Harold Kim added, “The plant will open on time and on budget.”
            Diane Cho says she rejects what she calls “a campaign of rumours about the budget.”
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "open on time") == "Harold Kim")
        #expect(article.speakerName(of: "campaign of rumours") == "Diane Cho")
    }

    @Test("a pronoun picks up the subject of the latest sentence naming someone, not a later or possessive name")
    func pronounPrefersTheSubject() async throws {
        let text = """
            Trade minister Pavel Novak spoke in Brno on Tuesday.

            Mr Novak, a long-time critic of tariffs, rejected Viktor Hale's proposal and praised the work of Tomas Brandt. “We cannot tax our way into growth,” he said.
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "tax our way") == "Pavel Novak")
        // A sentence opening with the same pronoun passes the chain on to the one before.
        let chain = try await Fixtures.enrich(
            "Court papers say Gregor Vance kept the boy in a cabin for a month.\n\nHe said Tobias tried to run twice. Whenever he went out, he told the boy \"nobody will ever find you\" if he tried again."
        )
        #expect(chain.speakerName(of: "nobody will ever find") == "Gregor Vance")
    }

    @Test("a sentence opening with a short phrase and a comma still has its person as subject; \"they\" is the two named speakers, together")
    func subjectsAfterAnOpeningPhraseAndSpeakingPairs() async throws {
        let opening = try await Fixtures.enrich(
            "On “Morning Report,” Sen. Ruth Okafor (Ohio), who chairs the committee, named housing as the first priority. “Rents have doubled in ten years and wages have not.”")
        #expect(opening.speakerName(of: "Rents have doubled") == "Ruth Okafor")
        let pair = try await Fixtures.enrich(
            "In a joint statement, bakery owners Marta Lindgren and Oskar Halvorsen said they accepted the ruling.\n\n\"We will pay every worker what they are owed by the end of the month,\" they said."
        )
        #expect(pair.speakerName(of: "pay every worker") == "Marta Lindgren and Oskar Halvorsen")
        #expect(pair.quote(containing: "pay every worker")?.speaker?.joint.count == 2)
        // "they" for a group nobody named together stays unattributed.
        let group = try await Fixtures.enrich("Residents of Elm Street gathered on Sunday. \"We have waited three years for a new bridge,\" they said.")
        #expect(try #require(group.quote(containing: "new bridge")).speaker == nil)
    }

    @Test("the name a quote describes is not its speaker; a participle's subject is the sentence's")
    func describedNameIsNotTheSpeaker() async throws {
        let text = "Councillor Dana Whitfield has feuded with the mayor for years.\n\nShe has also mocked his critics online, calling Mayor Ron Adler a “part-time tourist” and sharing old photos."
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "part-time tourist") == "Dana Whitfield")
        // The one told is not the speaker either.
        let organisation = try await Fixtures.enrich("The Harbour Trust did not want to discuss “that man,” telling Channel 4 that the trust is focused on “keeping the waterfront open to everyone.”")
        #expect(organisation.speakerName(of: "keeping the waterfront") == "Harbour Trust")
    }

    @Test("a quoted title of a programme, book or film after a possessive or a preposition is no quote; a short sentence is")
    func titlesOfWorksAreNotQuotes() async throws {
        let text = """
            Appearing on Coastline TV's “Morning Desk,” Senator Ruth Okafor said the bill would pass by summer.

            In an interview with “Harbour Radio Today,” Mayor Ben Hale said the ferry would run again in May.

            Asked about the delay, Hale said to “expect good news before the summer.”
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.quote(containing: "Morning Desk") == nil)
        #expect(article.quote(containing: "Harbour Radio Today") == nil)
        #expect(article.speakerName(of: "bill would pass") == "Ruth Okafor")
        #expect(article.quote(containing: "expect good news") != nil)
    }

    @Test("a show after “broadcast of”, before its medium and noun, or told something, and an anthem are no quotes")
    func showsAndAnthemsAreNotQuotes() async throws {
        let text = """
            On this week’s broadcast of “Harbour Watch,” Senator Ruth Okafor said the bill would pass by summer.

            Listeners called the “Ferry Talk Tonight” radio program to complain about the fares.

            At the end of her rendition of the anthem “Morning Over Kestrel Bay,” the singer added the words “Vote for Hale.”

            Mayor Ben Hale told Coastline TV’s “Morning Desk” on Monday that the ferry would run again in May.
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.quote(containing: "Harbour Watch") == nil)
        #expect(article.quote(containing: "Ferry Talk Tonight") == nil)
        #expect(article.quote(containing: "Morning Over Kestrel Bay") == nil)
        let told = try #require(article.quote(containing: "ferry would run again"))
        #expect(told.text.hasPrefix("that the ferry"), "the show is the one told: \(told.text)")
        #expect(told.kind == "indirect")
        #expect(told.speaker?.name == "Ben Hale")
    }

    @Test("a label with title words before the name, and a lead-in sentence ending in a colon, name the speaker")
    func labelsAndLeadIns() async throws {
        let text = """
            Rep. Dana Whitfield (D-Ore.): “We asked for the records three times and got nothing back.”

            Former secretary of state Omar Reyes: “I answered every question the committee put to me.”

            Senate Majority Leader Ruth Okafor, D-Ohio, delivered a blunt message to the governor: “Stop blocking the bill and let the members vote on it.”
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "asked for the records") == "Dana Whitfield")
        #expect(article.speakerName(of: "answered every question") == "Omar Reyes")
        #expect(article.speakerName(of: "Stop blocking the bill") == "Ruth Okafor")
    }

    @Test("a speaker before a long apposition between commas or dashes still speaks")
    func speakerBeforeALongApposition() async throws {
        let text = """
            Mayor Ben Hale spoke first. “We will rebuild the pier before the summer,” Anne Richards, a former harbour commissioner who ran the port for twenty years, and now advises the council, said on Monday.

            Senator Ruth Okafor – who has led the committee since 2019 and has twice blocked the budget over the cost of the new bridge – has vowed that the ferry will run again.
            """
        let article = try await Fixtures.enrich(text)
        #expect(article.speakerName(of: "rebuild the pier") == "Anne Richards")
        #expect(article.speakerName(of: "ferry will run again") == "Ruth Okafor")
    }

    @Test("a transcript label after a headline's dash or “More from”, and a lead-in “Stated X:” before a quotation's paragraph, name the speaker")
    func labelsAfterHeadlinesAndLeadIns() async throws {
        let article = try await Fixtures.enrich(
            "Analyst Mara Jensen tracked the race for a month.\n\nOHIO RACE TIGHTENS – Mara Jensen: “We expected this after the debate.”\n\nTurnout fell in the north - More from Jensen: “It was the cold, mostly.”\n\nCouncillor Tom Osei weighed in on Friday. Stated Osei:\n\n“The vote is final and we move on.”"
        )
        #expect(article.speakerName(of: "We expected this") == "Mara Jensen")
        #expect(article.speakerName(of: "the cold, mostly") == "Mara Jensen")
        #expect(article.speakerName(of: "vote is final") == "Tom Osei")
    }

    @Test("someone's words named before a colon (“His verdict: “...””) are theirs; a shout or a chant after a quotation is its cue")
    func ownedWordsBeforeAColonAndShoutedCues() async throws {
        let article = try await Fixtures.enrich(
            """
            Coach Darren Wilde was blunt. His verdict: “We were not good enough.” Mayor Ana Diaz spoke on Monday. Her message to voters: “Don’t give up on us.”

            “Get out!” yelled a neighbour. “Enough is enough,” protesters chanted outside parliament.
            """
        )
        #expect(article.speakerName(of: "not good enough") == "Darren Wilde")
        #expect(article.quote(containing: "not good enough")?.cue == "verdict")
        #expect(article.speakerName(of: "give up on us") == "Ana Diaz")
        #expect(article.describedSpeaker(of: "Get out") == "a neighbour")
        #expect(article.describedSpeaker(of: "Enough is enough") == "protesters")
    }

    @Test("a verb of judgement before a partial quote attributes it (“condemned the launch as “...””); after a quotation it is no cue")
    func judgementVerbsBeforePartialQuotes() async throws {
        let article = try await Fixtures.enrich(
            "In a statement, President Rhea Castillo condemned the launch as \"provocative and destabilizing\" and a \"grave threat\" to the region. At a rally, Tom Osei likened the plan to a “leaking boat” in a long speech. Later, Castillo blasted Osei for “playing games with the budget” on Monday. “That makes me smart,” Osei said, when Castillo blasted him for it."
        )
        #expect(article.speakerName(of: "provocative and destabilizing") == "Rhea Castillo")
        #expect(article.speakerName(of: "grave threat") == "Rhea Castillo")
        #expect(article.speakerName(of: "leaking boat") == "Tom Osei")
        #expect(article.speakerName(of: "playing games") == "Rhea Castillo")
        #expect(article.speakerName(of: "makes me smart") == "Tom Osei")
        let lauded = try await Fixtures.enrich("In January, Governor Tom Okafor lauded Mr. Clarke for helping develop “new and innovative ideas.”")
        #expect(lauded.speakerName(of: "innovative ideas") == "Tom Okafor")
        // In the passive, the agent after "by" judges, when its words follow it.
        let passive = try await Fixtures.enrich(
            "The ruling was described by Judge Carla Menéndez as “a travesty of justice”. The Harbour Levy was called by the Marlow Party to fund the “Pier Renewal Plan” in May."
        )
        #expect(passive.speakerName(of: "travesty of justice") == "Carla Menéndez")
        // Nor is what was named: "The Harbour Levy" did not speak.
        #expect(passive.quote(containing: "Pier Renewal Plan").map { $0.speaker == nil } ?? true)
    }

    @Test("a person whose name tells no gender takes it from the pronouns after their mentions, so “he” skips her")
    func genderFromPronouns() async throws {
        let article = try await Fixtures.enrich(
            "Quill Pike was charged on Friday. Tavi Vance, 13, hid under the bed for hours. Tavi told police she could hear the sirens. He told detectives he would have fled if stopped.")
        #expect(article.quote(containing: "could hear the sirens")?.speaker?.name == "Tavi Vance")
        #expect(article.quote(containing: "would have fled")?.speaker?.name == "Quill Pike")
    }

    @Test("a quotation two sentences after another is no second part of it, even with a speech verb between")
    func noMergeAcrossSentences() async throws {
        let article = try await Fixtures.enrich(
            "“We will win the vote,” Tom Osei said on Monday. Reporters asked about turnout later. Then they left. “Nobody came to the polls at all.”")
        #expect(article.quotes.count == 2, "\(article.quotes.map(\.text))")
        #expect(article.quote(containing: "win the vote")?.text == "We will win the vote,")
    }

    @Test("a quotation with no cue takes the person its own sentence is about before the previous quote's speaker, and is no second part of that quote")
    func ownSentenceSubjectBeforeInheritance() async throws {
        let article = try await Fixtures.enrich(
            "“He has failed this city,” Mayor Ellen Brody said of Tom Osei. Osei struck back on Friday, taunting Brody over her “parade of broken promises” at the hall."
        )
        #expect(article.speakerName(of: "parade of broken promises") == "Tom Osei")
        #expect(article.quote(containing: "failed this city")?.text == "He has failed this city,")
        let alone = try await Fixtures.enrich(
            "Former mayor Dana Whitfield, a close ally of the council, stirred anger last year over her remark that “there is no room at this table for quitters.”")
        #expect(alone.speakerName(of: "no room at this table") == "Dana Whitfield")
        // A name right before the quotation is the subject of the quoted words, not a new speaker.
        let quotedSubject = try await Fixtures.enrich("“That was careless,” said Ito Mara, an analyst. Dana Grant “simply misspoke, and everyone here knows it.”")
        #expect(quotedSubject.speakerName(of: "simply misspoke") == "Ito Mara")
    }

    @Test("“hammered X, calling him ...”: a pronoun later in the sentence is the subject's, not the object's")
    func pronounSkipsObjectBeforeParticiple() async throws {
        let article = try await Fixtures.enrich(
            "Mark Lund hammered Tom Osei, calling him a man whom he described as “a danger to every family in this county.”")
        #expect(article.speakerName(of: "a danger to every family") == "Mark Lund")
    }

    @Test("an inverted cue with a comma (“Said Osei, “...””) names the speaker, and the verb is no part of the name")
    func invertedCueWithComma() async throws {
        let article = try await Fixtures.enrich(
            "Police chief Tom Osei spoke on Tuesday. Said Osei, \"The thought that we missed this is painful to all of us.\" Asked whether Brody's plan would help, Osei said, \"It might.\""
        )
        #expect(article.speakerName(of: "missed this is painful") == "Tom Osei")
        #expect(article.speakerName(of: "It might") == "Tom Osei")
        #expect(!article.entities.contains { $0.name.hasPrefix("Said") })
    }

    @Test("“Asked whether ..., X said”: the question is reported speech of nobody named, and the answer is X's alone")
    func questionPutToTheSpeaker() async throws {
        let article = try await Fixtures.enrich(
            "Police chief Tom Osei spoke on Tuesday. Asked whether the new plan would help, Osei said, “It might.” Asked about his earlier doubts on the budget, Osei said that the mood had changed since spring."
        )
        let question = try #require(article.quote(containing: "the new plan would help"))
        #expect(question.text == "whether the new plan would help")
        #expect(question.speaker == nil)
        #expect(article.quote(containing: "earlier doubts")?.text == "his earlier doubts on the budget")
        #expect(article.quote(containing: "mood had changed")?.text == "that the mood had changed since spring")
        #expect(article.speakerName(of: "mood had changed") == "Tom Osei")
        #expect(article.speakerName(of: "It might") == "Tom Osei")
    }

    @Test(
        "“X was asked what ...”, “... when asked which ...”, “... if asked which ...”: the question is reported speech of nobody named, not of the one asked; it ends a report before it and its own clause at a comma"
    )
    func questionPutInAPassive() async throws {
        let article = try await Fixtures.enrich(
            "Police chief Tom Osei spoke on Tuesday. In an interview with the radio station, Osei was asked what happened to the missing ballots. Osei said the count had been fair when asked whether he would resign. Dana Cole smiled when asked which candidate she would back, and then she left."
        )
        let passive = try #require(article.quote(containing: "missing ballots"))
        #expect(passive.text == "what happened to the missing ballots")
        #expect(passive.speaker == nil)
        #expect(article.quote(containing: "count had been fair")?.text == "the count had been fair")
        #expect(article.speakerName(of: "count had been fair") == "Tom Osei")
        let resign = try #require(article.quote(containing: "he would resign"))
        #expect(resign.text == "whether he would resign")
        #expect(resign.speaker == nil)
        let backed = try #require(article.quote(containing: "she would back"))
        #expect(backed.text == "which candidate she would back")
        #expect(backed.speaker == nil)
        // "if asked" leaves out subject and "be" as "when asked" does: the same split.
        let conditional = try await Fixtures.enrich("Mayor Lena Ortiz said she would stay neutral if asked which candidate she backs.")
        #expect(conditional.quote(containing: "stay neutral")?.text == "she would stay neutral")
        #expect(conditional.speakerName(of: "stay neutral") == "Lena Ortiz")
        let putToHer = try #require(conditional.quote(containing: "she backs"))
        #expect(putToHer.text == "which candidate she backs")
        #expect(putToHer.speaker == nil)
    }

    @Test("particle cues after a quotation (“shot back”, “went on”, “cut in”) and “thanked ... for “...”” attribute it")
    func particleCuesAfterQuotations() async throws {
        let article = try await Fixtures.enrich(
            "Kemp spoke first. “It is hard,” Kemp went on. “We were robbed,” Tom Osei shot back. “Not again,” Ana Ortiz cut in. Ortiz thanked the volunteers for “carrying this campaign.”"
        )
        #expect(article.speakerName(of: "It is hard") == "Kemp")
        #expect(article.speakerName(of: "We were robbed") == "Tom Osei")
        #expect(article.speakerName(of: "Not again") == "Ana Ortiz")
        #expect(article.speakerName(of: "carrying this campaign") == "Ana Ortiz")
    }

    @Test("“in what X, a campaign aide, called “...””: the relative's subject speaks, not a name inside an earlier clause; a person's name holds no verb")
    func relativeSubjectBeforeApposition() async throws {
        let article = try await Fixtures.enrich("Lee guarded Park's votes in 1990, in what Ana Ruiz, a campaign aide, called “trench warfare.”")
        #expect(article.speakerName(of: "trench warfare") == "Ana Ruiz")
        #expect(Set(article.entities.map(\.name)) == ["Lee", "Park", "Ana Ruiz"])
    }

    @Test("“X, an adviser, said, “...””: the cue belongs to the quotation; the subject and its apposition are no reported content")
    func cueBeforeAQuotationIsNotPostposed() async throws {
        let article = try await Fixtures.enrich("Dana Cole, a senior adviser to the mayor, said, “We are ready for the storm.”")
        #expect(article.quotes.map(\.text) == ["We are ready for the storm."])
        #expect(article.speakerName(of: "We are ready") == "Dana Cole")
    }

    @Test("a clause joined after a quote with a quotation of its own owns that one; a cue before a quote ending “!” beats the next sentence's")
    func cueOfTheRightClause() async throws {
        let joined = try await Fixtures.enrich(
            "The meeting ended with Tom Osei saying he was “very encouraged” and Dana Cole calling it a “great meeting.”")
        #expect(joined.speakerName(of: "very encouraged") == "Tom Osei")
        #expect(joined.speakerName(of: "great meeting") == "Dana Cole")
        let exclaimed = try await Fixtures.enrich("Osei kept telling Dana Cole, “Stop this now!” She replied to him that she would not stop.")
        #expect(exclaimed.speakerName(of: "Stop this now") == "Osei")
    }

    @Test("a participle's speaker: not a phrase opening the sentence (“At a campaign event”), not an expletive “it”, and a joined “and asking” shares the subject of the participle it joins")
    func participleSubjects() async throws {
        let opening = try await Fixtures.enrich(
            "Ellen Brody spoke at CNN on Monday. At a campaign event in Ames, Iowa, on Sunday, Dana Cole tried to expand on her earlier statement, saying that the plan was sound."
        )
        #expect(opening.speakerName(of: "the plan was sound") == "Dana Cole")
        let expletive = try await Fixtures.enrich(
            "The Senate voted. It was a one-two punch, as Dana Cole echoed the criticism, saying the plan “reminds us every day that it is broken.”")
        #expect(expletive.speakerName(of: "reminds us every day") == "Dana Cole")
        let joined = try await Fixtures.enrich(
            "Republicans were quick to respond, with Tom Osei tweeting that it was a \"disaster\" for the city and asking, \"How can anyone trust this?\"")
        #expect(joined.speakerName(of: "How can anyone trust") == "Tom Osei")
    }

    @Test("“...,” one voter said: someone new and unnamed speaks, described as written, not the one quoted before")
    func unnamedNewSpeakerAfterAQuote() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Tom Osei opened the new port on Monday. “This is a great day for the city,” Osei said. “It took them long enough,” one voter said.")
        #expect(article.speakerName(of: "great day") == "Tom Osei")
        let voter = try #require(article.quote(containing: "long enough"))
        #expect(voter.speaker?.entity == nil)
        #expect(voter.describedSpeaker == "one voter")
        #expect(!voter.text.contains("great day"))
    }

    @Test("a plural's possessive apostrophe (“Jones’ campaign said”) is no quotation mark; one closing a single mark opened before still is")
    func pluralPossessiveApostrophe() async throws {
        let article = try await Fixtures.enrich(
            "Senator Tom Jones lost the vote in Kentucky on Tuesday, the Associated Press reported. Jones’ campaign said the count was wrong. He called the result ‘a gift to the Democrats’ and left."
        )
        // The campaign speaks, not Jones: an organisation named after a person stays an organisation.
        let count = try #require(article.quote(containing: "count was wrong"))
        #expect(count.text == "the count was wrong")
        #expect(count.describedSpeaker == "Jones’ campaign")
        #expect(article.quote(containing: "a gift")?.text == "the result ‘a gift to the Democrats’")
    }

    @Test("a name in the previous speaker's own sentence (“... for Brody, said Cole”) does not take “she” from that speaker")
    func nameInTheSpeakersOwnSentenceKeepsTheFocus() async throws {
        let article = try await Fixtures.enrich(
            "Senator Ellen Brody trails in the polls. “This will be a hard month” for Brody, said Dana Cole, a former governor. “She has never been this far behind,” she said."
        )
        #expect(article.speakerName(of: "hard month") == "Dana Cole")
        #expect(article.speakerName(of: "far behind") == "Dana Cole")
    }

    @Test("“he” falls back on the latest sentence's subject, not a name after a preposition (“With Mr. Osei beside him, Mr. Cole left”)")
    func pronounSkipsANameAfterAPreposition() async throws {
        let article = try await Fixtures.enrich(
            "“The plan is dead,” Ellen Brody said. With Mr. Osei beside him, Mr. Cole left the hall. “We will not accept this,” he said later.")
        #expect(article.speakerName(of: "not accept this") == "Cole")
    }

    @Test("a title after “called” (“It is called “The Long Way Home: A Life in Ports””) is no quote; “called the plan “a disgrace ...”” reports it")
    func titleAfterCalledIsNoQuote() async throws {
        let article = try await Fixtures.enrich(
            "Ellen Brody has a new book out. It is called “The Long Way Home: A Life in Ports,” and it sold well. Tom Osei called the plan “a disgrace to the city.”"
        )
        #expect(article.quotes.map(\.text) == ["the plan “a disgrace to the city.”"])
    }

    @Test(
        "a description that refers back (“the striker”, “the 24-year-old”, “the Norwegian”, “the mother-of-two”) is the one person just named, before or after the verb; not after two, and not “the neighbour”"
    )
    func backReferringDescriptions() async throws {
        let signing = try await Fixtures.enrich(
            "Harbury FC have signed Norwegian striker Eirik Solberg from Rosenborg.\n\nThe 24-year-old has signed a four-year contract. “This is a club with real ambition and I cannot wait to start,” the striker told the club's website. “The fans here are loud and I love that,” the Norwegian said. “I want to score twenty goals this season,” the 24-year-old said."
        )
        #expect(signing.speakerName(of: "real ambition") == "Eirik Solberg")
        #expect(signing.speakerName(of: "fans here are loud") == "Eirik Solberg")
        #expect(signing.speakerName(of: "twenty goals") == "Eirik Solberg")
        // After the verb and before a stop, and a parent "of two".
        let after = try await Fixtures.enrich(
            "Jess Okonkwo won the race. “I felt strong,” said the 24-year-old. Kirsty Dean was hurt in the crash. “I am lucky,” said the mother-of-two. The father-of-three Tom Barrow lost his home. The father-of-three said he had “nothing left”."
        )
        #expect(after.speakerName(of: "felt strong") == "Jess Okonkwo")
        #expect(after.speakerName(of: "I am lucky") == "Kirsty Dean")
        #expect(after.speakerName(of: "nothing left") == "Tom Barrow")
        let two = try await Fixtures.enrich(
            "Eirik Solberg and Tom Berg joined Harbury Town on Monday. “This is a club with real ambition and I cannot wait to start,” the striker said. Carol Dunne runs the shop opposite. “It was loud and frightening all night long,” the neighbour said."
        )
        #expect(two.quote(containing: "real ambition")?.cue == "said")
        #expect(two.describedSpeaker(of: "real ambition") == "the striker")
        #expect(two.describedSpeaker(of: "loud and frightening") == "the neighbour")
    }

    @Test("two people sharing a surname stay apart when a title's gender tells them apart (“Mr Hughes ... his wife, Carol Hughes”); “Mr. Graham” after Lindsey Graham is Graham")
    func titleGenderKeepsSurnamesApart() async throws {
        let couple = try await Fixtures.enrich(
            "Mr Hughes, who has run the bakery on Castle Street for 31 years, said he was “heartbroken” by the decision. His wife, Carol Hughes, said the rent rise had made the business unviable.\n\n“We have given everything to this town,” she said.\n\nHe added that the couple would hold a closing-down sale next month."
        )
        #expect(couple.speakerName(of: "heartbroken") == "Hughes")
        #expect(couple.speakerName(of: "given everything") == "Carol Hughes")
        #expect(couple.speakerName(of: "closing-down sale") == "Hughes")
        let senator = try await Fixtures.enrich(
            "Senator Lindsey Graham of South Carolina criticised the plan on Sunday. Mr. Graham said the party had crossed a line. “This is going to a place we have never gone before,” he said."
        )
        #expect(senator.entities.filter { $0.name.hasSuffix("Graham") }.map(\.name) == ["Lindsey Graham"])
        #expect(senator.speakerName(of: "never gone before") == "Lindsey Graham")
    }

    @Test("a kind of company (“the grocer”) is the organisation in focus; a medium (“the newspaper”) the latest one named like it; an airline named “... Air” is one")
    func organisationDescriptions() async throws {
        let article = try await Fixtures.enrich(
            "Marlow Foods said on Wednesday that sales rose 4.2% in the quarter.\n\nThe grocer said it had kept prices low. Coral Air said on Thursday it would add 12 routes. The airline said demand was strong. It said fares would ease.\n\nThe Harbury Herald first reported the cuts, and Mayor Tom Reyes criticised them. The newspaper said it had seen the plan. People familiar with the network said the talks had stalled."
        )
        #expect(article.speakerName(of: "kept prices low") == "Marlow Foods")
        #expect(article.entity(named: "Coral Air")?.type == .org)
        #expect(article.speakerName(of: "demand was strong") == "Coral Air")
        #expect(article.speakerName(of: "fares would ease") == "Coral Air")
        #expect(article.speakerName(of: "seen the plan") == "Harbury Herald")
        #expect(article.describedSpeaker(of: "talks had stalled") == "People familiar with the network")
    }

    @Test("“the family of X said” is the family, not X")
    func familyOfSomeone() async throws {
        let article = try await Fixtures.enrich(
            "In a statement, the family of Margaret O'Neill said:\n\n“Mum was the heart of our family and of the whole street, and she never missed a birthday.”\n\nMrs O'Neill died on Friday aged 94."
        )
        let quote = try #require(article.quote(containing: "heart of our family"))
        #expect(quote.speaker?.name != "Margaret O'Neill")
    }

    @Test("an unnamed source stays unnamed whatever the phrase goes on to name (“a source at the club”, “the source”, “people familiar with”)")
    func unnamedSources() async throws {
        let article = try await Fixtures.enrich(
            "Harbury FC are willing to sell defender Marcus Obeng, the Ledger understands.\n\nA source at the club said Obeng had not asked to leave. “There is no pressure to sell, but every player has a price,” the source said. People familiar with Obeng's thinking said he wanted to stay."
        )
        #expect(article.describedSpeaker(of: "not asked to leave") == "A source at the club")
        #expect(article.quote(containing: "every player has a price")?.cue == "said")
        #expect(article.describedSpeaker(of: "every player has a price") == "the source")
        #expect(article.describedSpeaker(of: "wanted to stay") == "People familiar with Obeng's thinking")
    }

    @Test("a description right before the verb is its subject (“..., Kayode Adeleke, the governor said”); “his son said” is the son the article named")
    func subjectDescriptionAndKin() async throws {
        let governor = try await Fixtures.enrich(
            "Ogun State Governor Adekunle Bamidele has ordered an inquiry into the collapse of a building in Abeokuta.\n\nIn a statement signed by his press secretary, Kayode Adeleke, the governor said those found culpable would be prosecuted."
        )
        #expect(governor.speakerName(of: "found culpable") == "Adekunle Bamidele")
        let family = try await Fixtures.enrich(
            "Robert Tanner, 58, and his son Jamie Tanner, 31, dumped waste near Basildon.\n\nRobert Tanner told the court he had “no idea” the waste was hazardous. His son said he had simply followed his father's instructions."
        )
        #expect(family.speakerName(of: "followed his father") == "Jamie Tanner")
        #expect(family.quote(containing: "no idea")?.text.hasPrefix("the court") == false)
    }

    @Test("“says this is ...” reports from “this”; “said this week that ...” skips the time")
    func thisAfterCue() async throws {
        let article = try await Fixtures.enrich(
            "Farmer Doug Lachlan says this is the worst drought he has seen in fifty years. Ana Ruiz said this week that the dam was nearly empty.")
        #expect(article.quote(containing: "worst drought")?.text.hasPrefix("this is") == true)
        #expect(article.quote(containing: "nearly empty")?.text == "that the dam was nearly empty")
    }

    @Test("an organisation's people are not the organisation (“some GOP leaders argued”, “the CEO of X added”); a description it qualifies refers back (“the GOP front-runner”, “the former CEO of X”)")
    func organisationsPeople() async throws {
        let article = try await Fixtures.enrich(
            "Vera Holm spoke in Ames on Sunday. Some GOP leaders argued that Holm must change course. Appearing on television, the GOP front-runner said the party was behind her.\n\nCarla Ruiz said on Monday that Holm was right. But the former CEO of Hewlett-Packard added that it was not the way to win. Hewlett-Packard said it had no comment."
        )
        #expect(article.describedSpeaker(of: "must change course") == "Some GOP leaders")
        #expect(article.speakerName(of: "party was behind her") == "Vera Holm")
        #expect(article.speakerName(of: "not the way to win") == "Carla Ruiz")
        #expect(article.speakerName(of: "no comment") == "Hewlett-Packard")
    }

    @Test(
        "a description does not refer back to a named person when an unnamed one was just brought in with it (“a 98-year-old veteran ... the veteran said”); “a source close to Smith” stays unnamed, “the source of the leak, Edward Snowden,” does not"
    )
    func descriptionsOfUnnamedPeople() async throws {
        let article = try await Fixtures.enrich(
            "Sadiq Khan laid a wreath at a service in Southwark. Among the crowd was a 98-year-old veteran of the Normandy landings. “I come every year for the lads who never made it home,” the veteran said.\n\nLabour MP Cat Smith is expected to resign this week. A source close to Smith said she had run out of patience. The source of the leak, former contractor Edward Snowden, said the files were genuine."
        )
        #expect(article.describedSpeaker(of: "every year for the lads") == "the veteran")
        #expect(article.describedSpeaker(of: "run out of patience") == "A source close to Smith")
        #expect(article.speakerName(of: "files were genuine") == "Edward Snowden")
    }

    @Test(
        "a surname opening a clause before a verb in the past is the person; “referred to X as” cues a description in quoted words, its object no speaker; a verb after “but” shares the subject; “Said X, who ..., “...”” is X's"
    )
    func referringDescriptionsAndInvertedAsides() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg and Ana Ruiz debated in Marlow on Monday. Speaking to Harbour Radio's Morning Kate show later, which is heard across the coast, Berg referred to Ruiz as “a capable but untested mayor” but described her budget as a “leap in the dark.”

            The old ferry hall was repainted for the event. Said Dana Cole, who grew up beside the hall, “We have waited ten years for this.”
            """
        )
        #expect(article.entity(named: "Tom Berg")?.mentions.count == 2)
        #expect(article.speakerName(of: "capable but untested mayor") == "Tom Berg")
        #expect(article.speakerName(of: "leap in the dark") == "Tom Berg")
        #expect(article.speakerName(of: "waited ten years") == "Dana Cole")
    }

    @Test("a participle of any reporting verb cues a quotation (“with Berg reportedly yelling: “...””), not only the forms the speech-verb lexicon lists")
    func participlesOfReportingVerbsCueQuotations() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg held a rally in Marlow on Saturday. Some of his supporters pushed a heckler to the door, with Berg reportedly yelling: “Get him out of the hall now!”
            """
        )
        #expect(article.quote(containing: "Get him out of the hall")?.cue == "yelling")
        #expect(article.speakerName(of: "Get him out of the hall") == "Tom Berg")
    }

    @Test("a bare “Berg said.” right after a quote closed with a full stop attributes it, where a comma was meant")
    func bareCueSentenceAfterFullStop() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg and Ana Ruiz campaigned in Marlow. The challenger caused an uproar on Wednesday with a remark about the harbour.

            “If the harbour board is listening, I hope it finds the missing levy money.” Berg said.
            """
        )
        #expect(article.speakerName(of: "finds the missing levy money") == "Tom Berg")
    }

    @Test("a paragraph that is only a quotation, after a paragraph whose last sentence has a person doing something as subject, is that person's; not after a sentence describing the person")
    func quotationParagraphAfterPersonSubject() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz was joined on Monday at a town hall in Marlow by the baker Tom Berg.

            Berg praised Ruiz's work after the floods and her knack for getting things done.

            “We need someone who is going to cut through the noise and bring people together.”

            Dana Cole is the harbour lawyer who sued Berg last year.

            “It was returned to me by the court this spring, with the case number still on it.”
            """
        )
        #expect(article.speakerName(of: "cut through the noise") == "Tom Berg")
        #expect(article.speakerName(of: "returned to me by the court") == nil)
    }

    @Test("a verb with its particle cues a quotation (“Ruiz shot back, “...””): the subject right before it speaks, not a name earlier in the sentence")
    func particleVerbsCueQuotations() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz spoke often at the hall. After former councillor Tom Berg criticised her plan during a debate, Ruiz shot back, “I could have kept quiet, but I chose to fix the harbour.”
            """
        )
        #expect(article.speakerName(of: "chose to fix the harbour") == "Ana Ruiz")
    }

    @Test(
        "a cue joined by “and” after an earlier cue shares that cue's speaker, not a name inside what was said; a surname before an adverb and a verb in the past is the person (“Berg also attacked Ruiz, calling her “...””)"
    )
    func joinedCuesAndSurnamesBeforeAdverbs() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz and Tom Berg met the press in Marlow. Ruiz said the closure was ordered by harbour master Tom Berg and said, “Who are you going to trust with the port?”

            Berg also attacked Ruiz on Friday, calling her “a mayor who has never read a tide table.”
            """
        )
        #expect(article.speakerName(of: "Who are you going to trust") == "Ana Ruiz")
        #expect(article.speakerName(of: "never read a tide table") == "Tom Berg")
    }

    @Test("in a complex subject the titled name speaks, not its possessor or the organisation before the role (“said Ruiz's top harbour policy aide Tom Berg”, “Harbour Radio co-host Dana Cole”)")
    func titledNameInsideComplexSubject() async throws {
        let article = try await Fixtures.enrich(
            """
            Ana Ruiz and Tom Berg toured the docks. “No mayor has ever asked the board to hide its accounts,” said Ruiz's top harbour policy aide Tom Berg.

            The debate aired on Friday. “Two candidates and not one plan for the ferries,” mused Harbour Radio co-host Dana Cole.
            """
        )
        #expect(article.speakerName(of: "hide its accounts") == "Tom Berg")
        #expect(article.speakerName(of: "not one plan for the ferries") == "Dana Cole")
    }

    @Test("a quotation that a statement, video or ad “said” is the words of whoever issued it (“Berg released a video that said, “...””)")
    func issuedStatementsSpeakForTheirIssuer() async throws {
        let article = try await Fixtures.enrich(
            """
            Tom Berg campaigned in Marlow on Monday. Berg released a campaign video that said, “We are going to have the finest ferry service this coast has ever seen.”
            """
        )
        #expect(article.speakerName(of: "finest ferry service") == "Tom Berg")
    }

    @Test("“As X puts it, “...””: the present tense of “put it” cues a quotation as the past does")
    func asXPutsIt() async throws {
        let article = try await Fixtures.enrich(
            """
            The council met until midnight. As the Herald's columnist Dana Cole puts it, “Nobody in that room wanted to be the first to blink.”
            """
        )
        let quote = try #require(article.quote(containing: "first to blink"))
        #expect(quote.cue == "put it")
        #expect(quote.speaker?.name == "Dana Cole")
    }

    @Test(
        "a quote split around its cue stays one quote when the speaker is unnamed (“said a senior official”), and a name in a relative clause after the cue (“a voter who works for Harbor Motors”) is not the speaker"
    )
    func unnamedSpeakerOfASplitQuote() async throws {
        let article = try await Fixtures.enrich(
            """
            Mayor Ana Ruiz opened the new bridge on Monday.

            “That can go a long way,” said a senior official. “At the same time, nobody expects the traffic to vanish.”

            “It took ten years,” said a driver who works for Harbor Motors in Marlow.
            """
        )
        let split = try #require(article.quote(containing: "go a long way"))
        #expect(split.parts.count == 2)
        #expect(split.parts.last?.text == "At the same time, nobody expects the traffic to vanish.")
        #expect(split.describedSpeaker == "a senior official")
        let driver = try #require(article.quote(containing: "ten years"))
        #expect(driver.cue == "said")
        #expect(driver.speaker == nil)
    }

    @Test("a verb joined after a quotation (“replied, “I said no such thing”, and called for ...”) goes on with the sentence's speaker, named or described, not the quoted “I said”")
    func joinedVerbAfterAQuotation() async throws {
        let article = try await Fixtures.enrich(
            """
            The Harbour Herald printed the leaked accounts on Monday. A council spokeswoman replied, “We said no such thing”, and called for the paper to “withdraw every word of it”.

            Dana Voss, the port chief, replied, “We never said that”, and called for an inquiry into “the leaks from the council”.
            """
        )
        #expect(article.describedSpeaker(of: "withdraw every word") == "A council spokeswoman")
        #expect(article.speakerName(of: "leaks from the council") == "Dana Voss")
    }

    @Test(
        "talking about quoted words cues them (“went on about “...””, “talked about the “...””, “spoke of “...””, “railed against “...””), every quotation of a joined list shares the cue, and a clause after the list does not take them"
    )
    func talkingAboutQuotedWords() async throws {
        let article = try await Fixtures.enrich(
            """
            Dana Voss spoke at the rally in Marlow. Her husband Kevin Voss watched from the back.

            Kevin was drifting off, and as Dana went on about “a rigged system,” “forgotten families” and “our own struggling towns,” Mayor Tom Hale said yes, yes, yes.

            Tom Hale talked about the “fierce urgency” of the ferry plan for an hour. Ana Ruiz spoke of “a new dawn” in her speech, and Hale said he agreed. Later Ruiz railed against “harbour barons” on the radio.
            """
        )
        #expect(article.speakerName(of: "a rigged system") == "Dana Voss")
        #expect(article.speakerName(of: "forgotten families") == "Dana Voss")
        #expect(article.speakerName(of: "our own struggling towns") == "Dana Voss")
        #expect(article.speakerName(of: "fierce urgency") == "Tom Hale")
        #expect(article.speakerName(of: "a new dawn") == "Ana Ruiz")
        #expect(article.speakerName(of: "harbour barons") == "Ana Ruiz")
    }

    @Test(
        "a verb after a new subject of its own is not the cue of the quotation before (““...” I don't know about you, but something tells me ...”): the quote goes on with its speaker"
    )
    func newClauseAfterAQuotationIsNoCue() async throws {
        let article = try await Fixtures.enrich(
            """
            Ann Berg spoke to her party in Leeds on Saturday.

            Mrs Berg told her party that the government would "say anything to cling on to office". "So far this year they have called me a liar and a thief. "I don't know about you, but something tells me that someone out there is rattled." Her rival Tom Hale said nothing.
            """
        )
        let quote = try #require(article.quote(containing: "a liar and a thief"))
        #expect(quote.speaker?.name == "Ann Berg")
        #expect(quote.cue != "tells")
    }

    @Test(
        "“it” after a thing described but not named goes on with that description (“The ministry's consular office published a notice ... It urged ...”), not after a person described"
    )
    func itGoesOnWithTheDescribedThing() async throws {
        let article = try await Fixtures.enrich(
            """
            The port of Marlow closed on Monday.

            The harbour board's safety office published a notice on Tuesday saying that the pier was "unsafe at any tide".

            It urged residents to "stay well clear of the water".

            A senior official said the port was shut. It said the pier would reopen in May.
            """
        )
        #expect(article.describedSpeaker(of: "stay well clear") == "The harbour board's safety office")
        let afterOfficial = try #require(article.quote(containing: "reopen in May"))
        #expect(afterOfficial.describedSpeaker == nil)
        #expect(afterOfficial.speaker == nil)
    }

    @Test(
        "a quotation is kept with its cue when its speaker is described, not named (““...,” the Republican nominee said”, ““...,” critics said”, “Critics said ...”), and “the candidate” resolves to the one candidate named"
    )
    func describedSpeakersAfterAQuotation() async throws {
        let article = try await Fixtures.enrich(
            """
            Dana Voss met Pope Francis in Rome on Saturday. “It was a private visit,” the Republican nominee said.

            “It was a stunt,” critics said. Critics said the visit had cost the taxpayer dearly. Those who back her opponents say the trip was a mistake.

            Senator Ana Ruiz toured the harbour on Monday. The candidate said the port would reopen in May.
            """
        )
        let visit = try #require(article.quote(containing: "private visit"))
        #expect(visit.cue == "said")
        #expect(visit.describedSpeaker == "the Republican nominee")
        #expect(article.describedSpeaker(of: "It was a stunt") == "critics")
        #expect(article.describedSpeaker(of: "cost the taxpayer") == "Critics")
        let trip = try #require(article.quote(containing: "trip was a mistake"))
        #expect(trip.describedSpeaker != "back her opponents")
        #expect(article.speakerName(of: "reopen in May") == "Ana Ruiz")
    }

    @Test(
        "a chant is a quotation (“Protesters marching through the streets chanted “What curfew?””), the crowd's: not the person named near it, nor the speaker of the next sentence; “chants of” is a noun"
    )
    func chantsAreTheCrowds() async throws {
        let article = try await Fixtures.enrich(
            """
            Police in Marlow imposed a curfew on Friday. Protesters marching through the streets chanted "What curfew?" Residents living near the port said the noise was unbearable.

            As Mayor Ana Ruiz spoke, the crowd chanted, “Save our port!” Her rival Tom Hale was met with chants of “Go home” at the pier.
            """
        )
        let curfew = try #require(article.quote(containing: "What curfew"))
        #expect(curfew.cue == "chanted")
        #expect(curfew.describedSpeaker == "Protesters")
        let port = try #require(article.quote(containing: "Save our port"))
        #expect(port.speaker?.entity == nil)
        #expect(article.quote(containing: "Go home")?.cue != "chants")
    }

    @Test("““...,” agrees Michelle Stevens”, ““...,” Tom LeVell assured the crowd”, “In Ana Ruiz's words, “...””: cues of agreeing, assuring and someone's words")
    func agreeingAssuringAndWords() async throws {
        let article = try await Fixtures.enrich(
            """
            The vote in Marlow is on Sunday. “We will win this,” agrees Michelle Stevens, a teacher in Marlow. “Nobody is leaving,” Tom LeVell assured the crowd.

            In Ana Ruiz's words, “the port is not for sale.” In the words of Tom Hale, “we are not done yet.”
            """
        )
        #expect(article.speakerName(of: "We will win this") == "Michelle Stevens")
        #expect(article.speakerName(of: "Nobody is leaving") == "Tom LeVell")
        #expect(article.speakerName(of: "not for sale") == "Ana Ruiz")
        #expect(article.speakerName(of: "not done yet") == "Tom Hale")
    }

    @Test(
        "“Hale, citing “...,” said”, ““...,” Reyes, wearing “Pell” pins, said”, ““...” ¶ -Governor Ana Pell, posting after the debate.”: a quotation inside an aside, past a quoted name in one, and above a signed line with a title and an aside"
    )
    func quotationsAroundAsidesAndSignedLines() async throws {
        let article = try await Fixtures.enrich(
            """
            Mr. Tom Hale, citing “the unique magic of Pell,” said the candidate could win Ohio.

            “We have had better weeks than this one,” Ohio delegate Dan Reyes, wearing a cowboy hat and “Pell” pins, said as confetti fell.

            The debate ended late.

            “Strong speech. She is ready.”

            -Governor Ana Pell, posting after the debate.
            """
        )
        #expect(article.speakerName(of: "unique magic of Pell") == "Tom Hale")
        #expect(article.speakerName(of: "better weeks") == "Dan Reyes")
        #expect(article.speakerName(of: "Strong speech") == "Ana Pell")
    }

    @Test("“... surprise pollster Dana Shaw: “...””: the person named before the colon; a pull quote signed on its last line, “... ¶ Tom Bivens, Policy Institute.””")
    func nameBeforeColonAndSignatureInsideTheMarks() async throws {
        let article = try await Fixtures.enrich(
            """
            The timing of Ruiz's surge does not surprise Republican pollster Dana Shaw: “Lesser-known candidates have seen the biggest boost in their national support.” Shaw runs the Ledger Poll.

            Ruiz has cut spending. “We are going to enter the next recession without that consensus.

            Tom Bivens, Policy Institute.”

            Whether out of agreement or not, the party moved.
            """
        )
        #expect(article.speakerName(of: "biggest boost") == "Dana Shaw")
        #expect(article.speakerName(of: "next recession") == "Tom Bivens")
    }

    @Test("“the hacker known as “Guccifer,” said”: a quoted nickname is no quotation; “A spokeswoman for Dana Janney declined to comment, saying”: the principal speaks")
    func nicknameAndSpokespersonsPrincipal() async throws {
        let article = try await Fixtures.enrich(
            "Tom Lehel, the hacker known as “Guccifer,” said he had access to the server. Ana Ruiz did not respond. "
                + "A spokeswoman for Dana Janney also declined to comment, saying that nobody involved remains at the firm today."
        )
        #expect(article.quote(containing: "Guccifer") == nil)
        #expect(article.speakerName(of: "access to the server") == "Tom Lehel")
        #expect(article.speakerName(of: "nobody involved") == "Dana Janney")
    }

    @Test("British nesting: ‘She told me “go home”,’ said Lee is one direct quote by Lee; a solicitor named in apposition speaks for herself; “Cllr” is a title, so two titled people speak together")
    func britishCopy() async throws {
        let article = try await Fixtures.enrich(
            """
            ‘She told me “go home”,’ said Ann Lee.

            Michael Doyle's solicitor, Ann Furlong, said her client would appeal. Mayor Tom Keane and Cllr Ruth Doyle said the closure was a blow.
            """
        )
        let lee = try #require(article.quote(containing: "She told me"))
        #expect(lee.kind == "direct")
        #expect(lee.text == "She told me “go home”,")
        #expect(lee.speaker?.name == "Ann Lee")
        #expect(article.quotes.filter { $0.text.contains("go home") }.count == 1)
        #expect(article.speakerName(of: "her client would appeal") == "Ann Furlong")
        #expect(article.quote(containing: "closure was a blow")?.speaker?.joint.count == 2)
    }


    @Test("“Asked whether ..., the mayor replied: “...”” is the mayor's reply (cue “replied”, mention “the mayor”), not an inverted “Said X:” lead-in")
    func replyAfterAQuestion() async throws {
        let article = try await Fixtures.enrich(
            "Mayor Kevin Lane faced angry residents on Monday. Asked whether he would resign, the mayor replied: “Absolutely not.”"
        )
        let reply = try #require(article.quote(containing: "Absolutely not"))
        #expect(reply.cue == "replied")
        #expect(reply.speaker?.name == "Kevin Lane")
        #expect(reply.speaker?.mention.text == "the mayor")
    }

}
