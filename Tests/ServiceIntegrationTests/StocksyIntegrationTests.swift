import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockProviders
import StockSandbox
import Testing

extension ServiceIntegration {
    /// `StocksyClient` against the Stocksy API v1.2 emulator (sigv4 verified by the emulator).
    @Suite struct Stocksy {
        static func client(_ server: SandboxServer, apiKey: String? = nil, password: String? = nil, perSecond: Int = 10,
                           retry: RetryPolicy = .standard, waits: Waits = Waits(), clock: MovableClock = MovableClock()) -> StocksyClient {
            let c = server.credentials.stocksy!
            return StocksyClient(configuration: .init(baseURL: server.baseURL, apiKey: apiKey ?? c.apiKey, email: c.email,
                                                      password: password ?? c.password, requestsPerSecond: perSecond),
                                 retry: retry, sleep: waits.sleep, now: clock.now)
        }

        static func sandbox(_ options: SandboxOptions = SandboxOptions(api: .stocksy), _ body: (SandboxServer) async throws -> Void) async throws {
            try await withSandbox(options, body)
        }

        // MARK: Parameters and facets

        @Test func photoFacetsReachTheWireAndEveryResultSatisfiesThem() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.kinds = [.photo]
                filters.cameras = [.mobile]
                filters.compositions = [.close, .macro]
                filters.orientations = [.vertical, .square]
                filters.safeSearch = true
                let page = try await client.search(SearchRequest(filters: filters, sort: .newest, pageSize: 50))
                #expect(page.items.count >= 10)
                for item in page.items {
                    let truth = try DemoCatalog.asset(item.id)
                    #expect(item.kind == .photo)
                    #expect(truth.camera == .mobile, "\(item.id)")
                    #expect([.close, .macro].contains(truth.composition), "\(item.id)")
                    #expect([.vertical, .square].contains(item.orientation), "\(item.id)")
                    #expect(!item.mature && !truth.mature)
                }
                let created = try page.items.map { try DemoCatalog.asset($0.id).created }
                #expect(created == created.sorted(by: >), "sort=latest")
                let sent = try #require(await server.stats().requests("GET /search").first)
                #expect(sent.queryValue("facet_contenttype") == "photo_creative")
                #expect(sent.queryValue("facet_mobile") == "true")
                #expect(sent.queryValue("facet_film") == nil)
                #expect(sent.queryValue("facet_composition") == "close,macro")
                #expect(sent.queryValue("facet_orientation") == "tall,square")
                #expect(sent.queryValue("safe_search") == "true")
                #expect(sent.queryValue("sort") == "latest")
                #expect(sent.queryValue("limit") == "50")
                #expect(sent.queryValue("page") == "1")
                #expect(sent.headers["authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=") == true)
            }
        }

        @Test func ungraded4KVideoAndFilmFacets() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var video = SearchFilters()
                video.only4K = true
                video.ungradedOnly = true
                let clips = try await client.search(SearchRequest(filters: video, sort: .popular, pageSize: 30))
                #expect(clips.items.count == 30)
                for item in clips.items {
                    let truth = try DemoCatalog.asset(item.id)
                    #expect(item.kind == .video)
                    #expect(truth.videoResolution == .k4 && truth.ungraded, "\(item.id)")
                    #expect(item.duration == truth.duration)
                }
                let popularity = try clips.items.map { try DemoCatalog.asset($0.id).popularity }
                #expect(popularity == popularity.sorted(by: >), "sort=popular")

                var film = SearchFilters()
                film.cameras = [.film]
                let photos = try await client.search(SearchRequest(query: try query("light"), filters: film, sort: .curated, pageSize: 20))
                #expect(!photos.items.isEmpty)
                for item in photos.items { #expect(try DemoCatalog.asset(item.id).camera == .film) }

                let sent = await server.stats().requests("GET /search")
                #expect(sent[0].queryValue("facet_contenttype") == "video_creative")
                #expect(sent[0].queryValue("facet_4kvideo") == "true")
                #expect(sent[0].queryValue("facet_ungradedvideo") == "true")
                #expect(sent[0].queryValue("sort") == "popular")
                #expect(sent[1].queryValue("facet_film") == "true")
                #expect(sent[1].queryValue("query") == "light")
                #expect(sent[1].queryValue("sort") == "curated")
            }
        }

        @Test func keywordsAndPhrasesAreACommaList() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let page = try await client.search(SearchRequest(query: try query("\"golden hour\" city"), pageSize: 20))
                #expect(!page.items.isEmpty)
                let sent = try #require(await server.stats().requests("GET /search").first)
                #expect(sent.queryValue("query") == "golden hour,city")
                for item in page.items {
                    let truth = try DemoCatalog.asset(item.id)
                    let text = ([truth.title, truth.description] + truth.keywords).joined(separator: " ").lowercased()
                    #expect(text.contains("golden hour") && text.contains("city"), "\(item.id) \(truth.title)")
                    #expect([.photo, .video].contains(item.kind))
                }
            }
        }

        // MARK: Paging

        @Test func pagingHasNoDuplicatesNoGapsAndTheLimitIsChecked() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let tooBig = await stockError { _ = try await client.search(SearchRequest(pageSize: 501)) }
                #expect(tooBig.map { if case .invalidRequest(let m) = $0 { m.contains("500") } else { false } } == true)
                // The largest page goes through.
                let got1 = try await client.search(SearchRequest(pageSize: 500)).items.count
                #expect(got1 == 500)
                var filters = SearchFilters()
                filters.kinds = [.video]
                filters.orientations = [.vertical]
                let (ids, totals) = try await pageThrough(client, SearchRequest(filters: filters, sort: .newest, pageSize: 20))
                let total = try #require(totals.first)
                #expect(total > 40)
                #expect(ids.count == total)
                #expect(Set(ids).count == ids.count)
                let pages = await server.stats().requests("GET /search").dropFirst()
                #expect(pages.map { $0.queryValue("page") } == pages.indices.map { String($0) })
            }
        }

        // MARK: Errors

        @Test func wrongCredentialsAreUnauthorizedWithTheRemedy() async throws {
            try await Self.sandbox { server in
                let badPassword = await stockError { _ = try await Self.client(server, password: "nope").account() }
                guard case .unauthorized(let m1)? = badPassword else { Issue.record("\(String(describing: badPassword))"); return }
                #expect(m1.contains("Invalid email or password"))
                #expect(m1.contains("Check the Stocksy API key, email and password"))
                let badKey = await stockError { _ = try await Self.client(server, apiKey: "wrong-key").account() }
                guard case .unauthorized(let m2)? = badKey else { Issue.record("\(String(describing: badKey))"); return }
                #expect(m2.contains("Stocksy login failed"))
                #expect(await server.stats().requests("GET /users").isEmpty)
            }
        }

        @Test func unknownAndUnsoldAssetsAreNotFound() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                #expect(await stockError { _ = try await client.asset(id: 99_999_999) } == .notFound(99_999_999))
                // 10010 is an illustration: Stocksy sells photos and videos only.
                #expect(await stockError { _ = try await client.asset(id: 10010) } == .notFound(10010))
            }
        }

        @Test func malformedAnswersAreErrorsNotCrashes() async throws {
            try await Self.sandbox(SandboxOptions(api: .stocksy, faultRate: 1, faultKinds: [.malformedJSON])) { server in
                let client = Self.client(server, retry: quickRetry)
                for call in 0..<4 {
                    let error = await stockError {
                        switch call {
                        case 0: _ = try await client.search(SearchRequest(pageSize: 10))
                        case 1: _ = try await client.asset(id: 10001)
                        case 2: _ = try await client.assets(ids: [10001, 10002])
                        default: _ = try await client.account()
                        }
                    }
                    guard case .malformedResponse(let message)? = error else { Issue.record("\(call): \(String(describing: error))"); continue }
                    #expect(message.contains("Stocksy"), "\(message)")
                }
            }
        }

        @Test func serverErrorsAreRetriedAndTheCallSucceeds() async throws {
            let waits = Waits(realTime: .milliseconds(20))
            try await Self.sandbox(SandboxOptions(api: .stocksy, faultRate: 0.35, rateLimit: 1000, seed: 3,
                                                  faultKinds: [.badGateway, .unavailable, .droppedConnection])) { server in
                let client = Self.client(server, perSecond: 1000, retry: quickRetry, waits: waits)
                for page in 1...6 {
                    let got2 = try await client.search(SearchRequest(page: page, pageSize: 10)).items.count
                    #expect(got2 == 10)
                }
                let got3 = try await client.asset(id: 10001).id
                #expect(got3 == 10001)
                let stats = await server.stats()
                #expect(stats.faultsInjected >= 2)
                #expect(waits.all.count == stats.faultsInjected)
            }
        }

        @Test func a500IsReportedNotRetried() async throws {
            try await Self.sandbox(SandboxOptions(api: .stocksy, faultRate: 1, faultKinds: [.internalError])) { server in
                let client = Self.client(server, retry: quickRetry)
                let error = await stockError { _ = try await client.account() }
                guard case .server(let status, let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(status == 500)
                #expect(message.hasPrefix("Stocksy"))
                #expect(await server.stats().requests("GET /users").count == 1)
            }
        }

        // MARK: Rate limit

        @Test func a429IsWaitedOutAsToldByRetryAfter() async throws {
            let waits = Waits()
            try await Self.sandbox(SandboxOptions(api: .stocksy, rateLimit: 2)) { server in
                let client = Self.client(server, perSecond: 100, waits: waits)
                for id: AssetID in [10001, 10002, 10003, 10004] {
                    let got4 = try await client.asset(id: id).id
                    #expect(got4 == id)
                }
                let stats = await server.stats()
                #expect(stats.rateLimited >= 1)
                #expect(waits.all.count == stats.rateLimited)
                #expect(waits.all.allSatisfy { $0 == .seconds(1) }, "\(waits.all)")
                #expect(stats.requests("GET /assets/{id}").filter { $0.status == 200 }.count == 4)
            }
        }

        @Test func theDefaultLimiterDrawsNo429sInABurst() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for page in 1...24 { group.addTask { _ = try await client.search(SearchRequest(page: page, pageSize: 5)) } }
                    try await group.waitForAll()
                }
                let stats = await server.stats()
                #expect(stats.requests("GET /search").count == 24)
                #expect(stats.rateLimited == 0)
            }
        }

        // MARK: Temporary credentials

        @Test func credentialsAboutToExpireAreRenewedBeforeUse() async throws {
            let clock = MovableClock()
            try await Self.sandbox(SandboxOptions(api: .stocksy, tokenLifetime: .seconds(360))) { server in
                let client = Self.client(server, clock: clock)
                _ = try await client.account()
                // Two minutes later 4 of the 6 minutes are left: under the client's 5-minute margin.
                clock.advance(120)
                _ = try await client.account()
                #expect(await client.session.logins == 2)
                let stats = await server.stats()
                #expect(stats.requests("POST /login").count == 2)
                #expect(stats.requests("GET /users").map(\.status) == [200, 200])
            }
        }

        @Test func expiredCredentialsMakeTheClientLogInAgain() async throws {
            // The client's clock runs 400 s behind: it believes 2-second credentials good for 402 s
            // (the skew stays under sigv4's 15 minutes), while the emulator expires them.
            let clock = MovableClock()
            clock.advance(-400)
            try await Self.sandbox(SandboxOptions(api: .stocksy, tokenLifetime: .seconds(2))) { server in
                let client = Self.client(server, clock: clock)
                _ = try await client.account()
                try await Task.sleep(for: .milliseconds(2300))
                let account = try await client.account()
                #expect(account.name == "Patrick McGoohan")
                #expect(await client.session.logins == 2)
                let stats = await server.stats()
                #expect(stats.requests("GET /users").map(\.status) == [200, 403, 200])
                #expect(stats.requests("POST /login").count == 2)
            }
        }

        // MARK: Detail, many ids, account

        @Test func detailMapsFieldsAndExactPrices() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                for id: AssetID in [10001, 10011] {
                    let truth = try DemoCatalog.asset(id)
                    let detail = try await client.detail(id: id)
                    let asset = detail.asset
                    #expect(asset.kind == truth.kind)
                    #expect(asset.title == truth.title)
                    #expect(asset.description == truth.description)
                    #expect(asset.keywords == truth.keywords)
                    #expect(asset.width == truth.width && asset.height == truth.height)
                    #expect(asset.orientation == truth.orientation)
                    #expect(asset.duration == truth.duration)
                    #expect(asset.contributor == truth.contributor)
                    #expect(asset.attribution == "© \(truth.contributor!.name) / Stocksy United")
                    #expect(asset.created == truth.created)
                    #expect(asset.mature == truth.mature)
                    #expect(!truth.products.isEmpty)
                    #expect(asset.products == truth.products)
                    #expect(asset.lowestPrice == truth.lowestPrice)
                    #expect(detail.purchased.isEmpty)
                    #expect(detail.compURL?.hasPrefix("http://127.0.0.1:\(server.port)/comps/") == true)
                }
            }
        }

        @Test func manyIDsInCallsOf100InOrder() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let ids = (0..<150).map { AssetID(Int64(10_001 + $0)) } + [AssetID(99_999_999)]
                let lookup = try await client.assets(ids: ids)
                let sold = try ids.filter { id in
                    guard let a = try? DemoCatalog.asset(id) else { return false }
                    return a.kind == .photo || a.kind == .video
                }
                #expect(lookup.assets.map(\.id) == sold)
                #expect(lookup.unavailable == ids.filter { !sold.contains($0) })
                #expect(lookup.unavailable.contains(10010) && lookup.unavailable.contains(99_999_999))
                let calls = await server.stats().requests("GET /assets")
                #expect(calls.map { $0.queryValue("ids")!.split(separator: ",").count } == [100, 51])
            }
        }

        @Test func accountAndCategories() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let account = try await client.account()
                #expect(account.name == "Patrick McGoohan")
                #expect(account.balance == Money(amount: 43750, currency: "USD", decimals: 2))
                #expect(account.balance?.description.contains("437.50") == true)
                #expect(try await client.categories().isEmpty)
                let login = try #require(await server.stats().requests("POST /login").first)
                #expect(login.headers["x-api-key"] != nil)
                #expect(login.body == nil, "form bodies hold the password and are never logged")
            }
        }
    }
}
