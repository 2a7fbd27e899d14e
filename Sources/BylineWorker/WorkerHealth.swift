import Synchronization

/// Liveness and readiness of a worker, as `/healthz` and `/readyz` report them.
public final class WorkerHealth: Sendable {
    public enum Phase: String, Sendable, CaseIterable {
        case starting, running, draining, stopped, failed
    }

    private struct State {
        var phase = Phase.starting
        var joinedGroup = false
        /// Set when librdkafka reports every broker down; cleared when its statistics show one
        /// connected again.
        var connectionProblem: String?
        /// Set while publishing fails; cleared by the next acknowledged publish.
        var publishProblem: String?
    }
    private let state = Mutex(State())
    /// Told of every change, for the readiness and phase gauges. The closure sits in a
    /// struct: a lock whose value is the closure itself re-wraps it on every access (the
    /// generic value is written back in its abstract form), so each change nested the call
    /// two frames deeper than the last.
    private struct Observer { var notify: (@Sendable (WorkerHealth) -> Void)? }
    private let observer = Mutex(Observer())

    public init() {}

    /// Calls `observer` now and after every change.
    func observe(_ observer: @escaping @Sendable (WorkerHealth) -> Void) {
        self.observer.withLock { $0.notify = observer }
        observer(self)
    }

    private func change(_ update: (inout State) -> Void) {
        state.withLock { update(&$0) }
        observer.withLock { $0.notify }?(self)
    }

    public var phase: Phase { state.withLock { $0.phase } }

    /// Whether the worker has had an assignment from its group (an empty one counts).
    public var hasJoinedGroup: Bool { state.withLock { $0.joinedGroup } }

    /// Alive unless the worker failed: an orchestrator restarts a failed worker.
    public var isLive: Bool { phase != .failed }

    /// Ready while it runs, belongs to its group, and reaches the brokers.
    public var isReady: Bool { readiness.ready }

    /// Whether the worker is ready, and why not.
    public var readiness: (ready: Bool, reason: String) {
        state.withLock { state in
            if state.phase != .running { return (false, "worker is \(state.phase.rawValue)") }
            if !state.joinedGroup { return (false, "waiting to join the consumer group") }
            if let problem = state.connectionProblem ?? state.publishProblem { return (false, "brokers unavailable: \(problem)") }
            return (true, "ready")
        }
    }

    /// Failed is final: a worker stopping after a failure must stay unhealthy until it exits.
    func enter(_ phase: Phase) {
        change { state in
            if state.phase != .failed { state.phase = phase }
        }
    }
    func joinedGroup() { change { $0.joinedGroup = true } }
    func brokersUnreachable(_ reason: String) { change { $0.connectionProblem = reason } }
    func brokersReachable() { change { $0.connectionProblem = nil } }
    func publishingFails(_ reason: String) { change { $0.publishProblem = reason } }
    /// Clears only the publishing problem: an acknowledgement can arrive just after the
    /// connections dropped, so only librdkafka's statistics say they are back.
    func publishingWorks() { change { $0.publishProblem = nil } }
}
