import AsyncHTTPClient
import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockProviders
import Testing
@testable import StockSandbox

extension ServiceIntegration {
    /// `AdobeStockClient`'s licensing against the Adobe Stock emulator: offer → license →
    /// history → download, license references, `license_again`, the quota, reconciliation,
    /// the organisation's history, vector formats, comps and the removed asset.
    @Suite struct AdobeLicensing {
        static func client(_ server: SandboxServer, token: String, wholeOrganisation: Bool = false) -> AdobeStockClient {
            AdobeStockClient(configuration: .init(baseURL: server.baseURL, apiKey: server.credentials.adobe!.apiKey, product: "stockterm-tests/1.0",
                                                  accessToken: token, requestsPerSecond: 1000, wholeOrganisationHistory: wholeOrganisation),
                             retry: quickRetry, sleep: Waits().sleep)
        }

        static func sandbox(_ body: (SandboxServer) async throws -> Void) async throws {
            try await withSandbox(SandboxOptions(api: .adobe, rateLimit: 1000), body)
        }

        static let licensePath = "GET /Rest/Libraries/1/Content/License"
        static let licensePostPath = "POST /Rest/Libraries/1/Content/License"

        /// The first `count` demo-catalog assets (by id) that `keep` accepts.
        static func assets(_ count: Int, _ keep: (Asset) -> Bool) throws -> [Asset] {
            var out: [Asset] = []
            var id: Int64 = 10_001
            while out.count < count && id <= 15_000 {
                if let a = try? DemoCatalog.asset(AssetID(id)), keep(a) { out.append(a) }
                id += 1
            }
            try #require(out.count == count)
            return out
        }

        static func corePhotos(_ count: Int) throws -> [Asset] {
            try assets(count) { $0.kind == .photo && $0.premiumLevel == .core && $0.licenseTypes.contains(.extended) }
        }

