import CRdKafka

/// What librdkafka reports about a client as a whole, outside any one call.
public struct KafkaClientListeners: Sendable {
    /// Errors from the client's background threads: brokers unreachable, authentication
    /// failed, a fatal error. librdkafka keeps retrying unless `isFatal` is set.
    public var onError: (@Sendable (KafkaError) -> Void)?
    /// librdkafka's statistics JSON, every `statisticsInterval`.
    public var onStatistics: (@Sendable (String) -> Void)?
    /// librdkafka's log lines (syslog levels: 0 emergency ... 7 debug), from its own
    /// threads. Without it librdkafka prints them to standard error.
    public var onLog: (@Sendable (KafkaLogLine) -> Void)?

    public init(
        onError: (@Sendable (KafkaError) -> Void)? = nil,
        onStatistics: (@Sendable (String) -> Void)? = nil,
        onLog: (@Sendable (KafkaLogLine) -> Void)? = nil
    ) {
        self.onError = onError
        self.onStatistics = onStatistics
        self.onLog = onLog
    }
}

/// One line of librdkafka's own log.
public struct KafkaLogLine: Sendable {
    /// Syslog severity: 3 error, 4 warning, 6 info, 7 debug.
    public var level: Int32
    /// librdkafka's subsystem tag, e.g. "FAIL", "REQTMOUT", "CGRPOP".
    public var facility: String
    public var message: String
}

/// The object behind a client's native opaque pointer: the C callbacks below find their
/// Swift listeners through it. It must outlive the client handle.
final class NativeCallbackTarget: Sendable {
    let listeners: KafkaClientListeners
    let rebalance: (@Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) -> Void)?

    init(
        listeners: KafkaClientListeners,
        rebalance: (@Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) -> Void)? = nil
    ) {
        self.listeners = listeners
        self.rebalance = rebalance
    }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> NativeCallbackTarget? {
        opaque.map { Unmanaged<NativeCallbackTarget>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Registers the callbacks on a native configuration before the handle is created.
    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        rd_kafka_conf_set_error_cb(conf) { handle, code, reason, opaque in
            guard let target = NativeCallbackTarget.from(opaque), let onError = target.listeners.onError else { return }
            onError(NativeCallbackTarget.describe(code: rd_kafka_resp_err_t(rawValue: code), reason: reason, handle: handle))
        }
        if listeners.onStatistics != nil {
            rd_kafka_conf_set_stats_cb(conf) { _, json, length, opaque in
                if let json, let target = NativeCallbackTarget.from(opaque) {
                    let text = String(decoding: UnsafeRawBufferPointer(start: json, count: length), as: UTF8.self)
                    target.listeners.onStatistics?(text)
                }
                return 0  // librdkafka frees the JSON
            }
        }
        if listeners.onLog != nil {
            rd_kafka_conf_set_log_cb(conf) { handle, level, facility, message in
                guard let handle, let target = NativeCallbackTarget.from(rd_kafka_opaque(handle)) else { return }
                target.listeners.onLog?(
                    KafkaLogLine(
                        level: level,
                        facility: facility.map { String(cString: $0) } ?? "",
                        message: message.map { String(cString: $0) } ?? ""
                    ))
            }
        }
        if rebalance != nil {
            rd_kafka_conf_set_rebalance_cb(conf) { handle, code, partitions, opaque in
                guard let handle, let target = NativeCallbackTarget.from(opaque) else { return }
                target.rebalance?(handle, code, partitions)
            }
        }
    }

    private static func describe(code: rd_kafka_resp_err_t, reason: UnsafePointer<CChar>?, handle: OpaquePointer?) -> KafkaError {
        let text = reason.map { String(cString: $0) } ?? KafkaErrorCode(code).text
        guard code == RD_KAFKA_RESP_ERR__FATAL, let handle else {
            return KafkaError(code, message: text)
        }
        // A fatal error's real cause is kept apart by librdkafka.
        var buffer = [CChar](repeating: 0, count: 512)
        let cause = rd_kafka_fatal_error(handle, &buffer, buffer.count)
        return KafkaError(code: KafkaErrorCode(cause), message: "fatal: \(decodeCString(buffer))", isFatal: true, isRetriable: false)
    }
}
