import ArgumentParser
import BylineEnrichment
import Foundation

/// `--model PATH`: the entity model a command runs with. A missing or unusable file,
/// given or bundled, stops the command with the reason; nothing runs on other rules.
struct ModelOption: ParsableArguments {
    @Option(help: "Entity model file (default: the model shipped with Byline).")
    var model: String?

    func load() throws -> NERModel {
        if let model { return try NERModel(contentsOf: URL(fileURLWithPath: model)) }
        return try NERModel.bundledLoad.get()
    }

    func enricher(limits: EnrichmentLimits) throws -> ArticleEnricher {
        ArticleEnricher(model: try load(), limits: limits)
    }
}
