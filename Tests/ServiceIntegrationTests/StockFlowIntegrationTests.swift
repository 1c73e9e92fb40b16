import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockProviders
import StockSandbox
import Testing

extension ServiceIntegration {
    /// `StockFlowClient` against the StockFlow v2 emulator.
    @Suite struct StockFlow {
        static func client(_ server: SandboxServer, key: String? = nil, perMinute: Int = 120, token: OAuthToken? = nil,
                           retry: RetryPolicy = .standard, waits: Waits = Waits(), clock: MovableClock = MovableClock()) -> StockFlowClient {
            StockFlowClient(configuration: .init(baseURL: server.baseURL, apiKey: key ?? server.credentials.stockflow!.adminKey,
                                                 requestsPerMinute: perMinute),
                            token: token, retry: retry, sleep: waits.sleep, now: clock.now)
        }

        static func sandbox(_ options: SandboxOptions = SandboxOptions(api: .stockflow), _ body: (SandboxServer) async throws -> Void) async throws {
            try await withSandbox(options, body)
        }

        // MARK: Parameters and facets

        @Test func clipListFiltersReachTheWireAndEveryClipSatisfiesThem() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.categories = ["nature-landscapes"]
                filters.duration = NumericRange(min: 5, max: 40)
                filters.minResolution = .p1080
                filters.licenseTypes = [.standard]
                filters.tags = ["landscape"]
                let page = try await client.search(SearchRequest(filters: filters, sort: .duration, order: .asc, pageSize: 10))
                #expect(page.items.count >= 3, "too few clips to prove anything: \(page.items.count)")
                #expect(page.items.count <= 10)
                for item in page.items {
                    #expect(item.kind == .video)
                    #expect(item.category == "nature-landscapes")
                    #expect((5...40).contains(try #require(item.duration)))
                    #expect(try #require(item.videoResolution) >= .p1080)
                    // Tags are not in the list answer: read each clip.
                    let detail = try await client.asset(id: item.id)
                    #expect(detail.keywords.contains("landscape"), "\(item.id): \(detail.keywords)")
                    #expect(try DemoCatalog.asset(item.id).licenseTypes.contains(.standard))
                }
                let durations = page.items.compactMap(\.duration)
                #expect(durations == durations.sorted(), "sort_by=duration&order=asc")

