import BylineKafka
@testable import BylineWorker
import Testing

@Suite struct ClientStatisticsTests {
    // The shape of librdkafka's statistics, trimmed to the fields the worker reads.
    let json = """
        {"name": "byline#consumer-1", "brokers": {
           "127.0.0.1:9092/1": {"nodeid": 1, "state": "UP"},
           "127.0.0.1:9093/2": {"nodeid": 2, "state": "DOWN"},
           "GroupCoordinator": {"nodeid": -1, "state": "UP"}},
         "topics": {"articles.raw": {"partitions": {
           "0": {"partition": 0, "consumer_lag": 42},
           "1": {"partition": 1, "consumer_lag": -1},
           "2": {"partition": 2, "consumer_lag": 7},
           "-1": {"partition": -1, "consumer_lag": -1}}}}}
        """

    @Test func readsLagOfOwnedPartitionsAndConnectedBrokers() {
        let owned: Set = [KafkaTopicPartition(topic: "articles.raw", partition: 0), KafkaTopicPartition(topic: "articles.raw", partition: 1)]
        let statistics = ClientStatistics(json: json, owned: owned)
        #expect(statistics.lag == [KafkaTopicPartition(topic: "articles.raw", partition: 0): 42], "unknown lag and unowned partitions are left out")
        #expect(statistics.brokersUp == 1, "the coordinator's logical connection is not a broker")
    }

    @Test func toleratesMalformedStatistics() {
        let statistics = ClientStatistics(json: "{not json", owned: [])
        #expect(statistics.lag.isEmpty && statistics.brokersUp == 0)
    }
}
