import Foundation
import StockCore
import StockHTTP

/// Adobe Stock (seed 001 and Adobe's public references): the Search API for searching, the
/// Files API for metadata by id (110 ids per call), Member/Profile for the account; licensing,
/// license history and downloads in `AdobeStockLicensing.swift` (`StockLicensing`).
///
/// Every call carries `x-api-key` and `x-product`; profile (and later licensing) calls add
/// `Authorization: Bearer <access token>` from the configuration. Calls stay under 5 per second.
///
/// ```swift
/// let adobe = AdobeStockClient(configuration: .init(apiKey: key, product: StocktermVersion.product))
/// let page = try await adobe.search(SearchRequest(query: .term("hippos"), pageSize: 32))
/// ```
public final class AdobeStockClient: StockProvider {
    /// What `config.toml` gives for Adobe Stock.
    public struct Configuration: Sendable, Hashable {
        public static let defaultBaseURL = URL(string: "https://stock.adobe.io")!
        public var baseURL: URL
        /// `x-api-key`.
        public var apiKey: String
        /// `x-product`: the application's name and version, by default `StocktermVersion.product` ("stockterm/0.1.0") (required by Adobe).
        public var product: String
        /// An access token for profile and licensing calls; search works without one.
        public var accessToken: String?
        /// The client-side limit (Adobe recommends at most about 5 per second).
        public var requestsPerSecond: Int
        /// `locale` for the profile's messages.
        public var locale: String
        /// `licenseHistory(offset:limit:)` asks for the whole organisation's history
        /// (`LicenseHistory?all=true`) rather than this member's alone (seed 001's bulk download).
        public var wholeOrganisationHistory: Bool

        public init(baseURL: URL = defaultBaseURL, apiKey: String, product: String = StocktermVersion.product,
                    accessToken: String? = nil, requestsPerSecond: Int = 5, locale: String = "en_US",
                    wholeOrganisationHistory: Bool = false) {
            self.baseURL = baseURL; self.apiKey = apiKey; self.product = product
            self.accessToken = accessToken; self.requestsPerSecond = requestsPerSecond; self.locale = locale
            self.wholeOrganisationHistory = wholeOrganisationHistory
        }
    }

    public let configuration: Configuration
    public let info = ProviderInfo(displayName: "Adobe Stock", facetGroups: [.type, .orientation, .premium, .megapixels, .license],
                                   maxPageSize: AdobeStockRequests.maxLimit, kinds: AssetKind.allCases)
    let transport: HTTPTransport

    public init(configuration: Configuration, retry: RetryPolicy = .standard,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.configuration = configuration
        let auth = HeaderAuthentication(
            headers: [HTTPHeader("x-api-key", configuration.apiKey), HTTPHeader("x-product", configuration.product)],
            userToken: configuration.accessToken.map { StaticBearerToken($0) })
        transport = HTTPTransport(endpoint: ServiceEndpoint(name: "Adobe Stock", baseURL: configuration.baseURL),
                                  authenticator: auth, rateLimiter: .perSecond(configuration.requestsPerSecond),
                                  retry: retry, sleep: sleep)
    }

    /// One page; never more items than the page size, even when Adobe sends extra premium results.
    /// A file that cannot be mapped (no id, a media type stockterm has no kind for) is left out
    /// and listed in `SearchPage.skipped`.
    public func search(_ request: SearchRequest) async throws -> SearchPage {
        guard let http = try AdobeStockRequests.search(request, signedIn: signedIn) else {
            return SearchPage(items: [], page: request.page, pageSize: request.pageSize, total: 0)
        }
        let response = try await send(http)
        let what = "Adobe Stock search answer"
        let list = try WireDecoding.decode(AdobeStockFileList.self, from: response.body, what: what)
        let mapped = Self.map(list.files, limit: request.pageSize, what: what)
        let items = mapped.details.map(\.asset)
        return SearchPage(items: items, page: request.page, pageSize: request.pageSize,
                          total: list.nbResults?.int ?? request.offset + items.count, totalIsExact: false,
                          skipped: mapped.skipped)
    }

    /// Whether an access token is configured (then search and files ask for `is_licensed`).
    var signedIn: Bool { configuration.accessToken != nil }

    /// The readable files of a list as details, at most `limit`, and what was left out (logged).
    static func map(_ files: LossyList<AdobeStockFile>, limit: Int = .max, what: String) -> (details: [AdobeStockAssetDetail], skipped: [SkippedRecord]) {
        var details: [AdobeStockAssetDetail] = []
        var skipped = files.skipped
        for (index, file) in files.elements.enumerated() {
            do {
                details.append(try file.detail(path: "files[\(index)]"))
            } catch let error as StockError {
                let reason = if case .malformedResponse(let why) = error { why } else { error.message }
                skipped.append(SkippedRecord(path: "files[\(index)]", reason: reason))
            } catch {
                skipped.append(SkippedRecord(path: "files[\(index)]", reason: WireText.clean(String(describing: error))))
            }
        }
        WireLog.skipped(skipped, in: what)
        return (Array(details.prefix(limit)), skipped)
    }

    public func asset(id: AssetID) async throws -> Asset { try await detail(id: id).asset }

