/// A span of tokens naming an entity, with what the recogniser learned about it.
struct EntityMention: Sendable {
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var text: String
    var type: EntityType?
    /// How sure the type is: 5 when the article says what it is ("retailer Wal-Mart"), 3
    /// from a gazetteer or organisation word, 2 from a title or given name, 1 from context alone.
    var strength: Int
    /// Title words written before the name ("chief", "spokesman"), lower case.
    var titles: [String] = []
}

/// A real-world entity: every mention of it in the article.
struct RecognizedEntity: Sendable {
    var name: String
    var type: EntityType
    var mentions: [EntityMention]
    var gender: Gazetteer.Gender = .unknown
    var titles: Set<String> = []
}
