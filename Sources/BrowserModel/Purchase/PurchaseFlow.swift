import Foundation
import StockCore

/// The licensing flow of one asset, an explicit state machine (issue 5 §1):
///
/// ```
/// loadingOffer ──▶ choosing ──▶ references ──▶ confirming ──(Enter on License, or y)──▶ sending ──▶ done
///      │              │  ▲           │  ▲            │                                      └──▶ failed
///      └──────────────┴──┴─── Esc cancels at any step before sending ───────────────────────────────┘
/// ```
/// `references` is skipped when the service asks for none. Nothing is sent before `confirming`,
/// focus starts on Cancel there, and the License button is disabled while the choice is
/// incomplete, unaffordable or already licensed without "license again".
public struct PurchaseFlow: Hashable, Sendable {
    /// Where the flow stands.
    public enum Step: Hashable, Sendable {
        /// Asking the service for products, references and the account.
        case loadingOffer(RequestID)
        /// Choosing one size and any extended licenses.
        case choosing
        /// Filling the license references.
        case references
        /// The confirmation screen.
        case confirming
        /// The license request is on its way; nothing can be changed or sent.
        case sending(RequestID)
        /// Licensed: the receipt, with the products to download.
        case done(LicenseReceipt)
        /// The offer could not be loaded, or the service refused, or the outcome is unknown.
        case failed(String)
    }

    /// The confirmation screen's buttons.
    public enum Button: Hashable, Sendable { case cancel, license }

    /// The asset being licensed (the detail view's full asset).
    public var asset: Asset
    public var step: Step
    /// What the service offers; nil until it arrives.
    public var offer: LicenseOffer?
    /// The chosen size (`LicenseOption.id` of a deliverable).
    public var deliverable: String?
    /// The chosen extended licenses, in the offer's order.
    public var extras: [String]
    /// Licensing again an asset that is already licensed, on purpose.
    public var licenseAgain: Bool
    /// The highlighted row: an option row (choosing), a reference field (references), a product (done).
    public var cursor: Int
    /// The reference values, one editor per `offer.references` field.
    public var references: [QueryEditor]
    /// The focused button of the confirmation screen.
    public var button: Button
    /// What stops the flow from going on, in words ("choose a size first").
    public var notice: String?
    /// What is already licensed for this asset: the ledger's and the service's.
    public var alreadyLicensed: [LicensedProduct]
    /// The account refresh after a license, while it runs.
    public var refreshID: RequestID?

    /// A flow for `asset`, waiting for the offer `request`.
    public init(asset: Asset, request: RequestID, alreadyLicensed: [LicensedProduct] = []) {
        self.asset = asset; step = .loadingOffer(request); offer = nil; deliverable = nil; extras = []
        licenseAgain = false; cursor = 0; references = []; button = .cancel; notice = nil
        self.alreadyLicensed = alreadyLicensed; refreshID = nil
    }

    /// The rows of the choosing step.
    public enum ChoiceRow: Hashable, Sendable {
        case option(LicenseOption)
        /// "License again", offered only when the asset is already licensed.
        case licenseAgain
    }

    /// The choosing step's rows: every option, then "license again" when it applies.
    public var choiceRows: [ChoiceRow] {
        let options = offer?.options.map(ChoiceRow.option) ?? []
        return options + (alreadyLicensed.isEmpty ? [] : [.licenseAgain])
    }

    /// Whether an option is chosen.
    public func isChosen(_ option: LicenseOption) -> Bool {
        option.type == .deliverable ? deliverable == option.id : extras.contains(option.id)
    }

    /// The order as chosen so far (nil without a size).
    public var order: LicenseOrder? {
        guard let deliverable, let offer else { return nil }
        let ids = [deliverable] + offer.options.filter { $0.type == .license && extras.contains($0.id) }.map(\.id)
        var values: [String: String] = [:]
        for (field, editor) in zip(offer.references, references) {
            let text = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { values[field.id] = text }
        }
        return LicenseOrder(assetID: asset.id, optionIDs: ids, references: values, licenseAgain: licenseAgain)
    }

    /// The confirmation's figures for the current choice.
    public var quote: LicenseQuote? { order.flatMap { offer?.quote(optionIDs: $0.optionIDs) } }

    /// Why the License button is disabled, or nil when it may be pressed: the same words as
    /// `stockterm license` and the coordinator (`LicenseOffer.check`), judged against everything
    /// known to be licensed (the ledger's and the service's).
    public var refusal: String? {
        guard let offer else { return "the offer has not arrived" }
        if let reason = offer.account.licensingUnavailableReason { return LicensingRefusal.licensingUnavailable(reason).message }
        guard let order else { return "choose a size first" }
        if case .failure(let refusal) = offer.check(order, licensed: alreadyLicensed) { return refusal.message }
        return nil
    }

    /// The newest license of this asset, for "Licensed on DATE (Medium)".
    public var latestLicense: LicensedProduct? { PurchaseFlow.latest(alreadyLicensed) }

    /// The newest of several licensed products (undated ones last).
    public static func latest(_ products: [LicensedProduct]) -> LicensedProduct? {
        products.max { ($0.licensedAt ?? .distantPast) < ($1.licensedAt ?? .distantPast) }
    }

    /// True while the license request is in flight.
    public var isSending: Bool {
        if case .sending = step { return true }
        return false
    }
}
