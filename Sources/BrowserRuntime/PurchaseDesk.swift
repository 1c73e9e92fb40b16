import BrowserModel
import StockCore

/// Licensing as the browser uses it: the ledger's coordinator (journal before send, reconcile,
/// never twice), the ledger's records and the downloader, behind one port so that the runtime
/// needs neither SQLite nor HTTP. The executable builds one per provider.
public protocol PurchaseDesk: Sendable {
    /// What the asset can be licensed as, after reconciling any unfinished intent.
    func offer(for asset: Asset) async throws -> LicenseOffer
    /// Journals the intent, sends it once, records the outcome.
    func license(_ order: LicenseOrder, offer: LicenseOffer) async throws -> LicenseReceipt
    /// What the ledger knows is licensed of an asset (no network).
    func licensed(assetID: AssetID) async throws -> [LicensedProduct]
    /// A page of the ledger's purchases, or of the service's own license history, newest first.
    func history(_ source: HistorySource, offset: Int, limit: Int) async throws -> HistoryPage
    /// Downloads a licensed product into the download directory; returns the file's path.
    func download(_ product: LicensedProduct, progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> String
}
