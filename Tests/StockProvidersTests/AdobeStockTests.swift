import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

@Suite struct AdobeStockRequestTests {
    func query(_ text: String) throws -> QueryNode { try QueryParser.parse(text)! }
    func items(_ r: HTTPRequest) -> [String] { r.query.filter { $0.name != "result_columns[]" }.map { "\($0.name)=\($0.value)" } }

    @Test func searchCarriesEveryFilterInBrackets() throws {
        var f = SearchFilters()
        f.kinds = [.photo, .illustration, .vector]
        f.orientations = [.horizontal]
        f.premium = .nonPremium
        f.megapixels = .atLeast(20)
        f.width = NumericRange(min: 2000, max: 4000)
        f.height = .atMost(2500)
        f.licenseTypes = [.standard, .extended]
        let r = try #require(try AdobeStockRequests.search(SearchRequest(query: try query("hippos"), filters: f, sort: .popular, page: 3, pageSize: 32)))
        #expect(r.method == .get && r.path == "/Rest/Media/1/Search/Files" && r.access == .application)
        #expect(items(r) == [
            "search_parameters[words]=hippos", "search_parameters[limit]=32", "search_parameters[offset]=64",
            "search_parameters[order]=nb_downloads",
            "search_parameters[filters][content_type:photo]=1", "search_parameters[filters][content_type:illustration]=1",
            "search_parameters[filters][content_type:vector]=1",
            "search_parameters[filters][orientation]=horizontal", "search_parameters[filters][premium]=false",
            "search_parameters[filters][editorial]=0", "search_parameters[filters][area_m_pixels]=20",
            "search_parameters[filters][image_width]=2000-4000", "search_parameters[filters][image_height]=-2500",
        ])
        #expect(r.query.filter { $0.name == "result_columns[]" }.map(\.value) == AdobeStockRequests.searchColumns)
        #expect(r.url(base: URL(string: "https://stock.adobe.io")!).contains("search_parameters%5Bfilters%5D%5Bpremium%5D=false"))
    }

    @Test func premiumIsAlwaysSent() throws {
        let r = try #require(try AdobeStockRequests.search(SearchRequest(pageSize: 10)))
        #expect(r.query.contains(QueryItem("search_parameters[filters][premium]", "all")))
        #expect(!r.query.contains { $0.name == "search_parameters[words]" })
        let premium = try #require(try AdobeStockRequests.search(SearchRequest(query: try query("premium:true"), pageSize: 10)))
        #expect(premium.query.contains(QueryItem("search_parameters[filters][premium]", "true")))
    }

    @Test func limitIsAtMost64() throws {
        #expect(try AdobeStockRequests.search(SearchRequest(pageSize: 64)) != nil)
        #expect(throws: StockError.invalidRequest("Adobe Stock returns at most 64 results per page; 65 were asked for")) {
            try AdobeStockRequests.search(SearchRequest(pageSize: 65))
        }
    }

    @Test func panoramasEditorialAndDurations() throws {
        var f = SearchFilters()
        f.orientations = [.panorama]
        f.licenseTypes = [.editorial]
        f.duration = .atMost(20)
        let r = try #require(try AdobeStockRequests.search(SearchRequest(filters: f, pageSize: 10)))
        #expect(r.query.contains(QueryItem("search_parameters[filters][panoramic:on]", "1")))
        #expect(r.query.contains(QueryItem("search_parameters[filters][editorial]", "1")))
        #expect(r.query.contains(QueryItem("search_parameters[filters][video_duration]", "20")))
        #expect(try AdobeStockRequests.videoDuration(.atLeast(30)) == "30-")
        #expect(try AdobeStockRequests.range(NumericRange(min: 5000, max: 8000, minExclusive: true), what: "width") == "5001-8000")
    }

    @Test func sortsMapToOrders() {
        // No SDK of Adobe's has `featured`: curated is refused before anything is sent.
        #expect(SortField.allCases.map(AdobeStockRequests.order) == ["relevance", "creation", "nb_downloads", nil, "undiscovered", "relevance"])
        #expect(throws: StockError.invalidRequest("Adobe Stock cannot search for results in curated order (its API has no editors' order; sort by relevance, newest, popular or emerging)")) {
            try AdobeStockRequests.search(SearchRequest(sort: .curated, pageSize: 10))
        }
    }

    @Test func whatAdobeCannotExpressIsRefused() throws {
        func refusal(_ q: String? = nil, _ change: (inout SearchFilters) -> Void = { _ in }) throws -> StockError? {
            var f = SearchFilters()
            change(&f)
            do { _ = try AdobeStockRequests.search(SearchRequest(query: try q.flatMap { try QueryParser.parse($0) }, filters: f, pageSize: 10)); return nil }
            catch let e as StockError { return e }
        }
        #expect(try refusal("drone OR aerial") == .invalidRequest("Adobe Stock cannot search for drone OR aerial: its words are plain keywords and phrases (no OR, NOT, wildcards, proximity, or fields inside them)"))
        #expect(try refusal("-winter") != nil)
        #expect(try refusal { $0.orientations = [.horizontal, .vertical] } == .invalidRequest("Adobe Stock cannot search for several orientations at once (horizontal, vertical)"))
        #expect(try refusal { $0.only4K = true } == .invalidRequest("Adobe Stock cannot search for video by resolution (4k, 1080p, 720p)"))
        #expect(try refusal { $0.free = .only } != nil)
        #expect(try refusal { $0.cameras = [.mobile] } != nil)
        #expect(try refusal { $0.duration = NumericRange(min: 5, max: 15) } != nil)
        #expect(try refusal { $0.categories = ["x"] } != nil)
        #expect(try refusal("\"golden hour\" lake") == nil)
    }

    @Test func filesRequestListsIDsAndColumns() {
        let r = AdobeStockRequests.files([176175683, 89961792])
        #expect(r.path == "/Rest/Media/1/Files")
        #expect(r.query.first == QueryItem("ids", "176175683,89961792"))
        #expect(r.query.dropFirst().map(\.value) == AdobeStockRequests.fileColumns)
    }
}

