import StockCore

/// StockFlow's JSON for clips, in the shapes of seed 002's examples.
struct StockFlowRender {
    let origin: String

    func thumbnail(_ asset: Asset) -> String { "\(origin)/thumbs/\(asset.id)_1080.jpg" }

    /// The list item of `GET /clips`: id, title, category_id, duration_sec, resolution, fps,
    /// license_type, thumbnail_url, created_at.
    func listItem(_ asset: Asset, license: LicenseType) -> JSONNode {
        .members([
            ("id", .int(asset.id.rawValue)),
            ("title", .string(asset.title)),
            ("category_id", .optional(asset.category)),
            ("duration_sec", Self.seconds(asset.duration)),
            ("resolution", .optional(asset.videoResolution?.rawValue)),
            ("fps", Self.fps(asset.fps)),
            ("license_type", .string(license.rawValue)),
            ("thumbnail_url", .string(thumbnail(asset))),
            ("created_at", .string(ISODate.format(asset.created))),
        ])
    }

    /// `GET /clips/{id}`: the list item's fields plus description, tags, format, codec,
    /// file_size_mb, author and formats_available, in the example's order.
    func detail(_ asset: Asset) -> JSONNode {
        let license = asset.licenseTypes.contains(.standard) ? LicenseType.standard : (asset.licenseTypes.first ?? .standard)
        return .members([
            ("id", .int(asset.id.rawValue)),
            ("title", .string(asset.title)),
            ("description", .string(asset.description)),
            ("category_id", .optional(asset.category)),
            ("tags", .strings(asset.keywords)),
            ("duration_sec", Self.seconds(asset.duration)),
            ("resolution", .optional(asset.videoResolution?.rawValue)),
            ("fps", Self.fps(asset.fps)),
            ("format", .optional(asset.formats.first)),
            ("codec", .optional(asset.codec)),
            // Decimal megabytes (10^6 bytes), as StockFlowClient reads them (docs/services.md).
            ("file_size_mb", asset.fileSize.map { .int(Int64((Double($0) / 1_000_000).rounded())) } ?? .null),
            ("license_type", .string(license.rawValue)),
            ("author", asset.contributor.map { .members([("id", .int($0.id)), ("display_name", .string($0.name))]) } ?? .null),
            ("formats_available", .strings(asset.formats)),
            ("thumbnail_url", .string(thumbnail(asset))),
            ("created_at", .string(ISODate.format(asset.created))),
        ])
    }

    /// A `POST /search` item: id, title, relevance_score, category_id, duration_sec, resolution.
    func searchItem(_ asset: Asset, score: Double) -> JSONNode {
        .members([
            ("id", .int(asset.id.rawValue)),
            ("title", .string(asset.title)),
            ("relevance_score", .double((score * 100).rounded() / 100)),
            ("category_id", .optional(asset.category)),
            ("duration_sec", Self.seconds(asset.duration)),
            ("resolution", .optional(asset.videoResolution?.rawValue)),
        ])
    }

    static func pagination(page: Int, perPage: Int, total: Int) -> JSONNode {
        .members([
            ("page", .int(page)), ("per_page", .int(perPage)), ("total_items", .int(total)),
            ("total_pages", .int((total + perPage - 1) / perPage)),
        ])
    }

    private static func seconds(_ value: Double?) -> JSONNode { value.map { .double($0) } ?? .null }

    private static func fps(_ value: Double?) -> JSONNode {
        guard let value else { return .null }
        return value == value.rounded() ? .int(Int64(value)) : .double(value)
    }
}

/// A relevance score in (0, 1] for `POST /search`: how many of the query's words appear in the
/// clip's title (weighted most), tags and description. The catalog ranks by bm25 but does not
/// expose the scores; this heuristic only has to be plausible and stable.
enum RelevanceScore {
    static func of(_ asset: Asset, words: [String]) -> Double {
        guard !words.isEmpty else { return 1 }
        let title = asset.title.lowercased(), description = asset.description.lowercased()
        let tags = asset.keywords.map { $0.lowercased() }
        var sum = 0.0
        for word in words {
            var s = 0.0
            if title.contains(word) { s += 0.6 }
            if tags.contains(where: { $0.contains(word) }) { s += 0.3 }
            if description.contains(word) { s += 0.1 }
            sum += s
        }
        return min(1, max(0.05, sum / Double(words.count)))
    }

    /// The positive words of a query (not those under NOT).
    static func words(of node: QueryNode?) -> [String] {
        guard let node else { return [] }
        switch node {
        case .term(let w), .prefix(let w): return [w]
        case .phrase(let ws), .near(let ws, _): return ws
        case .and(let children), .or(let children): return children.flatMap(words(of:))
        case .not, .field: return []
        }
    }
}
