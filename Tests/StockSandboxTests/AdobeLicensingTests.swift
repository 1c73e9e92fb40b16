import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StockCore
import Testing
@testable import StockSandbox

/// The Adobe Stock emulator's licensing: Content/License (GET and POST with `cce_agency`,
/// `license_again`, quota), Content/Info, LicenseHistory (`all=true`), `is_licensed`, downloads
/// and comps that redirect with the token in the query, and the license of a removed asset.
@Suite struct AdobeLicensingEmulatorTests {
    /// A client that does not follow redirects, to look at the 302 itself.
    static let noRedirects: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    struct Adobe {
        let server: SandboxServer
        let headers: [(String, String)]
        var c: AdobeCredentials { server.credentials.adobe! }
        var base: String { server.baseURL.absoluteString }

        func bearer(_ token: String) -> [(String, String)] { headers + [("Authorization", "Bearer \(token)")] }

        func get(_ path: String, token: String?) async throws -> WireResponse {
            try await Wire.send(base + path, headers: token.map(bearer) ?? headers)
        }

        func license(_ id: AssetID, _ license: String = "Standard", token: String, again: Bool = false, body: String? = nil) async throws -> WireResponse {
            let path = "/Rest/Libraries/1/Content/License?content_id=\(id)&license=\(license)" + (again ? "&license_again=true" : "")
            guard let body else { return try await get(path, token: token) }
            return try await Wire.send(base + path, method: .POST, headers: bearer(token) + [("Content-Type", "application/json")], body: body)
        }

        func quota(_ id: AssetID, token: String) async throws -> Int {
            let body = try await get("/Rest/Libraries/1/Member/Profile?content_id=\(id)&license=Standard", token: token).object()
            return try #require((body["available_entitlement"] as? [String: Any])?["quota"] as? Int)
        }

        func history(_ query: String, token: String) async throws -> [String: Any] {
            try await get("/Rest/Libraries/1/Member/LicenseHistory?\(query)", token: token).object()
        }

        /// The redirect of a download URL, not followed.
        func redirect(_ url: String, headers: [(String, String)] = []) async throws -> (status: Int, location: String?, body: String) {
            var request = HTTPClientRequest(url: url)
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            let response = try await AdobeLicensingEmulatorTests.noRedirects.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (Int(response.status.code), response.headers.first(name: "Location"), String(buffer: body))
        }
    }

    static func withAdobe(_ body: (Adobe) async throws -> Void) async throws {
        try await withSandbox(SandboxOptions(api: .adobe, rateLimit: 1000)) { server in
            let c = server.credentials.adobe!
            try await body(Adobe(server: server, headers: [("x-api-key", c.apiKey), ("x-product", c.product)]))
        }
    }

    /// The first `count` catalog assets (by id) that `keep` accepts.
    static func assets(_ count: Int, _ keep: (Asset) -> Bool) throws -> [Asset] {
        var out: [Asset] = []
        var id: Int64 = 10_001
        while out.count < count && id < 10_001 + Int64(TestCatalog.shared.assetCount) {
            if let a = try? TestCatalog.shared.asset(id: AssetID(id)), keep(a) { out.append(a) }
            id += 1
        }
        try #require(out.count == count, "the catalog has too few matching assets")
        return out
    }

    /// Core photos a personal plan can license with Standard and Extended (not editorial).
    static func corePhotos(_ count: Int) throws -> [Asset] {
        try assets(count) { $0.kind == .photo && $0.premiumLevel == .core && $0.licenseTypes.contains(.extended) }
    }

    static func details(_ body: [String: Any], _ id: AssetID) throws -> [String: Any] {
        let content = try #require((body["contents"] as? [String: Any])?[id.description] as? [String: Any])
        return try #require(content["purchase_details"] as? [String: Any])
    }

    static func error(_ r: WireResponse) -> String { (try? r.object()["error"] as? String) ?? "" }

    static func charges(_ server: SandboxServer) async throws -> [[String: Any]] {
        let body = try await Wire.send("\(server.baseURL)/_sandbox/charges").object()
        return body["charges"] as? [[String: Any]] ?? []
    }

    // MARK: Content/License

    @Test func licensingChargesOnceUnlessLicenseAgainIsAsked() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            let token = adobe.c.accessToken
            #expect(try await adobe.quota(photo.id, token: token) == 48)

