import Foundation
import StockCore
import StockHTTP

/// Pure builders of Adobe Stock requests (paths below `https://stock.adobe.io`).
///
/// ```swift
/// let http = try AdobeStockRequests.search(SearchRequest(query: .term("hippos"), pageSize: 32))
/// // GET /Rest/Media/1/Search/Files?search_parameters[words]=hippos&search_parameters[limit]=32
/// //     &search_parameters[offset]=0&…&search_parameters[filters][premium]=all&result_columns[]=…
/// ```
public enum AdobeStockRequests {
    /// The Search API's page limit.
    public static let maxLimit = 64
    /// The Files API's limit on ids per call (seed 001).
    public static let maxIDsPerCall = 110
    static let service = "Adobe Stock"
    static let searchPath = "/Rest/Media/1/Search/Files"
    static let filesPath = "/Rest/Media/1/Files"
    static let profilePath = "/Rest/Libraries/1/Member/Profile"

    /// The fields a search result row maps, exactly (without `is_licensed`, which Adobe answers
    /// only to a signed-in member: see `columns(_:signedIn:)`).
    public static let searchColumns = [
        "nb_results", "id", "title", "creator_name", "creator_id", "width", "height", "media_type_id", "content_type",
        "creation_date", "premium_level_id", "is_editorial", "nb_downloads", "duration", "category",
        "thumbnail_110_url", "thumbnail_160_url", "thumbnail_240_url", "thumbnail_500_url", "thumbnail_1000_url",
    ]
    /// The fields the detail view maps: the search's plus description, keywords and the file's details.
    public static let fileColumns = searchColumns + [
        "description", "keywords", "framerate", "size_bytes", "vector_type", "comp_url", "video_preview_url",
    ]

    /// `columns` as `result_columns[]`, with `is_licensed` only when the request is signed in:
    /// all three of Adobe's SDKs refuse `is_licensed` without an access token ("Result Column
    /// is_licensed requires authentication"), and the request then carries the token (`.user`).
    static func columns(_ columns: [String], signedIn: Bool) -> [QueryItem] {
        (columns + (signedIn ? ["is_licensed"] : [])).map { QueryItem("result_columns[]", $0) }
    }

    /// `GET /Rest/Media/1/Search/Files`. Always sends `[filters][premium]` (seed 001: without it a
    /// page may hold more than `limit` items). Throws `invalidRequest` for what Adobe cannot express.
    /// Nil when the query's fields contradict the filters (nothing can match).
    /// `signedIn`: an access token is configured, so `is_licensed` is asked for and the token sent.
    public static func search(_ request: SearchRequest, signedIn: Bool = false) throws -> HTTPRequest? {
        let folded = FoldedSearch(request)
        let limit = try RequestChecks.pageSize(request, service: service, max: maxLimit)
        let f = folded.filters
        var q: [QueryItem] = []
        func param(_ name: String, _ value: String) { q.append(QueryItem("search_parameters[\(name)]", value)) }
        func filter(_ name: String, _ value: String) { param("filters][\(name)", value) }

        let words = try self.words(folded.text, tags: f.tags)
        if !words.isEmpty { param("words", words) }
        param("limit", String(limit))
        param("offset", String(request.offset))
        guard let order = order(request.sort) else {
            throw RequestChecks.cannot(service, "results in curated order (its API has no editors' order; sort by relevance, newest, popular or emerging)")
        }
        param("order", order)
        for kind in f.kinds.sorted() { filter("content_type:\(kind.rawValue)", "1") }
        if let orientation = try orientation(f.orientations) { filter(orientation.0, orientation.1) }
        filter("premium", f.premium.rawValue)
        if let editorial = try editorial(f.licenseTypes) { filter("editorial", editorial) }
        if let d = try videoDuration(f.duration) { filter("video_duration", d) }
        if let r = f.megapixels { filter("area_m_pixels", try range(r, what: "megapixels")) }
        if let r = f.width { filter("image_width", try range(r, what: "width")) }
        if let r = f.height { filter("image_height", try range(r, what: "height")) }
        try check(f)
        if folded.impossible { return nil }
        q += columns(searchColumns, signedIn: signedIn)
        return HTTPRequest(.get, searchPath, query: q, access: signedIn ? .user : .application)
    }

    /// `GET /Rest/Media/1/Files?ids=…` for at most 110 ids, with `fileColumns` (and `is_licensed`
    /// with the token when `signedIn`).
    public static func files(_ ids: [AssetID], signedIn: Bool = false) -> HTTPRequest {
        precondition(ids.count <= maxIDsPerCall, "the Files API takes at most 110 ids per call")
        let q = [QueryItem("ids", ids.map(\.description).joined(separator: ","))] + columns(fileColumns, signedIn: signedIn)
        return HTTPRequest(.get, filesPath, query: q, access: signedIn ? .user : .application)
    }

    /// `GET /Rest/Libraries/1/Member/Profile?content_id=&license=&locale=` (Bearer token). Adobe
    /// answers it about one asset (seed 001 and Adobe's licensing guide always send `content_id`):
    /// the member's quota, what licensing that asset would take, and any license references.
    public static func profile(contentID: AssetID, license: String = "Standard", locale: String = "en_US") -> HTTPRequest {
        HTTPRequest(.get, profilePath, query: [QueryItem("content_id", contentID.description), QueryItem("license", license),
                                               QueryItem("locale", locale)], access: .user)
    }

