import Foundation

/// Removes secrets from anything that could reach a log, an error message or the screen.
///
/// Three nets: header values whose names carry credentials, query values whose names do, and
/// every known secret string wherever it appears (a server may echo a token in an error body).
public struct Redactor: Sendable, Hashable {
    /// What a secret is replaced with.
    public static let mask = "‹redacted›"
    /// Header names whose values are always secret (compared without case).
    public static let secretHeaders: Set<String> = [
        "authorization", "x-api-key", "x-amz-security-token", "cookie", "set-cookie", "proxy-authorization",
    ]
    /// Query and form names whose values are always secret.
    public static let secretQueryNames: Set<String> = [
        "token", "access_token", "refresh_token", "api_key", "apikey", "client_secret", "password",
        "x-amz-security-token", "x-amz-signature", "signature", "sig",
    ]

    /// Known secret values (keys, tokens). Short strings are ignored: masking "a" would mangle text.
    public private(set) var secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { $0.count >= 6 }.sorted { $0.count > $1.count }
    }

    /// The same redactor that also knows `more`.
    public func adding(_ more: [String]) -> Redactor { Redactor(secrets: secrets + more) }

    /// `text` with every known secret masked.
    public func redact(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: Self.mask)
        }
        return out
    }

    /// A header line as it may be logged.
    public func redact(header: HTTPHeader) -> String {
        let value = Self.secretHeaders.contains(header.name.lowercased()) ? Self.mask : redact(header.value)
        return "\(header.name): \(value)"
    }

    /// A URL as it may be logged: secret query values masked, known secrets masked anywhere.
    public func redact(url: String) -> String {
        guard let q = url.firstIndex(of: "?") else { return redact(url) }
        let head = url[..<q]
        let pairs = url[url.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let eq = pair.firstIndex(of: "=") else { return String(pair) }
            let name = String(pair[..<eq]).removingPercentEncoding ?? String(pair[..<eq])
            return Self.secretQueryNames.contains(name.lowercased()) ? "\(pair[..<eq])=\(Self.mask)" : String(pair)
        }
        return redact(String(head) + "?" + pairs.joined(separator: "&"))
    }
}
