import Foundation
import StockCore

/// Why `LicenseCoordinator.license` refused an order before writing or sending anything (and,
/// for `insufficientBalance`, why the demo account refused one). `message` is one line for people.
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
        case .licensingUnavailable(let why): "licensing is not available: \(SafeText.sanitize(why))"
        case .offerMismatch(let offer, let order): "the order is for asset \(order), the offer for asset \(offer)"
        case .noDeliverable: "choose a size to license"
        case .severalDeliverables(let ids): "choose one size, not \(ids.count) (\(ids.map(SafeText.sanitize).joined(separator: ", ")))"
        case .unknownOption(let id): "no such product for this asset: \(SafeText.sanitize(id))"
        case .unpriceable: "the chosen products are priced in different currencies or units"
        case .missingReferences(let labels):
            "required: \(labels.map(SafeText.sanitize).joined(separator: ", "))"
        case .alreadyLicensed(let id, let products, let date):
            "asset \(id) is already licensed\(date.map { " on " + ISODate.formatDay($0) } ?? "")"
                + (products.isEmpty ? "" : " (\(products.map(SafeText.sanitize).joined(separator: ", ")))")
                + "; choose \"license again\" to buy it again"
        case .unresolvedIntent(let id, let since):
            "an earlier license of asset \(id) (\(ISODate.format(since))) may have been charged and could not be checked; "
                + "look at the service's history, or choose \"license again\""
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

/// A license request was sent and its outcome is unknown (a network error, a timeout, a server
/// error, a malformed answer, cancellation). Nothing is resent: the intent stays `pending`, and
/// the service's history is checked before anything else is sent.
public struct LicenseOutcomeUnknown: Error, Hashable, Sendable {
    /// The intent's idempotency key.
    public var key: String
    public var assetID: AssetID
    /// What went wrong, in words.
    public var reason: String

    public init(key: String, assetID: AssetID, reason: String) {
        self.key = key; self.assetID = assetID; self.reason = reason
    }

    /// One line for the status bar or the CLI.
    public var message: String {
        "the outcome of the license of asset \(assetID) is unknown (\(SafeText.sanitize(reason))); "
            + "it will be checked with the service before anything else is sent"
    }
}