            let first = try await adobe.license(photo.id, token: token)
            #expect(first.status == 200)
            let body = try first.object()
            #expect(keys(body) == ["available_entitlement", "contents", "member"])
            #expect((body["available_entitlement"] as? [String: Any])?["quota"] as? Int == 47)
            let d = try Self.details(body, photo.id)
            #expect(d["state"] as? String == "just_purchased")
            #expect(d["license"] as? String == "Standard")
            #expect(d["url"] as? String == "\(adobe.base)/Rest/Libraries/Download/\(photo.id)/1")
            #expect(d["content_type"] as? String == "image/jpeg")
            #expect(d["width"] as? Int == photo.width && d["height"] as? Int == photo.height)
            let date = try #require(d["date"] as? String)
            #expect(date.count == 19 && date.dropFirst(10).first == " ", "2017-11-01 22:57:48: \(date)")
            #expect(adobe.server.chargeCounts()[photo.id.rawValue] == 1)

            let second = try await adobe.license(photo.id, token: token)
            let d2 = try Self.details(try second.object(), photo.id)
            #expect(second.status == 200)
            #expect(d2["state"] as? String == "purchased", "already licensed: answered, not charged")
            #expect(d2["date"] as? String == date)
            #expect(d2["url"] as? String == d["url"] as? String)
            #expect(adobe.server.chargeCounts()[photo.id.rawValue] == 1)
            #expect(try await adobe.quota(photo.id, token: token) == 47)

