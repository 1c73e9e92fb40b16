import Foundation
import StockCore
import Testing
@testable import StockSandbox

/// The Adobe Stock emulator: headers, Search/Files with its filters and the premium quirk,
/// Files, Member/Profile, the rate limit.
@Suite struct AdobeTests {
    static func withAdobe(_ options: SandboxOptions = SandboxOptions(api: .adobe, rateLimit: 1000),
                          _ body: (SandboxServer, [(String, String)]) async throws -> Void) async throws {
        try await withSandbox(options) { server in
            let c = server.credentials.adobe!
            try await body(server, [("x-api-key", c.apiKey), ("x-product", c.product)])
        }
    }

    static func search(_ server: SandboxServer, _ headers: [(String, String)], _ query: String) async throws -> WireResponse {
        try await Wire.send("\(server.baseURL)/Rest/Media/1/Search/Files?\(query)", headers: headers)
    }

    static func files(_ body: [String: Any]) -> [[String: Any]] { body["files"] as? [[String: Any]] ?? [] }
    static func ids(_ body: [String: Any]) -> [Int64] { files(body).compactMap { ($0["id"] as? NSNumber)?.int64Value } }

    /// `search_parameters[name]=value`, percent-encoded as a careful client would send it.
    static func p(_ name: String, _ value: String) -> String {
        Wire.percent("search_parameters[\(name)]") + "=" + Wire.percent(value)
    }
    static func filter(_ name: String, _ value: String) -> String { p("filters][\(name)", value) }
    static func columns(_ names: String...) -> String { names.map { Wire.percent("result_columns[]") + "=" + $0 }.joined(separator: "&") }

    /// The catalog search an Adobe search is: editorial left out unless asked for (seed 001: "the
    /// default API search includes all asset types (except Editorial)").
    static func filters(_ change: (inout SearchFilters) -> Void = { _ in }) -> SearchFilters {
        var f = SearchFilters()
        f.licenseTypes = [.standard, .extended]
        change(&f)
        return f
    }

    @Test func everyCallNeedsAnAPIKeyAndAProduct() async throws {
        try await withSandbox(SandboxOptions(api: .adobe)) { server in
            let url = "\(server.baseURL)/Rest/Media/1/Search/Files?\(Self.p("words", "lake"))"
            let c = server.credentials.adobe!
            let noKey = try await Wire.send(url, headers: [("x-product", c.product)])
            #expect(noKey.status == 403)
            #expect(try noKey.object()["error_code"] as? String == "403000")
            let badKey = try await Wire.send(url, headers: [("x-api-key", "nope"), ("x-product", c.product)])
            #expect(badKey.status == 403)
            #expect(badKey.body == #"{"error_code":"403003","message":"Api Key is invalid"}"#)
            let noProduct = try await Wire.send(url, headers: [("x-api-key", c.apiKey)])
            #expect(noProduct.status == 400)
            #expect(keys(try noProduct.object()) == ["error_code", "message"])
            let ok = try await Wire.send(url, headers: [("x-api-key", c.apiKey), ("X-Product", "AnyApp/2.0")])
            #expect(ok.status == 200)
        }
    }

    @Test func searchAnswersTheDefaultColumnsAndTheTotal() async throws {
        try await Self.withAdobe { server, headers in
            let r = try await Self.search(server, headers, Self.p("words", "lake") + "&" + Self.filter("premium", "all"))
            #expect(r.status == 200)
            let body = try r.object()
            #expect(keys(body) == ["nb_results", "files"])
            #expect(body["nb_results"] as? Int == (try TestCatalog.total(Self.filters(), query: "lake")))
            let files = Self.files(body)
            #expect(files.count == 32)
            #expect(files.allSatisfy { keys($0) == Set(AdobeColumns.defaults).subtracting(["nb_results"]) })
            let first = try #require(files.first)
            #expect((first["thumbnail_url"] as? String)?.hasPrefix("http://127.0.0.1:\(server.port)/thumbs/") == true)
            #expect((first["thumbnail_url"] as? String)?.hasSuffix("_500.jpg") == true)
            #expect(keys(first["category"]) == ["id", "name"])
            // The documented example's file keys are all there.
            let documented: Set<String> = ["id", "title", "width", "height", "creator_name", "creator_id", "thumbnail_url",
                                           "thumbnail_html_tag", "thumbnail_width", "thumbnail_height", "media_type_id", "vector_type", "category"]
            #expect(keys(first).isSuperset(of: documented))
        }
    }

