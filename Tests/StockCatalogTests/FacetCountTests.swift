import Foundation
import StockCore
import Testing
@testable import StockCatalog

/// Results and facet counts of the catalog against `BruteForce` on a random catalog.
@Suite struct FacetCountTests {
    static let requests: [(String, SearchFilters)] = {
        var r: [(String, SearchFilters)] = []
        r.append(("", SearchFilters()))
        r.append(("lake", SearchFilters()))
        r.append(("lake OR город", SearchFilters()))
        r.append(("city -night", SearchFilters()))
        r.append(("-drone", SearchFilters()))
        r.append(("riv*", SearchFilters()))
        r.append(("drone OR type:video", SearchFilters()))
        r.append(("NOT (type:photo OR orientation:square) ice", SearchFilters()))
        r.append(("tag:\"slow motion\" premium:true", SearchFilters()))
        r.append(("type:video resolution:1080p duration:3.5..12", SearchFilters()))
        r.append(("width:>=5000 height:..4000 mp:>=20", SearchFilters()))
        r.append(("free:only", SearchFilters()))
        r.append(("category:urban-cinematic safe:true camera:mobile", SearchFilters()))
        var f = SearchFilters()
        f.kinds = [.video, .photo]; f.orientations = [.horizontal]; f.premium = .nonPremium
        r.append(("", f))
        f = SearchFilters()
        f.only4K = true; f.licenseTypes = [.editorial, .extended]; f.free = .included
        r.append(("night", f))
        f = SearchFilters()
        f.minResolution = .p1080; f.categories = ["aerial-drone", "food-preparation"]; f.safeSearch = true
        f.tags = ["slow-motion"]
        r.append(("", f))
        f = SearchFilters()
        f.free = .only; f.compositions = [.close, .macro]; f.cameras = [.film]
        r.append(("ночь OR қала", f))
        f = SearchFilters()
        f.ungradedOnly = true; f.duration = NumericRange(min: 5, max: 30); f.width = NumericRange(min: 1000, minExclusive: true)
        r.append(("aerial", f))
        return r
    }()

    @Test func resultsAndFacetCountsEqualBruteForce() throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 1500, seed: 42))
        defer { test.remove() }
        for (text, filters) in Self.requests {
            let query = try QueryParser.parse(text)
            let page = try test.catalog.search(SearchRequest(query: query, filters: filters, pageSize: 500, expandSynonyms: false))
            let expected = BruteForce.results(test.assets, query, filters)
            #expect(page.total == expected.count, "total for \(text) \(filters)")
            #expect(Set(page.items.map(\.id)) == Set(expected.prefix(500).map(\.id)) || expected.count > 500, "ids for \(text)")
            let counts = BruteForce.facetCounts(test.assets, query, filters)
            for group in FacetGroup.allCases {
                #expect(page.facets.counts[group] ?? [:] == counts[group] ?? [:], "facet \(group) for '\(text)' \(filters)")
            }
        }
    }

    @Test func everyResultOfAFullWalkMatchesTheBruteForceSet() throws {
        let test = try TestCatalog(assets: TestCatalog.randomAssets(count: 800, seed: 7))
        defer { test.remove() }
        for (text, filters) in Self.requests {
            let query = try QueryParser.parse(text)
            var seen: [AssetID] = []
            var page = 1
            while true {
                let p = try test.catalog.search(SearchRequest(query: query, filters: filters, page: page, pageSize: 37, expandSynonyms: false))
                seen += p.items.map(\.id)
                if !p.hasNextPage { break }
                page += 1
            }
            let expected = Set(BruteForce.results(test.assets, query, filters).map(\.id))
            #expect(seen.count == Set(seen).count, "no duplicates for \(text)")
            #expect(Set(seen) == expected, "nothing missing for \(text)")
        }
    }
}
