import StockCore

/// `stockterm account --json`: never a secret, only what the service said about the account.
/// Schema: account.schema.json.
struct AccountJSON: Encodable {
    var provider: String
    var name: String
    /// What licenses are paid from; null when the service pays from a quota or does not say.
    @Nullable var balance: MoneyJSON?
    /// Downloads or credits left this period; null when the service does not count them.
    @Nullable var quota: CreditsJSON?
    @Nullable var licenseTier: String?
    /// What the plan holds in all, where the service says: "6 images, 40 credits".
    @Nullable var planAllowance: String?
    /// A local demonstration account, with no real money behind it.
    var isDemo: Bool
    var canLicense: Bool
    @Nullable var licensingUnavailableReason: String?

    init(provider: String, account: Account) {
        self.provider = provider
        name = SafeText.sanitize(account.name)
        balance = account.balance.map(MoneyJSON.init)
        quota = account.remainingQuota.map(CreditsJSON.init)
        licenseTier = account.licenseTier.map(SafeText.sanitize)
        planAllowance = account.planAllowance.map(SafeText.sanitize)
        isDemo = account.isDemo
        canLicense = account.licensingUnavailableReason == nil
        licensingUnavailableReason = account.licensingUnavailableReason.map(SafeText.sanitize)
    }
}