                let list = try #require(await server.stats().requests("GET /v2/clips").first)
                #expect(list.queryValue("page") == "1")
                #expect(list.queryValue("per_page") == "10")
                #expect(list.queryValue("category_id") == "nature-landscapes")
                #expect(list.queryValue("duration_min") == "5")
                #expect(list.queryValue("duration_max") == "40")
                #expect(list.queryValue("resolution") == "1080p")
                #expect(list.queryValue("license_type") == "standard")
                #expect(list.queryValue("tags") == "landscape")
                #expect(list.queryValue("sort_by") == "duration")
                #expect(list.queryValue("order") == "asc")
                #expect(list.headers["authorization"]?.hasPrefix("Bearer ") == true)
            }
        }

        @Test func fourKAndLicenseTypeFilterTheClips() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.only4K = true
                filters.licenseTypes = [.editorial]
                let page = try await client.search(SearchRequest(filters: filters, sort: .newest, order: .desc, pageSize: 20))
                #expect(!page.items.isEmpty)
                for item in page.items {
                    #expect(item.videoResolution == .k4)
                    #expect(item.licenseTypes == [.editorial])
                    #expect(try DemoCatalog.asset(item.id).licenseTypes.contains(.editorial))
                }
                let created = page.items.map(\.created)
                #expect(created == created.sorted(by: >), "sort_by=newest&order=desc")
                let list = try #require(await server.stats().requests("GET /v2/clips").first)
                #expect(list.queryValue("resolution") == "4k")
                #expect(list.queryValue("license_type") == "editorial")
                #expect(list.queryValue("sort_by") == "newest")
            }
        }

        @Test func textSearchGoesThroughPOSTSearchWithFiltersInTheBody() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.minResolution = .p1080
                filters.duration = NumericRange(max: 30)
                let request = SearchRequest(query: try query("city night"), filters: filters, sort: .newest, order: .desc, pageSize: 20)
                let page = try await client.search(request)
                #expect(!page.items.isEmpty)
                // The same search on the catalog itself: every clip must be one of its answers.
                var truth = SearchFilters()
                truth.kinds = [.video]
                truth.free = .included
                truth.licenseTypes = [.standard]
                truth.minResolution = .p1080
                truth.duration = NumericRange(max: 30)
                let expected = Set(try DemoCatalog.shared.search(SearchRequest(query: try query("city night"), filters: truth, pageSize: 500)).items.map(\.id))
                for item in page.items {
                    #expect(expected.contains(item.id), "\(item.id) \(item.title)")
                    #expect(try #require(item.videoResolution) >= .p1080)
                    #expect(try #require(item.duration) <= 30)
                }
                #expect(page.total == expected.count)
                let created = try page.items.map { try DemoCatalog.asset($0.id).created }
                #expect(created == created.sorted(by: >))

                let stats = await server.stats()
                #expect(stats.requests("GET /v2/clips").isEmpty)
                let post = try #require(stats.requests("POST /v2/search").first)
                #expect(post.headers["content-type"] == "application/json")
                let body = try post.jsonBody()
                #expect(body["query"] as? String == "city AND night")
                #expect(body["page"] as? Int == 1)
                #expect(body["per_page"] as? Int == 20)
                let sentFilters = try #require(body["filters"] as? [String: Any])
                #expect(sentFilters["resolution"] as? String == "1080p")
                #expect(sentFilters["duration_max"] as? Double == 30)
                let sort = try #require(body["sort"] as? [String: Any])
                #expect(sort["by"] as? String == "newest")
                #expect(sort["order"] as? String == "desc")
            }
        }

        @Test func orientationIsSentInTheQueryLanguage() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.orientations = [.vertical]
                let page = try await client.search(SearchRequest(filters: filters, pageSize: 40))
                #expect(page.items.count >= 10)
                for item in page.items { #expect(try DemoCatalog.asset(item.id).orientation == .vertical, "\(item.id)") }
                let post = try #require(await server.stats().requests("POST /v2/search").first)
                #expect(try post.jsonBody()["query"] as? String == "orientation:portrait")
            }
        }

        // MARK: Paging

        @Test func pagingThroughASearchHasNoDuplicatesAndNoGaps() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.categories = ["aerial-drone"]
                // 25 a page: per_page 40 for pages that sit in one server page, two pages otherwise.
                let (ids, totals) = try await pageThrough(client, SearchRequest(filters: filters, sort: .newest, pageSize: 25))
                let total = try #require(totals.first)
                #expect(total > 25)
                #expect(Set(totals).count == 1)
                #expect(ids.count == total)
                #expect(Set(ids).count == ids.count)
                let created = try ids.map { try DemoCatalog.asset($0).created }
                #expect(created == created.sorted(by: >))
                for record in await server.stats().requests("GET /v2/clips") {
                    #expect(["10", "20", "40", "60"].contains(record.queryValue("per_page") ?? ""), "\(record.query)")
                    #expect((1...500).contains(Int(record.queryValue("page") ?? "") ?? 0))
                    #expect(record.status == 200)
                }
            }
        }

        @Test func pageSizesAndPagesBeyondTheLimitsAreRefusedBeforeSending() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let tooBig = await stockError { _ = try await client.search(SearchRequest(pageSize: 61)) }
                #expect(tooBig.map { if case .invalidRequest(let m) = $0 { m.contains("60") } else { false } } == true)
                let tooFar = await stockError { _ = try await client.search(SearchRequest(page: 501, pageSize: 10)) }
                #expect(tooFar.map { if case .invalidRequest(let m) = $0 { m.contains("500") } else { false } } == true)
                // The last page StockFlow serves works.
                let last = try await client.search(SearchRequest(page: 500, pageSize: 10))
                #expect(last.items.isEmpty)
                let stats = await server.stats()
                #expect(stats.requests("GET /v2/clips").count == 1)
                #expect(stats.requests("GET /v2/clips").first?.queryValue("page") == "500")
            }
        }

        // MARK: Errors

        @Test func aBadKeyIsUnauthorizedWithTheRemedy() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, key: "sf_test_wrong_0000000000")
                let error = await stockError { _ = try await client.search(SearchRequest(pageSize: 10)) }
                guard case .unauthorized(let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(message.contains("STOCKFLOW_API_KEY"))
                #expect(message.contains("Unknown API key"))
                #expect(await server.stats().requests("POST /v2/oauth/token").count == 1)
            }
        }

        @Test func anExpiredLicenseIsForbiddenWithItsRemedy() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, key: server.credentials.stockflow!.expiredLicenseKey)
                let error = await stockError { _ = try await client.search(SearchRequest(pageSize: 10)) }
                guard case .forbidden(let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(message.contains("license has expired"))
                #expect(message.contains("POST /v2/licenses/renew"))
                #expect(message.contains("2025-12-31"))
                // The account stays readable, and says why licensing is impossible.
                let account = try await client.account()
                #expect(account.name == "Lapsed Agency")
                #expect(account.licenseTier == "Starter")
                #expect(account.licensingUnavailableReason != nil)
            }
        }

        @Test func unknownClipsAreNotFound() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                #expect(await stockError { _ = try await client.asset(id: 99_999_999) } == .notFound(99_999_999))
                // 10001 is a photo: StockFlow has clips only.
                #expect(await stockError { _ = try await client.asset(id: 10001) } == .notFound(10001))
            }
        }

        @Test func malformedAnswersAreErrorsNotCrashes() async throws {
            try await Self.sandbox(SandboxOptions(api: .stockflow, faultRate: 1, faultKinds: [.malformedJSON])) { server in
                let client = Self.client(server, retry: quickRetry)
                for call in 0..<4 {
                    let error = await stockError {
                        switch call {
                        case 0: _ = try await client.search(SearchRequest(pageSize: 10))
                        case 1: _ = try await client.search(SearchRequest(query: try query("lake"), pageSize: 10))
                        case 2: _ = try await client.asset(id: 10011)
                        default: _ = try await client.categories()
                        }
                    }
                    guard case .malformedResponse(let message)? = error else { Issue.record("\(call): \(String(describing: error))"); continue }
                    #expect(message.contains("StockFlow"), "\(message)")
                }
                #expect(await server.stats().faults[.malformedJSON] == 4)
            }
        }

        @Test func serverErrorsAreRetriedAndTheCallSucceeds() async throws {
            let waits = Waits(realTime: .milliseconds(20))
            try await Self.sandbox(SandboxOptions(api: .stockflow, faultRate: 0.35, seed: 11,
                                                  faultKinds: [.badGateway, .unavailable, .droppedConnection])) { server in
                let client = Self.client(server, retry: quickRetry, waits: waits)
                for page in 1...6 {
                    let result = try await client.search(SearchRequest(page: page, pageSize: 10))
                    #expect(result.items.count == 10)
                }
                _ = try await client.search(SearchRequest(query: try query("drone"), pageSize: 10))
                _ = try await client.asset(id: 10011)
                let stats = await server.stats()
                #expect(stats.faultsInjected >= 2, "seed 11 at 35 % must inject some faults")
                #expect(waits.all.count == stats.faultsInjected)
            }
        }

        @Test func a500IsReportedWithTheServiceMessage() async throws {
            try await Self.sandbox(SandboxOptions(api: .stockflow, faultRate: 1, faultKinds: [.internalError])) { server in
                let client = Self.client(server, retry: quickRetry)
                let error = await stockError { _ = try await client.search(SearchRequest(pageSize: 10)) }
                guard case .server(let status, let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(status == 500)
                #expect(message.contains("An internal error occurred"))
            }
        }

        // MARK: Rate limits

        @Test func a429BeyondTheRetryBudgetIsReportedWithItsWait() async throws {
            // StockFlow's window is a minute: with 2 per minute the third call is told to wait about
            // a minute, more than the client's 20 s budget. It says so instead of freezing.
            let waits = Waits()
            try await Self.sandbox(SandboxOptions(api: .stockflow, rateLimit: 2)) { server in
                let client = Self.client(server, perMinute: 1000, waits: waits)
                _ = try await client.categories()
                _ = try await client.categories()
                let error = await stockError { _ = try await client.categories() }
                guard case .rateLimited(let seconds)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect((50...60).contains(try #require(seconds)))
                #expect(waits.all.isEmpty)
                #expect(await server.stats().rateLimited == 1)
            }
        }

        @Test func theDefaultLimiterDrawsNo429sInABurst() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let ids = try await client.search(SearchRequest(pageSize: 60)).items.map(\.id)
                let lookup = try await client.assets(ids: Array(ids.prefix(40)))
                #expect(lookup.assets.map(\.id) == Array(ids.prefix(40)))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for page in 1...10 { group.addTask { _ = try await client.search(SearchRequest(page: page, pageSize: 10)) } }
                    try await group.waitForAll()
                }
                let stats = await server.stats()
                #expect(stats.rateLimited == 0)
                #expect(stats.totalRequests >= 52)
            }
        }

        // MARK: Tokens and keys

        @Test func theTokenIsRefreshedBeforeItExpires() async throws {
            let clock = MovableClock()
            try await Self.sandbox(SandboxOptions(api: .stockflow, tokenLifetime: .seconds(3600))) { server in
                let client = Self.client(server, clock: clock)
                _ = try await client.categories()
                let first = try await client.session.current()
                // 56 minutes later the token has 4 left, under the client's 5-minute margin.
                clock.advance(3360)
                _ = try await client.categories()
                let second = try await client.session.current()
                #expect(second.accessToken != first.accessToken)
                let stats = await server.stats()
                #expect(stats.requests("POST /v2/oauth/token").count == 2)
                #expect(stats.responsesPerStatus[401] == nil)
                #expect(stats.requests("GET /v2/categories").map(\.status) == [200, 200])
            }
        }

        @Test func aTokenTheServiceRefusesIsRenewedOnceAfterA401() async throws {
            // A token kept from an earlier run (another emulator, now gone), which the client
            // believes good for an hour: one 401, one renewal (its refresh token is refused too, so
            // the key is traded again), one more attempt.
            let kept = try await withSandbox(SandboxOptions(api: .stockflow)) { earlier in
                let client = Self.client(earlier)
                _ = try await client.categories()
                return try await client.session.current()
            }
            try await Self.sandbox(SandboxOptions(api: .stockflow, seed: 2)) { server in
                let client = Self.client(server, token: OAuthToken(accessToken: kept.accessToken, refreshToken: kept.refreshToken,
                                                                   expiresAt: Date().addingTimeInterval(3600), scopes: kept.scopes))
                let categories = try await client.categories()
                #expect(categories.count == 24)
                let stats = await server.stats()
                #expect(stats.requests("GET /v2/categories").map(\.status) == [401, 200])
                #expect(stats.requests("POST /v2/oauth/token").map(\.status) == [400, 200])
                #expect(await client.session.exchanges == 1)
            }
        }

        @Test func tokensShorterThanTheMarginAreRefreshedBeforeEveryCallAndNeverRefused() async throws {
            try await Self.sandbox(SandboxOptions(api: .stockflow, tokenLifetime: .seconds(1))) { server in
                let client = Self.client(server)
                for _ in 0..<3 {
                    _ = try await client.categories()
                    try await Task.sleep(for: .milliseconds(600))
                }
                let stats = await server.stats()
                #expect(stats.requests("GET /v2/categories").map(\.status) == [200, 200, 200])
                #expect(stats.responsesPerStatus[401] == nil)
                #expect(stats.requests("POST /v2/oauth/token").count == 3)
            }
        }

        @Test func aReadOnlyKeySearchesButCannotLicense() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, key: server.credentials.stockflow!.readOnlyKey)
                let got1 = try await client.search(SearchRequest(pageSize: 10)).items.count
                #expect(got1 == 10)
                let account = try await client.account()
                let reason = try #require(account.licensingUnavailableReason)
                #expect(reason.contains("admin"))
                let admin = try await Self.client(server).account()
                #expect(admin.licensingUnavailableReason == nil)
            }
        }

        // MARK: Detail, account, categories

        @Test func aClipDetailMapsEveryFieldTheDetailViewShows() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                for id: AssetID in [10011, 10017] {
                    let truth = try DemoCatalog.asset(id)
                    guard truth.kind == .video else { continue }
                    let clip = try await client.asset(id: id)
                    #expect(clip.kind == .video)
                    #expect(clip.title == truth.title)
                    #expect(clip.description == truth.description)
                    #expect(clip.keywords == truth.keywords)
                    #expect(clip.category == truth.category)
                    #expect(clip.duration == truth.duration)
                    #expect(clip.fps == truth.fps)
                    #expect(clip.codec == truth.codec)
                    #expect(clip.formats == truth.formats)
                    #expect(clip.videoResolution == truth.videoResolution)
                    #expect(clip.contributor == truth.contributor)
                    #expect(clip.attribution == "© \(truth.contributor!.name) / StockFlow")
                    // file_size_mb is whole megabytes: within half a megabyte of the real size.
                    let size = try #require(clip.fileSize), real = try #require(truth.fileSize)
                    #expect(abs(size - real) <= 500_000, "\(size) vs \(real)")
                    #expect(clip.created == truth.created)
                    #expect(clip.thumbnails[1080]?.hasPrefix("http://127.0.0.1:\(server.port)/") == true)
                }
            }
        }

        @Test func accountAndCategories() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server)
                let account = try await client.account()
                #expect(account.name == "Sandbox Studio")
                #expect(account.licenseTier == "Professional")
                #expect(account.remainingQuota == 488)
                #expect(account.licensingUnavailableReason == nil)
                let categories = try await client.categories()
                #expect(categories.count == 24)
                #expect(Set(categories.map(\.slug)) == Set(DemoCatalog.shared.categoryList().map(\.slug)))
                let drone = try #require(categories.first { $0.slug == "aerial-drone" })
                var filters = SearchFilters()
                filters.kinds = [.video]
                filters.free = .included
                filters.categories = ["aerial-drone"]
                #expect(drone.count == (try DemoCatalog.shared.search(SearchRequest(filters: filters, pageSize: 1)).total))
                #expect(!drone.name.isEmpty)
            }
        }
    }
}
