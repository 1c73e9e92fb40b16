import Foundation
import Hummingbird
import StockCore

/// Content/Info, Content/License and Member/LicenseHistory (Adobe's licensing and license history
/// references, seed 001's license references and `license_again`). Every call needs the Bearer token.
extension AdobeService {
    /// `GET /Rest/Libraries/1/Content/Info?content_id=[&license=]`: whether the member (or the
    /// organisation) holds a license, and the newest one's date.
    func contentInfo(_ request: Request, _ context: SandboxContext) throws -> Response {
        let member = try self.member(request)
        let q = QueryItems(parsing: request.uri.query)
        let id = try contentID(q)
        let license = try optionalLicense(q)
        let held = book.latest(scope: member.scope, asset: id, license: license)
        // A license of an asset Adobe has since removed still answers; an unknown id does not.
        if held == nil { _ = try catalogAsset(id) }
        let details: JSONNode = held.map {
            .members([("date", .string(AdobeDates.dateTime($0.date))), ("license", .string($0.license.rawValue)),
                      ("state", .string("purchased"))])
        } ?? .members([("member_id", .int(member.stockID)), ("state", .string("not_purchased"))])
        let content = JSONNode.members([("content_id", .int(id.rawValue)), ("purchase_details", details),
                                        ("size", .string(held == nil ? "Comp" : "Original"))])
        return context.respond(.members([("contents", .members([(id.description, content)])),
                                         ("member", member.memberNode)]))
    }

    /// `GET` or `POST /Rest/Libraries/1/Content/License?content_id=&license=[&license_again=true]`.
    /// A POST carries `{"cce_agency": [{"id": "2", "value": "…"}]}`. Required references missing,
    /// a license that does not fit the asset or too little quota: an error; a plan that cannot
    /// license it: 200 with `state: not_possible`, as the real API answers. Nothing is charged. An asset already licensed (by the member, or by the
    /// organisation for an enterprise member) is answered `purchased` without a charge unless
    /// `license_again=true`.
    func contentLicense(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var request = request
        let member = try self.member(request)
        let q = QueryItems(parsing: request.uri.query)
        let id = try contentID(q)
        let asset = try catalogAsset(id)
        let license: AdobeLicense
        if let raw = q["license"] {
            guard let named = AdobeLicense(rawValue: raw) else {
                throw AdobeErrors.invalidParameter("license must be one of \(AdobeLicense.names), got \"\(raw)\"")
            }
            license = named
        } else {
            license = .default(for: asset)
        }
        if let why = license.mismatch(asset) { throw AdobeErrors.invalidParameter(why) }
        let again = try flag(q, "license_again")
        let references = request.method == .post ? try await Self.references(in: &request) : []
        try check(references, for: member)
        let cost = AdobePricing.cost(of: license, for: asset, member: member)
        let outcome: AdobeLicenseBook.Outcome
        do throws(AdobeLicenseBook.Refusal) {
            outcome = try book.license(id, as: license, member: member, cost: cost, again: again, references: references, now: Date())
        } catch .planCannot {
            // As the real API answers it (Adobe's SDKs recorded two such answers): 200, the state
            // `not_possible`, an empty message, the page to buy on, `available_entitlement: null`.
            let details = JSONNode.members([("state", .string("not_possible")),
                                            ("url", .string("\(environment.origin)/\(id)?sso_inbound=1")), ("message", .string(""))])
            let content = JSONNode.members([("content_id", .string(id.description)), ("size", .string("Comp")),
                                            ("purchase_details", details)])
            return context.respond(.members([("member", member.memberNode), ("available_entitlement", .null),
                                             ("contents", .members([(id.description, content)]))]))
        } catch .notEnoughQuota(let needed, let left) {
            throw AdobeErrors.stock(.forbidden, "You don't have enough licenses to license content #\(id) as \(license.rawValue): it needs \(needed) and \(left) \(left == 1 ? "is" : "are") left. Nothing was charged.", code: 100)
        }
        let record: AdobeLicenseRecord, state: String
        switch outcome {
        case .licensed(let r, _): (record, state) = (r, "just_purchased")
        case .alreadyLicensed(let r): (record, state) = (r, "purchased")
        }
        var details: [(String, JSONNode)] = [
            ("state", .string(state)), ("license", .string(record.license.rawValue)),
            ("date", .string(AdobeDates.dateTime(record.date))), ("url", .string(downloadURL(id, record.license))),
            ("content_type", .string(AdobeFileRenderer.mimeType(asset))), ("width", .int(asset.width)), ("height", .int(asset.height)),
        ]
        if asset.kind == .video, let d = asset.duration { details.append(("duration", .int(Int64((d * 1000).rounded())))) }
        let content = JSONNode.members([("content_id", .string(id.description)), ("size", .string("Original")),
                                        ("purchase_details", .members(details))])
        return context.respond(.members([
            ("available_entitlement", entitlement(member, quota: book.quota(of: member))),
            ("contents", .members([(id.description, content)])),
            ("member", member.memberNode),
        ]))
    }

