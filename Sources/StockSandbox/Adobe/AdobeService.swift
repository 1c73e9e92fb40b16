import Foundation
import Hummingbird
import StockCatalog
import StockCore

/// The Adobe Stock emulator: `Search/Files`, `Files` and `Member/Profile` under `/Rest`, over
/// every kind of asset in the catalog (free ones hidden from Search, visible through Files);
/// licensing (`Content/Info`, `Content/License`, `Member/LicenseHistory`) and downloads in
/// `AdobeService+Licensing.swift` and `AdobeService+Downloads.swift`.
struct AdobeService: Sendable {
    static let maxFileIDs = 110

    let environment: SandboxEnvironment
    let credentials = AdobeCredentials()
    let members: AdobeMembers
    let book: AdobeLicenseBook

    init(environment: SandboxEnvironment) {
        self.environment = environment
        members = AdobeMembers(credentials: credentials)
        book = AdobeLicenseBook(members: members.all, seeded: Self.seededLicenses(members, environment.catalog),
                                charges: environment.charges)
    }

    /// The licenses held before the server starts: the personal member's license of the asset
    /// Adobe has since removed (`AdobeLicenseBook.removedAssetID`), and two core photos the
    /// enterprise colleague licensed (the last two in the catalog, so that tests which take the
    /// first ones find them unlicensed).
    static func seededLicenses(_ members: AdobeMembers, _ catalog: LocalCatalog) -> [AdobeLicenseRecord] {
        guard let personal = members.byToken[AdobeCredentials().accessToken] else { return [] }
        var seeded = [AdobeLicenseRecord(memberID: personal.stockID, scope: personal.scope, assetID: AdobeLicenseBook.removedAssetID,
                                         license: .standard, date: AdobeLicenseBook.removedAssetDate, references: [],
                                         removed: AdobeLicenseBook.removedAsset)]
        let colleague = members.colleague
        var id = Int64(catalog.assetCount) + 10_000 // the generator numbers assets from 10001
        var dates = [Date(timeIntervalSince1970: 1_716_223_200), Date(timeIntervalSince1970: 1_709_284_500)] // 2024-05-20 16:40, 2024-03-01 09:15 UTC
        while !dates.isEmpty && id > 10_000 {
            defer { id -= 1 }
            guard let asset = try? catalog.asset(id: AssetID(id)), asset.kind == .photo, asset.premiumLevel == .core else { continue }
            seeded.append(AdobeLicenseRecord(memberID: colleague.stockID, scope: colleague.scope, assetID: asset.id, license: .standard,
                                             date: dates.removeFirst(), references: [(2, "Spring campaign")]))
        }
        return seeded
    }

