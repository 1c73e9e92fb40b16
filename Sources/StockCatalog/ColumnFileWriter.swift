import Foundation
import StockCore

/// Writes `columns.bin` (see `ColumnStore` for the layout) from records in row order.
enum ColumnFileWriter {
    static func write(_ records: [IndexRecord], categories: [String], to url: URL) throws {
        let n = records.count
        let sections = ColumnStore.Section.allCases
        var offsets: [Int] = []
        var position = 24 + sections.count * 8
        for s in sections {
            position = (position + 7) & ~7
            offsets.append(position)
            position += s.stride * n
        }
        var bytes = [UInt8](repeating: 0, count: (position + 7) & ~7)
        let categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, UInt16($0)) })
        // Emerging: popularity gained per unit of age, measured from the newest asset in the
        // catalog (not from today), so that the order is the same on every machine and day.
        let newest = records.map(\.created).max() ?? 0
        let idOrder = records.indices.sorted { records[$0].id < records[$1].id }

        bytes.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!
            ColumnStore.magic.enumerated().forEach { raw[$0.offset] = $0.element }
            raw.storeBytes(of: UInt64(n), toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: UInt64(sections.count), toByteOffset: 16, as: UInt64.self)
            for (i, o) in offsets.enumerated() { raw.storeBytes(of: UInt64(o), toByteOffset: 24 + i * 8, as: UInt64.self) }
            func column<T>(_ s: ColumnStore.Section, _: T.Type) -> UnsafeMutablePointer<T> {
                (base + offsets[s.rawValue]).assumingMemoryBound(to: T.self)
            }
            let id = column(.id, Int64.self), lineOffset = column(.lineOffset, UInt64.self)
            let created = column(.created, Int64.self), popularity = column(.popularity, Int64.self)
            let sortedIDs = column(.sortedIDs, Int64.self), lineLength = column(.lineLength, UInt32.self)
            let width = column(.width, UInt32.self), height = column(.height, UInt32.self)
            let duration = column(.duration, Float.self), emerging = column(.emerging, Float.self)
            let sortedRows = column(.sortedRows, UInt32.self), category = column(.category, UInt16.self)
            let kind = column(.kind, UInt8.self), flags = column(.flags, UInt8.self)
            let facetKey = column(.facetKey, UInt16.self), miscKey = column(.miscKey, UInt8.self)
            for (row, r) in records.enumerated() {
                id[row] = r.id; lineOffset[row] = r.lineOffset; lineLength[row] = r.lineLength
                created[row] = r.created; popularity[row] = r.popularity
                width[row] = r.width; height[row] = r.height; duration[row] = r.duration
                let ageDays = Double(max(0, newest - r.created)) / 86_400
                emerging[row] = Float(Double(r.popularity) / (ageDays + 30).squareRoot())
                category[row] = r.categorySlug.flatMap { categoryIndex[$0] } ?? ColumnStore.noCategory
                kind[row] = r.kind; flags[row] = r.flags
                facetKey[row] = FacetKey.pack(kind: r.kind, orientation: r.orientation, premium: r.premium,
                                              resolution: r.resolution, licenses: r.licenses)
                miscKey[row] = FacetKey.misc(flags: r.flags, camera: r.camera, composition: r.composition)
            }
            for (i, row) in idOrder.enumerated() {
                sortedIDs[i] = records[row].id
                sortedRows[i] = UInt32(row)
            }
        }
        try Data(bytes).write(to: url, options: .atomic)
    }
}
