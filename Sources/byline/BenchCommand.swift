import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures throughput; figures go to standard output.",
        subcommands: [EnrichBenchCommand.self, KafkaBenchCommand.self, PipelineBenchCommand.self]
    )
}
