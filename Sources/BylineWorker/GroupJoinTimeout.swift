/// A worker that did not join its consumer group in time: it has never consumed, and waiting
/// longer rarely helps (a wrong address, a refused connection, a broker it cannot talk to).
public struct GroupJoinTimeout: Error, CustomStringConvertible {
    public var timeout: Duration
    /// The last error a Kafka client reported meanwhile, nil when none did.
    public var lastClientError: String?

    public var description: String {
        "did not join the consumer group within \(timeout): "
            + (lastClientError.map { "last client error: \($0)" } ?? "no client error reported; is the group coordinator up?")
    }
}
