import Foundation

/// Why a model file could not be used.
public struct NERModelError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A trained linear-chain tagger: per-feature weights for each tag plus tag-to-tag
/// transition weights, decoded with Viterbi.
public final class NERModel: Sendable {
    static let magic = Array("BYLNER03".utf8)
    package static let tagCount = NERTag.count

    package let rows: FeatureTable
    /// rows.count × tagCount, row-major, quantised: the weight is value × `scale`. Half
    /// the memory of Float, which matters in a loop bound by cache misses.
    package let weights: [Int16]
    package let scale: Float
    /// (tagCount + 1) × tagCount: from each tag, then from the sentence start.
    package let transitions: [Float]
    /// `transitions` as Viterbi reads them (see `TagLanes`).
    private let transitionRows: [TagLanes]
    let features: NERFeatures
    /// A tagger whose document-wide votes become features of this one (stacking).
    let firstPass: NERModel?
    /// Every stage's weights under one look-up per feature (see `StackedWeights`).
    private let stacked: StackedWeights
    /// Emission sums of each word's own features (`NERFeatures.wordFeatures`) and of its
    /// features as each neighbour (`NERFeatures.neighbourFeatures`), which depend on that
    /// word alone: made once per word and process instead of once per token, they save
    /// most of the weight look-ups. One row of `stacked.stride` per `WordSumsRow`.
    private let wordSums: WordCache<Int32>

    /// The rows of a word's cached sums: its own features, then its features as the word
    /// two before, one before, one after and two after a token.
    private enum WordSumsRow: Int, CaseIterable {
        case own, previous2, previous, next, next2
    }

    /// Quantises trained weights, so a model in memory decides exactly as its file will.
    package convenience init(rows: FeatureTable, weights: [Float], transitions: [Float], gazetteer: Gazetteer, firstPass: NERModel? = nil) {
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32_767 : 1
        self.init(
            rows: rows, quantised: weights.map { Int16(($0 / scale).rounded()) }, scale: scale,
            transitions: transitions, gazetteer: gazetteer, firstPass: firstPass)
    }

    package init(rows: FeatureTable, quantised weights: [Int16], scale: Float, transitions: [Float], gazetteer: Gazetteer, firstPass: NERModel?) {
        self.rows = rows
        self.weights = weights
        self.scale = scale
        self.transitions = transitions
        transitionRows = Self.transitionRows(transitions)
        // One feature extractor for every stage: they share its word views and tables.
        self.features = firstPass?.features ?? NERFeatures(gazetteer: gazetteer)
        self.firstPass = firstPass
        stacked = StackedWeights(stages: (firstPass?.stages ?? []).map { ($0.rows, $0.weights) } + [(rows, weights)])
        wordSums = WordCache(width: WordSumsRow.allCases.count * stacked.stride)
    }

    public var featureCount: Int { rows.count }

    /// The model shipped with Byline (trained on CoNLL-2003 English, see MODEL_CARD.md),
    /// loaded once, or why it cannot be: a missing or unusable file. Nothing falls back to
    /// other rules.
    public static let bundledLoad = Result { () throws(NERModelError) -> NERModel in
        guard let url = Bundle.module.url(forResource: "ner-model", withExtension: "bin") else {
            throw NERModelError(message: "ner-model.bin is missing from the installation (the resource bundle beside the binary)")
        }
        return try NERModel(contentsOf: url)
    }

    /// The bundled model; nil when `bundledLoad` failed.
    public static var bundled: NERModel? { try? bundledLoad.get() }

