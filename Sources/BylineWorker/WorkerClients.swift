import BylineKafka
import Logging

/// The worker's Kafka clients: their settings, and what their listeners do.
extension EnrichmentWorker {
    /// Creates the producer and the consumer and subscribes; on failure, closes what it
    /// created and marks the worker failed.
    func startClients() async throws -> (KafkaProducer, KafkaConsumer) {
        let producer: KafkaProducer
        let consumer: KafkaConsumer
        do {
            producer = try KafkaProducer(configuration: producerConfiguration, listeners: listeners(client: "producer"))
        } catch {
            health.enter(.failed)
            throw error
        }
        do {
            consumer = try KafkaConsumer(configuration: consumerConfiguration, listeners: listeners(client: "consumer")) { [self] event, consumer in
                rebalanced(event, consumer: consumer)
            }
        } catch {
            health.enter(.failed)
            await producer.close(timeout: .zero)
            throw error
        }
        do {
            try consumer.subscribe(topics: [configuration.inputTopic])
        } catch {
            health.enter(.failed)
            await consumer.close(timeout: configuration.closeTimeout)
            await producer.close(timeout: .zero)
            throw error
        }
        return (producer, consumer)
    }

    /// Commits what finished and releases the clients, each step with a deadline: work left
    /// uncommitted by a step that gave up is read again by the group.
    func stopClients(consumer: KafkaConsumer, producer: KafkaProducer) async {
        await offsets.commitFinished(to: consumer)
        // Leaving the group revokes the partitions, which commits anything finished since.
        if await !consumer.close(timeout: configuration.closeTimeout) {
            logger.warning("leaving the group took too long; abandoned: the group moves the partitions after its session timeout", metadata: [
                "close_timeout": "\(configuration.closeTimeout)",
            ])
        }
        if await !producer.close(timeout: WorkerConfiguration.producerCloseTimeout) {
            logger.warning("releasing the producer took too long; abandoned")
        }
    }

    private var producerConfiguration: KafkaProducerConfiguration {
        var kafka = configuration.kafka
        kafka.statisticsInterval = nil
        return KafkaProducerConfiguration(kafka: kafka)
    }

    private var consumerConfiguration: KafkaConsumerConfiguration {
        var consumer = KafkaConsumerConfiguration(kafka: configuration.kafka, groupID: configuration.groupID)
        consumer.bufferCapacity = max(256, configuration.maxInFlight * 4)
        consumer.sessionTimeout = configuration.sessionTimeout
        return consumer
    }

    private func listeners(client: String) -> KafkaClientListeners {
        let logger = logger
        let health = health
        var listeners = KafkaClientListeners(
            onError: { error in
                if error.isFatal {
                    logger.critical("Kafka client failed", metadata: ["client": "\(client)", "error": "\(error)"])
                } else {
                    logger.warning("Kafka client error", metadata: ["client": "\(client)", "error": "\(error)"])
                }
                if error.code == .allBrokersDown { health.brokersUnreachable(error.message) }
            },
            onLog: { line in
                logger.log(level: Self.logLevel(syslog: line.level), "\(line.message)", metadata: [
                    "client": "\(client)", "facility": "\(line.facility)", "source": "librdkafka",
                ])
            }
        )
        if client == "consumer" {
            listeners.onStatistics = { [self] json in
                let statistics = ClientStatistics(json: json, owned: Set(offsets.ownedPartitions))
                metrics.recordLag(statistics.lag)
                // An idle worker publishes nothing, so reconnection is what clears an outage.
                if statistics.brokersUp > 0 { health.brokersReachable() }
            }
        }
        return listeners
    }

    private static func logLevel(syslog level: Int32) -> Logger.Level {
        switch level {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    }
}
