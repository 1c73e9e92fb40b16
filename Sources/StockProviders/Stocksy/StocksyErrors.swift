import Foundation
import StockCore
import StockHTTP

/// Stocksy's error answers into `StockError`. The reference shows no error body; answers carry
/// `status` and `message` beside their data, and the API Gateway in front of it answers
/// `{"message": "…"}` (a 403 "The security token included in the request is expired" among them).
enum StocksyErrors {
    static let mapper = ServiceErrorMapper(
        service: "Stocksy",
        complaint: ServiceErrorMapper.genericComplaint,
        unauthorizedHint: "Check the Stocksy API key, email and password in config.toml.")

    static func error(for response: HTTPResponse, request: HTTPRequest, id: AssetID? = nil) -> StockError {
        mapper.error(for: response, request: request, id: id)
    }

    /// A 403 that says the signature's credentials expired or are unknown: worth one new login.
    static func saysCredentialsExpired(_ response: HTTPResponse) -> Bool {
        guard response.status == 403 else { return false }
        let words = (mapper.complaint(response).text ?? "").lowercased()
        return words.contains("expired") || words.contains("security token") || words.contains("signature")
    }
}
