import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// Every recording of `../shared/adobe_fixtures/` served to the real client over HTTP, with the
/// fields it maps checked against the recording itself (not against our own emulator).
@Suite(.enabled(if: AdobeRecordings.shouldRun, "../shared/adobe_fixtures is not beside the checkout"))
struct AdobeRecordingReplayTests {
    static func client(_ base: URL, token: String? = nil) -> AdobeStockClient {
        AdobeStockClient(configuration: .init(baseURL: base, apiKey: "adobe-key-123", product: "stockterm-tests/1.0", accessToken: token),
                         retry: .never)
    }

    /// What a recorded search record must become.
    struct Expected {
        var id: Int64, kind: AssetKind?, title: String, width: Int, height: Int, category: String?
        var creator: String?, premium: Int, created: String, seconds: Double?, format: String?
        var licensedAs: String?

        init(_ r: [String: Any]) {
            id = r["id"] as! Int64
            kind = switch r["media_type_id"] as? Int {
            case 1, 5: .photo
            case 2: .illustration
            case 3: .vector
            case 4: .video
            case 7: .template
            default: nil
            }
            title = (r["title"] as! String).trimmingCharacters(in: .whitespacesAndNewlines)
            width = (r["width"] as? NSNumber)?.intValue ?? 0
            height = (r["height"] as? NSNumber)?.intValue ?? 0
            category = (r["category"] as? [String: Any])?["name"] as? String
            creator = r["creator_name"] as? String
            premium = (r["premium_level_id"] as? Int) ?? 0
            // "2016-10-19 17:06:16.127344" (UTC) to the second.
            created = String((r["creation_date"] as! String).replacingOccurrences(of: " ", with: "T").prefix(19)) + "Z"
            seconds = (r["duration"] as? NSNumber).map { $0.doubleValue / 1000 }
            format = switch r["content_type"] as? String {
            case "application/illustrator.template": "ait"
            case "image/vnd.adobe.photoshop.template": "psdt"
            case "application/illustrator": "ai"
            case "image/jpeg": "jpeg"
            case "video/quicktime": "mov"
            default: nil
            }
            let licensed = r["is_licensed"] as? String ?? ""
            licensedAs = licensed.isEmpty ? nil : licensed
        }
    }

    @Test(arguments: AdobeRecordings.searchPages)
    func recordedSearchPagesMapEveryRecord(_ name: String) async throws {
        let (body, records) = try AdobeRecordings.restoredSearchPage(name)
        let total = try #require((try AdobeRecordings.json(name) as? [String: Any])?["nb_results"] as? Int)
        let expected = records.map(Expected.init)
        let page = try await ScriptedServer.with({ _ in ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: body) }) { base, _ in
            try await Self.client(base).search(SearchRequest(query: .term("recorded"), pageSize: 64))
        }
        do {
            #expect(page.total == total)
            #expect(page.items.count + page.skipped.count == expected.count)
            #expect(page.skipped.isEmpty, "left out: \(page.skipped)")
            for (asset, want) in zip(page.items, expected) {
                #expect(asset.id == AssetID(want.id))
                #expect(asset.kind == want.kind, "record \(want.id)")
                #expect(asset.title == want.title)
                #expect(asset.width == want.width && asset.height == want.height)
                #expect(asset.category == want.category, "record \(want.id): category")
                #expect(asset.contributor?.name == want.creator)
                #expect(asset.premiumLevel.rawValue == want.premium)
                #expect(ISODate.format(asset.created) == want.created)
                #expect(asset.formats.first == want.format, "record \(want.id): \(asset.formats)")
                if want.kind == .video { #expect(asset.duration == want.seconds) }
                #expect(asset.thumbnails[500] != nil)
            }
        }
    }

