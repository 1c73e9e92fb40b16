import Hummingbird

/// Stocksy's answers: the service's `{"status":"error","message"}`, and API Gateway's
/// `{"message"}` for what the gateway decides (API key, sigv4, throttling).
struct StocksyErrors: ServiceEnvelope {
    static func service(_ status: HTTPResponse.Status, _ message: String) -> HTTPFailure {
        HTTPFailure(status, .members([("status", .string("error")), ("message", .string(message))]))
    }

    static func gateway(_ status: HTTPResponse.Status, _ message: String, headers: [(String, String)] = []) -> HTTPFailure {
        HTTPFailure(status, .members([("message", .string(message))]), headers: headers)
    }

    static func invalidSearch(_ detail: String) -> HTTPFailure {
        service(.badRequest, "Invalid search parameters: \(detail)")
    }

    static let forbidden = gateway(.forbidden, "Forbidden")

    /// A refused purchase: the `PurchaseRequestResponse` members without a purchase,
    /// `{"status":"error","category":"insufficient_balance","message":"…"}`.
    static func purchase(_ status: HTTPResponse.Status, category: String, _ message: String,
                         headers: [(String, String)] = []) -> HTTPFailure {
        HTTPFailure(status, .members([("status", .string("error")), ("category", .string(category)), ("message", .string(message))]),
                    headers: headers)
    }

    func rateLimited(retryAfter: Int, limit: Int) -> HTTPFailure {
        Self.gateway(.tooManyRequests, "Too Many Requests", headers: [("Retry-After", String(retryAfter))])
    }

    func serverFault(status: Int) -> HTTPFailure {
        switch status {
        case 502: Self.service(.badGateway, "Bad gateway")
        case 503: Self.service(.serviceUnavailable, "Service unavailable")
        default: Self.service(.internalServerError, "Internal server error")
        }
    }

    func unknownRoute(method: String, path: String) -> HTTPFailure {
        Self.gateway(.forbidden, "Missing Authentication Token")
    }
}
