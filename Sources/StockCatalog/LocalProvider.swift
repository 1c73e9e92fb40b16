import Foundation
import StockCore

/// The embedded catalog as a `StockProvider`. Searches and lookups run on one serial worker
/// queue (`CatalogWorker`), off the screen thread and off Swift's cooperative pool; a search
/// cancelled before it starts never runs.
public struct LocalProvider: StockProvider {
    /// The catalog searched.
    public let catalog: LocalCatalog
    /// Name, facet groups and page size limit.
    public let info: ProviderInfo
    private let worker = CatalogWorker()
    /// Where each search's timings go, when set (`STOCKTERM_SEARCH_LOG`).
    private let searchLog: SearchLog?

    public init(catalog: LocalCatalog, displayName: String = "demo catalog", searchLog: SearchLog? = nil) {
        self.catalog = catalog
        self.searchLog = searchLog
        self.info = ProviderInfo(displayName: displayName, facetGroups: FacetGroup.allCases, maxPageSize: 500,
                                 countsFacets: true)
    }

    public func search(_ request: SearchRequest) async throws -> SearchPage {
        guard request.pageSize <= info.maxPageSize else {
            throw StockError.invalidRequest("page size \(request.pageSize) is above the limit of \(info.maxPageSize)")
        }
        let catalog = self.catalog, log = searchLog
        return try await worker.run {
            guard let log else { return try catalog.search(request) }
            var timings = SearchTimings()
            let page = try catalog.search(request, timings: &timings)
            log.record(request, timings)
            return page
        }
    }

    public func asset(id: AssetID) async throws -> Asset {
        let catalog = self.catalog
        return try await worker.run { try catalog.asset(id: id) }
    }

    public func assets(ids: [AssetID]) async throws -> AssetLookup {
        let catalog = self.catalog
        return try await worker.run { try catalog.assets(ids: ids) }
    }

    public func categories() async throws -> [StockCore.Category] { catalog.categoryList() }

    /// The local demo account. Its balance lives in the purchase ledger: the executable licenses
    /// through StockLedger's `DemoLicensing`, whose `account()` reports it.
    public func account() async throws -> Account {
        Account(name: "Demo account", licenseTier: "Demo", isDemo: true)
    }
}
