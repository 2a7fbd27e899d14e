/// Finds names (capitalised spans), types them from gazetteers, organisation words,
/// titles and context, and merges the mentions of one entity ("Joe Biden", "Biden").
struct EntityRecognizer: Sendable {
    let gazetteer: Gazetteer
    /// The learned tagger proposes the spans.
    let model: NERModel

    /// Stops early, with part of the entities, once `deadline` has passed.
    func recognize(_ document: Document, deadline: EnrichmentDeadline = .none) -> [RecognizedEntity] {
        let mentions = taggedMentions(document, model, deadline)
        guard !deadline.hasPassed else { return [] }
        return merge(mentions, in: document, deadline)
    }

    // MARK: - Spans from the learned tagger

    /// The tagger's spans, typed in Byline's scheme: CoNLL's LOC splits into GPE and LOC,
    /// MISC keeps only nationalities and groups (NORP); other MISC names are not reported.
    private func taggedMentions(_ document: Document, _ model: NERModel, _ deadline: EnrichmentDeadline) -> [EntityMention] {
        let tokens = document.tokens
        let sentences = document.sentences.map { range in range.map { Self.modelWord(tokens[$0]) } }
        let tagged = model.tag(document: sentences) { deadline.hasPassed }
        var mentions: [EntityMention] = []
        for (range, tags) in zip(document.sentences, tagged) {
            for span in NERSpan.spans(tags) {
                let tokenRange = (range.lowerBound + span.range.lowerBound)..<(range.lowerBound + span.range.upperBound)
                guard let trimmed = trimPunctuation(tokenRange, tokens) else { continue }
                for (part, entityClass) in splitAtTitle(trimmed, span.entityClass, tokens) {
                    if let mention = taggedMention(part, entityClass, document) { mentions.append(mention) }
                }
            }
        }
        return mentions
    }

