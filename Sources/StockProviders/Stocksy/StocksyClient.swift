import Foundation
import StockCore
import StockHTTP

/// The Stocksy API v1.2 (seed 003): photos and videos, searched with facets, priced per size
/// and license (`availableProducts`), paid from the account's balance.
///
/// Every call carries `x-api-key`. The account's email and password are traded at `POST /login`
/// for temporary IAM credentials, and every other call is signed with AWS Signature Version 4
/// (region us-east-1, service execute-api). The session logs in again before `Expiration`, and
/// once after a 401 or a 403 that says the credentials expired.
///
/// ```swift
/// let stocksy = StocksyClient(configuration: .init(apiKey: key, email: "me@example.com", password: secret))
/// let detail = try await stocksy.detail(id: 12345)
/// detail.asset.products.first?.price.formatted   // "$15.00"
/// ```
public final class StocksyClient: StockProvider {
    /// What `config.toml` gives for Stocksy.
    public struct Configuration: Sendable, Hashable {
        public static let defaultBaseURL = URL(string: "https://api.stocksy.com")!
        /// Production by default; `https://sandbox-api.stocksy.com` for Stocksy's sandbox.
        public var baseURL: URL
        public var apiKey: String
        public var email: String
        public var password: String
        /// The client-side limit; Stocksy publishes none.
        public var requestsPerSecond: Int
        /// SigV4 scope.
        public var region: String

        public init(baseURL: URL = defaultBaseURL, apiKey: String, email: String, password: String,
                    requestsPerSecond: Int = 10, region: String = "us-east-1") {
            self.baseURL = baseURL; self.apiKey = apiKey; self.email = email; self.password = password
            self.requestsPerSecond = requestsPerSecond; self.region = region
        }
    }

    public let configuration: Configuration
    public let info = ProviderInfo(displayName: "Stocksy",
                                   facetGroups: [.type, .orientation, .fourK, .camera, .composition, .ungraded, .safeSearch],
                                   maxPageSize: StocksyRequests.maxLimit, kinds: [.photo, .video])
    /// The temporary credentials; shared by every call of this client.
    public let session: StocksySession
    let transport: HTTPTransport

    public init(configuration: Configuration, retry: RetryPolicy = .standard,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        let endpoint = ServiceEndpoint(name: "Stocksy", baseURL: configuration.baseURL)
        let limiter = RateLimiter.perSecond(configuration.requestsPerSecond)
        let loginTransport = HTTPTransport(
            endpoint: endpoint,
            authenticator: FixedHeaders(headers: [HTTPHeader("x-api-key", configuration.apiKey)], secrets: [configuration.password]),
            rateLimiter: limiter, retry: retry, sleep: sleep)
        let login = StocksyLogin(transport: loginTransport, email: configuration.email, password: configuration.password, now: now)
        session = StocksySession(now: now) { try await login() }
        let auth = StocksyAuthenticator(apiKey: configuration.apiKey, password: configuration.password,
                                        baseURL: configuration.baseURL, session: session,
                                        signer: SigV4Signer(region: configuration.region), now: now)
        transport = HTTPTransport(endpoint: endpoint, authenticator: auth, rateLimiter: limiter, retry: retry, sleep: sleep)
    }

    public func search(_ request: SearchRequest) async throws -> SearchPage {
        guard let http = try StocksyRequests.search(request) else {
            return SearchPage(items: [], page: request.page, pageSize: request.pageSize, total: 0)
        }
        let response = try await send(http)
        let result = try WireDecoding.decode(StocksySearchResult.self, from: response.body, what: "Stocksy search answer")
        // The page is the service's first `pageSize` positions, read or not, so that the next
        // page starts where this one ended even when a record was left out.
        let mapped = LossyMapping.map(result.response.items.slots.prefix(request.pageSize), path: { "response.items[\($0)]" }) { item, at throws(UnmappableRecord) in
            try item.asset(path: at)
        }
        WireLog.skipped(mapped.skipped, in: "Stocksy search answer")
        let covered = mapped.items.count + mapped.skipped.count
        let total = result.response.totalItemCount.map { max(0, $0.int) } ?? request.offset + covered
        return SearchPage(items: mapped.items, page: request.page, pageSize: request.pageSize,
                          total: total, totalIsExact: false, skipped: mapped.skipped)
    }

