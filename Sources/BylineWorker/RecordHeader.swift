/// Names of the Kafka headers Byline writes.
public enum RecordHeader {
    /// On enriched and quote records: `application/json`.
    public static let contentType = "content-type"
    /// On enriched and quote records: the output schema's version.
    public static let schemaVersion = "byline-schema-version"
    /// On every record Byline publishes: where its input came from.
    public static let sourceTopic = "byline-source-topic"
    public static let sourcePartition = "byline-source-partition"
    public static let sourceOffset = "byline-source-offset"
    /// On dead-letter records: the error's code (e.g. `invalid_json`) and its explanation.
    public static let errorCode = "byline-error-code"
    public static let errorMessage = "byline-error-message"
}
