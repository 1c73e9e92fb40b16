import Foundation
import GRDB

extension Ledger {
    /// Remembers a completed download (after the partial file was renamed into place).
    @discardableResult
    public func recordDownload(provider: String, productID: String, format: String? = nil, path: String, bytes: Int64,
                               completed: Date = Date()) throws -> DownloadRecord {
        try write { db in
            try db.execute(sql: """
                INSERT INTO download (provider, productID, format, path, bytes, completed) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [provider, productID, format, path, bytes, completed])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM download WHERE id = ?", arguments: [db.lastInsertedRowID]) else {
                throw LedgerError.storage("the download just recorded is missing")
            }
            return Self.downloadRecord(from: row)
        }
    }

    /// The newest download of a licensed product (of any provider when `provider` is nil; in any
    /// format when `format` is nil), or nil when it was never downloaded.
    public func download(provider: String? = nil, productID: String, format: String? = nil) throws -> DownloadRecord? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM download WHERE (?1 IS NULL OR provider = ?1) AND productID = ?2 AND (?3 IS NULL OR format = ?3)
                ORDER BY id DESC LIMIT 1
                """, arguments: [provider, productID, format]).map(Self.downloadRecord(from:))
        }
    }

    /// Every download of a provider's products, newest first.
    public func downloads(provider: String) throws -> [DownloadRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM download WHERE provider = ? ORDER BY id DESC",
                             arguments: [provider]).map(Self.downloadRecord(from:))
        }
    }

    static func downloadRecord(from row: Row) -> DownloadRecord {
        DownloadRecord(provider: row["provider"], productID: row["productID"], format: row["format"], path: row["path"],
                       bytes: row["bytes"], completed: row["completed"])
    }
}
