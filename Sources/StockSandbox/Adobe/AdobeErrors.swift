import Hummingbird

/// Adobe's two error shapes: the API gateway's `{"error_code","message"}` (keys, tokens, rate
/// limit, outages) and the Stock service's documented `{"error","code"}` (bad parameters: code 20,
/// unknown method: 31, invalid data: 100).
struct AdobeErrors: ServiceEnvelope {
    static func gateway(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: [(String, String)] = []) -> HTTPFailure {
        HTTPFailure(status, .members([("error_code", .string(code)), ("message", .string(message))]), headers: headers)
    }

    static func stock(_ status: HTTPResponse.Status, _ message: String, code: Int) -> HTTPFailure {
        HTTPFailure(status, .members([("error", .string(message)), ("code", .int(code))]))
    }

    static func invalidParameter(_ message: String) -> HTTPFailure { stock(.badRequest, message, code: 20) }

    static let apiKeyRequired = gateway(.forbidden, "403000", "Api Key is required")
    static let apiKeyInvalid = gateway(.forbidden, "403003", "Api Key is invalid")
    static let productRequired = gateway(.badRequest, "400100", "X-Product header is required")
    static let tokenInvalid = gateway(.unauthorized, "401013", "Oauth token is not valid")

    func rateLimited(retryAfter: Int, limit: Int) -> HTTPFailure {
        Self.gateway(.tooManyRequests, "429050", "Too many requests", headers: [("Retry-After", String(retryAfter))])
    }

    func serverFault(status: Int) -> HTTPFailure {
        switch status {
        case 502: Self.gateway(.badGateway, "502000", "Bad gateway")
        case 503: Self.gateway(.serviceUnavailable, "503000", "Service unavailable")
        default: Self.gateway(.internalServerError, "500000", "Internal server error")
        }
    }

    func unknownRoute(method: String, path: String) -> HTTPFailure {
        Self.stock(.notFound, "Method \(method) \(path) does not exist", code: 31)
    }
}
