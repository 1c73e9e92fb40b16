import Foundation

/// An OAuth 2.0 access token with its refresh token.
public struct OAuthToken: Sendable, Hashable {
    public var accessToken: String
    public var refreshToken: String?
    /// When the access token stops working.
    public var expiresAt: Date
    /// Scopes granted, e.g. `["read"]` or `["read", "admin"]`.
    public var scopes: Set<String>

    public init(accessToken: String, refreshToken: String? = nil, expiresAt: Date, scopes: Set<String> = []) {
        self.accessToken = accessToken; self.refreshToken = refreshToken
        self.expiresAt = expiresAt; self.scopes = scopes
    }
}

/// How to obtain a token: from the long-lived key, or by refreshing.
public enum OAuthGrant: Sendable, Hashable {
    /// Trade the API key for a first token (StockFlow: `grant_type=client_credentials`).
    case clientCredentials
    /// Trade a refresh token for a new pair.
    case refresh(String)
}

/// Bearer tokens that renew themselves (StockFlow: access tokens live 24 hours, refresh tokens
/// 90 days).
///
/// - Before expiry: a token that expires within `margin` is refreshed before it is used.
/// - After a 401: one refresh, shared by every task that saw the same rejected token; the
///   transport asks at most once per request, so a server that keeps refusing cannot cause a loop.
/// - A refresh token the server refuses falls back to the client-credentials grant once.
/// - Concurrent callers wait for a single exchange in flight rather than each starting one.
public actor OAuthSession: BearerTokenSource {
    public typealias Exchange = @Sendable (OAuthGrant) async throws -> OAuthToken

    private var token: OAuthToken?
    private var inFlight: Task<OAuthToken, any Error>?
    private let exchange: Exchange
    private let margin: TimeInterval
    private let now: @Sendable () -> Date
    /// Every token seen, so that the redactor can mask old ones too.
    private var seen: [String] = []
    /// How many exchanges were made (for tests and the log).
    public private(set) var exchanges = 0

    /// - Parameters:
    ///   - token: a token kept from an earlier run, if any.
    ///   - margin: refresh this long before expiry.
    ///   - exchange: asks the service's token endpoint for a token.
    ///   - now: the clock (tests pass their own).
    public init(token: OAuthToken? = nil, margin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() },
                exchange: @escaping Exchange) {
        self.token = token; self.margin = margin; self.now = now; self.exchange = exchange
        if let token { seen = [token.accessToken] + (token.refreshToken.map { [$0] } ?? []) }
    }

    /// The current token, obtained or refreshed first when it is missing or about to expire.
    public func current() async throws -> OAuthToken {
        if let token, token.expiresAt.timeIntervalSince(now()) > margin { return token }
        return try await obtain()
    }

    public func currentToken() async throws -> String { try await current().accessToken }

    public func renew(rejected: String) async throws -> Bool {
        if let token, token.accessToken != rejected { return true } // someone renewed it already
        _ = try await obtain()
        return token?.accessToken != rejected
    }

    public func secrets() async -> [String] { seen }

    /// One exchange at a time; everyone waiting shares its result. The state is updated by the
    /// exchange itself, before any waiter resumes, so every waiter sees the new token.
    private func obtain() async throws -> OAuthToken {
        if let inFlight { return try await inFlight.value }
        let task = Task<OAuthToken, any Error> { try await self.exchangeAndStore(previous: self.token) }
        inFlight = task
        return try await task.value
    }

    private func exchangeAndStore(previous: OAuthToken?) async throws -> OAuthToken {
        defer { inFlight = nil }
        var fresh: OAuthToken?
        if let refresh = previous?.refreshToken {
            do { fresh = try await exchange(.refresh(refresh)) } catch let error as CancellationError { throw error } catch {
                // A refresh token past its 90 days, or revoked: start again from the key, once.
            }
        }
        let token: OAuthToken
        if let fresh { token = fresh } else { token = try await exchange(.clientCredentials) }
        exchanges += 1
        self.token = token
        seen.append(token.accessToken)
        if let r = token.refreshToken { seen.append(r) }
        return token
    }
}
