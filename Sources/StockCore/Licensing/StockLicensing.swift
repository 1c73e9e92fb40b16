import Foundation

/// Licensing, license history and download links of one service (or of the demo account).
/// A provider that can license returns one from `StockProvider.licensing`.
///
/// Implementations send exactly one request per call: `license` is never retried on its own
/// (the transport never resends a POST), because whether it charged is only known from the
/// service's history. `LicenseCoordinator` (StockLedger) journals every call of `license` and
/// reconciles with `findLicense`.
public protocol StockLicensing: Sendable {
    /// What can be licensed for the asset, the references to fill, the account, and what is
    /// already licensed. Throws `StockError.forbidden` with the reason when these credentials
    /// cannot license at all (a read-only key, an expired plan).
    func licenseOffer(for asset: Asset) async throws -> LicenseOffer

    /// Sends the license request. `idempotencyKey` is the ledger's key for this intent; services
    /// that accept one get it, the others ignore it.
    func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt

    /// Whether `findLicense` can answer. A service with no history (StockFlow documents none)
    /// leaves an unanswered intent unresolved, and nothing is resent for it without an explicit
    /// "license again".
    var canReconcile: Bool { get }

    /// The license this order produced if the service has one licensed at or after `sentAfter`
    /// (less a few minutes for clock skew), or nil if it has none. Used after a crash or a
    /// timeout, before anything else is sent.
    func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt?

    /// One page of the account's history, newest first (Stocksy `Range: items=…`, Adobe
    /// LicenseHistory `limit` and `offset`).
    func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage

    /// The same for the whole organisation when `organisation` is true, where the service keeps
    /// one (Adobe's `all=true`); by default the account's own history.
    func licenseHistory(offset: Int, limit: Int, organisation: Bool) async throws -> LicenseHistoryPage

    /// A fresh link for a licensed product. `format` asks a vector for "jpeg" or "png" where the
    /// service offers it. Throws `StockError.noLongerOffered` (words saying the license remains
    /// valid) when the service no longer offers the file.
    func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink

    /// A watermarked comp of an asset that is not licensed.
    func compLink(for asset: Asset) async throws -> DownloadLink
}

extension StockLicensing {
    public func licenseHistory(offset: Int, limit: Int, organisation: Bool) async throws -> LicenseHistoryPage {
        try await licenseHistory(offset: offset, limit: limit)
    }
}

extension StockProvider {
    /// Clients that can license conform to `StockLicensing` and return themselves.
    public var licensing: (any StockLicensing)? { self as? any StockLicensing }
}
