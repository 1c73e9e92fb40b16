/// The test credentials a sandbox accepts. They are fixed, so that documentation and scripts can
/// name them; tokens and temporary credentials handed out at run time come from the seed.
///
/// ```swift
/// let key = server.credentials.stockflow!.adminKey
/// ```
public struct SandboxCredentials: Sendable, Hashable {
    public var api: SandboxAPI
    public var stockflow: StockFlowCredentials?
    public var adobe: AdobeCredentials?
    public var stocksy: StocksyCredentials?

    /// Label and value of each credential, in the order to print them.
    public var summary: [(label: String, value: String)] {
        if let c = stockflow {
            return [("API key (admin scope)", c.adminKey), ("API key (read-only scope)", c.readOnlyKey),
                    ("API key (license expired)", c.expiredLicenseKey),
                    ("API key (one download left)", c.lastDownloadKey),
                    ("token endpoint", "POST /v2/oauth/token grant_type=client_credentials&client_secret=<API key>")]
        }
        if let c = adobe {
            return [("x-api-key", c.apiKey), ("x-product", c.product + " (any non-empty value works)"),
                    ("access token (personal plan)", c.accessToken),
                    ("access token (enterprise, license references)", c.enterpriseAccessToken),
                    ("access token (expired)", c.expiredAccessToken)]
        }
        if let c = stocksy {
            return [("x-api-key", c.apiKey), ("email", c.email), ("password", c.password),
                    ("login", "POST /login email=<email>&password=<password> (then sign with sigv4: \(c.region), \(c.service))")]
        }
        return []
    }
}

/// StockFlow's three API keys: trade one for tokens at `POST /v2/oauth/token`.
public struct StockFlowCredentials: Sendable, Hashable {
    /// Scope `read admin`, Professional tier.
    public var adminKey = "sf_test_admin_4c1d9e2b7a"
    /// Scope `read`.
    public var readOnlyKey = "sf_test_read_8f03b6c5d1"
    /// Scope `read admin`, but the account's license expired: everything but `/users/me` and the
    /// token endpoint answers 403 `LICENSE_EXPIRED`.
    public var expiredLicenseKey = "sf_test_expired_2e7a91f0c4"
    /// Scope `read admin`, Starter tier with one download left in its quota: the second clip
    /// licensed is refused with 403 `DOWNLOAD_QUOTA_EXCEEDED`.
    public var lastDownloadKey = "sf_test_lastdl_5a8c03e9f1"
    /// The date the expired key's license ended.
    public var licenseExpiredOn = "2025-12-31"
}

/// Adobe Stock's API key and IMS access tokens.
public struct AdobeCredentials: Sendable, Hashable {
    public var apiKey = "adobe-sandbox-api-key-7d3f"
    /// A suggested `x-product`; any non-empty value is accepted.
    public var product = "stockterm/0.1"
    /// A personal plan with 48 standard licenses.
    public var accessToken = "adobe-ims-token-personal-51c8"
    /// An enterprise (CCE) member whose organisation uses license references (`cce_agency`).
    public var enterpriseAccessToken = "adobe-ims-token-enterprise-93ab"
    /// An expired token: every call that needs one answers 401.
    public var expiredAccessToken = "adobe-ims-token-expired-0f42"
}

/// Stocksy's API key and user account (traded for temporary sigv4 credentials at `POST /login`).
public struct StocksyCredentials: Sendable, Hashable {
    public var apiKey = "stocksy-sandbox-key-6e21b9"
    public var email = "patrick.mcgoohan@example.com"
    public var password = "be-seeing-you-6"
    /// The sigv4 region and service the signatures must be scoped to.
    public var region = "us-east-1"
    public var service = "execute-api"
}
