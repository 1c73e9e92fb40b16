import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockProviders
import Testing
@testable import StockSandbox

/// Assets of the demo catalog for licensing tests.
enum StocksyLicensingShelf {
    static let assets: [Asset] = {
        let ids = (10001...11200).map { AssetID(Int64($0)) }
        return (try? DemoCatalog.shared.assets(ids: ids).assets) ?? []
    }()

    /// Photos priced in US dollars, cheapest Small first.
    static var usdPhotos: [Asset] {
        assets.filter { $0.kind == .photo && $0.products.first?.price.currency == "USD" }
            .sorted { small($0).price.amount < small($1).price.amount }
    }

    static var photoWithLicense: Asset? { usdPhotos.first { $0.products.contains { $0.type == .license } } }
    static var nonUSD: Asset? { assets.first { ($0.kind == .photo || $0.kind == .video) && $0.products.first?.price.currency != "USD" } }

    static func small(_ a: Asset) -> Product { a.products.first { $0.type == .deliverable }! }
    static func large(_ a: Asset) -> Product { a.products.last { $0.type == .deliverable }! }
    static func license(_ a: Asset) -> Product? { a.products.first { $0.type == .license } }
}

/// A file fetched the way a downloader would, through the project's transport with no
/// credentials (the URL is signed).
func fetchFile(_ url: URL, range: String? = nil) async throws -> HTTPResponse {
    let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
    let base = try #require(URL(string: "\(url.scheme ?? "http")://\(url.host ?? "127.0.0.1"):\(url.port ?? 80)"))
    let transport = HTTPTransport(endpoint: ServiceEndpoint(name: "files", baseURL: base), retry: .never)
    let query = (components.queryItems ?? []).map { QueryItem($0.name, $0.value ?? "") }
    return try await transport.send(HTTPRequest(.get, components.path, query: query, headers: range.map { [HTTPHeader("Range", $0)] } ?? []))
}

/// The `SandboxFiles` key in a sandbox file URL: `/_files/{key}/{name}`.
func fileKey(_ url: URL) -> String? {
    let parts = url.path.split(separator: "/")
    return parts.count == 3 && parts[0] == "_files" ? String(parts[1]) : nil
}

extension ServiceIntegration {
    /// `StocksyClient`'s licensing (`StockLicensing`) against the Stocksy emulator: offer, purchase,
    /// history, downloads, and what happens when the answer to a purchase is lost.
    @Suite struct StocksyLicensing {
        static func client(_ server: SandboxServer, retry: RetryPolicy = quickRetry) -> StocksyClient {
            ServiceIntegration.Stocksy.client(server, perSecond: 50, retry: retry)
        }

        static func options(_ change: (inout SandboxOptions) -> Void = { _ in }) -> SandboxOptions {
            var o = SandboxOptions(api: .stocksy, rateLimit: 1000)
            change(&o)
            return o
        }

        static func dollars(_ cents: Int64) -> Money { Money(amount: cents, currency: "USD", decimals: 2) }

