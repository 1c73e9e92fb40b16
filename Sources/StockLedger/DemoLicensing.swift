import Foundation
import StockCore

/// Licensing for the embedded demo catalog, so that the whole flow works on a fresh machine: a
/// local "Demo account" whose balance (starting at $437.50) lives in the ledger, and whose
/// purchases are charged and recorded in one ledger transaction. No real money moves; the
/// account says so (`isDemo`, the license name).
///
/// ```swift
/// let demo = DemoLicensing(ledger: ledger, catalog: localProvider) { key, name, size in
///     fileServer.url(key: key, name: name, size: size)     // 127.0.0.1
/// }
/// let coordinator = LicenseCoordinator(ledger: ledger, provider: "demo", licensing: demo)
/// ```
public struct DemoLicensing: StockLicensing {
    /// Makes the URL a generated file of `size` bytes is served at, under `name`; `key` names the
    /// file's content.
    public typealias FileURLMaker = @Sendable (_ key: String, _ name: String, _ size: Int64) async throws -> URL

    /// "stockterm demo license (no real money)".
    public static let licenseName = "stockterm demo license (no real money)"

    private let ledger: Ledger
    private let catalog: any StockProvider
    private let fileURL: FileURLMaker
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - catalog: where assets are looked up (the embedded catalog's provider).
    ///   - now: the clock demo purchases are stamped with.
    ///   - fileURL: serves the files of downloads and comps.
    public init(ledger: Ledger, catalog: any StockProvider, now: @escaping @Sendable () -> Date = { Date() },
                fileURL: @escaping FileURLMaker) {
        self.ledger = ledger; self.catalog = catalog; self.now = now; self.fileURL = fileURL
    }

    /// The demo account: "Demo account", tier "Demo", `isDemo`; its balance in `currency`.
    public func account(currency: String = "USD") throws -> Account {
        Account(name: "Demo account", balance: try ledger.demoBalance(currency: currency), licenseTier: "Demo", isDemo: true)
    }

    public func licenseOffer(for asset: Asset) async throws -> LicenseOffer {
        let options = LicenseOption.options(from: asset.products)
        let currency: String
        if case .money(let m)? = options.first?.cost { currency = m.currency } else { currency = "USD" }
        return LicenseOffer(
            assetID: asset.id, options: options, references: Self.references, account: try account(currency: currency),
            licenseName: Self.licenseName, taxBasisPoints: 0, alreadyLicensed: try ledger.demoLicensedProducts(assetID: asset.id))
    }

    /// Stocksy's references, none required, so that the demo shows the reference fields.
    static let references = [
        LicenseReferenceField(id: "project", label: "Project", required: false),
        LicenseReferenceField(id: "client", label: "Client", required: false),
        LicenseReferenceField(id: "poNumber", label: "PO number", required: false),
    ]

    /// Charges the demo balance and records the purchase in one transaction. The same key
    /// returns the purchase already made, charging nothing.
    /// - Throws: `LicensingRefusal.insufficientBalance`, `StockError.invalidRequest` for a choice
    ///   that is not one size of the asset (plus extended licenses), `StockError.notFound`.
    public func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt {
        let asset = try await catalog.asset(id: order.assetID)
        let options = LicenseOption.options(from: asset.products)
        var lines: [LicenseOption] = []
        for id in order.optionIDs {
            guard let option = options.first(where: { $0.id == id }), !lines.contains(option) else {
                throw StockError.invalidRequest("asset \(asset.id) has no product \(SafeText.sanitize(id))")
            }
            lines.append(option)
        }
        guard lines.filter({ $0.type == .deliverable }).count == 1 else {
            throw StockError.invalidRequest("choose exactly one size of asset \(asset.id)")
        }
        var total: Money?
        for line in lines {
            guard case .money(let price) = line.cost else { throw StockError.invalidRequest("unpriced product \(line.id)") }
            if let sum = total {
                guard let next = Money.sum([sum, price]) else {
                    throw StockError.invalidRequest("products of asset \(asset.id) are priced in several currencies")
                }
                total = next
            } else {
                total = price
            }
        }
        guard let total else { throw StockError.invalidRequest("nothing to license") }
        let format = try DemoFile.format(of: asset, requested: nil)
        return try ledger.recordDemoPurchase(
            key: idempotencyKey, assetID: asset.id, lines: lines, total: total, title: asset.title,
            fileName: { $0.type == .deliverable ? DemoFile.name(assetID: asset.id, label: $0.name, format: format) : nil },
            now: now())
    }

    public var canReconcile: Bool { true }

    /// The newest demo purchase of exactly these options of the asset made at or after `sentAfter`
    /// (one clock, so no allowance for skew).
    public func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt? {
        try ledger.demoPurchases(assetID: order.assetID, optionIDs: order.optionIDs, since: sentAfter).first
    }

    public func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        let page = try ledger.demoLicensedProducts(offset: offset, limit: limit)
        return LicenseHistoryPage(items: page.items, offset: max(0, offset), total: page.total)
    }

    /// A URL for the product's generated file: width × height / 4 bytes for a picture, duration ×
    /// 1.2 MB/s for a video, at most 32 MB.
    /// - Throws: `StockError.forbidden` for a product the demo account did not license,
    ///   `.invalidRequest` for an extended license (it has no file) or a format not offered,
    ///   `.notFound` when the catalog no longer has the asset.
    public func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink {
        guard let licensed = try ledger.demoLicensedProduct(id: product.id) else {
            throw StockError.forbidden("the demo account has not licensed \(SafeText.sanitize(product.id))")
        }
        guard licensed.type == .deliverable else {
            throw StockError.invalidRequest("\(SafeText.sanitize(licensed.name)) is an extended license and has no file; "
                                            + "download the size it extends")
        }
        let asset = try await catalog.asset(id: licensed.assetID)
        let chosen = try DemoFile.format(of: asset, requested: format)
        let dimensions = asset.products.first { String($0.productTypeId) == licensed.optionID }?.dimensions
        let size = DemoFile.size(asset: asset, dimensions: dimensions)
        let name = DemoFile.name(assetID: asset.id, label: licensed.name, format: chosen)
        let key = format == nil ? licensed.id : "\(licensed.id).\(chosen)"
        return DownloadLink(url: try await fileURL(key, name, size), suggestedName: name)
    }

    /// A watermarked comp: the picture at 1000 px on its longer side, or the video at 0.25 MB/s.
    public func compLink(for asset: Asset) async throws -> DownloadLink {
        let format = try DemoFile.format(of: asset, requested: nil)
        let name = DemoFile.name(assetID: asset.id, label: "comp", format: asset.kind == .video ? format : "jpeg")
        return DownloadLink(url: try await fileURL("demo-comp-\(asset.id)", name, DemoFile.compSize(asset: asset)),
                            suggestedName: name, isComp: true)
    }
}
