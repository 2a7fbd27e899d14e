import CRdKafka

/// A librdkafka error code (`rd_kafka_resp_err_t`): negative values are raised by the
/// client itself, positive ones come from a broker.
public struct KafkaErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    init(_ native: rd_kafka_resp_err_t) { self.rawValue = native.rawValue }

    package var native: rd_kafka_resp_err_t { rd_kafka_resp_err_t(rawValue: rawValue) }

    /// librdkafka's symbolic name, e.g. `_MSG_TIMED_OUT` or `UNKNOWN_TOPIC_OR_PART`.
    public var name: String { String(cString: rd_kafka_err2name(native)) }
    /// librdkafka's human-readable text for the code.
    public var text: String { String(cString: rd_kafka_err2str(native)) }
    public var description: String { name }

    public static let noError = KafkaErrorCode(RD_KAFKA_RESP_ERR_NO_ERROR)
    public static let messageTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
    public static let transport = KafkaErrorCode(RD_KAFKA_RESP_ERR__TRANSPORT)
    public static let allBrokersDown = KafkaErrorCode(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
    public static let timedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__TIMED_OUT)
    public static let queueFull = KafkaErrorCode(RD_KAFKA_RESP_ERR__QUEUE_FULL)
    public static let invalidArgument = KafkaErrorCode(RD_KAFKA_RESP_ERR__INVALID_ARG)
    public static let purgedFromQueue = KafkaErrorCode(RD_KAFKA_RESP_ERR__PURGE_QUEUE)
    public static let purgedInFlight = KafkaErrorCode(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT)
    public static let fatal = KafkaErrorCode(RD_KAFKA_RESP_ERR__FATAL)
    public static let state = KafkaErrorCode(RD_KAFKA_RESP_ERR__STATE)
    public static let unknownTopic = KafkaErrorCode(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
    public static let unknownTopicOrPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
    public static let leaderNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
    public static let notLeaderForPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
    public static let requestTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
    public static let notCoordinator = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_COORDINATOR)
    public static let coordinatorNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE)
    public static let rebalanceInProgress = KafkaErrorCode(RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
    public static let noOffset = KafkaErrorCode(RD_KAFKA_RESP_ERR__NO_OFFSET)
    public static let notEnoughReplicas = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
    public static let messageSizeTooLarge = KafkaErrorCode(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
    public static let recordListTooLarge = KafkaErrorCode(RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE)
    public static let invalidRecord = KafkaErrorCode(RD_KAFKA_RESP_ERR_INVALID_RECORD)

    /// Codes that refuse the message itself: sending it again can never succeed.
    public var rejectsMessage: Bool {
        [Self.messageSizeTooLarge, .recordListTooLarge, .invalidRecord].contains(self)
    }

    /// Codes after which the same request may succeed later: the broker or the network was
    /// briefly unavailable. librdkafka retries most of these internally already.
    static let retriableCodes: Set<KafkaErrorCode> = [
        .messageTimedOut, .transport, .allBrokersDown, .timedOut, .queueFull,
        .purgedFromQueue, .purgedInFlight,
        .leaderNotAvailable, .notLeaderForPartition, .requestTimedOut, .notCoordinator,
        .coordinatorNotAvailable, .rebalanceInProgress,
        KafkaErrorCode(RD_KAFKA_RESP_ERR__RESOLVE),
        KafkaErrorCode(RD_KAFKA_RESP_ERR__WAIT_COORD),
        KafkaErrorCode(RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION),
        KafkaErrorCode(RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS),
        .notEnoughReplicas,
        KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND),
        KafkaErrorCode(RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR),
    ]
}

/// Every failure of the Kafka layer: librdkafka's code, its name and message, and whether
/// the client is unusable (`isFatal`) or the operation may be retried (`isRetriable`).
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    public let code: KafkaErrorCode
    public let message: String
    public let isFatal: Bool
    public let isRetriable: Bool

    public var name: String { code.name }

    public init(code: KafkaErrorCode, message: String? = nil, isFatal: Bool? = nil, isRetriable: Bool? = nil) {
        self.code = code
        self.message = message ?? code.text
        self.isFatal = isFatal ?? (code == .fatal)
        self.isRetriable = isRetriable ?? KafkaErrorCode.retriableCodes.contains(code)
    }

    init(_ native: rd_kafka_resp_err_t, message: String? = nil) {
        self.init(code: KafkaErrorCode(native), message: message)
    }

    /// Takes ownership of an `rd_kafka_error_t` and destroys it.
    init(consuming error: OpaquePointer) {
        defer { rd_kafka_error_destroy(error) }
        self.init(
            code: KafkaErrorCode(rd_kafka_error_code(error)),
            message: String(cString: rd_kafka_error_string(error)),
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0
                || KafkaErrorCode.retriableCodes.contains(KafkaErrorCode(rd_kafka_error_code(error)))
        )
    }

    /// A setting librdkafka refused, with librdkafka's own explanation.
    package static func configuration(_ message: String) -> KafkaError {
        KafkaError(code: .invalidArgument, message: message, isFatal: false, isRetriable: false)
    }

    static func closed(_ what: String) -> KafkaError {
        KafkaError(code: .state, message: "\(what) is closed", isFatal: false, isRetriable: false)
    }

    public var description: String { "Kafka error \(name) (\(code.rawValue)): \(message)" }
}

/// Throws when librdkafka returned anything but `NO_ERROR`.
package func throwIfError(_ native: rd_kafka_resp_err_t, _ context: @autoclosure () -> String) throws(KafkaError) {
    guard native != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
    let code = KafkaErrorCode(native)
    throw KafkaError(code: code, message: "\(context()): \(code.text)")
}
