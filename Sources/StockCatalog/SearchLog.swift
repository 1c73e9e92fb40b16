import Foundation

/// One line per local search with where its time went, for the speed work:
/// `STOCKTERM_SEARCH_LOG=FILE stockterm …` (docs/benchmarks.md). Lines look like
/// `city | total 41.2 ms: compile 0.1, match 30.5 (98112 rows), scan 2.0, rank 7.9, page 0.7`.
/// The query is printed back from its parse (`QueryPrinter`), without control characters.
public final class SearchLog: @unchecked Sendable {
    // @unchecked: the handle is written under the lock.
    private let handle: FileHandle
    private let lock = NSLock()

    /// A log that appends to `path` (made when missing), or nil when there is no path or it
    /// cannot be written.
    public init?(path: String?) {
        guard let path, !path.isEmpty else { return nil }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    /// The log `STOCKTERM_SEARCH_LOG` names, if any.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchLog? {
        SearchLog(path: environment["STOCKTERM_SEARCH_LOG"])
    }

    /// Appends one search.
    public func record(_ request: SearchRequest, _ timings: SearchTimings) {
        let query = request.query.map(QueryPrinter.print) ?? "(no query)"
        let clean = String(query.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }.map(Character.init))
        let line = "\(clean) page \(request.page) | \(timings.summary)\n"
        lock.withLock { handle.write(Data(line.utf8)) }
    }
}

import StockCore
