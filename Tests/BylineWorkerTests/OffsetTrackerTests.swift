import BylineKafka
@testable import BylineWorker
import Testing

@Suite struct OffsetTrackerTests {
    let partition = KafkaTopicPartition(topic: "articles.raw", partition: 0)

    func message(_ offset: Int64, epoch: UInt64 = 1) -> KafkaMessage {
        KafkaMessage(topic: partition.topic, partition: partition.partition, offset: offset, value: [], assignmentEpoch: epoch)
    }

    /// Begins a message that must be accepted.
    func begin(_ tracker: inout OffsetTracker, _ message: KafkaMessage) throws -> OffsetTracker.Ticket {
        let begun = tracker.begin(message)
        return try #require(begun).ticket
    }

    @Test func commitsOnlyAContiguousRunOfFinishedOffsets() throws {
        var tracker = OffsetTracker()
        tracker.assign([partition], epoch: 1)
        var tickets: [OffsetTracker.Ticket] = []
        for offset in Int64(10)..<15 { tickets.append(try begin(&tracker, message(offset))) }
        tracker.finish(tickets[1])
        tracker.finish(tickets[2])
        #expect(tracker.offsetsToCommit.isEmpty, "10 is unfinished, so nothing may be committed")
        tracker.finish(tickets[0])
        #expect(tracker.offsetsToCommit == [KafkaTopicPartitionOffset(partition, offset: 13)])
        tracker.markCommitted(tracker.offsetsToCommit)
        #expect(tracker.offsetsToCommit.isEmpty)
        tracker.finish(tickets[4])
        #expect(tracker.offsetsToCommit.isEmpty, "14 finished but 13 did not")
        tracker.finish(tickets[3])
        #expect(tracker.offsetsToCommit == [KafkaTopicPartitionOffset(partition, offset: 15)])
        #expect(tracker.inFlightCount == 0)
    }

    @Test func refusesMessagesOfUnownedPartitionsAndEarlierOwnerships() {
        var tracker = OffsetTracker()
        #expect(tracker.begin(message(0)) == nil, "not assigned yet")
        tracker.assign([partition], epoch: 3)
        var begun = tracker.begin(message(5, epoch: 2))
        #expect(begun == nil, "fetched before this assignment")
        begun = tracker.begin(message(5, epoch: 3))
        #expect(begun != nil)
        begun = tracker.begin(message(5, epoch: 3))
        #expect(begun == nil, "already begun")
    }

    @Test func reportsOffsetsTheConsumerNeverDelivered() throws {
        var tracker = OffsetTracker()
        tracker.assign([partition], epoch: 1)
        let first = tracker.begin(message(0))
        #expect(try #require(first).skipped == nil, "the first message of an ownership has nothing before it to compare")
        let next = tracker.begin(message(1))
        #expect(try #require(next).skipped == nil)
        let begun = tracker.begin(message(4))
        let afterGap = try #require(begun)
        #expect(afterGap.skipped == 2...3)
        tracker.finish(afterGap.ticket)
        #expect(tracker.offsetsToCommit.isEmpty, "0 and 1 are unfinished")
    }

    /// Begins a message that must be accepted; the offsets it reports skipped.
    func skipped(_ tracker: inout OffsetTracker, _ message: KafkaMessage) throws -> ClosedRange<Int64>? {
        let begun = tracker.begin(message)
        return try #require(begun).skipped
    }

    /// Assigns the partition and takes the one question about where it starts.
    func assignAndAsk(_ tracker: inout OffsetTracker, epoch: UInt64 = 1) throws -> UInt64 {
        tracker.assign([partition], epoch: epoch)
        let questions = tracker.takeStartingOffsetQuestions()
        #expect(questions.count == 1)
        return try #require(questions.first).ownership
    }

    @Test func aFirstMessagePastWhereTheOwnershipStartedIsASkip() throws {
        // The starting offset known before the first message.
        var tracker = OffsetTracker()
        let ownership = try assignAndAsk(&tracker)
        #expect(tracker.takeStartingOffsetQuestions().isEmpty, "asked once per ownership")
        #expect(tracker.noteStartingOffset(1, for: partition, ownership: ownership) == nil)
        #expect(try skipped(&tracker, message(3)) == 1...2, "the group had committed 1; 1 and 2 never came")
        #expect(try skipped(&tracker, message(4)) == nil)

        // Known only after the first message.
        var late = OffsetTracker()
        let lateOwnership = try assignAndAsk(&late)
        #expect(try skipped(&late, message(3)) == nil, "nothing to compare with yet")
        #expect(late.noteStartingOffset(1, for: partition, ownership: lateOwnership) == 1...2)

        // Starting where the group committed, or an answer for an earlier ownership: no skip.
        var exact = OffsetTracker()
        let earlier = try assignAndAsk(&exact)
        let current = try assignAndAsk(&exact, epoch: 2)
        #expect(exact.noteStartingOffset(0, for: partition, ownership: earlier) == nil)
        #expect(exact.noteStartingOffset(3, for: partition, ownership: current) == nil)
        #expect(try skipped(&exact, message(3, epoch: 2)) == nil)
    }

    @Test func revocationReturnsFinishedWorkAndIgnoresLateFinishes() throws {
        var tracker = OffsetTracker()
        tracker.assign([partition], epoch: 1)
        let first = try begin(&tracker, message(0))
        let second = try begin(&tracker, message(1))
        tracker.finish(first)
        #expect(tracker.revoke([partition]) == [KafkaTopicPartitionOffset(partition, offset: 1)])
        // Reassigned: the old ownership's work must not move the new commit point.
        tracker.assign([partition], epoch: 2)
        #expect(!tracker.isOwned(second))
        tracker.finish(second)
        #expect(tracker.offsetsToCommit.isEmpty)
        let again = try begin(&tracker, message(1, epoch: 2))
        tracker.finish(again)
        #expect(tracker.offsetsToCommit == [KafkaTopicPartitionOffset(partition, offset: 2)])
    }
}
