import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StockCore

/// Reads a JSON Lines catalog: splits it into lines and decodes them on every core, keeping the
/// file order, reporting each bad line with its number and reason.
struct CatalogSourceReader {
    struct Parsed {
        var records: [IndexRecord]
        var errors: [CatalogLineError]
        /// Lines that were not blank.
        var lineCount: Int
    }

    let url: URL

    /// Decodes every line. `progress` is called with (lines decoded, lines in all) now and then.
    func parse(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Parsed {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw StockCatalogError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        let lines = Self.lineRanges(in: data)
        let chunkSize = 4096
        let chunkCount = (lines.count + chunkSize - 1) / chunkSize
        let results = ChunkResults(count: chunkCount)
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var records: [IndexRecord] = []
            var errors: [CatalogLineError] = []
            records.reserveCapacity(chunkSize)
            let lo = chunk * chunkSize, hi = min(lines.count, lo + chunkSize)
            for i in lo..<hi {
                let (lineNumber, range) = lines[i]
                do {
                    let asset = try data.withUnsafeBytes { try Asset(jsonLine: UnsafeRawBufferPointer(rebasing: $0[range])) }
                    records.append(IndexRecord(asset: asset, line: lineNumber, lineOffset: UInt64(range.lowerBound), lineLength: UInt32(range.count)))
                } catch {
                    errors.append(CatalogLineError(line: lineNumber, reason: "\(error)"))
                }
            }
            results.set(chunk, (records, errors))
            let total = done.add(hi - lo)
            progress?(total, lines.count)
        }
        var parsed = Parsed(records: [], errors: [], lineCount: lines.count)
        parsed.records.reserveCapacity(lines.count)
        for (records, errors) in results.all() {
            parsed.records += records
            parsed.errors += errors
        }
        return parsed
    }

    /// The byte range and 1-based number of every non-blank line. Newlines are found with
    /// `memchr`, which scans gigabytes a second; a byte loop costs seconds on a large file.
    static func lineRanges(in data: Data) -> [(Int, Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            let bytes = buffer.bindMemory(to: UInt8.self)
            let count = buffer.count
            result.reserveCapacity(count / 512)
            var start = 0, number = 1
            func add(_ end: Int) {
                var s = start, e = end
                while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0D { s += 1 }
                while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D { e -= 1 }
                // A UTF-8 byte order mark on the first line is not part of the JSON.
                if number == 1, e - s >= 3, bytes[s] == 0xEF, bytes[s + 1] == 0xBB, bytes[s + 2] == 0xBF { s += 3 }
                if e > s { result.append((number, data.startIndex + s ..< data.startIndex + e)) }
            }
            while start < count {
                guard let hit = memchr(base + start, 0x0A, count - start) else { break }
                let end = base.distance(to: UnsafeRawPointer(hit))
                add(end)
                start = end + 1
                number += 1
            }
            if start < count { add(count) }
        }
        return result
    }
}

/// Per-chunk results written from concurrent workers.
private final class ChunkResults: @unchecked Sendable {
    // @unchecked: each index is written by exactly one worker, under the lock.
    private var slots: [([IndexRecord], [CatalogLineError])]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: ([], []), count: count) }
    func set(_ i: Int, _ value: ([IndexRecord], [CatalogLineError])) { lock.withLock { slots[i] = value } }
    func all() -> [([IndexRecord], [CatalogLineError])] { lock.withLock { slots } }
}

final class Counter: @unchecked Sendable {
    // @unchecked: guarded by the lock.
    private var value = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int { lock.withLock { value += n; return value } }
}
