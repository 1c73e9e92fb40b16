/// A service's own error answers for what the shared machinery decides.
protocol ServiceEnvelope: Sendable {
    /// The 429 answer, with its `Retry-After` header.
    func rateLimited(retryAfter: Int, limit: Int) -> HTTPFailure
    /// A 500, 502 or 503 fault.
    func serverFault(status: Int) -> HTTPFailure
    /// No route matches.
    func unknownRoute(method: String, path: String) -> HTTPFailure
}

/// Raised to make the server close a connection without answering.
struct DroppedConnection: Error {}
