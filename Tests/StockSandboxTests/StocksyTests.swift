import Foundation
import StockCore
import Testing
@testable import StockSandbox

/// The Stocksy emulator: login, sigv4 on every call, search with its facets, assets, users.
@Suite struct StocksyTests {
    /// A logged-in session: signs each call with the temporary credentials.
    struct Session: Sendable {
        let server: SandboxServer
        let signer: TestSigner
        let loginBody: String

        var login: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(loginBody.utf8))) as? [String: Any] ?? [:] }

        var apiKey: String { server.credentials.stocksy!.apiKey }

        func get(_ pathAndQuery: String, date: Date = Date(), tamper: Bool = false) async throws -> WireResponse {
            let parts = pathAndQuery.split(separator: "?", maxSplits: 1).map(String.init)
            var headers = signer.sign(method: "GET", host: "127.0.0.1:\(server.port)", path: parts[0], query: parts.count > 1 ? parts[1] : "",
                                      extraHeaders: [("x-api-key", apiKey)], date: date)
            if tamper { headers[2].1 = String(headers[2].1.dropLast()) + (headers[2].1.hasSuffix("0") ? "1" : "0") }
            return try await Wire.send("\(server.baseURL)\(pathAndQuery)", headers: headers + [("x-api-key", apiKey)])
        }
    }

    static func withStocksy(_ options: SandboxOptions = SandboxOptions(api: .stocksy, rateLimit: 1000),
                            _ body: (Session) async throws -> Void) async throws {
        try await withSandbox(options) { server in
            let c = server.credentials.stocksy!
            let r = try await Wire.form("\(server.baseURL)/login", [("email", c.email), ("password", c.password)], headers: [("x-api-key", c.apiKey)])
            #expect(r.status == 200, "\(r.body)")
            let login = try r.object()
            let signer = TestSigner(accessKey: login["AccessKeyId"] as! String, secret: login["SecretKey"] as! String,
                                    sessionToken: login["SessionToken"] as! String)
            try await body(Session(server: server, signer: signer, loginBody: r.body))
        }
    }

    static func filters(_ change: (inout SearchFilters) -> Void = { _ in }) -> SearchFilters {
        var f = SearchFilters()
        f.kinds = [.photo, .video]
        f.free = .included
        change(&f)
        return f
    }

    static func response(_ body: [String: Any]) -> [String: Any] { body["response"] as? [String: Any] ?? [:] }
    static func items(_ body: [String: Any]) -> [[String: Any]] { response(body)["items"] as? [[String: Any]] ?? [] }
    static func total(_ body: [String: Any]) -> Int? { response(body)["totalItemCount"] as? Int }

    @Test func loginAnswersTheDocumentedCredentials() async throws {
        try await Self.withStocksy { session in
            #expect(keys(session.login) == documentKeys(StocksyExamples.credentials))
            let expiration = try #require(session.login["Expiration"] as? String)
            #expect(expiration.hasSuffix("+00:00") && expiration.count == 25)
            #expect(session.login["message"] as? String == "Login successful")
            let c = session.server.credentials.stocksy!
            let wrong = try await Wire.form("\(session.server.baseURL)/login", [("email", c.email), ("password", "nope")], headers: [("x-api-key", c.apiKey)])
            #expect(wrong.status == 401)
            #expect(keys(try wrong.object()) == ["status", "message"])
            let noKey = try await Wire.form("\(session.server.baseURL)/login", [("email", c.email), ("password", c.password)])
            #expect(noKey.status == 403)
            #expect(noKey.body == #"{"message":"Forbidden"}"#)
        }
    }

    @Test func signedCallsPassAndUsersHasTheBalance() async throws {
        try await Self.withStocksy { session in
            let r = try await session.get("/users")
            #expect(r.status == 200, "\(r.body)")
            let user = try r.object()
            #expect(keys(user) == documentKeys(StocksyExamples.user))
            let balance = try #require(user["availableBalance"] as? [String: Any])
            #expect(balance["amount"] as? Int == 43_750)
            #expect(balance["code"] as? String == "usd")
            #expect(balance["decimals"] as? Int == 2)
            let log = try #require(await session.server.stats().requests.last)
            #expect(log.headers["authorization"]?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token;x-api-key") == true)
            #expect(log.headers["authorization"]?.hasSuffix("Signature=…") == true)
        }
    }

    @Test func badMissingStaleAndForeignSignaturesAre403() async throws {
        try await Self.withStocksy { session in
            let tampered = try await session.get("/users", tamper: true)
            #expect(tampered.status == 403)
            #expect((try tampered.object()["message"] as? String)?.hasPrefix("The request signature we calculated does not match the signature you provided") == true)

            let unsigned = try await Wire.send("\(session.server.baseURL)/users", headers: [("x-api-key", session.apiKey)])
            #expect(unsigned.status == 403)
            #expect(unsigned.body == #"{"message":"Missing Authentication Token"}"#)

            let old = try await session.get("/users", date: Date().addingTimeInterval(-3600))
            #expect(old.status == 403)
            #expect((try old.object()["message"] as? String)?.hasPrefix("Signature expired") == true)

            var stranger = session.signer
            stranger.accessKey = "ASIAUNKNOWNKEY000000"
            let headers = stranger.sign(method: "GET", host: "127.0.0.1:\(session.server.port)", path: "/users", query: "", extraHeaders: [("x-api-key", session.apiKey)])
            let foreign = try await Wire.send("\(session.server.baseURL)/users", headers: headers + [("x-api-key", session.apiKey)])
            #expect(foreign.status == 403)
            #expect(try foreign.object()["message"] as? String == "The security token included in the request is invalid.")

            var elsewhere = session.signer
            elsewhere.region = "eu-west-1"
            let regionHeaders = elsewhere.sign(method: "GET", host: "127.0.0.1:\(session.server.port)", path: "/users", query: "", extraHeaders: [("x-api-key", session.apiKey)])
            #expect(try await Wire.send("\(session.server.baseURL)/users", headers: regionHeaders + [("x-api-key", session.apiKey)]).status == 403)

            // A good signature without the API key is still refused.
            let keyless = session.signer.sign(method: "GET", host: "127.0.0.1:\(session.server.port)", path: "/users", query: "", extraHeaders: [])
            #expect(try await Wire.send("\(session.server.baseURL)/users", headers: keyless).status == 403)
        }
    }

    @Test func expiredCredentialsAreRefused() async throws {
        try await Self.withStocksy(SandboxOptions(api: .stocksy, tokenLifetime: .milliseconds(50))) { session in
            try await Task.sleep(for: .milliseconds(150))
            let r = try await session.get("/users")
            #expect(r.status == 403)
            #expect(r.body == #"{"message":"The security token included in the request is expired"}"#)
        }
    }

    @Test func searchHasTheDocumentedShape() async throws {
        try await Self.withStocksy { session in
            let r = try await session.get("/search?query=dog,beach&facet_mobile=true&facet_contenttype=video_creative&limit=5")
            #expect(r.status == 200, "\(r.body)")
            let body = try r.object()
            let example = try JSONSerialization.jsonObject(with: Data(StocksyExamples.search.utf8)) as! [String: Any]
            #expect(keys(body) == keys(example))
            #expect(keys(body["request"]) == keys(example["request"]))
            let filters = (body["request"] as? [String: Any])?["filters"] as? [String: Any]
            #expect(keys(filters) == keys((example["request"] as? [String: Any])?["filters"]))
            #expect(filters?["text"] as? String == "dog, beach")
            #expect(filters?["cameraType"] as? [String] == ["mobile"])
            #expect(filters?["assetType"] as? [String] == ["video_creative"])
            #expect(keys(body["response"]) == keys(example["response"]))
            #expect(body["userId"] as? Int == 6)

            let videos = try await session.get("/search?facet_contenttype=video_creative&limit=3").object()
            let exampleItem = ((example["response"] as? [String: Any])?["items"] as? [[String: Any]])?.first
            let videoItems = Self.items(videos)
            #expect(videoItems.count == 3)
            #expect(videoItems.allSatisfy { keys($0) == keys(exampleItem) })
            #expect(videoItems.allSatisfy { keys($0["original_dimensions"]) == ["height", "width"] })
            let photos = Self.items(try await session.get("/search?facet_contenttype=photo_creative&limit=3").object())
            #expect(photos.allSatisfy { keys($0) == keys(exampleItem).subtracting(["videoDuration", "videoThumbUrl"]) })
        }
    }

    @Test func limitsAndPages() async throws {
        try await Self.withStocksy { session in
            let all = try await session.get("/search").object()
            #expect(Self.items(all).count == 200)
            #expect(Self.response(all)["returnedItemCount"] as? Int == 200)
            let total = try TestCatalog.total(Self.filters())
            #expect(Self.total(all) == total)
            #expect(Self.response(all)["totalPageCount"] as? Int == (total + 199) / 200)
            let tooMany = try await session.get("/search?limit=501")
            #expect(tooMany.status == 400)
            #expect((try tooMany.object()["message"] as? String)?.hasPrefix("Invalid search parameters") == true)
            #expect(try await session.get("/search?limit=500").status == 200)
            #expect(try await session.get("/search?page=0").status == 400)
            // Page 2 with limit 100 is results 101 to 200.
            let ids = Self.items(all).compactMap { ($0["id"] as? NSNumber)?.int64Value }
            let second = Self.items(try await session.get("/search?limit=100&page=2").object()).compactMap { ($0["id"] as? NSNumber)?.int64Value }
            #expect(second == Array(ids[100..<200]))
        }
    }

    @Test func facetsNarrowAsTheCatalogDoes() async throws {
        try await Self.withStocksy { session in
            func total(_ query: String) async throws -> Int? {
                let r = try await session.get("/search?limit=1&\(query)")
                #expect(r.status == 200, "\(query): \(r.body)")
                return Self.total(try r.object())
            }
            #expect(try await total("facet_contenttype=video_creative") == (try TestCatalog.total(Self.filters { $0.kinds = [.video] })))
            #expect(try await total("facet_contenttype=all_types") == (try TestCatalog.total(Self.filters())))
            let fourK = try await session.get("/search?facet_4kvideo=true&limit=50").object()
            #expect(Self.total(fourK) == (try TestCatalog.total(Self.filters { $0.only4K = true; $0.kinds = [.video] })))
            #expect(((fourK["request"] as? [String: Any])?["filters"] as? [String: Any])?["assetType"] as? [String] == ["video_creative"])
            #expect(Self.items(fourK).allSatisfy { $0["type"] as? String == "video_creative" })
            #expect(try await total("facet_ungradedvideo=true") == (try TestCatalog.total(Self.filters { $0.ungradedOnly = true; $0.kinds = [.video] })))
            let listed = try await total("facet_orientation=tall,square"), repeated = try await total("facet_orientation=tall&facet_orientation=square")
            #expect(listed == repeated)
            #expect(listed == (try TestCatalog.total(Self.filters { $0.orientations = [.vertical, .square] })))
            #expect(try await total("facet_composition=close,macro") == (try TestCatalog.total(Self.filters { $0.compositions = [.close, .macro] })))
            #expect(try await total("facet_mobile=true") == (try TestCatalog.total(Self.filters { $0.cameras = [.mobile] })))
            #expect(try await total("facet_film=true&facet_mobile=false") == (try TestCatalog.total(Self.filters { $0.cameras = [.film] })))
            #expect(try await total("safe_search=true") == (try TestCatalog.total(Self.filters { $0.safeSearch = true })))
            #expect(try await total("query=lake") == (try TestCatalog.total(Self.filters(), query: "lake")))
            #expect(try await session.get("/search?facet_orientation=diagonal").status == 400)
            #expect(try await session.get("/search?sort=cheapest").status == 400)
            let latest = Self.items(try await session.get("/search?sort=latest&limit=20").object()).compactMap { ($0["id"] as? NSNumber)?.int64Value }
            let dates = try latest.map { try TestCatalog.shared.asset(id: AssetID($0)).created }
            #expect(dates == dates.sorted(by: >))
        }
    }

    @Test func assetsHaveTheDocumentedShapeAndOnlyPhotosAndVideos() async throws {
        try await Self.withStocksy { session in
            var photosWithProducts = Self.filters { $0.kinds = [.photo] }
            photosWithProducts.premium = .all
            let photo = try TestCatalog.shared.search(SearchRequest(filters: photosWithProducts, pageSize: 1)).items[0]
            let r = try await session.get("/assets/\(photo.id)")
            #expect(r.status == 200)
            let asset = try r.object()
            #expect(keys(asset) == documentKeys(StocksyExamples.asset).subtracting(["purchasedProducts"]).union(["purchasedProducts"]))
            #expect(keys(asset) == documentKeys(StocksyExamples.asset))
            #expect((asset["purchasedProducts"] as? [Any])?.isEmpty == true)
            let products = try #require(asset["availableProducts"] as? [[String: Any]])
            #expect(products.count == photo.products.count)
            #expect(keys(products.first?["price"]) == ["amount", "code", "decimals"])
            #expect(products.first?["price"].flatMap { ($0 as? [String: Any])?["amount"] as? Int } == Int(photo.products[0].price.amount))
            #expect((asset["creationDate"] as? String)?.hasSuffix(".000Z") == true)

            var illustrations = SearchFilters()
            illustrations.kinds = [.illustration]
            let illustration = try TestCatalog.shared.search(SearchRequest(filters: illustrations, pageSize: 1)).items[0]
            let missing = try await session.get("/assets/\(illustration.id)")
            #expect(missing.status == 404)
            #expect(missing.body == #"{"status":"error","message":"Asset not found"}"#)
            #expect(try await session.get("/assets/999999999").status == 404)

            let many = try await session.get("/assets?ids=\(photo.id),\(illustration.id),999999999")
            #expect(many.status == 200)
            let array = try many.array()
            #expect(array.count == 1)
            #expect(keys(array.first) == documentKeys(StocksyExamples.asset))
        }
    }

    /// Forty signed requests at once against 10 per second: some must be refused, each with
    /// `Retry-After: 1` (robust to a loaded machine spreading them over a few seconds).
    @Test func theRateLimitAnswers429WithRetryAfter() async throws {
        try await Self.withStocksy(SandboxOptions(api: .stocksy)) { session in
            let responses = try await withThrowingTaskGroup(of: WireResponse.self) { group in
                for _ in 0..<40 { group.addTask { try await session.get("/users") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let refused = responses.filter { $0.status == 429 }
            let statuses = responses.map(\.status).reduce(into: [Int: Int]()) { $0[Int($1), default: 0] += 1 }
            #expect(responses.filter { $0.status == 200 }.count >= 10, "statuses: \(statuses)")
            #expect(!refused.isEmpty)
            #expect(refused.allSatisfy { $0.headers.first(name: "Retry-After") == "1" && $0.body == #"{"message":"Too Many Requests"}"# })
            #expect(await session.server.stats().rateLimited == refused.count)
        }
    }
}

/// Examples of seed 003 (Stocksy API v1.2 reference), copied as written.
enum StocksyExamples {
    static let credentials = """
        {"AccessKeyId": "SDF87SDF8S9DFKJSHDFKSJHF", "SecretKey": "asdflhsdASDKH09asdf3324+asdfksadjvMNfh",
        "SessionToken": "AgoGsASDfasfasAsdfsd5234SADsdfghgtsdvoiusdv+fsad/arryfgh/akdsfadlsklsasamsdnfakjldshfkasjdhFDgygdndDGuuDgdfbdBDgDYgdfnghfglhkgJKgf////gfgdfl64353FDHdfdgjd",
        "Expiration": "2018-06-27T00:52:20+00:00", "status": "success", "message": "Login successful"}
        """
    static let user = """
        {"id": 6, "email": "patrick@example.com", "firstName": "Patrick", "lastName": "McGoohan",
        "availableBalance": {"amount": 43750, "code": "usd", "decimals": 2}}
        """
    static let search = """
        {"request": {"filters": {"text": "dog, beach", "searchAccess": "public", "cameraType": ["mobile"], "assetType": ["video_creative"],
        "page": 1, "pageSize": 200, "sort": "curated"}, "page": 1, "pageSize": 200, "sort": "curated"},
        "response": {"returnedItemCount": 200, "totalItemCount": 5890, "totalPageCount": 29, "items": [{"id": 1103358,
        "contributor_name": "Ada Lovelace", "contributor_id": 1234, "title": "Cool lady with her dog", "type": "video_creative",
        "orientation": "Horizontal", "mature": true, "original_dimensions": {"height": 1350, "width": 1500},
        "thumbnail_dimensions": {"height": 1350, "width": 1500}, "thumbUrl": "https://c.stocksy.com/a/pic400/z0/1102163.jpg",
        "videoDuration": 3.625, "videoThumbUrl": "https://c.stocksy.com/a/pic400/y0/1102163.mp4"}]},
        "userId": 1234, "status": "success", "message": "successful search"}
        """
    static let asset = """
        {"id": 12345, "title": "Desert Sunset", "description": "A panorama view of the desert at Sunset, New Mexico, USA",
        "matureContent": false, "creationDate": "2016-07-22T11:53:37.000Z", "contributor_name": "Ada Lovelace", "contributor_id": 1234,
        "type": "photo_creative", "orientation": "Horizontal", "original_dimensions": {"width": 3000, "height": 2000},
        "thumbnail_dimensions": {"width": 300, "height": 200}, "thumbUrl": "https://c.stocksy.com/a/pic400/z0/1102163.jpg",
        "videoDuration": 0, "keywords": ["desert", "sunset", "cactus", "nature", "sky"], "imageCompUrl": "http://url.to/image",
        "availableProducts": [{"productTypeId": 1, "type": "deliverable", "name": "Small",
        "description": "A royalty free license that is somewhat petite. 15 USD", "price": {"amount": 1500, "code": "usd", "decimals": 2},
        "dimensions": {"width": 800, "height": 600}}],
        "purchasedProducts": [{"assetId": 12345, "productTypeId": 2, "id": 6867571, "customerId": 6, "customerAgentId": 6,
        "purchaseDate": "2018-05-14T23:06:24.000Z", "type": "deliverable", "name": "Medium", "downloadAt": "/downloads/6867571"}],
        "status": "success", "message": "Asset retrieved"}
        """
}
