import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StockCore
import Testing
@testable import StockSandbox

/// The seed's purchase-side examples (003), copied: the key sets the emulator must answer with.
enum StocksyPurchaseExamples {
    static let purchaseResponse = #"""
    {"status": "string", "completionUrl": "string", "purchase": {"id": "integer", "customerId": "integer", "customerAgentId": "integer",
    "creationDate": "string", "status": "string", "client": "string", "project": "string", "poNumber": "string",
    "products": [{"id": 6867571, "assetId": 12345, "productTypeId": 2, "type": "deliverable", "name": "Medium", "customerId": 6,
    "customerAgentId": 6, "purchaseDate": "2018-05-14T23:06:24.000Z", "downloadAt": "/downloads/6867571"}],
    "amounts": {"subtotal": {"amount": "integer", "code": "string", "decimals": "integer"},
    "tax": {"amount": "integer", "code": "string", "decimals": "integer"}, "total": {"amount": "integer", "code": "string", "decimals": "integer"},
    "paymentFromAccount": {"amount": "integer", "code": "string", "decimals": "integer"},
    "paymentFromPayin": {"amount": "integer", "code": "string", "decimals": "integer"}}},
    "category": "string", "message": "string"}
    """#
    static let assetPurchasedProduct = #"""
    {"assetId": 12345, "productTypeId": 2, "id": 6867571, "customerId": 6, "customerAgentId": 6,
    "purchaseDate": "2018-05-14T23:06:24.000Z", "type": "deliverable", "name": "Medium", "downloadAt": "/downloads/6867571"}
    """#
    static let download = #"{"id": 12345, "url": "https://s3.amazonaws.com/files.stocksy.com/logo-bw.png", "expiryDate": "2018-07-19T17:23:05+00:00"}"#
    static let compDownload = #"{"downloadLink": "https://s3.amazonaws.com/files.stocksy.com/logo-bw.png"}"#

    static var purchase: [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(purchaseResponse.utf8))) as? [String: Any])?["purchase"] as? [String: Any] ?? [:]
    }
}

/// Assets of the demo catalog to buy in tests.
enum StocksyShelf {
    static let assets: [Asset] = {
        let ids = (10001...11200).map { AssetID(Int64($0)) }
        return (try? TestCatalog.shared.assets(ids: ids).assets) ?? []
    }()

    /// Photos priced in US dollars, cheapest Small first.
    static var usdPhotos: [Asset] {
        assets.filter { $0.kind == .photo && $0.products.first?.price.currency == "USD" }
            .sorted { small($0).price.amount < small($1).price.amount }
    }

    static var usdVideo: Asset? { assets.first { $0.kind == .video && $0.products.first?.price.currency == "USD" } }
    static var photoWithLicense: Asset? { usdPhotos.first { $0.products.contains { $0.type == .license } } }
    static var nonUSD: Asset? { assets.first { ($0.kind == .photo || $0.kind == .video) && $0.products.first?.price.currency != "USD" } }
    static var illustration: Asset? { assets.first { $0.kind != .photo && $0.kind != .video } }

    static func small(_ a: Asset) -> Product { a.products.first { $0.type == .deliverable }! }
    static func large(_ a: Asset) -> Product { a.products.last { $0.type == .deliverable }! }
}

/// The Stocksy emulator's purchase side: `POST /purchases` (validation, the balance, the charge
/// book), `GET /purchases` with `Range: items=a-b`, `GET /purchases/{id}`, downloads and comps.
@Suite struct StocksyLicensingTests {
    typealias Session = StocksyTests.Session

    static let options = SandboxOptions(api: .stocksy, rateLimit: 1000)

    static func body(_ assetID: Int64, _ typeIDs: [Int], project: String? = nil) -> String {
        var members = [#""products":[{"assetId":\#(assetID),"productTypeIds":[\#(typeIDs.map(String.init).joined(separator: ","))]}]"#]
        if let project { members.insert(#""project":"\#(project)","client":"Tasty Cola Corporation","poNumber":"ABC-123""#, at: 0) }
        return "{" + members.joined(separator: ",") + "}"
    }

    static func balance(_ s: Session) async throws -> Int? {
        let user = try await s.get("/users").object()
        return (user["availableBalance"] as? [String: Any])?["amount"] as? Int
    }

    @Test func aPurchaseAnswersTheDocumentedShapeAndChargesTheBalance() async throws {
        let asset = try #require(StocksyShelf.photoWithLicense)
        let size = StocksyShelf.large(asset), license = try #require(asset.products.first { $0.type == .license })
        try await StocksyTests.withStocksy(Self.options) { s in
            let before = try #require(try await Self.balance(s))
            let r = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [size.productTypeId, license.productTypeId], project: "Spring"))
            #expect(r.status == 200, "\(r.body)")
            let answer = try r.object()
            #expect(keys(answer) == documentKeys(StocksyPurchaseExamples.purchaseResponse))
            #expect(answer["status"] as? String == "success")
            #expect(answer["completionUrl"] is NSNull)
            let purchase = try #require(answer["purchase"] as? [String: Any])
            #expect(keys(purchase) == keys(StocksyPurchaseExamples.purchase))
            #expect(purchase["project"] as? String == "Spring")
            #expect(purchase["client"] as? String == "Tasty Cola Corporation")
            #expect(purchase["poNumber"] as? String == "ABC-123")
            #expect(purchase["customerId"] as? Int == 6)
            let products = try #require(purchase["products"] as? [[String: Any]])
            #expect(products.count == 2)
            #expect(products.map { $0["productTypeId"] as? Int } == [size.productTypeId, license.productTypeId])
            #expect(products.map { $0["type"] as? String } == ["deliverable", "license"])
            for p in products {
                #expect(keys(p) == keys((StocksyPurchaseExamples.purchase["products"] as? [Any])?.first))
                #expect(p["assetId"] as? Int == Int(asset.id.rawValue))
                #expect(p["downloadAt"] as? String == "/downloads/\(p["id"] as? Int ?? -1)")
            }
            let cost = Int(size.price.amount + license.price.amount)
            let amounts = try #require(purchase["amounts"] as? [String: Any])
            func amount(_ name: String) -> Int? { (amounts[name] as? [String: Any])?["amount"] as? Int }
            #expect(amount("subtotal") == cost && amount("tax") == 0 && amount("total") == cost)
            #expect(amount("paymentFromAccount") == cost && amount("paymentFromPayin") == 0)
            #expect((amounts["total"] as? [String: Any])?["code"] as? String == "usd")
            #expect((amounts["total"] as? [String: Any])?["decimals"] as? Int == 2)

            #expect(try await Self.balance(s) == before - cost)
            #expect(s.server.chargeCounts() == [asset.id.rawValue: 1])
            let book = try await Wire.send("\(s.server.baseURL)/_sandbox/charges").object()
            let charge = try #require((book["charges"] as? [[String: Any]])?.first)
            #expect(charge["amount"] as? Int == cost)
            #expect(charge["reference"] as? String == String(purchase["id"] as? Int ?? -1))
            #expect(charge["licenseAgain"] as? Bool == false)

            // The asset now reports what was bought, in the Asset example's shape.
            let detail = try await s.get("/assets/\(asset.id)").object()
            let bought = try #require(detail["purchasedProducts"] as? [[String: Any]])
            #expect(bought.count == 2)
            #expect(keys(bought.first) == documentKeys(StocksyPurchaseExamples.assetPurchasedProduct))
            #expect(bought.map { $0["id"] as? Int } == products.map { $0["id"] as? Int })

            // Bought again: charged again, and the charge says so.
            let again = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [size.productTypeId]))
            #expect(again.status == 200)
            #expect(s.server.chargeCounts() == [asset.id.rawValue: 2])
            let charges = try await Wire.send("\(s.server.baseURL)/_sandbox/charges").object()["charges"] as? [[String: Any]]
            #expect(charges?.last?["licenseAgain"] as? Bool == true)
            #expect(try await Self.balance(s) == before - cost - Int(size.price.amount))
        }
    }

    @Test func invalidPurchasesAreRefusedAndChargeNothing() async throws {
        let asset = try #require(StocksyShelf.photoWithLicense)
        let small = StocksyShelf.small(asset), large = StocksyShelf.large(asset)
        let license = try #require(asset.products.first { $0.type == .license })
        let missing = (1...30).first { id in !asset.products.contains { $0.productTypeId == id } }!
        let foreign = try #require(StocksyShelf.nonUSD)
        let illustration = try #require(StocksyShelf.illustration)
        try await StocksyTests.withStocksy(Self.options) { s in
            let before = try await Self.balance(s)
            let cases: [(String, Int, String, String)] = [
                (Self.body(asset.id.rawValue, [missing]), 400, "invalid_product", "productTypeId \(missing) is not available for asset \(asset.id)"),
                (Self.body(asset.id.rawValue, [license.productTypeId]), 400, "invalid_product", "exactly one deliverable"),
                (Self.body(asset.id.rawValue, [small.productTypeId, large.productTypeId]), 400, "invalid_product", "exactly one deliverable"),
                (Self.body(999_999, [1]), 404, "asset_not_found", "Asset 999999 not found"),
                (Self.body(illustration.id.rawValue, [1]), 404, "asset_not_found", "not found"),
                (Self.body(foreign.id.rawValue, [StocksyShelf.small(foreign).productTypeId]), 400, "currency_mismatch", "priced in \(foreign.products[0].price.currency)"),
                (#"{"products":[]}"#, 400, "invalid_request", "non-empty array"),
                (#"{"products":[{"assetId":1,"productTypeIds":[1,1]}]}"#, 400, "invalid_request", "twice"),
                (#"{"products":[{"assetId":"x","productTypeIds":[1]}]}"#, 400, "invalid_request", "assetId must be a whole number"),
                (#"{"project":5,"products":[{"assetId":1,"productTypeIds":[1]}]}"#, 400, "invalid_request", "project must be a string"),
                (#"{"products":[{"assetId":1,"productTypeIds":[1]}"#, 400, "invalid_request", "not JSON"),
            ]
            for (body, status, category, words) in cases {
                let r = try await s.send("POST", "/purchases", body: body)
                #expect(r.status == status, "\(body) → \(r.body)")
                let envelope = try r.object()
                #expect(keys(envelope) == ["status", "category", "message"], "\(r.body)")
                #expect(envelope["status"] as? String == "error")
                #expect(envelope["category"] as? String == category, "\(r.body)")
                #expect((envelope["message"] as? String)?.contains(words) == true, "\(r.body)")
            }
            #expect(s.server.chargeCounts().isEmpty)
            #expect(try await Self.balance(s) == before)
            let list = try await s.send("GET", "/purchases")
            #expect(list.status == 200 && list.body == "[]")
        }
    }

    @Test func anInsufficientBalanceIsRefusedWithNoCharge() async throws {
        let photos = StocksyShelf.usdPhotos
        try await StocksyTests.withStocksy(Self.options) { s in
            // Spend Large sizes until the next one no longer fits.
            var balance = try #require(try await Self.balance(s))
            var bought = 0
            for asset in photos {
                let large = StocksyShelf.large(asset)
                let r = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [large.productTypeId]))
                if Int(large.price.amount) <= balance {
                    #expect(r.status == 200, "\(r.body)")
                    balance -= Int(large.price.amount)
                    bought += 1
                    continue
                }
                #expect(r.status == 402, "\(r.body)")
                let envelope = try r.object()
                #expect(envelope["status"] as? String == "error")
                #expect(envelope["category"] as? String == "insufficient_balance")
                let message = try #require(envelope["message"] as? String)
                #expect(message.contains("Insufficient balance") && message.contains(Money(amount: Int64(balance), currency: "USD").formatted), "\(message)")
                #expect(s.server.chargeCounts()[asset.id.rawValue] == nil)
                break
            }
            #expect(bought >= 2)
            #expect(try await Self.balance(s) == balance)
            #expect(s.server.chargeCounts().values.reduce(0, +) == bought)
        }
    }

    @Test func purchasesPageWithItemsRanges() async throws {
        let photos = Array(StocksyShelf.usdPhotos.prefix(12))
        try await StocksyTests.withStocksy(Self.options) { s in
            var ids: [Int] = []
            for asset in photos {
                let r = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [StocksyShelf.small(asset).productTypeId]))
                #expect(r.status == 200, "\(r.body)")
                ids.append(try #require((try r.object()["purchase"] as? [String: Any])?["id"] as? Int))
            }
            let newest = Array(ids.reversed())
            func page(_ range: String?) async throws -> (WireResponse, [Int]) {
                let r = try await s.send("GET", "/purchases", headers: range.map { [("Range", $0)] } ?? [])
                let list = r.status == 416 ? [] : try r.array()
                return (r, list.compactMap { ($0 as? [String: Any])?["id"] as? Int })
            }
            let (first, firstIDs) = try await page("items=0-4")
            #expect(first.status == 206)
            #expect(first.headers["Content-Range"].first == "items 0-4/12")
            #expect(firstIDs == Array(newest[0..<5]))
            let (last, lastIDs) = try await page("items=10-19")
            #expect(last.status == 206)
            #expect(last.headers["Content-Range"].first == "items 10-11/12")
            #expect(lastIDs == Array(newest[10..<12]))
            let (open, openIDs) = try await page("items=7-")
            #expect(open.status == 206 && openIDs == Array(newest[7...]))
            let (past, _) = try await page("items=12-21")
            #expect(past.status == 416)
            #expect(past.headers["Content-Range"].first == "items */12")
            #expect(try past.object()["category"] as? String == "invalid_range")
            let (backwards, _) = try await page("items=5-2")
            #expect(backwards.status == 416)
            let (all, allIDs) = try await page(nil)
            #expect(all.status == 200 && all.headers["Content-Range"].isEmpty && allIDs == newest)
            let (bytes, bytesIDs) = try await page("bytes=0-10")
            #expect(bytes.status == 200 && bytesIDs == newest, "another unit is ignored")
            #expect(all.headers["Accept-Ranges"].first == "items")

            let one = try await s.get("/purchases/\(ids[3])")
            #expect(one.status == 200)
            let purchase = try one.object()
            #expect(keys(purchase) == keys(StocksyPurchaseExamples.purchase))
            #expect(purchase["id"] as? Int == ids[3])
            let full = try #require(try all.array()[8] as? [String: Any])
            #expect(NSDictionary(dictionary: full).isEqual(to: purchase))
            let unknown = try await s.get("/purchases/42")
            #expect(unknown.status == 404)
            #expect(keys(try unknown.object()) == ["status", "message"])
            let log = await s.server.stats().requests.filter { $0.route == "GET /purchases" }
            #expect(log.first?.headers["range"] == "items=0-4")
        }
    }

    @Test func downloadsServeTheProductsFile() async throws {
        let photo = try #require(StocksyShelf.usdPhotos.first)
        let video = try #require(StocksyShelf.usdVideo)
        try await StocksyTests.withStocksy(Self.options) { s in
            for asset in [photo, video] {
                let size = StocksyShelf.small(asset)
                let r = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [size.productTypeId]))
                let product = try #require(((try r.object()["purchase"] as? [String: Any])?["products"] as? [[String: Any]])?.first)
                let id = try #require(product["id"] as? Int)
                let started = Date()
                let d = try await s.get("/downloads/\(id)")
                #expect(d.status == 200, "\(d.body)")
                let answer = try d.object()
                #expect(keys(answer) == documentKeys(StocksyPurchaseExamples.download))
                #expect(answer["id"] as? Int == id)
                let expiryText = try #require(answer["expiryDate"] as? String)
                #expect(expiryText.hasSuffix("+00:00") && expiryText.count == 25, "\(expiryText)")
                let expiry = try #require(ISODate.date(String(expiryText.dropLast(6)) + "Z"))
                #expect(abs(expiry.timeIntervalSince(started) - 15 * 60) < 60, "15 minutes by default")
                let url = try #require(answer["url"] as? String)
                let dims = try #require(size.dimensions)
                let expected: Int64 = asset.kind == .video
                    ? Int64(dims.width * dims.height / 2) * Int64(max(1, (asset.duration ?? 1).rounded(.up)))
                    : Int64(dims.width * dims.height / 4)
                let served = min(expected, SandboxFiles.maxSize)
                let name = "stocksy-\(asset.id)-\(StocksyDownloads.slug(size.name)).\(asset.kind == .video ? "mp4" : "jpg")"
                #expect(url.hasPrefix("\(s.server.baseURL)/_files/stocksy-\(id)/\(name)?size=\(served)&"), "\(url)")
                let key = StocksyDownloads.fileKey(purchasedProductID: Int64(id))
                let file = try await RawFetch.get(url)
                #expect(file.status == 200)
                #expect(Int64(file.bytes.count) == served)
                #expect(Array(file.bytes.prefix(4096)) == SandboxFiles.bytes(key: key, from: 0, count: min(4096, Int(served))))
                // A later link to the same product serves the same bytes (a download resumes across links).
                let again = try #require(try await s.get("/downloads/\(id)").object()["url"] as? String)
                let tail = try await RawFetch.get(again, range: "bytes=\(served - 100)-")
                #expect(tail.status == 206)
                #expect(tail.bytes == SandboxFiles.bytes(key: key, from: served - 100, count: 100))
                #expect(s.server.fileFetchCount(key: key) == 2)
            }
            #expect(try await s.get("/downloads/1").status == 404)
            #expect(try await s.get("/downloads/abc").status == 404)
        }
    }

    @Test func downloadLinksExpire() async throws {
        let photo = try #require(StocksyShelf.usdPhotos.first)
        var options = Self.options
        options.downloadURLLifetime = .seconds(1)
        try await StocksyTests.withStocksy(options) { s in
            let r = try await s.send("POST", "/purchases", body: Self.body(photo.id.rawValue, [StocksyShelf.small(photo).productTypeId]))
            let id = try #require(((try r.object()["purchase"] as? [String: Any])?["products"] as? [[String: Any]])?.first?["id"] as? Int)
            let first = try await s.get("/downloads/\(id)").object()
            let link = try #require(first["url"] as? String)
            try await Task.sleep(for: .seconds(2.5))
            // Expired: S3's 403 with XML, and nothing served.
            let expired = try await RawFetch.get(link)
            #expect(expired.status == 403)
            #expect(String(decoding: expired.bytes, as: UTF8.self).contains("<Code>AccessDenied</Code>"))
            #expect(s.server.fileFetchCount(key: StocksyDownloads.fileKey(purchasedProductID: Int64(id))) == 0)
            // A fresh link is another URL that expires later.
            let fresh = try await s.get("/downloads/\(id)").object()
            #expect(fresh["url"] as? String != link)
            let before = try #require((first["expiryDate"] as? String).flatMap { ISODate.date(String($0.dropLast(6)) + "Z") })
            let after = try #require((fresh["expiryDate"] as? String).flatMap { ISODate.date(String($0.dropLast(6)) + "Z") })
            #expect(after > before)
        }
    }

    @Test func compDownloadsLinkAWatermarkedPreview() async throws {
        let photo = try #require(StocksyShelf.usdPhotos.first)
        let illustration = try #require(StocksyShelf.illustration)
        try await StocksyTests.withStocksy(Self.options) { s in
            let r = try await s.get("/compdownloads/\(photo.id)")
            #expect(r.status == 200, "\(r.body)")
            let answer = try r.object()
            #expect(keys(answer) == documentKeys(StocksyPurchaseExamples.compDownload))
            let url = try #require(answer["downloadLink"] as? String)
            #expect(url.contains("/_files/stocksy-comp-\(photo.id)/stocksy-\(photo.id)-comp.jpg?"))
            let file = try await RawFetch.get(url, range: "bytes=0-15")
            #expect(file.status == 206)
            #expect(file.bytes == SandboxFiles.bytes(key: StocksyDownloads.compKey(assetID: photo.id.rawValue), from: 0, count: 16))
            #expect(try await s.get("/compdownloads/\(illustration.id)").status == 404)
            #expect(s.server.chargeCounts().isEmpty, "a comp is free")
        }
    }

    @Test(arguments: [SandboxFault.internalError, .badGateway, .unavailable, .malformedJSON, .droppedConnection])
    func aFaultAfterTheChargeLeavesThePurchaseInTheHistory(_ fault: SandboxFault) async throws {
        let asset = try #require(StocksyShelf.usdPhotos.first)
        var options = Self.options
        options.faultAfterChargeRate = 1
        options.faultKinds = [fault]
        try await StocksyTests.withStocksy(options) { s in
            let before = try #require(try await Self.balance(s))
            let size = StocksyShelf.small(asset)
            do {
                let r = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [size.productTypeId]))
                switch fault {
                case .malformedJSON: #expect(r.status == 200 && (try? r.object()) == nil)
                default: #expect(r.status == fault.status)
                }
            } catch {
                #expect(fault == .droppedConnection, "\(error)")
            }
            #expect(s.server.chargeCounts() == [asset.id.rawValue: 1])
            #expect(try await Self.balance(s) == before - Int(size.price.amount))
            let list = try await s.send("GET", "/purchases", headers: [("Range", "items=0-9")])
            #expect(list.status == 206)
            #expect(try list.array().count == 1)
            let stats = await s.server.stats()
            #expect(stats.faults[fault] == 1)
            // Only paid purchases draw the fault: a refused one answers as usual.
            let refused = try await s.send("POST", "/purchases", body: Self.body(asset.id.rawValue, [999]))
            #expect(refused.status == 400)
        }
    }

    @Test func itemsRangeHeaderParsing() {
        #expect(StocksyItemsRange(header: nil) == .none)
        #expect(StocksyItemsRange(header: "bytes=0-9") == .none)
        #expect(StocksyItemsRange(header: "items=0-9") == .items(first: 0, last: 9))
        #expect(StocksyItemsRange(header: "items=20-") == .items(first: 20, last: nil))
        #expect(StocksyItemsRange(header: "items=9-2") == .invalid)
        #expect(StocksyItemsRange(header: "items=-5") == .invalid)
        #expect(StocksyItemsRange(header: "items=a-b") == .invalid)
        #expect(StocksyItemsRange.items(first: 0, last: 9).window(count: 3)?.contentRange == "items 0-2/3")
        #expect(StocksyItemsRange.items(first: 3, last: 9).window(count: 3) == nil)
        #expect(StocksyItemsRange.items(first: 0, last: 0).window(count: 0) == nil)
        #expect(StocksyDownloads.slug("Full HD") == "full-hd")
        #expect(StocksyDownloads.slug("Products for Resale") == "products-for-resale")
        #expect(StocksyDownloads.slug("Ünïcode ✓") == "n-code")
    }

    @Test func optionsRefuseABadFaultAfterChargeRate() {
        var options = SandboxOptions(api: .stocksy)
        options.faultAfterChargeRate = 1.5
        #expect(throws: SandboxError.invalidOption("fault-after-charge rate must be between 0 and 1, got 1.5")) { try options.validate() }
        options.faultAfterChargeRate = 0
        options.downloadURLLifetime = .zero
        #expect(throws: SandboxError.invalidOption("download URL lifetime must be positive")) { try options.validate() }
    }
}

extension StocksyTests.Session {
    /// Any signed call: extra headers (a Range) and a JSON body are signed too.
    func send(_ method: String, _ pathAndQuery: String, headers extra: [(String, String)] = [], body: String? = nil) async throws -> WireResponse {
        let parts = pathAndQuery.split(separator: "?", maxSplits: 1).map(String.init)
        var signed: [(String, String)] = [("x-api-key", apiKey)] + extra
        if body != nil { signed.append(("content-type", "application/json")) }
        let auth = signer.sign(method: method, host: "127.0.0.1:\(server.port)", path: parts[0], query: parts.count > 1 ? parts[1] : "",
                               extraHeaders: signed, body: Data((body ?? "").utf8))
        return try await Wire.send("\(server.baseURL)\(pathAndQuery)", method: HTTPMethod(rawValue: method), headers: auth + signed, body: body)
    }
}

/// A GET whose body is kept as bytes (generated files are not text).
enum RawFetch {
    static func get(_ url: String, range: String? = nil) async throws -> (status: Int, bytes: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        if let range { request.headers.add(name: "Range", value: range) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), Array(body.readableBytesView))
    }
}