    private func taggedMention(_ range: Range<Int>, _ entityClass: NERClass, _ document: Document) -> EntityMention? {
        let tokens = document.tokens
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
        }
        guard var type = byType(entityClass, text: text, tokens: range, document) else { return nil }
        if Lexicon.institutionWords.contains(text) { type = .org }
        // "a Marine spokeswoman", "an Apple engineer": a lone name after an indefinite
        // article qualifies the noun after it, and names an employer, not a person.
        if type == .person, range.count == 1, range.lowerBound > 0, ["a", "an", "A", "An"].contains(tokens[range.lowerBound - 1].text) {
            type = .org
        }
        // Newswire tags a city as ORG when it names a sports team; in news at large a lone
        // known place name is the place.
        if type == .org, range.count == 1, let place = gazetteer.placeType(of: text) { type = place }
        var mention = makeMention(range, document, type: type, strength: 2)
        mention.titles = titlesBefore(range.lowerBound, tokens)
        if gazetteerType(text) == type { mention.strength = 3 }
        return mention
    }

    /// "Superior Court Justice François Huot" -> ORG "Superior Court", PER "François Huot";
    /// "Kashmir Affairs Barjees Tahir" -> PER "Barjees Tahir" after a title word inside.
    private func splitAtTitle(_ range: Range<Int>, _ entityClass: NERClass, _ tokens: [Token]) -> [(Range<Int>, NERClass)] {
        guard range.count >= 3, !Lexicon.organisationHeads.contains(tokens[range.upperBound - 1].text) else { return [(range, entityClass)] }
        var cut: Int?
        for position in range.lowerBound..<(range.upperBound - 1) where tokens[position].isCapitalized && isTitleWord(tokens[position]) {
            let next = tokens[position + 1]
            if next.isCapitalized && !isTitleWord(next) && next.text != "of" { cut = position }
        }
        guard let cut, entityClass == .person || entityClass == .organisation, range.upperBound - cut - 1 <= 3 else { return [(range, entityClass)] }
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
        case .possessive: return "'s"
        default:
            guard token.text.unicodeScalars.contains("\u{2019}") else { return token.text }
            return String(String.UnicodeScalarView(token.text.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
        }
    }

    private func trimPunctuation(_ range: Range<Int>, _ tokens: [Token]) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, !(tokens[lower].isWord || tokens[lower].kind == .number) { lower += 1 }
        while upper > lower, !(tokens[upper - 1].isWord || tokens[upper - 1].kind == .number) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    private static let naturalPlaceWords: Set<String> = [
        "River", "Mountains", "Mountain", "Mount", "Sea", "Ocean", "Lake", "Valley", "Island", "Islands", "Peninsula",
        "Desert", "Gulf", "Bay", "Coast", "Strait", "Straits", "Basin", "Forest", "Plains", "Plateau", "Canyon",
    ]

    private func byType(_ entityClass: NERClass, text: String, tokens range: Range<Int>, _ document: Document) -> EntityType? {
        let words = range.map { document.tokens[$0].text }
        switch entityClass {
        case .person: return .person
        case .organisation:
            if words.count > 1, Lexicon.facilityHeads.contains(words[words.count - 1]) { return .fac }
            return .org
        case .location:
            if let type = gazetteer.placeType(of: text) { return type }
            if words.contains(where: Self.naturalPlaceWords.contains) { return .loc }
            if words.count > 1, Lexicon.facilityHeads.contains(words[words.count - 1]) { return .fac }
            return .gpe
        case .miscellaneous:
            if gazetteer.demonyms.contains(text) { return .norp }
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
        if gazetteer.demonyms.contains(name) { return .norp }
        return gazetteer.placeType(of: name)
    }

    // MARK: - Typing

    private func isCommon(_ word: String, _ document: Document) -> Bool {
        let lower = word.lowercased()
        return gazetteer.commonWords.contains(lower) || document.isWrittenInLowercase(lower)
    }

    // MARK: - Merging mentions into entities

    private func merge(_ mentions: [EntityMention], in document: Document, _ deadline: EnrichmentDeadline) -> [RecognizedEntity] {
        var entities: [RecognizedEntity] = []
        var byName: [String: Int] = [:]
        var names = NameIndex()
        func key(_ text: String) -> String { text.hasPrefix("The ") ? String(text.dropFirst(4)) : text }

        // Longer names first, so "Biden" can join "Joe Biden" wherever either comes first.
        // Headlines capitalise every word ("Clinton Goes After Trump"): their spans do not
        // name entities while the body offers a name.
        var headlineSentences: [Int: Bool] = [:]
        let headline = mentions.map { mention in
            let sentence = document.tokens[mention.tokens.lowerBound].sentence
            if let known = headlineSentences[sentence] { return known }
            let answer = isHeadline(document.sentences[sentence], document.tokens)
            headlineSentences[sentence] = answer
            return answer
        }
        let order = mentions.indices.sorted {
            if headline[$0] != headline[$1] { return !headline[$0] }
            let a = mentions[$0].tokens.count, b = mentions[$1].tokens.count
            return a != b ? a > b : mentions[$0].start < mentions[$1].start
        }
        var assignment = [Int?](repeating: nil, count: mentions.count)
        var partial = [Bool](repeating: false, count: mentions.count)
        for (step, index) in order.enumerated() {
            if step % 256 == 255, deadline.hasPassed { return [] }
            let mention = mentions[index]
            let name = key(mention.text)
            if let existing = byName[name] {
                assignment[index] = existing
                continue
            }
            if let existing = partialMatch(mention, entities, names) {
                assignment[index] = existing
                byName[name] = existing
                partial[index] = true
                continue
            }
            guard mention.type != nil else { continue }
            entities.append(RecognizedEntity(name: name, type: mention.type!, mentions: []))
            names.add(name, firstStart: mention.start)
            byName[name] = entities.count - 1
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
        for var entity in entities where !entity.mentions.isEmpty {
            entity.type = decideType(entity.mentions)
            entity.titles = Set(entity.mentions.flatMap(\.titles))
            entity.gender = gender(of: entity)
            result.append(entity)
        }
        return result.sorted { $0.mentions[0].start < $1.mentions[0].start }
    }

    private func isHeadline(_ sentence: Range<Int>, _ tokens: [Token]) -> Bool {
        // A headline stands alone as the first paragraph, or carries no final stop; a sentence
        // of names inside a paragraph ("Joe Biden met Vladimir Putin. Biden said ...") does not.
        guard let first = sentence.first, let last = sentence.last else { return false }
        let wholeFirstParagraph = tokens[first].paragraph == 0 && (last + 1 == tokens.count || tokens[last + 1].paragraph != 0)
        if !wholeFirstParagraph, [".", "!", "?", "\u{2026}"].contains(tokens[last].text) { return false }
        let words = sentence.filter { tokens[$0].isWord && tokens[$0].text.count > 3 }
        guard words.count >= 3 else { return false }
        return words.filter { tokens[$0].isCapitalized }.count * 10 >= words.count * 8
    }

    /// "Biden" joins "Joe Biden"; "Campbell" joins "Campbell Soup"; "FBI" joins
    /// "Federal Bureau of Investigation".
    /// A name's first word(s) join it only after the full name has appeared: "Facebook" all
    /// through a story is not a short form of an app called "Facebook Research" named later.
    private func partialMatch(_ mention: EntityMention, _ entities: [RecognizedEntity], _ names: NameIndex) -> Int? {
        let words = mention.text.split(separator: " ").map(String.init)
        guard words.count <= 2 else { return nil }
        // The first entity that fits wins; the index offers only names that share the
        // short form's words or initials, so merging stays linear in the mentions.
        return names.first(for: words) { index in
            let entityWords = names.words[index]
            guard entityWords.count > words.count else { return false }
            switch entities[index].type {
            case .person:
                return (mention.type == nil || mention.type == .person || mention.strength < 3)
                    && (entityWords.suffix(words.count) == words[...]
                        || (words.count == 1 && entityWords.first == words[0] && mention.start > names.firstStarts[index]))
            case .org:
                if entityWords.prefix(words.count) == words[...] && mention.strength < 3 && mention.start > names.firstStarts[index] { return true }
                return words.count == 1 && words[0].count >= 2 && words[0] == words[0].uppercased() && NameIndex.initials(entityWords) == words[0]
            default:
                return false
            }
        }
    }

    private func decideType(_ mentions: [EntityMention]) -> EntityType {
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

    private func gender(of entity: RecognizedEntity) -> Gazetteer.Gender {
        guard entity.type == .person else { return .unknown }
        if entity.titles.contains(where: { ["mr.", "mr", "sir", "lord", "king", "prince", "father", "spokesman", "congressman", "chairman", "councilman"].contains($0) }) { return .male }
        if entity.titles.contains(where: {
            ["mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady", "queen", "princess", "spokeswoman", "congresswoman", "chairwoman", "councilwoman", "actress"].contains($0)
        }) {
            return .female
        }
        guard let first = entity.name.split(separator: " ").first else { return .unknown }
        return gazetteer.givenNames[String(first)] ?? .unknown
    }
}
