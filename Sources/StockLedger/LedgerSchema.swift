import Foundation
import GRDB

/// The ledger's tables. Released migrations are never edited; a change is a new migration.
enum LedgerSchema {
    /// The demo account's balances on first use: $437.50, and about as much in the two other
    /// currencies the demo catalog prices in (each some nine median deliverables).
    static let startingDemoBalances: [(currency: String, amount: Int64, decimals: Int)] = [
        ("USD", 43_750, 2), ("RUB", 4_000_000, 2), ("KZT", 25_000_000, 2),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 purchase journal") { db in
            try db.execute(sql: """
                CREATE TABLE intent (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    key TEXT NOT NULL UNIQUE,
                    provider TEXT NOT NULL,
                    assetID INTEGER NOT NULL,
                    orderJSON TEXT NOT NULL,
                    totalAmount INTEGER NOT NULL,
                    totalUnit TEXT NOT NULL,
                    quoteJSON TEXT NOT NULL,
                    created TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'failed', 'unresolved')),
                    purchaseID TEXT,
                    receiptJSON TEXT,
                    message TEXT,
                    processID INTEGER,
                    updated TEXT NOT NULL,
                    CHECK (state != 'confirmed' OR receiptJSON IS NOT NULL)
                );
                CREATE INDEX intent_provider_state ON intent(provider, state);
                CREATE INDEX intent_provider_asset ON intent(provider, assetID);
                CREATE INDEX intent_provider_purchase ON intent(provider, purchaseID);

                CREATE TRIGGER intent_never_deleted BEFORE DELETE ON intent
                BEGIN SELECT RAISE(ABORT, 'purchases are never deleted'); END;
                CREATE TRIGGER intent_order_never_changes
                BEFORE UPDATE OF key, provider, assetID, orderJSON, totalAmount, totalUnit, quoteJSON, created ON intent
                BEGIN SELECT RAISE(ABORT, 'what was ordered never changes'); END;
                CREATE TRIGGER intent_confirmed_is_final BEFORE UPDATE ON intent
                WHEN OLD.state = 'confirmed'
                     AND (NEW.state != 'confirmed' OR NEW.receiptJSON IS NOT OLD.receiptJSON OR NEW.purchaseID IS NOT OLD.purchaseID)
                BEGIN SELECT RAISE(ABORT, 'a confirmed purchase never changes'); END;

                CREATE TABLE licensedProduct (
                    provider TEXT NOT NULL,
                    productID TEXT NOT NULL,
                    assetID INTEGER NOT NULL,
                    optionID TEXT,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    licensedAt TEXT,
                    title TEXT,
                    fileName TEXT,
                    downloadable INTEGER NOT NULL DEFAULT 1,
                    purchaseID TEXT,
                    intentKey TEXT,
                    source TEXT NOT NULL CHECK (source IN ('receipt', 'history')),
                    recorded TEXT NOT NULL,
                    PRIMARY KEY (provider, productID)
                );
                CREATE INDEX licensedProduct_asset ON licensedProduct(provider, assetID);
                CREATE TRIGGER licensedProduct_never_deleted BEFORE DELETE ON licensedProduct
                BEGIN SELECT RAISE(ABORT, 'purchases are never deleted'); END;

                CREATE TABLE download (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    provider TEXT NOT NULL,
                    productID TEXT NOT NULL,
                    format TEXT,
                    path TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    completed TEXT NOT NULL
                );
                CREATE INDEX download_product ON download(provider, productID);

                CREATE TABLE demoBalance (
                    currency TEXT PRIMARY KEY,
                    amount INTEGER NOT NULL,
                    decimals INTEGER NOT NULL,
                    updated TEXT NOT NULL
                );

                CREATE TABLE demoPurchase (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    idempotencyKey TEXT NOT NULL UNIQUE,
                    assetID INTEGER NOT NULL,
                    optionIDs TEXT NOT NULL,
                    totalAmount INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    receiptJSON TEXT NOT NULL,
                    created TEXT NOT NULL
                );
                CREATE INDEX demoPurchase_asset ON demoPurchase(assetID, created);
                CREATE TRIGGER demoPurchase_never_deleted BEFORE DELETE ON demoPurchase
                BEGIN SELECT RAISE(ABORT, 'purchases are never deleted'); END;

                CREATE TABLE demoPurchaseProduct (
                    productID TEXT PRIMARY KEY,
                    purchaseID INTEGER NOT NULL REFERENCES demoPurchase(id),
                    assetID INTEGER NOT NULL,
                    optionID TEXT NOT NULL,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    title TEXT,
                    fileName TEXT,
                    licensedAt TEXT NOT NULL
                );
                CREATE INDEX demoPurchaseProduct_asset ON demoPurchaseProduct(assetID);
                CREATE TRIGGER demoPurchaseProduct_never_deleted BEFORE DELETE ON demoPurchaseProduct
                BEGIN SELECT RAISE(ABORT, 'purchases are never deleted'); END;
                """)
            let now = Date()
            for start in startingDemoBalances {
                try db.execute(sql: "INSERT INTO demoBalance (currency, amount, decimals, updated) VALUES (?, ?, ?, ?)",
                               arguments: [start.currency, start.amount, start.decimals, now])
            }
        }
        return migrator
    }
}
