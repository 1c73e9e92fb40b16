import StockCore

/// One position of a `LossyList` as the service sent it: a record read, or one left out.
enum LossySlot<Element> {
    case read(Element, index: Int)
    case skipped(SkippedRecord)
}

extension LossyList {
    /// The records in the order the service sent them, read or skipped, so that paging can count
    /// positions in the service's list (a page cut at "items 10 to 49" stays the same ten to
    /// forty-nine when one of them could not be read). A skipped record's position is the index
    /// its path ends with (`data[3]`); one whose path names none goes last.
    var slots: [LossySlot<Element>] {
        var skippedAt: [Int: SkippedRecord] = [:]
        var unplaced: [SkippedRecord] = []
        for record in skipped {
            if let index = Self.index(of: record.path), skippedAt[index] == nil { skippedAt[index] = record } else { unplaced.append(record) }
        }
        let total = elements.count + skippedAt.count
        var out: [LossySlot<Element>] = []
        out.reserveCapacity(total + unplaced.count)
        var next = elements.makeIterator()
        for position in 0 ..< total {
            if let record = skippedAt[position] {
                out.append(.skipped(record))
            } else if let element = next.next() {
                out.append(.read(element, index: position))
            }
        }
        // Paths that point past the end (never from LossyList itself) still count as skipped.
        out += skippedAt.filter { $0.key >= total }.sorted { $0.key < $1.key }.map { .skipped($0.value) }
        return out + unplaced.map { .skipped($0) }
    }

    /// `3` from `response.items[3]`.
    private static func index(of path: String) -> Int? {
        guard path.hasSuffix("]"), let open = path.lastIndex(of: "[") else { return nil }
        return Int(path[path.index(after: open) ..< path.index(before: path.endIndex)])
    }
}

/// Why a record that was read cannot be mapped (a search item of a type stockterm cannot show):
/// the record is left out of a list, and a lone record's answer is malformed.
struct UnmappableRecord: Error, Hashable, Sendable {
    /// Words naming the field at fault: `field "response.items[2].type" has the unknown value "audio"`.
    var reason: String
}

enum LossyMapping {
    /// Maps each read slot with `transform` (given the record and its path); a record `transform`
    /// cannot map (`UnmappableRecord`) joins the skipped ones, in the service's order.
    static func map<Element, T>(_ slots: some Sequence<LossySlot<Element>>, path: (Int) -> String,
                                _ transform: (Element, String) throws(UnmappableRecord) -> T) -> (items: [T], skipped: [SkippedRecord]) {
        var items: [T] = []
        var skipped: [SkippedRecord] = []
        for slot in slots {
            switch slot {
            case .skipped(let record):
                skipped.append(record)
            case .read(let element, let index):
                do { items.append(try transform(element, path(index))) } catch {
                    skipped.append(SkippedRecord(path: path(index), reason: error.reason))
                }
            }
        }
        return (items, skipped)
    }
}
