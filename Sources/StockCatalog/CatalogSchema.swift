import GRDB

/// The index database's tables. The index is a cache rebuilt from its source file, so it has no
/// migrations: a layout change bumps `CatalogIndexBuilder.formatVersion` instead.
enum CatalogSchema {
    static func create(_ db: Database) throws {
        // Contentless: the text lives in the source file; FTS5 keeps only what it needs to match
        // and rank. Columns: title, keywords and description are searched (bm25 weights 10, 4, 1);
        // tags holds each keyword as one token for exact `tag:` filters and is not ranked.
        try db.execute(sql: """
            CREATE VIRTUAL TABLE asset_fts USING fts5(
                title, keywords, description, tags,
                content = '',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            CREATE VIRTUAL TABLE asset_vocab USING fts5vocab(asset_fts, row);
            CREATE TABLE category (idx INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, count INTEGER NOT NULL);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
            """)
    }

    /// Columns of `asset_fts` that free text searches.
    static let textColumns = "{title keywords description}"
    /// FTS5's own bm25 with our column weights (title, keywords, description, tags), kept as
    /// the yardstick `stockrank` is measured against.
    static let bm25 = "bm25(asset_fts, 10.0, 4.0, 1.0, 0.0)"
}
