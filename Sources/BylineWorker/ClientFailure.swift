import BylineKafka
import Synchronization

/// The first fatal error of any of the worker's Kafka clients. librdkafka does not recover
/// from one, so the worker stops and fails: its orchestrator starts a fresh process.
final class ClientFailure: Sendable {
    private let failure = Mutex<KafkaError?>(nil)
    private let happened = OneShotEvent()

    /// Records the error; only the first one counts.
    func record(_ error: KafkaError) {
        let first = failure.withLock { failure in
            guard failure == nil else { return false }
            failure = error
            return true
        }
        if first { happened.signal() }
    }

    var error: KafkaError? { failure.withLock { $0 } }

    /// Waits for a fatal error; nil when the task is cancelled first.
    func wait() async -> KafkaError? {
        await happened.wait(timeout: nil) ? error : nil
    }
}