    /// Tags every sentence of one document (document-level features look across them).
    /// The first pass and this model share the token features; this one adds the first
    /// pass's document-wide votes. Once `shouldStop` answers true (it is asked before each
    /// sentence), the sentences left are tagged all O.
    public func tag(document sentences: [[String]], shouldStop: () -> Bool = { false }) -> [[NERTag]] {
        var context = features.documentContext(sentences)
        var stopped = false
        func stopsHere() -> Bool {
            if !stopped { stopped = shouldStop() }
            return stopped
        }
        let stride = stacked.stride
        let rowsPerWord = WordSumsRow.allCases.count
        let wordRows = wordSums.values(for: context.views.map(\.word)) { place in
            let view = context.views[place]
            var sums = [Int32](repeating: 0, count: rowsPerWord * stride)
            sums.withUnsafeMutableBufferPointer { sums in
                for row in WordSumsRow.allCases {
                    var hashes: [UInt64] = []
                    switch row {
                    case .own: features.wordFeatures(view, into: &hashes)
                    case .previous2: features.neighbourFeatures(view, at: -2, into: &hashes)
                    case .previous: features.neighbourFeatures(view, at: -1, into: &hashes)
                    case .next: features.neighbourFeatures(view, at: 1, into: &hashes)
                    case .next2: features.neighbourFeatures(view, at: 2, into: &hashes)
                    }
                    let rowSums = UnsafeMutableBufferPointer(rebasing: sums[(row.rawValue * stride)...])
                    for hash in hashes { stacked.add(hash, to: rowSums) }
                }
            }
            return sums
        }  // `rowsPerWord` rows per distinct word, side by side
        // A sentence with no capitalised word but a common opener names nobody: it is
        // tagged O without decoding (about a fifth of news sentences).
        let sums = sentences.indices.map { index -> EmissionSums? in
            guard Self.mayNameSomething(sentences[index]), !stopsHere() else { return nil }
            var sums = stacked.sums(
                of: features.extract(sentences[index], sentence: index, document: context, includingWordFeatures: false, includingNeighbourFeatures: false))
            sums.values.withUnsafeMutableBufferPointer { values in
                wordRows.withUnsafeBufferPointer { wordRows in
                    let places = context.sentenceWords[index]
                    func addRow(_ row: WordSumsRow, ofWordAt position: Int, toToken token: Int) {
                        let word = wordRows.baseAddress! + (Int(places[position]) * rowsPerWord + row.rawValue) * stride
                        StackedWeights.add(word, to: values.baseAddress! + token * stride, count: stride)
                    }
                    for position in places.indices {
                        addRow(.own, ofWordAt: position, toToken: position)
                        if position >= 2 { addRow(.previous2, ofWordAt: position - 2, toToken: position) }
                        if position >= 1 { addRow(.previous, ofWordAt: position - 1, toToken: position) }
                        if position + 1 < places.count { addRow(.next, ofWordAt: position + 1, toToken: position) }
                        if position + 2 < places.count { addRow(.next2, ofWordAt: position + 2, toToken: position) }
                    }
                }
            }
            return sums
        }
        let stages = self.stages
        let firstTags = zip(sentences, sums).map { words, sums in
            sums.map { decode($0, stage: 0, of: stages) } ?? [NERTag](repeating: .outside, count: words.count)
        }
        guard stages.count > 1 else { return firstTags }
        features.addFirstPass(firstTags, to: &context)
        return sentences.indices.map { index in
            guard var sentenceSums = sums[index], !stopsHere() else { return [NERTag](repeating: .outside, count: sentences[index].count) }
            for position in sentences[index].indices {
                if let feature = features.firstPassFeature(sentence: index, token: position, context) {
                    stacked.add(feature, at: position, to: &sentenceSums)
                }
            }
            return decode(sentenceSums, stage: 1, of: stages)
        }
    }

    private static func mayNameSomething(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() where word.unicodeScalars.first?.isUppercaseLetter == true {
            if index > 0 || !Lexicon.sentenceStarters.contains(word) { return true }
        }
        return false
    }

    /// Tags one sentence with one stage's weights.
    func decode(_ sums: EmissionSums, stage: Int, of stages: [NERModel]) -> [NERTag] {
        guard sums.length > 0 else { return [] }
        let tags = Self.tagCount
        let scale = stages[stage].scale
        return withUnsafeTemporaryAllocation(of: TagLanes.self, capacity: sums.length) { emissions in
            emissions.initialize(repeating: .zero)
            emissions.withMemoryRebound(to: Float.self) { lanes in
                for position in 0..<sums.length {
                    for tag in 0..<tags {
                        lanes[position * TagLanes.scalarCount + tag] = Float(sums.values[position * sums.stride + stage * tags + tag]) * scale
                    }
                }
            }
            return stages[stage].transitionRows.withUnsafeBufferPointer { transitions in
                Self.viterbi(emissions: UnsafeBufferPointer(emissions), transitions: transitions).map(NERTag.init(index:))
            }
        }
    }

    /// One token's scores with a lane per tag (lanes past `tagCount` unused): Viterbi
    /// weighs each previous tag against every tag at once, rather than in one chain of
    /// scalar comparisons per tag.
    typealias TagLanes = SIMD16<Float>

