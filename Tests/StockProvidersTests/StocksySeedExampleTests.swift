import Foundation
import StockCore
import Testing
@testable import StockProviders

/// Seed 003's purchase, purchase history, download and comp examples (Fixtures/), verbatim and
/// with values where the seed writes a type name ("integer", "string"), through the wire types.
@Suite struct StocksySeedExampleTests {
    static let bought = ISODate.date("2018-05-14T23:06:24Z")!
    static func usd(_ cents: Int64) -> LicenseCost { .money(Money(amount: cents, currency: "USD", decimals: 2)) }

    @Test func thePurchaseAnswerBecomesAReceipt() throws {
        let wire = try WireDecoding.decode(StocksyPurchaseResponseWire.self, from: try fixture("stocksy-purchase-answer.json"), what: "x")
        #expect(wire.status == "success" && wire.completionUrl == nil && wire.category == "purchase")
        let purchase = try #require(wire.purchase)
        #expect(purchase.client == "Tasty Cola Corporation" && purchase.project == "Ad Campaign for North America" && purchase.poNumber == "ABC-123")
        #expect(purchase.amounts?.paymentFromAccount?.money == Money(amount: 3000, currency: "USD", decimals: 2))
        let receipt = try StocksyClient.receipt(purchase, assetID: 12345, path: "purchase")
        #expect(receipt.purchaseID == "1000042")
        #expect(receipt.products == [LicensedProduct(id: "6867571", assetID: 12345, optionID: "2", name: "Medium", type: .deliverable, licensedAt: Self.bought)])
        #expect(receipt.subtotal == Self.usd(3000) && receipt.tax == Self.usd(0) && receipt.total == Self.usd(3000))
        #expect(receipt.date == Self.bought)
    }

    @Test func theSeedsOwnPurchaseAnswerDecodesVerbatim() throws {
        // "id": "integer", amounts of "integer" and "string": read as unknown, never fatal.
        let wire = try WireDecoding.decode(StocksyPurchaseResponseWire.self, from: try fixture("stocksy-purchase-answer-seed.json"), what: "x")
        let purchase = try #require(wire.purchase)
        #expect(purchase.number == nil && purchase.amounts?.total == nil)
        let receipt = try StocksyClient.receipt(purchase, assetID: 12345, path: "purchase")
        #expect(receipt.purchaseID == "purchasedProduct:6867571")
        #expect(receipt.products.map(\.id) == ["6867571"] && receipt.total == nil)
        #expect(receipt.date == Self.bought, "the product's date when the purchase's is a placeholder")
    }

    @Test(arguments: ["stocksy-purchases.json", "stocksy-purchases-seed.json"])
    func thePurchaseHistoryDecodes(_ name: String) throws {
        let list = try WireDecoding.decode(LossyList<StocksyPurchaseWire>.self, from: try fixture(name), what: "x")
        #expect(list.elements.count == 1 && list.skipped.isEmpty)
        let read = StocksyClient.products(of: list.elements[0], path: "purchases[0]", assetID: nil)
        #expect(read.items.map(\.id) == ["6867571"] && read.items[0].assetID == 12345 && read.skipped.isEmpty)
        #expect(list.elements[0].number == (name.hasSuffix("-seed.json") ? nil : 1000042))
    }

    @Test(arguments: ["stocksy-purchase.json", "stocksy-purchase-seed.json"])
    func onePurchaseDecodes(_ name: String) throws {
        let purchase = try WireDecoding.decode(StocksyPurchaseWire.self, from: try fixture(name), what: "x")
        let receipt = try StocksyClient.receipt(purchase, assetID: 12345, path: "")
        #expect(receipt.products.map(\.optionID) == ["2"])
        #expect(receipt.total == (name.hasSuffix("-seed.json") ? nil : Self.usd(3000)))
    }

    @Test func theDownloadAndCompAnswersDecode() throws {
        let download = try WireDecoding.decode(StocksyDownloadWire.self, from: try fixture("stocksy-download.json"), what: "x")
        #expect(download.id?.text == "12345" && download.url == "https://s3.amazonaws.com/files.stocksy.com/logo-bw.png")
        #expect(download.expiryDate.flatMap(WireDate.parse) == ISODate.date("2018-07-19T17:23:05Z"))
        let comp = try WireDecoding.decode(StocksyCompDownloadWire.self, from: try fixture("stocksy-comp-download.json"), what: "x")
        #expect(comp.downloadLink == "https://s3.amazonaws.com/files.stocksy.com/logo-bw.png")
    }

    @Test func thePurchaseRequestIsWrittenAsTheSeedWritesIt() throws {
        let wire = StocksyPurchaseRequestWire(project: "Ad Campaign for North America", client: "Tasty Cola Corporation", poNumber: "ABC-123",
                                              products: [.init(assetId: 123, productTypeIds: [3, 8]), .init(assetId: 456, productTypeIds: [2])])
        let ours = try JSONSerialization.jsonObject(with: JSONEncoder().encode(wire)) as? NSDictionary
        let seeds = try JSONSerialization.jsonObject(with: try fixture("stocksy-purchase-request.json")) as? NSDictionary
        #expect(ours != nil && ours == seeds)
    }
}
