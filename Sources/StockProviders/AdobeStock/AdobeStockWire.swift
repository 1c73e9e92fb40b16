import Foundation
import StockCore

// Wire types of Adobe Stock (seed 001 and Adobe's public Search, Files and Member/Profile
// references). Required: a file's `id`, a list's `files`; everything else may be missing or null.

/// One file of `GET /Rest/Media/1/Search/Files` or `GET /Rest/Media/1/Files`: the fields the
/// client asks for in `result_columns[]` (`AdobeStockRequests.searchColumns`, `fileColumns`).
struct AdobeStockFile: Decodable, Sendable, Hashable {
    /// `{"id": 1043, "name": "Travel"}`; the real API sends `[]` for an asset without one
    /// (14 of the 120 records Adobe's SDKs recorded), which `@Tolerant` reads as nil.
    struct Category: Decodable, Sendable, Hashable {
        @Tolerant var id: FlexibleNumber?
        @Tolerant var name: String?
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
    @Tolerant var title: String?
    @Tolerant var description: String?
    @Tolerant var creatorName: String?
    @Tolerant var creatorID: FlexibleNumber?
    @Tolerant var width: FlexibleNumber?
    @Tolerant var height: FlexibleNumber?
    /// 1 photo, 2 illustration, 3 vector, 4 video, 5 instant photo, 6 3D, 7 template.
    @Tolerant var mediaTypeID: FlexibleNumber?
    /// A MIME type: `image/jpeg`, `video/mp4`, `application/illustrator`.
    @Tolerant var contentType: String?
    @Tolerant var category: Category?
    @Tolerant var keywords: [Keyword]?
    /// `2017-06-08 07:40:22.046046` (UTC) or ISO 8601.
    @Tolerant var creationDate: String?
    /// 0 core, 1 free, 2 to 4 premium levels 1 to 3.
    @Tolerant var premiumLevelID: FlexibleNumber?
    /// The license already held, `Standard`, `Extended`, `Video_HD`, `Video_4K`, or empty
    /// (asked for only with an access token).
    @Tolerant var isLicensed: String?
    @Tolerant var isEditorial: FlexibleBool?
    @Tolerant var nbDownloads: FlexibleNumber?
    /// Milliseconds, for video.
    @Tolerant var duration: FlexibleNumber?
    @Tolerant var framerate: FlexibleNumber?
    @Tolerant var sizeBytes: FlexibleNumber?
    @Tolerant var vectorType: String?
    /// Whether a vector has a PNG with transparency (seed 001).
    @Tolerant var isTransparent: FlexibleBool?
    @Tolerant var compURL: String?
    @Tolerant var videoPreviewURL: String?
    @Tolerant var thumbnail110URL: String?
    @Tolerant var thumbnail160URL: String?
    @Tolerant var thumbnail240URL: String?
    @Tolerant var thumbnail500URL: String?
    @Tolerant var thumbnail1000URL: String?

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
/// A file that cannot be read (no id) is left out and listed in `files.skipped`.
struct AdobeStockFileList: Decodable, Sendable, Hashable {
    @Tolerant var nbResults: FlexibleNumber?
    var files: LossyList<AdobeStockFile>
    enum CodingKeys: String, CodingKey {
        case nbResults = "nb_results"
        case files
    }
}

/// `GET /Rest/Libraries/1/Member/Profile`: entitlement (quota), purchase options and, where the
/// organisation uses them, license references (`cce_agency`). Every part may be missing, `null`
/// or `[]` (Adobe's PHP SDK recorded `"full_entitlement_quota": []` and `"cce_agency": []`).
struct AdobeStockProfile: Decodable, Sendable, Hashable {
    /// `full_entitlement_quota`: what the plan holds in all, by kind of license.
    struct FullQuota: Decodable, Sendable, Hashable {
        @Tolerant var image: FlexibleNumber?
        @Tolerant var video: FlexibleNumber?
        @Tolerant var credits: FlexibleNumber?
        @Tolerant var standardCredits: FlexibleNumber?
        @Tolerant var premiumCredits: FlexibleNumber?
        @Tolerant var universalCredits: FlexibleNumber?
        enum CodingKeys: String, CodingKey {
            case image = "image_quota", video = "video_quota", credits = "credits_quota"
            case standardCredits = "standard_credits_quota", premiumCredits = "premium_credits_quota"
            case universalCredits = "universal_credits_quota"
        }

        /// "6 images, 10 videos, 40 credits": the parts that are set, nil when none is.
        var text: String? {
            let parts: [(FlexibleNumber?, String)] = [(image, "image"), (video, "video"), (credits, "credit"),
                                                      (standardCredits, "standard credit"), (premiumCredits, "premium credit"),
                                                      (universalCredits, "universal credit")]
            let said = parts.compactMap { n, noun in n.map { "\(Format.count($0.int)) \(noun)\($0.int == 1 ? "" : "s")" } }
            return said.isEmpty ? nil : said.joined(separator: ", ")
        }
    }
    struct Entitlement: Decodable, Sendable, Hashable {
        @Tolerant var quota: FlexibleNumber?
        @Tolerant var licenseTypeID: FlexibleNumber?
        @Tolerant var hasCreditModel: FlexibleBool?
        @Tolerant var hasAgencyModel: FlexibleBool?
        @Tolerant var isCCE: FlexibleBool?
        @Tolerant var fullEntitlementQuota: FullQuota?
        enum CodingKeys: String, CodingKey {
            case quota
            case licenseTypeID = "license_type_id"
            case hasCreditModel = "has_credit_model"
            case hasAgencyModel = "has_agency_model"
            case isCCE = "is_cce"
            case fullEntitlementQuota = "full_entitlement_quota"
        }
    }
    /// `{"stock_id": 1272100}` or `{"member_id": 1222994}` or, hashed, `{"member_id": "5PAG…"}`.
    struct Member: Decodable, Sendable, Hashable {
        var memberID: FlexibleID?
        enum CodingKeys: String, CodingKey { case stockID = "stock_id", memberID = "member_id" }
        init(memberID: FlexibleID?) { self.memberID = memberID }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            memberID = (try? c.decodeIfPresent(FlexibleID.self, forKey: .stockID)) ?? (try? c.decodeIfPresent(FlexibleID.self, forKey: .memberID)) ?? nil
        }
    }
    struct PurchaseOptions: Decodable, Sendable, Hashable {
        /// `possible`, `not_possible`, `overage`, `purchased` …
        @Tolerant var state: String?
        @Tolerant var requiresCheckout: FlexibleBool?
        @Tolerant var message: String?
        @Tolerant var url: String?
        enum CodingKeys: String, CodingKey {
            case state, message, url
            case requiresCheckout = "requires_checkout"
        }
    }
    /// A license reference the organisation asks for when licensing: `{id, text, required}`.
    struct LicenseReference: Decodable, Sendable, Hashable {
        var id: FlexibleNumber
        @Tolerant var text: String?
        @Tolerant var required: FlexibleBool?
    }

    @Tolerant var availableEntitlement: Entitlement?
    @Tolerant var member: Member?
    @Tolerant var purchaseOptions: PurchaseOptions?
    /// References that cannot be read are left out (and logged by the caller).
    @Tolerant var cceAgency: LossyList<LicenseReference>?

    enum CodingKeys: String, CodingKey {
        case member
        case availableEntitlement = "available_entitlement"
        case purchaseOptions = "purchase_options"
        case cceAgency = "cce_agency"
    }
}
