import Hummingbird
import StockCatalog
import StockCore

/// The Adobe Stock emulator: `Search/Files`, `Files` and `Member/Profile` under `/Rest`, over
/// every kind of asset in the catalog (free ones hidden from Search, visible through Files).
struct AdobeService: Sendable {
    static let maxFileIDs = 110

    let environment: SandboxEnvironment
    let credentials = AdobeCredentials()
    let members: AdobeMembers

    init(environment: SandboxEnvironment) {
        self.environment = environment
        members = AdobeMembers(credentials: credentials)
    }

    func register(on router: Router<SandboxContext>) {
        let api = router.group("Rest").add(middleware: APIPipeline(environment: environment, envelope: AdobeErrors(),
                                                                   authenticate: { request, _ in try self.authenticate(request) }))
        api.get("Media/1/Search/Files") { request, context in try self.search(request, context) }
        api.get("Media/1/Files") { request, context in try self.files(request, context) }
        api.get("Libraries/1/Member/Profile") { request, context in try self.profile(request, context) }
    }

    /// `x-api-key` (the gateway's check) and `x-product` on every call.
    private func authenticate(_ request: Request) throws -> SandboxPrincipal {
        guard let key = request.headers[FieldName("x-api-key")!], !key.isEmpty else { throw AdobeErrors.apiKeyRequired }
        guard key == credentials.apiKey else { throw AdobeErrors.apiKeyInvalid }
        guard let product = request.headers[FieldName("x-product")!], !product.allSatisfy(\.isWhitespace) else {
            throw AdobeErrors.productRequired
        }
        return SandboxPrincipal(rateKey: key, accountID: "anonymous")
    }

    private func renderer(thumbnailSize: Int = 500) -> AdobeFileRenderer {
        let list = environment.catalog.categoryList()
        var categories: [String: (id: Int, name: String)] = [:]
        for (i, c) in list.enumerated() { categories[c.slug] = (1000 + i, c.name) }
        return AdobeFileRenderer(origin: environment.origin, categories: categories, thumbnailSize: thumbnailSize)
    }

    private func answer(total: Int, files: [JSONNode], columns: AdobeColumns) -> JSONNode {
        var members: [(String, JSONNode)] = []
        if columns.includesTotal { members.append(("nb_results", .int(total))) }
        members.append(("files", .array(files)))
        return .members(members)
    }

    private func search(_ request: Request, _ context: SandboxContext) throws -> Response {
        let parameters = try AdobeSearchParameters(QueryItems(parsing: request.uri.query))
        let renderer = renderer(thumbnailSize: parameters.thumbnailSize)
        guard !parameters.nothingMatches else {
            return context.respond(answer(total: 0, files: [], columns: parameters.columns))
        }
        let page = try window(parameters.request, parameters, offset: parameters.offset, count: parameters.limit)
        var items = page.items
        if parameters.premiumQuirk {
            // Seed 001: without [filters][premium], extra premium results follow the page.
            var premium = parameters.request
            premium.filters.premium = .premiumOnly
            let candidates = try window(premium, parameters, offset: parameters.offset, count: parameters.limit + 2).items
            let shown = Set(items.map(\.id))
            items += candidates.filter { !shown.contains($0.id) }.prefix(2)
        }
        let files = items.map { renderer.file($0, columns: parameters.columns.fileColumns) }
        return context.respond(answer(total: page.total, files: files, columns: parameters.columns))
    }

    /// A window of results, splitting panoramas by their longer side when an orientation is asked.
    private func window(_ request: SearchRequest, _ parameters: AdobeSearchParameters, offset: Int, count: Int) throws -> CatalogWindow.Result {
        let catalog = environment.catalog
        guard parameters.orientation != nil else { return try CatalogWindow.read(catalog, request, offset: offset, count: count) }
        var panoramas = request
        panoramas.filters.orientations = [.panorama]
        let dropped = try CatalogWindow.all(catalog, panoramas).filter { !parameters.keeps($0) }.count
        return try CatalogWindow.read(catalog, request, offset: offset, count: count, keep: parameters.keeps, dropped: dropped)
    }

