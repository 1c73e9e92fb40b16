import StockHTTP

/// Fixed headers on every call and nothing to renew, with secrets the transport's redactor must
/// know even though they travel in a body (StockFlow's token call, Stocksy's login).
struct FixedHeaders: HTTPAuthenticator {
    let headers: [HTTPHeader]
    let extraSecrets: [String]

    init(headers: [HTTPHeader] = [], secrets: [String]) { self.headers = headers; self.extraSecrets = secrets }

    func authorize(_ request: inout HTTPRequest) async throws {
        for h in headers { request.setHeader(h.name, h.value) }
    }
    func renewAfterUnauthorized(_ request: HTTPRequest, _ response: HTTPResponse) async throws -> Bool { false }
    func secrets() async -> [String] {
        extraSecrets + headers.filter { Redactor.secretHeaders.contains($0.name.lowercased()) }.map(\.value)
    }
}