            let again = try await adobe.license(photo.id, token: token, again: true)
            #expect(try Self.details(try again.object(), photo.id)["state"] as? String == "just_purchased")
            #expect(adobe.server.chargeCounts()[photo.id.rawValue] == 2)
            #expect(try await adobe.quota(photo.id, token: token) == 46)
            let charges = try await Self.charges(adobe.server)
            #expect(charges.map { $0["licenseAgain"] as? Bool } == [false, true])
            #expect(charges.allSatisfy { $0["amount"] as? Int == 1 && $0["account"] as? String == "adobe-member-1272100" })
        }
    }

    @Test func requiredReferencesAreEnforcedAndNothingIsChargedWithoutThem() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            let token = adobe.c.enterpriseAccessToken
            let refused: [WireResponse] = [
                try await adobe.license(photo.id, token: token),
                try await adobe.license(photo.id, token: token, body: #"{"cce_agency":[{"id":"4","value":"King Kong Co"}]}"#),
                try await adobe.license(photo.id, token: token, body: #"{"cce_agency":[{"id":"2","value":"   "}]}"#),
                try await adobe.license(photo.id, token: token, body: #"{"cce_agency":[{"id":"2","value":"Banana"},{"id":"7","value":"x"}]}"#),
                try await adobe.license(photo.id, token: token, body: "not json"),
            ]
            #expect(refused.map(\.status) == [400, 400, 400, 400, 400])
            #expect(refused.allSatisfy { (try? $0.object()["code"] as? Int) == 20 })
            #expect(Self.error(refused[0]).contains("License reference 2 (\"Enter project reference...\") is required"))
            #expect(Self.error(refused[3]).contains("not one of your organisation's (2, 4)"))
            #expect(adobe.server.chargeCounts().isEmpty)
            #expect(try await adobe.quota(photo.id, token: token) == 250)

            let plain = try await adobe.license(photo.id, token: adobe.c.accessToken, body: #"{"cce_agency":[{"id":"2","value":"Banana"}]}"#)
            #expect(plain.status == 400 && Self.error(plain).contains("does not use license references"))

            let ok = try await adobe.license(photo.id, token: token, body: #"{"cce_agency":[{"id":"2","value":"Project Banana"},{"id":4,"value":"King Kong Co"}]}"#)
            #expect(ok.status == 200)
            #expect(try Self.details(try ok.object(), photo.id)["state"] as? String == "just_purchased")
            #expect(adobe.server.chargeCounts() == [photo.id.rawValue: 1])
            #expect(try await adobe.quota(photo.id, token: token) == 249)
            let profile = try await adobe.get("/Rest/Libraries/1/Member/Profile?content_id=\(photo.id)&license=Standard", token: token).object()
            let options = try #require(profile["purchase_options"] as? [String: Any])
            #expect(options["state"] as? String == "purchased")
            #expect((options["message"] as? String)?.contains("will use 1 of your 249 licenses") == true)
        }
    }

    @Test func anEmptyQuotaIsAClearErrorAndChargesNothing() async throws {
        try await Self.withAdobe { adobe in
            let photos = try Self.corePhotos(50)
            let token = adobe.c.accessToken
            for photo in photos.prefix(48) {
                #expect(try await adobe.license(photo.id, token: token).status == 200)
            }
            #expect(try await adobe.quota(photos[48].id, token: token) == 0)
            let profile = try await adobe.get("/Rest/Libraries/1/Member/Profile?content_id=\(photos[48].id)&license=Standard", token: token).object()
            #expect((profile["purchase_options"] as? [String: Any])?["state"] as? String == "not_possible")

            let refused = try await adobe.license(photos[48].id, token: token)
            #expect(refused.status == 403)
            #expect(Self.error(refused) == "You don't have enough licenses to license content #\(photos[48].id) as Standard: it needs 1 and 0 are left. Nothing was charged.")
            #expect(try await adobe.license(photos[49].id, token: token, again: true).status == 403)
            // Already licensed: answered without a charge, whatever the quota.
            let held = try await adobe.license(photos[0].id, token: token)
            let heldState = try Self.details(try held.object(), photos[0].id)["state"] as? String
            #expect(held.status == 200 && heldState == "purchased")
            #expect(try await adobe.license(photos[0].id, token: token, again: true).status == 403)
            let counts = adobe.server.chargeCounts()
            #expect(counts.count == 48 && counts.values.allSatisfy { $0 == 1 })
            #expect(counts[photos[48].id.rawValue] == nil)
        }
    }

    @Test func licensesMustFitTheAssetAndThePlan() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            let video = try Self.assets(1) { $0.kind == .video && $0.premiumLevel == .core && $0.videoResolution != .k4 }[0]
            let personal = adobe.c.accessToken, enterprise = adobe.c.enterpriseAccessToken
            let extended = try await adobe.license(photo.id, "Extended", token: personal)
            // A plan that cannot: 200 with `not_possible`, the shape Adobe's SDKs recorded from the real API.
            #expect(extended.status == 200)
            let details = (try extended.object()["contents"] as? [String: Any])?[photo.id.description] as? [String: Any]
            let purchase = details?["purchase_details"] as? [String: Any]
            #expect(purchase?["state"] as? String == "not_possible" && purchase?["message"] as? String == "")
            #expect((purchase?["url"] as? String)?.hasSuffix("/\(photo.id)?sso_inbound=1") == true)
            #expect(try extended.object()["available_entitlement"] is NSNull)
            let mismatch = try await adobe.license(video.id, "Standard", token: enterprise, body: #"{"cce_agency":[{"id":"2","value":"P"}]}"#)
            #expect(mismatch.status == 400 && Self.error(mismatch) == "The license \"Standard\" does not match type of content #\(video.id)")
            let no4K = try await adobe.license(video.id, "Video_4K", token: enterprise, body: #"{"cce_agency":[{"id":"2","value":"P"}]}"#)
            #expect(no4K.status == 400)
            #expect(try await adobe.license(photo.id, "Bogus", token: enterprise).status == 400)
            #expect(adobe.server.chargeCounts().isEmpty)

            // The enterprise pays 5 for Extended, 2 for video (the sandbox's prices, said in Member/Profile).
            let profile = try await adobe.get("/Rest/Libraries/1/Member/Profile?content_id=\(photo.id)&license=Extended", token: enterprise).object()
            #expect((profile["purchase_options"] as? [String: Any])?["message"] as? String == "This will use 5 of your 250 licenses.")
            #expect(try await adobe.license(photo.id, "Extended", token: enterprise, body: #"{"cce_agency":[{"id":"2","value":"P"}]}"#).status == 200)
            #expect(try await adobe.license(video.id, "Video_HD", token: enterprise, body: #"{"cce_agency":[{"id":"2","value":"P"}]}"#).status == 200)
            #expect(try await adobe.quota(photo.id, token: enterprise) == 243)
            #expect(try await Self.charges(adobe.server).map { $0["amount"] as? Int } == [5, 2])
            #expect(try await adobe.license(photo.id, token: personal).status == 200, "the organisation's Extended license is not the member's Standard")
        }
    }

    // MARK: Content/Info, is_licensed

    @Test func contentInfoSaysWhatIsHeld() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            let token = adobe.c.accessToken
            let path = "/Rest/Libraries/1/Content/Info?content_id=\(photo.id)"
            let before = try await adobe.get(path, token: token).object()
            #expect(try Self.details(before, photo.id)["state"] as? String == "not_purchased")
            #expect(try Self.details(before, photo.id)["member_id"] as? Int == 1_272_100)
            #expect(((before["contents"] as? [String: Any])?[photo.id.description] as? [String: Any])?["size"] as? String == "Comp")

            let licensed = try Self.details(try await adobe.license(photo.id, token: token).object(), photo.id)
            let after = try Self.details(try await adobe.get(path, token: token).object(), photo.id)
            #expect(keys(after) == ["date", "license", "state"])
            #expect(after["state"] as? String == "purchased" && after["license"] as? String == "Standard")
            #expect(after["date"] as? String == licensed["date"] as? String)
            #expect(try Self.details(try await adobe.get(path + "&license=Extended", token: token).object(), photo.id)["state"] as? String == "not_purchased")
            #expect(try await adobe.get(path, token: nil).status == 401)
            #expect(try await adobe.get("/Rest/Libraries/1/Content/Info?content_id=99999999", token: token).status == 404)
        }
    }

    @Test func isLicensedNeedsTheTokenAndCountsTheOrganisation() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            // The enterprise colleague's seeded licenses: the last two core photos of the catalog.
            var last: Asset?
            for id in stride(from: Int64(15_000), to: 10_000, by: -1) {
                if let a = try? TestCatalog.shared.asset(id: AssetID(id)), a.kind == .photo, a.premiumLevel == .core { last = a; break }
            }
            let seeded = try #require(last)
            _ = try await adobe.license(photo.id, token: adobe.c.accessToken)
            let path = "/Rest/Media/1/Files?ids=\(photo.id),\(seeded.id)&result_columns%5B%5D=id&result_columns%5B%5D=is_licensed"
            func licensed(_ token: String?) async throws -> [Int64: String] {
                let files = try await adobe.get(path, token: token).object()["files"] as? [[String: Any]] ?? []
                return Dictionary(uniqueKeysWithValues: files.compactMap { f in
                    (f["id"] as? NSNumber).map { ($0.int64Value, f["is_licensed"] as? String ?? "?") }
                })
            }
            #expect(try await licensed(nil) == [photo.id.rawValue: "", seeded.id.rawValue: ""])
            #expect(try await licensed(adobe.c.accessToken) == [photo.id.rawValue: "Standard", seeded.id.rawValue: ""])
            #expect(try await licensed(adobe.c.enterpriseAccessToken) == [photo.id.rawValue: "", seeded.id.rawValue: "Standard"])
            #expect(try await adobe.get(path, token: adobe.c.expiredAccessToken).status == 401)
            // The organisation's license counts: the enterprise member is not charged for it.
            let held = try await adobe.license(seeded.id, token: adobe.c.enterpriseAccessToken, body: #"{"cce_agency":[{"id":"2","value":"P"}]}"#)
            #expect(try Self.details(try held.object(), seeded.id)["state"] as? String == "purchased")
            #expect(adobe.server.chargeCounts()[seeded.id.rawValue] == nil)
        }
    }

    // MARK: LicenseHistory

    @Test func licenseHistoryPagesNewestFirstAndAllAddsTheOrganisation() async throws {
        try await Self.withAdobe { adobe in
            let photos = try Self.corePhotos(3)
            let token = adobe.c.accessToken
            let start = try await adobe.history("", token: token)
            #expect(start["nb_results"] as? Int == 1)
            let kitten = try #require((start["files"] as? [[String: Any]])?.first)
            let text = try await adobe.get("/Rest/Libraries/1/Member/LicenseHistory", token: token).body
            #expect(text.hasPrefix(#"{"nb_results":1,"files":[{"license":"Standard","license_date":"11/6/17, 2:54 AM","download_url":""#), "\(text.prefix(120))")
            #expect(keys(kitten) == ["license", "license_date", "download_url", "id", "title", "creator_name", "creator_id", "content_url",
                                     "media_type_id", "vector_type", "content_type", "height", "width", "details_url"])
            #expect(kitten["license_date"] as? String == "11/6/17, 2:54 AM")
            #expect(kitten["id"] as? Int == 112_670_342 && kitten["title"] as? String == "Kitten on white blanket")

            for photo in photos { _ = try await adobe.license(photo.id, token: token) }
            let all = try await adobe.history("search_parameters%5Blimit%5D=10", token: token)
            let ids = (all["files"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            #expect(all["nb_results"] as? Int == 4)
            #expect(ids == photos.reversed().map { Int($0.id.rawValue) } + [112_670_342], "newest first")
            let page = try await adobe.history("search_parameters%5Blimit%5D=2&search_parameters%5Boffset%5D=1", token: token)
            #expect((page["files"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == Array(ids[1...2]))
            let plain = try await adobe.history("limit=1&offset=3", token: token)
            #expect((plain["files"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } == [112_670_342])
            #expect(try await adobe.get("/Rest/Libraries/1/Member/LicenseHistory?search_parameters%5Blimit%5D=101", token: token).status == 400)
            #expect(try await adobe.get("/Rest/Libraries/1/Member/LicenseHistory", token: nil).status == 401)

            let enterprise = adobe.c.enterpriseAccessToken
            #expect(try await adobe.history("", token: enterprise)["nb_results"] as? Int == 0)
            let organisation = try await adobe.history("all=true", token: enterprise)
            #expect(organisation["nb_results"] as? Int == 2, "the colleague's two licenses")
            #expect((organisation["files"] as? [[String: Any]] ?? []).allSatisfy { $0["license_date"] as? String != nil })
            #expect(try await adobe.history("all=true", token: token)["nb_results"] as? Int == 4, "a personal plan has no organisation")
        }
    }

    // MARK: Downloads

    @Test func downloadsRedirectToTheSignedFileAndTakeTheTokenInTheQueryOnly() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            let token = adobe.c.accessToken
            let url = try #require(try Self.details(try await adobe.license(photo.id, token: token).object(), photo.id)["url"] as? String)
            let found = try await adobe.redirect(url + "?token=\(token)")
            #expect(found.status == 302)
            let location = try #require(found.location)
            #expect(location.hasPrefix("\(adobe.base)/_files/"))
            let key = try #require(location.split(separator: "/").dropFirst(3).first?.removingPercentEncoding)
            #expect(location.contains("/AdobeStock_\(photo.id).jpeg?"))
            let bytes = try await Self.bytes(url + "?token=\(token)") // the redirect followed
            #expect(Int64(bytes.count) == photo.fileSize)
            #expect(bytes == SandboxFiles.bytes(key: key, from: 0, count: bytes.count))

            let header = try await adobe.redirect(url, headers: [("Authorization", "Bearer \(token)")])
            #expect(header.status == 400 && header.body.contains("token query parameter"))
            #expect(try await adobe.redirect(url).status == 401)
            let expired = try await adobe.redirect(url + "?token=\(adobe.c.expiredAccessToken)")
            #expect(expired.status == 401 && expired.body.contains("This download is expired"))
            let stranger = try await adobe.redirect(url + "?token=\(adobe.c.enterpriseAccessToken)")
            #expect(stranger.status == 404 && stranger.body.contains("Cannot find a download for this file and license on this organization"))
            #expect(try await adobe.redirect("\(adobe.base)/Rest/Libraries/Download/\(photo.id)/2?token=\(token)").status == 404, "not licensed Extended")
            let logged = await adobe.server.stats().requests.filter { $0.path.hasPrefix("/Rest/Libraries/Download/") }
            #expect(!logged.isEmpty && logged.allSatisfy { $0.queryValue("token") != token }, "the token is masked in the log")
        }
    }

    @Test func vectorsComeAsJpegOrAsPngWhereTransparent() async throws {
        try await Self.withAdobe { adobe in
            let transparent = try Self.assets(1) { $0.kind == .vector && $0.premiumLevel == .core && $0.formats.contains("png") }[0]
            let opaque = try Self.assets(1) { $0.kind == .vector && $0.premiumLevel == .core && !$0.formats.contains("png") }[0]
            let photo = try Self.corePhotos(1)[0]
            let token = adobe.c.accessToken
            for asset in [transparent, opaque, photo] { #expect(try await adobe.license(asset.id, token: token).status == 200) }
            func download(_ id: AssetID, _ format: String) async throws -> (status: Int, location: String?, body: String) {
                try await adobe.redirect("\(adobe.base)/Rest/Libraries/Download/\(id)/1?token=\(token)&format=\(format)")
            }
            let jpeg = try await download(opaque.id, "jpeg")
            #expect(jpeg.status == 302 && jpeg.location?.contains("/AdobeStock_\(opaque.id).jpeg?") == true)
            let png = try await download(transparent.id, "png")
            #expect(png.status == 302 && png.location?.contains("/AdobeStock_\(transparent.id).png?") == true)
            let noPNG = try await download(opaque.id, "png")
            #expect(noPNG.status == 400 && noPNG.body.contains("no transparency"))
            #expect(try await download(photo.id, "jpeg").status == 400)
            #expect(try await download(opaque.id, "gif").status == 400)
            let original = try await adobe.redirect("\(adobe.base)/Rest/Libraries/Download/\(opaque.id)/1?token=\(token)")
            #expect(original.location?.contains("/AdobeStock_\(opaque.id).\(opaque.formats.contains("svg") ? "svg" : "zip")?") == true)
            let files = try await adobe.get("/Rest/Media/1/Files?ids=\(transparent.id),\(opaque.id)&result_columns%5B%5D=id&result_columns%5B%5D=is_transparent", token: nil).object()
            let transparency = Dictionary(uniqueKeysWithValues: (files["files"] as? [[String: Any]] ?? []).compactMap { f in
                (f["id"] as? NSNumber).map { ($0.int64Value, f["is_transparent"] as? Bool) }
            })
            #expect(transparency == [transparent.id.rawValue: true, opaque.id.rawValue: false])
        }
    }

    @Test func theRemovedAssetStaysLicensedButItsFileIsNoLongerOffered() async throws {
        try await Self.withAdobe { adobe in
            let token = adobe.c.accessToken
            let id = AdobeLicenseBook.removedAssetID
            #expect((try? TestCatalog.shared.asset(id: id)) == nil)
            let entry = try #require((try await adobe.history("", token: token)["files"] as? [[String: Any]])?.first)
            let url = try #require(entry["download_url"] as? String)
            let gone = try await adobe.redirect(url + "?token=\(token)")
            #expect(gone.status == 410)
            let message = try #require(try JSONSerialization.jsonObject(with: Data(gone.body.utf8)) as? [String: Any])["error"] as? String
            #expect(message?.contains("is no longer offered by Adobe Stock") == true)
            #expect(message?.contains("Your Standard license of 11/6/17, 2:54 AM remains valid") == true)
            let info = try Self.details(try await adobe.get("/Rest/Libraries/1/Content/Info?content_id=\(id)", token: token).object(), id)
            #expect(info["state"] as? String == "purchased" && info["date"] as? String == "2017-11-06 02:54:18")
            let files = try await adobe.get("/Rest/Media/1/Files?ids=\(id)&result_columns%5B%5D=id&result_columns%5B%5D=nb_results", token: nil).object()
            #expect(files["nb_results"] as? Int == 0, "the Files API no longer has it")
            #expect(try await adobe.license(id, token: token, again: true).status == 404, "it cannot be licensed anew")
        }
    }

    @Test func compsNeedTheTokenAndRedirectToAWatermarkedFile() async throws {
        try await Self.withAdobe { adobe in
            let photo = try Self.corePhotos(1)[0]
            let files = try await adobe.get("/Rest/Media/1/Files?ids=\(photo.id)&result_columns%5B%5D=comp_url", token: nil).object()
            let comp = try #require((files["files"] as? [[String: Any]])?.first?["comp_url"] as? String)
            #expect(comp == "\(adobe.base)/Rest/Libraries/Watermarked/Download/\(photo.id)/2")
            #expect(try await adobe.redirect(comp).status == 401)
            let found = try await adobe.redirect(comp + "?token=\(adobe.c.accessToken)")
            #expect(found.status == 302)
            let location = try #require(found.location)
            #expect(location.contains("/AdobeStock_\(photo.id)_comp.jpeg?"))
            let bytes = try await Self.bytes(location)
            let key = try #require(location.split(separator: "/").dropFirst(3).first?.removingPercentEncoding)
            #expect(!bytes.isEmpty && bytes == SandboxFiles.bytes(key: key, from: 0, count: bytes.count))
            #expect(adobe.server.chargeCounts().isEmpty, "a comp is not a license")
        }
    }

    /// The whole body of a URL.
    static func bytes(_ url: String) async throws -> [UInt8] {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
        #expect(response.status == .ok)
        let body = try await response.body.collect(upTo: 64 << 20)
        return Array(body.readableBytesView)
    }
}
