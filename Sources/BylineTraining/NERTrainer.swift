import BylineEnrichment
/// Trains `NERModel` as an averaged structured perceptron: decode each sentence with
/// Viterbi, and where it differs from the gold tags move the weights toward gold.
/// Chosen over a CRF because it needs no gradient or line search, trains on one core in
/// seconds, and reaches CRF-level accuracy on newswire with the same features; the
/// averaging keeps it from overfitting to the last sentences seen. Several such
/// perceptrons, each seeing the sentences in its own order, are averaged into the one
/// model (`ensemble`), which smooths out how much one order happens to help.
public struct NERTrainer: Sendable {
    public struct EpochReport: Sendable {
        public var epoch: Int
        public var developmentScore: NERScore
        public var seconds: Double
    }

    let features: NERFeatures
    public static let defaultEpochs = 10
    public static let defaultSeed: UInt64 = 2003
    /// Five perceptrons gain about half a point of CoNLL test F1 over one, steadily
    /// across seeds (README).
    public static let defaultEnsemble = 5

    public var epochs = defaultEpochs
    public var seed = defaultSeed
    /// Perceptrons trained side by side in different sentence orders and averaged.
    public var ensemble = defaultEnsemble

    /// The seed of each ensemble member; member 0 has the trainer's own seed.
    static func memberSeed(_ member: Int, of seed: UInt64) -> UInt64 { seed &+ UInt64(member) &* 0x1_0000 }

    public init() { features = NERFeatures(gazetteer: .shared) }

    struct Prepared {
        var rows: [[Int32]]
        var gold: [Int]
    }

    /// Folds for the first pass: each training document gets first-pass tags from a
    /// model that never saw it, as unseen articles will.
    public var folds = 5

    /// Trains on `training`, scores `development` after every epoch and returns the model
    /// of the best epoch. Two passes: a first tagger, then a second one that also sees the
    /// first's document-wide votes.
    public func train(_ training: CoNLLCorpus, development: CoNLLCorpus, progress: (EpochReport) -> Void = { _ in }) -> NERModel {
        let firstPass = trainStage(training, development: development, firstPass: nil, progress: { _ in })
        var trainingFirstPass: [[[NERTag]]] = Array(repeating: [], count: training.documents.count)
        for fold in 0..<max(2, folds) {
            let held = training.documents.indices.filter { $0 % max(2, folds) == fold }
            let rest = CoNLLCorpus(documents: training.documents.indices.filter { $0 % max(2, folds) != fold }.map { training.documents[$0] })
            let foldModel = trainStage(rest, development: development, firstPass: nil, progress: { _ in })
            for index in held { trainingFirstPass[index] = foldModel.tag(document: training.documents[index].sentences.map(\.words)) }
        }
        let developmentFirstPass = development.documents.map { firstPass.tag(document: $0.sentences.map(\.words)) }
        let second = trainStage(
            training, development: development,
            firstPass: (trainingFirstPass, developmentFirstPass), progress: progress)
        return NERModel(
            rows: second.rows, quantised: second.weights, scale: second.scale, transitions: second.transitions,
            gazetteer: features.gazetteer, firstPass: firstPass)
    }

    func trainStage(
        _ training: CoNLLCorpus,
        development: CoNLLCorpus,
        firstPass: (training: [[[NERTag]]], development: [[[NERTag]]])?,
        progress: (EpochReport) -> Void
    ) -> NERModel {
        let tags = NERModel.tagCount
        var rowOfFeature = FeatureTable(minimumCapacity: 1 << 19)
        var trainingSentences: [Prepared] = []
        // Another domain's sentences also get a copy of each feature of their own (Daumé's
        // feature augmentation): what is peculiar to that data (GUM leaves many names of
        // things untagged) moves those copies, which the model drops, and what the domains
        // share moves the common weights. Tagging uses the common weights only.
        var domainRows = Set<Int32>()
        for (words, gold, context, sentence, domain) in sentences(training, firstPass: firstPass?.training) {
            var rows = featuresOf(words, sentence, context).map { $0.map { rowOfFeature.rowInserting($0) } }
            if domain != 0 {
                for (position, hashes) in featuresOf(words, sentence, context).enumerated() {
                    for hash in hashes {
                        let row = rowOfFeature.rowInserting(Self.domainCopy(of: hash, domain: domain))
                        domainRows.insert(row)
                        rows[position].append(row)
                    }
                }
            }
            trainingSentences.append(Prepared(rows: rows, gold: gold.map(\.index)))
        }
        let developmentSentences = sentences(development, firstPass: firstPass?.development).map { words, gold, context, sentence, _ in
            Prepared(
                rows: featuresOf(words, sentence, context).map { $0.compactMap { rowOfFeature[$0] } },
                gold: gold.map(\.index))
        }
        // Each member sees the sentences in its own order; their averaged weights are one
        // linear model, so the ensemble tags as fast as one member but varies less by seed.
        var members = (0..<max(1, ensemble)).map { member in
            PerceptronMember(
                weightCount: rowOfFeature.count * tags, transitionCount: (tags + 1) * tags,
                seed: Self.memberSeed(member, of: seed), sentenceCount: trainingSentences.count)
        }
        var best: (f1: Double, weights: [Float], transitions: [Float]) = (-1, [], [])

        for epoch in 1...max(1, epochs) {
            let started = ContinuousClock.now
            for member in members.indices { members[member].runEpoch(trainingSentences, decode: decode) }
            var averagedWeights = [Float](repeating: 0, count: rowOfFeature.count * tags)
            var averagedTransitions = [Float](repeating: 0, count: (tags + 1) * tags)
            let share = 1 / Float(members.count)
            for member in members {
                member.addAveraged(weightsInto: &averagedWeights, transitionsInto: &averagedTransitions, times: share)
            }
            var score = NERScore()
            for sentence in developmentSentences {
                score.add(
                    gold: sentence.gold.map(NERTag.init(index:)),
                    predicted: decode(sentence.rows, averagedWeights, averagedTransitions).map(NERTag.init(index:)))
            }
            let f1 = NERScore.f1(score.overall).f1
            if f1 > best.f1 { best = (f1, averagedWeights, averagedTransitions) }
            let elapsed = ContinuousClock.now - started
            progress(EpochReport(epoch: epoch, developmentScore: score, seconds: elapsed.inSeconds))
        }
        var weights = best.weights
        for row in domainRows {
            for tag in 0..<tags { weights[Int(row) * tags + tag] = 0 }
        }
        return NERModel(rows: rowOfFeature, weights: weights, transitions: best.transitions, gazetteer: features.gazetteer)
    }

