import Foundation
import StockCore

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
