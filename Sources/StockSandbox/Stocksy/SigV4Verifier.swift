import Crypto
import Foundation

/// Checks AWS Signature Version 4 (`AWS4-HMAC-SHA256`) on a request, as API Gateway does for
/// Stocksy's endpoints, with the sandbox's own implementation of the algorithm:
/// canonical request → string to sign → signing key (HMAC chain over date, region, service,
/// `aws4_request`) → signature. Messages are API Gateway's.
///
/// The canonical request is made from what arrived, as AWS's specification describes it
/// (docs/services.md, "SigV4: the specification, botocore and us"): the path as received,
/// normalised and escaped once more; the query decoded ('+' is a space, escapes in either case,
/// raw characters as they are) and escaped again in upper-case hex, sorted by name then value;
/// each header value trimmed and its runs of white space made one; the SHA-256 of the body
/// actually received. So a request signed in canonical form verifies however its query was
/// written on the wire (`a,b`, `a%2cb` or `a%2Cb`).
struct SigV4Verifier {
    struct Credentials: Sendable {
        var accessKeyID: String
        var secretKey: String
        var sessionToken: String
        var expires: Date
        var userID: Int
    }

    /// What API Gateway answers (all 403 `{"message": ...}`).
    enum Failure: Error, Equatable {
        case missingAuthentication
        case malformed(String)
        case invalidToken
        case expiredToken
        case signatureMismatch
        case signatureExpired(String)
        case wrongScope(String)

        var message: String {
            switch self {
            case .missingAuthentication: "Missing Authentication Token"
            case .malformed(let why): why
            case .invalidToken: "The security token included in the request is invalid."
            case .expiredToken: "The security token included in the request is expired"
            case .signatureMismatch:
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
            case .signatureExpired(let why): why
            case .wrongScope(let why): why
            }
        }
    }

    /// The request as it arrived: raw (still percent-encoded) path and query, header fields
    /// with lower-cased names (the Host header included), and the body.
    struct SignedRequest {
        var method: String
        var rawPath: String
        var rawQuery: String?
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    let region: String
    let service: String
    /// How far `x-amz-date` may be from the server's clock.
    var allowedSkew: TimeInterval = 15 * 60

