import Foundation
import StockAssets
import StockCatalog
import StockCore
import StockHTTP
import StockProviders
import StockSandbox
import Testing

/// Every client of `StockProviders` against its emulator in `StockSandbox`, over real HTTP on
/// 127.0.0.1. Serialized: the rate-limit tests measure time, and two cores are all there is.
@Suite(.serialized) struct ServiceIntegration {}

/// The demo catalog, indexed once per test process into a private cache folder; every emulator
/// of the process serves it, and the tests read it as the ground truth.
enum DemoCatalog {
    static let shared: LocalCatalog = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-integration-tests-\(getpid())")
        return try! LocalCatalog.open(source: StockAssets.demoCatalogURL, cacheDirectory: cache).0
    }()

    static func asset(_ id: AssetID) throws -> Asset { try shared.asset(id: id) }
}

/// Starts an emulator on an ephemeral port, runs `body`, and always stops it.
func withSandbox<T>(_ options: SandboxOptions, _ body: (SandboxServer) async throws -> T) async throws -> T {
    let server = try await SandboxServer.start(catalog: DemoCatalog.shared, options: options)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// The waits a transport asked for. `realTime` caps how long each wait really lasts: the 429 tests
/// wait the full `Retry-After` (the emulator's window must pass); fault retries need not.
final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [Duration] = []
    let realTime: Duration

    init(realTime: Duration = .seconds(2)) { self.realTime = realTime }

    var all: [Duration] { lock.withLock { asked } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] wait in
            lock.withLock { asked.append(wait) }
            try await Task.sleep(for: min(wait, realTime))
        }
    }
}

/// A clock the test moves: real time plus an offset.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    func advance(_ seconds: TimeInterval) { lock.withLock { offset += seconds } }
    var now: @Sendable () -> Date { { [self] in Date().addingTimeInterval(lock.withLock { offset }) } }
}

/// Quick retries for fault tests: the emulator does not care how long a client waits after a 502.
let quickRetry = RetryPolicy(maxRetries: 6, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200), maxTotalWait: .seconds(5))

extension SandboxStats {
    /// The requests of one route (`"GET /v2/clips"`), oldest first.
    func requests(_ route: String) -> [SandboxRequestRecord] { requests.filter { $0.route == route } }
}

extension SandboxRequestRecord {
    /// Every value of query parameter `name`, in order.
    func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

    /// The JSON body as an object.
    func jsonBody() throws -> [String: Any] {
        let text = try #require(body, "no JSON body recorded for \(method) \(path)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// Expects `body` to throw a `StockError`, and returns it.
func stockError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async -> StockError? {
    do {
        try await body()
        Issue.record("expected a StockError, got success", sourceLocation: sourceLocation)
        return nil
    } catch let error as StockError {
        return error
    } catch {
        Issue.record("expected a StockError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A query parsed by the project's own parser.
func query(_ text: String) throws -> QueryNode? { try QueryParser.parse(text) }

/// Pages through a search with `pageSize` until the service's total is covered (or a short page).
func pageThrough(_ provider: any StockProvider, _ request: SearchRequest, maxPages: Int = 20) async throws -> (ids: [AssetID], totals: [Int]) {
    var ids: [AssetID] = [], totals: [Int] = []
    var r = request
    for page in 1...maxPages {
        r.page = page
        let result = try await provider.search(r)
        ids += result.items.map(\.id)
        totals.append(result.total)
        if result.items.count < r.pageSize || ids.count >= result.total { break }
    }
    return (ids, totals)
}
