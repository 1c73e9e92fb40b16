import Foundation
import StockCore
import StockHTTP

/// What a service said when it refused a request, read from its error envelope.
struct ServiceComplaint: Sendable, Hashable {
    /// The service's own code, e.g. StockFlow's `RATE_LIMIT_EXCEEDED` or Adobe's `429050`.
    var code: String?
    /// Its message, sanitised and cut to a status line.
    var message: String?

    /// "message (code)" or whichever of the two there is.
    var text: String? {
        switch (message, code) {
        case let (m?, c?): "\(m) (\(c))"
        case let (m?, nil): m
        case let (nil, c?): c
        default: nil
        }
    }
}

/// Turns a non-2xx answer into a `StockError` with words a person can act on. Each service gives
/// its envelope reader and its hints; the status mapping is the same everywhere:
///
/// | status | error |
/// |---|---|
/// | 400, 405, 409, 413, 422 | `invalidRequest` |
/// | 401 | `unauthorized`, with what to check |
/// | 403 | `forbidden` (services add their own remedies) |
/// | 404 | `notFound(id)` when the call was about one asset, else `invalidRequest` |
/// | 429 | `rateLimited`, with the wait from `Retry-After` or the body |
/// | 5xx and anything else | `server` |
struct ServiceErrorMapper: Sendable {
    /// "StockFlow", "Adobe Stock", "Stocksy".
    let service: String
    /// Reads the service's error envelope.
    let complaint: @Sendable (HTTPResponse) -> ServiceComplaint
    /// What to check after a 401.
    let unauthorizedHint: String

    /// The error for `response`, an answer to `request` (about asset `id`, if any).
    func error(for response: HTTPResponse, request: HTTPRequest, id: AssetID? = nil) -> StockError {
        let said = complaint(response)
        let detail = said.text.map { ": \($0)" } ?? ""
        switch response.status {
        case 400, 405, 409, 413, 422:
            return .invalidRequest("\(service) refused \(request.method.rawValue) \(request.path)\(detail)")
        case 401:
            return .unauthorized("\(service) refused the credentials\(detail). \(unauthorizedHint)")
        case 403:
            return .forbidden("\(service) does not allow this\(detail)")
        case 404:
            if let id { return .notFound(id) }
            return .invalidRequest("\(service) has nothing at \(request.method.rawValue) \(request.path)\(detail)")
        case 429:
            return .rateLimited(retryAfterSeconds: RetryPolicy.requestedWait(response).map(\.seconds))
        default:
            return .server(status: response.status, message: "\(service)\(detail.isEmpty ? " answered \(response.status)" : detail)")
        }
    }

    /// Reads the usual envelope shapes: `{"error": {"code", "message"}}`, `{"error_code", "message"}`,
    /// `{"status": "error", "message"}`, `{"message"}`, `{"error": "text"}`, `{"code", "message"}`.
    /// A body that is not JSON contributes its first line (sanitised), an empty one nothing.
    static func genericComplaint(_ response: HTTPResponse) -> ServiceComplaint {
        guard !response.body.isEmpty else { return ServiceComplaint() }
        guard let json = try? JSONParser.parse(response.body) else {
            let line = response.bodyText.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let text = WireText.clean(line, limit: 120)
            return ServiceComplaint(code: nil, message: text.isEmpty ? nil : text)
        }
        func string(_ v: JSONValue?) -> String? {
            switch v {
            case .string(let s)?: let c = WireText.clean(s); return c.isEmpty ? nil : c
            case .number(let d, let i)?: return i.map(String.init) ?? String(d)
            default: return nil
            }
        }
        if let error = json["error"], case .object = error {
            return ServiceComplaint(code: string(error["code"]) ?? string(error["error_code"]),
                                    message: string(error["message"]) ?? string(error["description"]))
        }
        let message = string(json["message"]) ?? string(json["error_description"]) ?? string(json["error"])
            ?? string(json["detail"]) ?? string(json["Message"])
        let code = string(json["error_code"]) ?? string(json["code"])
            ?? (string(json["error"]) != message ? string(json["error"]) : nil)
        return ServiceComplaint(code: code, message: message)
    }
}
