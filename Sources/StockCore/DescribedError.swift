/// An error that says what went wrong in one line for people (the status line, the CLI's
/// standard error). `StockError` is one; the ledger's refusals are others.
public protocol DescribedError: Error {
    /// One line, no secrets.
    var message: String { get }
}

extension StockError: DescribedError {}