        /// Fetches a link as a download would: redirects followed, no Authorization header.
        static func fetch(_ link: DownloadLink) async throws -> (status: Int, bytes: [UInt8]) {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: link.url.absoluteString), timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 << 20)
            return (Int(response.status.code), Array(body.readableBytesView))
        }

        @Test func offerLicenseHistoryAndDownload() async throws {
            try await Self.sandbox { server in
                let token = server.credentials.adobe!.accessToken
                let client = Self.client(server, token: token)
                let truth = try Self.corePhotos(1)[0]
                let asset = try await client.asset(id: truth.id)

                let offer = try await client.licenseOffer(for: asset)
                #expect(offer.options.map(\.id) == ["Standard"], "a personal plan has no Extended licenses")
                #expect(offer.options.first?.cost == .credits(1))
                #expect(offer.options.first?.detail.contains("This will use 1 of your 48 licenses.") == true)
                #expect(offer.account.remainingQuota == 48 && offer.references.isEmpty && offer.alreadyLicensed.isEmpty)
                let quote = try #require(offer.quote(optionIDs: ["Standard"]))
                #expect(quote.before == .credits(48) && quote.after == .credits(47) && quote.isAffordable)

                let order = LicenseOrder(assetID: asset.id, optionIDs: ["Standard"])
                let receipt = try await client.license(order, idempotencyKey: "intent-1")
                #expect(receipt.products.map(\.id) == ["\(asset.id):Standard"])
                #expect(receipt.total == .credits(1))
                #expect(receipt.products.first?.fileName == "AdobeStock_\(asset.id).jpeg")
                #expect(abs(receipt.date.timeIntervalSinceNow) < 60)
                #expect(server.chargeCounts() == [asset.id.rawValue: 1])
                let sent = await server.stats().requests(Self.licensePath)
                #expect(sent.count == 1 && sent[0].queryValue("license_again") == nil && sent[0].headers["x-request-id"] == "intent-1")

                let page = try await client.licenseHistory(offset: 0, limit: 10)
                #expect(page.total == 2 && page.items.map(\.assetID) == [asset.id, 112_670_342])
                let newest = page.items[0]
                #expect(newest.id == "\(asset.id):Standard" && newest.downloadable && newest.title == truth.title)
                #expect(abs((newest.licensedAt ?? .distantPast).timeIntervalSince(receipt.date)) < 60, "history dates have minutes only")
                #expect(page.hasMore(limit: 10) == false)

                let link = try await client.downloadLink(for: newest, format: nil)
                #expect(link.url.absoluteString.hasPrefix("\(server.baseURL.absoluteString)/Rest/Libraries/Download/\(asset.id)/1?token="))
                #expect(link.secrets == [token] && !link.isComp && link.suggestedName == "AdobeStock_\(asset.id).jpeg")
                let file = try await Self.fetch(link)
                #expect(file.status == 200)
                #expect(Int64(file.bytes.count) == truth.fileSize)
                #expect(file.bytes == SandboxFiles.bytes(key: "adobe/\(asset.id)/1", from: 0, count: file.bytes.count))
                let download = try #require(await server.stats().requests.first { $0.path.hasPrefix("/Rest/Libraries/Download/") })
                #expect(download.status == 302 && download.headers["authorization"] == nil)

                let again = try await client.licenseOffer(for: asset)
                #expect(again.alreadyLicensed.map(\.id) == ["\(asset.id):Standard"])
                #expect(again.alreadyLicensed.first?.licensedAt == receipt.date)
                #expect(again.account.remainingQuota == 47)
            }
        }

        @Test func requiredReferencesAreCheckedBeforeSendingAndSentAsJSON() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.enterpriseAccessToken)
                let asset = try await client.asset(id: try Self.corePhotos(1)[0].id)
                let offer = try await client.licenseOffer(for: asset)
                #expect(offer.references == [LicenseReferenceField(id: "2", label: "Enter project reference...", required: true),
                                             LicenseReferenceField(id: "4", label: "Enter client reference...", required: false)])
                #expect(offer.options.map(\.id) == ["Standard", "Extended"])
                #expect(offer.options.map(\.cost) == [.credits(1), .credits(5)])

                let without = LicenseOrder(assetID: asset.id, optionIDs: ["Standard"], references: ["4": "King Kong Co"])
                #expect(without.missingReferences(in: offer).map(\.id) == ["2"])
                let error = await stockError { _ = try await client.license(without, idempotencyKey: "k1") }
                guard case .invalidRequest(let words)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(words.contains("Enter project reference...") && words.contains("nothing was sent"))
                #expect(await server.stats().requests.allSatisfy { !$0.path.hasSuffix("/Content/License") })

                let with = LicenseOrder(assetID: asset.id, optionIDs: ["Extended"], references: ["2": "Project Banana", "4": "King Kong Co"])
                let receipt = try await client.license(with, idempotencyKey: "k2")
                #expect(receipt.total == .credits(5) && receipt.products.map(\.id) == ["\(asset.id):Extended"])
                let post = try #require(await server.stats().requests(Self.licensePostPath).first)
                let body = try post.jsonBody()
                let sent = try #require(body["cce_agency"] as? [[String: Any]])
                #expect(sent.map { $0["id"] as? String } == ["2", "4"] && sent.map { $0["value"] as? String } == ["Project Banana", "King Kong Co"])
                #expect(server.chargeCounts() == [asset.id.rawValue: 1])
            }
        }

        @Test func licenseAgainChargesAgainOnlyWhenAsked() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.accessToken)
                let id = try Self.corePhotos(1)[0].id
                let order = LicenseOrder(assetID: id, optionIDs: ["Standard"])
                let first = try await client.license(order, idempotencyKey: "a")
                let second = try await client.license(order, idempotencyKey: "b")
                #expect(second.total == .credits(0), "already licensed: Adobe answers without a charge")
                #expect(second.purchaseID == first.purchaseID)
                #expect(server.chargeCounts() == [id.rawValue: 1])
                var again = order
                again.licenseAgain = true
                let third = try await client.license(again, idempotencyKey: "c")
                #expect(third.total == .credits(1) && third.date >= first.date)
                #expect(server.chargeCounts() == [id.rawValue: 2])
                let sent = await server.stats().requests(Self.licensePath)
                #expect(sent.map { $0.queryValue("license_again") } == [nil, nil, "true"])
                #expect(try await client.account().remainingQuota == 46)
            }
        }

        @Test func aSpentQuotaIsRefusedInWordsAndNothingIsSent() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.accessToken)
                let photos = try Self.corePhotos(49)
                for photo in photos.prefix(48) {
                    _ = try await client.license(LicenseOrder(assetID: photo.id, optionIDs: ["Standard"]), idempotencyKey: "\(photo.id)")
                }
                let last = try await client.asset(id: photos[48].id)
                let offer = try await client.licenseOffer(for: last)
                #expect(offer.account.remainingQuota == 0)
                #expect(offer.quote(optionIDs: ["Standard"])?.isAffordable == false)
                let error = await stockError { _ = try await client.license(LicenseOrder(assetID: last.id, optionIDs: ["Standard"]), idempotencyKey: "x") }
                #expect(error == .forbidden("Adobe Stock: licensing asset \(last.id) as Standard takes 1 credit and 0 credits are left; nothing was sent"))
                #expect(await server.stats().requests(Self.licensePath).count == 48)
                #expect(server.chargeCounts().count == 48 && server.chargeCounts()[last.id.rawValue] == nil)
            }
        }

        @Test func findLicenseReconcilesByTheLicenseDate() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.accessToken)
                #expect(client.canReconcile)
                let photos = try Self.corePhotos(2)
                let order = LicenseOrder(assetID: photos[0].id, optionIDs: ["Standard"])
                let sent = Date()
                #expect(try await client.findLicense(for: order, sentAfter: sent) == nil, "nothing licensed yet")
                let receipt = try await client.license(order, idempotencyKey: "i")
                let found = try #require(try await client.findLicense(for: order, sentAfter: sent))
                #expect(found.purchaseID == receipt.purchaseID && found.products.map(\.id) == receipt.products.map(\.id) && found.date == receipt.date)
                #expect(try await client.findLicense(for: order, sentAfter: sent.addingTimeInterval(3600)) == nil, "an older license is not this order's")
                #expect(try await client.findLicense(for: LicenseOrder(assetID: photos[1].id, optionIDs: ["Standard"]), sentAfter: sent) == nil)
                #expect(try await client.findLicense(for: LicenseOrder(assetID: photos[0].id, optionIDs: ["Extended"]), sentAfter: sent) == nil)
                let kitten = LicenseOrder(assetID: 112_670_342, optionIDs: ["Standard"])
                let before = try #require(ISODate.date("2017-11-06T02:50:00Z"))
                let old = try #require(try await client.findLicense(for: kitten, sentAfter: before))
                #expect(old.date == ISODate.date("2017-11-06T02:54:18Z"))
                #expect(server.chargeCounts() == [photos[0].id.rawValue: 1])
            }
        }

        @Test func theRemovedAssetStaysInTheHistoryAndItsDownloadSaysTheLicenseRemainsValid() async throws {
            try await Self.sandbox { server in
                let token = server.credentials.adobe!.accessToken
                let client = Self.client(server, token: token)
                let page = try await client.licenseHistory(offset: 0, limit: 100)
                let kitten = try #require(page.items.first { $0.assetID == 112_670_342 })
                #expect(!kitten.downloadable && kitten.title == "Kitten on white blanket" && kitten.name == "Standard")
                #expect(kitten.licensedAt == ISODate.date("2017-11-06T02:54:00Z"))
                let error = await stockError { _ = try await client.downloadLink(for: kitten, format: nil) }
                #expect(error == .noLongerOffered(112_670_342, "asset 112670342 is no longer offered by Adobe Stock; your Standard license of it remains valid"))
                // The download URL itself, as the history gives it: Adobe's words.
                let given = server.baseURL.absoluteString + "/Rest/Libraries/Download/112670342/1"
                let url = try #require(AdobeStockRequests.downloadURL(given: given, base: server.baseURL, token: token, format: nil))
                let answer = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(30))
                let text = String(buffer: try await answer.body.collect(upTo: 1 << 16))
                #expect(answer.status.code == 410)
                #expect(text.contains("no longer offered by Adobe Stock") && text.contains("license of 11/6/17, 2:54 AM remains valid"))
            }
        }

        @Test func theOrganisationsHistoryWithAllTrue() async throws {
            try await Self.sandbox { server in
                let token = server.credentials.adobe!.enterpriseAccessToken
                let mine = Self.client(server, token: token)
                let organisation = Self.client(server, token: token, wholeOrganisation: true)
                #expect(try await mine.licenseHistory(offset: 0, limit: 10).total == 0)
                let all = try await organisation.licenseHistory(offset: 0, limit: 1)
                #expect(all.total == 2 && all.items.count == 1 && all.hasMore(limit: 1))
                let next = try await organisation.licenseHistory(offset: 1, limit: 1)
                #expect(next.items.count == 1 && !next.hasMore(limit: 1) && next.items[0].assetID != all.items[0].assetID)
                #expect(try await mine.licenseHistory(offset: 0, limit: 10, all: true).total == 2)
                let calls = await server.stats().requests("GET /Rest/Libraries/1/Member/LicenseHistory")
                #expect(calls.map { $0.queryValue("all") } == [nil, "true", "true", "true"])
                #expect(calls.allSatisfy { $0.queryValue("search_parameters[limit]") != nil })
            }
        }

        @Test func vectorsDownloadAsJpegOrPngWhereTheServiceOffersIt() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.accessToken)
                let transparent = try Self.assets(1) { $0.kind == .vector && $0.premiumLevel == .core && $0.formats.contains("png") }[0]
                let opaque = try Self.assets(1) { $0.kind == .vector && $0.premiumLevel == .core && !$0.formats.contains("png") }[0]
                let photo = try Self.corePhotos(1)[0]
                var products: [AssetID: LicensedProduct] = [:]
                for a in [transparent, opaque, photo] {
                    products[a.id] = try await client.license(LicenseOrder(assetID: a.id, optionIDs: ["Standard"]), idempotencyKey: "\(a.id)").products[0]
                }
                let png = try await client.downloadLink(for: try #require(products[transparent.id]), format: "png")
                #expect(png.url.absoluteString.hasSuffix("&format=png") && png.suggestedName == "AdobeStock_\(transparent.id).png")
                let file = try await Self.fetch(png)
                #expect(file.status == 200 && !file.bytes.isEmpty)
                #expect(file.bytes == SandboxFiles.bytes(key: "adobe/\(transparent.id)/1/png", from: 0, count: file.bytes.count))
                let jpeg = try await client.downloadLink(for: try #require(products[opaque.id]), format: "jpg")
                #expect(jpeg.url.absoluteString.hasSuffix("&format=jpeg"))
                #expect(try await Self.fetch(jpeg).status == 200)
                let before = await server.stats().requests.count
                #expect(await stockError { _ = try await client.downloadLink(for: try #require(products[opaque.id]), format: "png") } != nil)
                #expect(await stockError { _ = try await client.downloadLink(for: try #require(products[photo.id]), format: "jpeg") } != nil)
                let after = await server.stats().requests
                #expect(after.dropFirst(before).allSatisfy { !$0.path.contains("/Download/") }, "refused before any download")
            }
        }

        @Test func aCompOfAnUnlicensedAsset() async throws {
            try await Self.sandbox { server in
                let client = Self.client(server, token: server.credentials.adobe!.accessToken)
                let asset = try await client.asset(id: try Self.corePhotos(1)[0].id)
                let link = try await client.compLink(for: asset)
                #expect(link.isComp && link.suggestedName == "AdobeStock_\(asset.id)_comp.jpeg")
                #expect(link.url.absoluteString == "\(server.baseURL.absoluteString)/Rest/Libraries/Watermarked/Download/\(asset.id)/2?token=\(server.credentials.adobe!.accessToken)")
                let file = try await Self.fetch(link)
                #expect(file.status == 200)
                #expect(file.bytes == SandboxFiles.bytes(key: "adobe-comp/\(asset.id)/2", from: 0, count: file.bytes.count))
                #expect(server.chargeCounts().isEmpty)
            }
        }
    }
}
