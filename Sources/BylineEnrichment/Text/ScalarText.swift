/// Text as Unicode scalars (the unit every offset counts) beside its UTF-8 bytes, so a
/// span becomes a String by copying bytes rather than re-encoding scalar by scalar, which
/// cost a sixth of the enrichment.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]
    private let utf8: [UInt8]
    /// The UTF-8 offset of each scalar and of the end; empty when the text is ASCII, where
    /// the two offsets agree.
    private let byteOffsets: [Int32]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        utf8 = Array(text.utf8)
        if utf8.count == scalars.count {
            byteOffsets = []
        } else {
            var offsets: [Int32] = []
            offsets.reserveCapacity(scalars.count + 1)
            var offset: Int32 = 0
            for scalar in scalars {
                offsets.append(offset)
                offset += Int32(UTF8.width(scalar))
            }
            offsets.append(offset)
            byteOffsets = offsets
        }
    }

    var count: Int { scalars.count }

    func string(_ start: Int, _ end: Int) -> String {
        let from = byteOffsets.isEmpty ? start : Int(byteOffsets[start])
        let to = byteOffsets.isEmpty ? end : Int(byteOffsets[end])
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }
}