    /// Row `previous` of `transitions` in lanes, for each tag and then the sentence start,
    /// with -infinity where the tag may not follow (I-X without B-X or I-X before it) and in
    /// unused lanes: a candidate through it is -infinity and never wins.
    private static func transitionRows(_ transitions: [Float]) -> [TagLanes] {
        precondition(tagCount <= TagLanes.scalarCount, "more tags than lanes")
        return (0...tagCount).map { previous in
            var row = TagLanes(repeating: -.infinity)
            for tag in 0..<tagCount where NERTag.allowed(from: previous < tagCount ? NERTag(index: previous) : nil, to: NERTag(index: tag)) {
                row[tag] = transitions[previous * tagCount + tag]
            }
            return row
        }
    }

    /// The same search over flat rows of `tagCount` scores (the trainer's).
    package static func viterbi(emissions: [Float], transitions: [Float], length: Int) -> [Int] {
        var rows = [TagLanes](repeating: .zero, count: length)
        for position in 0..<length {
            for tag in 0..<tagCount { rows[position][tag] = emissions[position * tagCount + tag] }
        }
        return rows.withUnsafeBufferPointer { rows in
            transitionRows(transitions).withUnsafeBufferPointer { viterbi(emissions: rows, transitions: $0) }
        }
    }

    /// Best tag sequence under emission and transition scores (`transitionRows`), never
    /// producing I-X without a B-X or I-X before it. The forward pass keeps only each
    /// position's scores, in a stack buffer; the way back finds each previous tag again
    /// exactly as a scalar search would, lowest tag first among equal candidates.
    static func viterbi(emissions: UnsafeBufferPointer<TagLanes>, transitions: UnsafeBufferPointer<TagLanes>) -> [Int] {
        let length = emissions.count, tags = tagCount
        guard length > 0 else { return [] }
        let forbidden: Float = -1e30
        return withUnsafeTemporaryAllocation(of: TagLanes.self, capacity: length) { scores in
            // A tag that may not open a sentence starts at -infinity (see `transitionRows`).
            scores[0] = emissions[0] + transitions[tags]
            for position in 1..<length {
                var best = TagLanes(repeating: forbidden)
                for previous in 0..<tags {
                    let candidate = TagLanes(repeating: scores[position - 1][previous]) + transitions[previous]
                    best.replace(with: candidate, where: candidate .> best)
                }
                var score = TagLanes(repeating: forbidden)
                score.replace(with: best + emissions[position], where: best .> forbidden)
                scores[position] = score
            }
            var path = [Int](repeating: 0, count: length)
            for tag in 1..<tags where scores[length - 1][tag] > scores[length - 1][path[length - 1]] { path[length - 1] = tag }
            for position in stride(from: length - 1, to: 0, by: -1) {
                let tag = path[position]
                var best = forbidden
                for previous in 0..<tags {
                    let candidate = scores[position - 1][previous] + transitions[previous][tag]
                    if candidate > best {
                        best = candidate
                        path[position - 1] = previous
                    }
                }
            }
            return path
        }
    }

    // MARK: - File format
    // "BYLNER03", UInt64 digests of the gazetteer and word-cluster files the weights were
    // trained with, UInt32 stage count, then each stage from the first pass to this model:
    // UInt32 tag count, UInt32 row count, Float32 weight scale, row count × UInt64 feature
    // hash (ascending), row count × tag count × Int16 weight, (tag count + 1) × tag count ×
    // Float32 transition. Little-endian.

    private var stages: [NERModel] { (firstPass?.stages ?? []) + [self] }

    /// The ensemble's averaged weights are dense, so pruning bites harder than for one
    /// perceptron: on CoNLL-2003 dev, 1 MB scores 0.9311, 2 MB 0.9320, 3 MB and more about
    /// 0.9326. 2 MB keeps most of the gain and tags nearly as fast as 1 MB (weights in cache).
    public static let defaultMaximumBytes = 2_000_000

    public func write(to url: URL, maximumBytes: Int = NERModel.defaultMaximumBytes) throws {
        let stages = self.stages
        var data = Data(Self.magic)
        appendInteger(features.gazetteer.digest, to: &data)
        appendInteger(features.clusters.digest, to: &data)
        appendInteger(UInt32(stages.count), to: &data)
        for stage in stages { stage.appendStage(to: &data, maximumBytes: (maximumBytes - 28) / stages.count) }
        try data.write(to: url)
    }

