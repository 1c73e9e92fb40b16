import Foundation
import GRDB
import StockCore

extension Ledger {
    /// What the ledger knows is licensed from a provider: the products of confirmed receipts and
    /// those imported from the service's history, newest first; only one asset's when `assetID`
    /// is given ("is this asset licensed?").
    public func licensedProducts(provider: String, assetID: AssetID? = nil) throws -> [LicensedProduct] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM licensedProduct WHERE provider = ?1 AND (?2 IS NULL OR assetID = ?2)
                ORDER BY licensedAt DESC NULLS LAST, recorded DESC, productID
                """, arguments: [provider, assetID?.rawValue]).map(Self.licensedProduct(from:))
        }
    }

    /// Remembers products the service's history reports (bought on its website, or by another
    /// copy of stockterm), so that "is this asset licensed?" knows them. Products already known
    /// keep their purchase; their title, file name and whether the file is still offered follow
    /// the service. Returns how many were new.
    @discardableResult
    public func importLicensedProducts(_ products: [LicensedProduct], provider: String, now: Date = Date()) throws -> Int {
        guard !products.isEmpty else { return 0 }
        return try write { db in
            var added = 0
            for product in products {
                let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM licensedProduct WHERE provider = ? AND productID = ?",
                                              arguments: [provider, product.id]) ?? false
                try Self.upsert(db, product: product, provider: provider, purchaseID: nil, intentKey: nil,
                                source: "history", now: now)
                if !known { added += 1 }
            }
            return added
        }
    }

    static func upsert(_ db: Database, product: LicensedProduct, provider: String, purchaseID: String?, intentKey: String?,
                       source: String, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO licensedProduct (provider, productID, assetID, optionID, name, type, licensedAt, title, fileName,
                                         downloadable, purchaseID, intentKey, source, recorded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (provider, productID) DO UPDATE SET
                optionID = coalesce(optionID, excluded.optionID),
                licensedAt = coalesce(licensedAt, excluded.licensedAt),
                title = coalesce(excluded.title, title),
                fileName = coalesce(excluded.fileName, fileName),
                downloadable = excluded.downloadable,
                purchaseID = coalesce(purchaseID, excluded.purchaseID),
                intentKey = coalesce(intentKey, excluded.intentKey),
                source = CASE WHEN excluded.source = 'receipt' THEN 'receipt' ELSE source END
            """, arguments: [provider, product.id, product.assetID.rawValue, product.optionID, product.name,
                             product.type.rawValue, product.licensedAt, product.title, product.fileName,
                             product.downloadable, purchaseID, intentKey, source, now])
    }

    static func licensedProduct(from row: Row) throws -> LicensedProduct {
        let typeText: String = row["type"]
        return LicensedProduct(
            id: row["productID"], assetID: AssetID(rawValue: row["assetID"]), optionID: row["optionID"], name: row["name"],
            type: Product.ProductType(rawValue: typeText) ?? .deliverable, licensedAt: row["licensedAt"],
            title: row["title"], fileName: row["fileName"], downloadable: row["downloadable"])
    }
}