        @Test func offerLicenseHistoryDownloadAndTheFileItself() async throws {
            let asset = try #require(StocksyLicensingShelf.photoWithLicense)
            let large = StocksyLicensingShelf.large(asset), license = try #require(StocksyLicensingShelf.license(asset))
            try await withSandbox(Self.options()) { server in
                let client = Self.client(server)
                let started = Date()
                let offer = try await client.licenseOffer(for: asset)
                #expect(offer.assetID == asset.id)
                #expect(offer.options.map(\.id) == asset.products.map { String($0.productTypeId) })
                #expect(offer.options.map(\.cost) == asset.products.map { LicenseCost.money($0.price) })
                #expect(offer.options.map(\.type) == asset.products.map(\.type))
                #expect(offer.references.map(\.id) == ["project", "client", "poNumber"])
                #expect(offer.references.allSatisfy { !$0.required })
                #expect(offer.account.balance == Self.dollars(43_750))
                #expect(offer.account.licensingUnavailableReason == nil)
                #expect(offer.licenseName == "Stocksy royalty-free license" && offer.taxBasisPoints == 0)
                #expect(offer.alreadyLicensed.isEmpty)

                let chosen = [String(large.productTypeId), String(license.productTypeId)]
                let quote = try #require(offer.quote(optionIDs: chosen))
                #expect(quote.total == .money(Self.dollars(large.price.amount + license.price.amount)))
                #expect(quote.isAffordable)

                let order = LicenseOrder(assetID: asset.id, optionIDs: chosen,
                                         references: ["project": "Spring campaign", "client": "Tasty Cola", "poNumber": "ABC-123"])
                let receipt = try await client.license(order, idempotencyKey: "intent-1")
                #expect(receipt.assetID == asset.id)
                #expect(receipt.subtotal == quote.subtotal && receipt.tax == .money(Self.dollars(0)) && receipt.total == quote.total)
                #expect(receipt.products.map(\.optionID) == chosen)
                #expect(receipt.products.map(\.type) == [.deliverable, .license])
                #expect(receipt.products.map(\.name) == [large.name, license.name])
                #expect(abs(receipt.date.timeIntervalSince(started)) < 60)
                #expect(server.chargeCounts() == [asset.id.rawValue: 1])

                // What went over the wire: one signed POST with the documented body.
                let posts = await server.stats().requests("POST /purchases")
                #expect(posts.count == 1)
                let sent = try #require(posts.first).jsonBody()
                #expect(sent["project"] as? String == "Spring campaign")
                #expect(sent["client"] as? String == "Tasty Cola")
                #expect(sent["poNumber"] as? String == "ABC-123")
                let line = try #require((sent["products"] as? [[String: Any]])?.first)
                #expect(line["assetId"] as? Int == Int(asset.id.rawValue))
                #expect(line["productTypeIds"] as? [Int] == [large.productTypeId, license.productTypeId])
                #expect(posts.first?.headers["authorization"]?.hasPrefix("AWS4-HMAC-SHA256") == true)

                // The balance went down by the total; the asset now reports what was bought.
                #expect(try await client.account().balance == Self.dollars(43_750 - large.price.amount - license.price.amount))
                let again = try await client.licenseOffer(for: asset)
                #expect(again.alreadyLicensed.map(\.id) == receipt.products.map(\.id))
                #expect(again.alreadyLicensed.first?.name == large.name)
                #expect(again.quote(optionIDs: chosen)?.after == .money(Self.dollars(43_750 - 2 * (large.price.amount + license.price.amount))))

                // The history: one LicensedProduct per purchased product, newest first.
                let page = try await client.licenseHistory(offset: 0, limit: 10)
                #expect(page.items.map(\.id) == receipt.products.map(\.id))
                #expect(page.total == 2 && !page.hasMore(limit: 10))
                #expect(await server.stats().requests("GET /purchases").first?.headers["range"] == "items=0-19")

                // Reconciling finds the same purchase.
                #expect(try await client.findLicense(for: order, sentAfter: started) == receipt)

                // A fresh link, and the file's bytes are the generated file of the Large size.
                let deliverable = try #require(receipt.products.first)
                let link = try await client.downloadLink(for: deliverable, format: nil)
                #expect(!link.isComp)
                #expect(link.suggestedName == "stocksy-\(asset.id)-\(StocksyDownloads.slug(large.name)).jpg")
                let expires = try #require(link.expires)
                #expect(expires > Date() && expires < Date().addingTimeInterval(16 * 60))
                let file = try await fetchFile(link.url)
                #expect(file.status == 200)
                let dims = try #require(large.dimensions)
                #expect(Int64(file.body.count) == min(Int64(dims.width * dims.height / 4), SandboxFiles.maxSize))
                let key = try #require(fileKey(link.url))
                #expect([UInt8](file.body) == SandboxFiles.bytes(key: key, from: 0, count: file.body.count))
                #expect(server.fileFetchCount(key: key) == 1)
                // The extended license's agreement downloads too.
                let agreement = try await client.downloadLink(for: receipt.products[1], format: nil)
                #expect(agreement.suggestedName?.hasSuffix("-license.pdf") == true)

                // A comp costs nothing and is labelled as one.
                let comp = try await client.compLink(for: asset)
                #expect(comp.isComp && comp.suggestedName == "stocksy-\(asset.id)-comp.jpg")
                let compFile = try await fetchFile(comp.url, range: "bytes=0-99")
                #expect(compFile.status == 206)
                #expect([UInt8](compFile.body) == SandboxFiles.bytes(key: try #require(fileKey(comp.url)), from: 0, count: 100))
                #expect(server.chargeCounts() == [asset.id.rawValue: 1])
            }
        }

