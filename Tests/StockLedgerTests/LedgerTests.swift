import Foundation
import GRDB
import StockCore
import Testing
@testable import StockLedger

/// The journal: where it lives, how it is opened, what it keeps, and that nothing is deleted.
@Suite struct LedgerTests {
    let clock = TestClock()

    func quote(_ offer: LicenseOffer = Fixture.offer(), _ ids: [String] = ["2"]) throws -> LicenseQuote {
        try #require(offer.quote(optionIDs: ids))
    }

    func receipt(_ id: String = "p-1", asset: AssetID = 10001, options: [String] = ["2"]) -> LicenseReceipt {
        LicenseReceipt(purchaseID: id, assetID: asset,
                       products: options.map { LicensedProduct(id: "\(id)-\($0)", assetID: asset, optionID: $0, name: "Medium",
                                                               licensedAt: clock.now, title: "Masks", fileName: "masks.jpg") },
                       subtotal: .money(Fixture.usd(4000)), tax: .money(Fixture.usd(0)), total: .money(Fixture.usd(4000)),
                       date: clock.now)
    }

    @Test func defaultURLFollowsXDGDataHome() {
        let url = Ledger.defaultURL(environment: ["XDG_DATA_HOME": "/srv/data", "HOME": "/home/ann"])
        #expect(url.path == "/srv/data/stockterm/ledger.sqlite")
    }

