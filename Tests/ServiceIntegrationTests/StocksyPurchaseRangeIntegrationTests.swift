import Foundation
import StockCore
import StockProviders
import Testing
@testable import StockSandbox

extension ServiceIntegration {
    /// Stocksy's purchase history against the emulator answering `Range: items=a-b` each way it
    /// can (`SandboxOptions.stocksyPurchaseRanges`): the client pages through it all, once each.
    @Suite struct StocksyPurchaseRanges {
        @Test(arguments: StocksyRangeAnswer.allCases)
        func theHistoryPagesRightWhicheverWayTheEmulatorAnswers(_ mode: StocksyRangeAnswer) async throws {
            let photos = Array(StocksyLicensingShelf.usdPhotos.prefix(23))
            try #require(photos.count == 23)
            var options = SandboxOptions(api: .stocksy, rateLimit: 1000)
            options.openingBalance = 100_000_000
            options.stocksyPurchaseRanges = mode
            try await withSandbox(options) { server in
                let client = ServiceIntegration.Stocksy.client(server, perSecond: 100, retry: quickRetry)
                var receipts: [LicenseReceipt] = []
                for asset in photos {
                    let order = LicenseOrder(assetID: asset.id, optionIDs: [String(StocksyLicensingShelf.small(asset).productTypeId)])
                    receipts.append(try await client.license(order, idempotencyKey: "range-\(asset.id)"))
                }
                let expected = receipts.reversed().flatMap(\.products).map(\.id)
                var seen: [String] = []
                var offset = 0
                var last: LicenseHistoryPage?
                for _ in 0..<10 {
                    let page = try await client.licenseHistory(offset: offset, limit: 10)
                    #expect(page.offset == offset && page.skipped.isEmpty)
                    seen += page.items.map(\.id)
                    offset += page.covered
                    last = page
                    if !page.hasMore(limit: 10) { break }
                }
                #expect(seen == expected, "every product once, newest first")
                #expect(last?.total == 23)
                let beyond = try await client.licenseHistory(offset: 23, limit: 10)
                #expect(beyond.items.isEmpty && beyond.total == 23)

                // The oldest purchase is found by walking the history (two chunks of 20).
                let first = try #require(receipts.first)
                let order = LicenseOrder(assetID: first.assetID, optionIDs: first.products.compactMap(\.optionID))
                #expect(try await client.findLicense(for: order, sentAfter: first.date) == first)

                // The emulator answered the way it was asked to.
                let answers = await server.stats().requests("GET /purchases")
                let statuses = Set(answers.map(\.status))
                switch mode {
                case .partialContent: #expect(statuses.isSubset(of: [206, 416]) && statuses.contains(206))
                case .okWithContentRange: #expect(statuses.isSubset(of: [200, 416]) && statuses.contains(200))
                case .okWithoutContentRange, .ignored: #expect(statuses == [200])
                }
            }
        }
    }
}
