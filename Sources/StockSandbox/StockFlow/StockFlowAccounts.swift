/// StockFlow's accounts and the API keys that belong to them. Fixed at start; what the accounts
/// download while the server runs is kept in `StockFlowDownloadBook`.
struct StockFlowAccounts: Sendable {
    struct Account: Sendable {
        var id: Int
        var displayName: String
        var email: String
        var tier: String
        /// Downloads the plan allows per period.
        var downloadLimit: Int
        /// Downloads used this period before the server started.
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
        let lastFrame = Account(id: 393, displayName: "Last Frame Films", email: "lastframe@sandbox.stockflow.test", tier: "Starter",
                                downloadLimit: 50, downloadsUsed: 49, licenseExpiresOn: "2099-12-31", licenseExpired: false)
        accounts = [studio.id: studio, lapsed.id: lapsed, lastFrame.id: lastFrame]
        keys = [
            credentials.adminKey: Key(key: credentials.adminKey, accountID: studio.id, scopes: ["read", "admin"]),
            credentials.readOnlyKey: Key(key: credentials.readOnlyKey, accountID: studio.id, scopes: ["read"]),
            // An admin key: what stops it is the license, not the scope.
            credentials.expiredLicenseKey: Key(key: credentials.expiredLicenseKey, accountID: lapsed.id, scopes: ["read", "admin"]),
            credentials.lastDownloadKey: Key(key: credentials.lastDownloadKey, accountID: lastFrame.id, scopes: ["read", "admin"]),
        ]
    }
}
