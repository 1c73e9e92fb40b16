import Foundation
import StockCore
import StockHTTP

/// StockFlow's error envelope, `{"error": {"code", "message", "status", "retry_after"}}`, into
/// `StockError`, with its remedies: an expired license is renewed with `POST /v2/licenses/renew`,
/// a read-only key cannot license or download, and a used-up quota needs a bigger plan.
enum StockFlowErrors {
    static let mapper = ServiceErrorMapper(
        service: "StockFlow",
        complaint: ServiceErrorMapper.genericComplaint,
        unauthorizedHint: "Check the StockFlow API key (api_key_file or api_key_env in config.toml, or STOCKFLOW_API_KEY) and that it has not been revoked or rotated.")

    static func error(for response: HTTPResponse, request: HTTPRequest, id: AssetID? = nil) -> StockError {
        if response.status == 403 {
            let said = mapper.complaint(response)
            let words = ((said.code ?? "") + " " + (said.message ?? "")).lowercased()
            let detail = said.text.map { " (\($0))" } ?? ""
            if words.contains("expired"), words.contains("licen") {
                return .forbidden("StockFlow: the license has expired\(detail). Renew it (POST /v2/licenses/renew, or in the StockFlow dashboard) and try again.")
            }
            if words.contains("quota") {
                return .forbidden("StockFlow: no downloads left in the plan's quota\(detail). Licensing another clip needs more downloads (a higher tier, or the next period).")
            }
            if words.contains("scope") || words.contains("read-only") || words.contains("read only") {
                return .forbidden("StockFlow: the API key is read-only\(detail). Licensing and downloads need a key with the admin scope; create one in the StockFlow dashboard.")
            }
        }
        return mapper.error(for: response, request: request, id: id)
    }
}

/// Obtains StockFlow OAuth tokens from `POST /v2/oauth/token` for `OAuthSession`.
struct StockFlowTokenExchange: Sendable {
    let transport: HTTPTransport
    let apiKey: String
    let now: @Sendable () -> Date

    /// Access tokens live 24 hours (seed 000) when the answer gives no `expires_in`.
    static let defaultLifetime: TimeInterval = 24 * 3600

    func exchange(_ grant: OAuthGrant) async throws -> OAuthToken {
        let request = StockFlowRequests.token(grant, apiKey: apiKey)
        let response = try await transport.send(request)
        guard response.isSuccess else {
            if [400, 401, 403].contains(response.status) {
                let said = StockFlowErrors.mapper.complaint(response).text.map { ": \($0)" } ?? ""
                let what = if case .refresh = grant { "the refresh token" } else { "the API key" }
                throw StockError.unauthorized("StockFlow refused \(what)\(said). \(StockFlowErrors.mapper.unauthorizedHint)")
            }
            throw StockFlowErrors.error(for: response, request: request)
        }
        let answer = try WireDecoding.decode(StockFlowTokenAnswer.self, from: response.body, what: "StockFlow token answer")
        let lifetime = answer.expiresIn.map(\.value).flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultLifetime
        let scopes = Set((answer.scope ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
        return OAuthToken(accessToken: answer.accessToken, refreshToken: answer.refreshToken,
                          expiresAt: now().addingTimeInterval(lifetime), scopes: scopes)
    }
}
