import CRdKafka

/// What the cluster says about itself.
public struct KafkaClusterMetadata: Sendable {
    public struct Broker: Sendable, Hashable {
        public var id: Int32
        public var host: String
        public var port: Int32
    }
    public struct Partition: Sendable, Hashable {
        public var id: Int32
        public var leader: Int32
        public var replicas: [Int32]
        public var inSyncReplicas: [Int32]
    }
    public struct Topic: Sendable {
        public var name: String
        public var partitions: [Partition]
        /// Set when the broker reported a problem with the topic (e.g. it does not exist).
        public var error: KafkaErrorCode?
    }

    public var brokers: [Broker]
    public var topics: [Topic]

    public func topic(named name: String) -> Topic? { topics.first { $0.name == name } }
}

public struct KafkaNewTopic: Sendable {
    public var name: String
    public var partitions: Int32
    public var replicationFactor: Int32
    public var settings: [String: String]

    public init(name: String, partitions: Int32, replicationFactor: Int32 = 1, settings: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.settings = settings
    }
}

/// Cluster administration: topic creation and metadata. Uses a client handle of its own,
/// polled on a thread of its own (so its listeners hear errors and logs) and destroyed
/// there, by `close()` or, when that was forgotten, once the admin is released; its
/// blocking requests run off the cooperative pool.
public final class KafkaAdmin: Sendable {
    private let poller: HandlePoller

    public init(configuration: KafkaConfiguration, listeners: KafkaClientListeners = .init()) throws(KafkaError) {
        // An admin client is a producer handle to librdkafka.
        let conf = try makeNativeConfiguration(configuration.baseProperties.merging(configuration.properties(for: .producer)) { _, passed in passed })
        let callbacks = NativeCallbackTarget(listeners: listeners)
        callbacks.install(on: conf)
        poller = HandlePoller(handle: try makeClientHandle(type: RD_KAFKA_PRODUCER, conf: conf), callbacks: callbacks)
    }

    /// Not on the releasing thread: destroying a handle blocks while it closes connections.
    deinit { poller.stop() }

    /// Stops polling and releases the handle; true when that took less than `timeout`.
    /// Safe to call more than once; requests after it are refused.
    @discardableResult
    public func close(timeout: Duration = .seconds(10)) async -> Bool {
        poller.stop()
        return await poller.stopped.wait(timeout: timeout)
    }

    /// Brokers and topics; throws when no broker answers within `timeout`.
    public func describeCluster(timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaClusterMetadata {
        // Capturing self keeps the handle alive until the call returns.
        try await runBlocking { [self] () throws(KafkaError) in
            try poller.whileOpen { handle throws(KafkaError) in try fetchMetadata(handle: handle, timeout: timeout) }
        }
    }

    /// Creates topics and waits for the controller's answer. A topic that exists already
    /// fails with `TOPIC_ALREADY_EXISTS` unless `ignoreExisting` is set.
    public func createTopics(_ topics: [KafkaNewTopic], ignoreExisting: Bool = false, timeout: Duration = .seconds(30)) async throws(KafkaError) {
        try await runBlocking { [self] () throws(KafkaError) in
            try poller.whileOpen { handle throws(KafkaError) in
                try createTopicsNow(handle: handle, topics: topics, ignoreExisting: ignoreExisting, timeout: timeout)
            }
        }
    }
}

/// Owns an admin handle: polls it on a dedicated thread until stopped, then destroys it
/// there, once no request is using it. The thread holds this object, not the admin, so a
/// forgotten `close()` still ends it when the admin is released.
private final class HandlePoller: Sendable {
    nonisolated(unsafe) let handle: OpaquePointer
    private let callbacks: NativeCallbackTarget
    private let gate = HandleGate()
    let stopped = OneShotEvent()

    init(handle: OpaquePointer, callbacks: NativeCallbackTarget) {
        self.handle = handle
        self.callbacks = callbacks
        startDedicatedThread(name: "byline-kafka-admin") { [self] in
            while !gate.isClosedAndIdle { rd_kafka_poll(self.handle, 100) }
            rd_kafka_destroy(self.handle)
            stopped.signal()
        }
    }

    func stop() { gate.close() }

