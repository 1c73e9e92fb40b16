import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import StockCore

/// Downloads licensed files (and comps) to disk: the one HTTP path for every service's files and
/// for the demo catalog's (`DemoFileServer`).
///
/// For each `download`:
/// - asks for a fresh link right before the first request (signed links expire: StockFlow's
///   after 15 minutes), and once more when the file server says the link has expired (403, 410,
///   or an S3-like `<Error>` body saying "Request has expired" or `AccessDenied`); a second expiry
///   is an error saying so;
/// - follows up to `maxRedirects` redirects itself, to any host, and never sends credentials of
///   the API: the link is the whole authority (Adobe's token is in its query);
/// - streams the body into `<name>.<id>.part` in the target directory, never holding the file in
///   memory; a part left by an interrupted attempt (this one or an earlier run) is resumed with
///   `Range: bytes=N-` (206 with a matching `Content-Range` is appended; a 200 starts over; a 416
///   whose total is the part's size means it was already whole);
/// - checks the size against `Content-Length` or the `Content-Range` total, flushes to disk, and
///   links the part to the first free name of `name.ext`, `name (1).ext`, …, never replacing a file;
/// - retries a broken connection, a 5xx or a 429 up to `connectionRetries` times with backoff,
///   resuming each time; cancellation stops at once and keeps the part.
///
/// Errors are `StockError`s in words, with the link's secrets redacted.
///
/// ```swift
/// let result = try await Downloader().download(
///     id: product.id, suggestedName: product.fileName ?? product.title ?? "", into: directory,
///     link: { try await licensing.downloadLink(for: product, format: nil) },
///     progress: { p in status(ProgressText.line(p, width: 60)) })
/// print(result.url.path)
/// ```
public final class Downloader: Sendable {
    /// Redirects followed per request.
    public let maxRedirects: Int
    /// Further attempts after a broken connection, a 5xx or a 429 (each resumes the part).
    public let connectionRetries: Int
    /// How long to wait for an answer's head; the body may take as long as it keeps flowing (the
    /// client's read timeout stops a stalled one).
    public let headerTimeout: Duration
    /// The least time between two progress reports (the first and the last are always sent).
    public let progressInterval: Duration
    let client: HTTPClient
    let logger: Logger
    private let sleeper: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - client: an AsyncHTTPClient that does not follow redirects itself
    ///     (`Downloader.sharedClient` by default).
    ///   - sleep: how to wait before a retry (tests record instead of sleeping).
    public init(client: HTTPClient = Downloader.sharedClient, maxRedirects: Int = 5, connectionRetries: Int = 2,
                headerTimeout: Duration = .seconds(30), progressInterval: Duration = .milliseconds(100),
                logger: Logger = Logger(label: "stockterm.download"),
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.client = client; self.maxRedirects = maxRedirects; self.connectionRetries = connectionRetries
        self.headerTimeout = headerTimeout; self.progressInterval = progressInterval
        self.logger = logger; self.sleeper = sleep
    }

    /// The process-wide client downloads use: redirects are left to the downloader (which keeps
    /// `Range` across them and counts them), a stalled body fails after 60 s without data, and a
    /// refused connection fails at once.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        configuration.timeout.read = .seconds(60)
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Downloads the file `id` into `directory` (created if missing) and returns where it is.
    ///
    /// - Parameters:
    ///   - id: a stable identifier of the file (the licensed product's id): it names the partial
    ///     file, so that a later call resumes it.
    ///   - suggestedName: the name the caller prefers (the ledger's file name, or a title); when it
    ///     is empty, the link's `suggestedName`, then the URL's last path component. Always passed
    ///     through `SafeFileName`; its extension, if not an allowed one, comes from the link's
    ///     name or URL. A part left by an earlier call keeps the name it was started with.
    ///   - link: asked right before downloading, and once more if that link has expired.
    ///   - progress: called as bytes arrive (at most every `progressInterval`), and last with
    ///     `received == total`. `received` counts the resumed bytes; it goes back to 0 only when a
    ///     server ignores a resume request and the file starts over.
    /// - Throws: `StockError` (`.network` when the connection kept failing, `.forbidden` when
    ///   the link expired twice, `.server`, `.malformedResponse`, `.storage`), an error `link`
    ///   threw, or `CancellationError`. The part stays for the next call in every case but a
    ///   file larger than announced.
    public func download(id: String, suggestedName: String, into directory: URL,
                         link: @Sendable () async throws -> DownloadLink,
                         progress: @Sendable (DownloadProgress) -> Void) async throws -> DownloadResult {
        try Task.checkCancellation()
        try PartialFile.prepare(directory)
        var current = try await link()
        var linkFetches = 1
        var redactor = Redactor(secrets: current.secrets)
        let tag = PartialFile.tag(for: id)
        let part = PartialFile.existing(tag: tag, in: directory)
            ?? PartialFile(directory: directory, finalName: Self.fileName(suggestedName, current, tag: tag), tag: tag)
        var retries = 0
        var resumed = false
        while true {
            try Task.checkCancellation()
            do {
                let done = try await transfer(current.url, into: part, redactor: redactor, progress: progress)
                resumed = resumed || done.resumed
                let url = try part.finish()
                logger.info("downloaded \(url.lastPathComponent) (\(Format.bytes(done.bytes))\(resumed ? ", resumed" : ""))")
                return DownloadResult(url: url, bytes: done.bytes, resumed: resumed, linkFetches: linkFetches)
            } catch let failure as TransferFailure {
                switch failure {
                case .expired(let reason):
                    guard linkFetches < 2 else {
                        throw StockError.forbidden("the download link expired, and so did a fresh one (\(reason)); try again later")
                    }
                    logger.info("download link expired (\(reason)); asking for a fresh one")
                    current = try await link()
                    linkFetches += 1
                    redactor = redactor.adding(current.secrets)
                case .transient(let reason, let retryAfter, let final):
                    retries += 1
                    guard retries <= connectionRetries else { throw final }
                    let wait = retryAfter.map { Duration.milliseconds(Int64(min($0, 30) * 1000)) }
                        ?? .milliseconds(500 << (retries - 1))
                    logger.warning("download of \(part.finalName) interrupted (\(reason)); resuming in \(HTTPTransport.format(wait))")
                    try await sleeper(wait)
                case .fatal(let error):
                    throw error
                }
            }
        }
    }

    /// The file's safe name: the caller's suggestion, else the link's, else the URL's last path
    /// component, with an allowed extension from any of them.
    static func fileName(_ suggested: String, _ link: DownloadLink, tag: String) -> String {
        let urlName = link.url.lastPathComponent == "/" ? "" : link.url.lastPathComponent
        let candidates = [suggested, link.suggestedName ?? "", urlName]
        let ext = candidates.lazy.compactMap(SafeFileName.allowedExtension(of:)).first
        let base = candidates.first(where: SafeFileName.hasUsableName) ?? ""
        return SafeFileName.make(base, defaultExtension: ext, fallback: "download-\(tag)")
    }
}

/// Why one attempt stopped, and what the loop in `download` does about it.
enum TransferFailure: Error {
    /// The link no longer works: ask for a fresh one (once).
    case expired(String)
    /// Worth another attempt, which resumes; `final` is thrown when no attempt is left.
    case transient(String, retryAfter: Double?, final: StockError)
    case fatal(StockError)
}
