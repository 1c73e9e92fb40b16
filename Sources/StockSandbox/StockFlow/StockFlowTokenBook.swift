import Foundation

/// Access and refresh tokens handed out by the token endpoint. Refresh tokens rotate: using one
/// retires it and hands out a new pair. Access tokens stay valid until they expire or are revoked.
struct StockFlowTokenBook: Sendable {
    struct Grant: Sendable {
        var apiKey: String
        var expires: Date
    }

    /// 90 days (seed 000).
    static let refreshLifetime: TimeInterval = 90 * 24 * 3600

    private var access: [String: Grant] = [:]
    private var refresh: [String: Grant] = [:]

    mutating func issue(apiKey: String, accessToken: String, refreshToken: String, lifetime: TimeInterval, now: Date) {
        access[accessToken] = Grant(apiKey: apiKey, expires: now.addingTimeInterval(lifetime))
        refresh[refreshToken] = Grant(apiKey: apiKey, expires: now.addingTimeInterval(Self.refreshLifetime))
    }

    /// The API key behind a live access token.
    func apiKey(forAccess token: String, now: Date) -> String? {
        guard let grant = access[token], grant.expires > now else { return nil }
        return grant.apiKey
    }

    /// Revokes an access or refresh token issued for `apiKey` (RFC 7009); false when there was
    /// none such (which the endpoint does not tell the caller).
    mutating func revoke(_ token: String, apiKey: String) -> Bool {
        if access[token]?.apiKey == apiKey { access[token] = nil; return true }
        if refresh[token]?.apiKey == apiKey { refresh[token] = nil; return true }
        return false
    }

    /// Retires a refresh token and returns its API key; nil when unknown, used or expired.
    mutating func redeem(refresh token: String, now: Date) -> String? {
        guard let grant = refresh.removeValue(forKey: token), grant.expires > now else { return nil }
        return grant.apiKey
    }
}
