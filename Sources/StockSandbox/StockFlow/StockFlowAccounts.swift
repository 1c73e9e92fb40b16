/// StockFlow's accounts and the API keys that belong to them.
struct StockFlowAccounts: Sendable {
    struct Account: Sendable {
        var id: Int
        var displayName: String
        var email: String
        var tier: String
        var downloadLimit: Int
        var downloadsUsed: Int
        /// ISO day the license ends (or ended).
        var licenseExpiresOn: String
        var licenseExpired: Bool
    }

    struct Key: Sendable {
        var key: String
        var accountID: Int
        var scopes: [String]
    }

    let accounts: [Int: Account]
    let keys: [String: Key]

    init(credentials: StockFlowCredentials) {
        let studio = Account(id: 391, displayName: "Sandbox Studio", email: "studio@sandbox.stockflow.test", tier: "Professional",
                             downloadLimit: 500, downloadsUsed: 12, licenseExpiresOn: "2099-12-31", licenseExpired: false)
        let lapsed = Account(id: 392, displayName: "Lapsed Agency", email: "lapsed@sandbox.stockflow.test", tier: "Starter",
                             downloadLimit: 50, downloadsUsed: 50, licenseExpiresOn: credentials.licenseExpiredOn, licenseExpired: true)
        accounts = [studio.id: studio, lapsed.id: lapsed]
        keys = [
            credentials.adminKey: Key(key: credentials.adminKey, accountID: studio.id, scopes: ["read", "admin"]),
            credentials.readOnlyKey: Key(key: credentials.readOnlyKey, accountID: studio.id, scopes: ["read"]),
            credentials.expiredLicenseKey: Key(key: credentials.expiredLicenseKey, accountID: lapsed.id, scopes: ["read"]),
        ]
    }
}
