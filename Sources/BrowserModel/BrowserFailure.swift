import StockCore

/// Why a request failed, as words for the status line. A struct holding only the message, so
/// that actions carrying a `Result` compare equal in tests.
///
/// ```swift
/// store.send(.searchAnswered(1, .failure(BrowserFailure(StockError.network("timed out")))))
/// ```
public struct BrowserFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// One line for people, e.g. `network error: timed out`.
    public var message: String
    /// A failure with this message.
    public init(message: String) { self.message = message }
    /// A provider error, in its own words (`StockError.message`).
    public init(_ error: StockError) { self.message = error.message }
    /// Any error: a `DescribedError`'s message (`StockError`, the ledger's refusals), otherwise
    /// the error's description.
    public init(error: any Error) {
        if let described = error as? any DescribedError { self.message = described.message }
        else if error is CancellationError { self.message = "cancelled" }
        else { self.message = "\(error)" }
    }
    /// The message.
    public var description: String { message }
}
