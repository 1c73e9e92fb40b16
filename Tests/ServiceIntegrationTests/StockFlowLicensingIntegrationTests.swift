import AsyncHTTPClient
import Foundation
import StockCore
import StockHTTP
import StockProviders
@testable import StockSandbox
import Testing

extension ServiceIntegration {
    /// `StockFlowClient` as `StockLicensing` against the StockFlow emulator: offer, license,
    /// download, expired links, charges and refusals.
    @Suite struct StockFlowLicensing {
        /// 720p, 3.5 s, mp4 / mov / webm, standard and extended: a 3.5 MB file at "1080p".
        static let clip720: AssetID = 12093
        /// 4k, 3.4 s, mp4 / mov / webm, standard and extended.
        static let clip4K: AssetID = 12525

        static func client(_ server: SandboxServer, key: String? = nil) -> StockFlowClient {
            ServiceIntegration.StockFlow.client(server, key: key)
        }

        /// The whole body at `url`, with its status.
        static func fetch(_ url: URL) async throws -> (status: Int, bytes: [UInt8]) {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 40 << 20)
            return (Int(response.status.code), Array(body.readableBytesView))
        }

        static func downloads(_ server: SandboxServer) async -> [SandboxRequestRecord] {
            await server.stats().requests("POST /v2/downloads/{id}")
        }

