import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// StockFlowClient through the real transport against a scripted server on 127.0.0.1.
@Suite(.serialized) struct StockFlowClientTests {
    static func token(_ access: String, refresh: String, scope: String = "read admin") -> ScriptedAnswer {
        .json(200, #"{"access_token":"\#(access)","token_type":"Bearer","expires_in":86400,"refresh_token":"\#(refresh)","scope":"\#(scope)"}"#)
    }

    static func client(_ base: URL) -> StockFlowClient {
        StockFlowClient(configuration: .init(baseURL: base.appendingPathComponent("v2"), apiKey: "sf-key-123456"),
                        retry: .never)
    }

    @Test func refreshesOnceAfter401AndRetries() async throws {
        let clips = try fixtureText("stockflow-clips.json")
        let page = try await ScriptedServer.with({ r in
            switch (r.method, r.path) {
            case ("POST", "/v2/oauth/token"):
                return r.bodyText.contains("grant_type=refresh_token") ? Self.token("t2", refresh: "r2") : Self.token("t1", refresh: "r1")
            case ("GET", "/v2/clips"):
                return r.header("Authorization") == "Bearer t2" ? .json(200, clips)
                    : .json(401, #"{"error":{"code":"AUTH_REQUIRED","message":"token revoked","status":401}}"#)
            default: return .json(404, "{}")
            }
        }) { base, log in
            let client = Self.client(base)
            let page = try await client.search(SearchRequest(pageSize: 20))
            let requests = await log.requests
            #expect(requests.map { "\($0.method) \($0.path)" } == ["POST /v2/oauth/token", "GET /v2/clips", "POST /v2/oauth/token", "GET /v2/clips"])
            #expect(requests[0].bodyText == "grant_type=client_credentials&client_secret=sf-key-123456")
            #expect(requests[0].header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(requests[2].bodyText == "grant_type=refresh_token&refresh_token=r1")
            #expect(requests[1].query == [QueryItem("page", "1"), QueryItem("per_page", "20"), QueryItem("sort_by", "relevance"), QueryItem("order", "desc")])
            #expect(await client.session.exchanges == 2)
            return page
        }
        #expect(page.items.map(\.id) == [18742])
        #expect(page.total == 14382 && !page.totalIsExact)
    }

    @Test func aTokenAboutToExpireIsRefreshedBeforeUse() async throws {
        let clips = try fixtureText("stockflow-clips.json")
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? Self.token("fresh", refresh: "r1")
                : (r.header("Authorization") == "Bearer fresh" ? .json(200, clips) : .json(401, "{}"))
        }) { base, log in
            let kept = OAuthToken(accessToken: "old", refreshToken: "r0", expiresAt: Date().addingTimeInterval(60), scopes: ["read"])
            let client = StockFlowClient(configuration: .init(baseURL: base.appendingPathComponent("v2"), apiKey: "sf-key-123456"),
                                         token: kept, retry: .never)
            _ = try await client.search(SearchRequest(pageSize: 10))
            let requests = await log.requests
            #expect(requests.map(\.path) == ["/v2/oauth/token", "/v2/clips"])
            #expect(requests[0].bodyText == "grant_type=refresh_token&refresh_token=r0")
        }
    }

    @Test func aServerThatKeepsRefusingIsAskedTwiceNotForever() async throws {
        let tokens = Counter()
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? Self.token("t\(await tokens.next())", refresh: "r")
                : .json(401, #"{"error":{"code":"AUTH_REQUIRED","message":"no","status":401}}"#)
        }) { base, log in
            await #expect(throws: StockError.unauthorized("StockFlow refused the credentials: no (AUTH_REQUIRED). Check the StockFlow API key (api_key_file or api_key_env in config.toml, or STOCKFLOW_API_KEY) and that it has not been revoked or rotated.")) {
                try await Self.client(base).asset(id: 1)
            }
            #expect(await log.requests.map(\.path) == ["/v2/oauth/token", "/v2/clips/1", "/v2/oauth/token", "/v2/clips/1"])
        }
    }

    @Test func bulkLookupKeepsOrderMarksMissingAndLimitsConcurrency() async throws {
        let detail = try fixtureText("stockflow-clip.json")
        let gauge = Gauge()
        try await ScriptedServer.with({ r in
            if r.path == "/v2/oauth/token" { return Self.token("t", refresh: "r") }
            await gauge.enter()
            try? await Task.sleep(for: .milliseconds(30))
            await gauge.leave()
            let id = r.path.split(separator: "/").last.map(String.init) ?? ""
            if Int(id)! % 3 == 0 { return .json(404, #"{"error":{"code":"NOT_FOUND","message":"no such clip","status":404}}"#) }
            return .json(200, detail.replacingOccurrences(of: "\"id\": 18742", with: "\"id\": \(id)"))
        }) { base, _ in
            let ids: [AssetID] = (1...10).map { AssetID(Int64($0)) }
            let lookup = try await Self.client(base).assets(ids: ids)
            #expect(lookup.assets.map(\.id) == [1, 2, 4, 5, 7, 8, 10])
            #expect(lookup.unavailable == [3, 6, 9])
            let peak = await gauge.peak
            #expect(peak <= 4 && peak >= 2)
        }
    }

    @Test func readOnlyScopeIsReportedByTheAccount() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? Self.token("t", refresh: "r", scope: "read")
                : .json(200, #"{"display_name":"Mikhail Volkov","remaining_quota":12,"license_tier":"Starter"}"#)
        }) { base, _ in
            let account = try await Self.client(base).account()
            #expect(account.name == "Mikhail Volkov")
            #expect(account.remainingQuota == 12 && account.licenseTier == "Starter")
            #expect(account.licensingUnavailableReason == "the StockFlow API key has the read scope only; licensing and downloads need a key with the admin scope (create one in the StockFlow dashboard)")
        }
    }

    @Test func rateLimitCarriesTheWaitFromTheBody() async throws {
        let body = try fixtureText("stockflow-error-429.json")
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? Self.token("t", refresh: "r") : .json(429, body)
        }) { base, _ in
            await #expect(throws: StockError.rateLimited(retryAfterSeconds: 42)) {
                try await Self.client(base).categories()
            }
        }
    }

    @Test func textSearchPostsToSearch() async throws {
        let answer = try fixtureText("stockflow-search.json")
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? Self.token("t", refresh: "r") : .json(200, answer)
        }) { base, log in
            let page = try await Self.client(base).search(SearchRequest(query: try QueryParser.parse("city timelapse night"), pageSize: 1))
            #expect(page.items.map(\.id) == [22105])  // per_page 10 asked, one kept
            let sent = await log.requests.last!
            #expect(sent.method == "POST" && sent.path == "/v2/search")
            #expect(sent.header("Authorization") == "Bearer t")
            #expect(sent.bodyText.contains(#""per_page":10"#))
        }
    }
}

/// Counts how many handlers run at once.
actor Gauge {
    private(set) var current = 0
    private(set) var peak = 0
    func enter() { current += 1; peak = max(peak, current) }
    func leave() { current -= 1 }
}
