/// Feature hash -> weight row, by open addressing. Feature hashes are already well mixed,
/// so their low bits index the table directly: several times faster than `Dictionary`,
/// which re-hashes every key, in the tagger's innermost loop.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    subscript(key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        return values.withUnsafeBufferPointer { values in
            keys.withUnsafeBufferPointer { keys in
                while true {
                    let value = values[slot]
                    if value < 0 { return nil }
                    if keys[slot] == key { return value }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The row of `key`, adding it as the next row when new.
    mutating func rowInserting(_ key: UInt64) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = Int32(count)
        count += 1
        return values[slot]
    }

    /// Sets `key` to `row`; the caller keeps rows unique.
    mutating func set(_ key: UInt64, row: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { values[slot] = row; return }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = row
        count += 1
    }

    /// Every (key, row), in table order.
    var entries: [(key: UInt64, row: Int32)] {
        zip(keys, values).filter { $0.1 >= 0 }.map { (key: $0.0, row: $0.1) }
    }

    private mutating func grow() {
        let old = entries
        self = FeatureTable(minimumCapacity: keys.count)
        for (key, row) in old { set(key, row: row) }
    }
}