        @Test func offerLicenseDownloadAndAFreshLinkOnceTheFirstExpired() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow, downloadURLLifetime: .seconds(5))) { server in
                let client = Self.client(server)
                #expect((client as any StockProvider).licensing != nil)
                let clip = try await client.asset(id: Self.clip720)
                let offer = try await client.licenseOffer(for: clip)
                #expect(offer.assetID == Self.clip720)
                // The detail shows one license_type: standard.
                #expect(offer.options.map(\.id) == ["mp4-1080p-standard", "mov-1080p-standard", "webm-1080p-standard"])
                #expect(offer.options.allSatisfy { $0.cost == .credits(1) && $0.type == .deliverable })
                #expect(offer.options.first?.name == "MP4 720p")
                #expect(offer.options.first?.dimensions == Product.Dimensions(width: 1280, height: 720))
                #expect(offer.licenseName == "StockFlow standard license (Professional plan)")
                #expect(offer.references.isEmpty && offer.alreadyLicensed.isEmpty && offer.taxBasisPoints == 0)
                #expect(offer.account.remainingQuota == 488 && offer.account.licenseTier == "Professional")
                let quote = try #require(offer.quote(optionIDs: ["mp4-1080p-standard"]))
                #expect(quote.total == .credits(1) && quote.before == .credits(488) && quote.after == .credits(487))
                // An offer sends nothing that could charge.
                #expect(await Self.downloads(server).isEmpty)

                let receipt = try await client.license(LicenseOrder(assetID: clip.id, optionIDs: ["mp4-1080p-standard"]),
                                                       idempotencyKey: "intent-1")
                #expect(receipt.assetID == Self.clip720)
                #expect(receipt.purchaseID.hasPrefix("lic_"))
                #expect(receipt.total == .credits(1) && receipt.tax == .credits(0))
                let product = try #require(receipt.products.first)
                #expect(receipt.products.count == 1)
                #expect(product.id == "12093:mp4:1080p:standard")
                #expect(product.optionID == "mp4-1080p-standard")
                #expect(product.fileName == "stockflow-12093-720p.mp4")
                #expect(server.chargeCounts() == [Self.clip720.rawValue: 1])
                let sent = try #require(await Self.downloads(server).first)
                #expect(sent.path == "/v2/downloads/12093")
                #expect(sent.body == #"{"format":"mp4","license_type":"standard","resolution":"1080p"}"#)

                let link = try await client.downloadLink(for: product, format: nil)
                #expect(link.suggestedName == "stockflow-12093-720p.mp4")
                #expect(!link.isComp)
                let expires = try #require(link.expires)
                #expect(expires.timeIntervalSinceNow <= 5)
                #expect(link.secrets.count == 1 && link.url.absoluteString.contains("sig=\(link.secrets[0])"))
                let first = try await Self.fetch(link.url)
                #expect(first.status == 200)
                #expect(first.bytes.count == 3_500_000)
                #expect(first.bytes == SandboxFiles.bytes(key: "stockflow-12093-720p.mp4", from: 0, count: 3_500_000))

                try await Task.sleep(for: .seconds(max(0, expires.timeIntervalSinceNow) + 1.1))
                #expect(try await Self.fetch(link.url).status == 403)
                let fresh = try await client.downloadLink(for: product, format: nil)
                #expect(fresh.url != link.url)
                let again = try await Self.fetch(fresh.url)
                #expect(again.status == 200 && again.bytes == first.bytes)

                // Three POSTs, one charge.
                #expect(await Self.downloads(server).count == 3)
                #expect(server.chargeCounts() == [Self.clip720.rawValue: 1])
                #expect(server.fileFetchCount(key: "stockflow-12093-720p.mp4") == 2)
                #expect(try await client.account().remainingQuota == 487)
            }
        }

        @Test func theFirstDownloadChargesAReDownloadDoesNotAnotherLicenseTypeDoes() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let client = Self.client(server)
                let standard = try await client.license(LicenseOrder(assetID: Self.clip4K, optionIDs: ["webm-4k-standard"]), idempotencyKey: "a")
                #expect(standard.total == .credits(1))
                #expect(server.chargeCounts() == [Self.clip4K.rawValue: 1])
                // Another format and resolution under the same license: the service says it is a re-download.
                let redownload = try await client.license(LicenseOrder(assetID: Self.clip4K, optionIDs: ["mov-1080p-standard"]), idempotencyKey: "b")
                #expect(redownload.total == .credits(0))
                #expect(redownload.purchaseID == standard.purchaseID)
                #expect(server.chargeCounts() == [Self.clip4K.rawValue: 1])
                let link = try await client.downloadLink(for: standard.products[0], format: "mp4")
                #expect(link.suggestedName == "stockflow-12525-4k.mp4")
                #expect(server.chargeCounts() == [Self.clip4K.rawValue: 1])
                let extended = try await client.license(LicenseOrder(assetID: Self.clip4K, optionIDs: ["webm-4k-extended"]), idempotencyKey: "c")
                #expect(extended.total == .credits(1))
                #expect(extended.purchaseID != standard.purchaseID)
                #expect(extended.products.map(\.id) == ["12525:webm:4k:extended"])
                #expect(server.chargeCounts() == [Self.clip4K.rawValue: 2])
                #expect(try await client.account().remainingQuota == 486)
            }
        }

        @Test func aClipFoundUnderTheExtendedLicenseIsOfferedUnderItAndLicensedSo() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let client = Self.client(server)
                var filters = SearchFilters()
                filters.licenseTypes = [.extended]
                filters.only4K = true
                let item = try #require(try await client.search(SearchRequest(filters: filters, pageSize: 10)).items.first)
                #expect(item.licenseTypes == [.extended] && item.formats.isEmpty)
                let offer = try await client.licenseOffer(for: item)
                #expect(await server.stats().requests("GET /v2/clips/{id}").count == 1)
                #expect(offer.licenseName == "StockFlow standard or extended license (Professional plan)")
                let extended = try #require(offer.options.first { $0.id.hasSuffix("-4k-extended") })
                #expect(extended.name.hasSuffix("4K, extended license"))
                let receipt = try await client.license(LicenseOrder(assetID: item.id, optionIDs: [extended.id]), idempotencyKey: "e")
                #expect(receipt.products.first?.id.hasSuffix(":4k:extended") == true)
                #expect(server.chargeCounts() == [item.id.rawValue: 1])
            }
        }

        @Test func aReadOnlyKeyIsToldWhyBeforeAnythingIsSent() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let client = Self.client(server, key: server.credentials.stockflow!.readOnlyKey)
                let reason = try #require(try await client.account().licensingUnavailableReason)
                #expect(reason == "the StockFlow API key has the read scope only; licensing and downloads need a key with the admin scope (create one in the StockFlow dashboard)")
                let clip = try await client.asset(id: Self.clip720)
                let error = await stockError { _ = try await client.licenseOffer(for: clip) }
                #expect(error == .forbidden(reason))
                #expect(await Self.downloads(server).isEmpty)
                // Asked anyway, the service refuses for the scope, and nothing is charged.
                let refused = await stockError {
                    _ = try await client.license(LicenseOrder(assetID: Self.clip720, optionIDs: ["mp4-1080p-standard"]), idempotencyKey: "x")
                }
                guard case .forbidden(let message)? = refused else { Issue.record("\(String(describing: refused))"); return }
                #expect(message.hasPrefix("StockFlow: the API key is read-only"))
                #expect(message.contains("INSUFFICIENT_SCOPE"))
                #expect(server.chargeCounts().isEmpty)
            }
        }

        @Test func anExpiredLicenseGivesItsRemedyInTheOfferAndTheRefusal() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let client = Self.client(server, key: server.credentials.stockflow!.expiredLicenseKey)
                let account = try await client.account()
                #expect(account.licensingUnavailableReason == "the StockFlow license expired on 2025-12-31; renew it (POST /v2/licenses/renew, or in the StockFlow dashboard) and try again")
                // The offer needs no clip detail (which the expired license would refuse): the asset in hand is enough.
                let clip = try DemoCatalog.asset(Self.clip720)
                let error = await stockError { _ = try await client.licenseOffer(for: clip) }
                guard case .forbidden(let reason)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(reason.contains("POST /v2/licenses/renew"))
                #expect(await Self.downloads(server).isEmpty)
                let refused = await stockError {
                    _ = try await client.license(LicenseOrder(assetID: Self.clip720, optionIDs: ["mp4-1080p-standard"]), idempotencyKey: "x")
                }
                guard case .forbidden(let message)? = refused else { Issue.record("\(String(describing: refused))"); return }
                #expect(message.contains("the license has expired"))
                #expect(message.contains("Renew it (POST /v2/licenses/renew"))
                #expect(server.chargeCounts().isEmpty)
            }
        }

        @Test func aUsedUpQuotaIsShownInTheQuoteAndRefusedByTheService() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let client = Self.client(server, key: server.credentials.stockflow!.lastDownloadKey)
                let first = try await client.licenseOffer(for: try await client.asset(id: Self.clip720))
                #expect(first.account.remainingQuota == 1)
                #expect(first.quote(optionIDs: ["mp4-1080p-standard"])?.isAffordable == true)
                let receipt = try await client.license(LicenseOrder(assetID: Self.clip720, optionIDs: ["mp4-1080p-standard"]), idempotencyKey: "a")

                let next = try await client.licenseOffer(for: try await client.asset(id: Self.clip4K))
                let quote = try #require(next.quote(optionIDs: ["mp4-4k-standard"]))
                #expect(quote.before == .credits(0) && quote.after == .credits(-1) && !quote.isAffordable)
                let refused = await stockError {
                    _ = try await client.license(LicenseOrder(assetID: Self.clip4K, optionIDs: ["mp4-4k-standard"]), idempotencyKey: "b")
                }
                guard case .forbidden(let message)? = refused else { Issue.record("\(String(describing: refused))"); return }
                #expect(message.hasPrefix("StockFlow: no downloads left in the plan's quota"))
                #expect(message.contains("DOWNLOAD_QUOTA_EXCEEDED"))
                // What was licensed can still be downloaded.
                let link = try await client.downloadLink(for: receipt.products[0], format: nil)
                #expect(try await Self.fetch(link.url).status == 200)
                #expect(server.chargeCounts() == [Self.clip720.rawValue: 1])
            }
        }

        @Test func whatStockFlowDoesNotHaveIsSaidPlainly() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let client = Self.client(server)
                #expect(!client.canReconcile)
                let order = LicenseOrder(assetID: Self.clip720, optionIDs: ["mp4-1080p-standard"])
                let find = await stockError { _ = try await client.findLicense(for: order, sentAfter: Date()) }
                #expect(find.map { if case .invalidRequest(let m) = $0 { m.contains("no license history") } else { false } } == true)
                let history = try await client.licenseHistory(offset: 0, limit: 10)
                #expect(history.items.isEmpty && !history.hasMore(limit: 10))
                let comp = await stockError { _ = try await client.compLink(for: try DemoCatalog.asset(Self.clip720)) }
                #expect(comp.map { if case .invalidRequest(let m) = $0 { m.contains("no watermarked comps") } else { false } } == true)
                let foreign = LicensedProduct(id: "6867571", assetID: Self.clip720, name: "Medium")
                #expect(await stockError { _ = try await client.downloadLink(for: foreign, format: nil) }.map {
                    if case .invalidRequest = $0 { true } else { false }
                } == true)
                let product = LicensedProduct(id: "12093:mp4:1080p:standard", assetID: Self.clip720, name: "MP4")
                #expect(await stockError { _ = try await client.downloadLink(for: product, format: "jpeg") }.map {
                    if case .invalidRequest(let m) = $0 { m.contains("mp4, mov or webm") } else { false }
                } == true)
                let twoOptions = LicenseOrder(assetID: Self.clip720, optionIDs: ["mp4-1080p-standard", "mov-1080p-standard"])
                #expect(await stockError { _ = try await client.license(twoOptions, idempotencyKey: "x") }.map {
                    if case .invalidRequest(let m) = $0 { m.contains("one format and resolution") } else { false }
                } == true)
                // Nothing so far reached the service.
                #expect(await Self.downloads(server).isEmpty)
                // What the service refuses comes back as its words; an unknown clip as not found.
                let fourK = await stockError {
                    _ = try await client.license(LicenseOrder(assetID: Self.clip720, optionIDs: ["mp4-4k-standard"]), idempotencyKey: "y")
                }
                #expect(fourK.map { if case .invalidRequest(let m) = $0 { m.contains("RESOLUTION_UNAVAILABLE") } else { false } } == true)
                let gone = await stockError {
                    _ = try await client.license(LicenseOrder(assetID: 99_999_999, optionIDs: ["mp4-1080p-standard"]), idempotencyKey: "z")
                }
                #expect(gone == .notFound(99_999_999))
                #expect(server.chargeCounts().isEmpty)
            }
        }
    }
}