    /// A feature's hash in `domain`'s own copy of the feature space.
    static func domainCopy(of hash: UInt64, domain: Int) -> UInt64 {
        var value = hash ^ (0xD0_4A1E_5EED_0000 &+ UInt64(domain))
        value = (value ^ (value >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return value ^ (value >> 29)
    }

    private func decode(_ rows: [[Int32]], _ weights: [Float], _ transitions: [Float]) -> [Int] {
        let tags = NERModel.tagCount
        var emissions = [Float](repeating: 0, count: rows.count * tags)
        for (position, tokenRows) in rows.enumerated() {
            for row in tokenRows {
                let base = Int(row) * tags
                for tag in 0..<tags { emissions[position * tags + tag] += weights[base + tag] }
            }
        }
        return NERModel.viterbi(emissions: emissions, transitions: transitions, length: rows.count)
    }

    /// The same features `NERModel.tag(document:)` computes.
    private func featuresOf(_ words: [String], _ sentence: Int, _ context: NERFeatures.DocumentContext) -> [[UInt64]] {
        var hashed = features.extract(words, sentence: sentence, document: context).perToken
        for position in words.indices {
            if let extra = features.firstPassFeature(sentence: sentence, token: position, context) { hashed[position].append(extra) }
        }
        return hashed
    }

    /// Each sentence with its document's context.
    private func sentences(_ corpus: CoNLLCorpus, firstPass: [[[NERTag]]]?) -> [([String], [NERTag], NERFeatures.DocumentContext, Int, Int)] {
        corpus.documents.enumerated().flatMap { index, document -> [([String], [NERTag], NERFeatures.DocumentContext, Int, Int)] in
            var context = features.documentContext(document.sentences.map(\.words))
            if let firstPass { features.addFirstPass(firstPass[index], to: &context) }
            return document.sentences.enumerated().map { ($1.words, $1.tags, context, $0, document.domain) }
        }
    }
}

/// One averaged perceptron of the ensemble: its weights, the time-weighted sum of its
/// changes (for averaging) and its own sentence order.
private struct PerceptronMember {
    var weights: [Float]
    var weightUpdates: [Float]  // Σ time × change, for averaging
    var transitions: [Float]
    var transitionUpdates: [Float]
    var time: Float = 1
    var generator: SplitMix64
    var order: [Int]

    init(weightCount: Int, transitionCount: Int, seed: UInt64, sentenceCount: Int) {
        weights = [Float](repeating: 0, count: weightCount)
        weightUpdates = weights
        transitions = [Float](repeating: 0, count: transitionCount)
        transitionUpdates = transitions
        generator = SplitMix64(seed: seed)
        order = Array(0..<sentenceCount)
    }

    mutating func runEpoch(_ sentences: [NERTrainer.Prepared], decode: ([[Int32]], [Float], [Float]) -> [Int]) {
        let tags = NERModel.tagCount
        order.shuffle(using: &generator)
        for index in order {
            let sentence = sentences[index]
            let predicted = decode(sentence.rows, weights, transitions)
            if predicted != sentence.gold {
                for position in sentence.gold.indices {
                    let gold = sentence.gold[position], guess = predicted[position]
                    if gold != guess {
                        for row in sentence.rows[position] {
                            let base = Int(row) * tags
                            weights[base + gold] += 1; weightUpdates[base + gold] += time
                            weights[base + guess] -= 1; weightUpdates[base + guess] -= time
                        }
                    }
                    let goldFrom = position == 0 ? tags : sentence.gold[position - 1]
                    let guessFrom = position == 0 ? tags : predicted[position - 1]
                    if goldFrom != guessFrom || gold != guess {
                        transitions[goldFrom * tags + gold] += 1; transitionUpdates[goldFrom * tags + gold] += time
                        transitions[guessFrom * tags + guess] -= 1; transitionUpdates[guessFrom * tags + guess] -= time
                    }
                }
            }
            time += 1
        }
    }

    /// Adds `share` × this member's averaged weights (weight − Σ time × change / time).
    func addAveraged(weightsInto summedWeights: inout [Float], transitionsInto summedTransitions: inout [Float], times share: Float) {
        for index in weights.indices { summedWeights[index] += share * (weights[index] - weightUpdates[index] / time) }
        for index in transitions.indices { summedTransitions[index] += share * (transitions[index] - transitionUpdates[index] / time) }
    }
}

/// A small deterministic generator, so training with one seed gives one model.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
