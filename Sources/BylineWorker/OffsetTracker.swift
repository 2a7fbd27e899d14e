import BylineKafka

/// Which input offsets may be committed, per partition, while articles finish out of order.
///
/// A partition's commit point advances only over a contiguous run of finished offsets: an
/// offset is committed once it and every offset before it (since the partition was
/// assigned) has its output acknowledged. Work begun under an earlier ownership of a
/// partition never counts, because the group may hand that work to another member.
struct OffsetTracker: Sendable {
    /// Proof that an offset was begun under one ownership of its partition.
    struct Ticket: Sendable, Hashable {
        let partition: KafkaTopicPartition
        let offset: Int64
        fileprivate let ownership: UInt64
    }

    private struct PartitionState {
        let ownership: UInt64
        /// Messages fetched before this epoch belong to an earlier ownership.
        let assignedEpoch: UInt64
        /// Begun offsets in the order begun (ascending); `head` is the oldest unfinished one.
        var pending: [Int64] = []
        var head = 0
        var finished: Set<Int64> = []
        /// The next offset to read, as far as contiguous finished work allows.
        var commitPoint: Int64?
        var committed: Int64?
        /// The first offset begun under this ownership.
        var firstBegun: Int64?
        /// The group's committed offset when this ownership began (where the consumer
        /// starts reading), once known; nil while unknown or when there was none.
        var startingOffset: Int64?
        /// Whether the starting offset was asked for already.
        var startingOffsetAsked = false

        var lastBegun: Int64? { pending.last }
        var inFlight: Int { pending.count - head }

        mutating func finish(_ offset: Int64) {
            finished.insert(offset)
            while head < pending.count, finished.remove(pending[head]) != nil {
                commitPoint = pending[head] + 1
                head += 1
            }
            if head > 512 && head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
        }
    }

    private var partitions: [KafkaTopicPartition: PartitionState] = [:]
    private var ownershipCounter: UInt64 = 0

    /// Starts a fresh ownership of each partition, for messages of this epoch or later.
    mutating func assign(_ assigned: [KafkaTopicPartition], epoch: UInt64) {
        for partition in assigned {
            ownershipCounter += 1
            partitions[partition] = PartitionState(ownership: ownershipCounter, assignedEpoch: epoch)
        }
    }

    /// Forgets the partitions and returns the commit points they reached and had not committed.
    mutating func revoke(_ revoked: [KafkaTopicPartition]) -> [KafkaTopicPartitionOffset] {
        var result: [KafkaTopicPartitionOffset] = []
        for partition in revoked {
            guard let state = partitions.removeValue(forKey: partition) else { continue }
            if let point = state.commitPoint, point != state.committed {
                result.append(KafkaTopicPartitionOffset(partition, offset: point))
            }
        }
        return result
    }

    /// A message registered as in flight.
    struct Begun: Sendable {
        let ticket: Ticket
        /// Offsets between the previous message begun under this ownership (for the first,
        /// the group's committed offset, when already known) and this one, which the
        /// consumer never delivered. Kafka has legitimate gaps (transaction
        /// markers, compaction), but the commit point moves past them, so they are reported.
        let skipped: ClosedRange<Int64>?
    }

    /// Registers a message as in flight; nil when it must not be processed: its partition is
    /// not owned, it was fetched under an earlier ownership, or it was already begun.
    mutating func begin(_ message: KafkaMessage) -> Begun? {
        let partition = message.topicPartition
        guard var state = partitions[partition],
            message.assignmentEpoch >= state.assignedEpoch,
            state.lastBegun.map({ message.offset > $0 }) ?? true
        else { return nil }
        // Compared with the offset begun before, or for the first one with where the
        // consumer was to start.
        let previousEnd = state.lastBegun.map { $0 + 1 } ?? (state.firstBegun == nil ? state.startingOffset : nil)
        let skipped = previousEnd.flatMap { end in end < message.offset ? end...(message.offset - 1) : nil }
        if state.firstBegun == nil { state.firstBegun = message.offset }
        state.pending.append(message.offset)
        partitions[partition] = state
        return Begun(ticket: Ticket(partition: partition, offset: message.offset, ownership: state.ownership), skipped: skipped)
    }

    /// Partitions whose starting offset was not asked for yet, with their ownership; marks
    /// them asked.
    mutating func takeStartingOffsetQuestions() -> [(partition: KafkaTopicPartition, ownership: UInt64)] {
        var questions: [(partition: KafkaTopicPartition, ownership: UInt64)] = []
        for (partition, state) in partitions where !state.startingOffsetAsked {
            questions.append((partition, state.ownership))
            partitions[partition]?.startingOffsetAsked = true
        }
        return questions
    }

    /// The group's committed offset when `ownership` began: the first offset the consumer
    /// should deliver. Returns the offsets it skipped when the first one begun came later.
    mutating func noteStartingOffset(_ offset: Int64, for partition: KafkaTopicPartition, ownership: UInt64) -> ClosedRange<Int64>? {
        guard var state = partitions[partition], state.ownership == ownership else { return nil }
        if let first = state.firstBegun { return offset < first ? offset...(first - 1) : nil }
        state.startingOffset = offset
        partitions[partition] = state
        return nil
    }

    /// Marks the ticket's offset finished. Ignored when the partition changed hands since.
    mutating func finish(_ ticket: Ticket) {
        guard var state = partitions[ticket.partition], state.ownership == ticket.ownership else { return }
        state.finish(ticket.offset)
        partitions[ticket.partition] = state
    }

    /// Whether the ticket's partition is still held under the ownership that began it.
    func isOwned(_ ticket: Ticket) -> Bool {
        partitions[ticket.partition]?.ownership == ticket.ownership
    }

    /// Commit points that moved since they were last committed.
    var offsetsToCommit: [KafkaTopicPartitionOffset] {
        partitions.compactMap { partition, state in
            guard let point = state.commitPoint, point != state.committed else { return nil }
            return KafkaTopicPartitionOffset(partition, offset: point)
        }.sorted { $0.topicPartition < $1.topicPartition }
    }

    /// Records a successful commit; partitions reassigned since keep their own state.
    mutating func markCommitted(_ offsets: [KafkaTopicPartitionOffset]) {
        for entry in offsets {
            guard var state = partitions[entry.topicPartition] else { continue }
            if (state.committed ?? -1) < entry.offset, (state.commitPoint ?? -1) >= entry.offset {
                state.committed = entry.offset
                partitions[entry.topicPartition] = state
            }
        }
    }

    var inFlightCount: Int { partitions.values.reduce(0) { $0 + $1.inFlight } }
    var ownedPartitions: [KafkaTopicPartition] { partitions.keys.sorted() }
}
