import Synchronization

/// Messages fetched by the polling thread and not yet taken by the application.
///
/// It is bounded by flow control rather than by blocking: when it holds
/// `capacity` messages the polling thread pauses the assigned partitions (and keeps
/// polling, so rebalances are still served); it resumes them once half is drained.
/// Pausing discards librdkafka's prefetched messages, which it fetches again from the
/// position after the last message handed here, so nothing is skipped.
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
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { state.withLock { $0.count } }

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
    func finish(failure: KafkaError? = nil) {
        let waiters = state.withLock { state -> [Waiter] in
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
                let action = state.withLock { state -> Action in
                    if let message = state.popFirst() { return .deliver(message) }
                    if state.finished { return state.failure.map(Action.fail) ?? .end }
                    if Task.isCancelled { return .cancel }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return .wait
                }
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
