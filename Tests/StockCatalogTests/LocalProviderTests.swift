import Foundation
import StockCore
import Testing
@testable import StockCatalog

/// The local catalog seen through `StockProvider`, as the browser will use it.
@Suite struct LocalProviderTests {
    @Test func searchesLooksUpAndReportsUnknownIds() async throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 200, seed: 1))
        defer { test.remove() }
        let provider: any StockProvider = LocalProvider(catalog: test.catalog)
        let page = try await provider.search(SearchRequest(pageSize: 10))
        #expect(page.items.count == 10)
        #expect(page.totalIsExact)
        let first = try #require(page.items.first)
        #expect(try await provider.asset(id: first.id) == first)
        let lookup = try await provider.assets(ids: [first.id, 999_999])
        #expect(lookup.assets.map(\.id) == [first.id])
        #expect(lookup.unavailable == [999_999])
        await #expect(throws: StockError.notFound(999_999)) { try await provider.asset(id: 999_999) }
        let categories = try await provider.categories()
        #expect(categories.map(\.slug).sorted() == Array(Set(test.assets.compactMap(\.category))).sorted())
        let account = try await provider.account()
        #expect(account.isDemo)
    }

    @Test func refusesPagesAboveItsLimit() async throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 20, seed: 1))
        defer { test.remove() }
        let provider = LocalProvider(catalog: test.catalog)
        await #expect(throws: StockError.self) { try await provider.search(SearchRequest(pageSize: 501)) }
    }

    @Test func theIndexIsRebuiltWhenTheFileChanges() throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 30, seed: 2))
        defer { test.remove() }
        let cache = test.directory.appendingPathComponent("cache")
        #expect(try LocalCatalog.open(source: test.file, cacheDirectory: cache).1 == nil, "reused")
        var text = try String(contentsOf: test.file, encoding: .utf8)
        text += #"{"id":777,"kind":"photo","title":"Newly added","width":10,"height":10,"created":"2025-01-01"}"# + "\n"
        try text.write(to: test.file, atomically: true, encoding: .utf8)
        let (reopened, outcome) = try LocalCatalog.open(source: test.file, cacheDirectory: cache)
        #expect(outcome?.assetCount == 31)
        #expect(try reopened.asset(id: 777).title == "Newly added")
    }
}
