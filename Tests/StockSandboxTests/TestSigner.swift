import Crypto
import Foundation

/// A client-side AWS Signature Version 4 signer for the tests, written apart from the sandbox's
/// verifier and checked against botocore's output (`SigV4Tests`), so that one misreading of the
/// algorithm cannot hide in both.
struct TestSigner {
    var accessKey: String
    var secret: String
    var sessionToken: String
    var region = "us-east-1"
    var service = "execute-api"

    /// Headers to add (`x-amz-date`, `x-amz-security-token`, `Authorization`) for a request
    /// that also carries `extraHeaders`, all of which are signed.
    func sign(method: String, host: String, path: String, query: String, extraHeaders: [(String, String)], body: Data = Data(),
              date: Date = Date()) -> [(String, String)] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let amzDate = formatter.string(from: date)
        let day = String(amzDate.prefix(8))
        var headers: [(String, String)] = [("host", host), ("x-amz-date", amzDate), ("x-amz-security-token", sessionToken)]
        headers += extraHeaders.map { ($0.0.lowercased(), $0.1.trimmingCharacters(in: .whitespaces)) }
        headers.sort { $0.0 < $1.0 }
        let signedHeaders = headers.map(\.0).joined(separator: ";")
        let canonicalHeaders = headers.map { "\($0.0):\($0.1)\n" }.joined()
        let pairs = query.isEmpty ? [] : query.split(separator: "&").map { pair -> (String, String) in
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (Self.encode(kv[0]), Self.encode(kv.count > 1 ? kv[1] : ""))
        }
        let canonicalQuery = pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let payload = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        let canonical = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, payload].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let hashed = SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
        let toSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(hashed)"
        func hmac(_ key: Data, _ text: String) -> Data { Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: key))) }
        var key = Data("AWS4\(secret)".utf8)
        for part in [day, region, service, "aws4_request"] { key = hmac(key, part) }
        let signature = hmac(key, toSign).map { String(format: "%02x", $0) }.joined()
        return [("x-amz-date", amzDate), ("x-amz-security-token", sessionToken),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)")]
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? s
    }
}
