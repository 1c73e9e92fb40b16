import StockCore

/// `GET /Rest/Media/1/Search/Files`' parameters, checked, as a catalog search plus what the
/// answer needs (window, premium quirk, orientation split, columns).
struct AdobeSearchParameters {
    static let limitRange = 1...64
    static let thumbnailSizes = [110, 160, 240, 500, 1000]
    /// Adobe's content types and the catalog's kinds.
    static let contentTypes: [(name: String, kind: AssetKind?)] = [
        ("photo", .photo), ("illustration", .illustration), ("vector", .vector), ("video", .video),
        ("template", .template), ("3d", .model3D),
    ]

    var request: SearchRequest
    var offset = 0
    var limit = 32
    /// `[filters][premium]` was absent: up to two extra premium files follow the page.
    var premiumQuirk: Bool
    /// Only 3D was asked for, which the catalog has none of.
    var nothingMatches = false
    /// horizontal / vertical: panoramas count by their longer side.
    var orientation: Orientation?
    var thumbnailSize = 500
    var columns: AdobeColumns

    private static func p(_ name: String) -> String { "search_parameters[\(name)]" }
    private static func f(_ name: String) -> String { "search_parameters[filters][\(name)]" }

    init(_ q: QueryItems) throws(HTTPFailure) {
        var filters = SearchFilters()
        filters.free = .hidden // free assets never appear in Search (seed 001)
        if let v = q[Self.p("limit")] {
            guard let n = Int(v), Self.limitRange.contains(n) else {
                throw AdobeErrors.invalidParameter("search_parameters[limit] must be between 1 and 64, got \"\(v)\"")
            }
            limit = n
        }
        if let v = q[Self.p("offset")] {
            guard let n = Int(v), n >= 0 else { throw AdobeErrors.invalidParameter("search_parameters[offset] must be 0 or more, got \"\(v)\"") }
            offset = n
        }
        var sort = SortField.relevance
        if let v = q[Self.p("order")] {
            switch v {
            case "relevance": sort = .relevance
            case "creation": sort = .newest
            case "popularity", "nb_downloads": sort = .popular
            case "featured": sort = .curated
            case "undiscovered": sort = .emerging
            default:
                throw AdobeErrors.invalidParameter("search_parameters[order] must be relevance, creation, featured, popularity, nb_downloads or undiscovered, got \"\(v)\"")
            }
        }
        var wanted: [String] = []
        for (name, _) in Self.contentTypes {
            guard let v = q[Self.f("content_type:\(name)")] else { continue }
            guard v == "0" || v == "1" else { throw AdobeErrors.invalidParameter("\(Self.f("content_type:\(name)")) must be 0 or 1") }
            if v == "1" { wanted.append(name) }
        }
        if !wanted.isEmpty {
            let kinds = Self.contentTypes.filter { wanted.contains($0.name) }.compactMap(\.kind)
            if kinds.isEmpty { nothingMatches = true } else { filters.kinds = Set(kinds) }
        }
        if let v = q[Self.f("orientation")] {
            switch v {
            case "horizontal": orientation = .horizontal; filters.orientations = [.horizontal, .panorama]
            case "vertical": orientation = .vertical; filters.orientations = [.vertical, .panorama]
            case "square": filters.orientations = [.square]
            case "all": break
            default: throw AdobeErrors.invalidParameter("search_parameters[filters][orientation] must be horizontal, vertical, square or all")
            }
        }
        if let v = q[Self.f("panoramic:on")] {
            guard v == "0" || v == "1" else { throw AdobeErrors.invalidParameter("\(Self.f("panoramic:on")) must be 0 or 1") }
            if v == "1" { orientation = nil; filters.orientations = [.panorama] }
        }
        // Seed 001: "the default API search includes all asset types (except Editorial)".
        filters.licenseTypes = [.standard, .extended]
        if let v = q[Self.f("editorial")] {
            switch v {
            // Adobe's SDKs send 1 and 0; its older references true, false and all.
            case "true", "1": filters.licenseTypes = [.editorial]
            case "false", "0": break
            case "all": filters.licenseTypes = []
            default: throw AdobeErrors.invalidParameter("\(Self.f("editorial")) must be 1, 0, true, false or all")
            }
        }
        if let v = q[Self.f("video_duration")] {
            switch v {
            case "10", "20", "30": filters.duration = NumericRange(max: Double(v)!)
            case "30-": filters.duration = NumericRange(min: 30)
            default: throw AdobeErrors.invalidParameter("\(Self.f("video_duration")) must be 10, 20, 30 or 30-")
            }
        }
        if let v = q[Self.f("premium")] {
            guard let choice = PremiumChoice(rawValue: v) else {
                throw AdobeErrors.invalidParameter("search_parameters[filters][premium] must be true, false or all")
            }
            filters.premium = choice
            premiumQuirk = false
        } else {
            premiumQuirk = true
        }
        filters.megapixels = try Self.range(q, "area_m_pixels")
        filters.width = try Self.range(q, "image_width")
        filters.height = try Self.range(q, "image_height")
        if let v = q[Self.p("thumbnail_size")] {
            guard let n = Int(v), Self.thumbnailSizes.contains(n) else {
                throw AdobeErrors.invalidParameter("search_parameters[thumbnail_size] must be one of 110, 160, 240, 500, 1000")
            }
            thumbnailSize = n
        }
        let words = (q[Self.p("words")] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        request = SearchRequest(query: PlainWords.query(words), filters: filters, sort: sort, order: .desc, page: 1, pageSize: limit)
        columns = AdobeColumns(q)
    }

    /// `min`, `min-max`, `-max` or `min-`, whole numbers (seed 001).
    private static func range(_ q: QueryItems, _ name: String) throws(HTTPFailure) -> NumericRange? {
        guard let v = q[f(name)] else { return nil }
        guard v.allSatisfy({ $0.isNumber || $0 == "-" }), let range = NumericRange(parsing: v), !range.isEmpty else {
            throw AdobeErrors.invalidParameter("\(f(name)) must be min, min-max or -max in whole numbers, got \"\(v)\"")
        }
        return range
    }

    /// Whether a result is on the asked side for horizontal / vertical (panoramas by their longer side).
    func keeps(_ asset: Asset) -> Bool {
        guard asset.orientation == .panorama, let orientation else { return true }
        return orientation == .horizontal ? asset.width >= asset.height : asset.height > asset.width
    }
}

/// The `result_columns[]` of a request (also the indexed `result_columns[0]` form), or the
/// documented default set when there are none.
struct AdobeColumns {
    static let defaults = [
        "nb_results", "id", "title", "creator_name", "creator_id", "width", "height", "thumbnail_url", "thumbnail_html_tag",
        "thumbnail_width", "thumbnail_height", "media_type_id", "category", "category_hierarchy", "vector_type",
        "content_type", "premium_level_id",
    ]

    /// File-level columns in the order asked (nb_results is not one: it sits beside `files`).
    var fileColumns: [String]
    var includesTotal: Bool

    init(_ q: QueryItems) {
        var asked: [String] = []
        for item in q.items where item.name == "result_columns[]" || (item.name.hasPrefix("result_columns[") && item.name.hasSuffix("]")) {
            if !asked.contains(item.value) { asked.append(item.value) }
        }
        if asked.isEmpty { asked = Self.defaults }
        includesTotal = asked.contains("nb_results")
        fileColumns = asked.filter { $0 != "nb_results" }
    }
}
