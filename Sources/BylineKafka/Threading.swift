import Foundation
import Synchronization

// librdkafka's calls either block (commit, flush, metadata, close) or must be driven by
// a loop that polls its queues. Neither may run on Swift's cooperative pool, which has
// one thread per core: a blocked pool thread stalls every task in the process. So each
// client polls on a thread of its own (`startDedicatedThread`), and one-off blocking calls
// run on a Dispatch queue (`runBlocking`) while the calling task is suspended.

/// Starts a plain OS thread that runs `body` once.
func startDedicatedThread(name: String, _ body: @escaping @Sendable () -> Void) {
    // Named from inside (Foundation on Linux names only the current thread), and at most
    // 15 bytes, which is all Linux takes: so ps, top and /proc show whose thread it is.
    let shortName = String(decoding: name.utf8.prefix(15), as: UTF8.self)
    let thread = Thread {
        Thread.current.name = shortName
        body()
    }
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
        var timedWaiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        var nextTimedWaiterID: UInt64 = 0
    }
    private let state = Mutex(State())

    package init() {}

    package var hasHappened: Bool { state.withLock { $0.happened } }

    package func signal() {
        let (waiters, timedWaiters) = state.withLock { state in
            guard !state.happened else { return ([CheckedContinuation<Void, Never>](), [CheckedContinuation<Bool, Never>]()) }
            state.happened = true
            defer {
                state.waiters = []
                state.timedWaiters = [:]
            }
            return (state.waiters, Array(state.timedWaiters.values))
        }
        for waiter in waiters { waiter.resume() }
        for waiter in timedWaiters { waiter.resume(returning: true) }
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

    /// Waits at most `timeout` (nil: no limit) and only while the task is not cancelled;
    /// true when the event happened. The timer runs on a Dispatch queue, so it fires even
    /// while every thread of the task pool is busy.
    package func wait(timeout: Duration?) async -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextTimedWaiterID += 1
            return state.nextTimedWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                enum Action { case resume(Bool), wait }
                let action = state.withLock { state -> Action in
                    if state.happened { return .resume(true) }
                    if Task.isCancelled { return .resume(false) }
                    state.timedWaiters[id] = continuation
                    return .wait
                }
                if case .resume(let happened) = action { return continuation.resume(returning: happened) }
                guard let timeout else { return }
                DispatchQueue.global().asyncAfter(deadline: .now() + max(0, timeout.secondsValue)) { [self] in
                    giveUp(id)
                }
            }
        } onCancel: {
            giveUp(id)
        }
    }

    private func giveUp(_ id: UInt64) {
        state.withLock { $0.timedWaiters.removeValue(forKey: id) }?.resume(returning: false)
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

/// A reference that does not keep its target alive, readable from any thread.
final class WeakReference<Target: AnyObject & Sendable>: Sendable {
    private struct Box { weak var target: Target? }
    private let storage = Mutex(Box())
    init() {}
    var value: Target? {
        get { storage.withLock { $0.target } }
        set { storage.withLock { $0.target = newValue } }
    }
}

/// Who is using a native client handle. Calls run outside any lock, so one waiting on the
/// brokers holds up nobody else; the owner destroys the handle only once it is closed to new
/// calls and the calls under way have returned.
final class HandleGate: Sendable {
    private let state = Mutex((open: true, users: 0))

    /// Runs `body` unless the gate is closed; then throws `closedError`.
    func run<T>(_ closedError: @autoclosure () -> KafkaError, _ body: () throws(KafkaError) -> T) throws(KafkaError) -> T {
        let entered = state.withLock { state -> Bool in
            guard state.open else { return false }
            state.users += 1
            return true
        }
        guard entered else { throw closedError() }
        defer { state.withLock { $0.users -= 1 } }
        return try body()
    }

    /// No new call enters after this.
    func close() { state.withLock { $0.open = false } }

    var isClosedAndIdle: Bool { state.withLock { !$0.open && $0.users == 0 } }

    /// Closes, then waits for the calls under way (each bounded by its own timeout).
    func closeAndWaitForCalls() {
        close()
        while !isClosedAndIdle { Thread.sleep(forTimeInterval: 0.005) }
    }
}
