import Foundation
import StockCore
import StockHTTP

/// StockFlow v2 (seed 002): video clips, searched through `GET /clips` or `POST /search`,
/// licensed through the plan's download quota.
///
/// Auth is OAuth 2.0 (`OAuthSession`): the API key is traded at `POST /v2/oauth/token` for a
/// 24-hour access token, refreshed before it expires and once after a 401, and sent as a Bearer
/// token on every call. Calls stay under 120 per minute on the client's side.
///
/// ```swift
/// let stockflow = StockFlowClient(configuration: .init(apiKey: key))
/// let page = try await stockflow.search(SearchRequest(query: try QueryParser.parse("baikal drone"), pageSize: 20))
/// ```
public final class StockFlowClient: StockProvider {
    /// What `config.toml` gives for StockFlow.
    public struct Configuration: Sendable, Hashable {
        public static let defaultBaseURL = URL(string: "https://api.stockflow.ru/v2")!
        /// Every path is below it; a local emulator's URL in tests.
        public var baseURL: URL
        /// The API key (`STOCKFLOW_API_KEY`), traded for OAuth tokens.
        public var apiKey: String
        /// The client-side limit (the service allows 120 per minute per key).
        public var requestsPerMinute: Int
        /// The window `requestsPerMinute` counts over: a minute. Tests against an emulator whose
        /// window is shortened alike (`SandboxOptions.rateWindow`) shorten it too.
        public var rateWindow: Duration
        /// How many `GET /clips/{id}` run at once in `assets(ids:)` (StockFlow has no bulk call).
        public var bulkConcurrency: Int

        public init(baseURL: URL = defaultBaseURL, apiKey: String, requestsPerMinute: Int = 120, bulkConcurrency: Int = 4,
                    rateWindow: Duration = .seconds(60)) {
            self.baseURL = baseURL; self.apiKey = apiKey
            self.requestsPerMinute = requestsPerMinute; self.bulkConcurrency = max(1, bulkConcurrency)
            self.rateWindow = rateWindow
        }
    }

    public let configuration: Configuration
    public let info = ProviderInfo(displayName: "StockFlow",
                                   facetGroups: [.fourK, .resolution, .category, .license, .orientation, .duration],
                                   maxPageSize: StockFlowRequests.allowedPageSizes.last!, kinds: [.video])
    /// The OAuth tokens; shared by every call of this client.
    public let session: OAuthSession
    let transport: HTTPTransport
    /// The clock for token expiry and license dates.
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - configuration: base URL, API key, limits.
    ///   - token: a token kept from an earlier run, if any.
    ///   - retry: the transport's retry policy.
    ///   - sleep: how the transport waits between attempts (tests record instead).
    ///   - now: the clock for token expiry.
    public init(configuration: Configuration, token: OAuthToken? = nil, retry: RetryPolicy = .standard,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.now = now
        let endpoint = ServiceEndpoint(name: "StockFlow", baseURL: configuration.baseURL)
        let limiter = RateLimiter(limit: configuration.requestsPerMinute, per: configuration.rateWindow)
        let tokenTransport = HTTPTransport(endpoint: endpoint, authenticator: FixedHeaders(secrets: [configuration.apiKey]),
                                           rateLimiter: limiter, retry: retry, sleep: sleep)
        let exchange = StockFlowTokenExchange(transport: tokenTransport, apiKey: configuration.apiKey, now: now)
        session = OAuthSession(token: token, now: now) { try await exchange.exchange($0) }
        transport = HTTPTransport(endpoint: endpoint,
                                  authenticator: HeaderAuthentication(headers: [], userToken: session, bearerOnEveryCall: true),
                                  rateLimiter: limiter, retry: retry, sleep: sleep)
    }

    public func search(_ request: SearchRequest) async throws -> SearchPage {
        let plan = try StockFlowRequests.search(request)
        guard !plan.requests.isEmpty else {
            return SearchPage(items: [], page: request.page, pageSize: request.pageSize, total: 0)
        }
        // Every position of the server's pages, read or left out, so that the caller's page is cut
        // from the same positions whether or not a clip could be read.
        var slots: [LossySlot<StockFlowClip>] = []
        var total: Int?
        for http in plan.requests {
            let response = try await send(http)
            let page = try WireDecoding.decode(StockFlowClipPage.self, from: response.body,
                                               what: http.method == .post ? "StockFlow search answer" : "StockFlow clip list")
            let pageSlots = page.data.slots
            slots += pageSlots
            if total == nil { total = page.pagination?.totalItems.map { max(0, $0.int) } }
            // A short page is the last one: no need to ask for the next.
            if pageSlots.count < plan.perPage { break }
        }
        var items: [Asset] = [], skipped: [SkippedRecord] = []
        for slot in slots.dropFirst(plan.skip).prefix(plan.take) {
            switch slot {
            case .read(let clip, _): items.append(clip.asset())
            case .skipped(let record): skipped.append(record)
            }
        }
        WireLog.skipped(skipped, in: "StockFlow search answer")
        return SearchPage(items: items, page: request.page, pageSize: request.pageSize,
                          total: total ?? request.offset + items.count + skipped.count, totalIsExact: false, skipped: skipped)
    }

