import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

@Suite struct StocksyRequestTests {
    func query(_ text: String) throws -> QueryNode { try QueryParser.parse(text)! }
    func items(_ r: HTTPRequest?) -> [String] { (r?.query ?? []).map { "\($0.name)=\($0.value)" } }

    @Test func searchSendsACommaSeparatedKeywordList() throws {
        let r = try StocksyRequests.search(SearchRequest(query: try query(#"dog "golden hour" beach"#), sort: .newest, page: 2, pageSize: 100))
        #expect(r?.path == "/search")
        #expect(items(r) == ["query=dog,golden hour,beach", "page=2", "limit=100", "sort=latest"])
        #expect(r!.url(base: URL(string: "https://api.stocksy.com")!) == "https://api.stocksy.com/search?query=dog%2Cgolden%20hour%2Cbeach&page=2&limit=100&sort=latest")
    }

    @Test func everyFacet() throws {
        var f = SearchFilters()
        f.kinds = [.video]
        f.orientations = [.vertical, .horizontal]
        f.cameras = [.mobile]
        f.compositions = [.close, .long]
        f.ungradedOnly = true
        f.only4K = true
        f.safeSearch = true
        f.tags = ["beach"]
        let r = try StocksyRequests.search(SearchRequest(query: .term("dog"), filters: f, sort: .emerging, pageSize: 500))
        #expect(items(r) == ["query=dog,beach", "page=1", "limit=500", "sort=emerging", "safe_search=true",
                             "facet_contenttype=video_creative", "facet_mobile=true", "facet_composition=long,close",
                             "facet_ungradedvideo=true", "facet_4kvideo=true", "facet_orientation=horizontal,tall"])
    }

    @Test func photosFilmAndPanoramas() throws {
        var f = SearchFilters()
        f.kinds = [.photo, .illustration]
        f.cameras = [.film]
        f.orientations = [.panorama]
        let r = try StocksyRequests.search(SearchRequest(filters: f, sort: .popular, pageSize: 50))
        #expect(items(r) == ["page=1", "limit=50", "sort=popular", "facet_contenttype=photo_creative", "facet_film=true", "facet_orientation=panorama"])
    }

    @Test func fourKAmongPhotosOnlyMatchesNothing() throws {
        var f = SearchFilters()
        f.kinds = [.photo]
        f.only4K = true
        #expect(try StocksyRequests.search(SearchRequest(filters: f, pageSize: 10)) == nil)
    }

    @Test func limitIsAtMost500() {
        #expect(throws: StockError.invalidRequest("Stocksy returns at most 500 results per page; 501 were asked for")) {
            try StocksyRequests.search(SearchRequest(pageSize: 501))
        }
    }

    @Test func sortsMapToTheNearest() {
        #expect(SortField.allCases.map(StocksyRequests.sort) == ["curated", "latest", "popular", "curated", "emerging", "curated"])
    }

    @Test func whatStocksyCannotExpressIsRefused() throws {
        func refusal(_ q: String? = nil, _ change: (inout SearchFilters) -> Void = { _ in }) throws -> StockError? {
            var f = SearchFilters()
            change(&f)
            do { _ = try StocksyRequests.search(SearchRequest(query: try q.flatMap { try QueryParser.parse($0) }, filters: f, pageSize: 10)); return nil }
            catch let e as StockError { return e }
        }
        #expect(try refusal("dog OR cat") == .invalidRequest("Stocksy cannot search for dog OR cat: its query is a list of keywords and phrases (no OR, NOT, wildcards, proximity, or fields inside them)"))
        #expect(try refusal("dog*") != nil)
        #expect(try refusal { $0.kinds = [.vector] } == .invalidRequest("Stocksy cannot search for vector: it has photos and videos only"))
        #expect(try refusal { $0.cameras = [.digital] } == .invalidRequest("Stocksy cannot search for digital-camera shots: it filters on mobile or on film"))
        #expect(try refusal { $0.cameras = [.mobile, .film] } != nil)
        #expect(try refusal { $0.minResolution = .p1080 } == .invalidRequest("Stocksy cannot search for video of at least 1080p: it filters 4k video only"))
        #expect(try refusal { $0.premium = .premiumOnly } != nil)
        #expect(try refusal { $0.categories = ["x"] } != nil)
        #expect(try refusal { $0.licenseTypes = [.editorial] } != nil)
        #expect(try refusal { $0.duration = .atMost(10) } != nil)
        #expect(try refusal { $0.width = .atLeast(10) } != nil)
        #expect(try refusal("orientation:tall type:photo") == nil)
    }
}

