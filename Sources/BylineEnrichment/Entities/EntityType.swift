/// Entity types, named as in OntoNotes and spaCy.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person = "PERSON"
    case org = "ORG"
    /// Countries, states, cities, counties: places with a government.
    case gpe = "GPE"
    /// Places without one: regions, seas, mountains, rivers.
    case loc = "LOC"
    /// Nationalities, religious and political groups.
    case norp = "NORP"
    /// Buildings, bridges, airports, roads.
    case fac = "FAC"
}
