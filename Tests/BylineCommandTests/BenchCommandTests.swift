import Foundation
import Testing

@Suite("byline bench kafka: figures that count what was really sent and read")
struct BenchCommandTests {
    @Test("a load the dev cluster would partly drop is refused, not measured")
    func refusesALoadPastThePartitionCap() throws {
        let result = try runByline(["bench", "kafka", "--messages", "30000", "--partitions", "2"], killAfter: .seconds(30))
        #expect(result.status != nil && result.status != 0, "it waited for messages the cluster had dropped")
        #expect(result.stderr.contains("--partitions 7 or more"), "\(result.stderr)")
    }

    @Test("kcat's messages are keyed like Byline's, so none are dropped and its consume rate counts what it read")
    func kcatReadsEveryMessageItSent() throws {
        // Unkeyed, librdkafka's sticky partitioner packed kcat's messages into few
        // partitions, past the 5 MiB cap, and its consume rate counted messages it never read.
        let result = try runByline(["bench", "kafka", "--messages", "12000", "--partitions", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ratio byline/kcat"), "\(result.stdout)")
        #expect(!result.stdout.contains("kcat read"), "\(result.stdout)")
    }
}