    func register(on router: Router<SandboxContext>) {
        let api = router.group("Rest").add(middleware: APIPipeline(environment: environment, envelope: AdobeErrors(),
                                                                   authenticate: { request, _ in try self.authenticate(request) }))
        api.get("Media/1/Search/Files") { request, context in try self.search(request, context) }
        api.get("Media/1/Files") { request, context in try self.files(request, context) }
        api.get("Libraries/1/Member/Profile") { request, context in try self.profile(request, context) }
        api.get("Libraries/1/Content/Info") { request, context in try self.contentInfo(request, context) }
        api.get("Libraries/1/Content/License") { request, context in try await self.contentLicense(request, context) }
        api.post("Libraries/1/Content/License") { request, context in try await self.contentLicense(request, context) }
        api.get("Libraries/1/Member/LicenseHistory") { request, context in try self.licenseHistory(request, context) }
        // Downloads take the token in the query and no API key: outside the API pipeline.
        router.get("Rest/Libraries/Download/{id}/{license}") { request, context in try self.download(request, context) }
        router.get("Rest/Libraries/Watermarked/Download/{id}/{variant}") { request, context in try self.comp(request, context) }
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

    /// `licensed`: the license each asset already has for the caller (`is_licensed`).
    func renderer(thumbnailSize: Int = 500, licensed: [AssetID: String] = [:]) -> AdobeFileRenderer {
        let list = environment.catalog.categoryList()
        var categories: [String: (id: Int, name: String)] = [:]
        for (i, c) in list.enumerated() { categories[c.slug] = (1000 + i, c.name) }
        return AdobeFileRenderer(origin: environment.origin, categories: categories, thumbnailSize: thumbnailSize, licensed: licensed)
    }

    /// The member behind `Authorization: Bearer`; 401 `401013` when it is missing, unknown or expired.
    func member(_ request: Request) throws(HTTPFailure) -> AdobeMembers.Member {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw AdobeErrors.tokenInvalid }
        return try member(token: String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces))
    }

    func member(token: String) throws(HTTPFailure) -> AdobeMembers.Member {
        guard let member = members.byToken[token] else { throw AdobeErrors.tokenInvalid }
        return member
    }

    /// Search and Files are anonymous; with a Bearer token (which must then be valid) they
    /// answer `is_licensed` for that member, as Adobe's licensing guide describes.
    private func licensedNames(_ request: Request, _ assets: [Asset]) throws(HTTPFailure) -> [AssetID: String] {
        guard request.headers[.authorization] != nil else { return [:] }
        let member = try self.member(request)
        return book.licensedNames(scope: member.scope, assets: assets.map(\.id))
    }

    private func answer(total: Int, files: [JSONNode], columns: AdobeColumns) -> JSONNode {
        var members: [(String, JSONNode)] = []
        if columns.includesTotal { members.append(("nb_results", .int(total))) }
        members.append(("files", .array(files)))
        return .members(members)
    }

    private func search(_ request: Request, _ context: SandboxContext) throws -> Response {
        let parameters = try AdobeSearchParameters(QueryItems(parsing: request.uri.query))
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
        let renderer = renderer(thumbnailSize: parameters.thumbnailSize, licensed: try licensedNames(request, items))
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
        let renderer = renderer(licensed: try licensedNames(request, found))
        return context.respond(answer(total: found.count, files: found.map { renderer.file($0, columns: columns.fileColumns) }, columns: columns))
    }

    /// `GET /Rest/Libraries/1/Member/Profile?content_id=&license=`: quota, purchase options and,
    /// for an enterprise organisation that uses them, license references.
    private func profile(_ request: Request, _ context: SandboxContext) throws -> Response {
        let member = try self.member(request)
        let q = QueryItems(parsing: request.uri.query)
        // Without a content_id (Adobe's JS SDK and its reference allow it; Magento sends 0 for
        // the quota alone): the member and the entitlement, with no purchase options.
        if q["content_id"] == nil || q["content_id"] == "0" {
            let quota = book.quota(of: member)
            return context.respond(.members([("available_entitlement", entitlement(member, quota: quota)), ("member", member.memberNode)]))
        }
        let id = try contentID(q)
        let license = q["license"] ?? "Standard"
        guard license.isEmpty || AdobeLicense(rawValue: license) != nil else {
            throw AdobeErrors.invalidParameter("license must be \(AdobeLicense.names) or empty, got \"\(license)\"")
        }
        let asset = try catalogAsset(id)
        let chosen = AdobeLicense(rawValue: license) ?? AdobeLicense.default(for: asset)
        let quota = book.quota(of: member)
        var members: [(String, JSONNode)] = [
            ("available_entitlement", entitlement(member, quota: quota)),
            ("member", member.memberNode),
            ("purchase_options", purchaseOptions(asset, chosen, member: member, quota: quota)),
        ]
        // `[]` when the organisation asks for none, as Adobe's PHP SDK recorded it.
        members.append(("cce_agency", .array(member.references.map {
            .members([("id", .int($0.id)), ("text", .string($0.text)), ("required", .bool($0.required))])
        })))
        return context.respond(.members(members))
    }

    /// `available_entitlement`, as Member/Profile and Content/License write it.
    func entitlement(_ member: AdobeMembers.Member, quota: Int) -> JSONNode {
        .members([
            ("quota", .int(quota)), ("license_type_id", .int(member.licenseTypeID)),
            ("has_credit_model", .bool(false)), ("has_agency_model", .bool(member.isEnterprise)),
            ("is_cce", .bool(member.isEnterprise)),
            // Enterprise plans: `[]`, the shape Adobe's PHP SDK recorded where nothing is set.
            ("full_entitlement_quota", member.isEnterprise ? .array([]) : .members([("image_quota", .int(quota))])),
        ])
    }

    /// What licensing `asset` as `license` would take, in the words of Adobe's licensing guide.
    private func purchaseOptions(_ asset: Asset, _ license: AdobeLicense, member: AdobeMembers.Member, quota: Int) -> JSONNode {
        func options(_ state: String, checkout: Bool, _ message: String, url: Bool = false) -> JSONNode {
            var m: [(String, JSONNode)] = [("state", .string(state)), ("requires_checkout", .bool(checkout)), ("message", .string(message))]
            if url { m.append(("url", .string("\(environment.origin)/plans?image_id=\(asset.id)"))) }
            return .members(m)
        }
        if let why = license.mismatch(asset) { return options("not_possible", checkout: false, why + ".") }
        let cost = AdobePricing.cost(of: license, for: asset, member: member)
        if let held = book.latest(scope: member.scope, asset: asset.id, license: license) {
            let again = cost.map { quota >= $0 ? " Licensing it again (license_again=true) will use \($0) of your \(quota) licenses." : "" } ?? ""
            return options("purchased", checkout: false, "Licensed on \(AdobeDates.historyText(held.date)) (\(license.rawValue)).\(again)")
        }
        guard let cost else {
            // A personal image plan has no credits for premium assets, video or Extended licenses.
            return options("not_possible", checkout: true, "Would you like to see purchase options?", url: true)
        }
        if cost == 0 { return options("possible", checkout: false, "This asset is free: it will not use one of your licenses.") }
        if quota < cost {
            return member.isEnterprise
                ? options("not_possible", checkout: true, "You don't have enough licenses to license this asset (it needs \(cost), \(quota) left). Please contact your administrator to add more licenses to your account.")
                : options("not_possible", checkout: true, "Would you like to see purchase options?", url: true)
        }
        if quota == cost && cost == 1 { return options("possible", checkout: false, "This will use your last license.") }
        return options("possible", checkout: false, "This will use \(cost) of your \(quota) licenses.")
    }

    /// `content_id`, required, a whole number.
    func contentID(_ q: QueryItems) throws(HTTPFailure) -> AssetID {
        guard let raw = q["content_id"] else { throw AdobeErrors.invalidParameter("content_id is required") }
        guard let id = AssetID(raw) else { throw AdobeErrors.invalidParameter("content_id must be a whole number, got \"\(raw)\"") }
        return id
    }

    /// The catalog's asset, or 404 code 100.
    func catalogAsset(_ id: AssetID) throws(HTTPFailure) -> Asset {
        guard let asset = try? environment.catalog.asset(id: id) else { throw AdobeErrors.stock(.notFound, "Content \(id) not found", code: 100) }
        return asset
    }
}
