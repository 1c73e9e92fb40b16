import GRDB
import GRDBSQLite
import StockCore

/// Reads the rows an FTS5 expression matches (rowid − 1, the column files' numbering), ascending,
/// through the C API: a common term
/// matches hundreds of thousands of rows, and a cursor's per-row work would double the time.
enum FTSRowReader {
    static func rows(_ db: Database, matching expression: String) throws -> [UInt32] {
        guard let connection = db.sqliteConnection else { throw StockError.storage("catalog index is closed") }
        var statement: OpaquePointer?
        let sql = "SELECT rowid FROM asset_fts WHERE asset_fts MATCH ?"
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StockError.storage(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT: SQLite copies the text.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(statement, 1, expression, -1, transient)
        var rows: [UInt32] = []
        rows.reserveCapacity(1024)
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_ROW {
                rows.append(UInt32(truncatingIfNeeded: sqlite3_column_int64(statement, 0) - 1))
            } else if rc == SQLITE_DONE {
                return rows
            } else {
                let message = String(cString: sqlite3_errmsg(connection))
                throw StockError.invalidRequest("the text index cannot run this query (\(message))")
            }
        }
    }
}
