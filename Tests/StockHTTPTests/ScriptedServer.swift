import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A Hummingbird server on 127.0.0.1 with an ephemeral port, whose answers a test scripts, and
/// which records every request it received. Stopped by `stop()` (tests call it in `defer`-style
/// `withServer`).
final class ScriptedServer: Sendable {
    /// What the server saw of one request.
    struct Seen: Sendable {
        var method: String
        var path: String
        var query: String
        /// Header values by lower-case name.
        var headers: [String: String]
        var body: String
    }

    /// One scripted answer.
    struct Answer: Sendable {
        var status: HTTPResponse.Status = .ok
        var headers: [(String, String)] = []
        var body: String = "{}"
        /// Delay before answering.
        var delay: Duration = .zero
        static func json(_ body: String, status: HTTPResponse.Status = .ok, headers: [(String, String)] = []) -> Answer {
            Answer(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
        }
    }

    typealias Script = @Sendable (_ index: Int, _ request: Seen) -> Answer

    /// Every request seen, in order of arrival.
    final class Log: Sendable {
        let seen = Mutex<[Seen]>([])
    }

    let port: Int
    private let task: Task<Void, any Error>
    private let log: Log

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var requests: [Seen] { log.seen.withLock { $0 } }

    private init(port: Int, task: Task<Void, any Error>, log: Log) {
        self.port = port; self.task = task; self.log = log
    }

    /// Starts a server answering every request with `script(n, request)` (n counts from 0).
    static func start(_ script: @escaping Script) async throws -> ScriptedServer {
        let log = Log()
        let router = Router()
        router.on("/**", method: .get) { request, context in try await answer(request, context, log, script) }
        router.on("/**", method: .post) { request, context in try await answer(request, context, log, script) }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "scripted-server")
        quiet.logLevel = .critical
        let app = Application(router: router,
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
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
        return ScriptedServer(port: port, task: task, log: log)
    }

    private static func answer(_ request: Request, _ context: some RequestContext, _ log: Log,
                               _ script: Script) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        /// Header values by lower-case name.
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let seen = Seen(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                        headers: headers, body: String(buffer: body))
        let index = log.seen.withLock { log in log.append(seen); return log.count - 1 }
        let answer = script(index, seen)
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        var fields = HTTPFields()
        for (name, value) in answer.headers { if let n = HTTPFields.Element.Name(name) { fields[n] = value } }
        return Response(status: answer.status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

/// Runs `body` with a started server and always stops it.
func withServer<T>(_ script: @escaping ScriptedServer.Script, _ body: (ScriptedServer) async throws -> T) async throws -> T {
    let server = try await ScriptedServer.start(script)
    do {
        let value = try await body(server)
        await server.stop()
        return value
    } catch {
        await server.stop()
        throw error
    }
}
