import Foundation
import StockCore

/// What can happen to the licensing flow, the downloads and the purchase history (wrapped in
/// `BrowserAction.purchase`).
public enum PurchaseAction: Hashable, Sendable {
    /// `l` in the detail view: start licensing the asset shown.
    case begin
    /// The answer to `.loadOffer`.
    case offerAnswered(RequestID, Result<LicenseOffer, BrowserFailure>)
    /// Move the highlighted row, reference field or button.
    case moveCursor(Int)
    /// Space: choose the size under the cursor, or toggle the license or "license again".
    case toggleAtCursor
    /// Enter: go on (choose and continue; next field; press the focused button).
    case next
    /// Tab on the confirmation screen: the other button.
    case switchButton
    /// `y` on the confirmation screen: license now (as Enter on the License button).
    case confirm
    /// An editing key in a reference field.
    case editReference(QueryEdit)
    /// The answer to `.license`.
    case licenseAnswered(RequestID, Result<LicenseReceipt, BrowserFailure>)
    /// What the ledger and service know is licensed for an asset (`.loadLicenses`).
    case licensesAnswered(AssetID, [LicensedProduct])
    /// `d`: download the product under the cursor (done step) or the asset's latest license (detail).
    case download
    /// A download moved on.
    case downloadProgressed(productID: String, DownloadProgress)
    /// A download ended: the file's path, or why not.
    case downloadFinished(productID: String, Result<String, BrowserFailure>)
    /// `L`: the purchase history on or off.
    case toggleHistory
    /// Move the history's cursor (the next page is asked for near the end).
    case moveHistoryCursor(Int)
    /// Enter or `d` in the history: download the highlighted purchase.
    case downloadFromHistory
    /// Tab in the history: the ledger's purchases or the service's own license history.
    case switchHistorySource
    /// The answer to `.loadHistory`.
    case historyAnswered(RequestID, Result<HistoryPage, BrowserFailure>)
}

/// One download the browser started.
public struct DownloadStatus: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        case running
        /// Saved at this path.
        case finished(String)
        case failed(String)
    }
    public var product: LicensedProduct
    public var progress: DownloadProgress
    public var phase: Phase
    public init(product: LicensedProduct, progress: DownloadProgress = DownloadProgress(received: 0), phase: Phase = .running) {
        self.product = product; self.progress = progress; self.phase = phase
    }
}

/// One line of the purchase history view: an intent in the ledger and what became of it, or a
/// license in the service's own history.
public struct PurchaseRecord: Hashable, Sendable {
    /// The ledger's state: "pending", "confirmed", "failed", "unresolved" ("confirmed" for every
    /// license of the service's history).
    public var state: String
    /// When it was bought; nil when the service's history does not say.
    public var date: Date?
    public var assetID: AssetID
    /// The product names, "Medium + Products for resale". Unsanitised.
    public var what: String
    /// The asset's title, when the service's history gives it. Unsanitised.
    public var title: String?
    public var total: LicenseCost?
    /// The service's purchase id, once confirmed.
    public var purchaseID: String?
    /// What can be downloaded.
    public var products: [LicensedProduct]
    /// Why it failed or is unresolved.
    public var message: String?

    public init(state: String, date: Date?, assetID: AssetID, what: String, title: String? = nil, total: LicenseCost? = nil,
                purchaseID: String? = nil, products: [LicensedProduct] = [], message: String? = nil) {
        self.state = state; self.date = date; self.assetID = assetID; self.what = what; self.title = title; self.total = total
        self.purchaseID = purchaseID; self.products = products; self.message = message
    }
}

/// Where the history view reads from.
public enum HistorySource: Hashable, Sendable {
    /// The local ledger: every purchase this machine sent, with its state (pending, failed …).
    case ledger
    /// The service's own license or purchase history (Stocksy `GET /purchases`, Adobe
    /// LicenseHistory), including purchases made elsewhere.
    case service

    /// The other source (Tab).
    public var other: HistorySource { self == .ledger ? .service : .ledger }
}

/// One page of history, as the desk answers `.loadHistory`.
public struct HistoryPage: Hashable, Sendable {
    public var records: [PurchaseRecord]
    /// Whether a page after this one may exist.
    public var hasMore: Bool
    /// Said instead of "no licenses" when the source cannot list anything (StockFlow's API keeps
    /// no license history). Unsanitised.
    public var note: String?
    /// Records of the page the service sent that could not be read (they count towards the
    /// next page's offset, and the view says how many were left out).
    public var skipped: Int
    public init(records: [PurchaseRecord], hasMore: Bool, note: String? = nil, skipped: Int = 0) {
        self.records = records; self.hasMore = hasMore; self.note = note; self.skipped = skipped
    }
}

/// The purchase history overlay.
public struct HistoryState: Hashable, Sendable {
    /// The ledger's purchases or the service's licenses.
    public var source: HistorySource
    /// The page request running, if any.
    public var requestID: RequestID?
    public var records: [PurchaseRecord]
    /// The highlighted record.
    public var cursor: Int
    public var errorMessage: String?
    /// Whether the source may hold more records than loaded.
    public var hasMore: Bool
    /// What the source said about itself instead of records (`HistoryPage.note`).
    public var note: String?
    /// How many records the source has answered so far (the next page's offset; more than
    /// `records.count` when a moved page repeated some).
    public var loaded: Int
    /// How many records of the source could not be read and were left out.
    public var skipped: Int
    public init(source: HistorySource = .ledger, requestID: RequestID?) {
        self.source = source; self.requestID = requestID; records = []; cursor = 0; errorMessage = nil; hasMore = true
        note = nil; loaded = 0; skipped = 0
    }
}
