import Foundation
import StockCore
import Testing
@testable import StockSandbox

/// `GET /clips`, `/clips/{id}`, `/categories` and `POST /search` against the demo catalog.
@Suite struct StockFlowClipsTests {
    /// A server and a bearer header for it.
    static func withStockFlow(_ options: SandboxOptions = SandboxOptions(api: .stockflow),
                              _ body: (SandboxServer, [(String, String)]) async throws -> Void) async throws {
        try await withSandbox(options) { server in
            let token = try await StockFlowAuthTests.bearer(server)
            try await body(server, [("Authorization", "Bearer \(token)")])
        }
    }

    static func videoFilters(_ change: (inout SearchFilters) -> Void = { _ in }) -> SearchFilters {
        var f = SearchFilters()
        f.kinds = [.video]
        f.free = .included
        f.licenseTypes = [.standard]
        change(&f)
        return f
    }

    static func clipIDs(_ body: [String: Any]) -> [Int64] {
        (body["data"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
    }

    static func total(_ body: [String: Any]) -> Int? { (body["pagination"] as? [String: Any])?["total_items"] as? Int }

    @Test func clipsDefaultToStandardLicenseVideoTwentyAPage() async throws {
        try await Self.withStockFlow { server, auth in
            let r = try await Wire.send("\(server.baseURL)/clips", headers: auth)
            #expect(r.status == 200)
            let body = try r.object()
            let pagination = try #require(body["pagination"] as? [String: Any])
            #expect(pagination["page"] as? Int == 1)
            #expect(pagination["per_page"] as? Int == 20)
            let expected = try TestCatalog.total(Self.videoFilters())
            #expect(pagination["total_items"] as? Int == expected)
            #expect(pagination["total_pages"] as? Int == (expected + 19) / 20)
            let ids = Self.clipIDs(body)
            #expect(ids.count == 20)
            for id in ids {
                let asset = try TestCatalog.shared.asset(id: AssetID(id))
                #expect(asset.kind == .video)
                #expect(asset.licenseTypes.contains(.standard))
            }
        }
    }

    @Test func pagingLimitsAndTheSixtyCap() async throws {
        try await Self.withStockFlow { server, auth in
            let capped = try await Wire.send("\(server.baseURL)/clips?per_page=100", headers: auth)
            #expect(capped.status == 200)
            #expect(Self.clipIDs(try capped.object()).count == 60)
            #expect((try capped.object()["pagination"] as? [String: Any])?["per_page"] as? Int == 60)
            let odd = try await Wire.send("\(server.baseURL)/clips?per_page=15", headers: auth)
            #expect(odd.status == 400)
            #expect((try odd.object()["error"] as? [String: Any])?["code"] as? String == "INVALID_PARAMETER")
            let tooFar = try await Wire.send("\(server.baseURL)/clips?page=501", headers: auth)
            #expect(tooFar.status == 400)
            let last = try await Wire.send("\(server.baseURL)/clips?page=500", headers: auth)
            #expect(last.status == 200)
            #expect(Self.clipIDs(try last.object()).isEmpty)
            let zero = try await Wire.send("\(server.baseURL)/clips?page=0", headers: auth)
            #expect(zero.status == 400)
            // Pages do not overlap.
            let p1 = Self.clipIDs(try await Wire.send("\(server.baseURL)/clips?per_page=10&page=1", headers: auth).object())
            let p2 = Self.clipIDs(try await Wire.send("\(server.baseURL)/clips?per_page=10&page=2", headers: auth).object())
            #expect(Set(p1).isDisjoint(with: p2))
        }
    }

    @Test func eachFilterNarrowsAsTheCatalogDoes() async throws {
        try await Self.withStockFlow { server, auth in
            func total(_ query: String) async throws -> Int? {
                let r = try await Wire.send("\(server.baseURL)/clips?\(query)", headers: auth)
                #expect(r.status == 200, "\(query): \(r.body)")
                return Self.total(try r.object())
            }
            let all = try TestCatalog.total(Self.videoFilters())
            let nature = try TestCatalog.total(Self.videoFilters { $0.categories = ["nature-landscapes"] })
            #expect(try await total("category_id=nature-landscapes") == nature)
            #expect(nature < all && nature > 0)

            let short = try TestCatalog.total(Self.videoFilters { $0.duration = NumericRange(min: 3.5, max: 12) })
            #expect(try await total("duration_min=3.5&duration_max=12.0") == short)
            #expect(short < all)

            let k4 = try await total("resolution=4k"), hd = try await total("resolution=1080p"), sd = try await total("resolution=720p")
            #expect(k4 == (try TestCatalog.total(Self.videoFilters { $0.minResolution = .k4 })))
            // A 4k clip also appears under 1080p and 720p.
            #expect(k4! < hd! && hd! < sd! && sd! == all)

            let editorial = try TestCatalog.total(Self.videoFilters { $0.licenseTypes = [.editorial] })
            #expect(try await total("license_type=editorial") == editorial)
            #expect(editorial < all)

            let drone = try await total("tags=drone"), droneAerial = try await total("tags=drone,aerial")
            #expect(drone == (try TestCatalog.total(Self.videoFilters { $0.tags = ["drone"] })))
            #expect(droneAerial == (try TestCatalog.total(Self.videoFilters { $0.tags = ["drone", "aerial"] })))
            #expect(droneAerial! <= drone!)

            let unknown = try await Wire.send("\(server.baseURL)/clips?category_id=kittens", headers: auth)
            #expect(unknown.status == 400)
            let badResolution = try await Wire.send("\(server.baseURL)/clips?resolution=8k", headers: auth)
            #expect(badResolution.status == 400)
        }
    }

    @Test func sortAndOrderAreHonoured() async throws {
        try await Self.withStockFlow { server, auth in
            func durations(_ query: String) async throws -> [Double] {
                let body = try await Wire.send("\(server.baseURL)/clips?\(query)", headers: auth).object()
                return (body["data"] as? [[String: Any]] ?? []).compactMap { $0["duration_sec"] as? Double }
            }
            let longest = try await durations("sort_by=duration")
            #expect(longest == longest.sorted(by: >))
            let shortest = try await durations("sort_by=duration&order=asc")
            #expect(shortest == shortest.sorted())
            #expect(shortest.first! <= longest.last!)
            let newest = try await Wire.send("\(server.baseURL)/clips?sort_by=newest", headers: auth).object()
            let dates = (newest["data"] as? [[String: Any]] ?? []).compactMap { $0["created_at"] as? String }
            #expect(dates == dates.sorted(by: >))
            #expect(try await Wire.send("\(server.baseURL)/clips?sort_by=price", headers: auth).status == 400)
        }
    }

    @Test func clipItemsHaveTheDocumentedKeys() async throws {
        try await Self.withStockFlow { server, auth in
            let list = try await Wire.send("\(server.baseURL)/clips?per_page=10", headers: auth).object()
            #expect(keys(list) == documentKeys(StockFlowExamples.clips))
            let item = (list["data"] as? [[String: Any]])?.first
            let documentedItem = try #require((try JSONSerialization.jsonObject(with: Data(StockFlowExamples.clips.utf8)) as? [String: Any])?["data"] as? [[String: Any]])
            #expect(keys(item) == keys(documentedItem.first))
            #expect(keys(list["pagination"]) == keys((try JSONSerialization.jsonObject(with: Data(StockFlowExamples.clips.utf8)) as? [String: Any])?["pagination"]))
            #expect((item?["thumbnail_url"] as? String)?.hasPrefix("http://127.0.0.1:\(server.port)/thumbs/") == true)

            let id = try #require((item?["id"] as? NSNumber)?.int64Value)
            let detail = try await Wire.send("\(server.baseURL)/clips/\(id)", headers: auth)
            #expect(detail.status == 200)
            let detailBody = try detail.object()
            #expect(keys(detailBody) == documentKeys(StockFlowExamples.clip))
            #expect(keys(detailBody["author"]) == ["id", "display_name"])
            // file_size_mb in decimal megabytes (10^6 bytes), as the client reads it.
            let bytes = try #require(try TestCatalog.shared.asset(id: AssetID(id)).fileSize)
            #expect((detailBody["file_size_mb"] as? NSNumber)?.int64Value == Int64((Double(bytes) / 1_000_000).rounded()))
        }
    }

    @Test func unknownClipsAndPhotosAre404() async throws {
        try await Self.withStockFlow { server, auth in
            let photo = try TestCatalog.shared.search(SearchRequest(filters: { var f = SearchFilters(); f.kinds = [.photo]; return f }(), pageSize: 1)).items[0]
            for id in ["999999999", "\(photo.id)", "abc"] {
                let r = try await Wire.send("\(server.baseURL)/clips/\(id)", headers: auth)
                #expect(r.status == 404)
                #expect((try r.object()["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND")
            }
        }
    }

    @Test func categoriesAreTheCatalogsTwentyFourSlugs() async throws {
        try await Self.withStockFlow { server, auth in
            let body = try await Wire.send("\(server.baseURL)/categories", headers: auth).object()
            let data = try #require(body["data"] as? [[String: Any]])
            #expect(data.count == 24)
            #expect(Set(data.compactMap { $0["id"] as? String }) == Set(TestCatalog.shared.categoryList().map(\.slug)))
            #expect(data.allSatisfy { keys($0) == ["id", "name", "count"] })
            var allVideo = SearchFilters()
            allVideo.kinds = [.video]
            allVideo.free = .included
            #expect(data.compactMap { $0["count"] as? Int }.reduce(0, +) == (try TestCatalog.total(allVideo)))
        }
    }

    @Test func postSearchTakesQueryFiltersAndSort() async throws {
        try await Self.withStockFlow { server, auth in
            let json = auth + [("Content-Type", "application/json")]
            let body = #"{"query": "city", "filters": {"resolution": "1080p", "tags": ["city"]}, "sort": {"by": "newest", "order": "desc"}, "page": 1, "per_page": 10}"#
            let r = try await Wire.send("\(server.baseURL)/search", method: .POST, headers: json, body: body)
            #expect(r.status == 200, "\(r.body)")
            let answer = try r.object()
            #expect(keys(answer) == documentKeys(StockFlowExamples.search))
            #expect(answer["query"] as? String == "city")
            let expected = try TestCatalog.total(Self.videoFilters { $0.minResolution = .p1080; $0.tags = ["city"] }, query: "city")
            #expect(Self.total(answer) == expected)
            let items = try #require(answer["data"] as? [[String: Any]])
            #expect(!items.isEmpty)
            let documentedItems = (try JSONSerialization.jsonObject(with: Data(StockFlowExamples.search.utf8)) as? [String: Any])?["data"] as? [[String: Any]]
            #expect(items.allSatisfy { keys($0) == keys(documentedItems?.first) })
            #expect(items.allSatisfy { (($0["relevance_score"] as? Double) ?? -1) > 0 && (($0["relevance_score"] as? Double) ?? 2) <= 1 })
            // The documented pagination keys are there (per_page and total_pages are added).
            #expect(keys(answer["pagination"]).isSuperset(of: ["page", "total_items"]))

            let long = String(repeating: "a ", count: 251)
            let tooLong = try await Wire.send("\(server.baseURL)/search", method: .POST, headers: json, body: #"{"query": "\#(long)"}"#)
            #expect(tooLong.status == 400)
            let broken = try await Wire.send("\(server.baseURL)/search", method: .POST, headers: json, body: "{\"query\": ")
            #expect(broken.status == 400)
            let badQuery = try await Wire.send("\(server.baseURL)/search", method: .POST, headers: json, body: #"{"query": "(lake"}"#)
            #expect(badQuery.status == 400)
            #expect((try badQuery.object()["error"] as? [String: Any])?["code"] as? String == "INVALID_QUERY")
            let capped = try await Wire.send("\(server.baseURL)/search", method: .POST, headers: json, body: #"{"per_page": 100}"#)
            #expect(((try capped.object()["data"]) as? [Any])?.count == 60)
        }
    }
}

/// The response examples of seed 002 (StockFlow v2 reference), copied as written.
enum StockFlowExamples {
    static let clips = """
        {"data": [{"id": 18742, "title": "Aerial view of Baikal shoreline at golden hour", "category_id": "nature-landscapes",
        "duration_sec": 8.4, "resolution": "4k", "fps": 30, "license_type": "standard",
        "thumbnail_url": "https://cdn.stockflow.ru/thumbs/18742_1080.jpg", "created_at": "2024-11-03T14:22:00Z"}],
        "pagination": {"page": 1, "per_page": 20, "total_items": 14382, "total_pages": 719}}
        """
    static let clip = """
        {"id": 18742, "title": "Aerial view of Baikal shoreline at golden hour",
        "description": "Drone footage of Lake Baikal ice formations near Listvyanka, shot on DJI Inspire 3 with Zenmuse X7.",
        "category_id": "nature-landscapes", "tags": ["drone", "lake", "winter", "aerial", "russia"], "duration_sec": 8.4,
        "resolution": "4k", "fps": 30, "format": "mp4", "codec": "H.265", "file_size_mb": 247, "license_type": "standard",
        "author": {"id": 391, "display_name": "Mikhail Volkov"}, "formats_available": ["mp4", "mov", "webm"],
        "thumbnail_url": "https://cdn.stockflow.ru/thumbs/18742_1080.jpg", "created_at": "2024-11-03T14:22:00Z"}
        """
    static let search = """
        {"query": "city timelapse night", "data": [{"id": 22105, "title": "Moscow Ring Road night timelapse", "relevance_score": 0.94,
        "category_id": "urban-cinematic", "duration_sec": 15.0, "resolution": "4k"}], "pagination": {"page": 1, "total_items": 342}}
        """
    static let rateLimited = """
        {"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "You have exceeded 120 requests per minute. Retry after 42 seconds.",
        "status": 429, "retry_after": 42}}
        """
}
