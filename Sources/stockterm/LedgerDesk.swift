import BrowserModel
import BrowserRuntime
import Foundation
import StockCore
import StockLedger

/// The browser's `PurchaseDesk`: licensing through the ledger's coordinator, what is licensed
/// and the purchase history from the ledger, downloads through `FileDownload`.
struct LedgerDesk: PurchaseDesk {
    let coordinator: LicenseCoordinator
    let files: FileDownload
    /// Said in place of the service's history when its API keeps none (StockFlow).
    let historyNote: String?

    /// The desk of a provider, or nil when it cannot license. Unfinished intents of the provider
    /// (a purchase whose answer a crash or a timeout lost) are reconciled at once, in the
    /// background; the coordinator also reconciles before it sends anything.
    static func make(providerName: String?, provider: any StockProvider, ledger: Ledger) -> LedgerDesk? {
        guard let licensing = LicensingSetup.licensing(for: provider, ledger: ledger) else { return nil }
        let name = providerName ?? "demo"
        let coordinator = LicenseCoordinator(ledger: ledger, provider: name, licensing: licensing)
        if (try? ledger.unfinishedIntents(provider: name).isEmpty) == false {
            Task { _ = try? await coordinator.reconcile() }
        }
        return LedgerDesk(coordinator: coordinator,
                          files: FileDownload(ledger: ledger, provider: name, licensing: licensing,
                                              directory: LicensingSetup.downloadDirectory()),
                          historyNote: LicensingSetup.historyNote(licensing, serviceName: provider.info.displayName))
    }

    func offer(for asset: Asset) async throws -> LicenseOffer { try await coordinator.offer(for: asset) }

    func license(_ order: LicenseOrder, offer: LicenseOffer) async throws -> LicenseReceipt {
        try await coordinator.license(order, offer: offer)
    }

    func licensed(assetID: AssetID) async throws -> [LicensedProduct] {
        try files.ledger.licensedProducts(provider: files.provider, assetID: assetID)
    }

    func history(_ source: HistorySource, offset: Int, limit: Int) async throws -> HistoryPage {
        switch source {
        case .ledger:
            let records = try await coordinator.history(offset: offset, limit: limit).map(Self.record)
            return HistoryPage(records: records, hasMore: records.count >= limit)
        case .service:
            let page = try await coordinator.serviceHistory(offset: offset, limit: limit)
            let note = page.items.isEmpty && offset == 0 ? historyNote : nil
            return HistoryPage(records: page.items.map(Self.record), hasMore: page.hasMore(limit: limit), note: note,
                               skipped: page.skipped.count)
        }
    }

    func download(_ product: LicensedProduct, progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> String {
        try await files.fetch(product, progress: progress).path
    }

    /// A license of the service's history as a line of the history view.
    static func record(_ product: LicensedProduct) -> PurchaseRecord {
        PurchaseRecord(state: "confirmed", date: product.licensedAt, assetID: product.assetID, what: product.name,
                       title: product.title, products: [product],
                       message: product.downloadable ? nil : StockError.noLongerOffered(product.assetID, product.name).message)
    }

    /// A ledger intent as a line of the history view.
    static func record(_ intent: PurchaseIntent) -> PurchaseRecord {
        let names = intent.quote.lines.map(\.name).joined(separator: " + ")
        return PurchaseRecord(state: intent.state.rawValue, date: intent.created, assetID: intent.assetID, what: names,
                              total: intent.receipt?.total ?? intent.total, purchaseID: intent.receipt?.purchaseID,
                              products: intent.receipt?.products ?? [], message: intent.message)
    }
}
