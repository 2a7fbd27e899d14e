import CRdKafka
import Synchronization

/// Publishes messages and reports, per message, where the broker stored it.
///
/// Delivery reports are served by a dedicated polling thread (see `Threading.swift`);
/// each `send` suspends until its report arrives, so the caller learns exactly
/// which messages are durable. `close()` waits for outstanding deliveries; a producer
/// released without it drops what is still queued (those deliveries fail) and still
/// releases its thread and handle.
public final class KafkaProducer: Sendable {
    private let core: ProducerCore

    public init(configuration: KafkaProducerConfiguration, listeners: KafkaClientListeners = .init()) throws(KafkaError) {
        let conf = try makeNativeConfiguration(configuration.properties)
        let callbacks = NativeCallbackTarget(listeners: listeners)
        callbacks.install(on: conf)
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let pending = Unmanaged<KafkaPendingDelivery>.fromOpaque(opaque).takeRetainedValue()
            pending.complete(with: message)
        }
        core = ProducerCore(handle: try makeClientHandle(type: RD_KAFKA_PRODUCER, conf: conf), callbacks: callbacks)
    }

    deinit { core.requestClose(timeout: .zero) }

    /// Sends one message and returns once the broker acknowledged it.
    /// Throws when librdkafka refuses it or gives up (after `messageTimeout`).
    public func send(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        try await enqueue(message).report()
    }

    /// Queues one message and returns without waiting for the broker; messages queued
    /// one after another keep that order within their partition. Waits only while
    /// librdkafka's queue is full. Await `report()` on the result for the outcome.
    public func enqueue(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaPendingDelivery {
        while true {
            let pending = KafkaPendingDelivery()
            let opaque = Unmanaged.passRetained(pending).toOpaque()
            guard let error = core.produce(message, opaque: opaque) else { return pending }
            Unmanaged<KafkaPendingDelivery>.fromOpaque(opaque).release()
            guard error.code == .queueFull else { throw error }
            // Wait for deliveries to make room.
            if Task.isCancelled { throw KafkaError(code: .queueFull, message: "send cancelled while the producer queue was full") }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Waits until every message sent so far has its delivery report.
    public func flush(timeout: Duration) async throws(KafkaError) {
        try await runBlocking { [core] () throws(KafkaError) in
            try core.gate.run(KafkaError.closed("producer")) { () throws(KafkaError) in
                try throwIfError(rd_kafka_flush(core.handle, Int32(clamping: timeout.milliseconds)), "flush")
            }
        }
    }

    /// Waits up to `timeout` for outstanding deliveries, fails the rest, and releases the
    /// client. Safe to call more than once. Returns within about `timeout`, brokers or no
    /// brokers: false when releasing the client took longer and was left to finish behind.
    @discardableResult
    public func close(timeout: Duration = .seconds(30)) async -> Bool {
        core.requestClose(timeout: timeout)
        // The flush stops at `timeout`; the slack covers purging and releasing the client.
        return await core.pollingStopped.wait(timeout: core.closeTimeout.withLock { $0 } + .seconds(1))
    }
}

/// The producer's native handle and its polling thread. The thread holds this object, not
/// the `KafkaProducer`, so releasing the producer without `close()` ends the thread too.
private final class ProducerCore: Sendable {
    private enum Lifecycle { case open, closing, closed }

    // librdkafka handles are thread-safe; the handle is destroyed only by the polling
    // thread after `lifecycle` left `.open`, and producing holds the lifecycle lock.
    nonisolated(unsafe) let handle: OpaquePointer
    private let callbacks: NativeCallbackTarget
    private let lifecycle = Mutex(Lifecycle.open)
    private let closeRequested = Atomic<Bool>(false)
    let closeTimeout = Mutex(Duration.seconds(30))
    let pollingStopped = OneShotEvent()
    /// Blocking calls on the handle (flush) under way; destroying waits for them.
    let gate = HandleGate()

    init(handle: OpaquePointer, callbacks: NativeCallbackTarget) {
        self.handle = handle
        self.callbacks = callbacks
        startDedicatedThread(name: "byline-kafka-producer") { [self] in
            while !closeRequested.load(ordering: .acquiring) {
                rd_kafka_poll(self.handle, 100)
            }
            shutDown()
        }
    }

    /// The first request sets the time given to outstanding deliveries.
    func requestClose(timeout: Duration) {
        let first = lifecycle.withLock { state -> Bool in
            guard state == .open else { return false }
            state = .closing
            return true
        }
        guard first else { return }
        closeTimeout.withLock { $0 = timeout }
        closeRequested.store(true, ordering: .releasing)
    }

    /// Hands the message to librdkafka; nil when it was queued.
    func produce(_ message: KafkaProducerMessage, opaque: UnsafeMutableRawPointer) -> KafkaError? {
        lifecycle.withLock { state -> KafkaError? in
            guard state == .open else { return .closed("producer") }
            let headers = makeNativeHeaders(message.headers)
            let partition = message.partition ?? byline_partition_unassigned()
            let result = message.value.withUnsafeBytes { value in
                withOptionalBytes(message.key) { key in
                    byline_produce(
                        handle, message.topic, partition,
                        key?.baseAddress, key?.count ?? 0,
                        value.baseAddress, value.count,
                        headers, 0, opaque)
                }
            }
            guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
                if let headers { rd_kafka_headers_destroy(headers) }
                return KafkaError(result, message: "could not send to \(message.topic): \(KafkaErrorCode(result).text)")
            }
            return nil
        }
    }

    /// On the polling thread: waits for deliveries up to the close timeout, fails the rest
    /// with a purge error instead of letting them vanish, and destroys the handle.
    private func shutDown() {
        let timeout = closeTimeout.withLock { $0 }
        rd_kafka_flush(handle, Int32(clamping: timeout.milliseconds))
        rd_kafka_purge(handle, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
        rd_kafka_poll(handle, 0)
        gate.closeAndWaitForCalls()
        rd_kafka_destroy(handle)
        lifecycle.withLock { $0 = .closed }
        pollingStopped.signal()
    }
}

/// A queued message's delivery report, once the broker (or librdkafka) decides.
/// Passed to librdkafka as the message opaque.
public final class KafkaPendingDelivery: Sendable {
    private typealias Outcome = Result<KafkaDeliveryReport, KafkaError>
    private struct State {
        var outcome: Outcome?
        var waiters: [UInt64: CheckedContinuation<Outcome?, Never>] = [:]
        var nextWaiterID: UInt64 = 0
    }
    private let state = Mutex(State())

    init() {}

    /// Waits for the delivery report; throws when delivery failed.
    public func report() async throws(KafkaError) -> KafkaDeliveryReport {
        while true {
            if let outcome = await waitForOutcome(cancellable: false) { return try outcome.get() }
        }
    }

    /// Waits for the delivery report, or returns nil as soon as the waiting task is
    /// cancelled (the message itself stays queued and may still be delivered).
    public func outcome() async -> Result<KafkaDeliveryReport, KafkaError>? {
        await waitForOutcome(cancellable: true)
    }

    private func waitForOutcome(cancellable: Bool) async -> Outcome? {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome?, Never>) in
                enum Action { case resume(Outcome?), wait }
                let action = state.withLock { state -> Action in
                    if let outcome = state.outcome { return .resume(outcome) }
                    if cancellable && Task.isCancelled { return .resume(nil) }
                    state.waiters[id] = continuation
                    return .wait
                }
                if case .resume(let outcome) = action { continuation.resume(returning: outcome) }
            }
        } onCancel: {
            guard cancellable else { return }
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: nil)
        }
    }

    fileprivate func complete(with message: UnsafePointer<rd_kafka_message_t>) {
        let native = message.pointee
        let topic = native.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let outcome: Result<KafkaDeliveryReport, KafkaError>
        if native.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            outcome = .success(KafkaDeliveryReport(topic: topic, partition: native.partition, offset: native.offset))
        } else {
            // Not rd_kafka_message_errstr: for a produced message that returns the payload,
            // which has no terminator, so reading it as a C string runs past the article.
            let code = KafkaErrorCode(native.err)
            outcome = .failure(KafkaError(code: code, message: "delivery to \(topic) failed: \(code.text)"))
        }
        let waiters = state.withLock { state in
            state.outcome = outcome
            defer { state.waiters = [:] }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
    }
}

/// Builds librdkafka headers; nil when there are none.
private func makeNativeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
    guard !headers.isEmpty else { return nil }
    let native = rd_kafka_headers_new(headers.count)!
    for header in headers {
        if let value = header.value {
            value.withUnsafeBytes { bytes in
                _ = rd_kafka_header_add(native, header.key, -1, bytes.baseAddress, bytes.count)
            }
        } else {
            rd_kafka_header_add(native, header.key, -1, nil, 0)
        }
    }
    return native
}

private func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}
