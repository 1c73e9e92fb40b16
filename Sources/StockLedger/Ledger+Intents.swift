import Foundation
import GRDB
import StockCore

extension Ledger {
    /// Writes a `pending` intent and commits it before returning: call it before sending the
    /// license request, and send `key` with it.
    ///
    /// - Parameters:
    ///   - provider: the provider's name in config.toml ("demo", "stocksy-main").
    ///   - key: the idempotency key, a fresh UUID string; unique in the ledger.
    ///   - now: the intent's creation time (`findLicense`'s `sentAfter`).
    /// - Throws: `LedgerError.duplicateKey` when the key is already used.
    @discardableResult
    public func recordIntent(provider: String, order: LicenseOrder, quote: LicenseQuote, key: String,
                             now: Date) throws -> PurchaseIntent {
        try recordIntent(provider: provider, order: order, quote: quote, key: key, now: now,
                         processID: ProcessInfo.processInfo.processIdentifier)
    }

    /// `recordIntent` as another process would write it (tests of the in-flight rule).
    @discardableResult
    func recordIntent(provider: String, order: LicenseOrder, quote: LicenseQuote, key: String, now: Date,
                      processID: Int32) throws -> PurchaseIntent {
        let orderJSON = try LedgerJSON.encode(order)
        let quoteJSON = try LedgerJSON.encode(quote)
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM intent WHERE key = ?", arguments: [key]) == true {
                throw LedgerError.duplicateKey(key)
            }
            try db.execute(sql: """
                INSERT INTO intent (key, provider, assetID, orderJSON, totalAmount, totalUnit, quoteJSON, created, state,
                                    processID, updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """, arguments: [key, provider, order.assetID.rawValue, orderJSON, quote.total.minorUnits,
                                 Self.unit(of: quote.total), quoteJSON, now, processID, now])
            return try Self.intent(db, key: key)
        }
    }

    /// Records the service's answer: the intent becomes `confirmed`, and each licensed product is
    /// remembered for `licensedProducts`. Confirming again with the same purchase changes nothing.
    ///
    /// A receipt may confirm an intent that was `failed` or `unresolved` (the service's history
    /// is the truth); a confirmed intent never changes.
    /// - Throws: `LedgerError.unknownIntent`, or `.alreadyConfirmed` for a different purchase.
    @discardableResult
    public func confirm(key: String, receipt: LicenseReceipt, now: Date = Date()) throws -> PurchaseIntent {
        let receiptJSON = try LedgerJSON.encode(receipt)
        return try write { db in
            let intent = try Self.intent(db, key: key)
            if intent.state == .confirmed {
                guard intent.receipt?.purchaseID == receipt.purchaseID else {
                    throw LedgerError.alreadyConfirmed(key: key, purchaseID: intent.receipt?.purchaseID ?? "?")
                }
                return intent
            }
            try db.execute(sql: """
                UPDATE intent SET state = 'confirmed', receiptJSON = ?, purchaseID = ?, message = NULL, updated = ?
                WHERE key = ?
                """, arguments: [receiptJSON, receipt.purchaseID, now, key])
            for product in receipt.products {
                try Self.upsert(db, product: product, provider: intent.provider, purchaseID: receipt.purchaseID,
                                intentKey: key, source: "receipt", now: now)
            }
            return try Self.intent(db, key: key)
        }
    }

    /// The service refused and charged nothing (or has no record of the request): the intent
    /// becomes `failed` with `message`.
    /// - Throws: `LedgerError.invalidTransition` for a confirmed intent.
    @discardableResult
    public func fail(key: String, message: String, now: Date = Date()) throws -> PurchaseIntent {
        try settle(key: key, state: .failed, message: message, now: now)
    }

    /// The outcome cannot be checked: the intent becomes `unresolved` with `message` saying what a
    /// person should look at. It blocks another license of the asset without "license again".
    /// - Throws: `LedgerError.invalidTransition` for a confirmed intent.
    @discardableResult
    public func markUnresolved(key: String, message: String, now: Date = Date()) throws -> PurchaseIntent {
        try settle(key: key, state: .unresolved, message: message, now: now)
    }

    private func settle(key: String, state: IntentState, message: String, now: Date) throws -> PurchaseIntent {
        try write { db in
            let intent = try Self.intent(db, key: key)
            guard intent.state != .confirmed else {
                throw LedgerError.invalidTransition(key: key, from: intent.state, to: state)
            }
            try db.execute(sql: "UPDATE intent SET state = ?, message = ?, updated = ? WHERE key = ?",
                           arguments: [state.rawValue, message, now, key])
            return try Self.intent(db, key: key)
        }
    }

    /// The intent with this key, if any.
    public func intent(key: String) throws -> PurchaseIntent? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM intent WHERE key = ?", arguments: [key]).map(Self.intent(from:))
        }
    }

    /// The `pending` and `unresolved` intents of a provider, oldest first: what must be reconciled
    /// before anything else is sent.
    public func unfinishedIntents(provider: String) throws -> [PurchaseIntent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM intent WHERE provider = ? AND state IN ('pending', 'unresolved') ORDER BY id
                """, arguments: [provider]).map(Self.intent(from:))
        }
    }

    /// One page of the journal, newest first; every provider's when `provider` is nil.
    public func intents(provider: String?, offset: Int, limit: Int) throws -> [PurchaseIntent] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM intent WHERE (?1 IS NULL OR provider = ?1) ORDER BY id DESC LIMIT ?2 OFFSET ?3
                """, arguments: [provider, max(0, limit), max(0, offset)]).map(Self.intent(from:))
        }
    }

    /// How many intents the journal holds (a provider's, or all).
    public func intentCount(provider: String?) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM intent WHERE (?1 IS NULL OR provider = ?1)",
                             arguments: [provider]) ?? 0
        }
    }

    /// The intent a purchase of this provider confirmed, if any (so that one receipt never
    /// confirms two intents).
    public func intent(provider: String, purchaseID: String) throws -> PurchaseIntent? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM intent WHERE provider = ? AND purchaseID = ? AND state = 'confirmed'",
                             arguments: [provider, purchaseID]).map(Self.intent(from:))
        }
    }

    // MARK: Rows

    static func intent(_ db: Database, key: String) throws -> PurchaseIntent {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM intent WHERE key = ?", arguments: [key]) else {
            throw LedgerError.unknownIntent(key: key)
        }
        return try intent(from: row)
    }

    static func intent(from row: Row) throws -> PurchaseIntent {
        let stateText: String = row["state"]
        guard let state = IntentState(rawValue: stateText) else {
            throw LedgerError.storage("unknown intent state \(stateText)")
        }
        let quote = try LedgerJSON.decode(LicenseQuote.self, from: row["quoteJSON"])
        let receiptJSON: String? = row["receiptJSON"]
        return PurchaseIntent(
            sequence: row["id"], key: row["key"], provider: row["provider"], assetID: AssetID(rawValue: row["assetID"]),
            order: try LedgerJSON.decode(LicenseOrder.self, from: row["orderJSON"]), quote: quote, total: quote.total,
            created: row["created"], state: state, receipt: try receiptJSON.map { try LedgerJSON.decode(LicenseReceipt.self, from: $0) },
            message: row["message"], updated: row["updated"], processID: row["processID"])
    }

    /// "USD", or "credits".
    static func unit(of cost: LicenseCost) -> String {
        switch cost {
        case .money(let m): m.currency
        case .credits: "credits"
        }
    }
}
