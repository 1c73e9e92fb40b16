import Foundation
import StockCore
import Testing
@testable import StockCatalog

/// Walking every page of a search yields each result exactly once, in every sort and order.
@Suite struct PagingTests {
    @Test(arguments: SortField.allCases)
    func walkingAllPagesNeverRepeatsOrSkips(sort: SortField) throws {
        // Many equal popularity values (7) make ties, which the id tie-break must settle.
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 1200, seed: 3))
        defer { test.remove() }
        for text in ["", "lake", "city OR night", "-ice"] {
            for order in SortDirection.allCases {
                let query = try QueryParser.parse(text)
                var seen: [AssetID] = []
                var page = 1
                var total = 0
                repeat {
                    let p = try test.catalog.search(SearchRequest(query: query, sort: sort, order: order, page: page, pageSize: 50, expandSynonyms: false))
                    total = p.total
                    seen += p.items.map(\.id)
                    page += 1
                } while (page - 1) * 50 < total
                #expect(seen.count == total, "\(text) \(sort) \(order)")
                #expect(Set(seen).count == total, "duplicates in \(text) \(sort) \(order)")
            }
        }
    }

    @Test func sortsOrderByTheirKeyWithIdTieBreak() throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 600, seed: 11))
        defer { test.remove() }
        let byID = Dictionary(uniqueKeysWithValues: test.assets.map { ($0.id, $0) })
        func ids(_ sort: SortField, _ order: SortDirection) throws -> [Asset] {
            try test.catalog.search(SearchRequest(sort: sort, order: order, pageSize: 500)).items.map { byID[$0.id]! }
        }
        let newest = try ids(.newest, .desc)
        #expect(zip(newest, newest.dropFirst()).allSatisfy { $0.created > $1.created || ($0.created == $1.created && $0.id < $1.id) })
        let popular = try ids(.popular, .asc)
        #expect(zip(popular, popular.dropFirst()).allSatisfy { $0.popularity < $1.popularity || ($0.popularity == $1.popularity && $0.id < $1.id) })
        let longest = try ids(.duration, .desc)
        #expect(longest.first?.kind == .video)
        let curated = try ids(.curated, .desc)
        let firstUncurated = curated.firstIndex { !$0.curated } ?? curated.count
        #expect(curated[firstUncurated...].allSatisfy { !$0.curated })
    }

    @Test func relevanceRanksTitleMatchesAboveDescriptionMatches() throws {
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        let assets = [
            Asset(id: 1, kind: .photo, title: "Quiet harbour", description: "a glacier far away", width: 100, height: 80, created: base, popularity: 900),
            Asset(id: 2, kind: .photo, title: "Glacier tongue", width: 100, height: 80, created: base, popularity: 10),
            Asset(id: 3, kind: .photo, title: "Harbour", keywords: ["glacier"], width: 100, height: 80, created: base, popularity: 500),
        ]
        let test = try TestCatalog(assets: assets)
        defer { test.remove() }
        let page = try test.catalog.search(SearchRequest(query: .term("glacier")))
        #expect(page.items.map(\.id) == [2, 3, 1])
    }
}
