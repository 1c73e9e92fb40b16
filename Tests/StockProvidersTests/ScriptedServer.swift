import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import StockHTTP

/// A request as the scripted server saw it.
struct RecordedRequest: Sendable {
    var method: String
    /// Decoded path, e.g. `/v2/clips/18742`.
    var path: String
    /// The query string as it came over the wire (still percent-encoded).
    var rawQuery: String
    var headers: [(name: String, value: String)]
    var body: Data

    /// Decoded query items in order.
    var query: [QueryItem] {
        rawQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return QueryItem(name, value)
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What the scripted server answers.
struct ScriptedAnswer: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: Data

    init(_ status: Int = 200, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status; self.headers = headers; self.body = body
    }

    static func json(_ status: Int = 200, _ text: String, headers: [(String, String)] = []) -> ScriptedAnswer {
        ScriptedAnswer(status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }
}

/// Everything the server saw, for the test's checks.
actor RequestLog {
    private(set) var requests: [RecordedRequest] = []
    func append(_ r: RecordedRequest) { requests.append(r) }
    var count: Int { requests.count }
}

/// A tiny HTTP server on 127.0.0.1 with an ephemeral port, answering every request with
/// `handler`, for as long as `body` runs.
enum ScriptedServer {
    typealias Handler = @Sendable (RecordedRequest) async -> ScriptedAnswer

    @discardableResult
    static func with<T: Sendable>(_ handler: @escaping Handler,
                                  _ body: @Sendable @escaping (URL, RequestLog) async throws -> T) async throws -> T {
        let log = RequestLog()
        let router = Router()
        let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let buffer = try await request.body.collect(upTo: 4 << 20)
            var headers: [(String, String)] = []
            for field in request.headers { headers.append((field.name.canonicalName, field.value)) }
            let recorded = RecordedRequest(method: request.method.rawValue, path: request.uri.path,
                                           rawQuery: request.uri.query ?? "", headers: headers,
                                           body: Data(buffer.readableBytesView))
            await log.append(recorded)
            let answer = await handler(recorded)
            var fields = HTTPFields()
            for (name, value) in answer.headers { if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) } }
            return Response(status: .init(code: answer.status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        for method in [HTTPTypes.HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("**", method: method, use: respond)
            router.on("/", method: method, use: respond)
        }
        let port = PortBox()
        var logger = Logger(label: "scripted-server")
        logger.logLevel = .critical  // shutting down by cancellation logs errors that mean nothing here
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in await port.set(channel.localAddress?.port ?? 0) },
                              logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []); return nil }
            let p = try await port.wait()
            let result = try await body(URL(string: "http://127.0.0.1:\(p)")!, log)
            group.cancelAll()
            return result
        }
    }
}

private actor PortBox {
    var port: Int?
    func set(_ p: Int) { port = p }
    func wait() async throws -> Int {
        for _ in 0..<500 {
            if let port { return port }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CancellationError()
    }
}

/// A fixture from Tests/StockProvidersTests/Fixtures (copied verbatim from the seeds).
func fixture(_ name: String) throws -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile)
    }
    return try Data(contentsOf: url)
}

func fixtureText(_ name: String) throws -> String { String(decoding: try fixture(name), as: UTF8.self) }
