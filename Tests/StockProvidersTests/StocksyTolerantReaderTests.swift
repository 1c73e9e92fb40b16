import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// Stocksy as it may really answer: records of unknown types, odd shapes, ids and numbers as
/// strings. A record that cannot be shown is left out and reported; the rest is listed.
@Suite(.serialized) struct StocksyTolerantReaderTests {
    typealias T = StocksyClientTests

    static func client(_ base: URL) -> StocksyClient {
        StocksyClient(configuration: .init(baseURL: base, apiKey: "stocksy-key-1", email: "me@example.com", password: "pw"),
                      retry: .never, sleep: { _ in })
    }

    /// A search answer around `items` (JSON array members).
    static func searchAnswer(_ items: [String], total: String = "5890") -> String {
        #"{"request":{"filters":{}},"response":{"returnedItemCount":\#(items.count),"totalItemCount":\#(total),"items":[\#(items.joined(separator: ","))]},"status":"success"}"#
    }

    static func photo(_ id: Int, _ extra: String = "") -> String {
        #"{"id":\#(id),"type":"photo_creative","title":"Photo \#(id)","original_dimensions":{"width":3000,"height":2000}\#(extra)}"#
    }

    @Test func oneUnknownTypeOrEmptyDimensionsNoLongerFailsThePage() async throws {
        let answer = Self.searchAnswer([
            Self.photo(1),
            #"{"id":2,"type":"audio_creative","title":"A song"}"#,
            #"{"id":3,"type":"video_creative","title":"Clip","original_dimensions":[],"thumbnail_dimensions":{},"videoDuration":"29.97","contributor_id":"1234","mature":"true"}"#,
            #"{"title":"no id","type":"photo_creative"}"#,
            #"[1,2]"#,
            Self.photo(6),
        ], total: #""5890""#)
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, answer)
        }) { base, _ in
            let page = try await Self.client(base).search(SearchRequest(query: .term("dog"), pageSize: 10))
            #expect(page.items.map(\.id) == [1, 3, 6])
            #expect(page.total == 5890)
            let clip = page.items[1]
            #expect(clip.kind == .video && clip.width == 0 && clip.height == 0 && clip.duration == 29.97)
            #expect(clip.contributor?.id == 1234 && clip.mature)
            #expect(page.skipped.map(\.path) == ["response.items[1]", "response.items[3]", "response.items[4]"])
            #expect(page.skipped[0].reason == #"field "response.items[1].type" has the unknown value "audio_creative" (neither photo nor video)"#)
            #expect(page.skipped[1].reason == #"field "response.items[3].id" is missing"#)
        }
    }

    @Test func aSkippedRecordStillCountsAsAPositionOfThePage() async throws {
        // The server sends more than the page size: the page is its first three positions,
        // of which one was left out, so the next page starts at the fourth.
        let answer = Self.searchAnswer([Self.photo(1), #"{"id":2,"type":"illustration"}"#, Self.photo(3), Self.photo(4)])
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, answer)
        }) { base, _ in
            let page = try await Self.client(base).search(SearchRequest(query: .term("dog"), pageSize: 3))
            #expect(page.items.map(\.id) == [1, 3])
            #expect(page.skipped.map(\.path) == ["response.items[1]"])
        }
    }

    @Test func anAnswerThatIsNotASearchResultIsStillMalformed() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, #"{"response":{"items":{}}}"#)
        }) { base, _ in
            await #expect(throws: StockError.malformedResponse("Stocksy search answer: field \"response.items\" should be an array")) {
                try await Self.client(base).search(SearchRequest(query: .term("dog"), pageSize: 3))
            }
        }
    }

    @Test func theManyIDsFormSkipsWhatItCannotShowWithoutCallingItUnavailable() async throws {
        let list = "[" + [Self.photo(1), #"{"id":2,"type":"music"}"#, #"{"id":"3","type":"photo","keywords":["a",7,"b"],"availableProducts":{}}"#].joined(separator: ",") + "]"
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, list)
        }) { base, _ in
            let lookup = try await Self.client(base).assets(ids: [1, 2, 3, 4])
            #expect(lookup.assets.map(\.id) == [1, 3])
            #expect(lookup.assets[1].keywords == ["a", "b"] && lookup.assets[1].products.isEmpty)
            #expect(lookup.unavailable == [4], "2 is there, unreadable: skipped, not unavailable")
            #expect(lookup.skipped.map(\.path) == ["[1]"])
        }
    }

    /// An asset whose third product is of a type stockterm does not know.
    static let assetWithAnUnknownProduct = #"""
    {"id":12345,"type":"photo_creative","title":"Desert Sunset","creationDate":"not a date","availableProducts":[
    {"productTypeId":1,"type":"deliverable","name":"Small","price":{"amount":1500,"code":"usd","decimals":2}},
    {"productTypeId":"8","type":"license","name":"Products for Resale","price":{"amount":"25000","code":"usd","decimals":"2"}},
    {"productTypeId":9,"type":"bundle","name":"Team pack","price":{"amount":9900,"code":"usd","decimals":2}}],
    "purchasedProducts":[{"id":"6867571","assetId":12345,"productTypeId":9,"type":"bundle","name":"Team pack","purchaseDate":"2018-05-14T23:06:24.000Z"}]}
    """#

    @Test func anUnknownProductTypeIsKeptAsUnknownAndNotOfferedForSale() async throws {
        try await ScriptedServer.with({ r in
            switch r.path {
            case "/login": T.credentials("AKID1")
            case "/users": .json(200, try! fixtureText("stocksy-user.json"))
            default: .json(200, Self.assetWithAnUnknownProduct)
            }
        }) { base, _ in
            let client = Self.client(base)
            let detail = try await client.detail(id: 12345)
            #expect(detail.asset.products.map(\.type) == [.deliverable, .license, .unknown])
            #expect(detail.asset.products[1].price.formatted == "$250.00")
            #expect(!detail.asset.createdIsKnown, "an unreadable date is unknown")
            let offer = try await client.licenseOffer(for: detail.asset)
            #expect(offer.options.map(\.id) == ["1", "8"])
            #expect(offer.alreadyLicensed.map(\.type) == [.unknown])
        }
    }

    /// A charged purchase whose answer holds a product of an unknown type, a product that is not
    /// an object, amounts the way the seed's example writes them, and no purchase id.
    static let oddPurchaseAnswer = #"""
    {"status":"success","completionUrl":null,"purchase":{"id":"integer","creationDate":"string",
    "products":[{"id":6867571,"productTypeId":3,"type":"deliverable","name":"Large","purchaseDate":"2018-05-14T23:06:24.000Z"},
    {"id":6867572,"assetId":12345,"productTypeId":9,"type":"bundle","name":"Team pack"},"junk"],
    "amounts":{"subtotal":{"amount":"integer","code":"string","decimals":"integer"},"total":{"amount":34400,"code":"usd","decimals":2}}},
    "category":"purchase","message":"Purchase complete"}
    """#

    @Test func theReceiptOfAChargedPurchaseNeverFailsOnAFieldLikeThat() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, Self.oddPurchaseAnswer)
        }) { base, _ in
            let receipt = try await Self.client(base).license(LicenseOrder(assetID: 12345, optionIDs: ["3", "9"]), idempotencyKey: "k")
            #expect(receipt.purchaseID == "purchasedProduct:6867571")
            #expect(receipt.products.map(\.id) == ["6867571", "6867572"])
            #expect(receipt.products.map(\.type) == [.deliverable, .unknown])
            #expect(receipt.subtotal == nil && receipt.total?.formatted == "$344.00")
            #expect(receipt.date == ISODate.date("2018-05-14T23:06:24Z"))
        }
    }

    @Test func theHistoryListsUnknownTypesAndCountsWhatItSkipped() async throws {
        let history = #"""
        [{"id":3,"creationDate":"2024-01-03T00:00:00.000Z","products":[{"id":301,"assetId":1,"productTypeId":2,"type":"deliverable","name":"Medium"},{"id":302,"assetId":1,"productTypeId":9,"type":"bundle","name":"Team pack"}]},
         "not a purchase",
         {"id":1,"products":[{"id":"x","assetId":2},{"id":101,"assetId":"2","productTypeId":"1","type":"deliverable","name":"Small"},{"id":102,"name":"no asset"}]}]
        """#
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(206, history, headers: [("Content-Range", "items 0-2/3")])
        }) { base, _ in
            let client = Self.client(base)
            let first = try await client.licenseHistory(offset: 0, limit: 3)
            #expect(first.items.map(\.id) == ["301", "302"])
            #expect(first.items.map(\.type) == [.deliverable, .unknown])
            #expect(first.skipped.map(\.path) == ["purchases[1]"])
            #expect(first.covered == 3 && first.total == 6 && first.hasMore(limit: 3))
            let second = try await client.licenseHistory(offset: first.offset + first.covered, limit: 3)
            #expect(second.items.map(\.id) == ["101"])
            #expect(second.items[0].optionID == "1" && second.items[0].assetID == 2)
            #expect(second.skipped.map(\.path) == ["purchases[2].products[0]", "purchases[2].products[2]"])
            #expect(!second.hasMore(limit: 3))
        }
    }

    @Test func anUnreadableExpiryDoesNotStopADownload() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? T.credentials("AKID1") : .json(200, #"{"id":"6867571","url":"https://x.test/files/a.jpg","expiryDate":"in 15 minutes"}"#)
        }) { base, _ in
            let product = LicensedProduct(id: "6867571", assetID: 12345, name: "Medium")
            let link = try await Self.client(base).downloadLink(for: product, format: nil)
            #expect(link.url.absoluteString == "https://x.test/files/a.jpg" && link.expires == nil)
        }
    }
}
