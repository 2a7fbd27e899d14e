import Foundation
import Synchronization

// librdkafka's calls either block (commit, flush, metadata, close) or must be driven by
// a loop that polls its queues. Neither may run on Swift's cooperative pool, which has
// one thread per core: a blocked pool thread stalls every task in the process. So each
// client polls on a thread of its own (`startDedicatedThread`), and one-off blocking calls
// run on a Dispatch queue (`runBlocking`) while the calling task is suspended.

/// Starts a plain OS thread that runs `body` once.
func startDedicatedThread(name: String, _ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.name = name
    thread.start()
}

private let blockingCallQueue = DispatchQueue(label: "byline.kafka.blocking", attributes: .concurrent)

/// Runs a blocking librdkafka call off the cooperative pool and suspends until it returns.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () throws(KafkaError) -> T) async throws(KafkaError) -> T {
    let result: Result<T, KafkaError> = await withCheckedContinuation { continuation in
        blockingCallQueue.async {
            do throws(KafkaError) {
                continuation.resume(returning: .success(try body()))
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
    }
    return try result.get()
}

/// An event that happens once; any number of tasks can wait for it. Shared with the other
/// modules of the package, which also wait on plain threads.
package final class OneShotEvent: Sendable {
    private struct State {
        var happened = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    package init() {}

    package var hasHappened: Bool { state.withLock { $0.happened } }

    package func signal() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.happened else { return [] }
            state.happened = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    package func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.happened { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

/// A reference set after creation, for callbacks registered before their target exists.
final class LateReference<Target: AnyObject & Sendable>: Sendable {
    private let storage = Mutex<Target?>(nil)
    init() {}
    var value: Target? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
