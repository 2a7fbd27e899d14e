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
            logger.warning(
                "leaving the group took too long; abandoned: the group moves the partitions after its session timeout",
                metadata: [
                    "close_timeout": "\(configuration.closeTimeout)"
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
        var listeners = KafkaClientListeners(
            onError: { [self] error in clientError(error, client: client) },
            onLog: { [self] line in
                // Warnings and worse repeat as fast as librdkafka retries: one a second per kind.
                let kind = "\(client) \(line.facility) \(line.level)"
                guard line.level > 4 || warnings.admit(kind) != nil else { return }
                logger.log(
                    level: Self.logLevel(syslog: line.level), "\(line.message)",
                    metadata: [
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

    /// A fatal error fails the worker at once (`/healthz` answers 503) and stops it; the
    /// others are logged, one a second per kind, while librdkafka retries.
    private func clientError(_ error: KafkaError, client: String) {
        if error.isFatal {
            health.enter(.failed)
            logger.critical("Kafka client failed; the worker stops", metadata: ["client": "\(client)", "error": "\(error)"])
            clientFailure.record(error)
            return
        }
        if error.code == .allBrokersDown { health.brokersUnreachable(error.message) }
        // "All brokers down" follows the error that says why; keep that one.
        lastClientError.withLock { last in
            if error.code != .allBrokersDown || last == nil { last = "\(error)" }
        }
        if let suppressed = warnings.admit("\(client) error \(error.code.name)") {
            logger.warning("Kafka client error", metadata: ["client": "\(client)", "error": "\(error)", "suppressed": "\(suppressed)"])
        }
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