    /// One file through the Files API (which, unlike search, also finds hidden and free assets),
    /// with the license already held and the preview URLs. A file Adobe sends that cannot be
    /// mapped is `malformedResponse` naming the field (there is nothing else to show).
    public func detail(id: AssetID) async throws -> AdobeStockAssetDetail {
        let list = try await files([id])
        guard let index = list.elements.firstIndex(where: { $0.id == id }) else {
            if let skipped = list.skipped.first {
                throw StockError.malformedResponse("Adobe Stock files answer: \(skipped.reason)")
            }
            throw StockError.notFound(id)
        }
        return try list.elements[index].detail(path: "files[\(index)]")
    }

    /// The Files API in calls of at most 110 ids, in the order asked; ids Adobe leaves out of its
    /// answer are unavailable (seed 001's availability check); files it sends that cannot be
    /// mapped are in `skipped`, not `unavailable` (Adobe has them; stockterm cannot read them).
    public func assets(ids: [AssetID]) async throws -> AssetLookup {
        var byID: [AssetID: Asset] = [:]
        var skipped: [SkippedRecord] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start ..< min(start + AdobeStockRequests.maxIDsPerCall, ids.count)])
            start += chunk.count
            let mapped = Self.map(try await files(chunk), what: "Adobe Stock files answer")
            for detail in mapped.details { byID[detail.asset.id] = detail.asset }
            skipped += mapped.skipped
        }
        var assets: [Asset] = [], unavailable: [AssetID] = []
        for id in ids {
            if let a = byID[id] { assets.append(a) } else { unavailable.append(id) }
        }
        return AssetLookup(assets: assets, unavailable: unavailable, skipped: skipped)
    }

    /// Adobe's categories are numeric ids with localised names (`Search/Category`), not the slugs
    /// the filter pane works with, and its Search API filters by one id at a time: none offered.
    public func categories() async throws -> [StockCore.Category] { [] }

    /// Member/Profile with the configured access token and no asset (the member, the quota left
    /// and the plan's whole allowance). Without a token, no call is made: the account can search
    /// but not license, and says so.
    public func account() async throws -> Account {
        guard configuration.accessToken != nil else {
            return Account(name: "Adobe Stock (API key only)", licensingUnavailableReason:
                "no Adobe Stock access token is configured: search works with the API key alone, licensing needs access_token_file or access_token_env in config.toml (or ADOBE_STOCK_ACCESS_TOKEN)")
        }
        let response = try await send(AdobeStockRequests.memberProfile(locale: configuration.locale))
        return try WireDecoding.decode(AdobeStockProfile.self, from: response.body, what: "Adobe Stock profile answer").account()
    }

    func files(_ ids: [AssetID]) async throws -> LossyList<AdobeStockFile> {
        let response = try await send(AdobeStockRequests.files(ids, signedIn: signedIn))
        return try WireDecoding.decode(AdobeStockFileList.self, from: response.body, what: "Adobe Stock files answer").files
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await transport.send(request)
        guard response.isSuccess else { throw AdobeStockErrors.error(for: response, request: request) }
        return response
    }
}

/// Adobe's envelope, `{"error_code": "429050", "message": "Too many requests"}`, into `StockError`.
enum AdobeStockErrors {
    static let mapper = ServiceErrorMapper(
        service: "Adobe Stock",
        complaint: ServiceErrorMapper.genericComplaint,
        unauthorizedHint: "Check the Adobe Stock API key and product (x-product) in config.toml; profile and licensing also need a valid access token (they expire after 24 hours).")

    /// The gateway's answers to a missing or wrong `x-api-key` (403, not 401).
    static let apiKeyCodes: Set<String> = ["403000", "403003"]

    static func error(for response: HTTPResponse, request: HTTPRequest) -> StockError {
        if response.status == 403, let code = mapper.complaint(response).code, apiKeyCodes.contains(code) {
            let said = mapper.complaint(response).text.map { ": \($0)" } ?? ""
            return .unauthorized("Adobe Stock refused the API key\(said). \(mapper.unauthorizedHint)")
        }
        if response.status == 403, request.access == .user {
            let said = mapper.complaint(response).text.map { " (\($0))" } ?? ""
            return .forbidden("Adobe Stock refused the access token\(said): it may have expired or lack the Adobe Stock entitlement; get a new one.")
        }
        return mapper.error(for: response, request: request)
    }
}

extension AdobeStockErrors {
    /// Licensing answers: a 403 in the Stock service's `{"error", "code"}` shape is Adobe refusing
    /// to license (plan, quota), not the token; 400 is a refused request with Adobe's words; 404
    /// about one asset is `notFound`.
    static func licensingError(for response: HTTPResponse, request: HTTPRequest, id: AssetID?) -> StockError {
        let said = mapper.complaint(response)
        let gateway = said.code.map { $0.count == 6 && $0.allSatisfy(\.isNumber) } ?? false
        switch response.status {
        case 403 where !gateway:
            return .forbidden("Adobe Stock refused\(id.map { " asset \($0)" } ?? ""): \(said.message ?? "no reason given")")
        case 400:
            return .invalidRequest("Adobe Stock refused \(request.method.rawValue) \(request.path)\(said.message.map { ": \($0)" } ?? "")")
        case 404:
            if let id { return .notFound(id) }
            return error(for: response, request: request)
        default:
            return error(for: response, request: request)
        }
    }
}
