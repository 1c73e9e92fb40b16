import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// A purchase as Stocksy answers it (the seed's `PurchaseRequestResponse` with values where the
/// example writes "integer" and "string").
let stocksyPurchaseAnswer = #"""
{"status":"success","completionUrl":null,"purchase":{"id":1000042,"customerId":6,"customerAgentId":6,
"creationDate":"2018-05-14T23:06:24.000Z","status":"complete","client":"Tasty Cola Corporation","project":"Ad Campaign for North America",
"poNumber":"ABC-123","products":[
{"id":6867571,"assetId":12345,"productTypeId":3,"type":"deliverable","name":"Large","customerId":6,"customerAgentId":6,"purchaseDate":"2018-05-14T23:06:24.000Z","downloadAt":"/downloads/6867571"},
{"id":6867572,"assetId":12345,"productTypeId":8,"type":"license","name":"Products for Resale","customerId":6,"customerAgentId":6,"purchaseDate":"2018-05-14T23:06:24.000Z","downloadAt":"/downloads/6867572"}],
"amounts":{"subtotal":{"amount":32500,"code":"usd","decimals":2},"tax":{"amount":0,"code":"usd","decimals":2},
"total":{"amount":32500,"code":"usd","decimals":2},"paymentFromAccount":{"amount":32500,"code":"usd","decimals":2},
"paymentFromPayin":{"amount":0,"code":"usd","decimals":2}}},"category":"purchase","message":"Purchase complete"}
"""#

@Suite struct StocksyLicensingRequestTests {
    @Test func aPurchaseCarriesTheProductTypesAndTheFilledReferences() throws {
        let order = LicenseOrder(assetID: 12345, optionIDs: ["3", " 8"], references: ["project": " Spring ", "client": "", "poNumber": "ABC-123"])
        let http = try StocksyRequests.purchase(order)
        #expect(http.method == .post && http.path == "/purchases")
        #expect(!http.retryable, "a purchase is never resent by the transport")
        #expect(http.header("Content-Type") == "application/json")
        let body = String(decoding: try #require(http.body), as: UTF8.self)
        #expect(body == #"{"poNumber":"ABC-123","products":[{"assetId":12345,"productTypeIds":[3,8]}],"project":"Spring"}"#)
    }

    @Test func whatCannotBeAPurchaseIsRefusedBeforeSending() {
        #expect(throws: StockError.invalidRequest("a Stocksy purchase needs a size to buy")) {
            try StocksyRequests.purchase(LicenseOrder(assetID: 1, optionIDs: []))
        }
        #expect(throws: StockError.invalidRequest("\"Large\" is not a Stocksy product type id")) {
            try StocksyRequests.purchase(LicenseOrder(assetID: 1, optionIDs: ["Large"]))
        }
        #expect(throws: StockError.invalidRequest("product type 2 is chosen twice")) {
            try StocksyRequests.purchase(LicenseOrder(assetID: 1, optionIDs: ["2", "2"]))
        }
        #expect(throws: StockError.invalidRequest("Stocksy has no license reference \"cce_agency\" (it has project, client and poNumber)")) {
            try StocksyRequests.purchase(LicenseOrder(assetID: 1, optionIDs: ["2"], references: ["cce_agency": "x"]))
        }
    }

    @Test func historyDownloadAndCompRequests() {
        let page = StocksyRequests.purchases(first: 10, last: 19)
        #expect(page.method == .get && page.path == "/purchases" && page.header("Range") == "items=10-19" && page.retryable)
        #expect(StocksyRequests.purchase(id: 1000042).path == "/purchases/1000042")
        #expect(StocksyRequests.download(purchasedProductID: 6867571).path == "/downloads/6867571")
        #expect(StocksyRequests.compDownload(12345).path == "/compdownloads/12345")
    }

    @Test func contentRangeOfItems() {
        let r = StocksyContentRange("items 0-9/42")
        #expect(r?.first == 0 && r?.last == 9 && r?.total == 42)
        let past = StocksyContentRange("items */12")
        #expect(past?.first == nil && past?.total == 12)
        #expect(StocksyContentRange("items 0-9/*")?.total == nil)
        #expect(StocksyContentRange("items 0-9/*") != nil)
        #expect(StocksyContentRange("bytes 0-9/42") == nil)
        #expect(StocksyContentRange("items 9-0/42") == nil)
        #expect(StocksyContentRange("items 0-9") == nil)
        #expect(StocksyContentRange(nil) == nil)
    }

    @Test func aPurchaseAnswerMapsToAReceipt() throws {
        let wire = try WireDecoding.decode(StocksyPurchaseResponseWire.self, from: Data(stocksyPurchaseAnswer.utf8), what: "x")
        let receipt = try StocksyClient.receipt(try #require(wire.purchase), assetID: 12345, path: "purchase")
        #expect(receipt.purchaseID == "1000042")
        #expect(receipt.products.map(\.id) == ["6867571", "6867572"])
        #expect(receipt.products.map(\.optionID) == ["3", "8"])
        #expect(receipt.products.map(\.type) == [.deliverable, .license])
        #expect(receipt.products[1].name == "Products for Resale")
        #expect(receipt.subtotal == .money(Money(amount: 32500, currency: "USD", decimals: 2)))
        #expect(receipt.tax == .money(Money(amount: 0, currency: "USD", decimals: 2)))
        #expect(receipt.total?.formatted == "$325.00")
        #expect(receipt.date == ISODate.date("2018-05-14T23:06:24Z"))
        #expect(receipt.products[0].licensedAt == receipt.date)
        // Another asset's purchase is not this one's receipt.
        #expect(throws: StockError.malformedResponse("Stocksy answer: field \"purchase.products\" holds nothing of asset 777")) {
            try StocksyClient.receipt(try #require(wire.purchase), assetID: 777, path: "purchase")
        }
        // A product type stockterm does not know is kept, as unknown.
        let odd = #"{"id":1,"products":[{"id":2,"assetId":3,"type":"bundle"}]}"#
        let read = StocksyClient.products(of: try WireDecoding.decode(StocksyPurchaseWire.self, from: Data(odd.utf8), what: "x"),
                                          path: "purchases[0]", assetID: nil)
        #expect(read.items.map(\.type) == [.unknown] && read.skipped.isEmpty)
    }

    @Test func downloadURLsMustBeWebURLs() throws {
        let base = URL(string: "https://api.stocksy.com")!
        #expect(try StocksyClient.fileURL("https://s3.amazonaws.com/files.stocksy.com/logo-bw.png", field: "url", base: base).host == "s3.amazonaws.com")
        #expect(try StocksyClient.fileURL("/files/a.jpg", field: "url", base: base).absoluteString == "https://api.stocksy.com/files/a.jpg")
        #expect(throws: StockError.malformedResponse("Stocksy download answer: field \"url\" is not an http(s) URL: \"file:///etc/passwd\"")) {
            try StocksyClient.fileURL("file:///etc/passwd", field: "url", base: base)
        }
        #expect(StocksyClient.name(of: URL(string: "https://x.test/_files/k/stocksy-1-large.jpg?sig=1")!) == "stocksy-1-large.jpg")
    }
}

/// The licensing calls through the real transport against a scripted server.
@Suite(.serialized) struct StocksyLicensingClientTests {
    typealias T = StocksyClientTests

    static func client(_ base: URL, retry: RetryPolicy) -> StocksyClient {
        StocksyClient(configuration: .init(baseURL: base, apiKey: "stocksy-key-1", email: "me@example.com", password: "pw"),
                      retry: retry, sleep: { _ in })
    }

    @Test(arguments: [500, 502, 503, 504])
    func aPurchaseAnsweredWithAServerErrorIsSentOnce(_ status: Int) async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(status, #"{"status":"error","message":"Service unavailable"}"#)
        }) { base, log in
            // The standard policy retries 502, 503 and 504 for a GET; a purchase still goes once.
            let error = await #expect(throws: StockError.self) {
                try await Self.client(base, retry: .standard).license(LicenseOrder(assetID: 12345, optionIDs: ["2"]), idempotencyKey: "k")
            }
            #expect(error == .server(status: status, message: "Stocksy: Service unavailable"))
            let posts = await log.requests.filter { $0.method == "POST" && $0.path == "/purchases" }
            #expect(posts.count == 1)
            let post = try #require(posts.first)
            #expect(T.signatureIsValid(post, base: base, secret: "secret-AKID1"), "the JSON body is signed")
        }
    }

    @Test func aPaymentRequiredAnswerIsInsufficientBalance() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1")
                : .json(402, #"{"status":"error","category":"insufficient_balance","message":"Insufficient balance: this purchase costs $75.00 and the account has $12.50 available."}"#)
        }) { base, log in
            await #expect(throws: StockError.forbidden("insufficient balance for this Stocksy purchase (Stocksy: Insufficient balance: this purchase costs $75.00 and the account has $12.50 available.)")) {
                try await Self.client(base, retry: .standard).license(LicenseOrder(assetID: 12345, optionIDs: ["3"]), idempotencyKey: "k")
            }
            #expect(await log.requests.filter { $0.method == "POST" }.count == 2, "the login and one purchase")
        }
    }

    @Test func aPurchaseAnswerBecomesAReceipt() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, stocksyPurchaseAnswer)
        }) { base, log in
            let order = LicenseOrder(assetID: 12345, optionIDs: ["3", "8"], references: ["project": "Ad Campaign for North America"])
            let receipt = try await Self.client(base, retry: .standard).license(order, idempotencyKey: "k")
            #expect(receipt.purchaseID == "1000042" && receipt.total?.formatted == "$325.00")
            let sent = try #require(await log.requests.last)
            #expect(sent.bodyText == #"{"products":[{"assetId":12345,"productTypeIds":[3,8]}],"project":"Ad Campaign for North America"}"#)
        }
    }

    @Test func aServerThatIgnoresTheRangeStillPagesRight() async throws {
        let purchases = (1...5).map { n in
            #"{"id":\#(n),"creationDate":"2024-01-0\#(n)T00:00:00.000Z","products":[{"id":\#(100 + n),"assetId":\#(n),"productTypeId":1,"type":"deliverable","name":"Small"}]}"#
        }
        let whole = "[" + purchases.reversed().joined(separator: ",") + "]"
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, whole)
        }) { base, log in
            let client = Self.client(base, retry: .standard)
            let page = try await client.licenseHistory(offset: 1, limit: 2)
            #expect(page.items.map(\.id) == ["104", "103"])
            #expect(page.total == 5)
            let range = await log.requests.last?.header("Range")
            #expect(range == "items=0-19")
        }
    }

    @Test func pastTheEndIsAnEmptyPage() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1")
                : .json(416, #"{"status":"error","message":"Range not satisfiable"}"#, headers: [("Content-Range", "items */0")])
        }) { base, _ in
            let page = try await Self.client(base, retry: .standard).licenseHistory(offset: 0, limit: 10)
            #expect(page.items.isEmpty && page.total == 0 && !page.hasMore(limit: 10))
        }
    }
}