    public func asset(id: AssetID) async throws -> Asset { try await detail(id: id).asset }

    /// `GET /assets/{id}`: the asset with its products and prices, and what this account bought
    /// of it. An asset whose type is neither photo nor video cannot be shown: malformed, naming
    /// the field.
    public func detail(id: AssetID) async throws -> StocksyAssetDetail {
        let response = try await send(StocksyRequests.asset(id), id: id)
        let what = "Stocksy asset \(id)"
        let wire = try WireDecoding.decode(StocksyAsset.self, from: response.body, what: what)
        do throws(UnmappableRecord) {
            let detail = try wire.detail(path: "")
            WireLog.skipped(detail.skipped, in: what)
            return detail
        } catch {
            throw StockError.malformedResponse("\(what): \(error.reason)")
        }
    }

    /// The many-ids form, `GET /assets?ids=…`, 100 ids per call, in the order asked; ids missing
    /// from an answer (or a call answered 404) are unavailable. A record that cannot be read or
    /// shown is left out and reported in `skipped`; its id, when readable, is not unavailable.
    public func assets(ids: [AssetID]) async throws -> AssetLookup {
        var byID: [AssetID: Asset] = [:]
        var skipped: [SkippedRecord] = []
        var unreadable: Set<AssetID> = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start ..< min(start + StocksyRequests.maxIDsPerCall, ids.count)])
            start += chunk.count
            let request = StocksyRequests.assets(chunk)
            let response = try await transport.send(request)
            if response.status == 404 { continue }
            guard response.isSuccess else { throw StocksyErrors.error(for: response, request: request) }
            let list = try WireDecoding.decode(LossyList<StocksyAsset>.self, from: response.body, what: "Stocksy assets answer")
            for slot in list.slots {
                switch slot {
                case .skipped(let record):
                    skipped.append(record)
                case .read(let wire, let index):
                    do throws(UnmappableRecord) {
                        let detail = try wire.detail(path: "[\(index)]")
                        byID[wire.id] = detail.asset
                        WireLog.skipped(detail.skipped, in: "Stocksy assets answer")
                    } catch {
                        skipped.append(SkippedRecord(path: "[\(index)]", reason: error.reason))
                        unreadable.insert(wire.id)
                    }
                }
            }
        }
        WireLog.skipped(skipped, in: "Stocksy assets answer")
        var assets: [Asset] = [], unavailable: [AssetID] = []
        for id in ids {
            if let a = byID[id] { assets.append(a) } else if !unreadable.contains(id) { unavailable.append(id) }
        }
        return AssetLookup(assets: assets, unavailable: unavailable, skipped: skipped)
    }

    /// Stocksy's API has no categories.
    public func categories() async throws -> [StockCore.Category] { [] }

    /// `GET /users`: the name and the balance purchases are paid from.
    public func account() async throws -> Account {
        let response = try await send(StocksyRequests.user())
        let user = try WireDecoding.decode(StocksyUser.self, from: response.body, what: "Stocksy account answer")
        let name = [user.firstName, user.lastName].compactMap(WireText.optionalField).joined(separator: " ")
        return Account(name: name.isEmpty ? WireText.optionalField(user.email) ?? "Stocksy account" : name,
                       balance: user.availableBalance?.money)
    }

    /// Sends, logs in again once after a 403 that says the credentials expired (the transport
    /// handles 401 itself), and maps a non-2xx answer to `StockError`.
    func send(_ request: HTTPRequest, id: AssetID? = nil) async throws -> HTTPResponse {
        let response = try await sendAnswer(request)
        guard response.isSuccess else { throw StocksyErrors.error(for: response, request: request, id: id) }
        return response
    }

    /// Sends, and logs in again once after a 403 that says the credentials expired; returns the
    /// answer whatever its status. A 403 from the gateway means the request was refused before
    /// it reached the service, so sending it again cannot do anything twice, a purchase included.
    func sendAnswer(_ request: HTTPRequest) async throws -> HTTPResponse {
        let used = await session.currentAccessKeyID()
        var response = try await transport.send(request)
        if StocksyErrors.saysCredentialsExpired(response), try await session.renew(rejected: used) {
            response = try await transport.send(request)
        }
        return response
    }
}
