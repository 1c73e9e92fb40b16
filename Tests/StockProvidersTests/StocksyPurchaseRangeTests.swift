import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// `GET /purchases` paged with `Range: items=a-b`, against each way a server may answer it.
@Suite(.serialized) struct StocksyPurchaseRangeTests {
    typealias T = StocksyClientTests

    /// How the scripted server answers a Range.
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        /// 206 and `Content-Range: items a-b/N`; 416 past the end.
        case partialContent
        /// 200 and `Content-Range`; 416 past the end.
        case okWithContentRange
        /// 200, the requested items, no `Content-Range` (the seed's own example); `[]` past the end.
        case okWithoutContentRange
        /// 200, the whole list, no `Content-Range` (a server that ignores Range).
        case ignored

        var testDescription: String { rawValue }
    }

    /// `count` purchases, newest first, ids count…1, each with one product `100 + id` of asset `id`.
    static func purchases(_ count: Int) -> [String] {
        (1...count).reversed().map { n in
            #"{"id":\#(n),"creationDate":"2024-01-01T00:00:\#(String(format: "%02d", n % 60)).000Z","products":[{"id":\#(100 + n),"assetId":\#(n),"productTypeId":1,"type":"deliverable","name":"Small"}]}"#
        }
    }

    /// The answer of a server in `mode` to `range` over `all`.
    static func answer(_ all: [String], range: String?, mode: Mode) -> ScriptedAnswer {
        let whole = ScriptedAnswer.json(200, "[" + all.joined(separator: ",") + "]")
        guard mode != .ignored, let range, range.hasPrefix("items=") else { return whole }
        let ends = range.dropFirst("items=".count).split(separator: "-").compactMap { Int($0) }
        let first = ends[0], last = min(ends[1], all.count - 1)
        guard first < all.count else {
            if mode == .okWithoutContentRange { return .json(200, "[]") }
            return .json(416, #"{"status":"error","message":"Range not satisfiable"}"#, headers: [("Content-Range", "items */\(all.count)")])
        }
        let body = "[" + all[first...last].joined(separator: ",") + "]"
        switch mode {
        case .partialContent: return .json(206, body, headers: [("Content-Range", "items \(first)-\(last)/\(all.count)")])
        case .okWithContentRange: return .json(200, body, headers: [("Content-Range", "items \(first)-\(last)/\(all.count)")])
        case .okWithoutContentRange, .ignored: return .json(200, body)
        }
    }

    static func client(_ base: URL) -> StocksyClient {
        StocksyClient(configuration: .init(baseURL: base, apiKey: "stocksy-key-1", email: "me@example.com", password: "pw"),
                      retry: .never, sleep: { _ in })
    }

    @Test(arguments: Mode.allCases)
    func theHistoryPagesRightWhicheverWayTheServerAnswers(_ mode: Mode) async throws {
        let all = Self.purchases(45)
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : Self.answer(all, range: r.header("Range"), mode: mode)
        }) { base, log in
            let client = Self.client(base)
            var ids: [String] = []
            var offset = 0
            var pages = 0
            while true {
                let page = try await client.licenseHistory(offset: offset, limit: 20)
                ids += page.items.map(\.id)
                pages += 1
                offset += page.covered
                if !page.hasMore(limit: 20) {
                    #expect(page.total == 45)
                    break
                }
                try #require(pages < 10, "the history never ends")
            }
            #expect(ids == (1...45).reversed().map { String(100 + $0) })
            let ranges = await log.requests.compactMap { $0.header("Range") }
            #expect(ranges.first == "items=0-19")
        }
    }

    @Test(arguments: Mode.allCases)
    func aChunkExactlyAsLongAsTheHistoryEndsIt(_ mode: Mode) async throws {
        // 20 purchases and chunks of 20: the second chunk must not repeat the first.
        let all = Self.purchases(20)
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : Self.answer(all, range: r.header("Range"), mode: mode)
        }) { base, _ in
            let client = Self.client(base)
            let first = try await client.licenseHistory(offset: 0, limit: 20)
            #expect(first.items.map(\.id) == (1...20).reversed().map { String(100 + $0) })
            let second = try await client.licenseHistory(offset: 20, limit: 20)
            #expect(second.items.isEmpty && second.total == 20)
        }
    }

    @Test(arguments: Mode.allCases)
    func findLicenseWalksTheHistoryWhicheverWayTheServerAnswers(_ mode: Mode) async throws {
        // Asset 3's purchase is the 43rd newest: three chunks of 20 are read to find it.
        let all = (1...45).reversed().map { n in
            #"{"id":\#(n),"creationDate":"2024-01-01T00:\#(String(format: "%02d", n)):00.000Z","products":[{"id":\#(100 + n),"assetId":\#(n),"productTypeId":1,"type":"deliverable","name":"Small","purchaseDate":"2024-01-01T00:\#(String(format: "%02d", n)):00.000Z"}]}"#
        }
        let asset = #"{"id":3,"type":"photo_creative","purchasedProducts":[{"id":103,"assetId":3,"productTypeId":1,"type":"deliverable","name":"Small","purchaseDate":"2024-01-01T00:03:00.000Z"}]}"#
        try await ScriptedServer.with({ r in
            switch r.path {
            case "/login": T.credentials("AKID1")
            case "/assets/3": .json(200, asset)
            default: Self.answer(all, range: r.header("Range"), mode: mode)
            }
        }) { base, _ in
            let sent = try #require(ISODate.date("2024-01-01T00:03:00Z"))
            let receipt = try await Self.client(base).findLicense(for: LicenseOrder(assetID: 3, optionIDs: ["1"]), sentAfter: sent)
            #expect(receipt?.purchaseID == "3")
            #expect(receipt?.products.map(\.id) == ["103"])
        }
    }
}
