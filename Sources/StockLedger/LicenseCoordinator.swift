import Foundation
import StockCore

/// The one way anything is licensed, by the CLI and by the TUI: it checks an order before
/// anything is written or sent, journals the intent in the `Ledger` before sending it, sends it
/// exactly once, and reconciles every intent left without an outcome (after a crash or a
/// timeout) against the service's history before anything else is sent (docs/ledger.md).
///
/// ```swift
/// let coordinator = LicenseCoordinator(ledger: ledger, provider: "demo", licensing: demo)
/// let offer = try await coordinator.offer(for: asset)          // reconciles first
/// let order = LicenseOrder(assetID: asset.id, optionIDs: ["2"])
/// let receipt = try await coordinator.license(order, offer: offer)
/// ```
///
/// Errors: `LicensingRefusal` (refused; nothing written, nothing sent), `LicenseOutcomeUnknown`
/// (sent, outcome unknown, nothing resent), the service's own error (it refused; the intent is
/// failed), `LedgerError` (the ledger could not be written).
public actor LicenseCoordinator {
    /// The journal.
    public let ledger: Ledger
    /// The provider's name in config.toml ("demo", "stocksy-main"): the ledger's key for it.
    public let provider: String
    /// The service (or the demo account).
    public let licensing: any StockLicensing

    /// How long a pending intent written by another live process counts as still being sent.
    public static let inFlightWindow: TimeInterval = 15 * 60

    private let now: @Sendable () -> Date
    private let makeKey: @Sendable () -> String
    private let registry = InFlightLicenses.shared
    /// The ledger file, which scopes the in-flight registry.
    private let scope: String
    private let processID = ProcessInfo.processInfo.processIdentifier

    /// - Parameters:
    ///   - now: the clock intents are stamped with.
    ///   - makeKey: makes each intent's idempotency key (a fresh UUID string).
    public init(ledger: Ledger, provider: String, licensing: any StockLicensing,
                now: @escaping @Sendable () -> Date = { Date() },
                makeKey: @escaping @Sendable () -> String = { UUID().uuidString }) {
        self.ledger = ledger; self.provider = provider; self.licensing = licensing
        self.now = now; self.makeKey = makeKey
        self.scope = ledger.url.resolvingSymlinksInPath().path
    }

    // MARK: Reconciling

    /// Settles every `pending` or `unresolved` intent of this provider, oldest first, except those
    /// still being sent: found in the service's history → confirmed with that receipt; not found
    /// → failed ("not charged"); a service that keeps no history → unresolved, for a person to
    /// check. Stops at the first error of the service and rethrows it, leaving that intent and
    /// the ones after it as they were.
    @discardableResult
    public func reconcile() async throws -> ReconcileReport {
        var report = ReconcileReport()
        for intent in try ledger.unfinishedIntents(provider: provider) {
            if intent.state == .pending && isBeingSent(intent) {
                report.inFlight.append(intent)
                continue
            }
            guard licensing.canReconcile else {
                if intent.state == .pending {
                    report.unresolved.append(try ledger.markUnresolved(
                        key: intent.key, message: Self.uncheckableMessage(intent), now: now()))
                } else {
                    report.unresolved.append(intent)
                }
                continue
            }
            let found = try await licensing.findLicense(for: intent.order, sentAfter: intent.created)
            if let receipt = found, try isUnclaimed(receipt, by: intent) {
                report.confirmed.append(try ledger.confirm(key: intent.key, receipt: receipt, now: now()))
            } else {
                report.failed.append(try ledger.fail(key: intent.key, message: "not charged: the service has no record of it",
                                                     now: now()))
            }
        }
        return report
    }

    // MARK: Offers

    /// What can be licensed for `asset`, after reconciling: the service's offer, with the
    /// ledger's licensed products of the asset added to `alreadyLicensed` (once per product id).
    /// What the service reports as licensed is remembered in the ledger.
    public func offer(for asset: Asset) async throws -> LicenseOffer {
        try await reconcile()
        var offer = try await licensing.licenseOffer(for: asset)
        if !offer.alreadyLicensed.isEmpty {
            try ledger.importLicensedProducts(offer.alreadyLicensed, provider: provider, now: now())
        }
        for product in try ledger.licensedProducts(provider: provider, assetID: asset.id)
        where !offer.alreadyLicensed.contains(where: { $0.id == product.id }) {
            offer.alreadyLicensed.append(product)
        }
        return offer
    }

    // MARK: Licensing

    /// Licenses `order` as `offer` priced it. Refuses with `LicensingRefusal` before writing or
    /// sending anything when the account cannot license, the choice is not one size (plus any
    /// extended licenses) of the offer, a required reference is empty, the asset is already
    /// licensed or has an unresolved earlier intent (without `licenseAgain`), the quote is not
    /// affordable, or a license of the asset is already being sent. Otherwise writes the intent,
    /// sends it once, and confirms and returns the receipt. (Only in a race with another process
    /// that wrote an intent for the same asset a moment earlier is an intent written and not
    /// sent: it is failed, and `LicensingRefusal.inFlight` thrown.)
    ///
    /// When the service refuses (a 4xx: invalid, forbidden, unauthorized, not found, rate
    /// limited) the intent is failed and the service's error rethrown. When the outcome is
    /// ambiguous (network, timeout, 5xx, malformed answer, cancellation) nothing is resent: the
    /// history is asked once, and unless it has the license the intent stays pending and
    /// `LicenseOutcomeUnknown` is thrown.
    public func license(_ order: LicenseOrder, offer: LicenseOffer) async throws -> LicenseReceipt {
        let quote = try Self.check(order, offer: offer)
        guard registry.claim(scope: scope, provider: provider, assetID: order.assetID.rawValue) else {
            throw LicensingRefusal.inFlight(order.assetID)
        }
        defer { registry.release(scope: scope, provider: provider, assetID: order.assetID.rawValue) }

        try await reconcile()
        try checkLedger(order, offer: offer)

        let key = makeKey()
        registry.sending(scope: scope, key: key)
        defer { registry.sent(scope: scope, key: key) }
        let intent = try ledger.recordIntent(provider: provider, order: order, quote: quote, key: key, now: now())
        // Another process may have written an intent for the asset since the check: the first
        // written goes ahead, this one is not sent.
        if try ledger.unfinishedIntents(provider: provider).contains(where: {
            $0.assetID == order.assetID && $0.state == .pending && $0.sequence < intent.sequence
        }) {
            try ledger.fail(key: key, message: "not sent: another license of this asset was being sent", now: now())
            throw LicensingRefusal.inFlight(order.assetID)
        }

        let receipt: LicenseReceipt
        do {
            receipt = try await licensing.license(order, idempotencyKey: key)
        } catch {
            return try await settle(intent, after: error)
        }
        try ledger.confirm(key: key, receipt: receipt, now: now())
        return receipt
    }

    /// The checks that need nothing but the order and the offer; returns the quote to journal.
    static func check(_ order: LicenseOrder, offer: LicenseOffer) throws -> LicenseQuote {
        try offer.check(order).get()
    }

    /// The checks against the journal, after reconciling.
    private func checkLedger(_ order: LicenseOrder, offer: LicenseOffer) throws {
        let unfinished = try ledger.unfinishedIntents(provider: provider).filter { $0.assetID == order.assetID }
        if unfinished.contains(where: { $0.state == .pending }) { throw LicensingRefusal.inFlight(order.assetID) }
        guard !order.licenseAgain else { return }
        if let unresolved = unfinished.first(where: { $0.state == .unresolved }) {
            throw LicensingRefusal.unresolvedIntent(assetID: order.assetID, since: unresolved.created)
        }
        let owned = try ledger.licensedProducts(provider: provider, assetID: order.assetID)
        if !owned.isEmpty { throw LicenseOffer.alreadyLicensed(order.assetID, owned) }
    }

    /// After `license` threw: a refusal fails the intent; anything else asks the history once.
    private func settle(_ intent: PurchaseIntent, after error: any Error) async throws -> LicenseReceipt {
        if Self.isDefiniteRefusal(error) {
            try ledger.fail(key: intent.key, message: Self.describe(error), now: now())
            throw error
        }
        if licensing.canReconcile {
            // Not cancelled with the caller: after a cancelled request, the history is the only
            // way to learn whether it charged.
            let licensing = self.licensing
            let order = intent.order, sentAfter = intent.created
            let lookup = Task { try await licensing.findLicense(for: order, sentAfter: sentAfter) }
            if let receipt = try? await lookup.value, try isUnclaimed(receipt, by: intent) {
                try ledger.confirm(key: intent.key, receipt: receipt, now: now())
                return receipt
            }
        }
        throw LicenseOutcomeUnknown(key: intent.key, assetID: intent.assetID, reason: Self.describe(error))
    }

    /// Whether the service said no, so that nothing was charged: its 4xx answers (but 408
    /// Request Timeout and 409 Conflict, which may hide a request still being processed).
    static func isDefiniteRefusal(_ error: any Error) -> Bool {
        switch error {
        case is LicensingRefusal: true
        case let stock as StockError:
            switch stock {
            case .invalidRequest, .forbidden, .unauthorized, .notFound, .rateLimited, .noLongerOffered: true
            case .server(let status, _): (400..<500).contains(status) && status != 408 && status != 409
            case .malformedResponse, .network, .storage: false
            }
        default: false
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let e as StockError: e.message
        case let e as LicensingRefusal: e.message
        case let e as LedgerError: e.message
        case is CancellationError: "cancelled"
        default: SafeText.sanitize(String(describing: error))
        }
    }

    // MARK: Reconciling, the details

    /// A pending intent this process is sending, or one another live stockterm process wrote a
    /// short while ago (it may still be waiting for its answer).
    private func isBeingSent(_ intent: PurchaseIntent) -> Bool {
        if registry.isSending(scope: scope, key: intent.key) { return true }
        guard let pid = intent.processID, pid != processID, InFlightLicenses.isAlive(pid) else { return false }
        return now().timeIntervalSince(intent.created) < Self.inFlightWindow
    }

    /// A receipt that already confirms another intent is not this intent's.
    private func isUnclaimed(_ receipt: LicenseReceipt, by intent: PurchaseIntent) throws -> Bool {
        guard let owner = try ledger.intent(provider: provider, purchaseID: receipt.purchaseID) else { return true }
        return owner.key == intent.key
    }

    private static func uncheckableMessage(_ intent: PurchaseIntent) -> String {
        "the outcome is unknown and this service keeps no history stockterm can read: check the service's own "
            + "download history for asset \(intent.assetID); stockterm will not license it again without \"license again\""
    }

    // MARK: History

    /// One page of this provider's journal, newest first.
    public func history(offset: Int, limit: Int) throws -> [PurchaseIntent] {
        try ledger.intents(provider: provider, offset: offset, limit: limit)
    }

    /// One page of the service's own license history, newest first; its products are remembered
    /// in the ledger (so that "is this asset licensed?" knows purchases made elsewhere).
    public func serviceHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        let page = try await licensing.licenseHistory(offset: offset, limit: limit)
        try ledger.importLicensedProducts(page.items, provider: provider, now: now())
        return page
    }

    /// The `pending` and `unresolved` intents of one asset.
    public func unfinishedIntents(assetID: AssetID) throws -> [PurchaseIntent] {
        try ledger.unfinishedIntents(provider: provider).filter { $0.assetID == assetID }
    }
}
