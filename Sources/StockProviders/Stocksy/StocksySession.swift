import Foundation
import StockCore
import StockHTTP

/// Stocksy's temporary IAM credentials: logs in when there are none, again shortly before they
/// expire, and once more after a 401 (or a 403 saying they expired) to a request signed with the
/// current ones. Concurrent callers share one login in flight.
public actor StocksySession {
    public typealias Login = @Sendable () async throws -> AWSCredentials

    private var credentials: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?
    private let login: Login
    private let margin: TimeInterval
    private let now: @Sendable () -> Date
    private var seen: [String] = []
    /// How many logins were made (for tests and the log).
    public private(set) var logins = 0

    /// - Parameters:
    ///   - margin: log in again this long before `Expiration`.
    ///   - login: `POST /login` with the account's email and password.
    public init(margin: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }, login: @escaping Login) {
        self.margin = margin; self.now = now; self.login = login
    }

    /// Credentials valid for at least `margin` more seconds.
    public func current() async throws -> AWSCredentials {
        if let credentials, credentials.expiration.map({ $0.timeIntervalSince(now()) > margin }) ?? true {
            return credentials
        }
        return try await obtain()
    }

    /// The access key id of the credentials in use, if any.
    public func currentAccessKeyID() -> String? { credentials?.accessKeyID }

    /// After the server refused credentials `rejected` (an access key id): logs in again unless
    /// another task already did. True when other credentials are now current.
    public func renew(rejected: String?) async throws -> Bool {
        if let rejected, let credentials, credentials.accessKeyID != rejected { return true }
        // New credentials come from a new login even if the service kept the key id.
        _ = try await obtain()
        return true
    }

    public func secrets() -> [String] { seen }

    private func obtain() async throws -> AWSCredentials {
        if let inFlight { return try await inFlight.value }
        let task = Task<AWSCredentials, any Error> { [login] in try await login() }
        inFlight = task
        defer { inFlight = nil }
        let fresh = try await task.value
        logins += 1
        credentials = fresh
        seen += [fresh.secretKey] + (fresh.sessionToken.map { [$0] } ?? [])
        return fresh
    }
}

/// Stocksy's middleware: `x-api-key` on every call, and an AWS Signature Version 4 over the
/// session's temporary credentials (region us-east-1, service execute-api).
struct StocksyAuthenticator: HTTPAuthenticator {
    let apiKey: String
    let password: String
    let baseURL: URL
    let session: StocksySession
    let signer: SigV4Signer
    let now: @Sendable () -> Date

    func authorize(_ request: inout HTTPRequest) async throws {
        request.setHeader("x-api-key", apiKey)
        let credentials = try await session.current()
        signer.sign(&request, baseURL: baseURL, credentials: credentials, date: now())
    }

    func renewAfterUnauthorized(_ request: HTTPRequest, _ response: HTTPResponse) async throws -> Bool {
        try await session.renew(rejected: Self.accessKeyID(in: request))
    }

    func secrets() async -> [String] { [apiKey, password] + (await session.secrets()) }

    /// The access key id a signed request used: `Credential=<id>/…` of its Authorization header.
    static func accessKeyID(in request: HTTPRequest) -> String? {
        guard let auth = request.header("Authorization"), let r = auth.range(of: "Credential=") else { return nil }
        return auth[r.upperBound...].split(separator: "/").first.map(String.init)
    }
}

/// Trades the account's email, password and API key for credentials at `POST /login`.
struct StocksyLogin: Sendable {
    let transport: HTTPTransport
    let email: String
    let password: String
    let now: @Sendable () -> Date

    /// Credentials without an `Expiration` are trusted for an hour (the usual STS lifetime).
    static let defaultLifetime: TimeInterval = 3600

    func callAsFunction() async throws -> AWSCredentials {
        let request = StocksyRequests.login(email: email, password: password)
        let response = try await transport.send(request)
        guard response.isSuccess else {
            if [400, 401, 403].contains(response.status) {
                let said = StocksyErrors.mapper.complaint(response).text.map { ": \($0)" } ?? ""
                throw StockError.unauthorized("Stocksy login failed\(said). \(StocksyErrors.mapper.unauthorizedHint)")
            }
            throw StocksyErrors.error(for: response, request: request)
        }
        let wire = try WireDecoding.decode(StocksyCredentialsWire.self, from: response.body, what: "Stocksy login answer")
        var expiration = now().addingTimeInterval(Self.defaultLifetime)
        if let text = wire.expiration {
            guard let date = WireDate.parse(text) else {
                throw StockError.malformedResponse("Stocksy login answer: field \"Expiration\" is not a date: \"\(WireText.clean(text, limit: 40))\"")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyID: wire.accessKeyId, secretKey: wire.secretKey,
                              sessionToken: wire.sessionToken, expiration: expiration)
    }
}
