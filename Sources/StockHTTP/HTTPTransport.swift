import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import StockCore

/// The one HTTP transport every service client shares (one instance per configured service).
///
/// `send` does, in order, for each attempt: lets the authenticator add credentials, waits for
/// the client-side rate limit (right before sending, so that slots are spaced as sent), sends over AsyncHTTPClient with a timeout, and reads the body up
/// to a cap. Then:
/// - a 401 gets one renewal of the credentials and one more attempt, never more;
/// - 429, 502, 503, 504 and connection errors are retried per `RetryPolicy` when the request is
///   `retryable`, honouring `Retry-After` and a body `retry_after`;
/// - any other answer, success or not, is returned for the client to read its service's envelope.
///
/// Cancelling the calling task cancels the request in flight and any wait. Logs go through
/// `Redactor`: no key, token or signature is ever written.
public final class HTTPTransport: Sendable {
    public let endpoint: ServiceEndpoint
    public let authenticator: any HTTPAuthenticator
    public let rateLimiter: RateLimiter?
    public let retry: RetryPolicy
    /// Per-attempt timeout when the request names none.
    public let timeout: Duration
    /// Bodies larger than this are refused as malformed (a JSON API never needs more).
    public let maxBodyBytes: Int
    private let logger: Logger
    private let client: HTTPClient
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - endpoint: the service's name and base URL.
    ///   - authenticator: adds credentials; `NoAuthentication()` for none.
    ///   - rateLimiter: the client-side limit for this service, shared by all its calls.
    ///   - retry: when to send again.
    ///   - timeout: per attempt.
    ///   - client: the AsyncHTTPClient to use; `HTTPTransport.sharedClient` by default.
    ///   - sleep: how to wait between attempts (tests record instead of sleeping).
    public init(endpoint: ServiceEndpoint, authenticator: any HTTPAuthenticator = NoAuthentication(),
                rateLimiter: RateLimiter? = nil, retry: RetryPolicy = .standard, timeout: Duration = .seconds(20),
                maxBodyBytes: Int = 32 << 20, logger: Logger = Logger(label: "stockterm.http"),
                client: HTTPClient = HTTPTransport.sharedClient,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.endpoint = endpoint; self.authenticator = authenticator; self.rateLimiter = rateLimiter
        self.retry = retry; self.timeout = timeout; self.maxBodyBytes = maxBodyBytes
        self.logger = logger; self.client = client; self.sleeper = sleep
    }

    /// Sends `request` and returns the service's final answer (of any status). Throws
    /// `StockError.network` when no answer came after the retries, `StockError.malformedResponse`
    /// for an oversized body, and `CancellationError` when the task was cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var rng = SystemRandomNumberGenerator()
        var retries = 0
        var waited = Duration.zero
        var renewed = false
        while true {
            try Task.checkCancellation()
            var outgoing = request
            // Credentials first (a login or token exchange may itself take a rate-limited request),
            // then the slot, so that nothing waits between the slot and the send: a slot spent
            // waiting for a login would let the requests queued behind it leave together and
            // arrive closer together than the service's limit.
            try await authenticator.authorize(&outgoing)
            if let rateLimiter { try await rateLimiter.acquire() }
            let redactor = Redactor(secrets: await authenticator.secrets())
            let url = outgoing.url(base: endpoint.baseURL)
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await perform(outgoing, url: url)
            } catch let error as StockError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                let reason = redactor.redact(Self.describe(error))
                retries += 1
                if request.retryable, let wait = retry.delay(beforeRetry: retries, after: nil, waited: waited, jitter: Double.random(in: 0...1, using: &rng)) {
                    logger.warning("\(endpoint.name): \(request.method.rawValue) \(redactor.redact(url: url)) failed (\(reason)); retry \(retries) in \(Self.format(wait))")
                    try await sleeper(wait)
                    waited += wait
                    continue
                }
                throw StockError.network("\(endpoint.name): \(reason)")
            }
            logger.debug("\(endpoint.name): \(request.method.rawValue) \(redactor.redact(url: url)) → \(response.status) in \(Self.format(started.duration(to: .now)))")

            if response.status == 401, !renewed {
                renewed = true
                if try await authenticator.renewAfterUnauthorized(outgoing, response) {
                    logger.info("\(endpoint.name): credentials renewed after 401; sending once more")
                    continue
                }
            }
            if request.retryable, retry.retryableStatuses.contains(response.status) {
                retries += 1
                if let wait = retry.delay(beforeRetry: retries, after: response, waited: waited, jitter: Double.random(in: 0...1, using: &rng)) {
                    logger.warning("\(endpoint.name): \(response.status) for \(redactor.redact(url: url)); retry \(retries) in \(Self.format(wait))")
                    try await sleeper(wait)
                    waited += wait
                    continue
                }
            }
            return response
        }
    }

    /// One attempt over AsyncHTTPClient.
    private func perform(_ request: HTTPRequest, url: String) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for h in request.headers { outgoing.headers.add(name: h.name, value: h.value) }
        if outgoing.headers["User-Agent"].isEmpty { outgoing.headers.add(name: "User-Agent", value: Self.userAgent) }
        if outgoing.headers["Accept"].isEmpty { outgoing.headers.add(name: "Accept", value: "application/json") }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let limit = request.timeout ?? timeout
        let answer = try await client.execute(outgoing, timeout: .nanoseconds(Int64(limit.seconds * 1e9)))
        let bytes: ByteBuffer
        do {
            bytes = try await answer.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw StockError.malformedResponse("\(endpoint.name) sent an answer larger than \(maxBodyBytes >> 20) MB")
        }
        return HTTPResponse(status: Int(answer.status.code),
                            headers: answer.headers.map { HTTPHeader($0.name, $0.value) },
                            body: Data(bytes.readableBytesView))
    }

    /// The process-wide AsyncHTTPClient every transport uses unless told otherwise: the
    /// browser-like defaults of `HTTPClient.shared` (redirects followed), except that a refused
    /// or failed connection fails at once instead of being retried inside the pool until the
    /// request's deadline; the transport's own `RetryPolicy` decides about retries, visibly.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// "stockterm/0.1.0": services ask clients to name themselves.
    public static let userAgent = StocktermVersion.product

    /// Words for a transport error, without the type names AsyncHTTPClient puts in descriptions.
    static func describe(_ error: any Error) -> String {
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .remoteConnectionClosed: return "the server closed the connection"
            case .cancelled: return "cancelled"
            default: return String(describing: e)
            }
        }
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("connection refused") { return "connection refused" }
        if text.contains("connectTimeout") { return "timed out connecting" }
        if let e = error as? IOError { return "connection failed (\(e.description))" }
        return text
    }

    static func format(_ d: Duration) -> String {
        let s = d.seconds
        return s < 1 ? "\(Int((s * 1000).rounded())) ms" : String(Int(s.rounded())) + " s"
    }
}
