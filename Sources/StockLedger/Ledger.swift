import Foundation
import GRDB
import StockCore

/// The purchase journal: every license intent, written and committed before its request is sent,
/// and its outcome after; the products licensed; the files downloaded; the demo account's
/// balance. One SQLite file in WAL mode that the TUI and the CLI may share (docs/ledger.md).
///
/// ```swift
/// let ledger = try Ledger(url: Ledger.defaultURL(environment: ProcessInfo.processInfo.environment))
/// let intent = try ledger.recordIntent(provider: "demo", order: order, quote: quote,
///                                      key: UUID().uuidString, now: Date())
/// // ... send the request with intent.key ...
/// try ledger.confirm(key: intent.key, receipt: receipt)
/// ```
///
/// Every function is synchronous and commits before it returns: `synchronous = FULL` makes a
/// committed intent survive a power loss. Purchases are never deleted: triggers abort any DELETE
/// on the intent, licensed product and demo purchase tables.
public struct Ledger: Sendable {
    /// The ledger file.
    public let url: URL
    let writer: DatabasePool

    /// How long a write waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (and creates, owner-only, if needed) the ledger at `url` and brings its schema up to date.
    public init(url: URL) throws {
        self.url = url
        do {
            try Self.prepareFile(at: url)
            var config = Configuration()
            config.busyMode = .timeout(Self.busyTimeout)
            config.label = "stockterm.ledger"
            writer = try DatabasePool(path: url.path, configuration: config)
            // FULL: a commit is on disk before it returns, in WAL mode too (NORMAL may lose the
            // last transactions on power loss, which here would be a purchase intent). Set on the
            // writer after the pool has opened it: the pool's WAL set-up sets NORMAL.
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try LedgerSchema.migrator.migrate(writer)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError.storage("cannot open \(url.path): \(Self.describe(error))")
        }
    }

    /// `$XDG_DATA_HOME/stockterm/ledger.sqlite`, else `~/.local/share/stockterm/ledger.sqlite`
    /// (an `XDG_DATA_HOME` that is not absolute is ignored, as the XDG specification says).
    public static func defaultURL(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
        }
        return base.appendingPathComponent("stockterm", isDirectory: true).appendingPathComponent("ledger.sqlite")
    }

    /// Creates missing directories (mode 0700) and the file (mode 0600) before SQLite opens it, so
    /// that the umask never makes them readable by others. SQLite gives the `-wal` and `-shm`
    /// files the main file's mode.
    private static func prepareFile(at url: URL) throws {
        let fm = FileManager.default
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: NSNumber(value: 0o700)])
        } else if !isDirectory.boolValue {
            throw LedgerError.storage("\(directory.path) is not a directory")
        }
        if !fm.fileExists(atPath: url.path) {
            guard fm.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: NSNumber(value: 0o600)]) else {
                throw LedgerError.storage("cannot create \(url.path)")
            }
        }
    }

    /// Runs `body` in one IMMEDIATE write transaction (other processes' writes wait for it).
    /// SQLite's errors become `LedgerError.storage`; errors `body` throws pass through.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw LedgerError.storage(Self.describe(error))
        }
    }

    /// Runs `body` on a snapshot of the ledger.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw LedgerError.storage(Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? db.description }
        return String(describing: error)
    }
}
