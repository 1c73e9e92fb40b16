import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// The examples of seed 002, verbatim in Fixtures/, through the wire types into StockCore.
@Suite struct StockFlowDecodingTests {
    static let created = ISODate.date("2024-11-03T14:22:00Z")!

    @Test func clipListDecodesAndMaps() throws {
        let page = try WireDecoding.decode(StockFlowClipPage.self, from: try fixture("stockflow-clips.json"), what: "list")
        #expect(page.pagination?.page?.int == 1 && page.pagination?.perPage?.int == 20)
        #expect(page.pagination?.totalItems?.int == 14382 && page.pagination?.totalPages?.int == 719)
        #expect(page.data.skipped.isEmpty)
        let a = page.data.elements[0].asset()
        #expect(a.id == 18742)
        #expect(a.kind == .video)
        #expect(a.title == "Aerial view of Baikal shoreline at golden hour")
        #expect(a.category == "nature-landscapes")
        #expect(a.duration == 8.4)
        #expect(a.videoResolution == .k4 && a.is4K)
        #expect(a.width == 3840 && a.height == 2160 && a.orientation == .horizontal)
        #expect(a.fps == 30)
        #expect(a.licenseTypes == [.standard])
        #expect(a.thumbnails == [1080: "https://cdn.stockflow.ru/thumbs/18742_1080.jpg"])
        #expect(a.created == Self.created)
        #expect(a.products.isEmpty)
    }

    @Test func clipDetailCarriesFormatsAuthorAndTags() throws {
        let a = try WireDecoding.decode(StockFlowClip.self, from: try fixture("stockflow-clip.json"), what: "clip").asset()
        #expect(a.description.hasPrefix("Drone footage of Lake Baikal ice formations near Listvyanka"))
        #expect(a.keywords == ["drone", "lake", "winter", "aerial", "russia"])
        #expect(a.codec == "H.265")
        #expect(a.fileSize == 247_000_000)
        #expect(a.formats == ["mp4", "mov", "webm"])
        #expect(a.contributor == Contributor(id: 391, name: "Mikhail Volkov"))
        #expect(a.attribution == "© Mikhail Volkov / StockFlow")
    }

    @Test func searchAnswerDecodesWithoutOptionalFields() throws {
        let page = try WireDecoding.decode(StockFlowClipPage.self, from: try fixture("stockflow-search.json"), what: "search")
        #expect(page.query == "city timelapse night")
        #expect(page.pagination?.totalItems?.int == 342 && page.pagination?.perPage == nil)
        let assets = page.data.elements.map { $0.asset() }
        #expect(assets.map(\.id) == [22105, 19887])
        #expect(page.data.elements[0].relevanceScore?.value == 0.94)
        #expect(assets[1].videoResolution == .p1080 && assets[1].width == 1920)
        #expect(assets[1].duration == 10.2)
        #expect(assets[0].created == WireDate.unknown)
    }

    @Test func aClipThatCannotBeReadIsLeftOutWithItsPath() throws {
        let page = try WireDecoding.decode(StockFlowClipPage.self, from: Data(#"{"data":[{"id":1},{"id":true,"title":"b"},{"title":"c"},[]]}"#.utf8), what: "StockFlow clip list")
        #expect(page.data.elements.map(\.id) == [1])
        #expect(page.data.elements[0].asset().title == "", "a clip without a title is still a clip")
        #expect(page.data.skipped == [SkippedRecord(path: "data[1]", reason: "field \"data[1].id\": id must be a positive integer"),
                                      SkippedRecord(path: "data[2]", reason: "field \"data[2].id\" is missing"),
                                      SkippedRecord(path: "data[3]", reason: "field \"data[3]\" should be an object")])
        #expect(throws: StockError.malformedResponse("StockFlow clip list: field \"data\" is missing")) {
            try WireDecoding.decode(StockFlowClipPage.self, from: Data(#"{"pagination":{}}"#.utf8), what: "StockFlow clip list")
        }
        #expect(throws: StockError.malformedResponse("StockFlow clip list: field \"data\" should be an array")) {
            try WireDecoding.decode(StockFlowClipPage.self, from: Data(#"{"data":{}}"#.utf8), what: "StockFlow clip list")
        }
    }

    @Test func truncatedAndEmptyBodiesAreMalformedNotCrashes() throws {
        let whole = try fixture("stockflow-clips.json")
        for cut in [1, whole.count / 3, whole.count / 2, whole.count - 2] {
            #expect(throws: StockError.malformedResponse("StockFlow clip list: not valid JSON (truncated or not JSON at all)")) {
                try WireDecoding.decode(StockFlowClipPage.self, from: whole.prefix(cut), what: "StockFlow clip list")
            }
        }
        #expect(throws: StockError.malformedResponse("StockFlow clip list is empty")) {
            try WireDecoding.decode(StockFlowClipPage.self, from: Data(), what: "StockFlow clip list")
        }
    }

