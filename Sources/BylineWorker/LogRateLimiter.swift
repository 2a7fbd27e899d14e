import Synchronization

/// Lets one log line of each kind through per `interval` and counts the ones held back,
/// so a failed client or an outage with a thousand articles in flight writes a line a
/// second, not thousands.
final class LogRateLimiter: Sendable {
    private struct Kind {
        var lastLogged: ContinuousClock.Instant
        var suppressed = 0
    }
    private let interval: Duration
    private let kinds = Mutex<[String: Kind]>([:])

    init(interval: Duration = .seconds(1)) { self.interval = interval }

    /// nil when a line of this kind must be dropped; else how many were dropped since the
    /// last one let through (log it with the line).
    func admit(_ kind: String, now: ContinuousClock.Instant = .now) -> Int? {
        kinds.withLock { kinds in
            guard var state = kinds[kind] else {
                kinds[kind] = Kind(lastLogged: now)
                return 0
            }
            guard now - state.lastLogged >= interval else {
                state.suppressed += 1
                kinds[kind] = state
                return nil
            }
            let suppressed = state.suppressed
            kinds[kind] = Kind(lastLogged: now)
            return suppressed
        }
    }
}