@Suite struct AdobeStockDecodingTests {
    @Test func premiumLevelsAndKindsMap() throws {
        // Seed 001's Files answer, with the FAQ's /* … */ annotations removed (they are not JSON).
        let list = try WireDecoding.decode(AdobeStockFileList.self, from: try fixture("adobe-files-premium.json"), what: "files")
        let assets = try list.files.enumerated().map { try $1.detail(path: "files[\($0)]").asset }
        #expect(assets.map(\.id) == [171817067, 171817041])
        #expect(assets.map(\.premiumLevel) == [.core, .free])
        #expect(assets[1].premiumLevel.isFree)
        #expect(assets.allSatisfy { $0.kind == .photo && $0.width == 5760 && $0.height == 3840 && $0.orientation == .horizontal })
        #expect(assets[0].title == "Cropped hand of sportsperson holding volleyball")
        #expect(assets[0].formats == ["jpeg"])
    }

    @Test func fullFileMaps() throws {
        let json = #"""
        {"nb_results":1,"files":[{"id":112670342,"title":"Lake \u001b[1mice","creator_name":"Anna","creator_id":2077,
         "width":3840,"height":2160,"media_type_id":4,"content_type":"video/quicktime","creation_date":"2017-06-08 07:40:22.046046",
         "premium_level_id":3,"is_licensed":"Video_4K","is_editorial":false,"nb_downloads":1200,"duration":12480,"framerate":29.97,
         "category":{"id":1043,"name":"Landscapes"},"keywords":[{"name":"lake"},{"name":"ice"}],
         "thumbnail_110_url":"https://t4.ftcdn.net/110.jpg","thumbnail_500_url":"https://t4.ftcdn.net/500.jpg",
         "comp_url":"https://stock.adobe.com/Rest/Libraries/Watermarked/Download/112670342/2"}]}
        """#
        let list = try WireDecoding.decode(AdobeStockFileList.self, from: Data(json.utf8), what: "files")
        let d = try list.files[0].detail(path: "files[0]")
        #expect(d.asset.kind == .video && d.asset.is4K)
        #expect(d.asset.title == "Lake ice")
        #expect(d.asset.duration == 12.48 && d.asset.fps == 29.97)
        #expect(d.asset.premiumLevel == .premium2)
        #expect(d.asset.created == ISODate.date("2017-06-08T07:40:22Z"))
        #expect(d.asset.keywords == ["lake", "ice"] && d.asset.category == "Landscapes")
        #expect(d.asset.thumbnails == [110: "https://t4.ftcdn.net/110.jpg", 500: "https://t4.ftcdn.net/500.jpg"])
        #expect(d.asset.formats == ["mov"] && d.asset.popularity == 1200)
        #expect(d.asset.contributor == Contributor(id: 2077, name: "Anna"))
        #expect(d.asset.attribution == "© Anna / Adobe Stock")
        #expect(d.licensedAs == "Video_4K")
        #expect(d.compURL == "https://stock.adobe.com/Rest/Libraries/Watermarked/Download/112670342/2")
        #expect(d.asset.products.isEmpty)
    }

    @Test func availabilityAnswerDecodes() throws {
        // Seed 001's availability check asks for ids only: the list decodes, and mapping such a
        // file to an asset says which column it lacks (the client always asks for media_type_id).
        let list = try WireDecoding.decode(AdobeStockFileList.self, from: try fixture("adobe-files-availability.json"), what: "files")
        #expect(list.nbResults?.int == 7)
        #expect(list.files.map(\.id) == [89961792, 57185897, 94682947, 180905406, 175119903, 113187776, 120451263])
        #expect(throws: StockError.malformedResponse("field \"files[0].media_type_id\" is missing and the content type says nothing")) {
            try list.files[0].detail(path: "files[0]")
        }
    }

    @Test func unknownMediaTypeAndMissingFilesAreMalformed() throws {
        let bad = try WireDecoding.decode(AdobeStockFileList.self, from: Data(#"{"files":[{"id":1,"media_type_id":9}]}"#.utf8), what: "x")
        #expect(throws: StockError.malformedResponse("field \"files[0].media_type_id\" has the unknown value 9")) {
            try bad.files[0].detail(path: "files[0]")
        }
        #expect(throws: StockError.malformedResponse("Adobe Stock search answer: field \"files\" is missing")) {
            try WireDecoding.decode(AdobeStockFileList.self, from: Data(#"{"nb_results":3}"#.utf8), what: "Adobe Stock search answer")
        }
    }

    @Test func errorEnvelope429() throws {
        let response = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "1")], body: try fixture("adobe-error-429.json"))
        #expect(AdobeStockErrors.error(for: response, request: AdobeStockRequests.files([1])) == .rateLimited(retryAfterSeconds: 1))
        let e401 = AdobeStockErrors.error(for: HTTPResponse(status: 401, body: Data(#"{"error_code":"401013","message":"Oauth token is not valid"}"#.utf8)), request: AdobeStockRequests.files([1]))
        #expect(e401 == .unauthorized("Adobe Stock refused the credentials: Oauth token is not valid (401013). Check the Adobe Stock API key and product (x-product) in config.toml; profile and licensing also need a valid access token (they expire after 24 hours)."))
    }

    @Test func aRefusedAPIKeyIsUnauthorized() {
        // The gateway answers a wrong or missing x-api-key with 403 403003 / 403000, not 401.
        let e = AdobeStockErrors.error(for: HTTPResponse(status: 403, body: Data(#"{"error_code":"403003","message":"Api Key is invalid"}"#.utf8)),
                                       request: AdobeStockRequests.files([1]))
        #expect(e == .unauthorized("Adobe Stock refused the API key: Api Key is invalid (403003). Check the Adobe Stock API key and product (x-product) in config.toml; profile and licensing also need a valid access token (they expire after 24 hours)."))
    }

    @Test func profileReadsTheMemberStockID() throws {
        // Adobe's Member/Profile example: "member": {"stock_id": 1272100}.
        let json = #"{"available_entitlement":{"quota":48,"license_type_id":1,"has_credit_model":false,"has_agency_model":false,"is_cce":false},"member":{"stock_id":1272100},"purchase_options":{"state":"possible","requires_checkout":false,"message":"This will use 1 of your 48 licenses."}}"#
        let account = try WireDecoding.decode(AdobeStockProfile.self, from: Data(json.utf8), what: "p").account()
        #expect(account == Account(name: "Adobe Stock member 1272100", remainingQuota: 48, licenseTier: "subscription"))
    }

    @Test func profileMapsToAnAccount() throws {
        let json = #"{"available_entitlement":{"quota":10,"license_type_id":1,"has_credit_model":false,"has_agency_model":false,"is_cce":true},"member":{"member_id":1234},"purchase_options":{"state":"not_possible","requires_checkout":false,"message":"You have no licenses left"},"cce_agency":[{"id":2,"text":"Enter project reference...","required":true}]}"#
        let account = try WireDecoding.decode(AdobeStockProfile.self, from: Data(json.utf8), what: "p").account()
        #expect(account == Account(name: "Adobe Stock member 1234", remainingQuota: 10, licenseTier: "Creative Cloud for enterprise",
                                   licensingUnavailableReason: "Adobe Stock says this account cannot license assets: You have no licenses left"))
    }
}

/// AdobeStockClient through the real transport against a scripted server.
@Suite(.serialized) struct AdobeStockClientTests {
    static func client(_ base: URL, token: String? = nil) -> AdobeStockClient {
        AdobeStockClient(configuration: .init(baseURL: base, apiKey: "adobe-key-123", product: "stockterm-tests/1.0", accessToken: token),
                         retry: .never)
    }

    static func files(_ ids: [Int64]) -> String {
        #"{"nb_results":\#(ids.count),"files":["# + ids.map { #"{"id":\#($0),"title":"t\#($0)","media_type_id":1,"width":10,"height":10}"# }.joined(separator: ",") + "]}"
    }

    @Test func bulkLookupChunksBy110AndKeepsOrder() async throws {
        try await ScriptedServer.with({ r in
            let ids = r.query.first { $0.name == "ids" }!.value.split(separator: ",").compactMap { Int64($0) }
            // The service drops unknown ids (every seventh) and answers in its own order.
            return .json(200, Self.files(ids.filter { $0 % 7 != 0 }.reversed()))
        }) { base, log in
            let ids = (1...250).map { AssetID(Int64(1000 - $0)) }
            let lookup = try await Self.client(base).assets(ids: ids)
            let requests = await log.requests
            #expect(requests.map { $0.query.first { $0.name == "ids" }!.value.split(separator: ",").count } == [110, 110, 30])
            #expect(requests.allSatisfy { $0.path == "/Rest/Media/1/Files" && $0.header("x-api-key") == "adobe-key-123" && $0.header("x-product") == "stockterm-tests/1.0" && $0.header("Authorization") == nil })
            #expect(lookup.assets.map(\.id) == ids.filter { $0.rawValue % 7 != 0 })
            #expect(lookup.unavailable == ids.filter { $0.rawValue % 7 == 0 })
        }
    }

    @Test func aPageNeverHoldsMoreThanAsked() async throws {
        try await ScriptedServer.with({ _ in
            .json(200, Self.files([29490982, 266351490, 255736790, 238478418]))  // two extra premium results
        }) { base, log in
            let page = try await Self.client(base).search(SearchRequest(query: .term("flowers"), pageSize: 2))
            #expect(page.items.map(\.id) == [29490982, 266351490])
            #expect(page.total == 4)
            let sent = await log.requests[0]
            #expect(sent.query.contains(QueryItem("search_parameters[filters][premium]", "all")))
            #expect(sent.query.contains(QueryItem("search_parameters[limit]", "2")))
            #expect(sent.rawQuery.contains("search_parameters%5Bwords%5D=flowers"))
        }
    }

    @Test func accountWithoutATokenMakesNoCall() async throws {
        try await ScriptedServer.with({ _ in .json(500, "{}") }) { base, log in
            let account = try await Self.client(base).account()
            #expect(account.licensingUnavailableReason?.hasPrefix("no Adobe Stock access token is configured") == true)
            #expect(await log.count == 0)
        }
    }

    @Test func profileIsOneCallWithTheBearerTokenAndNoAsset() async throws {
        try await ScriptedServer.with({ _ in
            .json(200, #"{"available_entitlement":{"quota":7,"has_credit_model":true,"full_entitlement_quota":{"image_quota":10,"credits_quota":40}},"member":{"member_id":"Q3mZ8cTn1VbR6yLw0HsE4KdJ9aXoPf2G"}}"#)
        }) { base, log in
            let account = try await Self.client(base, token: "adobe-access-token").account()
            #expect(account.remainingQuota == 7 && account.licenseTier == "credit pack" && account.licensingUnavailableReason == nil)
            #expect(account.name == "Adobe Stock member Q3mZ8cTn1VbR6yLw0HsE4KdJ9aXoPf2G")
            #expect(account.planAllowance == "10 images, 40 credits")
            let requests = await log.requests
            // As Adobe's JS SDK and its reference ask: no search first to find a content_id.
            #expect(requests.count == 1)
            let sent = requests[0]
            #expect(sent.path == "/Rest/Libraries/1/Member/Profile")
            #expect(sent.query == [QueryItem("locale", "en_US")])
            #expect(sent.header("Authorization") == "Bearer adobe-access-token")
        }
    }

    @Test func unknownIDIsNotFound() async throws {
        try await ScriptedServer.with({ _ in .json(200, #"{"nb_results":0,"files":[]}"#) }) { base, _ in
            await #expect(throws: StockError.notFound(42)) { try await Self.client(base).asset(id: 42) }
        }
    }
}
