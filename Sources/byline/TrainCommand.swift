import BylineTraining
import ArgumentParser
import BylineEnrichment
import Foundation

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Trains the entity tagger on CoNLL-2003-format data and writes the model file.",
        discussion: "Reports development-set F1 after each epoch and keeps the best epoch. The same data and seed give the same model."
    )

    @Option(help: "Training data (CoNLL format: token ... TAG per line).")
    var conll: String

    @Option(
        help:
            "More training data from another source (CoNLL format, e.g. GUM): learned through features of its own beside the shared ones, so its conventions do not override the main data's."
    )
    var otherDomain: String?

    @Option(help: "Development data, scored after each epoch.")
    var dev: String

    @Option(help: "Where to write the model.")
    var output: String

    @Option(help: "Training epochs.")
    var epochs = NERTrainer.defaultEpochs

    @Option(help: "Seed for the order sentences are seen in.")
    var seed = NERTrainer.defaultSeed

    @Option(help: "Perceptrons trained in different sentence orders and averaged into one model.")
    var ensemble = NERTrainer.defaultEnsemble

    @Option(help: "Largest model file, in bytes; the weakest features are pruned to fit.")
    var maxBytes = NERModel.defaultMaximumBytes

    func run() async throws {
        let started = ContinuousClock.now
        var training = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: conll))
        if let otherDomain {
            training.documents += try CoNLLCorpus(contentsOf: URL(fileURLWithPath: otherDomain)).fromDomain(1).documents
        }
        let development = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: dev))
        printError("training on \(training.tokenCount) tokens (\(training.sentenceCount) sentences), scoring on \(development.tokenCount)")
        var trainer = NERTrainer()
        trainer.epochs = epochs
        trainer.seed = seed
        trainer.ensemble = ensemble
        let model = trainer.train(training, development: development) { report in
            let (p, r, f) = NERScore.f1(report.developmentScore.overall)
            printError(String(format: "epoch %2d  dev P %.4f R %.4f F1 %.4f  (%.1f s)", report.epoch, p, r, f, report.seconds))
        }
        try model.write(to: URL(fileURLWithPath: output), maximumBytes: maxBytes)
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        let elapsed = ContinuousClock.now - started
        printError("wrote \(output): \(size) bytes, \(model.featureCount) features before pruning; \(elapsed.components.seconds) s in all")
    }
}

struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tags CoNLL-format text; writes each line with the predicted tag appended.",
        discussion: "Per-type precision, recall and F1 (exact span match against the file's last column) and the tagging speed go to standard error."
    )

    @Option(help: "Input in CoNLL format.")
    var conll: String

    @OptionGroup var model: ModelOption

    @Option(help: "Tag the file this many more times for the speed figure, with the word caches warm as in a long-running worker.")
    var speedRounds = 0

    func run() async throws {
        let tagger = try model.load()
        let corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: conll))
        var score = NERScore()
        var output = ""
        var taggingTime = Duration.zero
        for document in corpus.documents {
            let started = ContinuousClock.now
            let tagged = tagger.tag(document: document.sentences.map(\.words))
            taggingTime += ContinuousClock.now - started
            for (sentence, predicted) in zip(document.sentences, tagged) {
                score.add(gold: sentence.tags, predicted: predicted)
                for (line, tag) in zip(sentence.lines, predicted) { output += "\(line) \(tag)\n" }
                output += "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        printError(score.report)
        let seconds = taggingTime.inSeconds
        printError(String(format: "tagged %d tokens at %.0f tokens/s", corpus.tokenCount, Double(corpus.tokenCount) / max(seconds, 1e-9)))
        guard speedRounds > 0 else { return }
        let sentences = corpus.documents.map { $0.sentences.map(\.words) }
        var rates: [Double] = []
        for _ in 0..<speedRounds {
            let started = ContinuousClock.now
            for document in sentences { _ = tagger.tag(document: document) }
            rates.append(Double(corpus.tokenCount) / max((ContinuousClock.now - started).inSeconds, 1e-9))
        }
        rates.sort()
        printError(
            String(
                format: "again, caches warm, %d rounds: median %.0f tokens/s (%.0f to %.0f)",
                speedRounds, rates[rates.count / 2], rates[0], rates[rates.count - 1]))
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

struct TrainConfidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-confidence",
        abstract: "Trains the quote-confidence model on annotated attributions and writes the model file.",
        discussion:
            "Enriches each article with the entity model given (or the bundled one), labels each quote found against the annotation (its content and speaker), and fits a logistic regression over each quote's evidence. The same data and settings give the same file."
    )

    @Option(help: "Articles with annotated attributions, one JSON object a line (PolNeAR's training split as shared).")
    var attributions: String

    @Option(help: "Where to write the model.")
    var output: String

    @Option(help: "Passes of gradient descent.")
    var iterations = QuoteConfidenceTrainer.defaultIterations

    @Option(help: "L2 regularisation strength.")
    var regularisation = QuoteConfidenceTrainer.defaultRegularisation

    @OptionGroup var model: ModelOption

    func run() async throws {
        let started = ContinuousClock.now
        let corpus = try AttributionCorpus(contentsOf: URL(fileURLWithPath: attributions))
        var trainer = QuoteConfidenceTrainer()
        trainer.iterations = iterations
        trainer.regularisation = regularisation
        let examples = try await trainer.examples(from: corpus, enricher: model.enricher(limits: .default))
        let (confidence, report) = trainer.train(examples)
        try confidence.fileContents().write(toFile: output, atomically: true, encoding: .utf8)
        let elapsed = ContinuousClock.now - started
        let figures = String(format: "%.3f of them right; %d features; log loss %.4f", report.rightShare, report.features, report.logLoss)
        printError("\(corpus.articles.count) articles, \(report.examples) quotes found, \(figures); wrote \(output) in \(elapsed.components.seconds) s")
    }
}
