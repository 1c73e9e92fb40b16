import Foundation

/// Why an order must not be sent, found before anything is written or sent: by the browser's
/// flow (the License button's reason), by `stockterm license`, and by `LicenseCoordinator`
/// (StockLedger), which also refuses `inFlight` and `unresolvedIntent` from its journal.
/// `message` is one line for people, the same words everywhere.
public enum LicensingRefusal: Error, Hashable, Sendable {
    /// The account cannot license at all (`Account.licensingUnavailableReason`).
    case licensingUnavailable(String)
    /// The order is for another asset than the offer.
    case offerMismatch(offer: AssetID, order: AssetID)
    /// No size (deliverable) was chosen.
    case noDeliverable
    /// More than one size was chosen (these option ids).
    case severalDeliverables([String])
    /// An option id the offer does not have, or the same option twice.
    case unknownOption(String)
    /// The options' prices cannot be added up (two currencies, or money and credits).
    case unpriceable
    /// Required references left empty, by label.
    case missingReferences([String])
    /// Already licensed (in the ledger or as the service reports it), and the order does not say
    /// "license again". `products` names what was licensed ("Medium").
    case alreadyLicensed(assetID: AssetID, products: [String], licensedAt: Date?)
    /// An earlier license of the asset has an outcome nobody could check; without "license
    /// again" nothing is sent, since it may have been charged.
    case unresolvedIntent(assetID: AssetID, since: Date)
    /// The balance or quota is too small.
    case insufficientBalance(available: LicenseCost, needed: LicenseCost)
    /// Another license of the asset is being sent (by this program or another one on this machine).
    case inFlight(AssetID)

    /// One line for the status bar or the CLI.
    public var message: String {
        switch self {
        case .licensingUnavailable(let why): "licensing unavailable: \(SafeText.sanitize(why))"
        case .offerMismatch(let offer, let order): "the order is for asset \(order), the offer for asset \(offer)"
        case .noDeliverable: "choose a size to license"
        case .severalDeliverables(let ids): "choose one size, not \(ids.count) (\(ids.map(SafeText.sanitize).joined(separator: ", ")))"
        case .unknownOption(let id): "no such product for this asset: \(SafeText.sanitize(id))"
        case .unpriceable: "the chosen products are priced in different currencies or units"
        case .missingReferences(let labels):
            labels.map(SafeText.sanitize).joined(separator: ", ") + (labels.count == 1 ? " is required" : " are required")
        case .alreadyLicensed(let id, let products, let date):
            "asset \(id) is already licensed\(date.map { " on " + ISODate.formatDay($0) } ?? "")"
                + (products.isEmpty ? "" : " (\(products.map(SafeText.sanitize).joined(separator: ", ")))")
                + "; choose “license again” to buy it again"
        case .unresolvedIntent(let id, let since):
            "an earlier license of asset \(id) (\(ISODate.format(since))) may have been charged and could not be checked; "
                + "look at the service's history, or choose “license again”"
        case .insufficientBalance(let available, let needed):
            if case .credits = needed {
                "insufficient quota: \(available.formatted) available, \(needed.formatted) needed"
            } else {
                "insufficient balance: \(available.formatted) available, \(needed.formatted) needed"
            }
        case .inFlight(let id): "a license of asset \(id) is already being sent; wait for its outcome"
        }
    }
}

extension LicenseOffer {
    /// The confirmation's figures for `order`, or why it must not be sent, judged from the offer
    /// alone (the account, the options, the references, what is licensed, the balance).
    /// `licensed` replaces the offer's `alreadyLicensed` when the caller knows more (the ledger's
    /// licenses too).
    public func check(_ order: LicenseOrder, licensed: [LicensedProduct]? = nil) -> Result<LicenseQuote, LicensingRefusal> {
        if let reason = account.licensingUnavailableReason { return .failure(.licensingUnavailable(reason)) }
        guard order.assetID == assetID else { return .failure(.offerMismatch(offer: assetID, order: order.assetID)) }
        var seen: Set<String> = []
        var deliverables: [String] = []
        for id in order.optionIDs {
            guard seen.insert(id).inserted, let option = options.first(where: { $0.id == id }) else {
                return .failure(.unknownOption(id))
            }
            if option.type == .deliverable { deliverables.append(id) }
        }
        if deliverables.isEmpty { return .failure(.noDeliverable) }
        if deliverables.count > 1 { return .failure(.severalDeliverables(deliverables)) }
        let missing = order.missingReferences(in: self)
        if !missing.isEmpty { return .failure(.missingReferences(missing.map(\.label))) }
        let owned = licensed ?? alreadyLicensed
        if !order.licenseAgain && !owned.isEmpty { return .failure(Self.alreadyLicensed(order.assetID, owned)) }
        guard let quote = quote(optionIDs: order.optionIDs) else { return .failure(.unpriceable) }
        if !quote.isAffordable, let available = quote.before {
            return .failure(.insufficientBalance(available: available, needed: quote.total))
        }
        return .success(quote)
    }

    /// `.alreadyLicensed` naming each product once, with the newest date.
    public static func alreadyLicensed(_ assetID: AssetID, _ products: [LicensedProduct]) -> LicensingRefusal {
        var names: [String] = []
        for product in products where !names.contains(product.name) { names.append(product.name) }
        return .alreadyLicensed(assetID: assetID, products: names, licensedAt: products.compactMap(\.licensedAt).max())
    }
}
