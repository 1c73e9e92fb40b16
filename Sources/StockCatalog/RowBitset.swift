/// A set of rows as one bit per row, for query parts that mix text with fields (`drone OR
/// type:video`, `-drone`): each part is evaluated over the whole catalog once, combined word by
/// word, and the scan then tests one bit per row.
struct RowBitset: Sendable {
    private(set) var words: [UInt64]
    let rowCount: Int

    init(rowCount: Int, filled: Bool = false) {
        self.rowCount = rowCount
        words = Array(repeating: filled ? ~0 : 0, count: (rowCount + 63) / 64)
        if filled { clearTail() }
    }

    init(rowCount: Int, rows: [UInt32]) {
        self.init(rowCount: rowCount)
        for r in rows { words[Int(r) >> 6] |= 1 << UInt64(r & 63) }
    }

    @inline(__always)
    func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    @inline(__always)
    mutating func insert(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

    func intersection(_ other: RowBitset) -> RowBitset {
        var out = self
        for i in out.words.indices { out.words[i] &= other.words[i] }
        return out
    }

    func union(_ other: RowBitset) -> RowBitset {
        var out = self
        for i in out.words.indices { out.words[i] |= other.words[i] }
        return out
    }

    func complement() -> RowBitset {
        var out = self
        for i in out.words.indices { out.words[i] = ~out.words[i] }
        out.clearTail()
        return out
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - rowCount
        if extra > 0, !words.isEmpty { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }
}
