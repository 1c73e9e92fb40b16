import Foundation

/// Where a service lives and what to call it in messages and logs.
public struct ServiceEndpoint: Sendable, Hashable {
    /// "StockFlow", "Adobe Stock", "Stocksy": shown in errors and logs.
    public var name: String
    /// The base URL every request path is appended to, e.g. `https://api.stockflow.ru/v2`.
    public var baseURL: URL

    public init(name: String, baseURL: URL) { self.name = name; self.baseURL = baseURL }
}
