import StockCore

/// The parameters of `GET /clips` and of `POST /search`'s body, checked and turned into a
/// catalog search. Same names and rules in both places (seed 002, "Parameters").
struct StockFlowClipQuery: Sendable {
    static let allowedPerPage = [10, 20, 40, 60]
    static let maxPage = 500

    var text: String?
    var page = 1
    var perPage = 20
    var category: String?
    var durationMin: Double?
    var durationMax: Double?
    var resolution: VideoResolution?
    var licenseType: LicenseType = .standard
    var sortBy: SortField = .relevance
    var order: SortDirection = .desc
    var tags: [String] = []

    /// A raw parameter value: text from a query string, or a JSON value from a body.
    enum Value {
        case text(String)
        case number(Double)
        case list([String])

        var asText: String? {
            switch self {
            case .text(let s): s
            case .number(let d): d == d.rounded() ? String(Int64(d)) : String(d)
            case .list: nil
            }
        }
    }

    /// Reads the named parameters; `value(name)` gives what the request says, if anything.
    /// Unknown parameters are ignored, as most services do.
    init(text: String?, categories: Set<String>, value: (String) -> Value?) throws(HTTPFailure) {
        self.text = text
        if let v = value("page") { page = try Self.integer(v, "page") }
        guard page >= 1 else { throw StockFlowErrors.invalidParameter("page must be 1 or more, got \(page)") }
        guard page <= Self.maxPage else {
            throw StockFlowErrors.invalidParameter("page must be at most \(Self.maxPage), got \(page)")
        }
        if let v = value("per_page") {
            let asked = try Self.integer(v, "per_page")
            if asked > 60 {
                perPage = 60 // "Values above 60 are silently capped."
            } else if Self.allowedPerPage.contains(asked) {
                perPage = asked
            } else {
                throw StockFlowErrors.invalidParameter("per_page must be one of 10, 20, 40, 60 (above 60 is capped to 60), got \(asked)")
            }
        }
        if let v = value("category_id") {
            let slug = v.asText ?? ""
            guard categories.contains(slug) else {
                throw StockFlowErrors.invalidParameter("category_id must be a slug from GET /categories, got \"\(slug)\"")
            }
            category = slug
        }
        if let v = value("duration_min") { durationMin = try Self.seconds(v, "duration_min") }
        if let v = value("duration_max") { durationMax = try Self.seconds(v, "duration_max") }
        if let min = durationMin, let max = durationMax, min > max {
            throw StockFlowErrors.invalidParameter("duration_min (\(min)) is greater than duration_max (\(max))")
        }
        if let v = value("resolution") {
            guard let r = v.asText.flatMap({ VideoResolution(rawValue: $0.lowercased()) }) else {
                throw StockFlowErrors.invalidParameter("resolution must be 720p, 1080p or 4k")
            }
            resolution = r
        }
        if let v = value("license_type") {
            guard let l = v.asText.flatMap({ LicenseType(rawValue: $0.lowercased()) }) else {
                throw StockFlowErrors.invalidParameter("license_type must be standard, extended or editorial")
            }
            licenseType = l
        }
        if let v = value("sort_by") {
            guard let s = v.asText.flatMap(Self.sortField) else {
                throw StockFlowErrors.invalidParameter("sort_by must be relevance, newest, popular or duration")
            }
            sortBy = s
        }
        if let v = value("order") {
            guard let o = v.asText.flatMap({ SortDirection(rawValue: $0.lowercased()) }) else {
                throw StockFlowErrors.invalidParameter("order must be asc or desc")
            }
            order = o
        }
        if let v = value("tags") {
            switch v {
            case .list(let items): tags = items
            case .text(let s): tags = s.split(separator: ",").map { String($0) }
            case .number: throw StockFlowErrors.invalidParameter("tags must be a comma-separated list")
            }
            tags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    static func sortField(_ text: String) -> SortField? {
        switch text.lowercased() {
        case "relevance": .relevance
        case "newest": .newest
        case "popular": .popular
        case "duration": .duration
        default: nil
        }
    }

    private static func integer(_ v: Value, _ name: String) throws(HTTPFailure) -> Int {
        switch v {
        case .number(let d) where d == d.rounded() && abs(d) < 1e9: return Int(d)
        case .text(let s): if let i = Int(s.trimmingCharacters(in: .whitespaces)) { return i }
        default: break
        }
        throw StockFlowErrors.invalidParameter("\(name) must be a whole number")
    }

    private static func seconds(_ v: Value, _ name: String) throws(HTTPFailure) -> Double {
        let d: Double?
        switch v {
        case .number(let n): d = n
        case .text(let s): d = Double(s.trimmingCharacters(in: .whitespaces))
        case .list: d = nil
        }
        guard let d, d.isFinite, d >= 0 else { throw StockFlowErrors.invalidParameter("\(name) must be a number of seconds, 0 or more") }
        return d
    }

    /// The catalog search: video clips only (StockFlow sells nothing else), free ones included.
    func searchRequest() throws(HTTPFailure) -> SearchRequest {
        var filters = SearchFilters()
        filters.kinds = [.video]
        filters.free = .included
        filters.licenseTypes = [licenseType]
        if let category { filters.categories = [category] }
        if durationMin != nil || durationMax != nil { filters.duration = NumericRange(min: durationMin, max: durationMax) }
        filters.minResolution = resolution
        filters.tags = tags
        var query: QueryNode?
        if let text, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard text.count <= QueryParser.maxLength else {
                throw StockFlowErrors.failure(.badRequest, "INVALID_QUERY", "query must be at most \(QueryParser.maxLength) characters, got \(text.count)")
            }
            do {
                query = try QueryParser.parse(text)
            } catch {
                throw StockFlowErrors.failure(.badRequest, "INVALID_QUERY", error.description)
            }
        }
        return SearchRequest(query: query, filters: filters, sort: sortBy, order: order, page: page, pageSize: perPage)
    }
}

import Foundation
