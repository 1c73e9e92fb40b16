/// A set of rows as one bit per row, for text leaves inside OR and NOT that mix text with fields.
struct RowBitset: Sendable {
    private(set) var words: [UInt64]

    init(rowCount: Int) { words = Array(repeating: 0, count: (rowCount + 63) / 64) }

    init(rowCount: Int, rows: [UInt32]) {
        self.init(rowCount: rowCount)
        for r in rows { words[Int(r) >> 6] |= 1 << UInt64(r & 63) }
    }

    @inline(__always)
    func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }
}
