import StockCore

/// `GET /search`'s parameters (seed 003), checked, as a catalog search plus the echo of the
/// filters applied (`request.filters`).
struct StocksySearchParameters {
    static let maxLimit = 500

    var request: SearchRequest
    var limit = 200
    var page = 1
    var sort = "curated"
    /// `AppliedSearchFilters`: what was applied, in the example's order.
    var applied: [(String, JSONNode)] = []

    init(_ q: QueryItems) throws(HTTPFailure) {
        var filters = SearchFilters()
        filters.free = .included
        filters.kinds = [.photo, .video] // Stocksy sells photos and videos only
        let phrases = q.list("query")
        if let v = q["limit"] {
            guard let n = Int(v), (1...Self.maxLimit).contains(n) else {
                throw StocksyErrors.invalidSearch("limit must be between 1 and \(Self.maxLimit), got \"\(v)\"")
            }
            limit = n
        }
        if let v = q["page"] {
            guard let n = Int(v), n >= 1 else { throw StocksyErrors.invalidSearch("page must be 1 or more, got \"\(v)\"") }
            page = n
        }
        let sortField: SortField
        switch q["sort"] ?? "curated" {
        case "curated": sortField = .curated
        case "latest": sortField = .newest; sort = "latest"
        case "popular": sortField = .popular; sort = "popular"
        case "emerging": sortField = .emerging; sort = "emerging"
        case let other: throw StocksyErrors.invalidSearch("sort must be curated, latest, popular or emerging, got \"\(other)\"")
        }
        let safe = try Self.flag(q, "safe_search")
        filters.safeSearch = safe

        var assetTypes: [String] = []
        for value in q.list("facet_contenttype") {
            guard ["photo_creative", "video_creative", "all_types"].contains(value) else {
                throw StocksyErrors.invalidSearch("facet_contenttype must be photo_creative, video_creative or all_types, got \"\(value)\"")
            }
            if !assetTypes.contains(value) { assetTypes.append(value) }
        }
        if !assetTypes.isEmpty, !assetTypes.contains("all_types") {
            filters.kinds = Set(assetTypes.map { $0 == "photo_creative" ? AssetKind.photo : .video })
        }
        let ungraded = try Self.flag(q, "facet_ungradedvideo"), fourK = try Self.flag(q, "facet_4kvideo")
        if ungraded || fourK {
            // "facet_contenttype=video_creative is implied with this parameter."
            filters.kinds = [.video]
            assetTypes = ["video_creative"]
            filters.ungradedOnly = ungraded
            filters.only4K = fourK
        }
        var cameraTypes: [String] = []
        if try Self.flag(q, "facet_mobile") { filters.cameras.insert(.mobile); cameraTypes.append("mobile") }
        if try Self.flag(q, "facet_film") { filters.cameras.insert(.film); cameraTypes.append("film") }
        var compositions: [String] = []
        for value in q.list("facet_composition") {
            guard let c = Composition(rawValue: value) else {
                throw StocksyErrors.invalidSearch("facet_composition must be long, medium, close or macro, got \"\(value)\"")
            }
            filters.compositions.insert(c)
            if !compositions.contains(value) { compositions.append(value) }
        }
        var orientations: [String] = []
        for value in q.list("facet_orientation") {
            let o: Orientation
            switch value {
            case "tall": o = .vertical
            case "horizontal": o = .horizontal
            case "square": o = .square
            case "panorama": o = .panorama
            default: throw StocksyErrors.invalidSearch("facet_orientation must be tall, horizontal, square or panorama, got \"\(value)\"")
            }
            filters.orientations.insert(o)
            if !orientations.contains(value) { orientations.append(value) }
        }
        request = SearchRequest(query: PlainWords.query(phrases), filters: filters, sort: sortField, order: .desc,
                                page: page, pageSize: limit)

        if !phrases.isEmpty { applied.append(("text", .string(phrases.joined(separator: ", ")))) }
        applied.append(("searchAccess", .string(safe ? "safe" : "public")))
        if !cameraTypes.isEmpty { applied.append(("cameraType", .strings(cameraTypes))) }
        if !assetTypes.isEmpty { applied.append(("assetType", .strings(assetTypes))) }
        if !compositions.isEmpty { applied.append(("composition", .strings(compositions))) }
        if !orientations.isEmpty { applied.append(("orientation", .strings(orientations))) }
        if ungraded { applied.append(("ungradedVideo", .bool(true))) }
        if fourK { applied.append(("video4k", .bool(true))) }
        applied += [("page", .int(page)), ("pageSize", .int(limit)), ("sort", .string(sort))]
    }

    /// `true` / `false` (also `1` / `0`); absent is false.
    private static func flag(_ q: QueryItems, _ name: String) throws(HTTPFailure) -> Bool {
        guard let v = q[name] else { return false }
        switch v.lowercased() {
        case "true", "1": return true
        case "false", "0", "": return false
        default: throw StocksyErrors.invalidSearch("\(name) must be true or false, got \"\(v)\"")
        }
    }
}
