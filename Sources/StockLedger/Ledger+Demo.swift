import Foundation
import GRDB
import StockCore

/// The demo account: balances kept in the ledger, and the purchases `DemoLicensing` makes (its
/// "server side": what `findLicense` and the license history read).
extension Ledger {
    /// The demo account's balance in `currency` (zero in a currency it holds none of). The
    /// account starts with $437.50 (and 40 000,00 ₽ and 250 000,00 ₸, for the demo catalog's
    /// assets priced in roubles and tenge).
    public func demoBalance(currency: String = "USD") throws -> Money {
        try read { db in try Self.demoBalance(db, currency: currency) }
    }

    /// Every balance of the demo account, by currency code.
    public func demoBalances() throws -> [Money] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM demoBalance ORDER BY currency").map {
                Money(amount: $0["amount"], currency: $0["currency"], decimals: $0["decimals"])
            }
        }
    }

    /// Sets the demo account's balance in `balance.currency` (a fresh start for the demo, or a
    /// test's poor account). Purchases already made stay.
    public func setDemoBalance(_ balance: Money, now: Date = Date()) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO demoBalance (currency, amount, decimals, updated) VALUES (?, ?, ?, ?)
                ON CONFLICT (currency) DO UPDATE SET amount = excluded.amount, decimals = excluded.decimals,
                                                     updated = excluded.updated
                """, arguments: [balance.currency, balance.amount, balance.decimals, now])
        }
    }

    /// Charges the demo account and records the purchase with its products, all in one
    /// transaction. The same idempotency key answers with the purchase it already made and
    /// charges nothing.
    /// - Throws: `LicensingRefusal.insufficientBalance` when the balance is too small.
    func recordDemoPurchase(key: String, assetID: AssetID, lines: [LicenseOption], total: Money, title: String?,
                            fileName: (LicenseOption) -> String?, now: Date) throws -> LicenseReceipt {
        let optionIDs = try LedgerJSON.encode(lines.map(\.id).sorted())
        return try write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT receiptJSON FROM demoPurchase WHERE idempotencyKey = ?",
                                                  arguments: [key]) {
                return try LedgerJSON.decode(LicenseReceipt.self, from: existing)
            }
            let balance = try Self.demoBalance(db, currency: total.currency)
            guard balance.decimals == total.decimals, balance.amount >= total.amount else {
                throw LicensingRefusal.insufficientBalance(available: .money(balance), needed: .money(total))
            }
            try db.execute(sql: "UPDATE demoBalance SET amount = amount - ?, updated = ? WHERE currency = ?",
                           arguments: [total.amount, now, total.currency])
            try db.execute(sql: """
                INSERT INTO demoPurchase (idempotencyKey, assetID, optionIDs, totalAmount, currency, receiptJSON, created)
                VALUES (?, ?, ?, ?, ?, '', ?)
                """, arguments: [key, assetID.rawValue, optionIDs, total.amount, total.currency, now])
            let sequence = db.lastInsertedRowID
            let purchaseID = Self.demoPurchaseID(sequence)
            var products: [LicensedProduct] = []
            for line in lines {
                let product = LicensedProduct(id: "\(purchaseID)-\(line.id)", assetID: assetID, optionID: line.id, name: line.name,
                                              type: line.type, licensedAt: now, title: title, fileName: fileName(line))
                try db.execute(sql: """
                    INSERT INTO demoPurchaseProduct (productID, purchaseID, assetID, optionID, name, type, title, fileName, licensedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [product.id, sequence, assetID.rawValue, line.id, line.name, line.type.rawValue, title,
                                     product.fileName, now])
                products.append(product)
            }
            let zero = Money(amount: 0, currency: total.currency, decimals: total.decimals)
            let receipt = LicenseReceipt(purchaseID: purchaseID, assetID: assetID, products: products, subtotal: .money(total),
                                         tax: .money(zero), total: .money(total), date: now)
            try db.execute(sql: "UPDATE demoPurchase SET receiptJSON = ? WHERE id = ?",
                           arguments: [try LedgerJSON.encode(receipt), sequence])
            return receipt
        }
    }

    /// The demo purchases of these options of an asset made at or after `since`, newest first.
    func demoPurchases(assetID: AssetID, optionIDs: [String], since: Date) throws -> [LicenseReceipt] {
        let wanted = try LedgerJSON.encode(optionIDs.sorted())
        return try read { db in
            try String.fetchAll(db, sql: """
                SELECT receiptJSON FROM demoPurchase WHERE assetID = ? AND optionIDs = ? AND created >= ? ORDER BY id DESC
                """, arguments: [assetID.rawValue, wanted, since]).map { try LedgerJSON.decode(LicenseReceipt.self, from: $0) }
        }
    }

    /// One page of the demo account's licensed products, newest first, and how many there are.
    func demoLicensedProducts(offset: Int, limit: Int) throws -> (items: [LicensedProduct], total: Int) {
        try read { db in
            let items = try Row.fetchAll(db, sql: """
                SELECT * FROM demoPurchaseProduct ORDER BY purchaseID DESC, productID LIMIT ? OFFSET ?
                """, arguments: [max(0, limit), max(0, offset)]).map(Self.demoProduct(from:))
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM demoPurchaseProduct") ?? 0
            return (items, total)
        }
    }

    /// The demo account's licensed products of one asset, newest first.
    func demoLicensedProducts(assetID: AssetID) throws -> [LicensedProduct] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM demoPurchaseProduct WHERE assetID = ? ORDER BY purchaseID DESC, productID",
                             arguments: [assetID.rawValue]).map(Self.demoProduct(from:))
        }
    }

    /// One of the demo account's licensed products, if it bought one with this id.
    func demoLicensedProduct(id: String) throws -> LicensedProduct? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM demoPurchaseProduct WHERE productID = ?", arguments: [id])
                .map(Self.demoProduct(from:))
        }
    }

    /// "demo-000123".
    static func demoPurchaseID(_ sequence: Int64) -> String {
        let digits = String(sequence)
        return "demo-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    private static func demoBalance(_ db: Database, currency: String) throws -> Money {
        let code = currency.uppercased()
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM demoBalance WHERE currency = ?", arguments: [code]) else {
            return Money(amount: 0, currency: code)
        }
        return Money(amount: row["amount"], currency: code, decimals: row["decimals"])
    }

    private static func demoProduct(from row: Row) -> LicensedProduct {
        let typeText: String = row["type"]
        return LicensedProduct(id: row["productID"], assetID: AssetID(rawValue: row["assetID"]), optionID: row["optionID"],
                               name: row["name"], type: Product.ProductType(rawValue: typeText) ?? .deliverable,
                               licensedAt: row["licensedAt"], title: row["title"], fileName: row["fileName"])
    }
}
