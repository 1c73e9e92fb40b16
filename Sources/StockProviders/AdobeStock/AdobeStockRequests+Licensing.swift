import Foundation
import StockCore
import StockHTTP

/// Adobe Stock's license names, as the `license` parameter and `LicenseOption.id` carry them.
public enum AdobeStockLicense: String, Sendable, CaseIterable {
    case standard = "Standard"
    case extended = "Extended"
    case videoHD = "Video_HD"
    case video4K = "Video_4K"
    case standardM = "Standard_M"

    /// The last segment of `/Rest/Libraries/Download/{id}/{n}`: 1 for Standard, as in every one
    /// of Adobe's examples; 2 Extended, 3 Video_HD, 4 Video_4K (the numbers of the `comps`
    /// column), 5 Standard_M. Adobe documents only the first; the sandbox serves all five.
    public var downloadNumber: Int {
        switch self {
        case .standard: 1
        case .extended: 2
        case .videoHD: 3
        case .video4K: 4
        case .standardM: 5
        }
    }

    /// A license name as Adobe writes it, matched without regard to case (`standard`, `VIDEO_HD`).
    public init?(named text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(t) == .orderedSame }) else { return nil }
        self = match
    }

    /// A history entry's license for people: Adobe's name in its own spelling when known
    /// (`Standard`), the sanitised text when Adobe names one stockterm does not know, and
    /// "unknown license" when it names none (or writes its placeholder `FILE::LICENSE::N/A`).
    static func historyName(_ text: String?) -> String {
        guard let raw = WireText.optionalField(text), raw.uppercased() != "FILE::LICENSE::N/A" else { return "unknown license" }
        return AdobeStockLicense(named: raw)?.rawValue ?? WireText.clean(raw, limit: 40)
    }

    /// What the licensing flow offers for an asset: Video_HD (and Video_4K for a 4K clip) for
    /// video; Standard, and Extended unless the asset is editorial or a template, for the rest.
    public static func candidates(for asset: Asset) -> [AdobeStockLicense] {
        if asset.kind == .video {
            let is4K = asset.videoResolution == .k4 || max(asset.width, asset.height) >= 3840
            return is4K ? [.videoHD, .video4K] : [.videoHD]
        }
        let extended = asset.kind != .template && asset.licenseTypes.contains(.extended)
        return extended ? [.standard, .extended] : [.standard]
    }
}

extension AdobeStockRequests {
    static let contentInfoPath = "/Rest/Libraries/1/Content/Info"
    static let contentLicensePath = "/Rest/Libraries/1/Content/License"
    static let licenseHistoryPath = "/Rest/Libraries/1/Member/LicenseHistory"
    /// LicenseHistory's largest page (Adobe's reference: 1 to 100).
    public static let maxHistoryLimit = 100
    /// The Files columns that say whether an asset is still offered, and what a download of it can be.
    static let availabilityColumns = ["id", "media_type_id", "content_type", "vector_type", "is_transparent", "comp_url"]

    /// `GET /Rest/Libraries/1/Content/Info?content_id=[&license=]` (Bearer token).
    public static func contentInfo(contentID: AssetID, license: AdobeStockLicense? = nil) -> HTTPRequest {
        var q = [QueryItem("content_id", contentID.description)]
        if let license { q.append(QueryItem("license", license.rawValue)) }
        return HTTPRequest(.get, contentInfoPath, query: q, access: .user)
    }

