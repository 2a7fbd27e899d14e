import ArgumentParser

@main
struct Byline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "Enriches news articles flowing through Kafka with entities and attributed quotes.",
        subcommands: [
            RunCommand.self, ProduceCommand.self, DemoCommand.self, HealthcheckCommand.self, EnrichCommand.self, DevClusterCommand.self, BenchCommand.self, TrainCommand.self,
            TrainConfidenceCommand.self, TagCommand.self,
        ]
    )
}
