import BrowserModel
import Foundation
import StockCore

/// Small assets and pages for reducer tests.
enum Fixture {
    static func asset(_ id: Int64, _ title: String? = nil, description: String = "") -> Asset {
        Asset(id: AssetID(id), kind: .photo, title: title ?? "asset \(id)", description: description,
              width: 4000, height: 3000, created: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func assets(_ ids: ClosedRange<Int64>) -> [Asset] { ids.map { asset($0) } }

    static func page(_ ids: [Int64], page: Int = 1, pageSize: Int = 5, total: Int,
                     facets: FacetCounts = FacetCounts()) -> SearchPage {
        SearchPage(items: ids.map { asset($0) }, page: page, pageSize: pageSize, total: total, totalIsExact: true,
                   facets: facets)
    }

    static func page(_ ids: ClosedRange<Int64>, page: Int = 1, pageSize: Int = 5, total: Int,
                     facets: FacetCounts = FacetCounts()) -> SearchPage {
        self.page(Array(ids), page: page, pageSize: pageSize, total: total, facets: facets)
    }

    /// A key for a query text that parses.
    static func key(_ text: String, filters: SearchFilters = SearchFilters(), sort: SortField = .relevance,
                    order: SortDirection = .desc) -> SearchKey {
        SearchKey(query: try! QueryParser.parse(text), filters: filters, sort: sort, order: order)
    }

    /// The request for page `page` of `text`.
    static func request(_ text: String, page: Int = 1, pageSize: Int = 5, filters: SearchFilters = SearchFilters(),
                        sort: SortField = .relevance, order: SortDirection = .desc) -> SearchRequest {
        key(text, filters: filters, sort: sort, order: order).request(page: page, pageSize: pageSize)
    }

    /// A fresh browser with 5 results per page and 3 visible rows.
    /// The demo catalog showing one page of five results (its cache holding it), offering
    /// `providers`, for the provider-switch tests.
    static func loadedOffering(_ providers: [ProviderEntry]) -> BrowserState {
        var state = Fixture.state()
        state.providers = providers
        state.activeProvider = "demo"
        let key = Fixture.key("")
        let page = Fixture.page(1...5, total: 5)
        state.activeKey = key
        state.results = ResultSet(pages: [page])
        state.cache.store(ResultSet(pages: [page]), for: key)
        state.selection = 0
        state.nextRequestID = 2
        return state
    }

    static func state(pageSize: Int = 5, rows: Int = 3) -> BrowserState {
        BrowserState(providerName: "test catalog", pageSize: pageSize, viewportRows: rows)
    }
}
