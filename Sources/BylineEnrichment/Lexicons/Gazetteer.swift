import Foundation

/// Place names, demonyms, given names and titles generated from public data by
/// `scripts/gazetteer/build.py` into `Resources/gazetteer.tsv`, loaded once.
package final class Gazetteer: Sendable {
    enum Gender: Sendable { case male, female, unknown }

    let countries: WordSet
    /// Of the file's text: a model trained with another gazetteer is refused.
    package let digest: UInt64
    let demonyms: WordSet
    let provinces: WordSet
    let cityPopulations: [String: Int]
    /// `cityPopulations` by the digest of the name (places in `cityIndex`): the one digest
    /// that asks the other lists finds the city too, and a phrase needs no joined string.
    private let cityIndex: WordIndex
    private let cityPopulationsByPlace: [Int]
    let regions: WordSet
    let givenNames: [String: Gender]
    let titles: WordSet
    /// Lower-case words of everyday newswire: a capitalised phrase made of them is
    /// more likely an organisation or a title than a person.
    let commonWords: WordSet
    /// The first word of every name of several words (demonyms and places): a phrase
    /// starting with any other word needs no look-up.
    let phraseFirstWords: WordSet

    package static let shared = Gazetteer(tsv: bundledText("gazetteer.tsv"))

    init(tsv: String) {
        digest = contentDigest(tsv)
        var countries = WordSet(), demonyms = WordSet(), provinces = WordSet(), regions = WordSet()
        var titles = WordSet(), common = WordSet()
        var cities: [String: Int] = [:]
        var given: [String: Gender] = [:]
        for line in tsv.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            let name = String(fields[1])
            let extra = fields.count > 2 ? fields[2] : ""
            switch fields[0] {
            case "country": countries.insert(name)
            case "demonym": demonyms.insert(name)
            case "province": provinces.insert(name)
            case "region": regions.insert(name)
            case "city": cities[name] = Int(extra) ?? 0
            case "given": given[name] = extra == "m" ? .male : extra == "f" ? .female : .unknown
            case "title": titles.insert(name)
            case "common": common.insert(name)
            default: continue
            }
        }
        self.countries = countries
        self.demonyms = demonyms
        self.provinces = provinces
        self.regions = regions
        self.titles = titles
        self.commonWords = common
        self.cityPopulations = cities
        var cityIndex = WordIndex(expectedCount: cities.count)
        var populations: [Int] = []
        for (city, population) in cities where cityIndex.place(of: WordIndex.digest(city)).isNew { populations.append(population) }
        self.cityIndex = cityIndex
        cityPopulationsByPlace = populations
        self.givenNames = given
        var firstWords = WordSet()
        for names in [countries.words, demonyms.words, provinces.words, regions.words, Array(cities.keys)] {
            for name in names {
                if let space = name.firstIndex(of: " ") { firstWords.insert(String(name[..<space])) }
            }
        }
        phraseFirstWords = firstWords
    }

    /// The place type of a name, when the gazetteer knows it as a place.
    /// An ALL-CAPS name ("EUROPE", "NEW YORK", as datelines write them) is looked up in
    /// the case the lists use too.
    func placeType(of name: String, minimumCityPopulation: Int = 15_000) -> EntityType? {
        placeType(of: name, digest: WordIndex.digest(name), minimumCityPopulation: minimumCityPopulation)
    }

    /// `placeType(of: name)` given the name's `WordIndex.digest`, which callers asking other
    /// lists about the name have made already.
    func placeType(of name: String, digest: UInt64, minimumCityPopulation: Int = 15_000) -> EntityType? {
        if let type = listedPlaceType(digest: digest, minimumCityPopulation: minimumCityPopulation) { return type }
        guard name.count > 3, EntityRecognizer.isAllCaps(name) else { return nil }
        let wordCased = name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
        return listedPlaceType(digest: WordIndex.digest(wordCased), minimumCityPopulation: minimumCityPopulation)
    }

    /// `placeType(of: words.joined(separator: " "))`, given the digest of that phrase: the
    /// string is made only for an ALL-CAPS phrase, which needs a second look-up.
    func placeType(ofPhrase words: ArraySlice<String>, digest: UInt64, minimumCityPopulation: Int = 15_000) -> EntityType? {
        if let type = listedPlaceType(digest: digest, minimumCityPopulation: minimumCityPopulation) { return type }
        // `placeType(of:)` looks further only at a name with no letter outside capitals.
        guard words.allSatisfy({ !$0.unicodeScalars.contains { $0.isLetter && !$0.isUppercaseLetter } }) else { return nil }
        return placeType(of: words.joined(separator: " "), minimumCityPopulation: minimumCityPopulation)
    }

    /// The lists' answer for the name whose `WordIndex.digest` this is: one digest serves
    /// every list, and cities are found without hashing the name again.
    private func listedPlaceType(digest: UInt64, minimumCityPopulation: Int) -> EntityType? {
        if countries.contains(digest: digest) || provinces.contains(digest: digest) { return .gpe }
        if regions.contains(digest: digest) { return .loc }
        if let place = cityIndex.existingPlace(of: digest), cityPopulationsByPlace[Int(place)] >= minimumCityPopulation { return .gpe }
        return nil
    }
}