    @Test func errorEnvelopesBecomeStockErrors() throws {
        let request = StockFlowRequests.clip(18742)
        let e401 = StockFlowErrors.error(for: HTTPResponse(status: 401, body: try fixture("stockflow-error-401.json")), request: request)
        #expect(e401 == .unauthorized("StockFlow refused the credentials: Missing or invalid API key. Provide a Bearer token in the Authorization header. (AUTH_REQUIRED). Check the StockFlow API key (api_key_file or api_key_env in config.toml, or STOCKFLOW_API_KEY) and that it has not been revoked or rotated."))
        let e429 = StockFlowErrors.error(for: HTTPResponse(status: 429, body: try fixture("stockflow-error-429.json")), request: request)
        #expect(e429 == .rateLimited(retryAfterSeconds: 42))
        let e404 = StockFlowErrors.error(for: HTTPResponse(status: 404, body: Data(#"{"error":{"code":"NOT_FOUND","message":"no clip","status":404}}"#.utf8)), request: request, id: 18742)
        #expect(e404 == .notFound(18742))
        let e503 = StockFlowErrors.error(for: HTTPResponse(status: 503, body: Data("<html>\u{1B}[31mBad gateway".utf8)), request: request)
        #expect(e503 == .server(status: 503, message: "StockFlow: <html>Bad gateway"))
    }

    @Test func licenseExpiredNamesItsRemedy() {
        let body = Data(#"{"error":{"code":"LICENSE_EXPIRED","message":"License expired on 2025-01-31","status":403}}"#.utf8)
        let e = StockFlowErrors.error(for: HTTPResponse(status: 403, body: body), request: StockFlowRequests.clip(1))
        #expect(e == .forbidden("StockFlow: the license has expired (License expired on 2025-01-31 (LICENSE_EXPIRED)). Renew it (POST /v2/licenses/renew, or in the StockFlow dashboard) and try again."))
    }

    @Test func wireStringsAreSanitisedInMessages() {
        let body = Data(#"{"error":{"code":"X","message":"bad \u001b]0;pwned\u0007title\u001b[2J","status":400}}"#.utf8)
        let e = StockFlowErrors.error(for: HTTPResponse(status: 400, body: body), request: StockFlowRequests.me())
        #expect(e == .invalidRequest("StockFlow refused GET /users/me: bad title (X)"))
    }

    @Test func accountAndCategoriesReadTheLikelyShapes() throws {
        let me = try StockFlowAccountWire.me(Data(#"{"id":7,"display_name":"Mikhail","remaining_quota":42,"license_tier":"Professional","scope":"read"}"#.utf8))
        #expect(me == .init(name: "Mikhail", remainingQuota: 42, licenseTier: "Professional", scopes: ["read"]))
        let nested = try StockFlowAccountWire.me(Data(#"{"data":{"email":"a@b.ru","quota":{"remaining":3},"tier":"Starter","scopes":["read","admin"]}}"#.utf8))
        #expect(nested == .init(name: "a@b.ru", remainingQuota: 3, licenseTier: "Starter", scopes: ["read", "admin"]))
        // The sandbox's shape: the remaining download quota under download_quota.
        let sandbox = try StockFlowAccountWire.me(Data(#"{"id":391,"display_name":"Sandbox Studio","license_tier":"Professional","scope":"read admin","download_quota":{"limit":500,"used":12,"remaining":488}}"#.utf8))
        #expect(sandbox == .init(name: "Sandbox Studio", remainingQuota: 488, licenseTier: "Professional", scopes: ["read", "admin"]))
        let cats = try StockFlowAccountWire.categories(Data(#"{"data":[{"id":"nature-landscapes","name":"Nature & landscapes","clip_count":1200},"urban-cinematic"]}"#.utf8))
        #expect(cats == [Category(slug: "nature-landscapes", name: "Nature & landscapes", count: 1200),
                         Category(slug: "urban-cinematic", name: "Urban cinematic")])
        #expect(throws: StockError.malformedResponse("StockFlow categories answer: field \"data[0].slug\" is missing")) {
            try StockFlowAccountWire.categories(Data(#"[{"name":"x"}]"#.utf8))
        }
    }
}
