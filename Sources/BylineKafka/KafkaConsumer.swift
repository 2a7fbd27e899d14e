import CRdKafka
import Synchronization

/// A change of this member's partitions, reported on the consumer's polling thread.
public enum KafkaRebalanceEvent: Sendable, Equatable {
    /// The partitions were added to this member; messages for them follow, each with an
    /// `assignmentEpoch` of at least `epoch`.
    case assigned([KafkaTopicPartition], epoch: UInt64)
    /// The partitions are being taken away. Until the listener returns this member still
    /// owns them, so it can commit finished work (`commitNow`). `lost` means the group
    /// already gave them to another member and a commit would be refused.
    case revoked([KafkaTopicPartition], lost: Bool)
}

/// A consumer group member that reads messages as an `AsyncSequence` and commits
/// explicit offsets only.
///
/// A dedicated thread polls librdkafka (see `Threading.swift`), serves rebalances and
/// fills a bounded inbox (`ConsumerInbox`); `messages` reads from that inbox. A reader
/// that falls behind holds the consumer back: nothing is buffered without bound.
/// Call `close()` to leave the group, committing through `onRebalance` on the way. A
/// consumer released without `close()` stops its thread and releases its client at once,
/// without leaving: the group notices it gone after its session timeout.
public final class KafkaConsumer: Sendable {
    private let core: ConsumerCore

    /// - Parameters:
    ///   - configuration: the group and librdkafka's settings.
    ///   - listeners: where errors, log lines and statistics go.
    ///   - onRebalance: called on the polling thread, before a revocation takes effect and
    ///     after an assignment did. Keep it short; it may call `commitNow`.
    public init(
        configuration: KafkaConsumerConfiguration,
        listeners: KafkaClientListeners = .init(),
        onRebalance: (@Sendable (KafkaRebalanceEvent, KafkaConsumer) -> Void)? = nil
    ) throws(KafkaError) {
        let conf = try makeNativeConfiguration(configuration.properties)
        // The rebalance callback needs the core and this consumer, which exist only after
        // the handle does; it holds the consumer weakly, so that releasing it ends the thread.
        let coreReference = LateReference<ConsumerCore>()
        let owner = WeakReference<KafkaConsumer>()
        let callbacks = NativeCallbackTarget(listeners: listeners) { handle, code, list in
            guard let core = coreReference.value else {
                // Not fully created yet: apply librdkafka's default behaviour.
                ConsumerCore.applyRebalance(handle: handle, code: code, list: list)
                return
            }
            core.handleRebalance(code: code, list: list) { event in
                if let consumer = owner.value { onRebalance?(event, consumer) }
            }
        }
        callbacks.install(on: conf)
        let handle = try makeClientHandle(type: RD_KAFKA_CONSUMER, conf: conf)
        rd_kafka_poll_set_consumer(handle)
        core = ConsumerCore(handle: handle, callbacks: callbacks, inbox: ConsumerInbox(capacity: configuration.bufferCapacity))
        coreReference.value = core
        owner.value = self
        core.start { coreReference.value = nil }
    }

    deinit { core.requestClose(timeout: .zero) }

