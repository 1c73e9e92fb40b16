import Foundation
import StockCore
import Testing
@testable import StockSandbox

/// `GET /purchases` answering `Range: items=a-b` each way `SandboxOptions.stocksyPurchaseRanges` says.
@Suite struct StocksyRangeAnswerTests {
    typealias L = StocksyLicensingTests

    @Test(arguments: StocksyRangeAnswer.allCases)
    func eachWayOfAnsweringARange(_ mode: StocksyRangeAnswer) async throws {
        let photos = Array(StocksyShelf.usdPhotos.prefix(6))
        var options = L.options
        options.stocksyPurchaseRanges = mode
        try await StocksyTests.withStocksy(options) { s in
            var ids: [Int] = []
            for asset in photos {
                let r = try await s.send("POST", "/purchases", body: L.body(asset.id.rawValue, [StocksyShelf.small(asset).productTypeId]))
                ids.append(try #require((try r.object()["purchase"] as? [String: Any])?["id"] as? Int))
            }
            let newest = Array(ids.reversed())
            func page(_ range: String) async throws -> (WireResponse, [Int]) {
                let r = try await s.send("GET", "/purchases", headers: [("Range", range)])
                let list = r.status == 416 ? [] : try r.array()
                return (r, list.compactMap { ($0 as? [String: Any])?["id"] as? Int })
            }
            let (middle, middleIDs) = try await page("items=2-3")
            let (past, pastIDs) = try await page("items=6-9")
            switch mode {
            case .partialContent, .okWithContentRange:
                #expect(middle.status == (mode == .partialContent ? 206 : 200))
                #expect(middle.headers["Content-Range"].first == "items 2-3/6")
                #expect(middleIDs == Array(newest[2...3]))
                #expect(past.status == 416 && past.headers["Content-Range"].first == "items */6")
            case .okWithoutContentRange:
                #expect(middle.status == 200 && middle.headers["Content-Range"].isEmpty)
                #expect(middleIDs == Array(newest[2...3]))
                #expect(past.status == 200 && pastIDs.isEmpty && past.headers["Content-Range"].isEmpty)
            case .ignored:
                #expect(middle.status == 200 && middle.headers["Content-Range"].isEmpty)
                #expect(middleIDs == newest && pastIDs == newest)
            }
        }
    }
}
