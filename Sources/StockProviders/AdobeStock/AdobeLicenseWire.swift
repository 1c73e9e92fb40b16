import Foundation
import StockCore

// Wire types of Adobe Stock's licensing (Adobe's licensing and license history references,
// seed 001). Everything may be missing or null except a history entry's `id` and `files`.

/// `Content/License` and `Content/Info`: `{"available_entitlement", "contents": {"<id>": {…}}, "member"}`.
struct AdobeStockLicenseAnswer: Decodable, Sendable, Hashable {
    struct PurchaseDetails: Decodable, Sendable, Hashable {
        /// `just_purchased`, `purchased`, `not_purchased`, `not_possible`, `cancelled`, `overage`.
        @Tolerant var state: String?
        /// `Standard`, `Extended`, `Video_HD`, `Video_4K`, `Standard_M`.
        @Tolerant var license: String?
        /// `2017-11-01 22:57:48` (UTC).
        @Tolerant var date: String?
        /// Where the licensed file is downloaded (the SDKs add `?token=`); for `not_possible`,
        /// the page where the member can buy it.
        @Tolerant var url: String?
        @Tolerant var contentType: String?
        @Tolerant var width: FlexibleNumber?
        @Tolerant var height: FlexibleNumber?
        /// Adobe's words, e.g. why licensing is `not_possible` (may be empty).
        @Tolerant var message: String?
        enum CodingKeys: String, CodingKey {
            case state, license, date, url, width, height, message
            case contentType = "content_type"
        }
    }
    struct Content: Decodable, Sendable, Hashable {
        @Tolerant var contentID: AssetID?
        /// `Comp` or `Original`.
        @Tolerant var size: String?
        @Tolerant var purchaseDetails: PurchaseDetails?
        enum CodingKeys: String, CodingKey {
            case size
            case contentID = "content_id"
            case purchaseDetails = "purchase_details"
        }
    }

    /// `null` in Adobe's "not possible" answers; `[]` where nothing is set.
    @Tolerant var availableEntitlement: AdobeStockProfile.Entitlement?
    @Tolerant var contents: [String: Content]?

    enum CodingKeys: String, CodingKey {
        case contents
        case availableEntitlement = "available_entitlement"
    }

    /// The entry about `id`: keyed by it, or the only one there is.
    func content(_ id: AssetID) -> Content? {
        guard let contents else { return nil }
        if let keyed = contents[id.description] { return keyed }
        if let matching = contents.values.first(where: { $0.contentID == id }) { return matching }
        return contents.count == 1 ? contents.values.first : nil
    }
}

/// `GET /Rest/Libraries/1/Member/LicenseHistory`: `{"nb_results", "files": [...]}`, newest first.
struct AdobeStockLicenseHistory: Decodable, Sendable, Hashable {
    struct Entry: Decodable, Sendable, Hashable {
        var id: AssetID
        @Tolerant var license: String?
        /// `11/6/17, 2:54 AM` (en_US, UTC, minutes only).
        @Tolerant var licenseDate: String?
        @Tolerant var downloadURL: String?
        @Tolerant var title: String?
        @Tolerant var creatorName: String?
        @Tolerant var contentType: String?
        @Tolerant var mediaTypeID: FlexibleNumber?
        @Tolerant var vectorType: String?
        @Tolerant var width: FlexibleNumber?
        @Tolerant var height: FlexibleNumber?
        enum CodingKeys: String, CodingKey {
            case id, license, title, width, height
            case licenseDate = "license_date"
            case downloadURL = "download_url"
            case creatorName = "creator_name"
            case contentType = "content_type"
            case mediaTypeID = "media_type_id"
            case vectorType = "vector_type"
        }
    }

    @Tolerant var nbResults: FlexibleNumber?
    /// An entry that cannot be read (no id) is left out and listed in `files.skipped`.
    var files: LossyList<Entry>

    enum CodingKeys: String, CodingKey {
        case files
        case nbResults = "nb_results"
    }
}

/// The dates of Adobe's licensing answers: `2017-11-01 22:57:48` (Content/License, Content/Info)
/// and `11/6/17, 2:54 AM` (LicenseHistory, en_US short style), both read as UTC as Adobe's guide
/// shows one license as `2017-11-06 02:54:18` and `11/6/17, 2:54 AM`.
enum AdobeLicenseDate {
    static func parse(_ text: String) -> Date? {
        let t = text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            .trimmingCharacters(in: .whitespaces)
        if let d = WireDate.parse(t) { return d }
        return usShort(t)
    }

    /// `M/d/yy, h:mm a` (also without the comma, with seconds, a four-digit year or a 24-hour clock).
    /// Two-digit years are 20yy: Adobe Stock licenses nothing before 2000.
    static func usShort(_ t: String) -> Date? {
        let parts = t.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let mdy = parts[0].split(separator: "/").map { Int($0) }
        let hms = parts[1].split(separator: ":").map { Int($0) }
        guard mdy.count == 3, let month = mdy[0], let day = mdy[1], var year = mdy[2],
              hms.count == 2 || hms.count == 3, var hour = hms[0], let minute = hms[1] else { return nil }
        let second = hms.count == 3 ? hms[2] : 0
        guard let second else { return nil }
        if year < 100 { year += 2000 }
        if parts.count == 3 {
            let marker = parts[2].uppercased()
            guard marker == "AM" || marker == "PM", (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (marker == "PM" ? 12 : 0)
        }
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
              (0...59).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}
