import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

@Suite struct StockFlowRequestTests {
    func query(_ text: String) throws -> QueryNode { try QueryParser.parse(text)! }

    func items(_ r: HTTPRequest) -> [String] { r.query.map { "\($0.name)=\($0.value)" } }

    func body(_ r: HTTPRequest) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: r.body ?? Data()) as! [String: Any]
    }

    @Test func noTextListsClipsWithEveryFilter() throws {
        var f = SearchFilters()
        f.kinds = [.video]
        f.categories = ["urban-cinematic"]
        f.duration = NumericRange(min: 3.5, max: 12)
        f.minResolution = .p1080
        f.licenseTypes = [.editorial]
        f.tags = ["sunset", "drone", "slow-motion"]
        let plan = try StockFlowRequests.search(SearchRequest(filters: f, sort: .duration, order: .asc, page: 3, pageSize: 20))
        #expect(plan.requests.count == 1)
        let r = plan.requests[0]
        #expect(r.method == .get && r.path == "/clips")
        #expect(items(r) == ["page=3", "per_page=20", "category_id=urban-cinematic", "duration_min=3.5", "duration_max=12",
                             "resolution=1080p", "license_type=editorial", "sort_by=duration", "order=asc",
                             "tags=sunset,drone,slow-motion"])
        #expect(plan.skip == 0 && plan.take == 20)
    }

    @Test func only4KAsksForTheResolution4k() throws {
        var f = SearchFilters()
        f.only4K = true
        f.minResolution = .p720
        let r = try StockFlowRequests.search(SearchRequest(filters: f, pageSize: 10)).requests[0]
        #expect(r.query.contains(QueryItem("resolution", "4k")))
        #expect(r.query.contains(QueryItem("per_page", "10")))
    }

    @Test func textSearchesWithAJSONBody() throws {
        var f = SearchFilters()
        f.categories = ["urban-cinematic"]
        f.duration = .atLeast(5)
        f.minResolution = .k4
        f.licenseTypes = [.standard]
        f.tags = ["night"]
        let plan = try StockFlowRequests.search(SearchRequest(query: try query("city timelapse night"), filters: f,
                                                              sort: .newest, order: .desc, page: 2, pageSize: 40))
        let r = plan.requests[0]
        #expect(r.method == .post && r.path == "/search")
        #expect(r.header("Content-Type") == "application/json")
        #expect(String(decoding: r.body!, as: UTF8.self) ==
            #"{"filters":{"category_id":"urban-cinematic","duration_min":5,"license_type":"standard","resolution":"4k","tags":"night"},"page":2,"per_page":40,"query":"city AND timelapse AND night","sort":{"by":"newest","order":"desc"}}"#)
        #expect(r.retryable)
    }

    @Test func booleanQueriesPrintWithExplicitOperators() throws {
        let plan = try StockFlowRequests.search(SearchRequest(query: try query(#"drone (aerial OR lake) -winter "ice formations"~3 dron*"#), pageSize: 10))
        let b = try body(plan.requests[0])
        #expect(b["query"] as? String == #"drone AND (aerial OR lake) AND NOT winter AND "ice formations"~3 AND dron*"#)
    }

    @Test func orientationGoesIntoTheSearchLanguage() throws {
        var f = SearchFilters()
        f.orientations = [.horizontal, .vertical]
        let r = try StockFlowRequests.search(SearchRequest(filters: f, pageSize: 10)).requests[0]
        #expect(r.path == "/search")
        #expect(try body(r)["query"] as? String == "(orientation:landscape OR orientation:portrait)")
        let r2 = try StockFlowRequests.search(SearchRequest(query: try query("(a OR b) orientation:horizontal"), pageSize: 10)).requests[0]
        #expect(try body(r2)["query"] as? String == "(a OR b) AND orientation:landscape")
    }

    @Test func topLevelFieldsFoldIntoParameters() throws {
        let r = try StockFlowRequests.search(SearchRequest(query: try query("type:video category:nature-landscapes resolution:720p"), pageSize: 10)).requests[0]
        #expect(r.path == "/clips")
        #expect(r.query.contains(QueryItem("category_id", "nature-landscapes")))
        #expect(r.query.contains(QueryItem("resolution", "720p")))
    }

    @Test func fieldsInsideOrPrintWhenTheLanguageHasThem() throws {
        let r = try StockFlowRequests.search(SearchRequest(query: try query("license:editorial OR orientation:square"), pageSize: 10)).requests[0]
        #expect(try body(r)["query"] as? String == "license_type:editorial OR orientation:square")
        #expect(throws: StockError.invalidRequest("StockFlow cannot search for category:x inside OR or NOT: its search language filters only on orientation and license_type")) {
            try StockFlowRequests.search(SearchRequest(query: try query("a OR category:x"), pageSize: 10))
        }
    }

    @Test func contradictoryFieldsSendNothing() throws {
        var f = SearchFilters()
        f.licenseTypes = [.standard]
        let plan = try StockFlowRequests.search(SearchRequest(query: try query("license:editorial"), filters: f, pageSize: 10))
        #expect(plan.requests.isEmpty)
    }

    @Test func pageSizesMapToTheAllowedSizeAtOrAboveThem() throws {
        #expect(try StockFlowRequests.window(offset: 0, size: 1) == .init(perPage: 10, firstPage: 1, pageCount: 1, skip: 0))
        #expect(try StockFlowRequests.window(offset: 0, size: 15) == .init(perPage: 20, firstPage: 1, pageCount: 1, skip: 0))
        #expect(try StockFlowRequests.window(offset: 0, size: 60) == .init(perPage: 60, firstPage: 1, pageCount: 1, skip: 0))
        // Page 2 of 25: items 25..<50 sit inside the first page of 60.
        #expect(try StockFlowRequests.window(offset: 25, size: 25) == .init(perPage: 60, firstPage: 1, pageCount: 1, skip: 25))
        // Page 3 of 25: items 50..<75 sit inside the second page of 40.
        #expect(try StockFlowRequests.window(offset: 50, size: 25) == .init(perPage: 40, firstPage: 2, pageCount: 1, skip: 10))
        // Page 2 of 50: items 50..<100 straddle pages 1 and 2 of 60.
        #expect(try StockFlowRequests.window(offset: 50, size: 50) == .init(perPage: 60, firstPage: 1, pageCount: 2, skip: 50))
    }

    @Test func aStraddlingPageTakesTwoRequestsAndTrims() throws {
        let plan = try StockFlowRequests.search(SearchRequest(page: 2, pageSize: 50))
        #expect(plan.requests.map { $0.query.first { $0.name == "page" }!.value } == ["1", "2"])
        #expect(plan.skip == 50 && plan.take == 50 && plan.perPage == 60)
    }

    @Test func pagesBeyond500AreRefusedBeforeSending() throws {
        #expect(try StockFlowRequests.search(SearchRequest(page: 500, pageSize: 20)).requests.count == 1)
        #expect(throws: StockError.invalidRequest("StockFlow serves only the first 500 pages of a search (results 10021–10040 would need page 502 of 20); narrow the search instead")) {
            try StockFlowRequests.search(SearchRequest(page: 502, pageSize: 20))
        }
        #expect(throws: StockError.invalidRequest("StockFlow returns at most 60 results per page; 61 were asked for")) {
            try StockFlowRequests.search(SearchRequest(pageSize: 61))
        }
    }

    @Test func queriesOver500CharactersAreRefused() throws {
        // Our own parser stops at 500 characters too, but a query built otherwise (or one that grows
        // when printed with explicit operators) is checked again: 80 × 6 + 79 × " AND " = 875.
        let long = QueryNode.and(Array(repeating: .term("байкал"), count: 80))
        #expect(throws: StockError.invalidRequest("StockFlow accepts queries of at most 500 characters; this one has 875")) {
            try StockFlowRequests.search(SearchRequest(query: long, pageSize: 10))
        }
    }

    @Test func sortsItLacksTakeTheNearest() throws {
        func sortBy(_ s: SortField) throws -> String? {
            try StockFlowRequests.search(SearchRequest(sort: s, pageSize: 10)).requests[0].query.first { $0.name == "sort_by" }?.value
        }
        #expect(try sortBy(.relevance) == "relevance")
        #expect(try sortBy(.newest) == "newest")
        #expect(try sortBy(.popular) == "popular")
        #expect(try sortBy(.duration) == "duration")
        #expect(try sortBy(.curated) == "popular")
        #expect(try sortBy(.emerging) == "newest")
    }

    @Test func unsupportedFiltersAreRefusedWithReasons() throws {
        func refusal(_ change: (inout SearchFilters) -> Void) -> StockError? {
            var f = SearchFilters()
            change(&f)
            do { _ = try StockFlowRequests.search(SearchRequest(filters: f, pageSize: 10)); return nil } catch let e as StockError { return e } catch { return nil }
        }
        #expect(refusal { $0.kinds = [.photo, .vector] } == .invalidRequest("StockFlow cannot search for photo, vector: it has video clips only"))
        #expect(refusal { $0.kinds = [.photo, .video] } == nil)
        #expect(refusal { $0.premium = .premiumOnly } == .invalidRequest("StockFlow cannot search for premium or non-premium clips: it has no premium levels"))
        #expect(refusal { $0.safeSearch = true } == .invalidRequest("StockFlow cannot search for safe content only: it has no safe-search filter"))
        #expect(refusal { $0.cameras = [.film] } == .invalidRequest("StockFlow cannot search for camera types (film)"))
        #expect(refusal { $0.width = .atLeast(3840) } != nil)
        #expect(refusal { $0.categories = ["a", "b"] } == .invalidRequest("StockFlow cannot search for several categories at once (a, b)"))
        #expect(refusal { $0.licenseTypes = [.standard, .editorial] } == .invalidRequest("StockFlow cannot search for several license types at once (editorial, standard)"))
        #expect(refusal { $0.ungradedOnly = true } != nil)
        #expect(refusal { $0.tags = ["a,b"] } != nil)
    }

    @Test func tokenRequestsAreFormEncoded() {
        let first = StockFlowRequests.token(.clientCredentials, apiKey: "k/ey+1")
        #expect(first.method == .post && first.path == "/oauth/token")
        #expect(first.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(String(decoding: first.body!, as: UTF8.self) == "grant_type=client_credentials&client_secret=k%2Fey%2B1")
        let refresh = StockFlowRequests.token(.refresh("r1"), apiKey: "k")
        #expect(String(decoding: refresh.body!, as: UTF8.self) == "grant_type=refresh_token&refresh_token=r1")
    }
}
