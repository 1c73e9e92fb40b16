import Foundation
import StockAssets
import StockCatalog
import StockCore

/// The demo catalog shipped in the program's resources.
enum DemoCatalog {
    static var url: URL { StockAssets.demoCatalogURL }
}

/// Opens the catalog a command works on, building its index when needed, with a progress line on
/// a terminal and a warning about skipped lines.
enum CatalogLoader {
    static func open(_ options: GlobalOptions, forceRebuild: Bool = false) throws -> (LocalCatalog, IndexBuildOutcome?) {
        try open(url: options.catalogURL, quiet: options.quiet, forceRebuild: forceRebuild)
    }

    /// Opens the catalog at `url`; `quiet` hides the progress line.
    static func open(url: URL, quiet: Bool, forceRebuild: Bool = false) throws -> (LocalCatalog, IndexBuildOutcome?) {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CLIError.failure("cannot read catalog \(url.path): no such file or not readable")
        }
        let progress = quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressLine(label: "Indexing \(SafeText.sanitize(url.lastPathComponent))")
        var observer: IndexBuildObserver?
        if let progress { observer = { progress.update($0) } }
        do {
            // The table loads on the first word that needs it; filter-only searches never do.
            let result = try LocalCatalog.open(source: url, synonyms: { Synonyms.table.expansions(of: $0) },
                                               forceRebuild: forceRebuild, observer: observer)
            progress?.finish()
            if let outcome = result.1, !outcome.errors.isEmpty, !forceRebuild {
                let n = outcome.errors.count
                Terminal.warn("\(n) line\(n == 1 ? "" : "s") of \(url.lastPathComponent) skipped; run `stockterm catalog import \(url.path)` for details")
            }
            return result
        } catch let error as IndexBuildOutcome.NoValidAsset {
            progress?.finish()
            for e in error.errors.prefix(20) { Terminal.warn(SafeText.sanitize(e.description)) }
            throw CLIError.failure(error.description)
        } catch let error as StockCatalogError {
            progress?.finish()
            throw CLIError.failure(error.description)
        }
    }
}

/// The synonym table shipped in the program's resources.
enum Synonyms {
    static let table: SynonymTable = (try? SynonymTable(contentsOf: StockAssets.synonymsURL)) ?? SynonymTable(tsv: "")

    /// Reads the table on a background thread, so that the browser's first typed word does not
    /// wait for it (about 9 ms); the command-line search still reads it only when a word needs it.
    static func loadInBackground() {
        DispatchQueue.global(qos: .utility).async { _ = table }
    }
}

/// A self-updating line on standard error: count, rate and time left.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: guarded by the lock; updates come from worker threads.
    private let label: String
    private let start = Date()
    private var lastPrint = Date.distantPast
    private var printed = false
    private let lock = NSLock()

    init(label: String) { self.label = label }

    func update(_ p: IndexBuildProgress) {
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastPrint) >= 0.1 || p.done == p.total else { return }
            lastPrint = now
            let elapsed = max(now.timeIntervalSince(start), 0.001)
            var text = "\(label): \(p.phase.rawValue) \(Format.count(p.done)) / \(Format.count(p.total))"
            if p.phase == .reading, p.done > 0 {
                let rate = Double(p.done) / elapsed
                let left = Double(p.total - p.done) / max(rate, 1)
                text += " (\(Format.count(Int(rate)))/s, \(Int(left.rounded(.up))) s left)"
            }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            printed = true
        }
    }

    func finish() {
        lock.withLock {
            if printed { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