    /// `GET /Rest/Libraries/1/Member/LicenseHistory`: `search_parameters[limit]` (1–100, default
    /// 100) and `search_parameters[offset]` as Adobe's reference names them (plain `limit` and
    /// `offset` are accepted too), `all=true` for the whole organisation; newest first.
    func licenseHistory(_ request: Request, _ context: SandboxContext) throws -> Response {
        let member = try self.member(request)
        let q = QueryItems(parsing: request.uri.query)
        let limit = try number(q, "limit", default: 100, in: 1...100)
        let offset = try number(q, "offset", default: 0, in: 0...Int.max)
        let all = try flag(q, "all")
        let entries = book.history(of: member, all: all)
        // Thumbnails only when asked for: the history has no default thumbnail columns.
        let asked = q.items.contains { $0.name.hasPrefix("result_columns") }
        let columns = asked ? AdobeColumns(q).fileColumns.filter { $0.hasPrefix("thumbnail_") && $0.split(separator: "_").count == 3 } : []
        let files = entries.dropFirst(offset).prefix(limit).map { historyFile($0, thumbnailColumns: columns) }
        return context.respond(.members([("nb_results", .int(entries.count)), ("files", .array(Array(files)))]))
    }

    /// One `files[]` entry of the history, in the order of Adobe's example; an asset since
    /// removed from the catalog keeps what the license recorded.
    private func historyFile(_ r: AdobeLicenseRecord, thumbnailColumns: [String]) -> JSONNode {
        var m: [(String, JSONNode)] = [
            ("license", .string(r.license.rawValue)), ("license_date", .string(AdobeDates.historyText(r.date))),
            ("download_url", .string(downloadURL(r.assetID, r.license))), ("id", .int(r.assetID.rawValue)),
        ]
        let origin = environment.origin
        if let asset = try? environment.catalog.asset(id: r.assetID) {
            let renderer = renderer()
            let fields = ["title", "creator_name", "creator_id"]
            let later = ["media_type_id", "vector_type", "content_type", "height", "width", "details_url"] + thumbnailColumns
            if case .object(let head) = renderer.file(asset, columns: fields) { m += head.map { ($0.key, $0.value) } }
            m.append(("content_url", .string("\(origin)/Rest/stock-photo/\(asset.id)")))
            if case .object(let tail) = renderer.file(asset, columns: later) { m += tail.map { ($0.key, $0.value) } }
        } else if let gone = r.removed {
            m += [
                ("title", .string(gone.title)), ("creator_name", .string(gone.creatorName)), ("creator_id", .int(gone.creatorID)),
                ("content_url", .string("\(origin)/Rest/stock-photo/\(r.assetID)")), ("media_type_id", .int(gone.mediaTypeID)),
                ("vector_type", .null), ("content_type", .string(gone.contentType)), ("height", .int(gone.height)),
                ("width", .int(gone.width)), ("details_url", .string("\(origin)/details/\(r.assetID)")),
            ]
            m += thumbnailColumns.map { ($0, .null) }
        }
        return .members(m)
    }