    private func appendStage(to data: inout Data, maximumBytes: Int) {
        let tags = Self.tagCount
        let fixedBytes = 12 + (tags + 1) * tags * 4
        let bytesPerRow = 8 + tags * 2
        let maximumRows = max(0, (maximumBytes - fixedBytes) / bytesPerRow)
        // Keep the rows with the strongest weights; the rest change few decisions.
        func strength(_ row: Int) -> Int { (0..<tags).reduce(0) { max($0, abs(Int(weights[row * tags + $1]))) } }
        // Rows of all-zero weights change nothing (the trainer zeroes other domains' copies).
        var kept = rows.entries.map { (hash: $0.key, row: Int($0.row)) }.filter { strength($0.row) > 0 }
        if kept.count > maximumRows {
            kept = kept.map { ($0, strength($0.row)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.hash < $1.0.hash }.prefix(maximumRows).map(\.0)
        }
        kept.sort { $0.hash < $1.hash }
        appendInteger(UInt32(tags), to: &data)
        appendInteger(UInt32(kept.count), to: &data)
        appendInteger(scale.bitPattern, to: &data)
        for entry in kept { appendInteger(entry.hash, to: &data) }
        for entry in kept {
            for tag in 0..<tags { appendInteger(weights[entry.row * tags + tag], to: &data) }
        }
        for value in transitions { appendInteger(value.bitPattern, to: &data) }
    }

    public convenience init(contentsOf url: URL) throws(NERModelError) {
        try self.init(contentsOf: url, gazetteer: .shared)
    }

    convenience init(contentsOf url: URL, gazetteer: Gazetteer) throws(NERModelError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NERModelError(message: "cannot read entity model \(url.path): \(error.localizedDescription)")
        }
        var reader = ModelReader(bytes: [UInt8](data), path: url.path)
        guard reader.bytes.count >= 28, Array(reader.bytes[0..<8]) == Self.magic else {
            if reader.bytes.count >= 8, Array(reader.bytes[0..<6]) == Array(Self.magic[0..<6]) {
                throw reader.fail("an entity model of another format (\(String(decoding: reader.bytes[0..<8], as: UTF8.self))); retrain it with byline train")
            }
            throw reader.fail("not a Byline entity model (bad header)")
        }
        reader.offset = 8
        // Weights mean something only with the lexicons they were trained with.
        let gazetteerDigest = try reader.read(UInt64.self), clustersDigest = try reader.read(UInt64.self)
        let clusters = WordClusters.shared
        guard gazetteerDigest == gazetteer.digest, clustersDigest == clusters.digest else {
            let which = gazetteerDigest != gazetteer.digest ? "gazetteer.tsv" : "word-clusters.tsv"
            throw reader.fail("trained with another \(which) than this build's; retrain it with byline train")
        }
        let stageCount = Int(try reader.read(UInt32.self))
        guard (1...4).contains(stageCount) else { throw reader.fail("\(stageCount) stages") }
        var model: NERModel?
        for _ in 0..<stageCount {
            let tags = Int(try reader.read(UInt32.self))
            guard tags == Self.tagCount else { throw reader.fail("it has \(tags) tags, this build expects \(Self.tagCount)") }
            let rowCount = Int(try reader.read(UInt32.self))
            let scale = Float(bitPattern: try reader.read(UInt32.self))
            guard scale.isFinite, scale > 0, reader.remaining >= rowCount * (8 + tags * 2) + (tags + 1) * tags * 4 else {
                throw reader.fail("truncated or corrupt")
            }
            var rows = FeatureTable(minimumCapacity: rowCount)
            for row in 0..<rowCount { rows.set(try reader.read(UInt64.self), row: Int32(row)) }
            guard rows.count == rowCount else { throw reader.fail("duplicate feature rows: corrupt") }
            let weights = try reader.readArray(Int16.self, count: rowCount * tags)
            var transitions = [Float](repeating: 0, count: (tags + 1) * tags)
            for index in transitions.indices { transitions[index] = Float(bitPattern: try reader.read(UInt32.self)) }
            model = NERModel(rows: rows, quantised: weights, scale: scale, transitions: transitions, gazetteer: gazetteer, firstPass: model)
        }
        guard reader.remaining == 0, let model else { throw reader.fail("\(reader.remaining) unexpected bytes at the end") }
        self.init(
            rows: model.rows, quantised: model.weights, scale: model.scale, transitions: model.transitions,
            gazetteer: gazetteer, firstPass: model.firstPass)
    }
}

