import Foundation
import StockCore

// Wire types of Adobe Stock (seed 001 and Adobe's public Search, Files and Member/Profile
// references). Required: a file's `id`, a list's `files`; everything else may be missing or null.

/// One file of `GET /Rest/Media/1/Search/Files` or `GET /Rest/Media/1/Files`: the fields the
/// client asks for in `result_columns[]` (`AdobeStockRequests.searchColumns`, `fileColumns`).
struct AdobeStockFile: Decodable, Sendable, Hashable {
    struct Category: Decodable, Sendable, Hashable {
        var id: FlexibleNumber?
        var name: String?
    }

    /// A keyword: `{"name": "lake"}` in Adobe's answers, accepted as a bare string too.
    struct Keyword: Decodable, Sendable, Hashable {
        var name: String
        init(from decoder: any Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) { name = s; return }
            enum Keys: String, CodingKey { case name }
            name = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .name)
        }
    }

    var id: AssetID
    var title: String?
    var description: String?
    var creatorName: String?
    var creatorID: FlexibleNumber?
    var width: FlexibleNumber?
    var height: FlexibleNumber?
    /// 1 photo, 2 illustration, 3 vector, 4 video, 5 instant photo, 6 3D, 7 template.
    var mediaTypeID: Int?
    /// A MIME type: `image/jpeg`, `video/mp4`, `application/illustrator`.
    var contentType: String?
    var category: Category?
    var keywords: [Keyword]?
    /// `2017-06-08 07:40:22.046046` (UTC) or ISO 8601.
    var creationDate: String?
    /// 0 core, 1 free, 2 to 4 premium levels 1 to 3.
    var premiumLevelID: Int?
    /// The license already held, `Standard`, `Extended`, `Video_HD`, `Video_4K`, or empty.
    var isLicensed: String?
    var isEditorial: FlexibleBool?
    var nbDownloads: FlexibleNumber?
    /// Milliseconds, for video.
    var duration: FlexibleNumber?
    var framerate: FlexibleNumber?
    var sizeBytes: FlexibleNumber?
    var vectorType: String?
    /// Whether a vector has a PNG with transparency (seed 001).
    var isTransparent: FlexibleBool?
    var compURL: String?
    var videoPreviewURL: String?
    var thumbnail110URL: String?
    var thumbnail160URL: String?
    var thumbnail240URL: String?
    var thumbnail500URL: String?
    var thumbnail1000URL: String?

    enum CodingKeys: String, CodingKey {
        case id, title, description, category, keywords, duration, framerate
        case creatorName = "creator_name"
        case creatorID = "creator_id"
        case width, height
        case mediaTypeID = "media_type_id"
        case contentType = "content_type"
        case creationDate = "creation_date"
        case premiumLevelID = "premium_level_id"
        case isLicensed = "is_licensed"
        case isEditorial = "is_editorial"
        case nbDownloads = "nb_downloads"
        case sizeBytes = "size_bytes"
        case vectorType = "vector_type"
        case isTransparent = "is_transparent"
        case compURL = "comp_url"
        case videoPreviewURL = "video_preview_url"
        case thumbnail110URL = "thumbnail_110_url"
        case thumbnail160URL = "thumbnail_160_url"
        case thumbnail240URL = "thumbnail_240_url"
        case thumbnail500URL = "thumbnail_500_url"
        case thumbnail1000URL = "thumbnail_1000_url"
    }
}

/// `{"nb_results": 7, "files": [...]}`: both the Search and the Files API answer this shape.
struct AdobeStockFileList: Decodable, Sendable, Hashable {
    var nbResults: Int?
    var files: [AdobeStockFile]
    enum CodingKeys: String, CodingKey {
        case nbResults = "nb_results"
        case files
    }
}

/// `GET /Rest/Libraries/1/Member/Profile`: entitlement (quota), purchase options and, where the
/// organisation uses them, license references (`cce_agency`).
struct AdobeStockProfile: Decodable, Sendable, Hashable {
    struct Entitlement: Decodable, Sendable, Hashable {
        var quota: FlexibleNumber?
        var licenseTypeID: Int?
        var hasCreditModel: FlexibleBool?
        var hasAgencyModel: FlexibleBool?
        var isCCE: FlexibleBool?
        enum CodingKeys: String, CodingKey {
            case quota
            case licenseTypeID = "license_type_id"
            case hasCreditModel = "has_credit_model"
            case hasAgencyModel = "has_agency_model"
            case isCCE = "is_cce"
        }
    }
    /// `{"stock_id": 1272100}` in Adobe's Member/Profile examples (`member_id` accepted too).
    struct Member: Decodable, Sendable, Hashable {
        var memberID: FlexibleNumber?
        enum CodingKeys: String, CodingKey { case stockID = "stock_id", memberID = "member_id" }
        init(memberID: FlexibleNumber?) { self.memberID = memberID }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            memberID = try c.decodeIfPresent(FlexibleNumber.self, forKey: .stockID) ?? c.decodeIfPresent(FlexibleNumber.self, forKey: .memberID)
        }
    }
    struct PurchaseOptions: Decodable, Sendable, Hashable {
        /// `possible`, `not_possible`, `overage`, `purchased` …
        var state: String?
        var requiresCheckout: FlexibleBool?
        var message: String?
        var url: String?
        enum CodingKeys: String, CodingKey {
            case state, message, url
            case requiresCheckout = "requires_checkout"
        }
    }
    /// A license reference the organisation asks for when licensing: `{id, text, required}`.
    struct LicenseReference: Decodable, Sendable, Hashable {
        var id: FlexibleNumber
        var text: String?
        var required: FlexibleBool?
    }

    var availableEntitlement: Entitlement?
    var member: Member?
    var purchaseOptions: PurchaseOptions?
    var cceAgency: [LicenseReference]?

    enum CodingKeys: String, CodingKey {
        case member
        case availableEntitlement = "available_entitlement"
        case purchaseOptions = "purchase_options"
        case cceAgency = "cce_agency"
    }
}
