import Foundation
import StockCore
@testable import StockLedger

/// A ledger in a fresh temporary directory, removed by `remove()`.
struct TestLedger {
    let directory: URL
    let url: URL
    let ledger: Ledger

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stockledger-\(UUID().uuidString)")
        url = directory.appendingPathComponent("data/stockterm/ledger.sqlite")
        ledger = try Ledger(url: url)
    }

    /// The same file opened again, as after a restart or by another process.
    func reopen() throws -> Ledger { try Ledger(url: url) }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// A fixed clock that tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    var function: @Sendable () -> Date { { [self] in self.now } }
}

/// Keys "key-1", "key-2", … in order.
final class KeyMaker: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    var function: @Sendable () -> String { { [self] in self.lock.withLock { self.n += 1; return "key-\(self.n)" } } }
}

/// Suspends callers until opened.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private(set) var arrivals = 0
    func wait() async {
        arrivals += 1
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }
    func open() {
        isOpen = true
        for w in waiters { w.resume() }
        waiters = []
    }
}

/// Assets shaped like the demo catalog's.
enum Fixture {
    static let created = Date(timeIntervalSince1970: 1_600_000_000)
    static func usd(_ cents: Int64) -> Money { Money(amount: cents, currency: "USD") }

    /// 10001: Small $15, Medium $40, Large $100, and an extended license at $200.
    static let photo = Asset(
        id: 10001, kind: .photo, title: "Theatre masks in an art studio", width: 4462, height: 2974, formats: ["jpeg"],
        created: created,
        products: [
            Product(productTypeId: 1, type: .deliverable, name: "Small", price: usd(1500), dimensions: .init(width: 1000, height: 667)),
            Product(productTypeId: 2, type: .deliverable, name: "Medium", price: usd(4000), dimensions: .init(width: 2231, height: 1487)),
            Product(productTypeId: 3, type: .deliverable, name: "Large", price: usd(10000), dimensions: .init(width: 4462, height: 2974)),
            Product(productTypeId: 24, type: .license, name: "Unlimited Seats", price: usd(20000)),
        ])

    /// 10011: a 24.5 s video, HD $59, 4K $199.
    static let video = Asset(
        id: 10011, kind: .video, title: "Waves", width: 4096, height: 2160, duration: 24.5, formats: ["mp4", "mov"],
        created: created,
        products: [
            Product(productTypeId: 11, type: .deliverable, name: "HD", price: usd(5900), dimensions: .init(width: 1280, height: 675)),
            Product(productTypeId: 13, type: .deliverable, name: "4K", price: usd(19900), dimensions: .init(width: 4096, height: 2160)),
        ])

    /// 10012: a 60 s video (over the 32 MB cap at 1.2 MB/s).
    static let longVideo = Asset(
        id: 10012, kind: .video, title: "Long take", width: 1920, height: 1080, duration: 60, formats: ["mov"], created: created,
        products: [Product(productTypeId: 12, type: .deliverable, name: "Full HD", price: usd(9900),
                           dimensions: .init(width: 1920, height: 1080))])

    /// 10013: a vector offered as eps, jpeg and png.
    static let vector = Asset(
        id: 10013, kind: .vector, title: "Icons", width: 4842, height: 3228, formats: ["eps", "jpeg", "png"], created: created,
        products: [Product(productTypeId: 2, type: .deliverable, name: "Medium", price: usd(2000),
                           dimensions: .init(width: 2421, height: 1614))])

    /// 10020: priced in roubles.
    static let roubles = Asset(
        id: 10020, kind: .photo, title: "Зимний лес", width: 3320, height: 4980, formats: ["jpeg"], created: created,
        products: [Product(productTypeId: 1, type: .deliverable, name: "Small",
                           price: Money(amount: 450_000, currency: "RUB"), dimensions: .init(width: 667, height: 1000))])

    static let all = [photo, video, longVideo, vector, roubles]

    /// A Stocksy-like offer for the photo: $15 / $40 / $100 and a $200 extended license, a
    /// required project reference, and `balance` to spend.
    static func offer(balance: Int64 = 43_750, alreadyLicensed: [LicensedProduct] = [],
                      references: [LicenseReferenceField] = [], unavailable: String? = nil,
                      asset: Asset = photo) -> LicenseOffer {
        LicenseOffer(assetID: asset.id, options: LicenseOption.options(from: asset.products), references: references,
                     account: Account(name: "Test", balance: usd(balance), licensingUnavailableReason: unavailable),
                     licenseName: "Test royalty-free license", alreadyLicensed: alreadyLicensed)
    }
}

/// The demo catalog's `StockProvider` side, over a few fixed assets.
struct FixtureCatalog: StockProvider {
    var assets: [Asset] = Fixture.all
    var info: ProviderInfo { ProviderInfo(displayName: "fixtures") }
    func search(_ request: SearchRequest) async throws -> SearchPage { throw StockError.invalidRequest("not in these tests") }
    func asset(id: AssetID) async throws -> Asset {
        guard let a = assets.first(where: { $0.id == id }) else { throw StockError.notFound(id) }
        return a
    }
    func assets(ids: [AssetID]) async throws -> AssetLookup {
        AssetLookup(assets: assets.filter { ids.contains($0.id) }, unavailable: ids.filter { id in !assets.contains { $0.id == id } })
    }
    func categories() async throws -> [StockCore.Category] { [] }
    func account() async throws -> Account { Account(name: "fixtures") }
}
