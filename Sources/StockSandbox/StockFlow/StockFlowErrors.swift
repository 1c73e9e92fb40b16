import Hummingbird

/// StockFlow's error envelope (seed 002): `{"error":{"code","message","status"}}`.
struct StockFlowErrors: ServiceEnvelope {
    /// What the rate limit counts over, in the 429 message: "minute" unless a test shortened it.
    var windowWords = "minute"

    static func failure(_ status: HTTPResponse.Status, _ code: String, _ message: String,
                        extra: [(String, JSONNode)] = [], headers: [(String, String)] = []) -> HTTPFailure {
        let fields: [(String, JSONNode)] = [("code", .string(code)), ("message", .string(message)), ("status", .int(Int(status.code)))] + extra
        return HTTPFailure(status, .members([("error", .members(fields))]), headers: headers)
    }

    static func invalidParameter(_ message: String) -> HTTPFailure {
        failure(.badRequest, "INVALID_PARAMETER", message)
    }

    static let authRequired = failure(.unauthorized, "AUTH_REQUIRED",
                                      "Missing or invalid API key. Provide a Bearer token in the Authorization header.")

    static func notFound(_ what: String) -> HTTPFailure { failure(.notFound, "NOT_FOUND", what) }

    /// A read-only key asked for something that needs the admin scope (seed 000: "read-only
    /// versus admin scopes"; the code is the sandbox's choice).
    static func insufficientScope(_ what: String, scopes: Set<String>) -> HTTPFailure {
        let has = ["read", "admin"].filter(scopes.contains).joined(separator: " ")
        return failure(.forbidden, "INSUFFICIENT_SCOPE",
                       "\(what) needs the admin scope; this API key has the \(has.isEmpty ? "no" : has) scope. Create an admin key in your dashboard.")
    }

    /// A new license was asked for and the plan's download quota is used up (the code is the
    /// sandbox's choice).
    static func quotaExhausted(tier: String, limit: Int, used: Int) -> HTTPFailure {
        failure(.forbidden, "DOWNLOAD_QUOTA_EXCEEDED",
                "Your \(tier) plan's download quota is used up (\(used) of \(limit) downloads this period). Clips you have already licensed can still be downloaded; upgrade your plan for more.")
    }

    func rateLimited(retryAfter: Int, limit: Int) -> HTTPFailure {
        Self.failure(.tooManyRequests, "RATE_LIMIT_EXCEEDED",
                     "You have exceeded \(limit) requests per \(windowWords). Retry after \(retryAfter) seconds.",
                     extra: [("retry_after", .int(retryAfter))], headers: [("Retry-After", String(retryAfter))])
    }

    func serverFault(status: Int) -> HTTPFailure {
        switch status {
        case 502: Self.failure(.badGateway, "BAD_GATEWAY", "The upstream service did not answer. Try again later.")
        case 503: Self.failure(.serviceUnavailable, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable. Try again later.")
        default: Self.failure(.internalServerError, "INTERNAL_ERROR", "An internal error occurred. Try again later.")
        }
    }

    func unknownRoute(method: String, path: String) -> HTTPFailure {
        Self.notFound("No endpoint \(method) \(path).")
    }
}

/// RFC 6749's token-endpoint errors: `{"error","error_description"}`.
enum OAuthErrors {
    static func failure(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> HTTPFailure {
        HTTPFailure(status, .members([("error", .string(error)), ("error_description", .string(description))]),
                    headers: [("Cache-Control", "no-store")])
    }
}