    @Test func thePremiumQuirkAddsUpToTwoFilesOnlyWithoutThePremiumFilter() async throws {
        try await Self.withAdobe { server, headers in
            let base = Self.p("words", "city") + "&" + Self.p("limit", "10") + "&" + Self.columns("id", "premium_level_id", "nb_results")
            let quirky = try await Self.search(server, headers, base).object()
            let quirkyFiles = Self.files(quirky)
            #expect((10...12).contains(quirkyFiles.count))
            #expect(quirkyFiles.count == 12, "the demo catalog has premium cities to add")
            #expect(quirkyFiles.suffix(2).allSatisfy { ($0["premium_level_id"] as? Int ?? 0) >= 2 })
            #expect(Set(Self.ids(quirky)).count == quirkyFiles.count)
            for value in ["all", "true", "false"] {
                let exact = try await Self.search(server, headers, base + "&" + Self.filter("premium", value)).object()
                #expect(Self.files(exact).count == 10, "premium=\(value)")
            }
            let nonPremium = try await Self.search(server, headers, base + "&" + Self.filter("premium", "false")).object()
            #expect(Self.files(nonPremium).allSatisfy { $0["premium_level_id"] as? Int == 0 })
            let premium = try await Self.search(server, headers, base + "&" + Self.filter("premium", "true")).object()
            #expect(Self.files(premium).allSatisfy { ($0["premium_level_id"] as? Int ?? 0) >= 2 })
            #expect(premium["nb_results"] as? Int == (try TestCatalog.total(Self.filters { $0.premium = .premiumOnly }, query: "city")))
        }
    }

    @Test func freeAssetsNeverShowInSearchButDoInFiles() async throws {
        try await Self.withAdobe { server, headers in
            var onlyFree = SearchFilters()
            onlyFree.free = .only
            let free = try TestCatalog.shared.search(SearchRequest(filters: onlyFree, pageSize: 5)).items
            #expect(free.count == 5)
            for asset in free {
                let words = asset.title.split(separator: " ").prefix(4).joined(separator: " ")
                let found = try await Self.search(server, headers, Self.p("words", words) + "&" + Self.p("limit", "64") + "&" + Self.filter("premium", "all") + "&" + Self.columns("id")).object()
                #expect(!Self.ids(found).contains(asset.id.rawValue), "free asset \(asset.id) in search")
            }
            let ids = free.map { String($0.id.rawValue) }.joined(separator: ",")
            let files = try await Wire.send("\(server.baseURL)/Rest/Media/1/Files?ids=\(ids)&" + Self.columns("id", "premium_level_id", "nb_results"), headers: headers).object()
            #expect(files["nb_results"] as? Int == 5)
            #expect(Self.files(files).allSatisfy { $0["premium_level_id"] as? Int == 1 })
            // nb_results counts what Search can show: free ones excluded.
            let all = try await Self.search(server, headers, Self.filter("premium", "all") + "&" + Self.p("limit", "1")).object()
            #expect(all["nb_results"] as? Int == (try TestCatalog.total(Self.filters())))
            #expect((all["nb_results"] as? Int ?? 0) < TestCatalog.shared.assetCount)
        }
    }

    @Test func limitsAndOffsets() async throws {
        try await Self.withAdobe { server, headers in
            for bad in [Self.p("limit", "65"), Self.p("limit", "0"), Self.p("offset", "-1"), Self.p("limit", "ten")] {
                let r = try await Self.search(server, headers, bad)
                #expect(r.status == 400, "\(bad)")
                #expect(keys(try r.object()) == ["error", "code"])
                #expect(try r.object()["code"] as? Int == 20)
            }
            let all = Self.filter("premium", "all") + "&" + Self.columns("id")
            let first20 = Self.ids(try await Self.search(server, headers, all + "&" + Self.p("limit", "20")).object())
            let window = Self.ids(try await Self.search(server, headers, all + "&" + Self.p("limit", "10") + "&" + Self.p("offset", "5")).object())
            #expect(window == Array(first20[5..<15]))
            let max = try await Self.search(server, headers, all + "&" + Self.p("limit", "64"))
            #expect(Self.files(try max.object()).count == 64)
        }
    }

