import ArgumentParser
import BylineWorker

/// For a container's HEALTHCHECK: the runtime image carries no HTTP client.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Asks a running worker's status server; exits 0 when it answers 200.",
        discussion: "Prints the answer. Exit status 1 when the status is not 200 or nothing answers."
    )

    @Option(help: "Port of the worker's status server. [env: BYLINE_HTTP_PORT] (default: 8080)")
    var port: Int?

    @Option(help: "Path to ask: /healthz (alive) or /readyz (ready for work).")
    var path = "/healthz"

    func run() throws {
        let port = try EnvironmentSettings().value(port, flag: "http-port") ?? RunCommand.defaultHTTPPort
        guard let answer = StatusProbe.get(port: port, path: path) else {
            print("no answer on port \(port)")
            throw ExitCode(1)
        }
        print("\(answer.status) \(answer.body)", terminator: answer.body.hasSuffix("\n") ? "" : "\n")
        if answer.status != 200 { throw ExitCode(1) }
    }
}
