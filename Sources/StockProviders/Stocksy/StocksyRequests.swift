import Foundation
import StockCore
import StockHTTP

/// Pure builders of Stocksy API v1.2 requests (paths below `https://api.stocksy.com`).
///
/// ```swift
/// let http = try StocksyRequests.search(SearchRequest(query: try QueryParser.parse("dog \"golden hour\""), pageSize: 100))
/// // GET /search?query=dog,golden%20hour&page=1&limit=100&sort=curated
/// ```
public enum StocksyRequests {
    /// The most `limit` accepts.
    public static let maxLimit = 500
    /// Ids per call of the many-ids form (the reference gives no limit; this keeps URLs short).
    public static let maxIDsPerCall = 100
    static let service = "Stocksy"

    /// `GET /search`. Throws `invalidRequest` for what Stocksy cannot express; nil when nothing can
    /// match (the query's fields contradict the filters, or 4k or ungraded video among photos only).
    public static func search(_ request: SearchRequest) throws -> HTTPRequest? {
        let folded = FoldedSearch(request)
        let limit = try RequestChecks.pageSize(request, service: service, max: maxLimit)
        let f = folded.filters
        try check(f)
        var q: [QueryItem] = []
        let keywords = try self.keywords(folded.text, tags: f.tags)
        if !keywords.isEmpty { q.append(QueryItem("query", keywords.joined(separator: ","))) }
        q.append(QueryItem("page", String(request.page)))
        q.append(QueryItem("limit", String(limit)))
        q.append(QueryItem("sort", sort(request.sort)))
        if f.safeSearch { q.append(QueryItem("safe_search", "true")) }

        let offered = f.kinds.intersection([.photo, .video])
        let videoOnly = f.only4K || f.ungradedOnly || f.minResolution == .k4
        if videoOnly && offered == [.photo] { return nil }
        if folded.impossible { return nil }
        if videoOnly || offered == [.video] {
            q.append(QueryItem("facet_contenttype", "video_creative"))
        } else if offered == [.photo] {
            q.append(QueryItem("facet_contenttype", "photo_creative"))
        }
        if f.cameras == [.mobile] { q.append(QueryItem("facet_mobile", "true")) }
        if f.cameras == [.film] { q.append(QueryItem("facet_film", "true")) }
        if !f.compositions.isEmpty, f.compositions.count < Composition.allCases.count {
            q.append(QueryItem("facet_composition", f.compositions.sorted { $0.ordinal < $1.ordinal }.map(\.rawValue).joined(separator: ",")))
        }
        if f.ungradedOnly { q.append(QueryItem("facet_ungradedvideo", "true")) }
        if f.only4K || f.minResolution == .k4 { q.append(QueryItem("facet_4kvideo", "true")) }
        if !f.orientations.isEmpty, f.orientations.count < Orientation.allCases.count {
            q.append(QueryItem("facet_orientation", f.orientations.sorted().map(orientationName).joined(separator: ",")))
        }
        return HTTPRequest(.get, "/search", query: q)
    }

    /// `GET /assets/{id}`.
    public static func asset(_ id: AssetID) -> HTTPRequest { HTTPRequest(.get, "/assets/\(id)") }

    /// `GET /assets?ids=1,2,3`: the many-ids form, at most `maxIDsPerCall` ids.
    public static func assets(_ ids: [AssetID]) -> HTTPRequest {
        precondition(ids.count <= maxIDsPerCall)
        return HTTPRequest(.get, "/assets", query: [QueryItem("ids", ids.map(\.description).joined(separator: ","))])
    }

    /// `GET /users`.
    public static func user() -> HTTPRequest { HTTPRequest(.get, "/users") }

    /// `POST /login`, form-encoded `email` and `password`, answered by `Credentials`. The seed
    /// names the operation but not its path; `/login` is the project's reading.
    public static func login(email: String, password: String) -> HTTPRequest {
        HTTPRequest(.post, "/login", headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                    body: FormEncoding.encode([("email", email), ("password", password)]), access: .application, retryable: true)
    }

    /// Stocksy's name for an orientation: vertical is "tall".
    static func orientationName(_ o: Orientation) -> String {
        switch o {
        case .horizontal: "horizontal"
        case .vertical: "tall"
        case .square: "square"
        case .panorama: "panorama"
        }
    }

    /// `sort`: curated, latest, popular, emerging. Stocksy has no relevance order (every sort keeps
    /// the keywords' matches): relevance and duration take its default, curated; newest is latest.
    static func sort(_ sort: SortField) -> String {
        switch sort {
        case .relevance, .curated, .duration: "curated"
        case .newest: "latest"
        case .popular: "popular"
        case .emerging: "emerging"
        }
    }

    /// The keyword list: words and phrases, then tags. Stocksy's query is a comma-separated list of
    /// keywords or phrases, each narrowing the results.
    static func keywords(_ nodes: [QueryNode], tags: [String]) throws -> [String] {
        var out: [String] = []
        for node in nodes {
            switch node {
            case .term(let w): out.append(w)
            case .phrase(let ws): out.append(ws.joined(separator: " "))
            default:
                throw RequestChecks.cannot(service, "\(RequestChecks.text(node)): its query is a list of keywords and phrases (no OR, NOT, wildcards, proximity, or fields inside them)")
            }
        }
        out += tags
        if let bad = out.first(where: { $0.contains(",") }) {
            throw RequestChecks.cannot(service, "\"\(WireText.clean(bad, limit: 40))\": a comma separates its keywords")
        }
        return out
    }

    /// Refuses the filters Stocksy has no way to express.
    static func check(_ f: SearchFilters) throws {
        func cannot(_ what: String) -> StockError { RequestChecks.cannot(service, what) }
        let others = f.kinds.subtracting([.photo, .video])
        if !f.kinds.isEmpty, others == f.kinds { throw cannot("\(RequestChecks.names(others)): it has photos and videos only") }
        if !f.cameras.isEmpty, f.cameras != [.mobile], f.cameras != [.film] {
            throw cannot(f.cameras.contains(.digital) ? "digital-camera shots: it filters on mobile or on film"
                                                      : "mobile and film shots at once: it filters on one of them")
        }
        if f.minResolution == .p720 || f.minResolution == .p1080 {
            throw cannot("video of at least \(f.minResolution!.rawValue): it filters 4k video only")
        }
        if f.premium != .all { throw cannot("premium or non-premium assets: it has no premium levels") }
        if f.free == .only { throw cannot("free assets: it has none") }
        if !f.categories.isEmpty { throw cannot("categories (\(f.categories.sorted().joined(separator: ", ")))") }
        if !f.licenseTypes.isEmpty, !f.licenseTypes.contains(.standard), !f.licenseTypes.contains(.extended) {
            throw cannot("editorial assets: it sells royalty-free licenses only")
        }
        if f.duration != nil { throw cannot("video by duration") }
        if f.width != nil || f.height != nil || f.megapixels != nil { throw cannot("pixel sizes (width, height, megapixels)") }
    }
}
