import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockProviders
import StockSandbox
import Testing

extension ServiceIntegration {
    /// `AdobeStockClient` against the Adobe Stock emulator.
    @Suite struct Adobe {
        static func client(_ server: SandboxServer, apiKey: String? = nil, token: String? = nil, perSecond: Int = 5,
                           retry: RetryPolicy = .standard, waits: Waits = Waits()) -> AdobeStockClient {
            AdobeStockClient(configuration: .init(baseURL: server.baseURL, apiKey: apiKey ?? server.credentials.adobe!.apiKey,
                                                  product: "stockterm-tests/1.0", accessToken: token, requestsPerSecond: perSecond),
                             retry: retry, sleep: waits.sleep)
        }

        static func sandbox(_ options: SandboxOptions = SandboxOptions(api: .adobe), _ body: (SandboxServer) async throws -> Void) async throws {
            try await withSandbox(options, body)
        }

        static let searchPath = "GET /Rest/Media/1/Search/Files"
        static let filesPath = "GET /Rest/Media/1/Files"
        static func f(_ name: String) -> String { "search_parameters[filters][\(name)]" }

        // MARK: Parameters and facets

        @Test func typeOrientationPremiumAndSizeFiltersReachTheWireAndHold() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.kinds = [.photo, .vector]
                filters.orientations = [.horizontal]
                filters.premium = .nonPremium
                filters.megapixels = .atLeast(20)
                filters.width = .atLeast(5000)
                filters.height = NumericRange(min: 2000, max: 4000)
                let page = try await client.search(SearchRequest(filters: filters, sort: .newest, pageSize: 30))
                #expect(page.items.count == 30)
                #expect(page.total > 30)
                for item in page.items {
                    #expect([.photo, .vector].contains(item.kind))
                    #expect(item.width >= item.height, "horizontal: \(item.id) \(item.width)×\(item.height)")
                    #expect(item.premiumLevel == .core, "false: neither premium nor free (free is hidden): \(item.id)")
                    #expect(Double(item.width) * Double(item.height) >= 20_000_000)
                    #expect(item.width >= 5000)
                    #expect((2000...4000).contains(item.height))
                    let truth = try DemoCatalog.asset(item.id)
                    #expect(truth.width == item.width && truth.height == item.height && truth.kind == item.kind)
                }
                let created = page.items.map(\.created)
                #expect(created == created.sorted(by: >), "[order]=creation")
                let sent = try #require(await server.stats().requests(Self.searchPath).first)
                #expect(sent.queryValue(Self.f("content_type:photo")) == "1")
                #expect(sent.queryValue(Self.f("content_type:vector")) == "1")
                #expect(sent.queryValue(Self.f("orientation")) == "horizontal")
                #expect(sent.queryValue(Self.f("premium")) == "false")
                #expect(sent.queryValue(Self.f("area_m_pixels")) == "20")
                #expect(sent.queryValue(Self.f("image_width")) == "5000")
                #expect(sent.queryValue(Self.f("image_height")) == "2000-4000")
                #expect(sent.queryValue("search_parameters[order]") == "creation")
                #expect(sent.queryValue("search_parameters[limit]") == "30")
                #expect(sent.queryValue("search_parameters[offset]") == "0")
                #expect(sent.headers["x-product"] == "stockterm-tests/1.0")
                #expect(sent.headers["authorization"] == nil)
            }
        }

        @Test func premiumOnlyVideoByPopularity() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.kinds = [.video]
                filters.premium = .premiumOnly
                let page = try await client.search(SearchRequest(query: try query("city"), filters: filters, sort: .popular, pageSize: 20))
                #expect(!page.items.isEmpty)
                for item in page.items {
                    #expect(item.kind == .video)
                    #expect((2...4).contains(item.premiumLevel.rawValue), "premium levels 1 to 3 are ids 2 to 4")
                    #expect(try DemoCatalog.asset(item.id).premiumLevel == item.premiumLevel)
                }
                let popularity = page.items.map(\.popularity)
                #expect(popularity == popularity.sorted(by: >), "[order]=nb_downloads")
                let sent = try #require(await server.stats().requests(Self.searchPath).first)
                #expect(sent.queryValue("search_parameters[words]") == "city")
                #expect(sent.queryValue(Self.f("premium")) == "true")
                #expect(sent.queryValue("search_parameters[order]") == "nb_downloads")
                #expect(sent.queryValue(Self.f("content_type:video")) == "1")
            }
        }

        @Test func vectorsAndSquaresWithAMaximumSize() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.orientations = [.square]
                filters.width = .atMost(4000)
                filters.height = .atMost(4000)
                let page = try await client.search(SearchRequest(filters: filters, sort: .relevance, pageSize: 25))
                #expect(!page.items.isEmpty)
                for item in page.items {
                    #expect(item.orientation == .square)
                    #expect(item.width <= 4000 && item.height <= 4000)
                    #expect(item.premiumLevel != .free)
                }
                let sent = try #require(await server.stats().requests(Self.searchPath).first)
                #expect(sent.queryValue(Self.f("orientation")) == "square")
                #expect(sent.queryValue(Self.f("image_width")) == "-4000")
                #expect(sent.queryValue(Self.f("image_height")) == "-4000")
                #expect(sent.queryValue(Self.f("premium")) == "all")
                #expect(sent.queryValue("search_parameters[order]") == "relevance")
            }
        }

        @Test func editorialPanoramaAndVideoDurationFilters() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var editorial = SearchFilters()
                editorial.licenseTypes = [.editorial]
                let e = try await client.search(SearchRequest(filters: editorial, pageSize: 20))
                #expect(!e.items.isEmpty)
                for item in e.items { #expect(try DemoCatalog.asset(item.id).licenseTypes == [.editorial]) }
                // Without the filter Adobe leaves editorial out (seed 001).
                let plain = try await client.search(SearchRequest(pageSize: 64))
                for item in plain.items { #expect(try DemoCatalog.asset(item.id).licenseTypes != [.editorial]) }
                var panoramas = SearchFilters()
                panoramas.orientations = [.panorama]
                let p = try await client.search(SearchRequest(filters: panoramas, pageSize: 20))
                #expect(!p.items.isEmpty)
                for item in p.items { #expect(item.orientation == .panorama) }
                var short = SearchFilters()
                short.kinds = [.video]
                short.duration = .atMost(10)
                let s = try await client.search(SearchRequest(filters: short, pageSize: 20))
                #expect(!s.items.isEmpty)
                for item in s.items { #expect(try #require(item.duration) <= 10) }
                let sent = await server.stats().requests(Self.searchPath)
                #expect(sent[0].queryValue(Self.f("editorial")) == "1")  // 1/0, as Adobe's SDKs send it
                #expect(sent[1].queryValue(Self.f("editorial")) == nil)
                #expect(sent[2].queryValue(Self.f("panoramic:on")) == "1")
                #expect(sent[3].queryValue(Self.f("video_duration")) == "10")
            }
        }

        // MARK: The premium quirk and paging

        @Test func thePremiumFilterIsAlwaysSentAndPagesNeverExceedTheLimit() async throws {
            try await Self.sandbox { server in
                // The emulator does have the quirk: a raw request without the premium filter.
                let raw = HTTPTransport(endpoint: ServiceEndpoint(name: "raw", baseURL: server.baseURL),
                                        authenticator: HeaderAuthentication(headers: [HTTPHeader("x-api-key", server.credentials.adobe!.apiKey),
                                                                                     HTTPHeader("x-product", "raw/1")]),
                                        retry: .never)
                let bare = try await raw.send(.get("/Rest/Media/1/Search/Files", query: [
                    QueryItem("search_parameters[words]", "city"), QueryItem("search_parameters[limit]", "5"),
                    QueryItem("result_columns[]", "id")], access: .application))
                let files = try #require((try JSONSerialization.jsonObject(with: bare.body) as? [String: Any])?["files"] as? [Any])
                #expect(files.count == 7, "5 asked for, 2 extra premium results")

                let client = Self.client(server)
                for premium in PremiumChoice.allCases {
                    var filters = SearchFilters()
                    filters.premium = premium
                    let page = try await client.search(SearchRequest(query: try query("city"), filters: filters, pageSize: 5))
                    #expect(page.items.count == 5)
                }
                let sent = await server.stats().requests(Self.searchPath).dropFirst()
                #expect(sent.map { $0.queryValue(Self.f("premium")) } == ["all", "true", "false"])
            }
        }

        @Test func pagingWithinTheLimitHasNoDuplicatesAndNoGaps() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let tooBig = await stockError { _ = try await client.search(SearchRequest(pageSize: 65)) }
                #expect(tooBig.map { if case .invalidRequest(let m) = $0 { m.contains("64") } else { false } } == true)
                let (ids, totals) = try await pageThrough(client, SearchRequest(query: try query("astana"), sort: .newest, pageSize: 20))
                let total = try #require(totals.first)
                #expect(total > 40)
                #expect(ids.count == total)
                #expect(Set(ids).count == ids.count)
                let sent = await server.stats().requests(Self.searchPath)
                #expect(sent.map { $0.queryValue("search_parameters[offset]") } == sent.indices.map { String($0 * 20) })
                #expect(sent.allSatisfy { Int($0.queryValue("search_parameters[limit]") ?? "") ?? 99 <= 64 })
            }
        }

        // MARK: Errors

        @Test func aBadAPIKeyIsUnauthorizedWithTheRemedy() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, apiKey: "not-the-key")
                let error = await stockError { _ = try await client.search(SearchRequest(pageSize: 5)) }
                guard case .unauthorized(let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(message.contains("Api Key is invalid"))
                #expect(message.contains("Check the Adobe Stock API key"))
            }
        }

        @Test func unknownIDsAreNotFound() async throws {
            try await Self.sandbox { server in
                #expect(await stockError { _ = try await Self.client(server).asset(id: 99_999_999) } == .notFound(99_999_999))
            }
        }

        @Test func malformedAnswersAreErrorsNotCrashes() async throws {
            try await Self.sandbox(SandboxOptions(api: .adobe, faultRate: 1, faultKinds: [.malformedJSON])) { server in
                let client = Self.client(server, retry: quickRetry)
                for call in 0..<3 {
                    let error = await stockError {
                        switch call {
                        case 0: _ = try await client.search(SearchRequest(pageSize: 10))
                        case 1: _ = try await client.asset(id: 10001)
                        default: _ = try await client.assets(ids: [10001, 10002])
                        }
                    }
                    guard case .malformedResponse(let message)? = error else { Issue.record("\(call): \(String(describing: error))"); continue }
                    #expect(message.contains("Adobe Stock"), "\(message)")
                }
            }
        }

        @Test func serverErrorsAreRetriedAndTheCallSucceeds() async throws {
            let waits = Waits(realTime: .milliseconds(20))
            // The rate limit is not what this test is about: quick retries would outrun 5 per second.
            try await Self.sandbox(SandboxOptions(api: .adobe, faultRate: 0.35, rateLimit: 1000, seed: 5,
                                                  faultKinds: [.badGateway, .unavailable, .droppedConnection])) { server in
                let client = Self.client(server, perSecond: 1000, retry: quickRetry, waits: waits)
                for page in 1...6 {
                    let got1 = try await client.search(SearchRequest(page: page, pageSize: 8)).items.count
                    #expect(got1 == 8)
                }
                let got2 = try await client.asset(id: 10001).id
                #expect(got2 == 10001)
                let stats = await server.stats()
                #expect(stats.faultsInjected >= 2)
                #expect(waits.all.count == stats.faultsInjected)
            }
        }

        // MARK: Rate limits

        @Test func a429IsWaitedOutAsToldByRetryAfter() async throws {
            let waits = Waits()
            try await Self.sandbox(SandboxOptions(api: .adobe, rateLimit: 2)) { server in
                let client = Self.client(server, perSecond: 100, waits: waits)
                for id: AssetID in [10001, 10002, 10003, 10004] {
                    let got3 = try await client.asset(id: id).id
                    #expect(got3 == id)
                }
                let stats = await server.stats()
                #expect(stats.rateLimited >= 1)
                #expect(waits.all.count == stats.rateLimited)
                #expect(waits.all.allSatisfy { $0 == .seconds(1) }, "\(waits.all)")
                #expect(stats.requests(Self.filesPath).filter { $0.status == 200 }.count == 4)
            }
        }

        @Test func theDefaultLimiterDrawsNo429sInABurst() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for id in 0..<14 { group.addTask { _ = try await client.asset(id: AssetID(10001 + Int64(id))) } }
                    try await group.waitForAll()
                }
                let stats = await server.stats()
                #expect(stats.totalRequests == 14)
                #expect(stats.rateLimited == 0, "the client's 5 per second must keep under the emulator's 5 per second")
            }
        }

        // MARK: Files API, tokens, account

        @Test func twoHundredFiftyIDsGoIn110IDCallsInOrder() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var ids: [AssetID] = []
                for i in 0..<250 { ids.append(i % 10 == 9 ? AssetID(Int64(90_000 + i)) : AssetID(Int64(10_001 + i * 3))) }
                let lookup = try await client.assets(ids: ids)
                let unknown = ids.filter { $0.rawValue >= 90_000 }
                #expect(lookup.unavailable == unknown)
                #expect(lookup.assets.map(\.id) == ids.filter { $0.rawValue < 90_000 })
                for asset in lookup.assets.prefix(30) { #expect(asset.title == (try DemoCatalog.asset(asset.id)).title) }
                // Free assets are hidden from search, never from the Files API.
                #expect(lookup.assets.contains { $0.premiumLevel == .free })
                let calls = await server.stats().requests(Self.filesPath)
                #expect(calls.map { $0.queryValue("ids")!.split(separator: ",").count } == [110, 110, 30])
                #expect(calls.allSatisfy { $0.status == 200 })
            }
        }

        @Test func profileWithAnExpiredTokenIsAClearUnauthorized() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.expiredAccessToken)
                let error = await stockError { _ = try await client.account() }
                guard case .unauthorized(let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(message.contains("Oauth token is not valid"))
                #expect(message.contains("access token"))
                let profile = await server.stats().requests("GET /Rest/Libraries/1/Member/Profile")
                #expect(profile.map(\.status) == [401], "one attempt: a static token cannot be renewed")
            }
        }

        @Test func accountFromMemberProfile() async throws {
            try await Self.sandbox { server in
                let personal = try await Self.client(server, token: server.credentials.adobe!.accessToken).account()
                #expect(personal.name == "Adobe Stock member 1272100")
                #expect(personal.remainingQuota == 48)
                #expect(personal.licenseTier == "subscription")
                #expect(personal.licensingUnavailableReason == nil)
                #expect(personal.planAllowance == "48 images")
                let enterprise = try await Self.client(server, token: server.credentials.adobe!.enterpriseAccessToken).account()
                #expect(enterprise.remainingQuota == 250)
                #expect(enterprise.licenseTier == "Creative Cloud for enterprise")
                // The enterprise member as Adobe writes one: a hashed string id, `"full_entitlement_quota": []`.
                #expect(enterprise.name == "Adobe Stock member 7QKd2sLm0WnXy41VbTzR8aHc3JfEo6Gp")
                #expect(enterprise.planAllowance == nil)
                let keyOnly = try await Self.client(server).account()
                #expect(keyOnly.licensingUnavailableReason?.contains("access_token") == true)
                let profile = await server.stats().requests("GET /Rest/Libraries/1/Member/Profile")
                #expect(profile.count == 2)
                for call in profile {
                    // One call, as Adobe's JS SDK makes it: no asset, no search first.
                    #expect(call.status == 200)
                    #expect(call.queryValue("content_id") == nil)
                    #expect(call.queryValue("locale") == "en_US")
                    #expect(call.headers["authorization"]?.hasPrefix("Bearer ") == true)
                }
                #expect(await server.stats().requests("GET /Rest/Media/1/Search/Files").isEmpty)
                #expect(try await Self.client(server).categories().isEmpty)
            }
        }

        @Test func detailMapsEveryFieldTheDetailViewShows() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                for id: AssetID in [10001, 10011, 10013] {
                    let truth = try DemoCatalog.asset(id)
                    let asset = try await client.asset(id: id)
                    #expect(asset.kind == truth.kind)
                    #expect(asset.title == truth.title)
                    #expect(asset.description == truth.description)
                    #expect(asset.keywords == truth.keywords)
                    #expect(asset.width == truth.width && asset.height == truth.height)
                    #expect(asset.duration == truth.duration)
                    #expect(asset.fps == truth.fps)
                    #expect(asset.fileSize == truth.fileSize)
                    if truth.kind == .vector {
                        // Adobe sends content_type application/illustrator (seed 001) and vector_type zip
                        // (svg for SVG vectors); the client maps them to ai and zip (docs/services.md).
                        #expect(asset.formats == ["ai", "zip"], "\(asset.formats)")
                    } else {
                        #expect(!asset.formats.isEmpty && Set(asset.formats).isSubset(of: Set(truth.formats)), "\(asset.formats) vs \(truth.formats)")
                    }
                    #expect(asset.contributor == truth.contributor)
                    #expect(asset.attribution == "© \(truth.contributor!.name) / Adobe Stock")
                    #expect(asset.premiumLevel == truth.premiumLevel)
                    #expect(asset.popularity == truth.popularity)
                    #expect(asset.created == truth.created)
                    let category = try #require(DemoCatalog.shared.categoryList().first { $0.slug == truth.category })
                    #expect(asset.category == category.name)
                    #expect(asset.thumbnails.keys.sorted() == [110, 160, 240, 500, 1000])
                }
            }
        }
    }
}
