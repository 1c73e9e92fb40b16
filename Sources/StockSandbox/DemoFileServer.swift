import Foundation
import Hummingbird
import Logging
import NIOCore

/// A file server on 127.0.0.1 for the demo catalog's downloads, so that they go over the same
/// HTTP path (`Downloader`: redirects, `Range`, expiry, partial files) as a service's, not a
/// local copy.
///
/// It serves only the emulators' generated files (`SandboxFiles`): `GET /_files/{key}/{name}`
/// behind a signed URL that expires, with `Range` support; a file's bytes are a function of its
/// key, so a download interrupted in one run resumes in the next. An expired or forged URL
/// answers 403 with an S3-like XML body.
///
/// ```swift
/// let files = try await DemoFileServer.start()
/// let url = files.link(key: "demo-18742-2", name: "Baikal.jpg", size: 3_400_000, ttl: 900)
/// // … Downloader().download(…) { DownloadLink(url: url) } …
/// await files.stop()
/// ```
public final class DemoFileServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public let baseURL: URL
    /// The largest file it generates; larger sizes are capped to this.
    public static let maxSize: Int64 = SandboxFiles.maxSize

    private let files: SandboxFiles
    private let task: Task<Void, any Error>

    private init(port: Int, files: SandboxFiles, task: Task<Void, any Error>) {
        self.port = port; self.files = files; self.task = task
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Starts listening on 127.0.0.1 at `port` (0: a free one) and returns once it listens.
    /// `seed` makes the URL signatures (not the files' bytes) repeatable.
    public static func start(port: Int = 0, seed: UInt64 = UInt64.random(in: 1...UInt64.max),
                             logger: Logger? = nil) async throws -> DemoFileServer {
        guard (0...65535).contains(port) else { throw SandboxError.invalidOption("port must be between 0 and 65535, got \(port)") }
        let origin = Locked("http://127.0.0.1")
        let files = SandboxFiles(seed: seed) { origin.withLock { $0 } }
        let router = Router(context: SandboxContext.self)
        files.register(on: router)

        let (bound, task) = try await LoopbackListener.start(
            router: router, port: port,
            logger: logger ?? Logger(label: "stockterm.demo-files", factory: { _ in SwiftLogNoOpLogHandler() }),
            what: "the file server")
        origin.withLock { $0 = "http://127.0.0.1:\(bound)" }
        return DemoFileServer(port: bound, files: files, task: task)
    }

    /// A signed URL to the generated file `key`, offered as `name`, of `size` bytes (at most
    /// `maxSize`), that works for `ttl` seconds from now.
    public func link(key: String, name: String, size: Int64, ttl: TimeInterval) -> URL {
        let text = files.signedURL(key: key, name: name, size: size, ttl: ttl)
        // signedURL percent-encodes every part, so this always parses.
        return URL(string: text) ?? baseURL
    }

    /// How many times the file `key` was fetched with a GET.
    public func fetchCount(key: String) -> Int { files.fetchCount(key: key) }

    /// The bytes of file `key` from `start`, `count` of them: what a download must have written.
    public static func bytes(key: String, from start: Int64 = 0, count: Int) -> [UInt8] {
        SandboxFiles.bytes(key: key, from: start, count: count)
    }

    /// Stops listening and waits until the server is down.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}
