import Foundation
import Hummingbird
import StockCatalog
import StockCore

/// The Stocksy API v1.2 emulator: `POST /login` for temporary credentials, then sigv4-signed
/// `GET /search`, `/assets/{id}`, `/assets?ids=` and `/users`, over the catalog's photos and videos,
/// and the purchase side (`StocksyService+Purchases.swift`): `POST /purchases`, `GET /purchases`,
/// `GET /purchases/{id}`, `GET /downloads/{id}`, `GET /compdownloads/{assetId}`.
struct StocksyService: Sendable {
    static let maxAssetIDs = 500

    let environment: SandboxEnvironment
    let credentials = StocksyCredentials()
    let accounts: StocksyAccounts
    let purchases: StocksyPurchaseBook
    /// Decides which paid purchases are answered with a fault anyway (`faultAfterChargeRate`).
    let afterChargeFaults: Locked<FaultInjector>
    private let verifier: SigV4Verifier

    init(environment: SandboxEnvironment) {
        self.environment = environment
        accounts = StocksyAccounts(credentials: credentials)
        let user = accounts.user
        purchases = StocksyPurchaseBook(openingBalance: environment.options.openingBalance ?? user.balance, currency: user.currency, decimals: user.decimals,
                                        customerID: user.id)
        let options = environment.options
        afterChargeFaults = Locked(FaultInjector(rate: options.faultAfterChargeRate, seed: options.seed ^ 0xC4A2_6E00,
                                                 kinds: options.faultKinds))
        verifier = SigV4Verifier(region: credentials.region, service: credentials.service)
    }

    func register(on router: Router<SandboxContext>) {
        router.post("/login") { request, _ in try await self.login(request) }
        let api = router.group().add(middleware: APIPipeline(environment: environment, envelope: StocksyErrors(),
                                                             authenticate: { request, _ in try await self.authenticate(&request) }))
        api.get("search") { request, context in try self.search(request, context) }
        api.get("assets/{id}") { _, context in try self.asset(context) }
        api.get("assets") { request, context in try self.assets(request, context) }
        api.get("users") { _, context in try self.user(context) }
        registerPurchases(on: api)
    }

    var render: StocksyRender { StocksyRender(origin: environment.origin, purchases: purchases) }

    private func requireAPIKey(_ request: Request) throws -> String {
        guard let key = request.headers[FieldName("x-api-key")!], key == credentials.apiKey else { throw StocksyErrors.forbidden }
        return key
    }

    /// The API key, then the sigv4 signature made with live temporary credentials.
    private func authenticate(_ request: inout Request) async throws -> SandboxPrincipal {
        let key = try requireAPIKey(request)
        let body = try await request.collectBody(upTo: 1 << 20)
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        if let authority = request.head.authority { headers.append((name: "host", value: authority)) }
        let signed = SigV4Verifier.SignedRequest(method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query,
                                                 headers: headers, body: Array(body.readableBytesView))
        do {
            let credentials = try verifier.verify(signed, now: Date()) { accounts.credentials(forAccessKey: $0) }
            return SandboxPrincipal(rateKey: key, accountID: String(credentials.userID))
        } catch {
            throw StocksyErrors.gateway(.forbidden, error.message)
        }
    }

    /// `POST /login` (form-urlencoded `email`, `password`; JSON accepted too) → `Credentials`.
    private func login(_ request: Request) async throws -> Response {
        _ = try requireAPIKey(request)
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: 64 * 1024))
        var email: String?, password: String?
        if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true,
           let json = try? JSONParser.parse(Array(body.utf8)) {
            if case .string(let s)? = json["email"] { email = s }
            if case .string(let s)? = json["password"] { password = s }
        } else {
            let form = QueryItems(parsing: body)
            email = form["email"]
            password = form["password"]
        }
        let user = accounts.user
        guard email?.lowercased() == user.email.lowercased(), password == user.password else {
            throw StocksyErrors.service(.unauthorized, "Invalid email or password")
        }
        let expires = Date().addingTimeInterval(environment.tokenLifetimeSeconds)
        let issued = SigV4Verifier.Credentials(
            accessKeyID: "ASIA" + environment.randomString(20, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
            secretKey: environment.randomString(40, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
            sessionToken: environment.randomString(160, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
            expires: expires, userID: user.id)
        accounts.store(issued)
        return SandboxResponse.json(.members([
            ("AccessKeyId", .string(issued.accessKeyID)), ("SecretKey", .string(issued.secretKey)),
            ("SessionToken", .string(issued.sessionToken)), ("Expiration", .string(Self.expiration(expires))),
            ("status", .string("success")), ("message", .string("Login successful")),
        ]))
    }

    /// `2018-06-27T00:52:20+00:00`.
    static func expiration(_ date: Date) -> String {
        String(ISODate.format(date).dropLast()) + "+00:00"
    }

    private func search(_ request: Request, _ context: SandboxContext) throws -> Response {
        let parameters = try StocksySearchParameters(QueryItems(parsing: request.uri.query))
        let page = try environment.catalog.search(parameters.request)
        let render = render
        let pageMembers: [(String, JSONNode)] = [("page", .int(parameters.page)), ("pageSize", .int(parameters.limit)),
                                                  ("sort", .string(parameters.sort))]
        return context.respond(.members([
            ("request", .members([("filters", .members(parameters.applied))] + pageMembers)),
            ("response", .members([
                ("returnedItemCount", .int(page.items.count)),
                ("totalItemCount", .int(page.total)),
                ("totalPageCount", .int((page.total + parameters.limit - 1) / parameters.limit)),
                ("items", .array(page.items.map(render.searchAsset))),
            ])),
            ("userId", .int(accounts.user.id)),
            ("status", .string("success")),
            ("message", .string("successful search")),
        ]))
    }

    /// An asset Stocksy sells (a photo or a video), or nil.
    func sellable(_ id: AssetID) -> Asset? {
        guard let asset = try? environment.catalog.asset(id: id), asset.kind == .photo || asset.kind == .video else { return nil }
        return asset
    }

    private func asset(_ context: SandboxContext) throws -> Response {
        guard let id = context.parameters.get("id").flatMap(AssetID.init), let asset = sellable(id) else {
            throw StocksyErrors.service(.notFound, "Asset not found")
        }
        return context.respond(render.asset(asset))
    }

    /// `GET /assets?ids=1,2`: the array form; ids it does not sell are left out.
    private func assets(_ request: Request, _ context: SandboxContext) throws -> Response {
        let raw = QueryItems(parsing: request.uri.query).list("ids")
        guard !raw.isEmpty else { throw StocksyErrors.service(.badRequest, "ids is required: a comma-separated list of asset ids") }
        guard raw.count <= Self.maxAssetIDs else {
            throw StocksyErrors.service(.badRequest, "At most \(Self.maxAssetIDs) ids per request, got \(raw.count)")
        }
        var ids: [AssetID] = []
        for text in raw {
            guard let id = AssetID(text) else { throw StocksyErrors.service(.badRequest, "Invalid asset id \"\(text)\"") }
            if !ids.contains(id) { ids.append(id) }
        }
        let render = render
        return context.respond(.array(ids.compactMap(sellable).map(render.asset)))
    }

    /// `User`, with what is left of the balance after the purchases.
    private func user(_ context: SandboxContext) throws -> Response {
        let u = accounts.user
        return context.respond(.members([
            ("id", .int(u.id)), ("email", .string(u.email)), ("firstName", .string(u.firstName)), ("lastName", .string(u.lastName)),
            ("availableBalance", StocksyRender.money(purchases.balance)),
        ]))
    }
}
