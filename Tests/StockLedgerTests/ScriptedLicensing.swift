import Foundation
import StockCore
@testable import StockLedger

/// A `StockLicensing` double: a service with a server-side record of what it charged, whose
/// license answers are scripted one call at a time, and which counts every call.
final class ScriptedLicensing: StockLicensing, @unchecked Sendable {
    // @unchecked: every access goes through `lock`.

    /// What one `license` call does.
    enum Step {
        /// Charges and answers with the receipt.
        case charge
        /// Charges, then the answer is lost with this error (a timeout after the service acted).
        case chargeThenLose(any Error)
        /// Refuses with this error and charges nothing.
        case refuse(any Error)
        /// Waits at the gate, then charges and answers.
        case chargeAfter(Gate)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var _offer: LicenseOffer
    private var _charges: [(key: String, order: LicenseOrder, receipt: LicenseReceipt)] = []
    private var _licenseCalls: [(order: LicenseOrder, key: String)] = []
    private var _findCalls = 0
    private var _historyCalls = 0
    private var _findError: (any Error)?
    let canReconcile: Bool
    private let clock: TestClock
    var history: [LicensedProduct] = []

    init(offer: LicenseOffer = Fixture.offer(), steps: [Step] = [], canReconcile: Bool = true, clock: TestClock) {
        self._offer = offer; self.steps = steps; self.canReconcile = canReconcile; self.clock = clock
    }

    var licenseCalls: Int { lock.withLock { _licenseCalls.count } }
    var licenseKeys: [String] { lock.withLock { _licenseCalls.map(\.key) } }
    var findCalls: Int { lock.withLock { _findCalls } }
    var historyCalls: Int { lock.withLock { _historyCalls } }
    /// How many times the service charged.
    var chargeCount: Int { lock.withLock { _charges.count } }
    var charges: [(key: String, order: LicenseOrder, receipt: LicenseReceipt)] { lock.withLock { _charges } }
    func script(_ more: [Step]) { lock.withLock { steps += more } }
    func setFindError(_ error: (any Error)?) { lock.withLock { _findError = error } }
    func setOffer(_ offer: LicenseOffer) { lock.withLock { _offer = offer } }

    func licenseOffer(for asset: Asset) async throws -> LicenseOffer { lock.withLock { _offer } }

    func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt {
        let step: Step = lock.withLock {
            _licenseCalls.append((order, idempotencyKey))
            return steps.isEmpty ? .charge : steps.removeFirst()
        }
        switch step {
        case .charge: return charge(order, key: idempotencyKey)
        case .chargeThenLose(let error): _ = charge(order, key: idempotencyKey); throw error
        case .refuse(let error): throw error
        case .chargeAfter(let gate): await gate.wait(); return charge(order, key: idempotencyKey)
        }
    }

    private func charge(_ order: LicenseOrder, key: String) -> LicenseReceipt {
        lock.withLock {
            let n = _charges.count + 1
            let products = order.optionIDs.map { id in
                LicensedProduct(id: "lp-\(n)-\(id)", assetID: order.assetID, optionID: id, name: "Option \(id)",
                                licensedAt: clock.now)
            }
            let receipt = LicenseReceipt(purchaseID: "p-\(n)", assetID: order.assetID, products: products, date: clock.now)
            _charges.append((key, order, receipt))
            return receipt
        }
    }

    func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt? {
        try lock.withLock {
            _findCalls += 1
            if let e = _findError { throw e }
            return _charges.last { $0.order.assetID == order.assetID && $0.order.optionIDs == order.optionIDs
                && $0.receipt.date >= sentAfter }?.receipt
        }
    }

    func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        lock.withLock {
            _historyCalls += 1
            let items = Array(history.dropFirst(offset).prefix(limit))
            return LicenseHistoryPage(items: items, offset: offset, total: history.count)
        }
    }

    func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink {
        throw StockError.invalidRequest("not in these tests")
    }

    func compLink(for asset: Asset) async throws -> DownloadLink { throw StockError.invalidRequest("not in these tests") }
}
