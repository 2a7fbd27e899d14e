import BylineKafka
@testable import BylineWorker
import BylineTestSupport
import Synchronization
import Testing

@Suite struct InFlightWindowTests {
    func window(maxArticles: Int = 4, maxBytes: Int = 1_000, drainTimeout: Duration = .seconds(5)) -> InFlightWindow {
        InFlightWindow(maxArticles: maxArticles, maxBytes: maxBytes, drainTimeout: drainTimeout, logger: quietLogger)
    }

    /// Counts jobs running at once, and the most seen.
    final class Concurrency: Sendable {
        private let state = Mutex((now: 0, most: 0, done: 0))
        func enter() {
            state.withLock {
                $0.now += 1; $0.most = max($0.most, $0.now)
            }
        }
        func leave() {
            state.withLock {
                $0.now -= 1; $0.done += 1
            }
        }
        var most: Int { state.withLock { $0.most } }
        var done: Int { state.withLock { $0.done } }
    }

    @Test func holdsNoMoreArticlesThanItsBoundAndRunsThemAll() async {
        let concurrency = Concurrency()
        let ending = await window(maxArticles: 4).run((0..<40).asStream, stopping: OneShotEvent()) { _ in
            InFlightWindow.Job(size: 1) {
                concurrency.enter()
                try? await Task.sleep(for: .milliseconds(5))
                concurrency.leave()
            }
        }
        guard case .finished = ending else { Issue.record("\(ending)"); return }
        #expect(concurrency.most <= 4 && concurrency.most >= 2)
        #expect(concurrency.done == 40)
    }

    @Test func holdsNoMoreBytesThanItsBoundButAlwaysOneArticle() async {
        let concurrency = Concurrency()
        _ = await window(maxArticles: 100, maxBytes: 250).run([100, 100, 100, 100, 5_000, 100].asStream, stopping: OneShotEvent()) { size in
            InFlightWindow.Job(size: size) {
                concurrency.enter()
                try? await Task.sleep(for: .milliseconds(5))
                concurrency.leave()
            }
        }
        #expect(concurrency.most == 2, "two of 100 bytes fit in 250")
        #expect(concurrency.done == 6, "the article over the bound ran alone")
    }

    @Test func skipsWhatItIsNotToAdmit() async {
        let concurrency = Concurrency()
        _ = await window().run((0..<10).asStream, stopping: OneShotEvent()) { number in
            number.isMultiple(of: 2)
                ? InFlightWindow.Job(size: 1) {
                    concurrency.enter(); concurrency.leave()
                } : nil
        }
        #expect(concurrency.done == 5)
    }

    @Test func theDrainCancelsWhatIsUnfinishedAtItsTimeout() async {
        let finished = Atomic(0)
        let (ending, took) = await measure {
            await window(drainTimeout: .milliseconds(200)).run([10, 300_000].asStream, stopping: OneShotEvent()) { milliseconds in
                InFlightWindow.Job(size: 1) {
                    try? await Task.sleep(for: .milliseconds(milliseconds))
                    if !Task.isCancelled { finished.add(1, ordering: .relaxed) }
                }
            }
        }
        guard case .finished = ending else { Issue.record("\(ending)"); return }
        let finishedCount = finished.load(ordering: .relaxed)
        #expect(finishedCount == 1, "the short job finished; the long one was cancelled")
        // Far below the long job's 300 s; the slack is for two cores busy with other suites.
        #expect(took < .seconds(60), "took \(took)")
    }

    @Test func aStopWhileTheWindowIsFullDrainsFromTheStopNotFromTheEndOfTheMessages() async {
        // Work that never finishes by itself (a publish waiting for absent brokers) fills the
        // window, so the reading loop waits for room and would never see the messages end.
        let (messages, feed) = AsyncStream.makeStream(of: Int.self)
        for number in 0..<10 { feed.yield(number) }
        let stopping = OneShotEvent()
        let finished = Atomic(0)
        let window = window(maxArticles: 2, drainTimeout: .milliseconds(300))
        let running = Task {
            await window.run(messages, stopping: stopping) { _ in
                InFlightWindow.Job(size: 1) {
                    try? await Task.sleep(for: .seconds(300))
                    if !Task.isCancelled { finished.add(1, ordering: .relaxed) }
                }
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        let stopped = ContinuousClock.now
        stopping.signal()
        feed.finish()
        let ending = await running.value
        let took = ContinuousClock.now - stopped
        guard case .finished = ending else { Issue.record("\(ending)"); return }
        // Far below the jobs' 300 s; the slack is for two cores busy with other suites.
        #expect(took < .seconds(60), "took \(took) after the stop; the drain timeout is 300 ms")
        let finishedCount = finished.load(ordering: .relaxed)
        #expect(finishedCount == 0, "the work in flight was cancelled, not finished")
    }

    @Test func failingMessagesCancelTheWorkInFlight() async {
        struct Broken: Error {}
        let messages = AsyncThrowingStream<Int, any Error> { continuation in
            continuation.yield(1)
            Task {
                try? await Task.sleep(for: .milliseconds(50))
                continuation.finish(throwing: Broken())
            }
        }
        let (ending, took) = await measure {
            await window().run(messages, stopping: OneShotEvent()) { _ in InFlightWindow.Job(size: 1) { try? await Task.sleep(for: .seconds(300)) } }
        }
        guard case .failed(let error) = ending else { Issue.record("\(ending)"); return }
        #expect(error is Broken)
        #expect(took < .seconds(60), "took \(took)")
    }

    @Test("the drain's log counts the articles still running, not the finished ones not yet collected")
    func theDrainLogCountsOnlyTheRunningArticles() async {
        let logs = CapturedLogs()
        let window = InFlightWindow(maxArticles: 100, maxBytes: 1_000_000, drainTimeout: .seconds(30), logger: logs.logger(label: "byline.test.window"))
        let release = OneShotEvent()
        let finished = Atomic(0)
        let (messages, feed) = AsyncStream.makeStream(of: Int.self)
        for number in 0..<23 { feed.yield(number) }
        let running = Task {
            await window.run(messages, stopping: OneShotEvent()) { number in
                InFlightWindow.Job(size: 1) {
                    if number < 3 { await release.wait() } else { finished.add(1, ordering: .relaxed) }
                }
            }
        }
        // 20 jobs done, 3 waiting: with room to spare the window collects no finished job,
        // so before the fix the drain's log said 23.
        #expect(await eventually(timeout: .seconds(30)) { finished.load(ordering: .relaxed) == 20 })
        feed.finish()
        #expect(await eventually(timeout: .seconds(30)) { !logs.metadata(of: "draining in-flight articles").isEmpty })
        release.signal()
        guard case .finished = await running.value else { Issue.record("the window did not finish"); return }
        let drainLines = logs.metadata(of: "draining in-flight articles")
        #expect(drainLines.count == 1)
        #expect(drainLines.first?["in_flight"] == "3", "\(drainLines)")
    }
}

extension Sequence where Self: Sendable, Element: Sendable {
    /// The elements as an asynchronous sequence.
    var asStream: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }

}
