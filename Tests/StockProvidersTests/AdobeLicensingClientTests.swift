import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// `AdobeStockClient`'s licensing without an emulator: request builders, the answers' shapes
/// (as seed 001 and Adobe's licensing references describe them), dates, costs from messages,
/// and the checks made before anything is sent.
@Suite struct AdobeLicensingClientTests {
    static func client(_ base: URL, token: String? = "ims-token-0123456789") -> AdobeStockClient {
        AdobeStockClient(configuration: .init(baseURL: base, apiKey: "adobe-key-123", product: "stockterm-tests/1.0",
                                              accessToken: token, requestsPerSecond: 1000),
                         retry: RetryPolicy(maxRetries: 0), sleep: { _ in })
    }

    static func photo(_ id: AssetID = 172_563_501) -> Asset {
        Asset(id: id, kind: .photo, title: "Lake", width: 4256, height: 2832, licenseTypes: [.standard, .extended], created: Date(timeIntervalSince1970: 0))
    }

    // MARK: Requests

    @Test func contentLicenseIsAGetWithoutReferencesAndAPostWithThem() throws {
        let get = try AdobeStockRequests.contentLicense(contentID: 112_670_342, license: .standard, again: false, references: [:], requestID: "k-1")
        #expect(get.method == .get && get.path == "/Rest/Libraries/1/Content/License" && get.access == .user && !get.retryable)
        #expect(get.query == [QueryItem("content_id", "112670342"), QueryItem("license", "Standard")])
        #expect(get.body == nil && get.header("X-Request-Id") == "k-1")

        let post = try AdobeStockRequests.contentLicense(contentID: 172_563_501, license: .standard, again: true,
                                                         references: ["4": "King Kong Co", "2": " Project Banana ", "9": "  "], requestID: "k-2")
        #expect(post.method == .post && !post.retryable && post.header("Content-Type") == "application/json")
        #expect(post.query.contains(QueryItem("license_again", "true")))
        // Seed 001's body: ids as strings, in order; blank references left out.
        #expect(post.body.map { String(decoding: $0, as: UTF8.self) }
            == #"{"cce_agency":[{"id":"2","value":"Project Banana"},{"id":"4","value":"King Kong Co"}]}"#)
        #expect(throws: StockError.self) {
            try AdobeStockRequests.contentLicense(contentID: 1, license: .standard, again: false, references: ["project": "x"], requestID: "")
        }
    }

    @Test func historyUsesTheReferencesParameterNamesAndAllOnlyWhenAsked() {
        let r = AdobeStockRequests.licenseHistory(offset: 200, limit: 500, all: false)
        #expect(r.path == "/Rest/Libraries/1/Member/LicenseHistory" && r.access == .user)
        #expect(r.query == [QueryItem("search_parameters[limit]", "100"), QueryItem("search_parameters[offset]", "200"), QueryItem("locale", "en_US")])
        #expect(AdobeStockRequests.licenseHistory(offset: 0, limit: 10, all: true).query.last == QueryItem("all", "true"))
    }

    @Test func downloadURLsAreTheLicenseAnswersWithTheTokenAdded() throws {
        let base = URL(string: "https://stock.adobe.io")!
        // As Adobe's SDKs add it: encoded, after `&` when the URL has a query already.
        let url = try #require(AdobeStockRequests.downloadURL(given: "https://stock.adobe.com/Rest/Libraries/Download/490764909/2",
                                                              base: base, token: "a+b/c", format: "jpeg"))
        #expect(url.absoluteString == "https://stock.adobe.com/Rest/Libraries/Download/490764909/2?token=a%2Bb%2Fc&format=jpeg")
        #expect(AdobeStockRequests.downloadURL(given: "https://primary.staging.adobestock.com/Rest/Libraries/Download/84071201/1?x=1",
                                               base: base, token: "t", format: nil)?.absoluteString
            == "https://primary.staging.adobestock.com/Rest/Libraries/Download/84071201/1?x=1&token=t")
        // Never to a host that is not Adobe's (or the configured service).
        #expect(AdobeStockRequests.downloadURL(given: "https://evil.example/Rest/Libraries/Download/1/1", base: base, token: "t", format: nil) == nil)
    }

    @Test func compTokensGoOnlyToAdobeOrTheConfiguredService() {
        let base = URL(string: "https://stock.adobe.io")!
        let adobe = AdobeStockRequests.compURL(given: "https://stock.adobe.com/Rest/Libraries/Watermarked/Download/176175683/2",
                                               base: base, contentID: 176_175_683, token: "tok")
        #expect(adobe?.absoluteString == "https://stock.adobe.com/Rest/Libraries/Watermarked/Download/176175683/2?token=tok")
        let elsewhere = AdobeStockRequests.compURL(given: "https://evil.example/steal", base: base, contentID: 176_175_683, token: "tok")
        #expect(elsewhere?.absoluteString == "https://stock.adobe.io/Rest/Libraries/Watermarked/Download/176175683/2?token=tok")
        let plain = AdobeStockRequests.compURL(given: "http://stock.adobe.com/x", base: base, contentID: 5, token: "tok")
        #expect(plain?.host == "stock.adobe.io", "never over plain HTTP")
    }

    @Test func candidatesFollowTheAssetKind() {
        let uhd = Asset(id: 1, kind: .video, title: "", width: 3840, height: 2160, created: Date(timeIntervalSince1970: 0))
        #expect(AdobeStockLicense.candidates(for: uhd) == [.videoHD, .video4K])
        let hd = Asset(id: 2, kind: .video, title: "", width: 1920, height: 1080, created: Date(timeIntervalSince1970: 0))
        #expect(AdobeStockLicense.candidates(for: hd) == [.videoHD])
        var editorial = Self.photo()
        editorial.licenseTypes = [.editorial]
        #expect(AdobeStockLicense.candidates(for: editorial) == [.standard])
        #expect(AdobeStockLicense.candidates(for: Self.photo()) == [.standard, .extended])
    }

    // MARK: Answers

    @Test func licenseHistoryDatesAreUSShortStyleInUTC() {
        let utc = { (s: String) in ISODate.date(s) }
        #expect(AdobeLicenseDate.parse("11/6/17, 2:54 AM") == utc("2017-11-06T02:54:00Z"))
        #expect(AdobeLicenseDate.parse("9/21/17, 9:00 PM") == utc("2017-09-21T21:00:00Z"))
        #expect(AdobeLicenseDate.parse("12/31/24, 12:05 AM") == utc("2024-12-31T00:05:00Z"))
        #expect(AdobeLicenseDate.parse("1/2/25, 12:30\u{202F}PM") == utc("2025-01-02T12:30:00Z"), "newer ICU puts a narrow space before PM")
        #expect(AdobeLicenseDate.parse("2017-11-06 02:54:18") == utc("2017-11-06T02:54:18Z"))
        #expect(AdobeLicenseDate.parse("13/1/17, 1:00 AM") == nil)
        #expect(AdobeLicenseDate.parse("2/30/24, 1:00 AM") == nil)
        #expect(AdobeLicenseDate.parse("11/6/17, 13:54 PM") == nil)
        #expect(AdobeLicenseDate.parse("yesterday") == nil)
    }

    @Test func costsAreReadFromAdobesMessages() {
        #expect(AdobeLicenseCost.credits(message: "This will use 1 of your 48 licenses.", asset: nil) == 1)
        #expect(AdobeLicenseCost.credits(message: "This will use 5 of your 250 licenses.", asset: nil) == 5)
        #expect(AdobeLicenseCost.credits(message: "This will use your last standard credit.", asset: nil) == 1)
        #expect(AdobeLicenseCost.credits(message: "This asset is free: it will not use one of your licenses.", asset: nil) == 0)
        #expect(AdobeLicenseCost.credits(message: "Because we can.", asset: nil) == 1)
        var free = Self.photo()
        free.premiumLevel = .free
        #expect(AdobeLicenseCost.credits(message: "This will use 1 of your 48 licenses.", asset: free) == 0)
        #expect(AdobeLicenseCost.overagePrice("Would you like to license the image for $2.99?") == Money(amount: 299, currency: "USD", decimals: 2))
        #expect(AdobeLicenseCost.overagePrice("Would you like to see purchase options?") == nil)
    }

    @Test func answersDecodeInTheShapesAdobeDocuments() throws {
        // Shaped as Adobe's licensing reference writes Content/License (content_id a string) and
        // LicenseHistory (seed 001's fields), with this test's own values.
        let license = #"""
        {"available_entitlement":{"quota":47,"license_type_id":1,"has_credit_model":false,"has_agency_model":false,"is_cce":false,
          "full_entitlement_quota":{"image_quota":47}},
         "contents":{"172563501":{"content_id":"172563501","size":"Original","purchase_details":{"state":"just_purchased",
          "license":"Standard","date":"2021-03-04 05:06:07","url":"https://stock.adobe.com/Rest/Libraries/Download/172563501/1",
          "content_type":"image/jpeg","width":4256,"height":2832}}},"member":{"member_id":77}}
        """#
        let answer = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: Data(license.utf8), what: "license")
        let d = try #require(answer.content(172_563_501)?.purchaseDetails)
        #expect(d.state == "just_purchased" && d.license == "Standard" && d.date == "2021-03-04 05:06:07")
        #expect(answer.availableEntitlement?.quota?.int == 47)

        let history = #"""
        {"nb_results":3,"files":[{"license":"Standard","license_date":"3/4/21, 5:06 AM",
          "download_url":"https://stock.adobe.com/Download/DownloadFileDirectly/abc","id":172563501,"title":"Lake",
          "creator_name":"Anna","creator_id":2077,"media_type_id":1,"vector_type":null,"content_type":"image/jpeg","height":2832,"width":4256}]}
        """#
        let h = try WireDecoding.decode(AdobeStockLicenseHistory.self, from: Data(history.utf8), what: "history")
        #expect(h.nbResults?.int == 3 && h.files.map(\.id) == [172_563_501])
        #expect(h.files[0].licenseDate.flatMap(AdobeLicenseDate.parse) == ISODate.date("2021-03-04T05:06:00Z"))
        #expect(AdobeStockClient.fileName(172_563_501, contentType: "image/jpeg", vectorType: nil) == "AdobeStock_172563501.jpeg")
        #expect(AdobeStockClient.fileName(5, contentType: "application/illustrator", vectorType: "zip") == "AdobeStock_5.zip")
        // A subtype that is not a plain extension gives no name rather than a made-up one.
        #expect(AdobeStockClient.fileName(5, contentType: "image/../../x", vectorType: nil) == nil)
        #expect(AdobeStockClient.fileName(5, contentType: "application/illustrator.template", vectorType: nil) == "AdobeStock_5.ait")
    }

    // MARK: Before sending

    /// Member/Profile as seed 001 shows it for an organisation with references.
    static let enterpriseProfile = #"""
    {"available_entitlement":{"quota":10,"license_type_id":42,"has_credit_model":false,"has_agency_model":true,"is_cce":true},
     "member":{"stock_id":9},"purchase_options":{"state":"possible","requires_checkout":false,"message":"This will use 1 of your 10 licenses."},
     "cce_agency":[{"id":2,"text":"Enter project reference...","required":true},{"id":4,"text":"Enter client reference...","required":false}]}
    """#

    @Test func missingRequiredReferencesAreCaughtBeforeSending() async throws {
        try await ScriptedServer.with({ r in
            if r.path.hasSuffix("/Member/Profile") { return .json(200, Self.enterpriseProfile) }
            if r.path.hasSuffix("/Content/Info") { return .json(200, #"{"contents":{"172563501":{"purchase_details":{"state":"not_purchased"}}}}"#) }
            return .json(500, #"{"error":"must not be called","code":0}"#)
        }) { base, log in
            let client = Self.client(base)
            let offer = try await client.licenseOffer(for: Self.photo()).references
            #expect(offer == [LicenseReferenceField(id: "2", label: "Enter project reference...", required: true),
                              LicenseReferenceField(id: "4", label: "Enter client reference...", required: false)])
            let order = LicenseOrder(assetID: 172_563_501, optionIDs: ["Standard"], references: ["4": "King Kong Co"])
            let error = await #expect(throws: StockError.self) { try await client.license(order, idempotencyKey: "k") }
            #expect(error == .invalidRequest("Adobe Stock: your organisation requires the license reference \"Enter project reference...\" (2) before asset 172563501 can be licensed; nothing was sent"))
            let unknown = LicenseOrder(assetID: 172_563_501, optionIDs: ["Standard"], references: ["2": "Banana", "7": "x"])
            await #expect(throws: StockError.self) { try await client.license(unknown, idempotencyKey: "k") }
            let two = LicenseOrder(assetID: 172_563_501, optionIDs: ["Standard", "Extended"], references: ["2": "Banana"])
            await #expect(throws: StockError.self) { try await client.license(two, idempotencyKey: "k") }
            #expect(await log.requests.allSatisfy { !$0.path.hasSuffix("/Content/License") }, "nothing was sent")
        }
    }

    @Test func aSpentQuotaIsRefusedBeforeSending() async throws {
        let spent = #"""
        {"available_entitlement":{"quota":0},"purchase_options":{"state":"not_possible","requires_checkout":true,
          "message":"Would you like to see purchase options?","url":"https://stock.adobe.com/plans?image_id=172563501"}}
        """#
        try await ScriptedServer.with({ r in
            r.path.hasSuffix("/Member/Profile") ? .json(200, spent) : .json(200, #"{"contents":{"172563501":{"purchase_details":{"state":"not_purchased"}}}}"#)
        }) { base, log in
            let client = Self.client(base)
            let offer = try await client.licenseOffer(for: Self.photo())
            #expect(offer.options.map(\.id) == ["Standard"], "offered so that the confirmation can refuse it in words")
            #expect(offer.quote(optionIDs: ["Standard"])?.isAffordable == false)
            let error = await #expect(throws: StockError.self) {
                try await client.license(LicenseOrder(assetID: 172_563_501, optionIDs: ["Standard"]), idempotencyKey: "k")
            }
            #expect(error == .forbidden("Adobe Stock: licensing asset 172563501 as Standard takes 1 credit and 0 credits are left; nothing was sent"))
            #expect(await log.requests.allSatisfy { !$0.path.hasSuffix("/Content/License") })
        }
    }

    @Test func withoutATokenNothingIsAsked() async throws {
        try await ScriptedServer.with({ _ in .json(500, "{}") }) { base, log in
            let client = Self.client(base, token: nil)
            await #expect(throws: StockError.self) { try await client.licenseOffer(for: Self.photo()) }
            await #expect(throws: StockError.self) { try await client.licenseHistory(offset: 0, limit: 10) }
            await #expect(throws: StockError.self) {
                try await client.downloadLink(for: LicensedProduct(id: "1:Standard", assetID: 1, name: "Standard"), format: nil)
            }
            #expect(await log.count == 0)
        }
    }
}
