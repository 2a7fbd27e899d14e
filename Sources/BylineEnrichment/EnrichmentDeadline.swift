/// When an article's enrichment must give up: its task is cancelled, or a point on the
/// clock has passed. The loops that grow with the text ask between steps (a sentence, a
/// run of mentions, a quote) and stop early; the enricher then throws `timedOut` rather
/// than return part of an article. Reading the clock, not only waiting for cancellation,
/// matters: a timer task may wait for a thread while enrichment holds every one.
public struct EnrichmentDeadline: Sendable {
    public let instant: ContinuousClock.Instant?

    public init(_ instant: ContinuousClock.Instant?) { self.instant = instant }

    /// No time limit; cancellation still stops the work.
    public static let none = EnrichmentDeadline(nil)

    public static func after(_ duration: Duration) -> EnrichmentDeadline { EnrichmentDeadline(.now + duration) }

    var hasPassed: Bool {
        if Task.isCancelled { return true }
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }
}
