/// Adobe Stock members behind the test access tokens, with what Member/Profile says about them.
struct AdobeMembers: Sendable {
    struct Member: Sendable {
        var stockID: Int
        var quota: Int
        var licenseTypeID: Int
        var isEnterprise: Bool
        /// License references the organisation asks for (`cce_agency`).
        var references: [(id: Int, text: String, required: Bool)]
    }

    let byToken: [String: Member]
    let expiredTokens: Set<String>

    init(credentials: AdobeCredentials) {
        byToken = [
            credentials.accessToken: Member(stockID: 1_272_100, quota: 48, licenseTypeID: 1, isEnterprise: false, references: []),
            credentials.enterpriseAccessToken: Member(
                stockID: 2_049_001, quota: 250, licenseTypeID: 42, isEnterprise: true,
                references: [(2, "Enter project reference...", true), (4, "Enter client reference...", false)]),
        ]
        expiredTokens = [credentials.expiredAccessToken]
    }
}
