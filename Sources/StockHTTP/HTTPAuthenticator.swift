import Foundation

/// Adds a service's credentials to each request, and renews them once after a 401.
///
/// The transport calls `authorize` before every attempt (so a token renewed between attempts is
/// used at once) and `renewAfterUnauthorized` at most once per request, so that a server that
/// keeps answering 401 can never make the client loop.
public protocol HTTPAuthenticator: Sendable {
    /// Puts credentials on the request: headers, or query items for services that want them there.
    func authorize(_ request: inout HTTPRequest) async throws
    /// After a 401 to `request` (as sent, credentials included): gets new credentials if it can.
    /// True when the request should be sent once more.
    func renewAfterUnauthorized(_ request: HTTPRequest, _ response: HTTPResponse) async throws -> Bool
    /// Every secret it holds or has obtained, for the transport's redactor.
    func secrets() async -> [String]
}

/// No credentials (the sandbox's open endpoints, downloads of pre-signed URLs).
public struct NoAuthentication: HTTPAuthenticator {
    public init() {}
    public func authorize(_ request: inout HTTPRequest) async throws {}
    public func renewAfterUnauthorized(_ request: HTTPRequest, _ response: HTTPResponse) async throws -> Bool { false }
    public func secrets() async -> [String] { [] }
}

/// Fixed headers on every call, plus a Bearer token from `userToken` on calls that need the
/// user (`Access.user`). Stocksy: `x-api-key`. Adobe: `x-api-key` and `x-product` on every call,
/// `Authorization: Bearer` on profile and licensing calls.
public struct HeaderAuthentication: HTTPAuthenticator {
    public let headers: [HTTPHeader]
    public let userToken: (any BearerTokenSource)?
    /// Send the Bearer token on every call, not only on `Access.user` ones (StockFlow).
    public let bearerOnEveryCall: Bool

    /// - Parameters:
    ///   - headers: sent on every request, e.g. `x-api-key`.
    ///   - userToken: where Bearer tokens come from; nil when the service needs none.
    ///   - bearerOnEveryCall: true when every call needs the token, not only `Access.user` calls.
    public init(headers: [HTTPHeader], userToken: (any BearerTokenSource)? = nil, bearerOnEveryCall: Bool = false) {
        self.headers = headers; self.userToken = userToken; self.bearerOnEveryCall = bearerOnEveryCall
    }

    public func authorize(_ request: inout HTTPRequest) async throws {
        for h in headers { request.setHeader(h.name, h.value) }
        if request.access == .user || bearerOnEveryCall, let userToken {
            request.setHeader("Authorization", "Bearer " + (try await userToken.currentToken()))
        }
    }

    public func renewAfterUnauthorized(_ request: HTTPRequest, _ response: HTTPResponse) async throws -> Bool {
        guard let userToken, let sent = request.header("Authorization") else { return false }
        return try await userToken.renew(rejected: String(sent.dropFirst("Bearer ".count)))
    }

    public func secrets() async -> [String] {
        var out = headers.filter { Redactor.secretHeaders.contains($0.name.lowercased()) }.map(\.value)
        if let userToken { out += await userToken.secrets() }
        return out
    }
}

/// Bearer tokens for `Access.user` calls.
public protocol BearerTokenSource: Sendable {
    /// A token valid now (renewed first if it is about to expire).
    func currentToken() async throws -> String
    /// Gets a new token after the server refused `rejected`. True when a token other than the
    /// rejected one is now current (another task may have renewed it already); false when it cannot.
    func renew(rejected: String) async throws -> Bool
    func secrets() async -> [String]
}

/// A fixed token from configuration (e.g. an Adobe access token from a key file). It cannot renew.
public struct StaticBearerToken: BearerTokenSource {
    public let token: String
    public init(_ token: String) { self.token = token }
    public func currentToken() async throws -> String { token }
    public func renew(rejected: String) async throws -> Bool { false }
    public func secrets() async -> [String] { [token] }
}
