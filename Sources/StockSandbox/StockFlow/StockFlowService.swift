import Foundation
import Hummingbird
import StockCatalog
import StockCore

/// The StockFlow v2 emulator: OAuth token endpoint, `/clips`, `/clips/{id}`, `/categories`,
/// `POST /search`, `/users/me` and `POST /downloads/{clip_id}` under `/v2`, over the catalog's
/// video clips.
struct StockFlowService: Sendable {
    let environment: SandboxEnvironment
    let credentials = StockFlowCredentials()
    let accounts: StockFlowAccounts
    let tokens = Locked(StockFlowTokenBook())
    /// What the accounts licensed while the server runs, and the quota that used.
    let downloads = Locked(StockFlowDownloadBook())
    private let categoryCounts = Locked<[(slug: String, name: String, count: Int)]?>(nil)

    init(environment: SandboxEnvironment) {
        self.environment = environment
        accounts = StockFlowAccounts(credentials: credentials)
    }

    /// The error envelope, its 429 message naming the rate window in force.
    var envelope: StockFlowErrors {
        let seconds = environment.options.effectiveRateWindow.components.seconds
        return StockFlowErrors(windowWords: seconds == 60 ? "minute" : "\(seconds) seconds")
    }

    func register(on router: Router<SandboxContext>) {
        router.post("/v2/oauth/token") { request, _ in try await self.token(request) }
        router.post("/v2/oauth/revoke") { request, _ in try await self.revoke(request) }
        let api = router.group("v2").add(middleware: APIPipeline(environment: environment, envelope: envelope,
                                                                 authenticate: { request, _ in try self.authenticate(request) }))
        api.get("clips") { request, context in try self.clips(request, context) }
        api.get("clips/{id}") { _, context in try self.clip(context) }
        api.get("categories") { _, context in try context.respond(.members([("data", .array(self.categories().map {
            .members([("id", .string($0.slug)), ("name", .string($0.name)), ("count", .int($0.count))])
        }))])) }
        api.post("search") { request, context in try await self.search(request, context) }
        api.get("users/me") { _, context in try self.me(context) }
        api.post("downloads/{id}") { request, context in try await self.download(request, context) }
    }

    // MARK: Credentials

    /// `Authorization: Bearer <access token>`; the license check spares `/users/me`.
    private func authenticate(_ request: Request) throws -> SandboxPrincipal {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw StockFlowErrors.authRequired
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let apiKey = tokens.withLock({ $0.apiKey(forAccess: token, now: Date()) }), let key = accounts.keys[apiKey],
              let account = accounts.accounts[key.accountID] else {
            throw StockFlowErrors.authRequired
        }
        if account.licenseExpired, request.uri.path != "/v2/users/me" {
            throw StockFlowErrors.failure(.forbidden, "LICENSE_EXPIRED",
                                          "Your license expired on \(account.licenseExpiresOn); renew it with POST /v2/licenses/renew")
        }
        return SandboxPrincipal(rateKey: apiKey, accountID: String(account.id), scopes: Set(key.scopes))
    }

    /// `POST /v2/oauth/token` (form): client credentials with the API key as `client_secret`,
    /// or a refresh token (which rotates).
    private func token(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let form = QueryItems(parsing: String(buffer: body))
        let apiKey: String
        switch form["grant_type"] {
        case "client_credentials"?:
            guard let secret = form["client_secret"], !secret.isEmpty else {
                throw OAuthErrors.failure(.badRequest, "invalid_request", "client_secret (your API key) is required")
            }
            guard accounts.keys[secret] != nil else {
                throw OAuthErrors.failure(.unauthorized, "invalid_client", "Unknown API key")
            }
            apiKey = secret
        case "refresh_token"?:
            guard let refresh = form["refresh_token"], !refresh.isEmpty else {
                throw OAuthErrors.failure(.badRequest, "invalid_request", "refresh_token is required")
            }
            guard let key = tokens.withLock({ $0.redeem(refresh: refresh, now: Date()) }) else {
                throw OAuthErrors.failure(.badRequest, "invalid_grant", "The refresh token is invalid, expired or already used")
            }
            apiKey = key
        case let other?:
            throw OAuthErrors.failure(.badRequest, "unsupported_grant_type", "grant_type \"\(other)\" is not supported; use client_credentials or refresh_token")
        case nil:
            throw OAuthErrors.failure(.badRequest, "invalid_request", "grant_type is required")
        }
        let access = "sf_at_" + environment.randomString(32)
        let refresh = "sf_rt_" + environment.randomString(40)
        let lifetime = environment.tokenLifetimeSeconds
        tokens.withLock { $0.issue(apiKey: apiKey, accessToken: access, refreshToken: refresh, lifetime: lifetime, now: Date()) }
        let scope = accounts.keys[apiKey]!.scopes.joined(separator: " ")
        return SandboxResponse.json(.members([
            ("access_token", .string(access)), ("token_type", .string("Bearer")),
            ("expires_in", .int(Int64(lifetime.rounded()))), ("refresh_token", .string(refresh)),
            ("refresh_expires_in", .int(Int64(StockFlowTokenBook.refreshLifetime))), ("scope", .string(scope)),
        ]), headers: [("Cache-Control", "no-store")])
    }

