import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A Hummingbird file server on 127.0.0.1 (ephemeral port) whose answers a download test
/// scripts: a file with or without `Range` support, streamed in chunks, that can break the
/// connection or stall after some bytes; redirects; any status with a body. Records every
/// request.
final class FileTestServer: Sendable {
    struct Seen: Sendable {
        var path: String
        var query: String
        /// Header values by lower-case name.
        var headers: [String: String]
    }

    enum Reply: Sendable {
        /// `bytes` as a file: `Range: bytes=N-` answered with 206 (or 416 past the end) when
        /// `honoursRange`; the body breaks off after `dropAfter` bytes of this answer (the
        /// connection closes), or stops sending after `stallAfter` bytes until the client goes.
        case file([UInt8], honoursRange: Bool = true, dropAfter: Int? = nil, stallAfter: Int? = nil)
        case redirect(String, status: Int = 302)
        case status(Int, body: String, headers: [(String, String)] = [])
    }

    typealias Script = @Sendable (_ index: Int, _ request: Seen) -> Reply

    final class Log: Sendable { let seen = Mutex<[Seen]>([]) }

    let port: Int
    private let task: Task<Void, any Error>
    private let log: Log

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var requests: [Seen] { log.seen.withLock { $0 } }
    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    private init(port: Int, task: Task<Void, any Error>, log: Log) { self.port = port; self.task = task; self.log = log }

    static func start(_ script: @escaping Script) async throws -> FileTestServer {
        let log = Log()
        let router = Router()
        router.on("/**", method: .get) { request, _ in answer(request, log, script) }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "file-test-server")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  portSink.yield(channel.localAddress?.port ?? 0)
                                  portSink.finish()
                              }, logger: quiet)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        return FileTestServer(port: port, task: task, log: log)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    struct Broken: Error {}

    private static func answer(_ request: Request, _ log: Log, _ script: Script) -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let seen = Seen(path: request.uri.path, query: request.uri.query ?? "", headers: headers)
        let index = log.seen.withLock { log in log.append(seen); return log.count - 1 }
        switch script(index, seen) {
        case .redirect(let location, let status):
            var fields = HTTPFields()
            fields[.location] = location
            return Response(status: .init(code: status), headers: fields)
        case .status(let status, let body, let extra):
            var fields = HTTPFields()
            for (name, value) in extra { if let n = HTTPFields.Element.Name(name) { fields[n] = value } }
            return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
        case .file(let bytes, let honoursRange, let dropAfter, let stallAfter):
            let size = bytes.count
            var start = 0
            var fields = HTTPFields()
            fields[.acceptRanges] = "bytes"
            var status = HTTPResponse.Status.ok
            if honoursRange, let range = headers["range"], range.hasPrefix("bytes="),
               let from = Int(range.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false).first ?? "") {
                guard from < size else {
                    fields[.contentRange] = "bytes */\(size)"
                    return Response(status: .rangeNotSatisfiable, headers: fields)
                }
                start = from
                status = .partialContent
                fields[.contentRange] = "bytes \(from)-\(size - 1)/\(size)"
            }
            let body = Array(bytes[start...])
            fields[.contentLength] = String(body.count)
            let responseBody = ResponseBody(contentLength: body.count) { writer in
                var sent = 0
                while sent < body.count {
                    if let dropAfter, sent >= dropAfter { throw Broken() }
                    if let stallAfter, sent >= stallAfter {
                        try await Task.sleep(for: .seconds(60))
                        throw Broken()
                    }
                    var n = min(16 << 10, body.count - sent)
                    if let dropAfter { n = min(n, dropAfter - sent) }
                    if let stallAfter { n = min(n, stallAfter - sent) }
                    try await writer.write(ByteBuffer(bytes: body[sent..<(sent + n)]))
                    sent += n
                }
                try await writer.finish(nil)
            }
            return Response(status: status, headers: fields, body: responseBody)
        }
    }
}

/// Runs `body` with a started file server and always stops it.
@discardableResult
func withFileServer<T>(_ script: @escaping FileTestServer.Script, _ body: (FileTestServer) async throws -> T) async throws -> T {
    let server = try await FileTestServer.start(script)
    do {
        let value = try await body(server)
        await server.stop()
        return value
    } catch {
        await server.stop()
        throw error
    }
}

/// Deterministic test bytes.
func testBytes(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed) &+ ($0 >> 8)) }
}

/// A fresh, empty directory under the temporary directory.
func temporaryDirectory(_ label: String = "dl") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Collects progress reports across the Sendable boundary.
final class ProgressLog: Sendable {
    private let items = Mutex<[(received: Int64, total: Int64?)]>([])
    var reports: [(received: Int64, total: Int64?)] { items.withLock { $0 } }
    func add(_ received: Int64, _ total: Int64?) { items.withLock { $0.append((received, total)) } }
}

/// Counts calls across the Sendable boundary.
final class Counter: Sendable {
    private let n = Mutex(0)
    var value: Int { n.withLock { $0 } }
    @discardableResult func next() -> Int { n.withLock { $0 += 1; return $0 } }
}
