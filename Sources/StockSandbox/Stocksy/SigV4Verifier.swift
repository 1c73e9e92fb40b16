import Crypto
import Foundation

/// Checks AWS Signature Version 4 (`AWS4-HMAC-SHA256`) on a request, as API Gateway does for
/// Stocksy's endpoints, with the sandbox's own implementation of the algorithm:
/// canonical request → string to sign → signing key (HMAC chain over date, region, service,
/// `aws4_request`) → signature. Messages are API Gateway's.
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
            let values = request.headers.filter { $0.name == name }.map(\.value)
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
        guard expected == signature.lowercased() else { throw .signatureMismatch }
        return credentials
    }

    static func canonicalRequest(_ request: SignedRequest, signedHeaders: [String], header: (String) -> String?) -> String {
        let headerLines: [String] = signedHeaders.map { name -> String in
            let value = (header(name) ?? "").trimmingCharacters(in: .whitespaces)
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            return "\(name):\(value)\n"
        }
        let headerBlock: String = headerLines.joined(separator: "")
        let payloadHash = header("x-amz-content-sha256") ?? hex(SHA256.hash(data: request.body))
        let parts: [String] = [request.method, canonicalURI(request.rawPath), canonicalQuery(request.rawQuery), headerBlock,
                               signedHeaders.joined(separator: ";"), payloadHash]
        return parts.joined(separator: "\n")
    }

    /// The path as received, URI-encoded once more (every service but S3 encodes it twice).
    static func canonicalURI(_ rawPath: String) -> String {
        rawPath.isEmpty ? "/" : uriEncode(rawPath, keepSlash: true)
    }

    /// Pairs decoded, re-encoded with RFC 3986's unreserved set, sorted by name then value.
    static func canonicalQuery(_ rawQuery: String?) -> String {
        QueryItems(parsing: rawQuery, plusIsSpace: false).items
            .map { (uriEncode($0.name), uriEncode($0.value)) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    static func uriEncode(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out += "/"
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
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
