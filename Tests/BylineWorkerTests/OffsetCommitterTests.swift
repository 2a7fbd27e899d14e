import BylineKafka
@testable import BylineWorker
import Testing

@Suite struct OffsetCommitterTests {
    let first = KafkaTopicPartition(topic: "articles.raw", partition: 0)
    let second = KafkaTopicPartition(topic: "articles.raw", partition: 1)

    /// Owns both partitions, with offsets 0...2 of each finished and 3 begun but unfinished.
    func committerWithFinishedWork(_ metrics: RecordedMetrics = RecordedMetrics()) throws -> OffsetCommitter {
        let committer = OffsetCommitter(commitTimeout: .seconds(1), metrics: metrics.metrics, logger: quietLogger)
        committer.rebalanced(.assigned([first, second], epoch: 1), target: FakeCommitter())
        for partition in [first, second] {
            for offset in Int64(0)...3 {
                let message = KafkaMessage(topic: partition.topic, partition: partition.partition, offset: offset, value: [], assignmentEpoch: 1)
                let ticket = try #require(committer.begin(message))
                if offset < 3 { committer.finish(ticket) }
            }
        }
        return committer
    }

    @Test func revocationCommitsTheFinishedOffsetsOfTheRevokedPartitionsOnly() throws {
        let committer = try committerWithFinishedWork()
        let consumer = FakeCommitter()
        committer.rebalanced(.revoked([first], lost: false), target: consumer)
        #expect(consumer.committed == [[KafkaTopicPartitionOffset(first, offset: 3)]], "offset 3 is unfinished; the other partition is kept")
        #expect(committer.ownedPartitions == [second])
    }

    @Test func offsetsTheConsumerSkippedAreCounted() throws {
        let metrics = RecordedMetrics()
        let committer = try committerWithFinishedWork(metrics)
        #expect(metrics.counter("byline_input_offsets_skipped_total") == 0)
        let message = KafkaMessage(topic: first.topic, partition: first.partition, offset: 7, value: [], assignmentEpoch: 1)
        _ = try #require(committer.begin(message))
        #expect(metrics.counter("byline_input_offsets_skipped_total") == 3, "offsets 4, 5 and 6 never came")
    }

    @Test func aFirstMessagePastTheGroupsCommittedOffsetIsCountedAsSkipped() async throws {
        let metrics = RecordedMetrics()
        let committer = OffsetCommitter(commitTimeout: .seconds(1), metrics: metrics.metrics, logger: quietLogger)
        committer.rebalanced(.assigned([first, second], epoch: 1), target: FakeCommitter())
        for (partition, offset) in [(first, Int64(3)), (second, Int64(5))] {
            _ = try #require(committer.begin(KafkaMessage(topic: partition.topic, partition: partition.partition, offset: offset, value: [], assignmentEpoch: 1)))
        }
        let group = FakeCommitter(committedBefore: [first: 1, second: 5])
        await committer.checkStartingOffsets(with: group)
        #expect(metrics.counter("byline_input_offsets_skipped_total") == 2, "offsets 1 and 2 of the first partition never came")
        await committer.checkStartingOffsets(with: group)
        #expect(group.askedForCommittedOffsets.count == 1, "each ownership is asked about once")
    }

    @Test func lostPartitionsCommitNothing() throws {
        let committer = try committerWithFinishedWork()
        let consumer = FakeCommitter()
        committer.rebalanced(.revoked([first, second], lost: true), target: consumer)
        #expect(consumer.committed.isEmpty, "another member owns them already")
        #expect(committer.ownedPartitions.isEmpty)
    }

    @Test func aRefusedCommitOnRevocationIsCountedNotThrown() throws {
        let metrics = RecordedMetrics()
        let committer = try committerWithFinishedWork(metrics)
        committer.rebalanced(.revoked([first], lost: false), target: FakeCommitter(refusing: true))
        #expect(metrics.counter("byline_commit_failures_total") == 1)
    }

    @Test func committingFinishedWorkCommitsEachCommitPointOnce() async throws {
        let committer = try committerWithFinishedWork()
        let consumer = FakeCommitter()
        await committer.commitFinished(to: consumer)
        await committer.commitFinished(to: consumer)
        #expect(consumer.committed == [[KafkaTopicPartitionOffset(first, offset: 3), KafkaTopicPartitionOffset(second, offset: 3)]])
    }

    @Test func aRefusedCommitIsRetriedByTheNextRound() async throws {
        let committer = try committerWithFinishedWork()
        await committer.commitFinished(to: FakeCommitter(refusing: true))
        let consumer = FakeCommitter()
        await committer.commitFinished(to: consumer)
        #expect(consumer.committed.count == 1)
    }
}
