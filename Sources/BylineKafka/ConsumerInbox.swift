import Foundation
import Synchronization

/// Messages fetched by the polling thread and not yet taken by the application.
///
/// Bounded: when it holds `capacity` messages the polling thread waits for room before
/// it polls again, and librdkafka's own prefetch queue (`queued.max.messages.kbytes`)
/// fills and stops fetching. An application that stops reading so holds back the
/// consumer without losing anything. (Pausing partitions instead would throw away
/// librdkafka's prefetched messages and fetch them again: measured here at 1/50 of
/// the throughput.) Rebalances are served whenever the thread gets room to poll.
final class ConsumerInbox: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<KafkaMessage?, any Error>
    }

    private struct State {
        var queue: [KafkaMessage] = []
        var head = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var finished = false
        var failure: KafkaError?

        var count: Int { queue.count - head }

        mutating func popFirst() -> KafkaMessage? {
            guard head < queue.count else { return nil }
            let message = queue[head]
            head += 1
            if head > 1_024 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return message
        }
    }

    private let state = Mutex(State())
    // Wakes the polling thread when a reader makes room; NSCondition because Mutex has no wait.
    private let roomAvailable = NSCondition()
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { state.withLock { $0.count } }

    /// Blocks the polling thread until there is room or `timeout` passes; returns the room.
    func waitForRoom(timeout: Duration) -> Int {
        roomAvailable.lock()
        defer { roomAvailable.unlock() }
        var room = capacity - count
        if room <= 0 {
            _ = roomAvailable.wait(until: Date(timeIntervalSinceNow: timeout.secondsValue))
            room = capacity - count
        }
        return max(0, room)
    }

    private func signalRoom() {
        roomAvailable.lock()
        roomAvailable.signal()
        roomAvailable.unlock()
    }

    /// Adds messages in order; waiting readers get them first.
    func push(_ messages: [KafkaMessage]) {
        var handOff: [(CheckedContinuation<KafkaMessage?, any Error>, KafkaMessage)] = []
        state.withLock { state in
            guard !state.finished else { return }
            var remaining = messages[...]
            while !state.waiters.isEmpty, state.count == 0, let message = remaining.popFirst() {
                handOff.append((state.waiters.removeFirst().continuation, message))
            }
            state.queue.append(contentsOf: remaining)
        }
        for (continuation, message) in handOff { continuation.resume(returning: message) }
    }

    /// Forgets queued messages of partitions this member no longer owns.
    func discard(partitions: Set<KafkaTopicPartition>) {
        guard !partitions.isEmpty else { return }
        state.withLock { state in
            let kept = state.queue[state.head...].filter { !partitions.contains($0.topicPartition) }
            state.queue = Array(kept)
            state.head = 0
        }
    }

    /// Ends the sequence: readers get the queued messages, then nil (or `failure`).
    /// With `discardingQueued`, readers get nil at once and the queued messages are dropped.
    func finish(failure: KafkaError? = nil, discardingQueued: Bool = false) {
        let waiters = state.withLock { state -> [Waiter] in
            if discardingQueued {
                state.queue = []
                state.head = 0
            }
            guard !state.finished else { return [] }
            state.finished = true
            state.failure = failure
            defer { state.waiters = [] }
            return state.count == 0 ? state.waiters : []
        }
        for waiter in waiters {
            if let failure { waiter.continuation.resume(throwing: failure) } else { waiter.continuation.resume(returning: nil) }
        }
    }

    func next() async throws -> KafkaMessage? {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enum Action { case deliver(KafkaMessage), end, fail(KafkaError), cancel, wait }
                var freedRoom = false
                let action = state.withLock { state -> Action in
                    if let message = state.popFirst() {
                        freedRoom = state.count == capacity - 1
                        return .deliver(message)
                    }
                    if state.finished { return state.failure.map(Action.fail) ?? .end }
                    if Task.isCancelled { return .cancel }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .wait
                }
                if freedRoom { signalRoom() }
                switch action {
                case .deliver(let message): continuation.resume(returning: message)
                case .end: continuation.resume(returning: nil)
                case .fail(let error): continuation.resume(throwing: error)
                case .cancel: continuation.resume(throwing: CancellationError())
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }
}
