import BylineDevKit
import BylineWorker
import Testing

public func feed(_ pipeline: DevPipeline, _ records: [SyntheticArticles.Record]) async throws {
    try await pipeline.feed(records.map { ($0.id, $0.value) })
}

/// Expects every good record in the output topic and every bad one, with its error code,
/// in the dead-letter topic; nothing anywhere else.
public func expectNothingLost(_ records: [SyntheticArticles.Record], in collected: TopicCollector.Records, pipeline: DevPipeline, sourceLocation: SourceLocation = #_sourceLocation) {
    let good = Set(records.filter { $0.expectedError == nil }.map(\.id))
    let bad = Set(records.filter { $0.expectedError != nil }.map(\.id))
    let output = collected.keys(pipeline.outputTopic)
    let deadLettered = collected.keys(pipeline.deadLetterTopic)
    let missing = good.subtracting(output)
    #expect(missing.isEmpty, "\(missing.count) good articles missing from the output, e.g. \(missing.sorted().prefix(5))", sourceLocation: sourceLocation)
    let missingBad = bad.subtracting(deadLettered)
    #expect(missingBad.isEmpty, "\(missingBad.count) bad records missing from the dead-letter topic, e.g. \(missingBad.sorted().prefix(5))", sourceLocation: sourceLocation)
    #expect(output.isSubset(of: good), "bad records in the output: \(output.subtracting(good).sorted().prefix(5))", sourceLocation: sourceLocation)
    #expect(deadLettered.isSubset(of: bad), "good records dead-lettered: \(deadLettered.subtracting(bad).sorted().prefix(5))", sourceLocation: sourceLocation)
    let expectedCodes = Dictionary(uniqueKeysWithValues: records.compactMap { record in record.expectedError.map { (record.id, $0) } })
    for message in collected.messages(pipeline.deadLetterTopic) {
        let id = message.keyText ?? ""
        let code = message.headerText(RecordHeader.errorCode)
        #expect(code == expectedCodes[id], "dead letter \(id) has code \(code ?? "none")", sourceLocation: sourceLocation)
    }
}
