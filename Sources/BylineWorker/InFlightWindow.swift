import BylineKafka
import Logging
import Synchronization

/// Runs one child task per message, holding at most `maxArticles` of them and
/// `maxBytes` of their input at once (one always fits); while full it stops reading, so
/// whatever feeds the messages is held back. It drains when told to stop or when the
/// messages end: from then, the work in flight gets `drainTimeout` to finish, and the
/// rest is cancelled. The clock starts at the stop, not when the messages end: a full
/// window whose work waits for absent brokers reads no further until room is made.
struct InFlightWindow: Sendable {
    /// The work for one admitted message, and the input bytes it holds while in flight.
    struct Job: Sendable {
        var size: Int
        var work: @Sendable () async -> Void
    }

    enum Ending: CustomStringConvertible {
        /// The messages ended (graceful shutdown stops them); the work in flight was drained.
        case finished
        /// The task was cancelled: the work in flight was cancelled with it.
        case cancelled
        /// The messages failed: the work in flight was cancelled.
        case failed(any Error)

        var description: String {
            switch self {
            case .finished: "shutdown"
            case .cancelled: "cancelled"
            case .failed(let error): "failed: \(error)"
            }
        }
    }

    var maxArticles: Int
    var maxBytes: Int
    var drainTimeout: Duration
    var logger: Logger

    private enum ChildOutcome: Sendable { case job(size: Int), drainDeadline, notStopped }

    /// Articles and input bytes in flight, as the reading loop counts them.
    private struct Occupancy {
        var articles = 0
        var bytes = 0
        mutating func add(_ size: Int) { articles += 1; bytes += size }
        mutating func remove(_ outcome: ChildOutcome) {
            if case .job(let size) = outcome { articles -= 1; bytes -= size }
        }
    }

    /// Reads `messages` to their end, starting the job `admit` gives for each (nil skips
    /// it). `stopping` starts the drain's clock; whoever signals it also ends the messages.
    func run<Messages: AsyncSequence>(_ messages: Messages, stopping: OneShotEvent, admit: (Messages.Element) -> Job?) async -> Ending {
        let running = RunningJobs()
        return await withTaskGroup(of: ChildOutcome.self) { jobs in
            jobs.addTask { [drainTimeout] in
                guard await stopping.wait(timeout: nil) else { return .notStopped }
                try? await Task.sleep(for: drainTimeout)
                return .drainDeadline
            }
            var occupancy = Occupancy()
            var ending = Ending.finished
            do {
                for try await message in messages {
                    guard let job = admit(message) else { continue }
                    while isFull(occupancy, adding: job.size), let done = await jobs.next() {
                        occupancy.remove(done)
                        if case .drainDeadline = done { abandon(&jobs, unfinished: running.count) }
                    }
                    occupancy.add(job.size)
                    running.started()
                    jobs.addTask {
                        await job.work()
                        running.ended()
                        return .job(size: job.size)
                    }
                }
            } catch is CancellationError {
                ending = .cancelled
            } catch {
                ending = .failed(error)
            }
            if Task.isCancelled { ending = .cancelled }
            if case .finished = ending {
                stopping.signal()
                await drain(&jobs, unreaped: occupancy.articles, running: running)
            }
            jobs.cancelAll()
            return ending
        }
    }

    private func isFull(_ occupancy: Occupancy, adding size: Int) -> Bool {
        occupancy.articles >= maxArticles || (occupancy.articles > 0 && occupancy.bytes + size > maxBytes)
    }

    /// Waits for the jobs in flight until the drain's deadline, then cancels the rest: for
    /// the worker, abandoned articles stay uncommitted and the group reads them again.
    /// `unreaped` counts the jobs not yet collected from the group, finished or not.
    private func drain(_ jobs: inout TaskGroup<ChildOutcome>, unreaped: Int, running: RunningJobs) async {
        var remaining = unreaped
        guard remaining > 0 else { return }
        logger.info("draining in-flight articles", metadata: ["in_flight": "\(running.count)"])
        while remaining > 0, let outcome = await jobs.next() {
            switch outcome {
            case .job: remaining -= 1
            case .drainDeadline: abandon(&jobs, unfinished: running.count)
            case .notStopped: break
            }
        }
    }

    private func abandon(_ jobs: inout TaskGroup<ChildOutcome>, unfinished: Int) {
        logger.warning("drain timeout reached: abandoning unfinished articles uncommitted; the group will read them again", metadata: ["unfinished": "\(unfinished)"])
        jobs.cancelAll()
    }
}

/// Jobs started and not yet ended: the window's own count also holds finished jobs that
/// the reading loop has not collected yet, which would overstate the work in flight.
private final class RunningJobs: Sendable {
    private let value = Atomic<Int>(0)
    var count: Int { value.load(ordering: .relaxed) }
    func started() { value.add(1, ordering: .relaxed) }
    func ended() { value.subtract(1, ordering: .relaxed) }
}