    /// `GET /Rest/Libraries/1/Member/Profile?locale=` with no asset: the member and the
    /// entitlement, as Adobe's JS SDK and its licensing reference ask for them (no search first
    /// to find a `content_id`).
    public static func memberProfile(locale: String = "en_US") -> HTTPRequest {
        HTTPRequest(.get, profilePath, query: [QueryItem("locale", locale)], access: .user)
    }

    /// `[order]` as Adobe's SDKs send it: relevance, creation, nb_downloads, undiscovered (the
    /// SDKs also have popularity; none has `featured`, so there is no curated order). Nearest
    /// for the rest: duration → relevance. Adobe sorts one way only, so `order` (asc/desc) is not
    /// sent. Nil for an order Adobe cannot give.
    static func order(_ sort: SortField) -> String? {
        switch sort {
        case .relevance, .duration: "relevance"
        case .newest: "creation"
        case .popular: "nb_downloads"
        case .curated: nil
        case .emerging: "undiscovered"
        }
    }

    /// `[words]`: words and quoted phrases, then the tags (Adobe has no tag filter; a tag is a
    /// keyword it matches in the words).
    static func words(_ nodes: [QueryNode], tags: [String]) throws -> String {
        var parts: [String] = []
        for node in nodes {
            switch node {
            case .term(let w): parts.append(w)
            case .phrase(let ws): parts.append("\"" + ws.joined(separator: " ") + "\"")
            default:
                throw RequestChecks.cannot(service, "\(RequestChecks.text(node)): its words are plain keywords and phrases (no OR, NOT, wildcards, proximity, or fields inside them)")
            }
        }
        return (parts + tags).joined(separator: " ")
    }

    /// `[orientation]` takes one of horizontal, vertical, square; panoramas are `[panoramic:on]`.
    static func orientation(_ set: Set<Orientation>) throws -> (String, String)? {
        guard !set.isEmpty, set.count < Orientation.allCases.count else { return nil }
        guard set.count == 1, let o = set.first else {
            throw RequestChecks.cannot(service, "several orientations at once (\(RequestChecks.names(set)))")
        }
        return o == .panorama ? ("panoramic:on", "1") : ("orientation", o.rawValue)
    }

    /// `[editorial]` as Adobe's SDKs send it, 1 or 0: editorial only → 1; no editorial → 0;
    /// no restriction → not sent (Adobe's default). Both editorial and not → `all`, which the
    /// SDKs have no value for (without it Adobe leaves editorial out, seed 001).
    static func editorial(_ set: Set<LicenseType>) throws -> String? {
        guard !set.isEmpty else { return nil }
        let editorial = set.contains(.editorial)
        return set == [.editorial] ? "1" : editorial ? "all" : "0"
    }

    /// `[video_duration]` takes 10, 20, 30 (at most that many seconds) or 30- (more than 30).
    static func videoDuration(_ r: NumericRange?) throws -> String? {
        guard let r else { return nil }
        switch (r.min, r.max) {
        case (nil, let hi?) where [10, 20, 30].contains(hi): return NumericRange.format(hi)
        case (let lo?, nil) where lo == 30: return "30-"
        default:
            throw RequestChecks.cannot(service, "the duration \(r.queryText): it filters video by at most 10, 20 or 30 seconds, or more than 30")
        }
    }

    /// `min`, `min-max` or `-max` in whole units (pixels, megapixels); exclusive ends move inwards.
    static func range(_ r: NumericRange, what: String) throws -> String {
        var lo = r.min.map { Int($0.rounded(.up)) }
        var hi = r.max.map { Int($0.rounded(.down)) }
        if let m = r.min, r.minExclusive, Double(lo!) == m { lo! += 1 }
        if let m = r.max, r.maxExclusive, Double(hi!) == m { hi! -= 1 }
        if let l = lo, let h = hi, l > h {
            throw RequestChecks.cannot(service, "\(what) \(r.queryText): it filters in whole numbers")
        }
        switch (lo, hi) {
        case let (l?, h?): return "\(l)-\(h)"
        case let (l?, nil): return "\(l)"
        case let (nil, h?): return "-\(h)"
        case (nil, nil): return "0"
        }
    }

    /// Refuses the filters Adobe's Search API has no way to express.
    static func check(_ f: SearchFilters) throws {
        func cannot(_ what: String) -> StockError { RequestChecks.cannot(service, what) }
        if f.free != .hidden { throw cannot("free assets: its Search API hides them (look them up by id instead)") }
        if f.only4K || f.minResolution != nil { throw cannot("video by resolution (4k, 1080p, 720p)") }
        if !f.categories.isEmpty { throw cannot("categories (\(f.categories.sorted().joined(separator: ", ")))") }
        if !f.cameras.isEmpty { throw cannot("camera types (\(RequestChecks.names(f.cameras)))") }
        if !f.compositions.isEmpty { throw cannot("compositions (\(RequestChecks.names(f.compositions)))") }
        if f.ungradedOnly { throw cannot("ungraded video") }
    }
}