@Suite struct StocksyDecodingTests {
    @Test func searchResultMaps() throws {
        let result = try WireDecoding.decode(StocksySearchResult.self, from: try fixture("stocksy-search.json"), what: "search")
        #expect(result.response.totalItemCount?.int == 5890)
        #expect(result.response.items.skipped.isEmpty)
        let a = try result.response.items.elements[0].asset(path: "response.items[0]")
        #expect(a.id == 1103358 && a.kind == .video)
        #expect(a.title == "Cool lady with her dog")
        #expect(a.contributor == Contributor(id: 1234, name: "Ada Lovelace"))
        #expect(a.orientation == .horizontal && a.width == 1500 && a.height == 1350)
        #expect(a.mature)
        #expect(a.duration == 3.625)
        #expect(a.thumbnails == [1500: "https://c.stocksy.com/a/pic400/z0/1102163.jpg"])
        #expect(a.attribution == "© Ada Lovelace / Stocksy United")
    }

    @Test func assetMapsProductsWithExactMoney() throws {
        let detail = try WireDecoding.decode(StocksyAsset.self, from: try fixture("stocksy-asset.json"), what: "asset").detail(path: "")
        let a = detail.asset
        #expect(a.id == 12345 && a.kind == .photo && a.title == "Desert Sunset")
        #expect(a.description == "A panorama view of the desert at Sunset, New Mexico, USA")
        #expect(a.keywords == ["desert", "sunset", "cactus", "nature", "sky"])
        #expect(a.created == ISODate.date("2016-07-22T11:53:37.000Z"))
        #expect(a.duration == nil && !a.mature)
        #expect(a.products.map(\.productTypeId) == [1, 2, 3])
        #expect(a.products[0] == Product(productTypeId: 1, type: .deliverable, name: "Small",
                                         description: "A royalty free license that is somewhat petite. 15 USD",
                                         price: Money(amount: 1500, currency: "USD", decimals: 2),
                                         dimensions: .init(width: 800, height: 600)))
        #expect(a.products[0].price.formatted == "$15.00")
        #expect(a.products.map(\.price.formatted) == ["$15.00", "$30.00", "$75.00"])
        #expect(a.lowestPrice == Money(amount: 1500, currency: "USD"))
        #expect(detail.purchased == [StocksyPurchasedProduct(id: 6867571, assetID: 12345, productTypeID: 2, type: .deliverable, name: "Medium",
                                                             purchaseDate: ISODate.date("2018-05-14T23:06:24.000Z"), downloadPath: "/downloads/6867571")])
        #expect(detail.compURL == "http://url.to/image")
    }

    @Test func tallIsVertical() throws {
        let json = #"{"id":1,"type":"photo_creative","orientation":"Tall","original_dimensions":{"width":2000,"height":3000}}"#
        let a = try WireDecoding.decode(StocksySearchAsset.self, from: Data(json.utf8), what: "x").asset(path: "")
        #expect(a.orientation == .vertical)
    }

    @Test func assetListAndUserAndCredentials() throws {
        let list = try WireDecoding.decode([StocksyAsset].self, from: try fixture("stocksy-assets.json"), what: "assets")
        #expect(list.map(\.id) == [12345])
        let user = try WireDecoding.decode(StocksyUser.self, from: try fixture("stocksy-user.json"), what: "user")
        #expect(user.availableBalance?.money == Money(amount: 43750, currency: "USD", decimals: 2))
        #expect(user.availableBalance?.money.formatted == "$437.50")
        let creds = try WireDecoding.decode(StocksyCredentialsWire.self, from: try fixture("stocksy-credentials.json"), what: "login")
        #expect(creds.accessKeyId == "SDF87SDF8S9DFKJSHDFKSJHF")
        #expect(WireDate.parse(creds.expiration!) == ISODate.date("2018-06-27T00:52:20Z"))
    }

    @Test func aProductWithoutAnAmountIsLeftOutNotTheAsset() throws {
        let json = #"{"id":1,"type":"photo_creative","availableProducts":[{"productTypeId":1,"price":{"code":"usd","decimals":2}},{"productTypeId":2,"price":{"amount":3000,"code":"usd"}}]}"#
        let detail = try WireDecoding.decode(StocksyAsset.self, from: Data(json.utf8), what: "Stocksy asset 1").detail(path: "")
        #expect(detail.asset.products.map(\.productTypeId) == [2])
        #expect(detail.skipped == [SkippedRecord(path: "availableProducts[0]", reason: "field \"availableProducts[0].price.amount\" is missing")])
    }

    @Test func aTypeNeitherPhotoNorVideoCannotBeAnAsset() throws {
        let unknownType = #"{"id":1,"type":"audio_creative"}"#
        #expect(throws: UnmappableRecord(reason: "field \"response.items[4].type\" has the unknown value \"audio_creative\" (neither photo nor video)")) {
            try WireDecoding.decode(StocksySearchAsset.self, from: Data(unknownType.utf8), what: "x").asset(path: "response.items[4]")
        }
        #expect(throws: UnmappableRecord(reason: "field \"type\" is missing or unreadable")) {
            try WireDecoding.decode(StocksyAsset.self, from: Data(#"{"id":1,"type":{}}"#.utf8), what: "x").detail(path: "")
        }
    }
}

