import GRDB
import GRDBSQLite
import StockCore

/// Inserts rows into `asset_fts` through the C API: a million rows through GRDB's statement
/// arguments spend seconds boxing values that SQLite copies anyway.
final class FTSInsert {
    private let connection: OpaquePointer
    private let statement: OpaquePointer

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw StockError.storage("index database is closed") }
        var statement: OpaquePointer?
        let sql = "INSERT INTO asset_fts(rowid, title, keywords, description, tags) VALUES (?, ?, ?, ?, ?)"
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StockError.storage(String(cString: sqlite3_errmsg(connection)))
        }
        self.connection = connection
        self.statement = statement
    }

    deinit { sqlite3_finalize(statement) }

    func insert(rowid: Int, _ title: String, _ keywords: String, _ description: String, _ tags: String) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_int64(statement, 1, Int64(rowid))
        for (index, text) in [title, keywords, description, tags].enumerated() {
            var text = text
            text.withUTF8 { bytes in
                _ = sqlite3_bind_text(statement, Int32(index + 2), UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), transient)
            }
        }
        let rc = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard rc == SQLITE_DONE else { throw StockError.storage(String(cString: sqlite3_errmsg(connection))) }
    }
}
