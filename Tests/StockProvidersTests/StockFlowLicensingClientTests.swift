import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// StockFlowClient's licensing: its readers and option ids without a network, and its requests
/// through the real transport against a scripted server on 127.0.0.1.
@Suite(.serialized) struct StockFlowLicensingClientTests {
    static func clip(_ id: AssetID = 18742, resolution: VideoResolution = .k4, width: Int = 3840, height: Int = 2160,
                     formats: [String] = ["mp4", "mov", "webm"], licenses: [LicenseType] = [.standard]) -> Asset {
        Asset(id: id, kind: .video, title: "Baikal", width: width, height: height, duration: 8.4, formats: formats,
              videoResolution: resolution, licenseTypes: licenses, created: Date(timeIntervalSince1970: 0))
    }

    static func client(_ base: URL) -> StockFlowClient {
        StockFlowClient(configuration: .init(baseURL: base.appendingPathComponent("v2"), apiKey: "sf-key-123456"), retry: .standard,
                        sleep: { _ in })
    }

    static let me = #"{"display_name":"Sandbox Studio","license_tier":"Professional","license_status":"active","scope":"read admin","download_quota":{"limit":500,"used":12,"remaining":488}}"#

    static let answer = #"{"license_id":"lic_1","clip_id":18742,"url":"https://cdn.stockflow.ru/dl/18742.mp4?expires=1&sig=abc123","expires_at":"2030-01-01T00:15:00Z","expires_in":900,"file_name":"18742.mp4","redownload":false}"#

    // MARK: Option and product ids

    @Test func optionAndProductIDsRoundTrip() throws {
        let d = try #require(StockFlowDeliverable(optionID: "mov-4k-extended"))
        #expect(d.format == "mov" && d.resolution == .k4 && d.licenseType == .extended)
        #expect(d.optionID == "mov-4k-extended")
        #expect(d.productID(clip: 18742) == "18742:mov:4k:extended")
        let parsed = try #require(StockFlowDeliverable.product("18742:mov:4k:extended"))
        #expect(parsed.clip == 18742 && parsed.deliverable == d)
        for bad in ["mov-4k", "avi-4k-standard", "mp4-720p-standard", "mp4-4k-commercial", "mp4-4k-standard-x", ""] {
            #expect(StockFlowDeliverable(optionID: bad) == nil, "\(bad)")
        }
        for bad in ["6867571", "0:mp4:4k:standard", "18742:mp4:4k", "18742:mp4:2k:standard", "x:mp4:4k:standard"] {
            #expect(StockFlowDeliverable.product(bad) == nil, "\(bad)")
        }
    }