    /// Runs `body` with the handle unless stopping; the handle outlives the call.
    func whileOpen<T>(_ body: (OpaquePointer) throws(KafkaError) -> T) throws(KafkaError) -> T {
        try gate.run(KafkaError.closed("admin client")) { () throws(KafkaError) in try body(handle) }
    }
}

private func createTopicsNow(handle: OpaquePointer, topics: [KafkaNewTopic], ignoreExisting: Bool, timeout: Duration) throws(KafkaError) {
    var errorText = [CChar](repeating: 0, count: 512)
    var requests: [OpaquePointer?] = []
    defer { for request in requests { rd_kafka_NewTopic_destroy(request) } }
    for topic in topics {
        guard let request = rd_kafka_NewTopic_new(topic.name, topic.partitions, topic.replicationFactor, &errorText, errorText.count) else {
            throw KafkaError.configuration("topic \(topic.name): \(decodeCString(errorText))")
        }
        requests.append(request)
        for (key, value) in topic.settings {
            try throwIfError(rd_kafka_NewTopic_set_config(request, key, value), "topic \(topic.name) setting \(key)")
        }
    }
    let queue = rd_kafka_queue_new(handle)!
    defer { rd_kafka_queue_destroy(queue) }
    let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
    defer { rd_kafka_AdminOptions_destroy(options) }
    _ = rd_kafka_AdminOptions_set_request_timeout(options, Int32(clamping: timeout.milliseconds), &errorText, errorText.count)
    requests.withUnsafeMutableBufferPointer { buffer in
        rd_kafka_CreateTopics(handle, buffer.baseAddress, buffer.count, options, queue)
    }
    // The request timeout bounds the broker's answer; allow a little more for the queue.
    guard let event = rd_kafka_queue_poll(queue, Int32(clamping: timeout.milliseconds + 1_000)) else {
        throw KafkaError(code: .timedOut, message: "create topics: no answer within \(timeout)")
    }
    defer { rd_kafka_event_destroy(event) }
    try throwIfError(rd_kafka_event_error(event), "create topics")
    guard let result = rd_kafka_event_CreateTopics_result(event) else {
        throw KafkaError(code: .state, message: "create topics: unexpected answer \(String(cString: rd_kafka_event_name(event)))")
    }
    var count = 0
    guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return }
    for index in 0..<count {
        let topicResult = results[index]
        let code = rd_kafka_topic_result_error(topicResult)
        if code == RD_KAFKA_RESP_ERR_NO_ERROR || (ignoreExisting && code == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) { continue }
        let name = String(cString: rd_kafka_topic_result_name(topicResult))
        let detail = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? KafkaErrorCode(code).text
        throw KafkaError(code, message: "create topic \(name): \(detail)")
    }
}

/// Reads the cluster's metadata through any client handle (blocking).
func fetchMetadata(handle: OpaquePointer, timeout: Duration) throws(KafkaError) -> KafkaClusterMetadata {
    var metadata: UnsafePointer<rd_kafka_metadata>?
    try throwIfError(rd_kafka_metadata(handle, 1, nil, &metadata, Int32(clamping: timeout.milliseconds)), "read cluster metadata")
    guard let metadata else { throw KafkaError(code: .state, message: "read cluster metadata: empty answer") }
    defer { rd_kafka_metadata_destroy(metadata) }
    let brokers = UnsafeBufferPointer(start: metadata.pointee.brokers, count: Int(metadata.pointee.broker_cnt)).map {
        KafkaClusterMetadata.Broker(id: $0.id, host: String(cString: $0.host), port: $0.port)
    }
    let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt)).map { topic in
        let partitions = UnsafeBufferPointer(start: topic.partitions, count: Int(topic.partition_cnt)).map { partition in
            KafkaClusterMetadata.Partition(
                id: partition.id,
                leader: partition.leader,
                replicas: Array(UnsafeBufferPointer(start: partition.replicas, count: Int(partition.replica_cnt))),
                inSyncReplicas: Array(UnsafeBufferPointer(start: partition.isrs, count: Int(partition.isr_cnt)))
            )
        }
        return KafkaClusterMetadata.Topic(
            name: String(cString: topic.topic),
            partitions: partitions.sorted { $0.id < $1.id },
            error: topic.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaErrorCode(topic.err)
        )
    }
    return KafkaClusterMetadata(brokers: brokers.sorted { $0.id < $1.id }, topics: topics)
}
