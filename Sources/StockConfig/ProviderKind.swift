/// What a configured provider is: one of the three services, or a catalog file.
public enum ProviderKind: String, CaseIterable, Sendable, Hashable, Codable {
    case stockflow
    case adobe
    case stocksy
    /// A JSON Lines catalog browsed locally (the built-in `demo` is one).
    case catalog

    /// The service's name in messages: "StockFlow", "Adobe Stock", "Stocksy", "catalog".
    public var displayName: String {
        switch self {
        case .stockflow: "StockFlow"
        case .adobe: "Adobe Stock"
        case .stocksy: "Stocksy"
        case .catalog: "catalog"
        }
    }

    /// Whether it talks to a service over HTTP (endpoint, credentials, rate limit).
    public var isService: Bool { self != .catalog }

    /// The unit of `rate_limit`: StockFlow counts per minute, Adobe and Stocksy per second.
    public var rateLimitUnit: String? {
        switch self {
        case .stockflow: "minute"
        case .adobe, .stocksy: "second"
        case .catalog: nil
        }
    }

    /// The secrets this kind needs, with the environment variable each is read from by default.
    public var credentialRoles: [(role: CredentialRole, defaultEnvironment: String, required: Bool)] {
        switch self {
        case .stockflow: [(.apiKey, "STOCKFLOW_API_KEY", true)]
        case .adobe: [(.apiKey, "ADOBE_STOCK_API_KEY", true), (.accessToken, "ADOBE_STOCK_ACCESS_TOKEN", false)]
        case .stocksy: [(.apiKey, "STOCKSY_API_KEY", true), (.password, "STOCKSY_PASSWORD", true)]
        case .catalog: []
        }
    }

    /// Every key a `[providers.NAME]` table of this kind may hold, in the order the docs list them.
    public var allowedKeys: [String] {
        var keys = ["kind"]
        switch self {
        case .catalog: keys.append("path")
        case .stockflow, .adobe, .stocksy:
            keys.append("endpoint")
            if self == .stocksy { keys.append("email") }
            if self == .adobe { keys.append("product") }
            for (role, _, _) in credentialRoles { keys += [role.fileKey, role.environmentKey] }
            keys.append("rate_limit")
        }
        return keys
    }

    static let list = "stockflow, adobe, stocksy or catalog"
}

/// Which secret a credential is.
public enum CredentialRole: String, CaseIterable, Sendable, Hashable, Codable {
    case apiKey = "api_key"
    case accessToken = "access_token"
    case password

    /// `api_key_file`, `access_token_file`, `password_file`.
    public var fileKey: String { rawValue + "_file" }
    /// `api_key_env`, `access_token_env`, `password_env`.
    public var environmentKey: String { rawValue + "_env" }

    /// "API key", "access token", "password".
    public var displayName: String {
        switch self {
        case .apiKey: "API key"
        case .accessToken: "access token"
        case .password: "password"
        }
    }
}
