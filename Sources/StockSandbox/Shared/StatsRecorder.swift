/// Collects `SandboxStats` as requests come and go. Thread-safe.
final class StatsRecorder: Sendable {
    private let state = Locked(SandboxStats())

    func record(_ record: SandboxRequestRecord) {
        state.withLock { stats in
            stats.requests.append(record)
            stats.requestsPerRoute[record.route, default: 0] += 1
            stats.responsesPerStatus[record.status, default: 0] += 1
            if record.status == 429 { stats.rateLimited += 1 }
            if let fault = record.fault { stats.faults[fault, default: 0] += 1 }
        }
    }

    var snapshot: SandboxStats { state.withLock { $0 } }
}

/// Masks secrets before they are kept in the request log.
enum SecretMask {
    /// Headers the log keeps.
    static let loggedHeaders: Set<String> = [
        "authorization", "x-api-key", "x-product", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256",
        "content-type", "range", "accept", "user-agent", "x-request-id",
    ]
    /// Headers and query parameters whose values are secrets.
    static let secretNames: Set<String> = [
        "authorization", "x-api-key", "x-amz-security-token", "token", "password", "client_secret", "refresh_token",
    ]

    /// `Bearer sf_at_1a2b…` style: the scheme (if any) and the first 6 characters, then `…`.
    /// A sigv4 `Authorization` keeps its Credential scope and SignedHeaders; only the signature goes.
    static func mask(_ value: String) -> String {
        if value.hasPrefix("AWS4-HMAC-SHA256"), let range = value.range(of: "Signature=") {
            return String(value[..<range.upperBound]) + "…"
        }
        var scheme = ""
        var secret = Substring(value)
        if let space = value.firstIndex(of: " "), value[..<space].allSatisfy(\.isLetter) {
            scheme = String(value[...space])
            secret = value[value.index(after: space)...]
        }
        guard secret.count > 6 else { return scheme + "…" }
        return scheme + secret.prefix(6) + "…"
    }
}
