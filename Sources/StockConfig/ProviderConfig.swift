import Foundation

/// One `[providers.NAME]` table of config.toml, validated; no secret is read yet.
///
/// ```toml
/// [providers.stockflow]
/// kind = "stockflow"
/// api_key_file = "~/.config/stockterm/stockflow.key"
/// ```
public struct ProviderConfig: Sendable, Hashable {
    /// The table's name, what `--provider` takes.
    public var name: String
    public var kind: ProviderKind
    /// The service's base URL; nil for the service's own.
    public var endpoint: URL?
    /// Requests per `kind.rateLimitUnit`; nil for the client's default.
    public var rateLimit: Int?
    /// Adobe's `x-product`; nil for the client's default.
    public var product: String?
    /// Stocksy's account email.
    public var email: String?
    /// A catalog file as written; nil only for the built-in demo catalog.
    public var catalogPath: String?
    /// The secrets, in the order of `kind.credentialRoles`.
    public var credentials: [CredentialSpec]
    /// The line of the `[providers.NAME]` header, if known.
    public var line: Int?
    /// The built-in `demo` provider, always present.
    public var isBuiltIn: Bool

    public init(name: String, kind: ProviderKind, endpoint: URL? = nil, rateLimit: Int? = nil, product: String? = nil,
                email: String? = nil, catalogPath: String? = nil, credentials: [CredentialSpec] = [], line: Int? = nil,
                isBuiltIn: Bool = false) {
        self.name = name; self.kind = kind; self.endpoint = endpoint; self.rateLimit = rateLimit
        self.product = product; self.email = email; self.catalogPath = catalogPath
        self.credentials = credentials; self.line = line; self.isBuiltIn = isBuiltIn
    }

    /// The name of the built-in provider.
    public static let demoName = "demo"

    /// The embedded demo catalog: always available, cannot be redefined.
    public static let demo = ProviderConfig(name: demoName, kind: .catalog, isBuiltIn: true)

    /// Where the secret of `role` comes from, if this kind has one.
    public func credential(_ role: CredentialRole) -> CredentialSpec? {
        credentials.first { $0.role == role }
    }
}
