import Foundation
import StockCore
import StockHTTP

/// Pure builders of StockFlow v2 requests (paths below the base URL `https://api.stockflow.ru/v2`).
///
/// ```swift
/// let plan = try StockFlowRequests.search(SearchRequest(query: nil, pageSize: 20))
/// plan.requests[0].path   // "/clips"
/// ```
public enum StockFlowRequests {
    /// The page sizes `per_page` accepts.
    public static let allowedPageSizes = [10, 20, 40, 60]
    /// The highest `page` StockFlow serves.
    public static let maxPage = 500
    /// The longest query text the search language accepts, in characters.
    public static let maxQueryLength = 500
    static let service = "StockFlow"

    /// Which server pages hold one page of the caller's results, and where in them it lies.
    public struct PageWindow: Hashable, Sendable {
        /// The `per_page` sent.
        public var perPage: Int
        /// The first server page (1-based).
        public var firstPage: Int
        /// 1, or 2 when the caller's page straddles two server pages.
        public var pageCount: Int
        /// Items to skip in the first server page.
        public var skip: Int
    }

    /// One search as StockFlow requests: one or two pages of the same search, and the slice of
    /// their concatenated items that is the caller's page. No requests when nothing can match.
    public struct SearchPlan: Hashable, Sendable {
        public var requests: [HTTPRequest]
        /// The `per_page` of every request.
        public var perPage: Int
        /// Items to drop from the front of the pages' concatenated items.
        public var skip: Int
        /// Items to keep after that: the caller's page size.
        public var take: Int
    }

    /// The server pages covering items `offset ..< offset + size`: the smallest allowed `per_page`
    /// ≥ `size` under which they sit in one server page, else the smallest allowed one ≥ `size`
    /// over two pages. Throws `invalidRequest` for a size above 60 or a page beyond 500.
    public static func window(offset: Int, size: Int) throws -> PageWindow {
        guard size <= allowedPageSizes.last! else {
            throw StockError.invalidRequest("StockFlow returns at most 60 results per page; \(size) were asked for")
        }
        let candidates = allowedPageSizes.filter { $0 >= size }
        var window: PageWindow
        if let single = candidates.first(where: { offset / $0 == (offset + size - 1) / $0 }) {
            window = PageWindow(perPage: single, firstPage: offset / single + 1, pageCount: 1, skip: offset % single)
        } else {
            let p = candidates[0]
            window = PageWindow(perPage: p, firstPage: offset / p + 1, pageCount: 2, skip: offset % p)
        }
        let last = window.firstPage + window.pageCount - 1
        guard last <= maxPage else {
            throw StockError.invalidRequest(
                "StockFlow serves only the first \(maxPage) pages of a search (results \(offset + 1)–\(offset + size) would need page \(last) of \(window.perPage)); narrow the search instead")
        }
        return window
    }

    /// `GET /clips` when the search has no text, `POST /search` when it has (query words, or an
    /// orientation, which only the search language can express). Throws `invalidRequest` for what
    /// StockFlow cannot express, before anything is sent.
    public static func search(_ request: SearchRequest) throws -> SearchPlan {
        let folded = FoldedSearch(request)
        let size = try RequestChecks.pageSize(request, service: service, max: allowedPageSizes.last!)
        let window = try window(offset: request.offset, size: size)
        let f = folded.filters
        try check(f)
        if folded.impossible { return SearchPlan(requests: [], perPage: window.perPage, skip: 0, take: 0) }

        let text = try StockFlowQuery.text(folded.text, orientations: f.orientations)
        let (sortBy, order) = sort(request)
        let resolution = minimumResolution(f)
        let tags = try tagList(f.tags)
        let pages = window.firstPage ..< window.firstPage + window.pageCount
        var requests: [HTTPRequest] = []
        if let text {
            for page in pages {
                let body = StockFlowSearchBody(
                    query: text,
                    filters: .init(categoryID: f.categories.first, durationMin: f.duration?.min, durationMax: f.duration?.max,
                                   resolution: resolution?.rawValue, licenseType: f.licenseTypes.first?.rawValue, tags: tags),
                    sort: .init(by: sortBy, order: order), page: page, perPage: window.perPage)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                // A search changes nothing: safe to send again.
                requests.append(.json(.post, "/search", body: try encoder.encode(body), retryable: true))
            }
        } else {
            for page in pages {
                var q = [QueryItem("page", String(page)), QueryItem("per_page", String(window.perPage))]
                if let c = f.categories.first { q.append(QueryItem("category_id", c)) }
                if let lo = f.duration?.min { q.append(QueryItem("duration_min", NumericRange.format(lo))) }
                if let hi = f.duration?.max { q.append(QueryItem("duration_max", NumericRange.format(hi))) }
                if let resolution { q.append(QueryItem("resolution", resolution.rawValue)) }
                if let l = f.licenseTypes.first { q.append(QueryItem("license_type", l.rawValue)) }
                q.append(QueryItem("sort_by", sortBy))
                q.append(QueryItem("order", order))
                if let tags { q.append(QueryItem("tags", tags)) }
                requests.append(HTTPRequest(.get, "/clips", query: q))
            }
        }
        return SearchPlan(requests: requests, perPage: window.perPage, skip: window.skip, take: size)
    }

