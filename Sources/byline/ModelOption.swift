import ArgumentParser
import BylineEnrichment
import Foundation

/// `--model PATH` and `--confidence-model PATH`: the models a command runs with. A missing
/// or unusable file, given or bundled, stops the command with the reason; nothing runs on
/// other rules.
struct ModelOption: ParsableArguments {
    @Option(help: "Entity model file (default: the model shipped with Byline).")
    var model: String?

    @Option(help: "Quote-confidence model file, from `byline train-confidence` (default: the one shipped with Byline).")
    var confidenceModel: String?

    func load() throws -> NERModel {
        if let model { return try NERModel(contentsOf: URL(fileURLWithPath: model)) }
        return try NERModel.bundledLoad.get()
    }

    func enricher(limits: EnrichmentLimits) throws -> ArticleEnricher {
        let confidence = try confidenceModel.map { try QuoteConfidenceModel(fileContents: String(contentsOfFile: $0, encoding: .utf8)) }
        return ArticleEnricher(model: try load(), confidence: confidence, limits: limits)
    }
}