    /// `POST /v2/oauth/revoke` (form, RFC 7009): `token=<access or refresh token>` with the API key
    /// it was issued for as `client_secret`. 200 with an empty body whether or not there was such a
    /// token, as RFC 7009 says; an unknown key is 401 `invalid_client`.
    private func revoke(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let form = QueryItems(parsing: String(buffer: body))
        guard let secret = form["client_secret"], accounts.keys[secret] != nil else {
            throw OAuthErrors.failure(.unauthorized, "invalid_client", "client_secret (your API key) is missing or unknown")
        }
        guard let token = form["token"], !token.isEmpty else {
            throw OAuthErrors.failure(.badRequest, "invalid_request", "token is required")
        }
        _ = tokens.withLock { $0.revoke(token, apiKey: secret) }
        return Response(status: .ok, headers: [.cacheControl: "no-store"])
    }

    // MARK: Routes

    var render: StockFlowRender { StockFlowRender(origin: environment.origin) }

    private func categorySlugs() -> Set<String> { Set(environment.catalog.categoryList().map(\.slug)) }

    private func clips(_ request: Request, _ context: SandboxContext) throws -> Response {
        let items = QueryItems(parsing: request.uri.query)
        let query = try StockFlowClipQuery(text: nil, categories: categorySlugs()) { name in items[name].map { .text($0) } }
        let page = try environment.catalog.search(try query.searchRequest())
        return context.respond(.members([
            ("data", .array(page.items.map { render.listItem($0, license: query.licenseType) })),
            ("pagination", StockFlowRender.pagination(page: query.page, perPage: query.perPage, total: page.total)),
        ]))
    }

    private func clip(_ context: SandboxContext) throws -> Response {
        let raw = context.parameters.get("id") ?? ""
        guard let id = AssetID(raw), let asset = try? environment.catalog.asset(id: id), asset.kind == .video else {
            throw StockFlowErrors.notFound("Clip \(raw) not found.")
        }
        return context.respond(render.detail(asset))
    }

    /// `POST /search` with `{"query", "filters": {GET /clips' names}, "sort": {"by", "order"}, "page", "per_page"}`.
    private func search(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 256 * 1024)
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(body.readableBytesView))
        } catch {
            throw StockFlowErrors.invalidParameter("the body must be a JSON object: \(error.description)")
        }
        guard case .object = json else { throw StockFlowErrors.invalidParameter("the body must be a JSON object") }
        var text: String?
        if let q = json["query"] {
            guard case .string(let s) = q else { throw StockFlowErrors.invalidParameter("query must be a string") }
            text = s
        }
        let filters = json["filters"], sort = json["sort"]
        if let filters, case .object = filters {} else if filters != nil {
            throw StockFlowErrors.invalidParameter("filters must be an object")
        }
        if let sort, case .object = sort {} else if sort != nil {
            throw StockFlowErrors.invalidParameter("sort must be an object like {\"by\": \"newest\", \"order\": \"desc\"}")
        }
        let query = try StockFlowClipQuery(text: text, categories: categorySlugs()) { name in
            let value: JSONValue? = switch name {
            case "page", "per_page": json[name]
            case "sort_by": sort?["by"]
            case "order": sort?["order"]
            default: filters?[name]
            }
            return value.flatMap(Self.parameter)
        }
        let request2 = try query.searchRequest()
        let page = try environment.catalog.search(request2)
        let words = RelevanceScore.words(of: request2.query)
        return context.respond(.members([
            ("query", .string(text ?? "")),
            ("data", .array(page.items.map { render.searchItem($0, score: RelevanceScore.of($0, words: words)) })),
            ("pagination", StockFlowRender.pagination(page: query.page, perPage: query.perPage, total: page.total)),
        ]))
    }

    private static func parameter(_ value: JSONValue) -> StockFlowClipQuery.Value? {
        switch value {
        case .string(let s): .text(s)
        case .number(let d, _): .number(d)
        case .bool(let b): .text(String(b))
        case .array(let items): .list(items.compactMap { if case .string(let s) = $0 { s } else { nil } })
        case .null, .object: nil
        }
    }

    func me(_ context: SandboxContext) throws -> Response {
        let principal = try context.requirePrincipal()
        guard let account = accounts.accounts[Int(principal.accountID) ?? -1] else { throw StockFlowErrors.authRequired }
        let (used, remaining) = downloads.withLock { ($0.used(by: account), $0.remaining(for: account)) }
        return context.respond(.members([
            ("id", .int(account.id)),
            ("display_name", .string(account.displayName)),
            ("email", .string(account.email)),
            ("license_tier", .string(account.tier)),
            ("license_status", .string(account.licenseExpired ? "expired" : "active")),
            ("license_expires_at", .string(account.licenseExpiresOn)),
            ("scope", .string(["read", "admin"].filter(principal.scopes.contains).joined(separator: " "))),
            ("download_quota", .members([
                ("limit", .int(account.downloadLimit)), ("used", .int(used)), ("remaining", .int(remaining)),
            ])),
        ]))
    }

    /// The catalog's category slugs with their names and how many video clips each holds.
    func categories() throws -> [(slug: String, name: String, count: Int)] {
        if let cached = categoryCounts.withLock({ $0 }) { return cached }
        var filters = SearchFilters()
        filters.kinds = [.video]
        filters.free = .included
        let page = try environment.catalog.search(SearchRequest(filters: filters, pageSize: 1))
        let counts = page.facets.counts[.category] ?? [:]
        let list = environment.catalog.categoryList().map { (slug: $0.slug, name: $0.name, count: counts[$0.slug] ?? 0) }
        categoryCounts.withLock { $0 = list }
        return list
    }
}
