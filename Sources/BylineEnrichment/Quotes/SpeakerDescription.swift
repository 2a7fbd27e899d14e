/// A speaker the article describes but does not name ("officials", "a senior Cruz
/// adviser"): researchers count such sources too, so the description is the speaker's name.
enum SpeakerDescription {
    /// The noun phrase the speaker finder took in, past an opening phrase ("Later, FDA
    /// advisers") and without punctuation at its edges; nil when it describes no one ("he",
    /// "they") or holds a clause of its own ("The piece used one of ...", "At a forum with ...").
    static func trimmed(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = ownedNounEnd(after: range.upperBound, tokens) ?? describingPhraseEnd(after: range.upperBound, tokens) ?? range.upperBound
        if let comma = range.last(where: { tokens[$0].text == "," || tokens[$0].text != "-" && Tokenizer.dashes.contains(tokens[$0]) }) { lower = comma + 1 }
        // A count stays whole: "47 percent", "six in 10".
        while lower < upper, !tokens[lower].isWord && tokens[lower].kind != .number || joiningWords.containsLowercased(tokens[lower]) { lower += 1 }
        while upper > lower, !tokens[upper - 1].isWord && tokens[upper - 1].kind != .number { upper -= 1 }
        guard lower < upper, upper - lower <= longest else { return nil }
        let first = tokens[lower].text.lowercased()
        // "about half of the voters": a preposition only as a count's hedge.
        let hedgesCount =
            ["about", "around"].contains(first) && lower + 1 < upper
            && (tokens[lower + 1].kind == .number || tokens[lower + 1].text == "half"
                || AttributionContext.numberWords.containsLowercased(tokens[lower + 1]))
        guard !Lexicon.prepositions.contains(first) || hedgesCount, !Lexicon.subordinators.contains(first) else { return nil }
        let words = (lower..<upper).filter { tokens[$0].isWord }
        // "Some said", "Both have promised", "One says": a share of people named before, counted alone.
        let countedAlone = words.count == 1 && ["some", "both", "another", "one"].contains(tokens[words[0]].text.lowercased())
        guard countedAlone || words.contains(where: { !nonDescriptive.containsLowercased(tokens[$0]) }) else { return nil }
        for index in words where index > lower && tokens[index].isLowercase {
            let word = tokens[index].text
            if clauseWords.contains(word) { return nil }
            // "The piece used", "a study documenting": a verb after a noun, where a
            // description has "the retired general", "the newly elected mayor".
            let previous = tokens[index - 1].text.lowercased()
            // But "Democrats trying to ...", "activists clamoring for ...": people, then what they do.
            let afterPeople =
                previous.hasSuffix("s") && (AttributionContext.isPersonNoun(previous) || tokens[index - 1].isCapitalized)
                || AttributionContext.pluralsWithoutS.contains(previous)
            if AttributionContext.isParticipleForm(word), tokens[index - 1].isWord, !previous.hasSuffix("ly"), !afterPeople,
                !nonDescriptive.contains(previous), !askedParticiples.contains(word), !Lexicon.prepositions.contains(previous)
            {
                return nil
            }
        }
        return lower..<upper
    }

    /// "The mayor's office", "the report's authors": past the possessive, where the owned
    /// noun of people or an organisation ends; nil when none follows within three words.
    private static func ownedNounEnd(after end: Int, _ tokens: [Token]) -> Int? {
        guard end < tokens.count, tokens[end].kind == .possessive else { return nil }
        let words = ((end + 1)..<min(tokens.count, end + 4)).prefix { tokens[$0].isWord }
        return words.last { index in
            let word = tokens[index].text.lowercased()
            return AttributionContext.isPersonNoun(word) || AttributionContext.organisationalRoles.contains(word)
        }.map { $0 + 1 }
    }

    /// "Aides to Clinton", "Strategists for Obama and Clinton": people described by whom they
    /// serve, up to the verb; nil when no "to", "for" or "of" follows.
    private static func describingPhraseEnd(after end: Int, _ tokens: [Token]) -> Int? {
        guard end > 0, end < tokens.count, ["to", "for", "of"].contains(tokens[end].text),
            case let noun = tokens[end - 1].text.lowercased(),
            AttributionContext.isPersonNoun(noun) || AttributionContext.relatedPeople.contains(noun) || AttributionContext.namesPeopleInPlural(noun)
        else { return nil }
        var index = end + 1
        // "The attorney general of the state of New York is suing": "state" after "the" is a noun.
        func isVerb(_ index: Int) -> Bool { SpeechCues.reportingVerbs.contains(tokens[index]) && !AttributionContext.isNounDeterminer(tokens[index - 1]) }
        while index < min(tokens.count, end + 9), tokens[index].isWord || tokens[index].kind == .possessive, !isVerb(index),
            !AttributionContext.isVerbModifier(tokens[index].text), !clauseWords.contains(tokens[index]), !["who", "which", "that"].contains(tokens[index].text)
        {
            index += 1
        }
        // Up to the verb, an auxiliary ("The attorney general of the state of New York is
        // suing") or a relative clause ("Friends of Mr. Clinton's who have seen him say").
        return index > end + 1 && index < tokens.count && (isVerb(index) || clauseWords.contains(tokens[index]) || tokens[index].text == "who") ? index : nil
    }

    /// "People briefed on the talks", "voters polled": who was asked, not a verb of a clause.
    private static let askedParticiples: WordSet = ["polled", "surveyed", "interviewed", "questioned", "asked", "briefed", "contacted"]

    /// Longer phrases are a clause the speaker finder took in, not a description.
    private static let longest = 12
    private static let joiningWords: WordSet = ["and", "but", "or", "so", "yet"]
    /// An auxiliary or "not": a word of a clause, no part of a description.
    static func isClauseWord(_ word: String) -> Bool { clauseWords.contains(word) }
    private static let clauseWords: WordSet = [
        "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may",
        "might", "must", "do", "does", "did", "not",
    ]
    private static let nonDescriptive: WordSet = [
        "he", "she", "they", "we", "i", "it", "you", "him", "her", "them", "us", "me", "who", "which", "that", "this", "these",
        "those", "one", "another", "all", "both", "each", "some", "the", "a", "an", "his", "its", "their", "our", "my", "your",
    ]
}
