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
/// credentials, `x-amz-security-token`. The canonical request is made from the request as it
/// goes on the wire (`HTTPRequest.url(base:)`), as the server makes it from what it receives,
/// following AWS's specification (docs/services.md, "SigV4: the specification, botocore and
/// us"): the path as sent, dot segments and empty segments removed, escaped once more (so a
/// path segment is escaped twice, as for every service but S3); the query decoded ('+' is a
/// space, escapes in either case, `rawQuery` included), each name and value escaped once with
/// RFC 3986's unreserved set in upper-case hex, sorted by name then value, a bare name signed
/// as `name=`.
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
            headers.append((h.name, h.value))
        }
        let (path, query) = Self.requestTarget(request.url(base: baseURL))
        return Self.canonicalRequest(method: request.method.rawValue, wirePath: path, wireQuery: query, headers: headers,
                                     body: request.body ?? Data())
    }

    /// The canonical request of a request as written on the wire: `wirePath` and `wireQuery`
    /// exactly as in the request line, every header in `headers` signed.
    static func canonicalRequest(method: String, wirePath: String, wireQuery: String?, headers: [(String, String)],
                                 body: Data) -> (String, String) {
        // Same name twice: one line, values joined by commas in the order given.
        var merged: [String: [String]] = [:]
        for (name, value) in headers { merged[name.lowercased(), default: []].append(trimmed(value)) }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let payloadHash = hex(SHA256.hash(data: body))
        let canonical = [method, canonicalURI(wirePath: wirePath), canonicalQuery(wireQuery: wireQuery), canonicalHeaders,
                         signedHeaders, payloadHash].joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    /// The path and the query (without `?`) of an absolute URL, as written.
    static func requestTarget(_ url: String) -> (path: String, query: String?) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return ("/", nil) }
        let target = rest[slash...]
        guard let mark = target.firstIndex(of: "?") else { return (String(target), nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    /// The path as sent, normalised (RFC 3986's dot segments and empty segments removed, as
    /// AWS asks for every service but S3) and escaped once more, '/' kept.
    static func canonicalURI(wirePath: String) -> String {
        var segments: [Substring] = []
        for segment in wirePath.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(segment)
        }
        let trailing = wirePath.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return "/" + segments.map { encode(bytes: Array($0.utf8)) }.joined(separator: "/") + trailing
    }

    /// The query as sent, decoded pair by pair and escaped again, sorted by name then value.
    static func canonicalQuery(wireQuery: String?) -> String {
        guard let wireQuery, !wireQuery.isEmpty else { return "" }
        var pairs: [(name: String, value: String)] = []
        for piece in wireQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append((encode(bytes: decode(parts[0])), encode(bytes: parts.count > 1 ? decode(parts[1]) : [])))
        }
        // Escaped pairs are ASCII, so String order is byte order, as AWS asks.
        pairs.sort { (a, b) -> Bool in a.name != b.name ? a.name < b.name : a.value < b.value }
        return pairs.map { (p) -> String in p.name + "=" + p.value }.joined(separator: "&")
    }

    /// The bytes a query name or value stands for: '+' is a space, `%hh` in either case is a
    /// byte, a '%' not followed by two hex digits is itself.
    static func decode(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " ")); i += 1
            } else if input[i] == UInt8(ascii: "%"), i + 2 < input.count, let high = hexDigit(input[i + 1]), let low = hexDigit(input[i + 2]) {
                bytes.append(high << 4 | low); i += 3
            } else {
                bytes.append(input[i]); i += 1
            }
        }
        return bytes
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
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

    /// AWS's `UriEncode`: every byte but RFC 3986's unreserved characters as `%HH`, upper-case hex.
    static func encode(bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0x0F)]))
            }
        }
        return out
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
