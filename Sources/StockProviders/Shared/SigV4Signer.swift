import Crypto
import Foundation
import StockHTTP

/// Temporary AWS credentials, as Stocksy's login hands them out (`Credentials` schema).
public struct AWSCredentials: Sendable, Hashable {
    public var accessKeyID: String
    public var secretKey: String
    /// Sent as `x-amz-security-token` and signed.
    public var sessionToken: String?
    /// When the credentials stop working.
    public var expiration: Date?

    public init(accessKeyID: String, secretKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID; self.secretKey = secretKey
        self.sessionToken = sessionToken; self.expiration = expiration
    }
}

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`), as API Gateway (`execute-api`) checks it.
///
/// Signs every header the request holds when signed (the transport's own `User-Agent` and
/// `Accept` come later and stay unsigned), plus `host`, `x-amz-date` and, with temporary
/// credentials, `x-amz-security-token`. The canonical query encodes names and values exactly as
/// `HTTPRequest.url(base:)` puts them on the wire (RFC 3986 unreserved characters stay), sorted by
/// name then value. Path segments are encoded once, as in AWS's published test suite (the paths
/// the clients use need no escaping, so single and double encoding agree).
///
/// ```swift
/// var request = HTTPRequest(.get, "/users")
/// SigV4Signer().sign(&request, baseURL: URL(string: "https://api.stocksy.com")!, credentials: creds, date: Date())
/// request.header("Authorization")  // "AWS4-HMAC-SHA256 Credential=…/20240101/us-east-1/execute-api/aws4_request, …"
/// ```
public struct SigV4Signer: Sendable, Hashable {
    public var region: String
    public var service: String

    public init(region: String = "us-east-1", service: String = "execute-api") {
        self.region = region; self.service = service
    }

    /// Adds `x-amz-date`, `x-amz-security-token` (when the credentials have a session token) and
    /// `Authorization` to `request`, bound for `baseURL`.
    public func sign(_ request: inout HTTPRequest, baseURL: URL, credentials: AWSCredentials, date: Date) {
        let (amzDate, day) = Self.timestamps(date)
        request.setHeader("X-Amz-Date", amzDate)
        if let token = credentials.sessionToken { request.setHeader("X-Amz-Security-Token", token) }
        let (canonical, signedHeaders) = canonicalRequest(request, baseURL: baseURL)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let toSign = stringToSign(canonicalRequest: canonical, amzDate: amzDate, scope: scope)
        let signature = self.signature(of: toSign, secret: credentials.secretKey, day: day)
        request.setHeader("Authorization",
                          "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)")
    }

    /// The canonical request and the signed header list.
    public func canonicalRequest(_ request: HTTPRequest, baseURL: URL) -> (String, String) {
        var headers: [(String, String)] = [("host", Self.host(baseURL))]
        for h in request.headers where h.name.lowercased() != "authorization" && h.name.lowercased() != "host" {
            headers.append((h.name.lowercased(), Self.trimmed(h.value)))
        }
        // Same name twice: one line, values joined by commas in the order given.
        var merged: [String: [String]] = [:]
        for (name, value) in headers { merged[name, default: []].append(value) }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")

        var basePath = baseURL.path
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let path = basePath + request.path
        let canonicalURI = path.isEmpty ? "/" : path.split(separator: "/", omittingEmptySubsequences: false)
            .map { Self.encode(String($0)) }.joined(separator: "/")
        // Encoded pairs are ASCII, so String order is byte order, as AWS asks.
        var pairs: [(name: String, value: String)] = request.query.map { (Self.encode($0.name), Self.encode($0.value)) }
        pairs.sort { (a, b) -> Bool in a.name != b.name ? a.name < b.name : a.value < b.value }
        let canonicalQuery = pairs.map { (p) -> String in p.name + "=" + p.value }.joined(separator: "&")
        let payloadHash = Self.hex(SHA256.hash(data: request.body ?? Data()))
        let canonical = [request.method.rawValue, canonicalURI, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash]
            .joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    /// `AWS4-HMAC-SHA256`, the time, the scope and the canonical request's hash, one per line.
    public func stringToSign(canonicalRequest: String, amzDate: String, scope: String) -> String {
        ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8)))].joined(separator: "\n")
    }

    /// The hex HMAC-SHA256 of the string to sign under the day's signing key.
    public func signature(of stringToSign: String, secret: String, day: String) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(secret: secret, day: day)))
    }

    /// HMAC chain: "AWS4" + secret → day → region → service → "aws4_request".
    func signingKey(secret: String, day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + secret).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// `20150830T123600Z` and `20150830`, in UTC.
    static func timestamps(_ date: Date) -> (String, String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let day = String(c.year ?? 1970) + two(c.month) + two(c.day)
        return (day + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z", day)
    }

    /// The `Host` header AsyncHTTPClient sends: the host, and the port unless it is the scheme's default.
    static func host(_ url: URL) -> String {
        let host = url.host ?? ""
        guard let port = url.port else { return host }
        let defaultPort = url.scheme?.lowercased() == "https" ? 443 : 80
        return port == defaultPort ? host : "\(host):\(port)"
    }

    /// Leading and trailing spaces removed, runs of spaces made one (AWS's `Trimall`).
    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// RFC 3986 encoding with upper-case hex: everything but unreserved characters.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