    @Test func contentTypesAreOredTogether() async throws {
        try await Self.withAdobe { server, headers in
            let q = Self.filter("content_type:photo", "1") + "&" + Self.filter("content_type:vector", "1") + "&" + Self.filter("premium", "all")
                + "&" + Self.columns("id", "media_type_id", "nb_results") + "&" + Self.p("limit", "64")
            let body = try await Self.search(server, headers, q).object()
            #expect(body["nb_results"] as? Int == (try TestCatalog.total(Self.filters { $0.kinds = [.photo, .vector] })))
            #expect(Set(Self.files(body).compactMap { $0["media_type_id"] as? Int }).isSubset(of: [1, 3]))
            let only3D = try await Self.search(server, headers, Self.filter("content_type:3d", "1") + "&" + Self.filter("premium", "all")).object()
            #expect(only3D["nb_results"] as? Int == 0)
            let videos = try await Self.search(server, headers, Self.filter("content_type:video", "1") + "&" + Self.filter("premium", "all") + "&" + Self.columns("id", "duration", "framerate", "content_type")).object()
            #expect(Self.files(videos).allSatisfy { ($0["duration"] as? Int ?? 0) > 0 && ($0["content_type"] as? String ?? "").hasPrefix("video/") })
        }
    }

    @Test func editorialPanoramasAndVideoDurationFilter() async throws {
        try await Self.withAdobe { server, headers in
            let base = Self.filter("premium", "all") + "&" + Self.columns("id", "nb_results") + "&" + Self.p("limit", "1")
            let cases: [(String, String, SearchFilters)] = [
                ("editorial", "true", Self.filters { $0.licenseTypes = [.editorial] }),
                ("editorial", "all", Self.filters { $0.licenseTypes = [] }),
                ("editorial", "false", Self.filters()),
                ("panoramic:on", "1", Self.filters { $0.orientations = [.panorama] }),
                ("video_duration", "10", Self.filters { $0.duration = .atMost(10) }),
                ("video_duration", "30-", Self.filters { $0.duration = .atLeast(30) }),
            ]
            for (name, value, filters) in cases {
                let answer = try await Self.search(server, headers, base + "&" + Self.filter(name, value)).object()
                let expected = try TestCatalog.total(filters)
                #expect(answer["nb_results"] as? Int == expected, "\(name)=\(value)")
            }
            #expect(try await Self.search(server, headers, Self.filter("video_duration", "15")).status == 400)
            #expect(try await Self.search(server, headers, Self.filter("editorial", "maybe")).status == 400)
        }
    }

    @Test func orientationCountsPanoramasByTheirLongerSide() async throws {
        try await Self.withAdobe { server, headers in
            var panoramas = Self.filters()
            panoramas.orientations = [.panorama]
            let allPanoramas = try CatalogWindow.all(TestCatalog.shared, SearchRequest(filters: panoramas))
            let wide = allPanoramas.filter { $0.width >= $0.height }.count, tall = allPanoramas.count - wide
            #expect(wide > 0 && tall > 0)
            let horizontal = try TestCatalog.total(Self.filters { $0.orientations = [.horizontal] })
            let vertical = try TestCatalog.total(Self.filters { $0.orientations = [.vertical] })
            let base = Self.filter("premium", "all") + "&" + Self.columns("id", "width", "height", "nb_results") + "&" + Self.p("limit", "64")
            let h = try await Self.search(server, headers, base + "&" + Self.filter("orientation", "horizontal")).object()
            #expect(h["nb_results"] as? Int == horizontal + wide)
            #expect(Self.files(h).allSatisfy { ($0["width"] as? Int ?? 0) > ($0["height"] as? Int ?? 0) })
            let v = try await Self.search(server, headers, base + "&" + Self.filter("orientation", "vertical") + "&" + Self.p("offset", "3")).object()
            #expect(v["nb_results"] as? Int == vertical + tall)
            #expect(Self.files(v).count == 64)
            #expect(Self.files(v).allSatisfy { ($0["height"] as? Int ?? 0) > ($0["width"] as? Int ?? 0) })
            #expect(try await Self.search(server, headers, Self.filter("orientation", "diagonal")).status == 400)
        }
    }

