import Foundation
import StockCore

/// A sandbox's licensing: every call waits for the emulator to run, then goes to its client's
/// own `StockLicensing` (the same requests as with a real account, to the emulator's accounts).
/// It exists only because `StockProvider.licensing` must answer before the emulator is started.
struct SandboxLicensing: StockLicensing {
    let sandbox: SandboxProvider
    /// The client's own `canReconcile` (StockFlow keeps no history: false).
    let canReconcile: Bool

    func licenseOffer(for asset: Asset) async throws -> LicenseOffer {
        try await sandbox.clientLicensing().licenseOffer(for: asset)
    }

    func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt {
        try await sandbox.clientLicensing().license(order, idempotencyKey: idempotencyKey)
    }

    func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt? {
        try await sandbox.clientLicensing().findLicense(for: order, sentAfter: sentAfter)
    }

    func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        try await sandbox.clientLicensing().licenseHistory(offset: offset, limit: limit)
    }

    func licenseHistory(offset: Int, limit: Int, organisation: Bool) async throws -> LicenseHistoryPage {
        try await sandbox.clientLicensing().licenseHistory(offset: offset, limit: limit, organisation: organisation)
    }

    func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink {
        try await sandbox.clientLicensing().downloadLink(for: product, format: format)
    }

    func compLink(for asset: Asset) async throws -> DownloadLink {
        try await sandbox.clientLicensing().compLink(for: asset)
    }
}
