/// The stock services the sandbox can emulate.
///
/// ```swift
/// let server = try await SandboxServer.start(catalog: catalog, options: SandboxOptions(api: .stockflow))
/// ```
public enum SandboxAPI: String, CaseIterable, Sendable {
    /// Stocksy API v1.2: photos and videos, sigv4-signed calls, prices in minor units.
    case stocksy
    /// Adobe Stock: every kind of asset, `x-api-key` + `x-product`, the premium quirk.
    case adobe
    /// StockFlow v2: video clips only, OAuth 2.0 bearer tokens, 120 requests per minute.
    case stockflow

    /// The service's own rate limit: how many requests a credential may make per `rateWindow`.
    public var defaultRateLimit: Int {
        switch self {
        case .stockflow: 120
        case .adobe: 5
        case .stocksy: 10
        }
    }

    /// The window the rate limit counts over: a minute for StockFlow, a second for the others.
    public var rateWindow: Duration {
        switch self {
        case .stockflow: .seconds(60)
        case .adobe, .stocksy: .seconds(1)
        }
    }

    /// How long StockFlow access tokens and Stocksy temporary credentials live unless told otherwise.
    public var defaultTokenLifetime: Duration {
        switch self {
        case .stockflow: .seconds(24 * 3600)
        case .stocksy: .seconds(3600)
        case .adobe: .seconds(24 * 3600)
        }
    }

    /// The path every API route starts with: `/v2` for StockFlow, nothing for the others.
    public var basePath: String { self == .stockflow ? "/v2" : "" }

    /// The name people know the service by.
    public var displayName: String {
        switch self {
        case .stocksy: "Stocksy API v1.2"
        case .adobe: "Adobe Stock"
        case .stockflow: "StockFlow v2"
        }
    }
}