    /// `GET /Rest/Media/1/Files?ids=1,2,3`: any asset by id, free ones too; unknown ids dropped.
    private func files(_ request: Request, _ context: SandboxContext) throws -> Response {
        let q = QueryItems(parsing: request.uri.query)
        let raw = q.list("ids")
        guard !raw.isEmpty else { throw AdobeErrors.invalidParameter("ids is required: a comma-separated list of asset ids") }
        guard raw.count <= Self.maxFileIDs else {
            throw AdobeErrors.invalidParameter("ids holds \(raw.count) ids; at most \(Self.maxFileIDs) are allowed per request")
        }
        var ids: [AssetID] = []
        for text in raw {
            guard let id = AssetID(text) else { throw AdobeErrors.invalidParameter("ids must be whole numbers, got \"\(text)\"") }
            if !ids.contains(id) { ids.append(id) }
        }
        let found = try environment.catalog.assets(ids: ids).assets
        let columns = AdobeColumns(q)
        let renderer = renderer()
        return context.respond(answer(total: found.count, files: found.map { renderer.file($0, columns: columns.fileColumns) }, columns: columns))
    }

    /// `GET /Rest/Libraries/1/Member/Profile?content_id=&license=`: quota, purchase options and,
    /// for an enterprise organisation that uses them, license references.
    private func profile(_ request: Request, _ context: SandboxContext) throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw AdobeErrors.tokenInvalid }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let member = members.byToken[token] else { throw AdobeErrors.tokenInvalid }
        let q = QueryItems(parsing: request.uri.query)
        guard let rawID = q["content_id"] else { throw AdobeErrors.invalidParameter("content_id is required") }
        guard let id = AssetID(rawID) else { throw AdobeErrors.invalidParameter("content_id must be a whole number, got \"\(rawID)\"") }
        let license = q["license"] ?? "Standard"
        guard ["", "Standard", "Extended", "Video_HD", "Video_4K", "Standard_M"].contains(license) else {
            throw AdobeErrors.invalidParameter("license must be Standard, Extended, Video_HD, Video_4K or Standard_M, got \"\(license)\"")
        }
        guard let asset = try? environment.catalog.asset(id: id) else {
            throw AdobeErrors.stock(.notFound, "Content \(id) not found", code: 100)
        }
        var members: [(String, JSONNode)] = [
            ("available_entitlement", .members([
                ("quota", .int(member.quota)), ("license_type_id", .int(member.licenseTypeID)),
                ("has_credit_model", .bool(false)), ("has_agency_model", .bool(member.isEnterprise)),
                ("is_cce", .bool(member.isEnterprise)),
                ("full_entitlement_quota", .members([("image_quota", .int(member.quota))])),
            ])),
            ("member", .members([("stock_id", .int(member.stockID))])),
        ]
        let options: JSONNode
        if asset.premiumLevel.isFree {
            options = .members([("state", .string("possible")), ("requires_checkout", .bool(false)),
                                ("message", .string("This asset is free: it will not use one of your licenses."))])
        } else if member.isEnterprise || (!asset.premiumLevel.isPremium && asset.kind != .video) {
            options = .members([("state", .string("possible")), ("requires_checkout", .bool(false)),
                                ("message", .string("This will use 1 of your \(member.quota) licenses."))])
        } else {
            // A personal image plan has no credits for premium assets or video.
            options = .members([("state", .string("not_possible")), ("requires_checkout", .bool(true)),
                                ("message", .string("Would you like to see purchase options?")),
                                ("url", .string("\(environment.origin)/plans?image_id=\(asset.id)"))])
        }
        members.append(("purchase_options", options))
        if !member.references.isEmpty {
            members.append(("cce_agency", .array(member.references.map {
                .members([("id", .int($0.id)), ("text", .string($0.text)), ("required", .bool($0.required))])
            })))
        }
        return context.respond(.members(members))
    }
}