    func verify(_ request: SignedRequest, now: Date, lookup: (String) -> Credentials?) throws(Failure) -> Credentials {
        func header(_ name: String) -> String? {
            let values = request.headers.filter { $0.name.lowercased() == name }.map { Self.trimAll($0.value) }
            return values.isEmpty ? nil : values.joined(separator: ",")
        }
        guard let authorization = header("authorization") else { throw .missingAuthentication }
        let prefix = "AWS4-HMAC-SHA256 "
        guard authorization.hasPrefix(prefix) else { throw .malformed("Authorization header requires 'AWS4-HMAC-SHA256' as its algorithm.") }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst(prefix.count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let credential = fields["Credential"], let signedHeaderList = fields["SignedHeaders"], let signature = fields["Signature"] else {
            throw .malformed("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.")
        }
        let scope = credential.split(separator: "/").map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request" else {
            throw .malformed("Credential should be of the form AccessKeyId/yyyyMMdd/region/service/aws4_request.")
        }
        guard scope[2] == region else { throw .wrongScope("Credential should be scoped to a valid region. ") }
        guard scope[3] == service else { throw .wrongScope("Credential should be scoped to correct service: '\(service)'. ") }
        guard let amzDate = header("x-amz-date") else {
            throw .malformed("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard let signedAt = Self.parseAmzDate(amzDate) else { throw .malformed("Date must be in ISO-8601 'basic format'. Got '\(amzDate)'.") }
        guard amzDate.hasPrefix(scope[1]) else { throw .wrongScope("Credential should be scoped to the date of X-Amz-Date (\(amzDate.prefix(8))). ") }
        if abs(signedAt.timeIntervalSince(now)) > allowedSkew {
            throw .signatureExpired("Signature expired: \(amzDate) is now earlier than \(Self.amzDate(now.addingTimeInterval(-allowedSkew))) (\(Self.amzDate(now)) - 15 min.)")
        }
        let signedHeaders = signedHeaderList.split(separator: ";").map(String.init)
        guard signedHeaders.contains("host") else { throw .malformed("'Host' must be a signed header.") }
        guard let credentials = lookup(scope[0]) else { throw .invalidToken }
        guard header("x-amz-security-token") == credentials.sessionToken else { throw .invalidToken }
        guard credentials.expires > now else { throw .expiredToken }

        let canonical = Self.canonicalRequest(request, signedHeaders: signedHeaders, header: header)
        let credentialScope: String = "\(scope[1])/\(scope[2])/\(scope[3])/\(scope[4])"
        let canonicalHash: String = Self.hex(SHA256.hash(data: Array(canonical.utf8)))
        let stringToSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(credentialScope)\n\(canonicalHash)"
        let key = Self.signingKey(secret: credentials.secretKey, date: scope[1], region: region, service: service)
        let expected = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        guard Self.constantTimeEqual(expected, signature.lowercased()) else { throw .signatureMismatch }
        return credentials
    }

    /// The canonical request of `request` over `signedHeaders`; `header` gives each header's
    /// value, already trimmed (several fields of one name joined by commas).
    static func canonicalRequest(_ request: SignedRequest, signedHeaders: [String], header: (String) -> String?) -> String {
        let headerBlock: String = signedHeaders.map { "\($0):\(header($0) ?? "")\n" }.joined()
        // The hash of the body that arrived: an `x-amz-content-sha256` header (S3's) is a signed
        // header like any other, never a stand-in for the body.
        let payloadHash = hex(SHA256.hash(data: request.body))
        let parts: [String] = [request.method, canonicalURI(request.rawPath), canonicalQuery(request.rawQuery), headerBlock,
                               signedHeaders.joined(separator: ";"), payloadHash]
        return parts.joined(separator: "\n")
    }

    /// Leading and trailing white space removed, runs of spaces and tabs made one space (`Trimall`).
    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The path as received, without `.`, `..` and empty segments (RFC 3986 §5.2.4, as AWS
    /// normalises for every service but S3), URI-encoded once more: every service but S3
    /// encodes each segment twice, once on the wire and once here.
    static func canonicalURI(_ rawPath: String) -> String {
        var segments: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        let trailing = rawPath.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return "/" + segments.map { uriEncode(Array($0.utf8)) }.joined(separator: "/") + trailing
    }

    /// Pairs decoded byte for byte ('+' is a space, `%hh` in either case), re-encoded with
    /// RFC 3986's unreserved set in upper-case hex, sorted by name then value; a name without
    /// '=' has an empty value.
    static func canonicalQuery(_ rawQuery: String?) -> String {
        guard let rawQuery, !rawQuery.isEmpty else { return "" }
        let pairs: [(String, String)] = rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (uriEncode(percentDecode(parts[0])), uriEncode(parts.count > 1 ? percentDecode(parts[1]) : []))
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// The bytes a query name or value stands for; a '%' without two hex digits stays itself.
    static func percentDecode(_ text: Substring) -> [UInt8] {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " ")); i += 1
            } else if input[i] == UInt8(ascii: "%"), i + 2 < input.count,
                      let high = QueryItems.hexValue(input[i + 1]), let low = QueryItems.hexValue(input[i + 2]) {
                bytes.append(high << 4 | low); i += 3
            } else {
                bytes.append(input[i]); i += 1
            }
        }
        return bytes
    }

    /// Every byte but RFC 3986's unreserved characters as `%HH`.
    static func uriEncode(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Compares two signatures in time that depends only on their length.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    static func signingKey(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// `20180627T005220Z`.
    static func parseAmzDate(_ text: String) -> Date? {
        guard text.count == 16, text.dropFirst(8).first == "T", text.last == "Z" else { return nil }
        let s = Array(text)
        let iso = "\(String(s[0..<4]))-\(String(s[4..<6]))-\(String(s[6..<8]))T\(String(s[9..<11])):\(String(s[11..<13])):\(String(s[13..<15]))Z"
        return ISODateBridge.date(iso)
    }

    static func amzDate(_ date: Date) -> String {
        ISODateBridge.format(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}

import StockCore

/// StockCore's ISO dates, under a name that does not clash in this file.
enum ISODateBridge {
    static func date(_ text: String) -> Date? { ISODate.date(text) }
    static func format(_ date: Date) -> String { ISODate.format(date) }
}
