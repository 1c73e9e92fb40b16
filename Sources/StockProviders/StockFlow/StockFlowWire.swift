import Foundation
import StockCore

// Wire types of StockFlow v2 (seed 002), one per answer. Required: a clip's `id` and `title`,
// a list's `data`; everything else may be missing or null.

/// A clip as `GET /clips`, `GET /clips/{id}` and `POST /search` send it. The list and search
/// answers carry a subset of the detail's fields.
struct StockFlowClip: Decodable, Sendable, Hashable {
    struct Author: Decodable, Sendable, Hashable {
        var id: AssetID?
        var displayName: String?
        enum CodingKeys: String, CodingKey { case id, displayName = "display_name" }
    }

    var id: AssetID
    var title: String
    var description: String?
    var categoryID: String?
    var tags: [String]?
    var durationSeconds: FlexibleNumber?
    /// `720p`, `1080p` or `4k`.
    var resolution: String?
    var width: FlexibleNumber?
    var height: FlexibleNumber?
    var fps: FlexibleNumber?
    var format: String?
    var codec: String?
    var fileSizeMB: FlexibleNumber?
    /// `standard`, `extended` or `editorial`.
    var licenseType: String?
    var author: Author?
    var formatsAvailable: [String]?
    var thumbnailURL: String?
    var createdAt: String?
    /// Only in `POST /search` answers.
    var relevanceScore: FlexibleNumber?
    /// From the asset metadata schema 3.1 (seed 000), when present.
    var colorProfile: String?
    var contentWarnings: [String]?

    enum CodingKeys: String, CodingKey {
        case id, title, description, tags, resolution, width, height, fps, format, codec, author
        case categoryID = "category_id"
        case durationSeconds = "duration_sec"
        case fileSizeMB = "file_size_mb"
        case licenseType = "license_type"
        case formatsAvailable = "formats_available"
        case thumbnailURL = "thumbnail_url"
        case createdAt = "created_at"
        case relevanceScore = "relevance_score"
        case colorProfile = "color_profile"
        case contentWarnings = "content_warnings"
    }
}

/// `pagination` of the list and search answers (search answers omit `per_page` and `total_pages`).
struct StockFlowPagination: Decodable, Sendable, Hashable {
    var page: Int?
    var perPage: Int?
    var totalItems: Int?
    var totalPages: Int?
    enum CodingKeys: String, CodingKey {
        case page
        case perPage = "per_page"
        case totalItems = "total_items"
        case totalPages = "total_pages"
    }
}

/// `GET /clips` and `POST /search`: `{"data": [...], "pagination": {...}}` (search adds `query`).
struct StockFlowClipPage: Decodable, Sendable, Hashable {
    var query: String?
    var data: [StockFlowClip]
    var pagination: StockFlowPagination?
}

/// `POST /oauth/token`'s answer (RFC 6749 section 5.1).
struct StockFlowTokenAnswer: Decodable, Sendable, Hashable {
    var accessToken: String
    var tokenType: String?
    var expiresIn: FlexibleNumber?
    var refreshToken: String?
    /// Space-separated, e.g. "read" or "read admin".
    var scope: String?
    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case scope
    }
}

/// `POST /search`'s body. The reference names only `query`, `filters` and `sort`; the filters use
/// the names of `GET /clips`' parameters, and paging sits beside them (the project's reading).
struct StockFlowSearchBody: Encodable, Sendable, Hashable {
    struct Filters: Encodable, Sendable, Hashable {
        var categoryID: String?
        var durationMin: Double?
        var durationMax: Double?
        var resolution: String?
        var licenseType: String?
        var tags: String?
        enum CodingKeys: String, CodingKey {
            case categoryID = "category_id"
            case durationMin = "duration_min"
            case durationMax = "duration_max"
            case resolution
            case licenseType = "license_type"
            case tags
        }
    }
    struct Sort: Encodable, Sendable, Hashable {
        var by: String
        var order: String
    }
    var query: String
    var filters: Filters
    var sort: Sort
    var page: Int
    var perPage: Int
    enum CodingKeys: String, CodingKey {
        case query, filters, sort, page
        case perPage = "per_page"
    }
}
