import Foundation
import StockCore

/// `POST /v2/downloads/{clip_id}`'s answer. Seed 002 says only that it "returns a signed
/// pre-authenticated URL valid for 15 minutes" and shows no example, so the reader accepts the
/// likely spellings and requires only the URL:
/// - the URL as `url`, `download_url`, `signed_url` or `link` (http or https, absolute);
/// - its expiry as `expires_at` (a timestamp) or `expires_in` (seconds), else 15 minutes;
/// - `file_name` / `filename`, `license_id` / `download_id` / `id`, `redownload` (true when the
///   service did not charge the quota), and the quota left as `download_quota.remaining` or
///   `remaining_quota`.
/// The object may sit under `data`.
enum StockFlowDownloadWire {
    /// The documented lifetime of a signed URL.
    static let documentedLifetime: TimeInterval = 15 * 60

    struct Answer: Hashable, Sendable {
        var url: URL
        var expires: Date
        var fileName: String?
        var licenseID: String?
        /// True when the service says it charged nothing; nil when it does not say.
        var redownload: Bool?
        var remainingQuota: Int?
        /// Query values of the URL that sign it, to be masked in logs.
        var secrets: [String]
    }

    static func answer(_ body: Data, now: Date) throws -> Answer {
        let root = try StockFlowAccountWire.json(body, what: "StockFlow download answer")
        var object = root
        if let data = root["data"], case .object = data { object = data }
        guard case .object = object else { throw StockError.malformedResponse("StockFlow download answer: expected an object") }
        let string = StockFlowAccountWire.string, int = StockFlowAccountWire.int
        guard let text = ["url", "download_url", "signed_url", "link"].lazy.compactMap({ rawString(object[$0]) }).first else {
            throw StockError.malformedResponse("StockFlow download answer: field \"url\" is missing")
        }
        let url = try downloadURL(text)
        var expires = string(object["expires_at"]).flatMap(WireDate.parse)
        if expires == nil, let seconds = int(object["expires_in"]), seconds > 0 { expires = now.addingTimeInterval(TimeInterval(seconds)) }
        var redownload: Bool?
        if case .bool(let b)? = object["redownload"] { redownload = b }
        let quota = int(object["download_quota"]?["remaining"]) ?? int(object["remaining_quota"])
        return Answer(url: url, expires: expires ?? now.addingTimeInterval(documentedLifetime),
                      fileName: string(object["file_name"]) ?? string(object["filename"]),
                      licenseID: string(object["license_id"]) ?? string(object["download_id"]) ?? string(object["id"]),
                      redownload: redownload, remainingQuota: quota, secrets: signatures(url))
    }

    /// The URL exactly as sent (a signature must not be altered), but only an absolute http(s)
    /// URL with a host and nothing a terminal would act on.
    static func downloadURL(_ text: String) throws -> URL {
        guard text == SafeText.sanitize(text), !text.contains(where: \.isWhitespace),
              let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw StockError.malformedResponse("StockFlow download answer: \"url\" is not an http(s) URL")
        }
        return url
    }

    /// The values of the query items that carry a signature or a token.
    static func signatures(_ url: URL) -> [String] {
        let names: Set<String> = ["sig", "signature", "x-amz-signature", "x-amz-security-token", "token", "access_token"]
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return items.filter { names.contains($0.name.lowercased()) }.compactMap(\.value).filter { !$0.isEmpty }
    }

    private static func rawString(_ v: JSONValue?) -> String? {
        guard case .string(let s)? = v, !s.isEmpty else { return nil }
        return s
    }
}