    @Test func recordedSearchPagesDecodeAsTheyCameWithoutIDs() async throws {
        // As recorded (ids scrubbed): nothing can be mapped, the page says so, nothing crashes.
        let body = try AdobeRecordings.data("search_files_trees.json")
        try await ScriptedServer.with({ _ in ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: body) }) { base, _ in
            let page = try await Self.client(base).search(SearchRequest(query: .term("trees"), pageSize: 64))
            #expect(page.items.isEmpty)
            #expect(page.skipped.count == 8)
            #expect(page.skipped.first == SkippedRecord(path: "files[0]", reason: "field \"files[0].id\" is missing"))
        }
    }

    @Test func isLicensedIsAskedForOnlyWithATokenAndReadBack() async throws {
        let (body, records) = try AdobeRecordings.restoredSearchPage("search_files_trees.json")
        let licensed = records.map(Expected.init).filter { $0.licensedAs != nil }
        #expect(licensed.count == 2)
        try await ScriptedServer.with({ _ in ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: body) }) { base, log in
            _ = try await Self.client(base).search(SearchRequest(query: .term("trees"), pageSize: 10))
            _ = try await Self.client(base, token: "ims-token-0123456789").search(SearchRequest(query: .term("trees"), pageSize: 10))
            let sent = await log.requests
            #expect(sent.count == 2)
            #expect(!sent[0].query.contains(QueryItem("result_columns[]", "is_licensed")) && sent[0].header("Authorization") == nil)
            #expect(sent[1].query.contains(QueryItem("result_columns[]", "is_licensed")))
            #expect(sent[1].header("Authorization") == "Bearer ims-token-0123456789")
        }
        let file = try JSONDecoder().decode(AdobeStockFileList.self, from: body).files.elements[1]
        #expect(try file.detail(path: "files[1]").licensedAs == "Standard")
        #expect(try file.detail(path: "files[1]").asset.heldLicense == "Standard")
        #expect(AssetFields.fields(of: try file.detail(path: "files[1]").asset).contains { $0 == ("Licensed", "Standard (the service says this account holds it)") })
    }

    @Test func emptyRecordedPage() async throws {
        let body = try AdobeRecordings.data("search_files_empty.json")
        try await ScriptedServer.with({ _ in ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: body) }) { base, _ in
            let page = try await Self.client(base).search(SearchRequest(query: .term("nothing"), pageSize: 10))
            #expect(page.items.isEmpty && page.total == 0 && page.skipped.isEmpty)
        }
    }

    @Test func recordedProfilesBecomeAccounts() throws {
        func account(_ name: String) throws -> Account {
            try WireDecoding.decode(AdobeStockProfile.self, from: try AdobeRecordings.data(name), what: "profile").account()
        }
        let java = try account("member_profile_java.json")
        #expect(java.name == "Adobe Stock member 1222994")
        #expect(java.remainingQuota == 6)
        #expect(java.planAllowance == "6 images")
        #expect(java.licensingUnavailableReason == "Adobe Stock says this account cannot license assets: This will use 1 of your 6 licenses.")

        let hashed = try account("member_profile_overage_hashed_member.json")
        #expect(hashed.name == "Adobe Stock member 5PAGXppkUvXRR851OtNbz9HaODSXa7BV")
        #expect(hashed.remainingQuota == 0 && hashed.licensingUnavailableReason == nil)

        let php = try account("member_profile_php.json")  // "full_entitlement_quota": [], "cce_agency": []
        #expect(php.name == "Adobe Stock member 1393839")
        #expect(php.remainingQuota == 0 && php.planAllowance == nil)
        #expect(php.licensingUnavailableReason?.contains("You have 0 licenses. Purchase on Adobe Stock?") == true)
        let profile = try WireDecoding.decode(AdobeStockProfile.self, from: try AdobeRecordings.data("member_profile_php.json"), what: "profile")
        #expect(profile.referenceFields.isEmpty)
    }

    @Test func recordedContentInfoAnswers() throws {
        func details(_ name: String, _ id: AssetID) throws -> AdobeStockLicenseAnswer.PurchaseDetails? {
            try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: try AdobeRecordings.data(name), what: "info").content(id)?.purchaseDetails
        }
        let purchased = try #require(try details("content_info_php_purchased.json", 84071201))
        #expect(purchased.state == "purchased" && purchased.license == "Standard")
        #expect(purchased.date.flatMap(AdobeLicenseDate.parse).map(ISODate.format) == "2017-06-21T10:38:52Z")
        #expect(purchased.url == "https://primary.staging.adobestock.com/Rest/Libraries/Download/84071201/1")
        #expect(try details("content_info_purchased_java.json", 84071201)?.state == "purchased")
        #expect(try details("content_info_php_not_purchased.json", 59741022)?.state == "not_purchased")
        // `"available_entitlement": null` in both "not possible" answers.
        let notPossible = try #require(try details("content_license_php_not_possible.json", 59741022))
        #expect(notPossible.state == "not_possible" && notPossible.message == "")
        #expect(try details("content_license_java_not_possible.json", 84071201)?.state == "not_possible")
    }

    @Test func aRecordedNotPossibleLicenseAnswerIsARefusalInAdobesWords() async throws {
        let notPossible = try AdobeRecordings.data("content_license_php_not_possible.json")
        let profile = #"{"available_entitlement": {"quota": 3}, "member": {"stock_id": 1393839}, "purchase_options": {"state": "possible", "message": "This will use 1 of your 3 licenses."}}"#
        try await ScriptedServer.with({ r in
            r.path.hasSuffix("/Member/Profile") ? .json(200, profile)
                : ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: notPossible)
        }) { base, log in
            let client = Self.client(base, token: "ims-token-0123456789")
            let order = LicenseOrder(assetID: 59741022, optionIDs: ["Standard"])
            await #expect(throws: StockError.forbidden("Adobe Stock did not license asset 59741022: it answered not_possible (https://primary.staging.adobestock.com/59741022?sso_inbound=1)")) {
                try await client.license(order, idempotencyKey: "k1")
            }
            #expect(await log.requests.filter { $0.path.hasSuffix("/Content/License") }.count == 1)
        }
    }

    /// A download of `id`'s Standard license against a server that answers Content/Info with the
    /// recording `info` and the Files API with one photo of that id.
    static func download(_ id: Int64, info name: String, token: String = "ims-token-0123456789",
                         _ body: @Sendable @escaping (AdobeStockClient, LicensedProduct, RequestLog) async throws -> Void) async throws {
        let info = try AdobeRecordings.data(name)
        let files = #"{"nb_results": 1, "files": [{"id": \#(id), "media_type_id": 1, "content_type": "image/jpeg"}]}"#
        try await ScriptedServer.with({ r in
            r.path.hasSuffix("/Content/Info") ? ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: info)
                : .json(200, files)
        }) { base, log in
            let product = LicensedProduct(id: "\(id):Standard", assetID: AssetID(id), optionID: "Standard", name: "Standard")
            try await body(Self.client(base, token: token), product, log)
        }
    }

    @Test func aRecordedPurchaseDownloadsFromTheURLItsAnswerGives() async throws {
        // Content/Info as Adobe's PHP SDK recorded it: purchased, with the download URL.
        try await Self.download(84071201, info: "content_info_php_purchased.json", token: "ims+token/0123456789") { client, product, log in
            let link = try await client.downloadLink(for: product, format: nil)
            // The answer's own URL with the token added as the SDKs add it (encoded), never one we make up.
            #expect(link.url.absoluteString == "https://primary.staging.adobestock.com/Rest/Libraries/Download/84071201/1?token=ims%2Btoken%2F0123456789")
            #expect(link.suggestedName == "AdobeStock_84071201.jpeg")
            #expect(link.secrets == ["ims+token/0123456789"])
            let sent = await log.requests
            #expect(!sent.contains { $0.path.hasSuffix("/Content/License") }, "Content/Info gave the URL: no license call")
        }
    }

    @Test func aRecordedPurchaseWhoseURLIsNotAdobesGetsNoToken() async throws {
        // The Java SDK's test body points at my.example.com: the token is not sent there.
        try await Self.download(84071201, info: "content_info_purchased_java.json") { client, product, _ in
            do {
                _ = try await client.downloadLink(for: product, format: nil)
                Issue.record("a download link to my.example.com was made")
            } catch let error as StockError {
                #expect(error.message.contains("does not point at Adobe Stock"))
                #expect(!error.message.contains("ims-token-0123456789"))
            }
        }
    }

    @Test func aRecordedNotPurchasedAnswerRefusesTheDownload() async throws {
        try await Self.download(59741022, info: "content_info_php_not_purchased.json") { client, product, log in
            await #expect(throws: StockError.forbidden("Adobe Stock says asset 59741022 is not licensed as Standard by this account (not_purchased); license it first")) {
                try await client.downloadLink(for: product, format: nil)
            }
            #expect(!(await log.requests).contains { $0.path.hasSuffix("/Content/License") }, "nothing is licensed to make a download")
        }
    }

    @Test func recordedLicenseHistories() async throws {
        let entry = try #require(try AdobeRecordings.json("license_history_entry_php.json") as? [String: Any])
        let page = try JSONSerialization.data(withJSONObject: ["nb_results": 1, "files": [entry]])
        let java = try AdobeRecordings.data("license_history_java.json")
        let files = #"{"nb_results": 2, "files": [{"id": 1, "media_type_id": 1, "content_type": "image/jpeg"}, {"id": 148563830, "media_type_id": 1}]}"#
        try await ScriptedServer.with({ r in
            if r.path.hasSuffix("/Media/1/Files") { return .json(200, files) }
            let offset = r.query.first { $0.name == "search_parameters[offset]" }?.value
            return offset == "0" ? ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: page)
                : ScriptedAnswer(200, headers: [("Content-Type", "application/json")], body: java)
        }) { base, _ in
            let client = Self.client(base, token: "ims-token-0123456789")
            let first = try await client.licenseHistory(offset: 0, limit: 10)
            let item = try #require(first.items.first)
            #expect(item.assetID == 1)
            #expect(item.name == "unknown license")  // "license": "FILE::LICENSE::N/A"
            #expect(item.licensedAt.map(ISODate.format) == "2017-08-11T09:38:00Z")  // "8/11/17, 9:38 AM"
            let second = try await client.licenseHistory(offset: 1, limit: 10)
            #expect(second.total == 200)
            #expect(second.items.map(\.assetID) == [148563830])
            #expect(second.items.first?.title == "Red, white, and blue American flag for Memorial day or Veteran's day background")
            #expect(second.items.first?.name == "unknown license" && second.items.first?.licensedAt == nil)
        }
    }

    @Test func theRecordedTokenErrorIsUnauthorizedInAdobesWords() async throws {
        let body = try AdobeRecordings.data("error_invalid_access_token.json")
        try await ScriptedServer.with({ _ in ScriptedAnswer(401, headers: [("Content-Type", "application/json")], body: body) }) { base, _ in
            let client = Self.client(base, token: "ims-token-0123456789")
            do {
                _ = try await client.licenseHistory(offset: 0, limit: 10)
                Issue.record("a 401 was accepted")
            } catch let error as StockError {
                guard case .unauthorized(let why) = error else { Issue.record("\(error)"); return }
                #expect(why.contains("Invalid access token"))
                #expect(!why.contains("ims-token-0123456789"))
            }
        }
    }
}

@Suite struct AdobeThreeDModelTests {
    @Test func mediaType6IsA3DModelAndCanBeFilteredOn() throws {
        let list = try WireDecoding.decode(AdobeStockFileList.self,
                                           from: Data(#"{"files":[{"id":7,"media_type_id":6,"title":"Chair","width":2000,"height":2000}]}"#.utf8),
                                           what: "files")
        let asset = try list.files[0].detail(path: "files[0]").asset
        #expect(asset.kind == .model3D && asset.kind.rawValue == "3d")
        #expect(AssetListText.kind(asset.kind) == "3d")
        var filters = SearchFilters()
        filters.kinds = [.model3D]
        let request = try #require(try AdobeStockRequests.search(SearchRequest(filters: filters, pageSize: 10)))
        #expect(request.query.contains(QueryItem("search_parameters[filters][content_type:3d]", "1")))
        #expect(try QueryParser.parse("type:3d") != nil)
        // Only Adobe's filter pane lists 3D models.
        #expect(AdobeStockClient(configuration: .init(apiKey: "k")).info.kinds.contains(.model3D))
        #expect(!ProviderInfo(displayName: "x").kinds.contains(.model3D))
    }
}