    @Test func sizeFiltersTakeMinMinMaxAndMax() async throws {
        try await Self.withAdobe { server, headers in
            let base = Self.filter("premium", "all") + "&" + Self.columns("id", "width", "height", "nb_results") + "&" + Self.p("limit", "64")
            let big = try await Self.search(server, headers, base + "&" + Self.filter("area_m_pixels", "20")).object()
            #expect(big["nb_results"] as? Int == (try TestCatalog.total(Self.filters { $0.megapixels = .atLeast(20) })))
            #expect(Self.files(big).allSatisfy { Double(($0["width"] as? Int ?? 0) * ($0["height"] as? Int ?? 0)) >= 20e6 })
            let narrow = try await Self.search(server, headers, base + "&" + Self.filter("image_width", "-2500")).object()
            #expect(Self.files(narrow).allSatisfy { ($0["width"] as? Int ?? 9999) <= 2500 })
            let band = try await Self.search(server, headers, base + "&" + Self.filter("image_height", "2000-4000")).object()
            #expect(band["nb_results"] as? Int == (try TestCatalog.total(Self.filters { $0.height = NumericRange(min: 2000, max: 4000) })))
            #expect(Self.files(band).allSatisfy { (2000...4000).contains($0["height"] as? Int ?? 0) })
            #expect(try await Self.search(server, headers, Self.filter("image_width", "wide")).status == 400)
        }
    }

    @Test func resultColumnsChooseTheFields() async throws {
        try await Self.withAdobe { server, headers in
            let idsOnly = try await Self.search(server, headers, Self.filter("premium", "all") + "&" + Self.columns("id")).object()
            #expect(keys(idsOnly) == ["files"])
            #expect(Self.files(idsOnly).allSatisfy { keys($0) == ["id"] })
            let indexed = try await Self.search(server, headers, Self.filter("premium", "all") + "&result_columns%5B0%5D=id&result_columns%5B1%5D=keywords&result_columns%5B2%5D=thumbnail_1000_url&result_columns%5B3%5D=creation_date").object()
            let file = try #require(Self.files(indexed).first)
            #expect(keys(file) == ["id", "keywords", "thumbnail_1000_url", "creation_date"])
            #expect((file["keywords"] as? [[String: Any]])?.first?["name"] is String)
            #expect((file["thumbnail_1000_url"] as? String)?.hasSuffix("_1000.jpg") == true)
            let newest = try await Self.search(server, headers, Self.filter("premium", "all") + "&" + Self.p("order", "creation") + "&" + Self.columns("creation_date")).object()
            let dates = Self.files(newest).compactMap { $0["creation_date"] as? String }
            #expect(dates == dates.sorted(by: >))
        }
    }

    @Test func filesDropsUnknownIdsAndRefusesMoreThan110() async throws {
        try await Self.withAdobe { server, headers in
            let some = try TestCatalog.shared.search(SearchRequest(pageSize: 3)).items.map { String($0.id.rawValue) }
            let url = "\(server.baseURL)/Rest/Media/1/Files?ids=\(some.joined(separator: ",")),999999999"
            let found = try await Wire.send(url, headers: headers).object()
            #expect(found["nb_results"] as? Int == 3)
            #expect(Self.ids(found).map(String.init) == some)
            let many = (1...111).map { String(10_000 + $0) }
            let tooMany = try await Wire.send("\(server.baseURL)/Rest/Media/1/Files?ids=\(many.joined(separator: ","))", headers: headers)
            #expect(tooMany.status == 400)
            let enough = try await Wire.send("\(server.baseURL)/Rest/Media/1/Files?ids=\(many.dropLast().joined(separator: ","))", headers: headers)
            #expect(enough.status == 200)
            #expect(try enough.object()["nb_results"] as? Int == 110)
        }
    }

