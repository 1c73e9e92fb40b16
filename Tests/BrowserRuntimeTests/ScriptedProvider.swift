import BrowserModel
import Foundation
import StockCore
import Synchronization

/// A provider whose answers the test releases one by one, so that answers can arrive in any
/// order. It records every request it saw and which ones were cancelled while waiting.
final class ScriptedProvider: StockProvider {
    private struct Waiting {
        var request: SearchRequest
        var continuation: CheckedContinuation<SearchPage, any Error>
    }

    private struct State {
        var waiting: [Int: Waiting] = [:]
        var order: [Int] = []
        var cancelled: [SearchRequest] = []
        var assetCalls: [AssetID] = []
    }

    private let state = Mutex(State())
    let info = ProviderInfo(displayName: "scripted", maxPageSize: 100)
    /// False: a cancelled search keeps waiting and can still be answered late (a server that
    /// answers anyway), to show that the runtime drops what it cancelled.
    let honoursCancellation: Bool

    init(honoursCancellation: Bool = true) { self.honoursCancellation = honoursCancellation }

    /// Queries (printed) of the searches waiting now, in arrival order.
    var waitingQueries: [String] {
        state.withLock { s in s.order.compactMap { s.waiting[$0] }.map { $0.request.query.map(QueryPrinter.print) ?? "" } }
    }

    /// Requests cancelled while they waited.
    var cancelled: [SearchRequest] { state.withLock { $0.cancelled } }

    var assetCalls: [AssetID] { state.withLock { $0.assetCalls } }

    func search(_ request: SearchRequest) async throws -> SearchPage {
        let key = Int.random(in: 0..<Int.max)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                state.withLock { s in
                    s.waiting[key] = Waiting(request: request, continuation: continuation)
                    s.order.append(key)
                }
            }
        } onCancel: {
            let honours = honoursCancellation
            let waiting = state.withLock { s -> Waiting? in
                guard let w = s.waiting[key] else { return nil }
                s.cancelled.append(w.request)
                guard honours else { return nil }
                s.order.removeAll { $0 == key }
                return s.waiting.removeValue(forKey: key)
            }
            waiting?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Answers the waiting search for `query` with `result`; false if none waits.
    @discardableResult
    func answer(_ query: String, with result: Result<SearchPage, any Error>) -> Bool {
        let waiting = state.withLock { s -> Waiting? in
            guard let key = s.order.first(where: { k in s.waiting[k].map { ($0.request.query.map(QueryPrinter.print) ?? "") == query } ?? false })
            else { return nil }
            s.order.removeAll { $0 == key }
            return s.waiting.removeValue(forKey: key)
        }
        guard let waiting else { return false }
        waiting.continuation.resume(with: result)
        return true
    }

    func asset(id: AssetID) async throws -> Asset {
        state.withLock { $0.assetCalls.append(id) }
        guard id.rawValue > 0 else { throw StockError.notFound(id) }
        return RuntimeFixture.asset(id.rawValue, "full \(id.rawValue)")
    }

    func assets(ids: [AssetID]) async throws -> AssetLookup { AssetLookup(assets: [], unavailable: ids) }
    func categories() async throws -> [StockCore.Category] { [] }
    func account() async throws -> Account { Account(name: "test") }
}

enum RuntimeFixture {
    static func asset(_ id: Int64, _ title: String) -> Asset {
        Asset(id: AssetID(id), kind: .photo, title: title, width: 4000, height: 3000,
              created: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// One page holding `titles` as assets with ids from `firstID`.
    static func page(_ titles: [String], firstID: Int64 = 1, total: Int? = nil) -> SearchPage {
        let items = titles.enumerated().map { asset(firstID + Int64($0.offset), $0.element) }
        return SearchPage(items: items, page: 1, pageSize: 60, total: total ?? items.count, totalIsExact: true)
    }
}