    @Test func optionsAreFormatsTimesResolutionsTimesLicenses() throws {
        let options = StockFlowDeliverable.options(for: Self.clip(formats: ["mp4", "avi", "webm"], licenses: [.extended, .standard]))
        #expect(options.map(\.id) == ["mp4-1080p-standard", "mp4-4k-standard", "webm-1080p-standard", "webm-4k-standard",
                                      "mp4-1080p-extended", "mp4-4k-extended", "webm-1080p-extended", "webm-4k-extended"])
        #expect(options[1].name == "MP4 4K, standard license")
        #expect(options[1].dimensions == Product.Dimensions(width: 3840, height: 2160))
        #expect(options[0].dimensions == Product.Dimensions(width: 1920, height: 1080))
        #expect(options[0].detail == "1920 × 1080 px · standard license · one download from the plan's quota")
        #expect(options.allSatisfy { $0.cost == .credits(1) && $0.type == .deliverable })
        // One license type: the names leave it out. A 1080p clip has no 4k; a vertical frame stays vertical.
        let vertical = StockFlowDeliverable.options(for: Self.clip(resolution: .p1080, width: 1080, height: 1920, formats: ["mp4"]))
        #expect(vertical.map(\.id) == ["mp4-1080p-standard"])
        #expect(vertical[0].name == "MP4 1080p")
        // A receipt knows only the order: the HD tier, never "1080p" for what may be a 720p clip.
        let hdTier = try #require(StockFlowDeliverable(optionID: "mp4-1080p-standard"))
        #expect(hdTier.name(for: nil, withLicense: true) == "MP4 HD (up to 1080p), standard license")
        #expect(vertical[0].dimensions == Product.Dimensions(width: 1080, height: 1920))
        let vertical4K = StockFlowDeliverable.options(for: Self.clip(width: 2160, height: 3840, formats: ["mov"]))
        #expect(vertical4K.map(\.dimensions) == [Product.Dimensions(width: 1080, height: 1920), Product.Dimensions(width: 2160, height: 3840)])
        // A 720p clip is delivered in its own frame at "1080p".
        let hd = StockFlowDeliverable.options(for: Self.clip(resolution: .p720, width: 1280, height: 720, formats: ["webm"]))
        #expect(hd.map(\.id) == ["webm-1080p-standard"] && hd[0].name == "WEBM 720p")
        #expect(hd[0].dimensions == Product.Dimensions(width: 1280, height: 720))
        #expect(StockFlowClient.licenseName([.extended, .standard], tier: "Starter") == "StockFlow standard or extended license (Starter plan)")
        #expect(StockFlowClient.licenseName([], tier: nil) == "StockFlow standard license")
    }

    // MARK: Readers

    @Test func theDownloadAnswerReadsTheLikelySpellings() throws {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let full = try StockFlowDownloadWire.answer(Data(Self.answer.utf8), now: now)
        #expect(full.url.absoluteString == "https://cdn.stockflow.ru/dl/18742.mp4?expires=1&sig=abc123")
        #expect(full.expires == ISODate.date("2030-01-01T00:15:00Z"))
        #expect(full.fileName == "18742.mp4" && full.licenseID == "lic_1" && full.redownload == false)
        #expect(full.secrets == ["abc123"])
        let nested = try StockFlowDownloadWire.answer(Data(#"{"data":{"download_url":"http://x.test/f?X-Amz-Signature=s1&token=t1","expires_in":60,"filename":"a\u001b[31m.mp4"}}"#.utf8), now: now)
        #expect(nested.expires == now.addingTimeInterval(60))
        #expect(nested.fileName == "a.mp4")
        #expect(nested.secrets == ["s1", "t1"])
        #expect(nested.redownload == nil && nested.licenseID == nil)
        let bare = try StockFlowDownloadWire.answer(Data(#"{"signed_url":"https://x.test/f"}"#.utf8), now: now)
        #expect(bare.expires == now.addingTimeInterval(900))
        for body in [#"{"expires_in":900}"#, #"{"url":"javascript:alert(1)"}"#, #"{"url":"/relative/path"}"#,
                     #"{"url":"https://x.test/f\u001b]52;c;x\u0007"}"#, #"{"url":"https://x.test/a b"}"#, #"["x"]"#, "", #"{"url":"#] {
            #expect(throws: StockError.self, "\(body)") { try StockFlowDownloadWire.answer(Data(body.utf8), now: now) }
        }
    }

    @Test func theAccountSaysWhyLicensingIsUnavailable() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000) // 2027
        func reason(_ json: String, tokenScopes: Set<String> = ["read", "admin"]) throws -> String? {
            let me = try StockFlowAccountWire.me(Data(json.utf8))
            return StockFlowClient.licensingUnavailableReason(me, scopes: me.scopes ?? tokenScopes, now: now)
        }
        #expect(try reason(Self.me) == nil)
        #expect(try reason(#"{"license_status":"expired","license_expires_at":"2025-12-31","scope":"read admin"}"#)
                == "the StockFlow license expired on 2025-12-31; renew it (POST /v2/licenses/renew, or in the StockFlow dashboard) and try again")
        // No status: the end date decides (a bare day lasts until its end).
        #expect(try reason(#"{"license_expires_at":"2026-06-30T00:00:00Z"}"#)?.hasPrefix("the StockFlow license expired on 2026-06-30") == true)
        #expect(try reason(#"{"license_expires_at":"2099-12-31"}"#) == nil)
        #expect(try reason(#"{"license_status":"active","license_expires_at":"2020-01-01"}"#) == nil)
        let both = try #require(try reason(#"{"license_status":"expired","scope":"read"}"#))
        #expect(both == "the StockFlow license expired; renew it (POST /v2/licenses/renew, or in the StockFlow dashboard) and try again; and the StockFlow API key has the read scope only; licensing and downloads need a key with the admin scope (create one in the StockFlow dashboard)")
        #expect(try reason("{}", tokenScopes: ["read"])?.contains("read scope only") == true)
        #expect(try reason("{}", tokenScopes: []) == nil)
    }

    // MARK: Requests

    @Test func aReadOnlyTokenMakesTheOfferFailBeforeAnyDownloadIsAsked() async throws {
        try await ScriptedServer.with({ r in
            switch r.path {
            case "/v2/oauth/token": StockFlowClientTests.token("t", refresh: "r", scope: "read")
            case "/v2/users/me": .json(200, #"{"display_name":"Studio","remaining_quota":3}"#)
            default: .json(500, "{}")
            }
        }) { base, log in
            let error = await #expect(throws: StockError.self) { try await Self.client(base).licenseOffer(for: Self.clip()) }
            guard case .forbidden(let reason)? = error else { Issue.record("\(String(describing: error))"); return }
            #expect(reason.contains("admin scope"))
            #expect(await log.requests.map(\.path) == ["/v2/oauth/token", "/v2/users/me"])
        }
    }

    @Test func anOfferForAListItemReadsTheClipFirst() async throws {
        let detail = try fixtureText("stockflow-clip.json")
        try await ScriptedServer.with({ r in
            switch r.path {
            case "/v2/oauth/token": StockFlowClientTests.token("t", refresh: "r")
            case "/v2/users/me": .json(200, Self.me)
            case "/v2/clips/18742": .json(200, detail)
            default: .json(500, "{}")
            }
        }) { base, log in
            let listItem = Asset(id: 18742, kind: .video, title: "Baikal", width: 3840, height: 2160, created: Date())
            let offer = try await Self.client(base).licenseOffer(for: listItem)
            #expect(offer.options.count == 6)
            #expect(offer.account.remainingQuota == 488 && offer.account.licenseTier == "Professional")
            #expect(offer.licenseName == "StockFlow standard license (Professional plan)")
            #expect(await log.requests.map(\.path) == ["/v2/oauth/token", "/v2/users/me", "/v2/clips/18742"])
        }
    }

    @Test func licensePostsOnceWithTheChosenDeliverableAndIsNeverResent() async throws {
        let attempts = Counter()
        try await ScriptedServer.with({ r in
            if r.path == "/v2/oauth/token" { return StockFlowClientTests.token("t", refresh: "r") }
            return await attempts.next() == 1
                ? .json(503, #"{"error":{"code":"SERVICE_UNAVAILABLE","message":"try later","status":503}}"#, headers: [("Retry-After", "1")])
                : .json(200, Self.answer)
        }) { base, log in
            let client = Self.client(base)
            let order = LicenseOrder(assetID: 18742, optionIDs: ["mp4-4k-standard"])
            let error = await #expect(throws: StockError.self) { try await client.license(order, idempotencyKey: "k1") }
            #expect(error == .server(status: 503, message: "StockFlow: try later (SERVICE_UNAVAILABLE)"))
            var posts = await log.requests.filter { $0.path == "/v2/downloads/18742" }
            #expect(posts.count == 1)
            let post = try #require(posts.first)
            #expect(post.method == "POST")
            #expect(post.bodyText == #"{"format":"mp4","license_type":"standard","resolution":"4k"}"#)
            #expect(post.header("Content-Type") == "application/json")
            #expect(post.header("Authorization") == "Bearer t")

            let receipt = try await client.license(order, idempotencyKey: "k1")
            #expect(receipt.purchaseID == "lic_1")
            #expect(receipt.products.map(\.id) == ["18742:mp4:4k:standard"])
            #expect(receipt.products.first?.name == "MP4 4K, standard license")
            #expect(receipt.products.first?.fileName == "18742.mp4")
            #expect(receipt.total == .credits(1))
            posts = await log.requests.filter { $0.path == "/v2/downloads/18742" }
            #expect(posts.count == 2)
        }
    }

    @Test func aReDownloadCostsNothingAndALinkCarriesItsSignatureAsASecret() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? StockFlowClientTests.token("t", refresh: "r")
                : .json(200, Self.answer.replacingOccurrences(of: #""redownload":false"#, with: #""redownload":true"#))
        }) { base, log in
            let client = Self.client(base)
            let receipt = try await client.license(LicenseOrder(assetID: 18742, optionIDs: ["webm-1080p-editorial"]), idempotencyKey: "k")
            #expect(receipt.total == .credits(0) && receipt.subtotal == .credits(0))
            let product = LicensedProduct(id: "18742:webm:1080p:editorial", assetID: 18742, name: "WEBM 1080p")
            let link = try await client.downloadLink(for: product, format: "MOV")
            #expect(link.url.absoluteString == "https://cdn.stockflow.ru/dl/18742.mp4?expires=1&sig=abc123")
            #expect(link.secrets == ["abc123"])
            #expect(link.expires == ISODate.date("2030-01-01T00:15:00Z"))
            #expect(await log.requests.last?.bodyText == #"{"format":"mov","license_type":"editorial","resolution":"1080p"}"#)
        }
    }

    @Test func aQuotaRefusalSaysSo() async throws {
        try await ScriptedServer.with({ r in
            r.path == "/v2/oauth/token" ? StockFlowClientTests.token("t", refresh: "r")
                : .json(403, #"{"error":{"code":"DOWNLOAD_QUOTA_EXCEEDED","message":"Your Starter plan's download quota is used up (50 of 50 downloads this period).","status":403}}"#)
        }) { base, _ in
            let error = await #expect(throws: StockError.self) {
                try await Self.client(base).license(LicenseOrder(assetID: 18742, optionIDs: ["mp4-1080p-standard"]), idempotencyKey: "k")
            }
            #expect(error == .forbidden("StockFlow: no downloads left in the plan's quota (Your Starter plan's download quota is used up (50 of 50 downloads this period). (DOWNLOAD_QUOTA_EXCEEDED)). Licensing another clip needs more downloads (a higher tier, or the next period)."))
        }
    }
}
