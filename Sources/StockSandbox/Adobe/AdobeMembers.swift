/// Adobe Stock members behind the test access tokens, with what Member/Profile says about them.
struct AdobeMembers: Sendable {
    struct Member: Sendable {
        var stockID: Int
        /// Licenses at the start (the book keeps what is left).
        var quota: Int
        var licenseTypeID: Int
        var isEnterprise: Bool
        /// The enterprise organisation the member licenses for; nil for a personal plan.
        var organisation: String?
        /// License references the organisation asks for (`cce_agency`).
        var references: [(id: Int, text: String, required: Bool)]
        /// The hashed member id Adobe writes for enterprise members (`"member_id": "5PAG…"`, as
        /// its SDKs recorded); nil where it writes the number.
        var hashedID: String? = nil

        /// `member` as the answers write it: `{"stock_id": 1272100}`, or the hashed string.
        var memberNode: JSONNode {
            if let hashedID { return .members([("member_id", .string(hashedID))]) }
            return .members([("stock_id", .int(stockID))])
        }

        /// Whose licenses count as this member's own when asking "is it licensed?": the whole
        /// organisation for an enterprise member (Adobe's Content/Info answers "for that user, or
        /// for that org"), the member alone on a personal plan.
        var scope: String { organisation ?? "member-\(stockID)" }
        /// The account id charges are recorded under.
        var accountID: String { "adobe-member-\(stockID)" }
    }

    /// The enterprise organisation of the test enterprise token.
    static let organisation = "adobe-org-4417"

    let byToken: [String: Member]
    let expiredTokens: Set<String>
    /// A colleague in the enterprise organisation, with no test token: their licenses show in
    /// the enterprise member's `LicenseHistory?all=true` and count as the organisation's.
    let colleague: Member

    init(credentials: AdobeCredentials) {
        byToken = [
            credentials.accessToken: Member(stockID: 1_272_100, quota: 48, licenseTypeID: 1, isEnterprise: false,
                                            organisation: nil, references: []),
            credentials.enterpriseAccessToken: Member(
                stockID: 2_049_001, quota: 250, licenseTypeID: 42, isEnterprise: true, organisation: Self.organisation,
                references: [(2, "Enter project reference...", true), (4, "Enter client reference...", false)],
                hashedID: "7QKd2sLm0WnXy41VbTzR8aHc3JfEo6Gp"),
        ]
        expiredTokens = [credentials.expiredAccessToken]
        colleague = Member(stockID: 2_049_002, quota: 250, licenseTypeID: 42, isEnterprise: true, organisation: Self.organisation,
                           references: [(2, "Enter project reference...", true), (4, "Enter client reference...", false)])
    }

    /// Every member the book keeps a quota for.
    var all: [Member] { Array(byToken.values) + [colleague] }
}
