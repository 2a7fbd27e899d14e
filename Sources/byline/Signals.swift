import Dispatch
import Foundation
import Synchronization

/// Suspends until the process receives SIGINT or SIGTERM.
func waitForTerminationSignal() async {
    let signals = TerminationSignals()
    await signals.next()
}

/// SIGINT and SIGTERM, caught from the moment this is created: a signal that comes before
/// anyone listens is kept for the first listener instead of ending the process. Once
/// created, the handlers stay for the life of the process.
final class TerminationSignals: Sendable {
    private struct State {
        var received: Int32?
        var listeners: [@Sendable (Int32) -> Void] = []
    }
    private let state = Mutex(State())
    // Each source's handler holds this object, and libdispatch holds a resumed source.
    private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

    init() {
        let numbers = [SIGINT, SIGTERM]
        sources = numbers.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for (number, source) in zip(numbers, sources) {
            source.setEventHandler { self.deliver(number) }
            source.resume()
            #if canImport(Darwin)
                // kqueue still sees an ignored signal, and the default action would end the process.
                // On Linux libdispatch installs a handler of its own; ignoring the signal before it
                // does would lose one that comes in between.
                signal(number, SIG_IGN)
            #endif
        }
    }

    /// Calls `listener` for every signal from now on, and at once when one already came.
    func onSignal(_ listener: @escaping @Sendable (Int32) -> Void) {
        let earlier = state.withLock { state -> Int32? in
            state.listeners.append(listener)
            return state.received
        }
        if let earlier { listener(earlier) }
    }

    /// Suspends until a signal comes; returns at once when one already did.
    func next() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = ResumeOnce(continuation)
            onSignal { _ in resumed.fire() }
        }
    }

    private func deliver(_ number: Int32) {
        let listeners = state.withLock { state in
            if state.received == nil { state.received = number }
            return state.listeners
        }
        for listener in listeners { listener(number) }
    }

    static func name(of number: Int32) -> String {
        number == SIGTERM ? "SIGTERM" : number == SIGINT ? "SIGINT" : "signal \(number)"
    }
}

private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func fire() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}

/// Writes a line to standard output at once, unbuffered, for programs reading it live.
func writeLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