    /// Where Content/License and the history send a download: `/Rest/Libraries/Download/{id}/{n}`.
    func downloadURL(_ id: AssetID, _ license: AdobeLicense) -> String {
        "\(environment.origin)/Rest/Libraries/Download/\(id)/\(license.downloadNumber)"
    }

    // MARK: Parameters

    private func optionalLicense(_ q: QueryItems) throws(HTTPFailure) -> AdobeLicense? {
        guard let raw = q["license"], !raw.isEmpty else { return nil }
        guard let license = AdobeLicense(rawValue: raw) else {
            throw AdobeErrors.invalidParameter("license must be one of \(AdobeLicense.names) or empty, got \"\(raw)\"")
        }
        return license
    }

    /// `true`/`false` (or 1/0); absent is false.
    func flag(_ q: QueryItems, _ name: String) throws(HTTPFailure) -> Bool {
        switch q[name]?.lowercased() {
        case nil, "false"?, "0"?: return false
        case "true"?, "1"?: return true
        case let other?: throw AdobeErrors.invalidParameter("\(name) must be true or false, got \"\(other)\"")
        }
    }

    /// `search_parameters[name]`, or plain `name`, as a whole number in `range`.
    private func number(_ q: QueryItems, _ name: String, default value: Int, in range: ClosedRange<Int>) throws(HTTPFailure) -> Int {
        guard let raw = q["search_parameters[\(name)]"] ?? q[name] else { return value }
        guard let n = Int(raw), range.contains(n) else {
            let bounds = range.upperBound == Int.max ? "0 or more" : "between \(range.lowerBound) and \(range.upperBound)"
            throw AdobeErrors.invalidParameter("search_parameters[\(name)] must be \(bounds), got \"\(raw)\"")
        }
        return n
    }

    /// The `cce_agency` references of a POST body: `{"cce_agency": [{"id": "2", "value": "…"}]}`
    /// (ids as strings, as in seed 001, or numbers). An empty body carries none.
    static func references(in request: inout Request) async throws -> [(id: Int, value: String)] {
        let body = try await request.collectBody(upTo: 64 * 1024)
        let bytes = Array(body.readableBytesView)
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return [] }
        let shape = "the body must be JSON like {\"cce_agency\": [{\"id\": \"2\", \"value\": \"Project Banana\"}]}"
        guard let json = try? JSONParser.parse(bytes), case .object = json else { throw AdobeErrors.invalidParameter(shape) }
        guard let list = json["cce_agency"] else { return [] }
        guard case .array(let items) = list else { throw AdobeErrors.invalidParameter(shape) }
        var out: [(id: Int, value: String)] = []
        for item in items {
            let id: Int?
            switch item["id"] {
            case .string(let s)?: id = Int(s.trimmingCharacters(in: .whitespaces))
            case .number(_, let i?)?: id = Int(i)
            default: id = nil
            }
            guard let id, case .string(let value)? = item["value"] else { throw AdobeErrors.invalidParameter(shape) }
            out.removeAll { $0.id == id }
            out.append((id, value))
        }
        return out
    }

    /// The organisation's references: each required one present and not blank, none unknown.
    private func check(_ references: [(id: Int, value: String)], for member: AdobeMembers.Member) throws(HTTPFailure) {
        if member.references.isEmpty {
            guard references.isEmpty else { throw AdobeErrors.invalidParameter("This account does not use license references (cce_agency)") }
            return
        }
        let known = member.references.map(\.id)
        for r in references where !known.contains(r.id) {
            throw AdobeErrors.invalidParameter("License reference \(r.id) is not one of your organisation's (\(known.map(String.init).joined(separator: ", ")))")
        }
        for field in member.references where field.required {
            let value = references.first { $0.id == field.id }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if value.isEmpty {
                throw AdobeErrors.invalidParameter("License reference \(field.id) (\"\(field.text)\") is required by your organisation: POST Content/License with {\"cce_agency\": [{\"id\": \"\(field.id)\", \"value\": \"…\"}]}. Nothing was charged.")
            }
        }
    }
}
