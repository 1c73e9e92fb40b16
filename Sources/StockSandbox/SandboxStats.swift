/// What a sandbox server has seen and done since it started: for tests that assert what a client
/// sent and how the server answered.
///
/// ```swift
/// let stats = await server.stats()
/// #expect(stats.rateLimited == 1)
/// #expect(stats.requests.last?.query.contains { $0.name == "search_parameters[filters][premium]" } == true)
/// ```
public struct SandboxStats: Sendable {
    /// Requests by route, e.g. `"GET /v2/clips"` or `"GET /v2/clips/{id}"`.
    public var requestsPerRoute: [String: Int]
    /// Answers by HTTP status; dropped connections are counted under 0.
    public var responsesPerStatus: [Int: Int]
    /// How many 429 answers were served.
    public var rateLimited: Int
    /// Faults injected, by kind.
    public var faults: [SandboxFault: Int]
    /// Every request, oldest first.
    public var requests: [SandboxRequestRecord]

    /// All faults injected, whatever their kind.
    public var faultsInjected: Int { faults.values.reduce(0, +) }
    /// All requests received.
    public var totalRequests: Int { requests.count }

    public init(requestsPerRoute: [String: Int] = [:], responsesPerStatus: [Int: Int] = [:], rateLimited: Int = 0,
                faults: [SandboxFault: Int] = [:], requests: [SandboxRequestRecord] = []) {
        self.requestsPerRoute = requestsPerRoute
        self.responsesPerStatus = responsesPerStatus
        self.rateLimited = rateLimited
        self.faults = faults
        self.requests = requests
    }
}

/// One request as the sandbox received it, with secrets masked.
public struct SandboxRequestRecord: Sendable, Hashable {
    /// A query parameter, decoded.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public var method: String
    /// The path without the query, e.g. `/v2/clips`.
    public var path: String
    /// The route it matched, e.g. `GET /v2/clips/{id}`; `GET NotFound` when none did.
    public var route: String
    /// Query parameters in the order sent (values of `token`, `password`, `client_secret` and
    /// `refresh_token` masked).
    public var query: [QueryItem]
    /// The headers that matter to the services, lower-cased names; secrets keep a short prefix only.
    public var headers: [String: String]
    /// The status answered; 0 for a dropped connection.
    public var status: Int
    /// The fault injected into this request, if any.
    public var fault: SandboxFault?
    /// The body of a JSON request (StockFlow's `POST /v2/search`), as sent; nil for every other
    /// request (form bodies may hold passwords and keys, and are never kept).
    public var body: String? = nil

    /// The last value of query parameter `name`.
    public func queryValue(_ name: String) -> String? { query.last { $0.name == name }?.value }
}
