import StockCore

/// A number of downloads or credits from a plan's quota (Adobe Stock, StockFlow), as every
/// `--json` output writes it. A separate shape from `MoneyJSON`, so that a script reading
/// `.amount` can never take credits for cents.
///
/// ```json
/// {"credits": 3, "text": "3 credits"}
/// ```
struct CreditsJSON: Encodable, Equatable {
    var credits: Int
    var text: String

    init(_ credits: Int) {
        self.credits = credits
        text = LicenseCost.credits(credits).formatted
    }
}
