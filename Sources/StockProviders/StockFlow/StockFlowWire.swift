import Foundation
import StockCore

// Wire types of StockFlow v2 (seed 002), one per answer, read by the tolerant reader
// (docs/services.md, "Stocksy and StockFlow, field by field"). Required: a clip's `id` and a
// list's `data` (an array). Every other field is `@Tolerant`: missing, null, `[]`, `{}` or of
// another type reads as nil; numbers may be strings. A clip that cannot be read is left out of
// its list and reported (`LossyList`), never fatal.

/// A clip as `GET /clips`, `GET /clips/{id}` and `POST /search` send it. The list and search
/// answers carry a subset of the detail's fields.
struct StockFlowClip: Decodable, Sendable, Hashable {
    /// `author`: `{"id": 391, "display_name": "Mikhail Volkov"}` (seed 002), or just the name.
    struct Author: Decodable, Sendable, Hashable {
        @Tolerant var id: FlexibleID?
        @Tolerant var displayName: String?
        enum CodingKeys: String, CodingKey { case id, displayName = "display_name" }

        init(id: FlexibleID?, displayName: String?) { self.id = id; self.displayName = displayName }

        init(from decoder: any Decoder) throws {
            if let name = try? decoder.singleValueContainer().decode(String.self) {
                self.init(id: nil, displayName: name)
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try c.decode(Tolerant<FlexibleID>.self, forKey: .id).wrappedValue,
                      displayName: try c.decode(Tolerant<String>.self, forKey: .displayName).wrappedValue)
        }
    }

    var id: AssetID
    @Tolerant var title: String?
    @Tolerant var description: String?
    @Tolerant var categoryID: String?
    @Tolerant var tags: LossyList<String>?
    @Tolerant var durationSeconds: FlexibleNumber?
    /// `720p`, `1080p` or `4k`.
    @Tolerant var resolution: String?
    @Tolerant var width: FlexibleNumber?
    @Tolerant var height: FlexibleNumber?
    @Tolerant var fps: FlexibleNumber?
    @Tolerant var format: String?
    @Tolerant var codec: String?
    @Tolerant var fileSizeMB: FlexibleNumber?
    /// `standard`, `extended` or `editorial` (one, or a list); any other name is unknown.
    @Tolerant var licenseType: StockFlowLicenseTypes?
    @Tolerant var author: Author?
    @Tolerant var formatsAvailable: LossyList<String>?
    @Tolerant var thumbnailURL: String?
    @Tolerant var createdAt: String?
    /// Only in `POST /search` answers.
    @Tolerant var relevanceScore: FlexibleNumber?
    /// From the asset metadata schema 3.1 (seed 000), when present.
    @Tolerant var colorProfile: String?
    @Tolerant var contentWarnings: LossyList<String>?

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

/// `license_type`: one name (`"standard"`, as seed 002 sends it) or a list of names.
struct StockFlowLicenseTypes: Decodable, Sendable, Hashable {
    var names: [WireEnum<LicenseType>]

    init(_ names: [WireEnum<LicenseType>]) { self.names = names }

    init(from decoder: any Decoder) throws {
        if let one = try? WireEnum<LicenseType>(from: decoder) {
            names = [one]
        } else {
            names = try LossyList<WireEnum<LicenseType>>(from: decoder).elements
        }
    }
}

/// `pagination` of the list and search answers (search answers omit `per_page` and `total_pages`).
struct StockFlowPagination: Decodable, Sendable, Hashable {
    @Tolerant var page: FlexibleNumber?
    @Tolerant var perPage: FlexibleNumber?
    @Tolerant var totalItems: FlexibleNumber?
    @Tolerant var totalPages: FlexibleNumber?
    enum CodingKeys: String, CodingKey {
        case page
        case perPage = "per_page"
        case totalItems = "total_items"
        case totalPages = "total_pages"
    }
}

/// `GET /clips` and `POST /search`: `{"data": [...], "pagination": {...}}` (search adds `query`).
struct StockFlowClipPage: Decodable, Sendable, Hashable {
    @Tolerant var query: String?
    var data: LossyList<StockFlowClip>
    @Tolerant var pagination: StockFlowPagination?
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