    @Test func defaultURLFallsBackToLocalShareAndIgnoresARelativeXDGDataHome() {
        #expect(Ledger.defaultURL(environment: ["HOME": "/home/ann"]).path == "/home/ann/.local/share/stockterm/ledger.sqlite")
        #expect(Ledger.defaultURL(environment: ["HOME": "/home/ann", "XDG_DATA_HOME": "data"]).path
                == "/home/ann/.local/share/stockterm/ledger.sqlite")
    }

    @Test func directoriesAndFilesAreOwnerOnly() throws {
        let test = try TestLedger()
        defer { test.remove() }
        try test.ledger.recordIntent(provider: "demo", order: LicenseOrder(assetID: 10001, optionIDs: ["2"]), quote: quote(),
                                     key: "k", now: clock.now)
        func mode(_ url: URL) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber).intValue & 0o777
        }
        #expect(try mode(test.url) == 0o600)
        #expect(try mode(URL(fileURLWithPath: test.url.path + "-wal")) == 0o600)
        #expect(try mode(test.url.deletingLastPathComponent()) == 0o700)
        #expect(try mode(test.url.deletingLastPathComponent().deletingLastPathComponent()) == 0o700)
    }

    @Test func opensInWALModeWithFullSynchronousAndABusyTimeout() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let (mode, sync, busy) = try test.ledger.writer.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(mode == "wal")
        #expect(sync == 2, "FULL")
        #expect(busy == Int(Ledger.busyTimeout * 1000))
        // And still after a write transaction.
        try test.ledger.setDemoBalance(Fixture.usd(1))
        #expect(try test.ledger.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func anIntentIsCommittedBeforeRecordIntentReturns() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2", "24"], references: ["project": "Spring"])
        let q = try quote(Fixture.offer(), ["2", "24"])
        let written = try test.ledger.recordIntent(provider: "demo", order: order, quote: q, key: "k-1", now: clock.now)
        // Another connection (another process) sees it at once.
        let other = try test.reopen()
        let read = try #require(try other.intent(key: "k-1"))
        #expect(read == written)
        #expect(read.state == .pending)
        #expect(read.order == order)
        #expect(read.quote == q)
        #expect(read.total == .money(Fixture.usd(24_000)))
        #expect(read.created == clock.now)
        #expect(read.processID == ProcessInfo.processInfo.processIdentifier)
        #expect(read.receipt == nil)
    }

    @Test func aKeyIsUsedOnce() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        try test.ledger.recordIntent(provider: "demo", order: order, quote: quote(), key: "k", now: clock.now)
        #expect(throws: LedgerError.duplicateKey("k")) {
            try test.ledger.recordIntent(provider: "other", order: order, quote: quote(), key: "k", now: clock.now)
        }
    }

    @Test func confirmKeepsTheReceiptAndItsProductsAndIsFinal() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        try test.ledger.recordIntent(provider: "demo", order: order, quote: quote(), key: "k", now: clock.now)
        let r = receipt()
        let confirmed = try test.ledger.confirm(key: "k", receipt: r, now: clock.now)
        #expect(confirmed.state == .confirmed)
        #expect(confirmed.receipt == r)
        #expect(try test.ledger.licensedProducts(provider: "demo", assetID: 10001) == r.products)
        #expect(try test.ledger.licensedProducts(provider: "other", assetID: 10001).isEmpty)
        #expect(try test.ledger.licensedProducts(provider: "demo", assetID: 10002).isEmpty)
        #expect(try test.ledger.intent(provider: "demo", purchaseID: "p-1")?.key == "k")
        // The same receipt again changes nothing; another one is refused; so are failing and unresolving.
        #expect(try test.ledger.confirm(key: "k", receipt: r) == confirmed)
        #expect(throws: LedgerError.alreadyConfirmed(key: "k", purchaseID: "p-1")) {
            try test.ledger.confirm(key: "k", receipt: receipt("p-2"))
        }
        #expect(throws: LedgerError.invalidTransition(key: "k", from: .confirmed, to: .failed)) {
            try test.ledger.fail(key: "k", message: "no")
        }
        #expect(throws: LedgerError.invalidTransition(key: "k", from: .confirmed, to: .unresolved)) {
            try test.ledger.markUnresolved(key: "k", message: "?")
        }
        #expect(throws: LedgerError.unknownIntent(key: "nope")) { try test.ledger.confirm(key: "nope", receipt: r) }
        #expect(try test.ledger.intent(key: "k") == confirmed)
    }

    @Test func failAndUnresolvedKeepTheirMessageAndAReceiptStillConfirms() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        try test.ledger.recordIntent(provider: "demo", order: order, quote: quote(), key: "a", now: clock.now)
        try test.ledger.recordIntent(provider: "demo", order: order, quote: quote(), key: "b", now: clock.now)
        clock.advance(5)
        let failed = try test.ledger.fail(key: "a", message: "not allowed: read-only key", now: clock.now)
        #expect(failed.state == .failed)
        #expect(failed.message == "not allowed: read-only key")
        #expect(failed.updated == clock.now)
        let unresolved = try test.ledger.markUnresolved(key: "b", message: "check the history", now: clock.now)
        #expect(unresolved.state == .unresolved)
        // The service's history is the truth: a receipt found later confirms it.
        let confirmed = try test.ledger.confirm(key: "b", receipt: receipt())
        #expect(confirmed.state == .confirmed)
        #expect(confirmed.message == nil)
    }

    @Test func unfinishedIntentsArePendingAndUnresolvedOfOneProviderOldestFirst() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        for key in ["p1", "f", "u", "c", "p2"] {
            try test.ledger.recordIntent(provider: "demo", order: order, quote: quote(), key: key, now: clock.now)
            clock.advance(1)
        }
        try test.ledger.recordIntent(provider: "stocksy", order: order, quote: quote(), key: "elsewhere", now: clock.now)
        try test.ledger.fail(key: "f", message: "no")
        try test.ledger.markUnresolved(key: "u", message: "?")
        try test.ledger.confirm(key: "c", receipt: receipt())
        #expect(try test.ledger.unfinishedIntents(provider: "demo").map(\.key) == ["p1", "u", "p2"])
        #expect(try test.ledger.unfinishedIntents(provider: "stocksy").map(\.key) == ["elsewhere"])
    }

    @Test func intentsPageNewestFirst() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        for i in 1...7 {
            try test.ledger.recordIntent(provider: i % 2 == 0 ? "even" : "odd", order: order, quote: quote(), key: "k\(i)",
                                         now: clock.now)
        }
        #expect(try test.ledger.intents(provider: nil, offset: 0, limit: 3).map(\.key) == ["k7", "k6", "k5"])
        #expect(try test.ledger.intents(provider: nil, offset: 6, limit: 3).map(\.key) == ["k1"])
        #expect(try test.ledger.intents(provider: "odd", offset: 1, limit: 2).map(\.key) == ["k5", "k3"])
        #expect(try test.ledger.intentCount(provider: nil) == 7)
        #expect(try test.ledger.intentCount(provider: "even") == 3)
    }

    @Test func purchasesAreNeverDeleted() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let demo = DemoLicensing(ledger: test.ledger, catalog: FixtureCatalog()) { _, _, _ in URL(string: "http://127.0.0.1/")! }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        try test.ledger.recordIntent(provider: "demo", order: order, quote: quote(), key: "k", now: clock.now)
        let r = try await demo.license(order, idempotencyKey: "k")
        try test.ledger.confirm(key: "k", receipt: r)

        // As a person with sqlite3 would: a separate connection to the file.
        let queue = try DatabaseQueue(path: test.url.path)
        for table in ["intent", "licensedProduct", "demoPurchase", "demoPurchaseProduct"] {
            #expect(throws: DatabaseError.self, "DELETE FROM \(table)") { try Self.execute(queue, "DELETE FROM \(table)") }
            #expect(try Self.count(queue, table) == 1, "\(table) keeps its row")
        }
        do {
            try Self.execute(queue, "DELETE FROM intent WHERE key = 'k'")
            Issue.record("the DELETE went through")
        } catch let error as DatabaseError {
            #expect(error.message == "purchases are never deleted")
        }
        // Nor rewritten: what was ordered, and a confirmed outcome.
        #expect(throws: DatabaseError.self) { try Self.execute(queue, "UPDATE intent SET orderJSON = '{}'") }
        #expect(throws: DatabaseError.self) { try Self.execute(queue, "UPDATE intent SET state = 'failed'") }
        #expect(throws: DatabaseError.self) { try Self.execute(queue, "UPDATE intent SET receiptJSON = '{}'") }
        #expect(try test.ledger.intent(key: "k")?.state == .confirmed)
    }

    static func execute(_ queue: DatabaseQueue, _ sql: String) throws {
        try queue.write { try $0.execute(sql: sql) }
    }

    static func count(_ queue: DatabaseQueue, _ table: String) throws -> Int? {
        try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") }
    }

    @Test func historyImportKeepsThePurchaseAndFollowsTheService() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"])
        try test.ledger.recordIntent(provider: "stocksy", order: order, quote: quote(), key: "k", now: clock.now)
        try test.ledger.confirm(key: "k", receipt: receipt())
        let removed = LicensedProduct(id: "p-1-2", assetID: 10001, optionID: nil, name: "Medium", licensedAt: nil,
                                      title: "Masks (removed)", downloadable: false)
        let other = LicensedProduct(id: "web-9", assetID: 10002, name: "Large", licensedAt: clock.now.addingTimeInterval(-86_400))
        #expect(try test.ledger.importLicensedProducts([removed, other], provider: "stocksy") == 1)
        let masks = try #require(try test.ledger.licensedProducts(provider: "stocksy", assetID: 10001).first)
        #expect(masks.optionID == "2")
        #expect(masks.licensedAt == clock.now)
        #expect(masks.title == "Masks (removed)")
        #expect(masks.downloadable == false)
        #expect(try test.ledger.licensedProducts(provider: "stocksy").map(\.id) == ["p-1-2", "web-9"])
    }

    @Test func downloadsAreRememberedNewestFirst() throws {
        let test = try TestLedger()
        defer { test.remove() }
        let file = test.directory.appendingPathComponent("masks.jpg")
        try Data(repeating: 7, count: 1234).write(to: file)
        #expect(try test.ledger.download(productID: "p-1-2") == nil)
        try test.ledger.recordDownload(provider: "demo", productID: "p-1-2", path: "/gone/old.jpg", bytes: 10, completed: clock.now)
        clock.advance(60)
        let record = try test.ledger.recordDownload(provider: "demo", productID: "p-1-2", path: file.path, bytes: 1234,
                                                    completed: clock.now)
        try test.ledger.recordDownload(provider: "demo", productID: "p-1-2", format: "png", path: "/x.png", bytes: 5)
        #expect(record.path == file.path)
        #expect(record.completed == clock.now)
        #expect(try test.ledger.download(productID: "p-1-2", format: nil)?.format == "png")
        #expect(try test.ledger.download(provider: "demo", productID: "p-1-2", format: "png")?.path == "/x.png")
        #expect(try test.ledger.download(provider: "other", productID: "p-1-2") == nil)
        #expect(try test.ledger.downloads(provider: "demo").count == 3)
        #expect(record.isOnDisk)
        #expect(try test.ledger.downloads(provider: "demo").last?.isOnDisk == false)
    }

    @Test func theDemoBalanceStartsAt437Dollars50AndLastsAcrossRestarts() throws {
        let test = try TestLedger()
        defer { test.remove() }
        #expect(try test.ledger.demoBalance() == Money(amount: 43_750, currency: "USD"))
        #expect(try test.ledger.demoBalance(currency: "rub") == Money(amount: 4_000_000, currency: "RUB"))
        #expect(try test.ledger.demoBalance(currency: "EUR") == Money(amount: 0, currency: "EUR"))
        try test.ledger.setDemoBalance(Money(amount: 1200, currency: "USD"))
        #expect(try test.reopen().demoBalance() == Money(amount: 1200, currency: "USD"))
        #expect(try test.reopen().demoBalances().map(\.currency) == ["KZT", "RUB", "USD"])
    }
}
