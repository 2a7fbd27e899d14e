import BylineKafka
import Logging
import Synchronization

/// Where finished offsets are committed: the consumer, or a fake in tests.
protocol OffsetCommitting: Sendable {
    /// Commits offsets (each the next offset to read) and waits for the broker, at most
    /// `timeout` and only while the task is not cancelled.
    func commit(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) async throws(KafkaError)
    /// Commits on the calling thread, waiting at most `timeout`: for a revocation, served on
    /// the consumer's polling thread.
    func commitNow(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) throws(KafkaError)
    /// The group's committed offsets for these partitions (absent where none).
    func committedOffsets(for partitions: [KafkaTopicPartition], timeout: Duration) async throws(KafkaError) -> [KafkaTopicPartition: Int64]
}

extension KafkaConsumer: OffsetCommitting {}

/// Tracks which input offsets are finished (`OffsetTracker`) and commits them: every
/// `commitInterval`, at shutdown, and when partitions are revoked. Only finished work is
/// committed; what is unfinished when a partition goes is read again by its next owner.
///
/// Every commit waits at most `commitTimeout`: with the brokers gone a commit never
/// returns, and a worker must still stop. A commit abandoned so only repeats work.
final class OffsetCommitter: Sendable {
    private let tracker = Mutex(OffsetTracker())
    private let commitTimeout: Duration
    private let metrics: WorkerMetrics
    private let logger: Logger

    init(commitTimeout: Duration, metrics: WorkerMetrics, logger: Logger) {
        self.commitTimeout = commitTimeout
        self.metrics = metrics
        self.logger = logger
    }

    /// The input partitions owned now.
    var ownedPartitions: [KafkaTopicPartition] { tracker.withLock { $0.ownedPartitions } }

    /// A ticket for the message's offset; nil when it must be skipped (see `OffsetTracker.begin`).
    func begin(_ message: KafkaMessage) -> OffsetTracker.Ticket? {
        guard let begun = tracker.withLock({ $0.begin(message) }) else { return nil }
        if let skipped = begun.skipped { reportSkipped(skipped, of: message.topicPartition) }
        return begun.ticket
    }

    private func reportSkipped(_ skipped: ClosedRange<Int64>, of partition: KafkaTopicPartition) {
        metrics.offsetsSkipped.increment(by: skipped.count)
        logger.notice(
            "the consumer skipped input offsets; the commit point will pass them",
            metadata: ["partition": "\(partition)", "first": "\(skipped.lowerBound)", "last": "\(skipped.upperBound)"])
    }

    /// Asks the group where newly assigned partitions start (their committed offsets), so a
    /// first message past that is reported like any other skipped offsets. Runs before this
    /// member commits there: after that, the committed offset is its own.
    func checkStartingOffsets(with target: some OffsetCommitting) async {
        let questions = tracker.withLock { $0.takeStartingOffsetQuestions() }
        guard !questions.isEmpty else { return }
        guard let committed = try? await target.committedOffsets(for: questions.map(\.partition), timeout: commitTimeout) else {
            logger.debug("could not read the committed offsets of newly assigned partitions")
            return
        }
        for (partition, ownership) in questions {
            guard let offset = committed[partition] else { continue }
            if let skipped = tracker.withLock({ $0.noteStartingOffset(offset, for: partition, ownership: ownership) }) {
                reportSkipped(skipped, of: partition)
            }
        }
    }

    func isOwned(_ ticket: OffsetTracker.Ticket) -> Bool { tracker.withLock { $0.isOwned(ticket) } }

    /// The ticket's output is acknowledged: its offset may be committed once all before it are.
    func finish(_ ticket: OffsetTracker.Ticket) { tracker.withLock { $0.finish(ticket) } }

    /// Commits what finished since the last commit. A refusal (during a rebalance, or with
    /// the coordinator away) is counted and left to the next round.
    func commitFinished(to target: some OffsetCommitting) async {
        let offsets = tracker.withLock { $0.offsetsToCommit }
        guard !offsets.isEmpty else { return }
        do {
            try await target.commit(offsets, timeout: commitTimeout)
            tracker.withLock { $0.markCommitted(offsets) }
            logger.debug("offsets committed", metadata: ["offsets": "\(Self.describe(offsets))"])
        } catch {
            metrics.commitFailures.increment()
            logger.debug("commit failed; will retry", metadata: ["error": "\(error)"])
        }
    }

    /// Commits finished work every `interval` until the task is cancelled, each time first
    /// checking where newly assigned partitions started.
    func commitPeriodically(to target: some OffsetCommitting, every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            await checkStartingOffsets(with: target)
            await commitFinished(to: target)
        }
    }

    /// On the consumer's polling thread: an assignment starts fresh ownerships; a revocation
    /// commits the revoked partitions' finished work while this member still owns them,
    /// unless they were lost (already given to another member, which would refuse it).
    func rebalanced(_ event: KafkaRebalanceEvent, target: some OffsetCommitting) {
        switch event {
        case .assigned(let partitions, let epoch):
            tracker.withLock { $0.assign(partitions, epoch: epoch) }
        case .revoked(let partitions, let lost):
            let finished = tracker.withLock { $0.revoke(partitions) }
            guard !lost, !finished.isEmpty else { return }
            do {
                try target.commitNow(finished, timeout: commitTimeout)
                logger.debug("offsets committed on revocation", metadata: ["offsets": "\(Self.describe(finished))"])
            } catch {
                metrics.commitFailures.increment()
                logger.notice("commit on revocation failed; the new owner repeats that work", metadata: ["error": "\(error)"])
            }
        }
    }

    /// "PARTITION@OFFSET,...": what the reliability suite reads back from the logs.
    private static func describe(_ offsets: [KafkaTopicPartitionOffset]) -> String {
        offsets.map { "\($0.topicPartition.partition)@\($0.offset)" }.joined(separator: ",")
    }
}