        @Test(arguments: [SandboxFault.internalError, .badGateway, .unavailable, .droppedConnection, .malformedJSON])
        func aPurchaseWhoseAnswerIsLostIsNotResentAndIsFound(_ fault: SandboxFault) async throws {
            let asset = try #require(StocksyLicensingShelf.usdPhotos.first)
            let other = StocksyLicensingShelf.usdPhotos[1]
            let small = StocksyLicensingShelf.small(asset)
            try await withSandbox(Self.options { $0.faultAfterChargeRate = 1; $0.faultKinds = [fault] }) { server in
                // A generous retry policy: it retries GETs after 502, 503 and dropped connections,
                // and must still never send the POST twice.
                let client = Self.client(server, retry: quickRetry)
                let order = LicenseOrder(assetID: asset.id, optionIDs: [String(small.productTypeId)])
                let sent = Date()
                let error = await stockError { _ = try await client.license(order, idempotencyKey: "intent-\(fault)") }
                switch (fault, error) {
                case (.internalError, .server(500, _)?), (.badGateway, .server(502, _)?), (.unavailable, .server(503, _)?),
                     (.droppedConnection, .network?), (.malformedJSON, .malformedResponse?):
                    break
                default:
                    Issue.record("\(fault): unexpected \(String(describing: error))")
                }
                #expect(await server.stats().requests("POST /purchases").count == 1, "sent once")
                #expect(server.chargeCounts() == [asset.id.rawValue: 1], "charged once")

                let found = try #require(try await client.findLicense(for: order, sentAfter: sent))
                #expect(found.assetID == asset.id)
                #expect(found.total == .money(small.price) && found.tax == .money(Self.dollars(0)))
                #expect(found.products.map(\.optionID) == [String(small.productTypeId)])
                let history = try await client.licenseHistory(offset: 0, limit: 5)
                #expect(history.items.map(\.id) == found.products.map(\.id))

                // Nothing else matches: another asset, another size, a time after the purchase.
                #expect(try await client.findLicense(for: LicenseOrder(assetID: other.id, optionIDs: order.optionIDs), sentAfter: sent) == nil)
                let large = StocksyLicensingShelf.large(asset)
                #expect(try await client.findLicense(for: LicenseOrder(assetID: asset.id, optionIDs: [String(large.productTypeId)]), sentAfter: sent) == nil)
                #expect(try await client.findLicense(for: order, sentAfter: Date().addingTimeInterval(3600)) == nil)
                #expect(server.chargeCounts() == [asset.id.rawValue: 1])
            }
        }

        @Test func anInsufficientBalanceIsRefusedAndChargesNothing() async throws {
            try await withSandbox(Self.options()) { server in
                let client = Self.client(server)
                var bought = 0
                for asset in StocksyLicensingShelf.usdPhotos {
                    let large = StocksyLicensingShelf.large(asset)
                    let offer = try await client.licenseOffer(for: asset)
                    let quote = try #require(offer.quote(optionIDs: [String(large.productTypeId)]))
                    let order = LicenseOrder(assetID: asset.id, optionIDs: [String(large.productTypeId)])
                    if quote.isAffordable {
                        _ = try await client.license(order, idempotencyKey: "k\(bought)")
                        bought += 1
                        continue
                    }
                    // The quote already says so; sent anyway, the service refuses and charges nothing.
                    let before = try await client.account().balance
                    let error = await stockError { _ = try await client.license(order, idempotencyKey: "too-much") }
                    guard case .forbidden(let why)? = error else {
                        Issue.record("expected forbidden, got \(String(describing: error))")
                        return
                    }
                    #expect(why.hasPrefix("insufficient balance"), "\(why)")
                    #expect(why.contains(try #require(before).formatted), "\(why)")
                    #expect(try await client.account().balance == before)
                    #expect(server.chargeCounts()[asset.id.rawValue] == nil)
                    break
                }
                #expect(bought >= 2)
                #expect(server.chargeCounts().values.reduce(0, +) == bought)
                #expect(await server.stats().requests("POST /purchases").count == bought + 1)
            }
        }

