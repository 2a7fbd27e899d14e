extension RandomAccessCollection {
    /// In a collection ordered by `key`, the index of the first element whose key is at
    /// least `value` (`endIndex` when none is): a binary search.
    func firstIndex(keyAtLeast value: Int, key: (Element) -> Int) -> Index {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if key(self[middle]) < value { low = index(after: middle) } else { high = middle }
        }
        return low
    }
}
