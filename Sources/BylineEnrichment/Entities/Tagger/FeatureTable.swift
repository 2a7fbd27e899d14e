/// Feature hash -> weight row, by open addressing. Look-ups read one array of 64-bit
/// slots (the hash's high 32 bits as a fingerprint beside the row), so each costs about
/// one cache miss: several times faster than `Dictionary`, which re-hashes every key, in
/// the tagger's innermost loop. Feature hashes are already well mixed; a false match
/// needs the slot bits and the 32 fingerprint bits to agree. Full keys are kept apart,
/// for growing and saving only.
///
/// Most contextual features of a token (word pairs) are in no model; a small filter, two
/// bits per key in one 64-bit word, turns nearly all of those look-ups away without
/// touching the slots, from memory that stays in cache.
package struct FeatureTable: Sendable {
    private var slots: [UInt64]
    private var keys: [UInt64]
    private var mask: Int
    private var filter: [UInt64]
    private var filterMask: Int
    package private(set) var count = 0

    package init(minimumCapacity: Int = 16) {
        var capacity = 16
        while Double(capacity) * 0.6 < Double(minimumCapacity) { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        keys = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        filter = [UInt64](repeating: 0, count: capacity / 8)
        filterMask = capacity / 8 - 1
    }

    private func filterWord(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 40) & filterMask }
    private func filterBits(_ key: UInt64) -> UInt64 { 1 << ((key >> 20) & 63) | 1 << ((key >> 26) & 63) }

    package subscript(key: UInt64) -> Int32? {
        let bits = filterBits(key)
        guard filter.withUnsafeBufferPointer({ $0[filterWord(key)] }) & bits == bits else { return nil }
        let fingerprint = key >> 32
        var slot = Int(truncatingIfNeeded: key) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry >> 32 == fingerprint { return Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The row of `key`, adding it as the next row when new.
    package mutating func rowInserting(_ key: UInt64) -> Int32 {
        if let row = self[key] { return row }
        let row = Int32(count)
        set(key, row: row)
        return row
    }

    /// Sets `key` to `row`; the caller keeps rows unique.
    mutating func set(_ key: UInt64, row: Int32) {
        if Double(count + 1) > Double(slots.count) * 0.6 { grow() }
        let entry = (key >> 32) << 32 | UInt64(UInt32(row + 1))
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] >> 32 == key >> 32 {
                slots[slot] = entry
                keys[slot] = key
                filter[filterWord(key)] |= filterBits(key)
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = entry
        keys[slot] = key
        filter[filterWord(key)] |= filterBits(key)
        count += 1
    }

    /// Every (key, row), in slot order.
    var entries: [(key: UInt64, row: Int32)] {
        zip(slots, keys).filter { $0.0 != 0 }.map { (key: $0.1, row: Int32(truncatingIfNeeded: $0.0 & 0xFFFF_FFFF) - 1) }
    }

    private mutating func grow() {
        let old = entries
        self = FeatureTable(minimumCapacity: slots.count)
        for (key, row) in old { set(key, row: row) }
    }
}
