import Foundation
import StockCore

/// The embedded catalog as a `StockProvider`: searches run on the calling task's thread, off the
/// screen thread, and are cheap enough (milliseconds) that they need no cancellation points.
public struct LocalProvider: StockProvider {
    public let catalog: LocalCatalog
    public let info: ProviderInfo

    public init(catalog: LocalCatalog, displayName: String = "demo catalog") {
        self.catalog = catalog
        self.info = ProviderInfo(displayName: displayName, facetGroups: FacetGroup.allCases, maxPageSize: 500)
    }

    public func search(_ request: SearchRequest) async throws -> SearchPage {
        guard request.pageSize <= info.maxPageSize else {
            throw StockError.invalidRequest("page size \(request.pageSize) is above the limit of \(info.maxPageSize)")
        }
        return try catalog.search(request)
    }

    public func asset(id: AssetID) async throws -> Asset { try catalog.asset(id: id) }

    public func assets(ids: [AssetID]) async throws -> AssetLookup { try catalog.assets(ids: ids) }

    public func categories() async throws -> [StockCore.Category] { catalog.categoryList() }

    /// The local demo account. Licensing against it arrives with the ledger (issue 5).
    public func account() async throws -> Account {
        Account(name: "Demo account", balance: Money(amount: 43_750, currency: "USD"), licenseTier: "Demo",
                isDemo: true, licensingUnavailableReason: "licensing from the demo catalog is not available yet")
    }
}