    public func asset(id: AssetID) async throws -> Asset {
        let request = StockFlowRequests.clip(id)
        let response = try await send(request, id: id)
        return try WireDecoding.decode(StockFlowClip.self, from: response.body, what: "StockFlow clip \(id)").asset()
    }

    /// One `GET /clips/{id}` per id, `bulkConcurrency` at a time, in the order asked; a 404 makes
    /// the id unavailable, a clip that cannot be read is left out and reported in `skipped`
    /// (path `clips/{id}`), any other failure fails the whole lookup.
    public func assets(ids: [AssetID]) async throws -> AssetLookup {
        enum Outcome: Sendable { case found(Asset), missing, unreadable(SkippedRecord) }
        var outcomes: [Int: Outcome] = [:]
        try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func start() {
                let index = next, id = ids[index]
                next += 1
                group.addTask {
                    do { return (index, .found(try await self.asset(id: id))) }
                    catch StockError.notFound { return (index, .missing) }
                    catch StockError.malformedResponse(let why) { return (index, .unreadable(SkippedRecord(path: "clips/\(id)", reason: why))) }
                }
            }
            while next < ids.count && next < configuration.bulkConcurrency { start() }
            while let (index, outcome) = try await group.next() {
                outcomes[index] = outcome
                if next < ids.count { start() }
            }
        }
        var assets: [Asset] = [], unavailable: [AssetID] = [], skipped: [SkippedRecord] = []
        for index in ids.indices {
            switch outcomes[index] {
            case .found(let a)?: assets.append(a)
            case .missing?: unavailable.append(ids[index])
            case .unreadable(let r)?: skipped.append(r)
            case nil: break
            }
        }
        WireLog.skipped(skipped, in: "StockFlow clips")
        return AssetLookup(assets: assets, unavailable: unavailable, skipped: skipped)
    }

    public func categories() async throws -> [StockCore.Category] {
        let response = try await send(StockFlowRequests.categories())
        return try StockFlowAccountWire.categories(response.body)
    }

    /// `GET /users/me`: tier and remaining download quota. Sets `licensingUnavailableReason`
    /// instead of failing at the first download when the license has expired (with its remedy)
    /// or the key lacks the `admin` scope (seed 000: read-only versus admin keys), read from the
    /// user's `scope` or else from the token's.
    public func account() async throws -> Account {
        let response = try await send(StockFlowRequests.me())
        let me = try StockFlowAccountWire.me(response.body)
        var scopes = me.scopes ?? []
        if scopes.isEmpty { scopes = try await session.current().scopes }
        return Account(name: me.name, remainingQuota: me.remainingQuota, licenseTier: me.licenseTier,
                       licensingUnavailableReason: Self.licensingUnavailableReason(me, scopes: scopes, now: now()))
    }

    /// Why these credentials cannot license, if they cannot: an expired license, a key without the
    /// admin scope, or both.
    static func licensingUnavailableReason(_ me: StockFlowAccountWire.Me, scopes: Set<String>, now: Date) -> String? {
        var reasons: [String] = []
        if me.licenseExpired(now: now) {
            let when = me.licenseExpiresText.map { " on \($0)" } ?? ""
            reasons.append("the StockFlow license expired\(when); renew it (POST /v2/licenses/renew, or in the StockFlow dashboard) and try again")
        }
        if !scopes.isEmpty, !scopes.contains("admin") {
            reasons.append("the StockFlow API key has the \(scopes.sorted().joined(separator: " ")) scope only; licensing and downloads need a key with the admin scope (create one in the StockFlow dashboard)")
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; and ")
    }

    /// `POST /v2/licenses/renew`: the remedy seed 000 gives for "403 License Expired".
    public func renewLicense() async throws {
        _ = try await send(StockFlowRequests.renewLicense())
    }

    /// Sends and maps a non-2xx answer to `StockError`.
    func send(_ request: HTTPRequest, id: AssetID? = nil) async throws -> HTTPResponse {
        let response = try await transport.send(request)
        guard response.isSuccess else { throw StockFlowErrors.error(for: response, request: request, id: id) }
        return response
    }
}