    /// `GET /clips/{id}`.
    public static func clip(_ id: AssetID) -> HTTPRequest { HTTPRequest(.get, "/clips/\(id)") }
    /// `GET /categories`.
    public static func categories() -> HTTPRequest { HTTPRequest(.get, "/categories") }
    /// `GET /users/me`.
    public static func me() -> HTTPRequest { HTTPRequest(.get, "/users/me") }
    /// `POST /downloads/{clip_id}` with `{"format","license_type","resolution"}`: licenses the
    /// clip (one download from the quota the first time) and answers a signed URL. Never resent
    /// by the transport: whether it charged is not known from a lost answer.
    public static func download(_ clip: AssetID, _ deliverable: StockFlowDeliverable) -> HTTPRequest {
        .json(.post, "/downloads/\(clip)", body: deliverable.body, retryable: false)
    }

    /// `POST /licenses/renew` (seed 000's remedy for "403 License Expired"); not retried.
    public static func renewLicense() -> HTTPRequest { HTTPRequest(.post, "/licenses/renew", retryable: false) }

    /// `POST /oauth/token`, form-encoded: `grant_type=client_credentials&client_secret=<API key>`,
    /// or `grant_type=refresh_token&refresh_token=…`. The reference names no token endpoint; this
    /// is the project's reading of "OAuth 2.0" (RFC 6749 sections 4.4 and 6).
    public static func token(_ grant: OAuthGrant, apiKey: String) -> HTTPRequest {
        let pairs: [(String, String)] = switch grant {
        case .clientCredentials: [("grant_type", "client_credentials"), ("client_secret", apiKey)]
        case .refresh(let token): [("grant_type", "refresh_token"), ("refresh_token", token)]
        }
        return HTTPRequest(.post, "/oauth/token", headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                           body: FormEncoding.encode(pairs), access: .application, retryable: true)
    }

    /// `sort_by` and `order`. StockFlow sorts by relevance, newest, popular and duration; the
    /// others take the nearest: curated → popular, emerging → newest.
    static func sort(_ request: SearchRequest) -> (String, String) {
        let by = switch request.sort {
        case .relevance: "relevance"
        case .newest, .emerging: "newest"
        case .popular, .curated: "popular"
        case .duration: "duration"
        }
        return (by, request.order.rawValue)
    }

    /// `resolution` is a minimum; `only4K` asks for 4k.
    static func minimumResolution(_ f: SearchFilters) -> VideoResolution? {
        let wanted = [f.minResolution, f.only4K ? .k4 : nil].compactMap { $0 }
        return wanted.max()
    }

    static func tagList(_ tags: [String]) throws -> String? {
        guard !tags.isEmpty else { return nil }
        if let bad = tags.first(where: { $0.contains(",") }) {
            throw RequestChecks.cannot(service, "the tag \"\(WireText.clean(bad, limit: 40))\": tags are sent as a comma-separated list")
        }
        return tags.joined(separator: ",")
    }

    /// Refuses the filters StockFlow has no way to express.
    static func check(_ f: SearchFilters) throws {
        func cannot(_ what: String) -> StockError { RequestChecks.cannot(service, what) }
        if !f.kinds.isEmpty, !f.kinds.contains(.video) {
            throw cannot("\(RequestChecks.names(f.kinds)): it has video clips only")
        }
        if f.premium != .all { throw cannot("premium or non-premium clips: it has no premium levels") }
        if f.free == .only { throw cannot("free clips only: it has no free collection") }
        if f.safeSearch { throw cannot("safe content only: it has no safe-search filter") }
        if !f.cameras.isEmpty { throw cannot("camera types (\(RequestChecks.names(f.cameras)))") }
        if !f.compositions.isEmpty { throw cannot("compositions (\(RequestChecks.names(f.compositions)))") }
        if f.ungradedOnly { throw cannot("ungraded clips") }
        if f.width != nil || f.height != nil || f.megapixels != nil {
            throw cannot("pixel sizes (width, height, megapixels): use resolution (720p, 1080p, 4k) instead")
        }
        if f.categories.count > 1 { throw cannot("several categories at once (\(f.categories.sorted().joined(separator: ", ")))") }
        if f.licenseTypes.count > 1 { throw cannot("several license types at once (\(RequestChecks.names(f.licenseTypes)))") }
    }
}