    @Test func memberProfileNeedsAValidToken() async throws {
        try await Self.withAdobe { server, headers in
            let c = server.credentials.adobe!
            let id = try TestCatalog.shared.search(SearchRequest(filters: Self.filters { $0.premium = .nonPremium; $0.kinds = [.photo] }, pageSize: 1)).items[0].id
            let url = "\(server.baseURL)/Rest/Libraries/1/Member/Profile?content_id=\(id)&license=Standard"
            let personal = try await Wire.send(url, headers: headers + [("Authorization", "Bearer \(c.accessToken)")])
            #expect(personal.status == 200)
            let body = try personal.object()
            // `cce_agency` is `[]` when the organisation asks for no references (Adobe's PHP SDK recorded it so).
            #expect(keys(body) == ["available_entitlement", "member", "purchase_options", "cce_agency"])
            #expect(keys(body["available_entitlement"]) == ["quota", "license_type_id", "has_credit_model", "has_agency_model", "is_cce", "full_entitlement_quota"])
            #expect(keys(body["purchase_options"]) == ["state", "requires_checkout", "message"])
            #expect((body["purchase_options"] as? [String: Any])?["message"] as? String == "This will use 1 of your 48 licenses.")

            let enterprise = try await Wire.send(url, headers: headers + [("Authorization", "Bearer \(c.enterpriseAccessToken)")]).object()
            let references = try #require(enterprise["cce_agency"] as? [[String: Any]])
            #expect(references.allSatisfy { keys($0) == ["id", "text", "required"] })
            #expect(references.first?["required"] as? Bool == true)

            let expired = try await Wire.send(url, headers: headers + [("Authorization", "Bearer \(c.expiredAccessToken)")])
            #expect(expired.status == 401)
            #expect(try expired.object()["error_code"] as? String == "401013")
            #expect(try await Wire.send(url, headers: headers).status == 401)
            let unknown = try await Wire.send("\(server.baseURL)/Rest/Libraries/1/Member/Profile?content_id=999999999", headers: headers + [("Authorization", "Bearer \(c.accessToken)")])
            #expect(unknown.status == 404)
        }
    }

    /// Thirty requests at once against 5 per second: some must be refused, each with
    /// `Retry-After: 1` and seed 001's body (robust to a loaded machine).
    @Test func theRateLimitIsFivePerSecondWithRetryAfterOne() async throws {
        try await Self.withAdobe(SandboxOptions(api: .adobe)) { server, headers in
            let url = "\(server.baseURL)/Rest/Media/1/Files?ids=10001"
            let responses = try await withThrowingTaskGroup(of: WireResponse.self) { group in
                for _ in 0..<30 { group.addTask { try await Wire.send(url, headers: headers) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let refused = responses.filter { $0.status == 429 }
            #expect(responses.filter { $0.status == 200 }.count >= 5)
            #expect(!refused.isEmpty)
            #expect(refused.allSatisfy { $0.headers.first(name: "Retry-After") == "1" })
            #expect(refused.allSatisfy { $0.body == #"{"error_code":"429050","message":"Too many requests"}"# })
            #expect(await server.stats().rateLimited == refused.count)
        }
    }

    @Test func faultsUseAdobesEnvelope() async throws {
        try await Self.withAdobe(SandboxOptions(api: .adobe, faultRate: 1, rateLimit: 1000, seed: 3)) { server, headers in
            var sawServerError = false
            for _ in 0..<12 {
                guard let r = try? await Wire.send("\(server.baseURL)/Rest/Media/1/Files?ids=10001", headers: headers) else { continue }
                if r.status >= 500 {
                    sawServerError = true
                    let body = try r.object()
                    #expect(keys(body) == ["error_code", "message"])
                } else {
                    #expect(r.status == 200)
                    #expect((try? JSONSerialization.jsonObject(with: Data(r.body.utf8))) == nil)
                }
            }
            #expect(sawServerError)
            #expect(await server.stats().faultsInjected == 12)
        }
    }
}