    /// `Content/License?content_id=&license=[&license_again=true]`: a GET, or a POST with
    /// `{"cce_agency": [{"id": "2", "value": "…"}]}` when there are references to send (seed
    /// 001). Never retried by the transport; `X-Request-Id` (an optional header Adobe documents)
    /// carries the ledger's key so that the request can be found in logs.
    public static func contentLicense(contentID: AssetID, license: AdobeStockLicense, again: Bool,
                                      references: [String: String], requestID: String) throws -> HTTPRequest {
        var q = [QueryItem("content_id", contentID.description), QueryItem("license", license.rawValue)]
        if again { q.append(QueryItem("license_again", "true")) }
        let sent = try referenceList(references)
        var request: HTTPRequest
        if sent.isEmpty {
            request = HTTPRequest(.get, contentLicensePath, query: q, access: .user, retryable: false)
        } else {
            struct Reference: Encodable { var id: String; var value: String }
            struct Body: Encodable { var cce_agency: [Reference] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let body = try encoder.encode(Body(cce_agency: sent.map { Reference(id: String($0.id), value: $0.value) }))
            request = .json(.post, contentLicensePath, body: body, query: q, access: .user, retryable: false)
        }
        if !requestID.isEmpty { request.setHeader("X-Request-Id", requestID) }
        return request
    }

    /// The references worth sending, by numeric id, blank ones left out.
    static func referenceList(_ references: [String: String]) throws -> [(id: Int, value: String)] {
        var out: [(id: Int, value: String)] = []
        for (key, value) in references {
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !v.isEmpty else { continue }
            guard let id = Int(key) else {
                throw StockError.invalidRequest("Adobe Stock license references are numbered (from Member/Profile's cce_agency); \"\(key)\" is not a reference id")
            }
            out.append((id, v))
        }
        return out.sorted { $0.id < $1.id }
    }

    /// `GET /Rest/Libraries/1/Member/LicenseHistory?search_parameters[limit]=&search_parameters[offset]=[&all=true]`
    /// (the parameter names of Adobe's License History reference; `limit` at most 100).
    public static func licenseHistory(offset: Int, limit: Int, all: Bool, locale: String = "en_US") -> HTTPRequest {
        var q = [QueryItem("search_parameters[limit]", String(min(max(limit, 1), maxHistoryLimit))),
                 QueryItem("search_parameters[offset]", String(max(offset, 0))), QueryItem("locale", locale)]
        if all { q.append(QueryItem("all", "true")) }
        return HTTPRequest(.get, licenseHistoryPath, query: q, access: .user)
    }

    /// `GET /Rest/Media/1/Files?ids=…` with `availabilityColumns`: ids missing from the answer
    /// are no longer offered (seed 001's availability check).
    public static func availability(_ ids: [AssetID]) -> HTTPRequest {
        precondition(ids.count <= maxIDsPerCall, "the Files API takes at most 110 ids per call")
        let q = [QueryItem("ids", ids.map(\.description).joined(separator: ","))] + availabilityColumns.map { QueryItem("result_columns[]", $0) }
        return HTTPRequest(.get, filesPath, query: q, access: .application)
    }

    /// The download URL Adobe's license answer gave (`purchase_details.url`), with the token
    /// added as a query parameter as Adobe's SDKs add it (encoded, after `&` when the URL already
    /// has a query) and `format=jpeg|png` for a vector. Nil when the URL does not point at Adobe
    /// (or the configured service): the token is never sent anywhere else.
    public static func downloadURL(given: String, base: URL, token: String, format: String?) -> URL? {
        guard let url = URL(string: given), let host = url.host?.lowercased(), trusted(url, host: host, base: base),
              var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        var kept = (parts.percentEncodedQueryItems ?? []).filter { $0.name != "token" && $0.name != "format" }
        kept.append(URLQueryItem(name: "token", value: escape(token)))
        if let format { kept.append(URLQueryItem(name: "format", value: escape(format))) }
        parts.percentEncodedQueryItems = kept
        return parts.url
    }

    /// Percent-encodes all but RFC 3986's unreserved characters (a token may hold `+` or `/`).
    static func escape(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The comp URL Adobe gave (`comp_url`) with the token added, if it points at Adobe (or at the
    /// configured service); else `{base}/Rest/Libraries/Watermarked/Download/{id}/2`. The token is
    /// never sent to a host Adobe's answer names unless it is Adobe's own.
    public static func compURL(given: String?, base: URL, contentID: AssetID, token: String) -> URL? {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let tokenItem = "token=" + (token.addingPercentEncoding(withAllowedCharacters: unreserved) ?? token)
        if let given, let url = URL(string: given), let host = url.host?.lowercased(), trusted(url, host: host, base: base),
           var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) {
            parts.queryItems = (parts.queryItems ?? []).filter { $0.name != "token" }
            let kept = parts.percentEncodedQuery.map { $0.isEmpty ? "" : $0 + "&" } ?? ""
            parts.percentEncodedQuery = kept + tokenItem
            return parts.url
        }
        return URL(string: HTTPRequest(.get, "/Rest/Libraries/Watermarked/Download/\(contentID)/2", query: [QueryItem("token", token)]).url(base: base))
    }

    private static func trusted(_ url: URL, host: String, base: URL) -> Bool {
        if host == base.host?.lowercased() && url.port == base.port && url.scheme == base.scheme { return true }
        let adobe = host == "adobe.com" || host.hasSuffix(".adobe.com") || host == "adobe.io" || host.hasSuffix(".adobe.io")
            || host == "adobestock.com" || host.hasSuffix(".adobestock.com")
        return adobe && url.scheme == "https"
    }
}