private func appendInteger<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
}

/// Reads little-endian integers from a model file, failing on a short file.
private struct ModelReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    var remaining: Int { bytes.count - offset }

    func fail(_ reason: String) -> NERModelError { NERModelError(message: "entity model \(path) is not usable: \(reason)") }

    /// Many little-endian integers at once (the weights: millions of them).
    mutating func readArray<T: FixedWidthInteger>(_: T.Type, count: Int) throws(NERModelError) -> [T] {
        let size = MemoryLayout<T>.size * count
        guard remaining >= size else { throw fail("truncated") }
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBytes { $0.copyBytes(from: bytes[offset..<(offset + size)]) }
        offset += size
        return values.map { T(littleEndian: $0) }
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(NERModelError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw fail("truncated") }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<(offset + size)]) }
        offset += size
        return T(littleEndian: value)
    }
}

/// The weights of every stage of a stacked model side by side, under one table: the second
/// pass reads the same features as the first, so one look-up (one cache miss) serves both.
/// A feature only one stage knows has zeros in the other's columns, so sums are unchanged.
struct StackedWeights: Sendable {
    let rows: FeatureTable
    /// rows.count × stride; stage s's weights at columns s × tagCount ..< (s + 1) × tagCount.
    let weights: [Int16]
    let stride: Int

    init(stages: [(rows: FeatureTable, weights: [Int16])]) {
        let tags = NERModel.tagCount
        stride = tags * stages.count
        var table = FeatureTable(minimumCapacity: stages.map(\.rows.count).max() ?? 16)
        var joint: [Int16] = []
        for (stage, (rows, weights)) in stages.enumerated() {
            for (key, row) in rows.entries {
                let jointRow = Int(table.rowInserting(key))
                if jointRow * stride >= joint.count { joint.append(contentsOf: repeatElement(0, count: stride)) }
                for tag in 0..<tags { joint[jointRow * stride + stage * tags + tag] = weights[Int(row) * tags + tag] }
            }
        }
        rows = table
        weights = joint
    }

    /// Every stage's emission sums for one sentence's features: one look-up per feature.
    func sums(of features: NERFeatures.SentenceFeatures) -> EmissionSums {
        var sums = EmissionSums(length: features.count, stride: stride)
        let stride = self.stride
        sums.values.withUnsafeMutableBufferPointer { values in
            weights.withUnsafeBufferPointer { weights in
                features.hashes.withUnsafeBufferPointer { hashes in
                    for position in 0..<features.count {
                        let sums = values.baseAddress! + position * stride
                        for index in features.range(of: position) {
                            guard let row = rows[hashes[index]] else { continue }
                            Self.add(weights.baseAddress! + Int(row) * stride, to: sums, count: stride)
                        }
                    }
                }
            }
        }
        return sums
    }

    /// Adds one more feature of token `position`.
    func add(_ feature: UInt64, at position: Int, to sums: inout EmissionSums) {
        sums.values.withUnsafeMutableBufferPointer { add(feature, to: UnsafeMutableBufferPointer(rebasing: $0[(position * stride)...])) }
    }

    /// Adds a feature's weights to one token's sums (`stride` values).
    func add(_ feature: UInt64, to sums: UnsafeMutableBufferPointer<Int32>) {
        guard let row = rows[feature] else { return }
        weights.withUnsafeBufferPointer { Self.add($0.baseAddress! + Int(row) * stride, to: sums.baseAddress!, count: stride) }
    }

    /// Adds `count` values to as many sums. On pointers, without the overflow checks of
    /// array offsets, the loop compiles to vector instructions; it runs for every feature
    /// of every token.
    @inline(__always)
    static func add<Value: BinaryInteger>(_ values: UnsafePointer<Value>, to sums: UnsafeMutablePointer<Int32>, count: Int) {
        for column in 0..<count { sums[column] &+= Int32(truncatingIfNeeded: values[column]) }
    }
}

/// One sentence's emission sums in quantised units: `length` × `stride`, each token's row
/// holding every stage's tags side by side.
struct EmissionSums {
    var values: [Int32]
    let length: Int
    let stride: Int

    init(length: Int, stride: Int) {
        values = [Int32](repeating: 0, count: length * stride)
        self.length = length
        self.stride = stride
    }
}
