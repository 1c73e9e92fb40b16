import Foundation
import StockCore

/// Where a purchase intent stands.
public enum IntentState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Written before the request was sent; the outcome is not known yet.
    case pending
    /// The service licensed it; `PurchaseIntent.receipt` holds its answer.
    case confirmed
    /// The service said no and charged nothing (or has no record of it).
    case failed
    /// The outcome could not be checked (the service keeps no history stockterm can read):
    /// a person must look at the service's own history.
    case unresolved

    /// Whether the outcome is still open (`pending` or `unresolved`).
    public var isUnfinished: Bool { self == .pending || self == .unresolved }
}

/// One row of the ledger's purchase journal: what was ordered, at what quoted price, when, and
/// what came of it.
public struct PurchaseIntent: Hashable, Sendable, Codable {
    /// The row's sequence number in the ledger (increasing with time).
    public var sequence: Int64
    /// The idempotency key (a UUID string) sent with the request.
    public var key: String
    /// The provider's name in config.toml ("demo", "stocksy-main").
    public var provider: String
    public var assetID: AssetID
    public var order: LicenseOrder
    /// The confirmation's figures as the person saw them.
    public var quote: LicenseQuote
    /// `quote.total`, kept in its own columns for queries.
    public var total: LicenseCost
    /// When the intent was written, before the request was sent.
    public var created: Date
    public var state: IntentState
    /// The service's answer, once confirmed.
    public var receipt: LicenseReceipt?
    /// Why it failed or is unresolved, in words.
    public var message: String?
    /// When the state last changed.
    public var updated: Date
    /// The process that wrote it (so that another process does not reconcile a request that is
    /// still in flight).
    public var processID: Int32?

    public init(sequence: Int64, key: String, provider: String, assetID: AssetID, order: LicenseOrder, quote: LicenseQuote,
                total: LicenseCost, created: Date, state: IntentState, receipt: LicenseReceipt? = nil, message: String? = nil,
                updated: Date, processID: Int32? = nil) {
        self.sequence = sequence; self.key = key; self.provider = provider; self.assetID = assetID; self.order = order
        self.quote = quote; self.total = total; self.created = created; self.state = state; self.receipt = receipt
        self.message = message; self.updated = updated; self.processID = processID
    }
}
