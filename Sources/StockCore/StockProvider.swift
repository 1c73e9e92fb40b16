import Foundation

/// A category of assets, e.g. `nature-landscapes`.
public struct Category: Hashable, Sendable, Codable {
    public var slug: String
    public var name: String
    /// How many assets it holds, when the source says.
    public var count: Int?
    public init(slug: String, name: String, count: Int? = nil) { self.slug = slug; self.name = name; self.count = count }
}

/// The signed-in account: who, what it may spend, and whether it may license at all.
public struct Account: Hashable, Sendable {
    public var name: String
    public var balance: Money?
    /// Downloads left this period, where the service counts them (StockFlow).
    public var remainingQuota: Int?
    /// StockFlow's Starter / Professional / Enterprise, or the service's equivalent.
    public var licenseTier: String?
    /// A local demonstration account, with no real money behind it.
    public var isDemo: Bool
    /// Why licensing is impossible with these credentials (e.g. a read-only key), if it is.
    public var licensingUnavailableReason: String?
    /// What the plan holds in all, where the service says (Adobe's `full_entitlement_quota`):
    /// "6 images, 40 credits". Sanitised.
    public var planAllowance: String?

    public init(name: String, balance: Money? = nil, remainingQuota: Int? = nil, licenseTier: String? = nil,
                isDemo: Bool = false, licensingUnavailableReason: String? = nil, planAllowance: String? = nil) {
        self.name = name; self.balance = balance; self.remainingQuota = remainingQuota
        self.licenseTier = licenseTier; self.isDemo = isDemo
        self.licensingUnavailableReason = licensingUnavailableReason; self.planAllowance = planAllowance
    }
}

/// The answer to a bulk metadata request: what was found, and which ids were not.
public struct AssetLookup: Hashable, Sendable {
    public var assets: [Asset]
    /// Ids the source does not know or will not show.
    public var unavailable: [AssetID]
    /// Records the service sent that could not be mapped (their ids, where readable, are not in
    /// `unavailable`: the service has them, stockterm could not read them).
    public var skipped: [SkippedRecord]
    public init(assets: [Asset], unavailable: [AssetID], skipped: [SkippedRecord] = []) {
        self.assets = assets; self.unavailable = unavailable; self.skipped = skipped
    }
}

/// What a provider is, for the status line and the filter pane.
public struct ProviderInfo: Hashable, Sendable {
    /// Shown in the status line: "demo catalog", "Adobe Stock".
    public var displayName: String
    /// Facet groups this source can filter on.
    public var facetGroups: [FacetGroup]
    /// Largest page size the source accepts.
    public var maxPageSize: Int
    /// The kinds of asset it sells (the type group's rows): Stocksy photos and video, StockFlow video.
    public var kinds: [AssetKind]
    /// Whether its pages carry facet counts (the local catalog does; the services do not, so the
    /// browser asks for their category list instead).
    public var countsFacets: Bool
    public init(displayName: String, facetGroups: [FacetGroup] = FacetGroup.allCases, maxPageSize: Int = 500,
                kinds: [AssetKind] = AssetKind.common, countsFacets: Bool = false) {
        self.displayName = displayName; self.facetGroups = facetGroups; self.maxPageSize = maxPageSize
        self.kinds = kinds; self.countsFacets = countsFacets
    }
}

/// A source of assets: the local catalog or one of the three services.
/// Every method may be called from any task; implementations are thread-safe.
public protocol StockProvider: Sendable {
    var info: ProviderInfo { get }
    /// One page of results with the total and facet counts.
    func search(_ request: SearchRequest) async throws -> SearchPage
    /// One asset with every field and its products. Throws `StockError.notFound` for an unknown id.
    func asset(id: AssetID) async throws -> Asset
    /// Several assets at once, in the order asked; unknown ids are reported, not thrown.
    func assets(ids: [AssetID]) async throws -> AssetLookup
    func categories() async throws -> [Category]
    func account() async throws -> Account
    /// Licensing, history and downloads, or nil when this provider cannot license (see
    /// `StockLicensing`). Defaults to `self` for providers that conform to it.
    var licensing: (any StockLicensing)? { get }
}

/// Errors any provider can raise, with payloads; `message` turns them into words for people.
public enum StockError: Error, Hashable, Sendable {
    case notFound(AssetID)
    case invalidRequest(String)
    case unauthorized(String)
    case forbidden(String)
    case rateLimited(retryAfterSeconds: Double?)
    case server(status: Int, message: String)
    case malformedResponse(String)
    case network(String)
    case storage(String)
    /// The service no longer offers this asset's file (it was removed); a license of it remains
    /// valid. The words say so.
    case noLongerOffered(AssetID, String)

    /// One line for the status bar or the CLI.
    public var message: String {
        switch self {
        case .notFound(let id): "asset \(id) not found"
        case .invalidRequest(let why): "invalid request: \(why)"
        case .unauthorized(let why): "not signed in: \(why)"
        case .forbidden(let why): "not allowed: \(why)"
        case .rateLimited(let s): s.map { "rate limited: retry in \(Int($0.rounded(.up))) s" } ?? "rate limited"
        case .server(let status, let m): "server error \(status): \(m)"
        case .malformedResponse(let why): "malformed response: \(why)"
        case .network(let why): "network error: \(why)"
        case .storage(let why): "storage error: \(why)"
        case .noLongerOffered(let id, let why): why.isEmpty
            ? "asset \(id) is no longer offered; any license of it remains valid" : why
        }
    }
}