    /// Joins the group for these topics; partitions arrive through rebalances.
    public func subscribe(topics: [String]) throws(KafkaError) {
        let list = rd_kafka_topic_partition_list_new(Int32(topics.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in topics { rd_kafka_topic_partition_list_add(list, topic, byline_partition_unassigned()) }
        try core.withLiveHandle { handle throws(KafkaError) in
            try throwIfError(rd_kafka_subscribe(handle, list), "subscribe to \(topics.joined(separator: ", "))")
        }
    }

    /// The messages of the assigned partitions, in order per partition. Ends after
    /// `close()`; throws when librdkafka reports a fatal error.
    public var messages: KafkaConsumerMessages { KafkaConsumerMessages(inbox: core.inbox) }

    /// The partitions this member owns now.
    public var assignment: [KafkaTopicPartition] { core.assigned.withLock { $0.sorted() } }

    /// Commits offsets (each the next offset to read) and waits for the broker, at most
    /// `timeout` and no longer than the calling task stays uncancelled. Past either it throws
    /// `timedOut` and the commit's fate is unknown: the group may read that work again, which
    /// at-least-once delivery allows, while waiting for a coordinator that never answers does not.
    public func commit(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration = .seconds(10)) async throws(KafkaError) {
        let abandoned = AbandonSignal()
        let result = await withTaskCancellationHandler {
            do throws(KafkaError) {
                try await runBlocking { [self] () throws(KafkaError) in try commitNow(offsets, timeout: timeout, abandoned: abandoned) }
                return Result<Void, KafkaError>.success(())
            } catch {
                return .failure(error)
            }
        } onCancel: {
            abandoned.set()
        }
        try result.get()
    }

    /// Commits on the calling thread, waiting at most `timeout`. For `onRebalance`, which
    /// runs on the polling thread; elsewhere prefer `commit`, which does not block a task's thread.
    public func commitNow(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration = .seconds(10)) throws(KafkaError) {
        try commitNow(offsets, timeout: timeout, abandoned: nil)
    }

    private func commitNow(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration, abandoned: AbandonSignal?) throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let list = TopicPartitionList.make(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try core.withLiveHandle { handle throws(KafkaError) in
            // rd_kafka_commit waits for ever for a coordinator; its asynchronous form posts the
            // result on a queue of ours, which we stop reading at the deadline.
            let results = rd_kafka_queue_new(handle)!
            defer { rd_kafka_queue_destroy(results) }
            try throwIfError(rd_kafka_commit_queue(handle, list, results, nil, nil), "commit")
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline, !(abandoned?.isSet ?? false) {
                guard let event = rd_kafka_queue_poll(results, Int32(clamping: min(100, (deadline - .now).milliseconds))) else { continue }
                defer { rd_kafka_event_destroy(event) }
                guard rd_kafka_event_type(event) == RD_KAFKA_EVENT_OFFSET_COMMIT else { continue }
                try throwIfError(rd_kafka_event_error(event), "commit")
                if let error = TopicPartitionList.firstError(in: rd_kafka_event_topic_partition_list(event), context: "commit") { throw error }
                return
            }
            throw KafkaError(code: .timedOut, message: "commit: no answer within \(timeout); the offsets may not be committed")
        }
    }

    /// The group's committed offsets for these partitions (nil where none).
    public func committedOffsets(for partitions: [KafkaTopicPartition], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [KafkaTopicPartition: Int64] {
        return try await runBlocking { [self] () throws(KafkaError) in
            let list = TopicPartitionList.make(partitions)
            defer { rd_kafka_topic_partition_list_destroy(list) }
            try core.withLiveHandle { handle throws(KafkaError) in
                try throwIfError(rd_kafka_committed(handle, list, Int32(clamping: timeout.milliseconds)), "fetch committed offsets")
            }
            var result: [KafkaTopicPartition: Int64] = [:]
            for entry in TopicPartitionList.offsets(of: list) where entry.offset >= 0 {
                result[entry.topicPartition] = entry.offset
            }
            return result
        }
    }

    /// Stops fetching these partitions until `resume`. Messages already in the inbox
    /// still arrive; librdkafka drops its prefetched ones and fetches them again on resume.
    public func pause(_ partitionsToPause: [KafkaTopicPartition]) throws(KafkaError) {
        try setPaused(true, partitionsToPause)
    }

    public func resume(_ partitionsToResume: [KafkaTopicPartition]) throws(KafkaError) {
        try setPaused(false, partitionsToResume)
    }

    /// Ends `messages` at once, before `close()`: readers get nil, and messages fetched
    /// but not yet read are dropped uncommitted (the group delivers them again). The member
    /// stays in the group, serving rebalances, until `close()`. For a graceful stop that
    /// finishes in-flight work before leaving.
    public func stopDelivering() {
        core.inbox.finish(discardingQueued: true)
    }

    /// Messages fetched and waiting to be read from `messages` (at most `bufferCapacity`).
    public var bufferedMessageCount: Int { core.inbox.count }

    /// Leaves the group: revokes the assignment (calling `onRebalance`, so finished work
    /// can be committed), ends `messages`, and releases the client. Safe to call again.
    /// Returns within about `timeout`, brokers or no brokers: false when leaving took longer
    /// and was abandoned (the group then notices the member gone after its session timeout).
    @discardableResult
    public func close(timeout: Duration = .seconds(30)) async -> Bool {
        core.requestClose(timeout: timeout)
        // The polling thread stops leaving at the deadline; the slack covers releasing the client.
        return await core.pollingStopped.wait(timeout: timeout + .seconds(1))
    }

    private func setPaused(_ pause: Bool, _ selection: [KafkaTopicPartition]) throws(KafkaError) {
        guard !selection.isEmpty else { return }
        let list = TopicPartitionList.make(selection)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try core.withLiveHandle { handle throws(KafkaError) in
            let result = pause ? rd_kafka_pause_partitions(handle, list) : rd_kafka_resume_partitions(handle, list)
            try throwIfError(result, pause ? "pause" : "resume")
        }
    }
}

/// The consumer's native handle, inbox and polling thread. The thread holds this object,
/// not the `KafkaConsumer`, so releasing the consumer without `close()` ends the thread too.
private final class ConsumerCore: Sendable {
    nonisolated(unsafe) let handle: OpaquePointer
    private let callbacks: NativeCallbackTarget
    let inbox: ConsumerInbox
    /// The partitions this member owns, as the rebalances reported them.
    let assigned = Mutex<Set<KafkaTopicPartition>>([])
    /// Rebalances served so far; stamped on each fetched message. Only the polling
    /// thread changes it, between polls, so a message's stamp is exact.
    private let assignmentEpoch = Atomic<UInt64>(0)
    private let closeRequested = Atomic<Bool>(false)
    /// Held while the handle is used from outside the polling thread, so it cannot be
    /// destroyed under a call.
    private let gate = HandleGate()
    let pollingStopped = OneShotEvent()
    private let closeTimeout = Mutex(Duration.seconds(30))

    init(handle: OpaquePointer, callbacks: NativeCallbackTarget, inbox: ConsumerInbox) {
        self.handle = handle
        self.callbacks = callbacks
        self.inbox = inbox
    }

    /// Starts the polling thread; `released` runs on it once the handle is gone.
    func start(released: @escaping @Sendable () -> Void) {
        startDedicatedThread(name: "byline-kafka-consumer") { [self] in
            pollUntilClosed()
            leaveGroup(within: closeTimeout.withLock { $0 })
            inbox.finish()
            gate.closeAndWaitForCalls()
            // Left above, or given up on: destroying must not try again without a deadline.
            rd_kafka_destroy_flags(handle, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE)
            released()
            pollingStopped.signal()
        }
    }

    /// The first request sets the time given to leaving the group.
    func requestClose(timeout: Duration) {
        guard !closeRequested.load(ordering: .acquiring) else { return }
        closeTimeout.withLock { $0 = timeout }
        closeRequested.store(true, ordering: .releasing)
    }

    func withLiveHandle<T>(_ body: (OpaquePointer) throws(KafkaError) -> T) throws(KafkaError) -> T {
        try gate.run(KafkaError.closed("consumer")) { () throws(KafkaError) in try body(handle) }
    }

    // MARK: - Polling thread

    private static let batchLimit = 256

    private func pollUntilClosed() {
        var batch: [KafkaMessage] = []
        batch.reserveCapacity(Self.batchLimit)
        while !closeRequested.load(ordering: .acquiring) {
            let room = min(Self.batchLimit, inbox.waitForRoom(timeout: .milliseconds(100)))
            guard room > 0 else { continue }
            var timeout: Int32 = 100
            while batch.count < room, let native = rd_kafka_consumer_poll(handle, timeout) {
                timeout = 0
                defer { rd_kafka_message_destroy(native) }
                if native.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                    batch.append(KafkaMessage(copying: native, assignmentEpoch: assignmentEpoch.load(ordering: .relaxed)))
                } else if reportConsumeError(native) {
                    inbox.push(batch)
                    return
                }
            }
            if !batch.isEmpty {
                inbox.push(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Leaves the group, serving the final revocation on this thread, until done or the
    /// deadline: rd_kafka_consumer_close has no deadline of its own and, with the brokers
    /// gone, can wait for ever.
    private func leaveGroup(within timeout: Duration) {
        let queue = rd_kafka_queue_get_consumer(handle)!
        defer { rd_kafka_queue_destroy(queue) }
        if let error = rd_kafka_consumer_close_queue(handle, queue) {
            callbacks.listeners.onError?(KafkaError(consuming: error))
            return
        }
        let deadline = ContinuousClock.now + timeout
        while rd_kafka_consumer_closed(handle) == 0, ContinuousClock.now < deadline {
            // Messages still arriving are dropped uncommitted: the group delivers them again.
            if let message = rd_kafka_consumer_poll(handle, 100) { rd_kafka_message_destroy(message) }
        }
    }

    /// Passes a per-message error to the listener; true when it is fatal.
    private func reportConsumeError(_ native: UnsafeMutablePointer<rd_kafka_message_t>) -> Bool {
        let code = KafkaErrorCode(native.pointee.err)
        if code == KafkaErrorCode(RD_KAFKA_RESP_ERR__PARTITION_EOF) { return false }
        var message = Self.consumeErrorText(native.pointee)
        if let topic = native.pointee.rkt { message = "\(String(cString: rd_kafka_topic_name(topic))): \(message)" }
        var error = KafkaError(code: code, message: message)
        if code == .fatal {
            var buffer = [CChar](repeating: 0, count: 512)
            let cause = rd_kafka_fatal_error(handle, &buffer, buffer.count)
            error = KafkaError(code: KafkaErrorCode(cause), message: "fatal: \(decodeCString(buffer))", isFatal: true, isRetriable: false)
            inbox.finish(failure: error)
        }
        callbacks.listeners.onError?(error)
        return error.isFatal
    }

    /// A consumed error carries its text in the payload (rdkafka.h: "err!=0: Error string"),
    /// `len` bytes long: read exactly those rather than trust a terminator.
    private static func consumeErrorText(_ native: rd_kafka_message_t) -> String {
        guard let payload = native.payload, native.len > 0 else { return KafkaErrorCode(native.err).text }
        return String(decoding: UnsafeRawBufferPointer(start: payload, count: native.len), as: UTF8.self)
    }

    /// On the polling thread: applies the change and tells `report` (the consumer's
    /// listener, while the consumer exists).
    func handleRebalance(
        code: rd_kafka_resp_err_t,
        list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        report: (KafkaRebalanceEvent) -> Void
    ) {
        let changed = TopicPartitionList.partitions(of: list)
        let epoch = assignmentEpoch.add(1, ordering: .relaxed).newValue
        if code == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
            Self.applyRebalance(handle: handle, code: code, list: list)
            assigned.withLock { $0.formUnion(changed) }
            report(.assigned(changed, epoch: epoch))
        } else {
            report(.revoked(changed, lost: rd_kafka_assignment_lost(handle) != 0))
            let revoked = Set(changed)
            inbox.discard(partitions: revoked)
            assigned.withLock { $0.subtract(revoked) }
            Self.applyRebalance(handle: handle, code: code, list: list)
        }
    }

    /// Applies an assignment change with the call the group's protocol requires.
    static func applyRebalance(
        handle: OpaquePointer,
        code: rd_kafka_resp_err_t,
        list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
        let assigning = code == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS
        if cooperative {
            let error = assigning ? rd_kafka_incremental_assign(handle, list) : rd_kafka_incremental_unassign(handle, list)
            if let error { rd_kafka_error_destroy(error) }
        } else {
            rd_kafka_assign(handle, assigning ? list : nil)
        }
    }

}

/// The consumer's messages; see `KafkaConsumer.messages`.
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    public typealias Element = KafkaMessage
    fileprivate let inbox: ConsumerInbox

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let inbox: ConsumerInbox
        public mutating func next() async throws -> KafkaMessage? { try await inbox.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inbox: inbox) }
}

/// Tells a blocking wait on another thread to give up.
private final class AbandonSignal: Sendable {
    private let flag = Atomic(false)
    func set() { flag.store(true, ordering: .releasing) }
    var isSet: Bool { flag.load(ordering: .acquiring) }
}