        @Test func everyIntentIsChargedOnceAndTheHistoryPagesByProduct() async throws {
            let photos = Array(StocksyLicensingShelf.usdPhotos.prefix(5))
            let withLicense = try #require(StocksyLicensingShelf.usdPhotos.dropFirst(5).first { StocksyLicensingShelf.license($0) != nil })
            try await withSandbox(Self.options()) { server in
                let client = Self.client(server)
                var receipts: [LicenseReceipt] = []
                for asset in photos {
                    let order = LicenseOrder(assetID: asset.id, optionIDs: [String(StocksyLicensingShelf.small(asset).productTypeId)],
                                             references: ["project": "P-\(asset.id)"])
                    receipts.append(try await client.license(order, idempotencyKey: "intent-\(asset.id)"))
                }
                // A purchase of two products (a size and an extended license) in the middle of the history.
                let license = try #require(StocksyLicensingShelf.license(withLicense))
                receipts.append(try await client.license(
                    LicenseOrder(assetID: withLicense.id, optionIDs: [String(StocksyLicensingShelf.small(withLicense).productTypeId), String(license.productTypeId)]),
                    idempotencyKey: "intent-two"))
                #expect(Set(receipts.map(\.purchaseID)).count == receipts.count)
                #expect(server.chargeCounts() == Dictionary(uniqueKeysWithValues: (photos + [withLicense]).map { ($0.id.rawValue, 1) }))

                let expected = receipts.reversed().flatMap(\.products).map(\.id)
                #expect(expected.count == 7)
                var seen: [String] = []
                var offset = 0
                var last: LicenseHistoryPage?
                for _ in 0..<10 {
                    let page = try await client.licenseHistory(offset: offset, limit: 2)
                    #expect(page.offset == offset)
                    #expect(page.items.count <= 2)
                    seen += page.items.map(\.id)
                    offset += page.items.count
                    last = page
                    if !page.hasMore(limit: 2) { break }
                }
                #expect(seen == expected, "every product once, newest first")
                #expect(last?.total == 7)
                let beyond = try await client.licenseHistory(offset: 7, limit: 2)
                #expect(beyond.items.isEmpty && beyond.total == 7)
                #expect(await server.stats().requests("POST /purchases").count == 6)
            }
        }

        @Test func anEmptyHistoryAndWhatCannotBeBought() async throws {
            let foreign = try #require(StocksyLicensingShelf.nonUSD)
            let photo = try #require(StocksyLicensingShelf.usdPhotos.first)
            try await withSandbox(Self.options()) { server in
                let client = Self.client(server)
                let empty = try await client.licenseHistory(offset: 0, limit: 10)
                #expect(empty.items.isEmpty && empty.total == 0)
                #expect(try await client.findLicense(for: LicenseOrder(assetID: photo.id, optionIDs: ["1"]), sentAfter: Date()) == nil)

                // Prices in roubles or tenge cannot be paid from a dollar balance: said before, refused if sent.
                let offer = try await client.licenseOffer(for: foreign)
                let reason = try #require(offer.account.licensingUnavailableReason)
                #expect(reason.contains(foreign.products[0].price.currency) && reason.contains("USD"))
                let order = LicenseOrder(assetID: foreign.id, optionIDs: [String(StocksyLicensingShelf.small(foreign).productTypeId)])
                let refused = await stockError { _ = try await client.license(order, idempotencyKey: "fx") }
                guard case .invalidRequest(let why)? = refused else {
                    Issue.record("expected invalidRequest, got \(String(describing: refused))")
                    return
                }
                #expect(why.contains("priced in"), "\(why)")

                // An id that is not a product of the asset, before or at the service.
                let bad = await stockError { _ = try await client.license(LicenseOrder(assetID: photo.id, optionIDs: ["99"]), idempotencyKey: "x") }
                #expect(bad.map { if case .invalidRequest = $0 { true } else { false } } == true, "\(String(describing: bad))")
                let notANumber = await stockError { _ = try await client.license(LicenseOrder(assetID: photo.id, optionIDs: ["Medium"]), idempotencyKey: "y") }
                #expect(notANumber == .invalidRequest("\"Medium\" is not a Stocksy product type id"))
                let unknownAsset = await stockError { _ = try await client.license(LicenseOrder(assetID: 999_999, optionIDs: ["1"]), idempotencyKey: "z") }
                #expect(unknownAsset == .notFound(999_999))
                let noFile = await stockError {
                    _ = try await client.downloadLink(for: LicensedProduct(id: "123", assetID: photo.id, name: "Small"), format: nil)
                }
                #expect(noFile == .notFound(photo.id))
                #expect(server.chargeCounts().isEmpty)
                #expect(await server.stats().requests("POST /purchases").count == 3, "the unreadable id never left")
            }
        }
    }
}
