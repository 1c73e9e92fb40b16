import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StockAssets
import StockCatalog
import StockCore
import Testing
@testable import StockSandbox

/// The demo catalog, indexed once per test process into a private cache folder.
enum TestCatalog {
    static let shared: LocalCatalog = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-sandbox-tests-\(getpid())")
        return try! LocalCatalog.open(source: StockAssets.demoCatalogURL, cacheDirectory: cache).0
    }()

    /// The catalog's own answer, for comparing totals.
    static func total(_ filters: SearchFilters, query: String? = nil) throws -> Int {
        let node = try query.flatMap { try QueryParser.parse($0) }
        return try shared.search(SearchRequest(query: node, filters: filters, pageSize: 1)).total
    }
}

/// A raw HTTP answer.
struct WireResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    /// The body as a JSON object (fails the test when it is not one).
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(body.prefix(200))", sourceLocation: sourceLocation)
    }

    func array() throws -> [Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [Any])
    }
}

/// Plain HTTP against a sandbox: no client of the project, only AsyncHTTPClient as a wire.
enum Wire {
    static func send(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: String? = nil) async throws -> WireResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return WireResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }

    static func form(_ url: String, _ fields: [(String, String)], headers: [(String, String)] = []) async throws -> WireResponse {
        let body = fields.map { "\(percent($0.0))=\(percent($0.1))" }.joined(separator: "&")
        return try await send(url, method: .POST, headers: headers + [("Content-Type", "application/x-www-form-urlencoded")], body: body)
    }

    static func percent(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? s
    }
}

/// Starts a sandbox, runs `body`, and always stops it.
func withSandbox<T>(_ options: SandboxOptions, _ body: (SandboxServer) async throws -> T) async throws -> T {
    let server = try await SandboxServer.start(catalog: TestCatalog.shared, options: options)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// Keys of a JSON object, as a set.
func keys(_ value: Any?) -> Set<String> { Set((value as? [String: Any])?.keys.map { $0 } ?? []) }

/// Keys of a JSON object written in a document.
func documentKeys(_ json: String) -> Set<String> {
    keys(try? JSONSerialization.jsonObject(with: Data(json.utf8)))
}
