import Foundation

/// What can go wrong in the ledger itself. `message` turns it into words for people.
public enum LedgerError: Error, Hashable, Sendable {
    /// No intent has this idempotency key.
    case unknownIntent(key: String)
    /// An intent with this idempotency key already exists.
    case duplicateKey(String)
    /// The intent is already confirmed with another purchase; a confirmed purchase never changes.
    case alreadyConfirmed(key: String, purchaseID: String)
    /// The intent cannot move from `from` to `to` (a confirmed purchase stays confirmed).
    case invalidTransition(key: String, from: IntentState, to: IntentState)
    /// The ledger file could not be created, opened, read or written.
    case storage(String)

    /// One line for the status bar or the CLI.
    public var message: String {
        switch self {
        case .unknownIntent(let key): "ledger: no purchase intent \(key)"
        case .duplicateKey(let key): "ledger: a purchase intent \(key) already exists"
        case .alreadyConfirmed(let key, let purchase):
            "ledger: purchase intent \(key) is already confirmed as \(purchase)"
        case .invalidTransition(let key, let from, let to):
            "ledger: purchase intent \(key) is \(from.rawValue) and cannot become \(to.rawValue)"
        case .storage(let why): "ledger: \(why)"
        }
    }
}
