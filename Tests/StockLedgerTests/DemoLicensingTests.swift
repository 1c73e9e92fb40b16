import Foundation
import StockCore
import Testing
@testable import StockLedger

/// The demo account: licensing the embedded catalog with play money kept in the ledger.
@Suite struct DemoLicensingTests {
    let clock = TestClock()

    /// The files asked for, as the local file server would see them.
    final class FileRequests: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(key: String, name: String, size: Int64)] = []
        var all: [(key: String, name: String, size: Int64)] { lock.withLock { list } }
        var maker: DemoLicensing.FileURLMaker {
            { [self] key, name, size in
                lock.withLock { list.append((key, name, size)) }
                return URL(string: "http://127.0.0.1:8123/files/\(key)/\(name)?size=\(size)")!
            }
        }
    }

    func demo(_ ledger: Ledger, files: FileRequests = FileRequests()) -> DemoLicensing {
        DemoLicensing(ledger: ledger, catalog: FixtureCatalog(), now: clock.function, fileURL: files.maker)
    }

    @Test func theOfferIsTheAssetsProductsAndTheDemoAccount() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let offer = try await demo(test.ledger).licenseOffer(for: Fixture.photo)
        #expect(offer.assetID == 10001)
        #expect(offer.options == LicenseOption.options(from: Fixture.photo.products))
        #expect(offer.account.name == "Demo account")
        #expect(offer.account.isDemo)
        #expect(offer.account.licenseTier == "Demo")
        #expect(offer.account.licensingUnavailableReason == nil)
        #expect(offer.account.balance == Money(amount: 43_750, currency: "USD"))
        #expect(offer.licenseName == "stockterm demo license (no real money)")
        #expect(offer.taxBasisPoints == 0)
        #expect(offer.references.allSatisfy { !$0.required })
        #expect(offer.alreadyLicensed.isEmpty)
        let quote = try #require(offer.quote(optionIDs: ["2", "24"]))
        #expect(quote.tax == .money(Money(amount: 0, currency: "USD")))
        #expect(quote.after == .money(Money(amount: 43_750 - 24_000, currency: "USD")))
    }

    @Test func licensingChargesTheBalanceAndRecordsThePurchaseWithItsProducts() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        let receipt = try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["2", "24"]), idempotencyKey: "k1")
        #expect(receipt.purchaseID == "demo-000001")
        #expect(receipt.products.map(\.id) == ["demo-000001-2", "demo-000001-24"])
        #expect(receipt.products.map(\.name) == ["Medium", "Unlimited Seats"])
        #expect(receipt.products.map(\.type) == [.deliverable, .license])
        #expect(receipt.products.first?.fileName == "stockterm-demo-10001-medium.jpg")
        #expect(receipt.products.first?.title == "Theatre masks in an art studio")
        #expect(receipt.total == .money(Fixture.usd(24_000)))
        #expect(receipt.tax == .money(Fixture.usd(0)))
        #expect(receipt.date == clock.now)
        #expect(try test.ledger.demoBalance() == Fixture.usd(43_750 - 24_000))
        let second = try await d.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]), idempotencyKey: "k2")
        #expect(second.purchaseID == "demo-000002")
        // The service's side reports what it sold.
        let offer = try await d.licenseOffer(for: Fixture.photo)
        #expect(offer.alreadyLicensed.map(\.id) == ["demo-000001-2", "demo-000001-24"])
        #expect(offer.account.balance == Fixture.usd(43_750 - 24_000 - 5900))
    }

    @Test func theSameKeyChargesOnce() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        let first = try await d.license(order, idempotencyKey: "same")
        let again = try await d.license(order, idempotencyKey: "same")
        #expect(first == again)
        #expect(try test.ledger.demoBalance() == Fixture.usd(43_750 - 4000))
        #expect(try await d.licenseHistory(offset: 0, limit: 10).total == 1)
    }

    @Test func anInsufficientBalanceIsRefusedAndChargesNothing() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        try test.ledger.setDemoBalance(Fixture.usd(1200))
        let d = demo(test.ledger)
        await #expect(throws: LicensingRefusal.insufficientBalance(available: .money(Fixture.usd(1200)),
                                                                   needed: .money(Fixture.usd(4000)))) {
            try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["2"]), idempotencyKey: "k")
        }
        #expect(try test.ledger.demoBalance() == Fixture.usd(1200))
        #expect(try await d.licenseHistory(offset: 0, limit: 10).items.isEmpty)
        // Through the coordinator it is refused before anything is written or sent.
        let c = LicenseCoordinator(ledger: test.ledger, provider: "demo", licensing: d, now: clock.function)
        let offer = try await c.offer(for: Fixture.photo)
        await #expect(throws: LicensingRefusal.self) { try await c.license(LicenseOrder(assetID: 10001, optionIDs: ["2"]), offer: offer) }
        #expect(try test.ledger.intentCount(provider: nil) == 0)
    }

    @Test func aChoiceThatIsNotOneSizeIsRefused() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        await #expect(throws: StockError.self) { try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["24"]), idempotencyKey: "a") }
        await #expect(throws: StockError.self) { try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["1", "2"]), idempotencyKey: "b") }
        await #expect(throws: StockError.self) { try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["9"]), idempotencyKey: "c") }
        await #expect(throws: StockError.notFound(4242)) { try await d.license(LicenseOrder(assetID: 4242, optionIDs: ["1"]), idempotencyKey: "d") }
        #expect(try test.ledger.demoBalance() == Fixture.usd(43_750))
    }

    @Test func roublePricesArePaidFromTheRoubleBalance() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        let offer = try await d.licenseOffer(for: Fixture.roubles)
        #expect(offer.account.balance == Money(amount: 4_000_000, currency: "RUB"))
        #expect(offer.quote(optionIDs: ["1"])?.isAffordable == true)
        _ = try await d.license(LicenseOrder(assetID: 10020, optionIDs: ["1"]), idempotencyKey: "r")
        #expect(try test.ledger.demoBalance(currency: "RUB") == Money(amount: 4_000_000 - 450_000, currency: "RUB"))
        #expect(try test.ledger.demoBalance() == Fixture.usd(43_750))
    }

    @Test func findLicenseSeesOnlyPurchasesOfTheseOptionsSinceTheIntent() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        let medium = LicenseOrder(assetID: 10001, optionIDs: ["2", "24"])
        let sent = clock.now
        let receipt = try await d.license(medium, idempotencyKey: "k")
        #expect(try await d.findLicense(for: medium, sentAfter: sent) == receipt)
        #expect(try await d.findLicense(for: LicenseOrder(assetID: 10001, optionIDs: ["24", "2"]), sentAfter: sent) == receipt)
        #expect(try await d.findLicense(for: LicenseOrder(assetID: 10001, optionIDs: ["2"]), sentAfter: sent) == nil)
        #expect(try await d.findLicense(for: LicenseOrder(assetID: 10011, optionIDs: ["2", "24"]), sentAfter: sent) == nil)
        #expect(try await d.findLicense(for: medium, sentAfter: sent.addingTimeInterval(1)) == nil)
    }

    @Test func theHistoryPagesNewestFirst() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        _ = try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["1"]), idempotencyKey: "a")
        clock.advance(10)
        _ = try await d.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]), idempotencyKey: "b")
        clock.advance(10)
        _ = try await d.license(LicenseOrder(assetID: 10013, optionIDs: ["2"]), idempotencyKey: "c")
        let first = try await d.licenseHistory(offset: 0, limit: 2)
        #expect(first.items.map(\.id) == ["demo-000003-2", "demo-000002-11"])
        #expect(first.total == 3)
        #expect(first.hasMore(limit: 2))
        let second = try await d.licenseHistory(offset: 2, limit: 2)
        #expect(second.items.map(\.id) == ["demo-000001-1"])
        #expect(!second.hasMore(limit: 2))
    }

    @Test func downloadLinksHaveTheProductsSizeAndASafeName() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let files = FileRequests()
        let d = demo(test.ledger, files: files)
        let photo = try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["2", "24"]), idempotencyKey: "a")
        let video = try await d.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]), idempotencyKey: "b")
        let long = try await d.license(LicenseOrder(assetID: 10012, optionIDs: ["12"]), idempotencyKey: "c")
        let vector = try await d.license(LicenseOrder(assetID: 10013, optionIDs: ["2"]), idempotencyKey: "d")

        let link = try await d.downloadLink(for: photo.products[0], format: nil)
        #expect(link.suggestedName == "stockterm-demo-10001-medium.jpg")
        #expect(!link.isComp)
        #expect(link.url.host == "127.0.0.1")
        _ = try await d.downloadLink(for: video.products[0], format: nil)
        _ = try await d.downloadLink(for: long.products[0], format: nil)
        let png = try await d.downloadLink(for: vector.products[0], format: "png")
        #expect(png.suggestedName == "stockterm-demo-10013-medium.png")
        let requests = files.all
        let sizes: [Int64] = [2231 * 1487 / 4, 29_400_000, 32 << 20, 2421 * 1614 / 4]
        #expect(requests.map(\.size) == sizes)
        #expect(requests.map(\.name) == ["stockterm-demo-10001-medium.jpg", "stockterm-demo-10011-hd.mp4",
                                         "stockterm-demo-10012-full-hd.mov", "stockterm-demo-10013-medium.png"])
        #expect(requests.map(\.key) == ["demo-000001-2", "demo-000002-11", "demo-000003-12", "demo-000004-2.png"])

        await #expect(throws: StockError.self, "not offered as tiff") {
            try await d.downloadLink(for: vector.products[0], format: "tiff")
        }
        await #expect(throws: StockError.self, "an extended license has no file") {
            try await d.downloadLink(for: photo.products[1], format: nil)
        }
        let forged = LicensedProduct(id: "demo-000099-2", assetID: 10001, optionID: "2", name: "Medium")
        await #expect(throws: StockError.self, "not licensed") { try await d.downloadLink(for: forged, format: nil) }
        #expect(files.all.count == 4)
    }

    @Test func aRemovedAssetsDownloadSaysNotFound() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let receipt = try await demo(test.ledger).license(LicenseOrder(assetID: 10001, optionIDs: ["2"]), idempotencyKey: "a")
        let gone = DemoLicensing(ledger: test.ledger, catalog: FixtureCatalog(assets: []), now: clock.function,
                                 fileURL: FileRequests().maker)
        await #expect(throws: StockError.notFound(10001)) { try await gone.downloadLink(for: receipt.products[0], format: nil) }
    }

    @Test func compsAreSmallAndLabelled() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let files = FileRequests()
        let d = demo(test.ledger, files: files)
        let photo = try await d.compLink(for: Fixture.photo)
        let video = try await d.compLink(for: Fixture.video)
        #expect(photo.isComp && video.isComp)
        #expect(photo.suggestedName == "stockterm-demo-10001-comp.jpg")
        #expect(video.suggestedName == "stockterm-demo-10011-comp.mp4")
        let sizes: [Int64] = [1000 * 667 / 4, 6_125_000]
        #expect(files.all.map(\.size) == sizes)
        #expect(files.all.map(\.key) == ["demo-comp-10001", "demo-comp-10011"])
    }

    @Test func fileNamesAreOnlyLettersDigitsAndHyphens() {
        #expect(DemoFile.name(assetID: 7, label: "../../etc/passwd", format: "jpeg") == "stockterm-demo-7-etc-passwd.jpg")
        #expect(DemoFile.name(assetID: 7, label: "Средний", format: "../png") == "stockterm-demo-7-file.png")
        #expect(DemoFile.slug("Full HD 4K\u{1B}[31m") == "full-hd-4k-31m")
    }

    @Test func concurrentPurchasesFromTwoProcessesNeverOverdraw() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        // Two connections to one file, as the TUI and the CLI would have.
        let a = demo(test.ledger)
        let b = demo(try test.reopen())
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<20 {
                let d = i % 2 == 0 ? a : b
                group.addTask {
                    do {
                        _ = try await d.license(LicenseOrder(assetID: 10001, optionIDs: ["2"]), idempotencyKey: "k\(i)")
                        return true
                    } catch is LicensingRefusal {
                        return false
                    }
                }
            }
            var sold = 0
            for try await ok in group where ok { sold += 1 }
            #expect(sold == 10, "$437.50 buys ten $40 licenses")
        }
        #expect(try test.ledger.demoBalance() == Fixture.usd(3750))
        #expect(try await a.licenseHistory(offset: 0, limit: 100).total == 10)
    }

    @Test func theWholeDemoFlowThroughTheCoordinator() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let d = demo(test.ledger)
        let c = LicenseCoordinator(ledger: test.ledger, provider: "demo", licensing: d, now: clock.function)
        let offer = try await c.offer(for: Fixture.photo)
        let receipt = try await c.license(LicenseOrder(assetID: 10001, optionIDs: ["3"], references: ["project": "Spring"]),
                                          offer: offer)
        #expect(receipt.purchaseID == "demo-000001")
        #expect(try test.ledger.demoBalance() == Fixture.usd(33_750))
        let again = try await c.offer(for: Fixture.photo)
        #expect(again.alreadyLicensed.map(\.id) == ["demo-000001-3"])
        #expect(again.account.balance == Fixture.usd(33_750))
        await #expect(throws: LicensingRefusal.self) { try await c.license(LicenseOrder(assetID: 10001, optionIDs: ["1"]), offer: again) }
        #expect(try await c.history(offset: 0, limit: 5).map(\.state) == [.confirmed])
    }
}
