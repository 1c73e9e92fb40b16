import Foundation
import Logging
import StockCore
import Synchronization

/// Fetches thumbnail images by their absolute URLs (a CDN's, or an emulator's) through the same
/// `HTTPTransport` as the API calls (retries on 429 and 5xx, timeouts, cancellation, redacted
/// logs), with no API credentials, under a small concurrency limit of its own so that pictures
/// never hold up a search, and with a byte cap.
///
/// ```swift
/// let fetcher = ThumbnailFetcher()
/// let jpeg = try await fetcher.fetch("https://t4.ftcdn.net/jpg/01/12/67/112670342_240.jpg")
/// ```
public final class ThumbnailFetcher: Sendable {
    /// The most bytes one thumbnail may have.
    public let maxBytes: Int
    private let limit: ConcurrencyLimit
    private let timeout: Duration
    private let retry: RetryPolicy
    private let logger: Logger
    private let transports = Mutex<[String: HTTPTransport]>([:])

    /// One retry after at most a second, and no more than two seconds of waiting: a picture is
    /// looked at now or not at all, the person sees "loading picture…" meanwhile, and a fetch
    /// holds one of the few slots while it waits. (The API's `.standard` waits up to 20 s, which
    /// kept a refused thumbnail host on "loading picture…" for 11 s.)
    public static let retryPolicy = RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(500), maxDelay: .seconds(1),
                                                maxTotalWait: .seconds(2))

    /// - Parameters:
    ///   - maxConcurrent: thumbnails fetched at once (the rest wait their turn).
    ///   - maxBytes: a larger answer is refused.
    ///   - timeout: per attempt.
    ///   - retry: when to ask again (`retryPolicy`).
    public init(maxConcurrent: Int = 2, maxBytes: Int = 8 << 20, timeout: Duration = .seconds(15),
                retry: RetryPolicy = ThumbnailFetcher.retryPolicy,
                logger: Logger = Logger(label: "stockterm.thumbnails")) {
        self.limit = ConcurrencyLimit(maxConcurrent)
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.retry = retry
        self.logger = logger
    }

    /// The bytes at `url` (http or https only). Throws `StockError.invalidRequest` for another
    /// scheme, `.notFound`-like words for 404, `.server` for other failures, `.network` when no
    /// answer came, and `CancellationError` when the caller moved on.
    public func fetch(_ url: String) async throws -> [UInt8] {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty else {
            throw StockError.invalidRequest("not a thumbnail URL: \(SafeText.sanitize(String(url.prefix(80))))")
        }
        var origin = URLComponents()
        origin.scheme = scheme
        origin.host = host
        origin.port = parts.port
        guard let base = origin.url else { throw StockError.invalidRequest("not a thumbnail URL: \(SafeText.sanitize(host))") }
        let transport = transports.withLock { cache -> HTTPTransport in
            let key = base.absoluteString
            if let known = cache[key] { return known }
            let made = HTTPTransport(endpoint: ServiceEndpoint(name: host, baseURL: base), retry: retry,
                                     timeout: timeout, maxBodyBytes: maxBytes, logger: logger)
            cache[key] = made
            return made
        }
        var request = HTTPRequest(.get, parts.path.isEmpty ? "/" : parts.path,
                                  headers: [HTTPHeader("Accept", "image/jpeg, image/png, image/*;q=0.8")], access: .application)
        request.rawQuery = parts.percentEncodedQuery
        let outgoing = request
        let response = try await limit.run { try await transport.send(outgoing) }
        guard response.status == 200 else {
            if response.status == 404 || response.status == 410 {
                throw StockError.server(status: response.status, message: "no thumbnail at \(host)")
            }
            throw StockError.server(status: response.status, message: "the thumbnail could not be fetched from \(host)")
        }
        return [UInt8](response.body)
    }
}
