import Logging

/// How a sandbox server behaves: which service, where it listens, and how hostile it is.
///
/// ```swift
/// var options = SandboxOptions(api: .adobe)
/// options.faultRate = 0.2        // one request in five fails
/// options.latency = .milliseconds(150)
/// ```
public struct SandboxOptions: Sendable {
    /// The service to emulate.
    public var api: SandboxAPI
    /// The port on 127.0.0.1; 0 picks a free one (read it back from `SandboxServer.port`).
    public var port: Int
    /// Added before every answer of an API route (never to the token or login endpoints).
    public var latency: Duration
    /// Probability in 0...1 that an API request fails on purpose: a 500/502/503, a 200 with
    /// truncated JSON, or a dropped connection.
    public var faultRate: Double
    /// Which faults may be injected; every kind by default. `[.malformedJSON]` at a fault rate of 1
    /// makes every API answer a 200 with truncated JSON; `[.badGateway, .unavailable]` only the
    /// retryable server errors.
    public var faultKinds: Set<SandboxFault>
    /// Requests per window per credential; nil means the service's own (`SandboxAPI.defaultRateLimit`).
    public var rateLimit: Int?
    /// Seeds the fault injector and the token generator, so a run can be repeated.
    public var seed: UInt64
    /// Lifetime of StockFlow access tokens and Stocksy temporary credentials.
    public var tokenLifetime: Duration
    /// Where the server logs; nothing by default.
    public var logger: Logger
    /// Probability in 0...1 that a purchase or license request that has already charged the
    /// account is answered with a fault anyway (one of `faultKinds`: a 5xx, truncated JSON or a
    /// dropped connection), so that only the service's history can tell it was bought. 0 by
    /// default; drawn from its own seeded sequence. Stocksy's `POST /purchases` honours it.
    public var faultAfterChargeRate: Double = 0
    /// How long signed download and comp URLs stay valid; nil means the service's own
    /// (Stocksy and StockFlow: 15 minutes). Tests shorten it to see a URL expire without waiting.
    public var downloadURLLifetime: Duration?
    /// The window the rate limit counts over; nil means the service's own (`SandboxAPI.rateWindow`:
    /// a minute for StockFlow). Tests shorten it, with the client's window shortened alike, to run a
    /// burst past the limit in seconds; the sliding-window logic is the same.
    public var rateWindow: Duration?
    /// Stocksy's opening account balance in cents (USD); nil means the seed's $437.50. Long
    /// licensing runs (the crash test) give the account more.
    public var openingBalance: Int64?
    /// How Stocksy's `GET /purchases` answers a `Range: items=a-b` (`StocksyRangeAnswer`): 206 with
    /// `Content-Range` by default, or 200 with it, 200 without it, or the whole list.
    public var stocksyPurchaseRanges: StocksyRangeAnswer = .partialContent

    public init(api: SandboxAPI, port: Int = 0, latency: Duration = .zero, faultRate: Double = 0,
                rateLimit: Int? = nil, seed: UInt64 = 1, tokenLifetime: Duration? = nil, logger: Logger? = nil,
                faultKinds: Set<SandboxFault> = Set(SandboxFault.allCases), downloadURLLifetime: Duration? = nil,
                rateWindow: Duration? = nil) {
        self.api = api
        self.port = port
        self.latency = latency
        self.faultRate = faultRate
        self.faultKinds = faultKinds
        self.rateLimit = rateLimit
        self.seed = seed
        self.tokenLifetime = tokenLifetime ?? api.defaultTokenLifetime
        self.downloadURLLifetime = downloadURLLifetime
        self.rateWindow = rateWindow
        self.logger = logger ?? Logger(label: "stockterm.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// The rate limit in force.
    public var effectiveRateLimit: Int { rateLimit ?? api.defaultRateLimit }

    /// The rate window in force.
    public var effectiveRateWindow: Duration { rateWindow ?? api.rateWindow }

    /// Checks the values; the message names the bad one.
    public func validate() throws(SandboxError) {
        guard (0...65535).contains(port) else { throw .invalidOption("port must be between 0 and 65535, got \(port)") }
        guard faultRate.isFinite, (0...1).contains(faultRate) else {
            throw .invalidOption("fault rate must be between 0 and 1, got \(faultRate)")
        }
        guard !faultKinds.isEmpty else { throw .invalidOption("fault kinds must name at least one kind") }
        guard latency >= .zero else { throw .invalidOption("latency must not be negative") }
        if let rateLimit, rateLimit < 1 { throw .invalidOption("rate limit must be at least 1, got \(rateLimit)") }
        guard tokenLifetime >= .zero else { throw .invalidOption("token lifetime must not be negative") }
        guard faultAfterChargeRate.isFinite, (0...1).contains(faultAfterChargeRate) else {
            throw .invalidOption("fault-after-charge rate must be between 0 and 1, got \(faultAfterChargeRate)")
        }
        if let downloadURLLifetime, downloadURLLifetime <= .zero {
            throw .invalidOption("download URL lifetime must be positive")
        }
        if let rateWindow, rateWindow <= .zero { throw .invalidOption("rate window must be positive") }
        if let openingBalance, openingBalance < 0 { throw .invalidOption("opening balance must not be negative") }
    }
}

/// What can go wrong when starting a sandbox.
public enum SandboxError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidOption(String)
    case cannotListen(String)

    public var description: String {
        switch self {
        case .invalidOption(let why): "invalid sandbox option: \(why)"
        case .cannotListen(let why): "cannot start the sandbox server: \(why)"
        }
    }
}