/// StocksyClient through the real transport: login, signing, renewal.
@Suite(.serialized) struct StocksyClientTests {
    static func credentials(_ key: String, expires: String = "2099-01-01T00:00:00+00:00") -> ScriptedAnswer {
        .json(200, #"{"AccessKeyId":"\#(key)","SecretKey":"secret-\#(key)","SessionToken":"token-\#(key)","Expiration":"\#(expires)","status":"success","message":"Login successful"}"#)
    }

    static func client(_ base: URL) -> StocksyClient {
        StocksyClient(configuration: .init(baseURL: base, apiKey: "stocksy-key-1", email: "me@example.com", password: "pa ss+word"),
                      retry: .never)
    }

    /// Checks a request's signature the way the service would: recompute it from the request.
    static func signatureIsValid(_ r: RecordedRequest, base: URL, secret: String) -> Bool {
        guard let auth = r.header("Authorization"), let date = r.header("X-Amz-Date"),
              let signedList = auth.range(of: "SignedHeaders=").map({ auth[$0.upperBound...].split(separator: ",")[0] }) else { return false }
        var http = HTTPRequest(r.method == "POST" ? .post : .get, r.path, query: r.query, body: r.body.isEmpty ? nil : r.body)
        for name in signedList.split(separator: ";") where name != "host" {
            if let v = r.header(String(name)) { http.headers.append(HTTPHeader(String(name), v)) }
        }
        let (canonical, _) = SigV4Signer().canonicalRequest(http, baseURL: base)
        let day = String(date.prefix(8))
        let scope = "\(day)/us-east-1/execute-api/aws4_request"
        let toSign = SigV4Signer().stringToSign(canonicalRequest: canonical, amzDate: date, scope: scope)
        let expected = SigV4Signer().signature(of: toSign, secret: secret, day: day)
        return auth.hasSuffix("Signature=\(expected)")
    }

    @Test func logsInSignsAndReadsTheAccount() async throws {
        let user = try fixtureText("stocksy-user.json")
        try await ScriptedServer.with({ r in
            r.path == "/login" ? Self.credentials("AKID1") : .json(200, user)
        }) { base, log in
            let account = try await Self.client(base).account()
            #expect(account.name == "Patrick McGoohan")
            #expect(account.balance == Money(amount: 43750, currency: "USD"))
            let requests = await log.requests
            #expect(requests.map { "\($0.method) \($0.path)" } == ["POST /login", "GET /users"])
            #expect(requests[0].bodyText == "email=me%40example.com&password=pa%20ss%2Bword")
            #expect(requests[0].header("x-api-key") == "stocksy-key-1")
            #expect(requests[0].header("Authorization") == nil)
            let signed = requests[1]
            #expect(signed.header("x-api-key") == "stocksy-key-1")
            #expect(signed.header("X-Amz-Security-Token") == "token-AKID1")
            #expect(signed.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKID1/") == true)
            #expect(signed.header("Authorization")?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token;x-api-key") == true)
            #expect(Self.signatureIsValid(signed, base: base, secret: "secret-AKID1"))
        }
    }

    @Test func searchQueryIsSignedAsSent() async throws {
        let answer = try fixtureText("stocksy-search.json")
        try await ScriptedServer.with({ r in
            r.path == "/login" ? Self.credentials("AKID1") : .json(200, answer)
        }) { base, log in
            var f = SearchFilters()
            f.orientations = [.vertical, .square]
            let page = try await Self.client(base).search(SearchRequest(query: try QueryParser.parse(#"dog "golden hour""#), filters: f, pageSize: 200))
            #expect(page.items.map(\.id) == [1103358] && page.total == 5890)
            let sent = await log.requests[1]
            #expect(sent.rawQuery == "query=dog%2Cgolden%20hour&page=1&limit=200&sort=curated&facet_orientation=tall%2Csquare")
            #expect(Self.signatureIsValid(sent, base: base, secret: "secret-AKID1"))
        }
    }

    @Test func expiredCredentialsLogInAgainOnce() async throws {
        let asset = try fixtureText("stocksy-asset.json")
        let logins = Counter()
        try await ScriptedServer.with({ r in
            if r.path == "/login" { return Self.credentials("AKID\(await logins.next())") }
            // The first credentials are refused as expired, the way API Gateway words it.
            if r.header("Authorization")?.contains("Credential=AKID1/") == true {
                return .json(403, #"{"message":"The security token included in the request is expired"}"#)
            }
            return .json(200, asset)
        }) { base, log in
            let client = Self.client(base)
            let detail = try await client.detail(id: 12345)
            #expect(detail.asset.products.count == 3)
            #expect(await client.session.logins == 2)
            #expect(await log.requests.map(\.path) == ["/login", "/assets/12345", "/login", "/assets/12345"])
        }
    }

    @Test func credentialsAboutToExpireAreRenewedBeforeUse() async throws {
        let user = try fixtureText("stocksy-user.json")
        let logins = Counter()
        let soon = ISODate.format(Date().addingTimeInterval(60))
        try await ScriptedServer.with({ r in
            guard r.path == "/login" else { return .json(200, user) }
            let n = await logins.next()
            return n == 1 ? Self.credentials("AKID1", expires: soon) : Self.credentials("AKID\(n)")
        }) { base, log in
            let client = Self.client(base)
            for _ in 0..<3 { _ = try await client.account() }
            #expect(await client.session.logins == 2)
            #expect(await log.requests.map(\.path) == ["/login", "/users", "/login", "/users", "/users"])
        }
    }

    @Test func a401LogsInAgainOnceThenGivesUp() async throws {
        let logins = Counter()
        try await ScriptedServer.with({ r in
            r.path == "/login" ? Self.credentials("AKID\(await logins.next())") : .json(401, #"{"message":"Unauthorized"}"#)
        }) { base, log in
            await #expect(throws: StockError.unauthorized("Stocksy refused the credentials: Unauthorized. Check the Stocksy API key, email and password in config.toml.")) {
                try await Self.client(base).account()
            }
            #expect(await log.requests.map(\.path) == ["/login", "/users", "/login", "/users"])
        }
    }

    @Test func unknownAssetIsNotFound() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/login" ? Self.credentials("AKID1") : .json(404, #"{"status":"error","message":"Asset not found"}"#)
        }) { base, _ in
            await #expect(throws: StockError.notFound(999)) { try await Self.client(base).asset(id: 999) }
        }
    }

    @Test func badLoginSaysWhatToCheck() async throws {
        try await ScriptedServer.with({ _ in .json(401, #"{"status":"error","message":"Invalid email or password"}"#) }) { base, log in
            await #expect(throws: StockError.unauthorized("Stocksy login failed: Invalid email or password. Check the Stocksy API key, email and password in config.toml.")) {
                try await Self.client(base).account()
            }
            #expect(await log.count == 1)
        }
    }

    @Test func bulkUsesTheManyIDsForm() async throws {
        let list = try fixtureText("stocksy-assets.json")
        try await ScriptedServer.with({ r in
            r.path == "/login" ? Self.credentials("AKID1") : .json(200, list)
        }) { base, log in
            let lookup = try await Self.client(base).assets(ids: [777, 12345])
            #expect(lookup.assets.map(\.id) == [12345] && lookup.unavailable == [777])
            let sent = await log.requests[1]
            #expect(sent.path == "/assets" && sent.query == [QueryItem("ids", "777,12345")])
        }
    }
}

/// Hands out 1, 2, 3 … across handler calls.
actor Counter {
    private var value = 0
    func next() -> Int { value += 1; return value }
}
