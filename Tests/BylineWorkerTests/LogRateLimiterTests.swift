@testable import BylineWorker
import Testing

@Suite struct LogRateLimiterTests {
    @Test func letsOneLineOfEachKindThroughPerIntervalAndCountsTheRest() {
        let limiter = LogRateLimiter(interval: .seconds(1))
        let start = ContinuousClock.now
        #expect(limiter.admit("publish", now: start) == 0)
        for step in 1...99 { #expect(limiter.admit("publish", now: start + .milliseconds(step * 5)) == nil) }
        #expect(limiter.admit("client error", now: start + .milliseconds(500)) == 0, "each kind has its own allowance")
        #expect(limiter.admit("publish", now: start + .seconds(1)) == 99, "the next line says how many were held back")
        #expect(limiter.admit("publish", now: start + .milliseconds(1_100)) == nil)
        #expect(limiter.admit("publish", now: start + .seconds(3)) == 1)
    }
}
