import StockCore

/// Money as every `--json` output writes it: integer minor units, the upper-case ISO 4217 code,
/// the number of decimals, and the amount as people read it.
///
/// ```json
/// {"amount": 7500, "currency": "USD", "decimals": 2, "text": "$75.00"}
/// ```
struct MoneyJSON: Encodable, Equatable {
    var amount: Int64
    var currency: String
    var decimals: Int
    var text: String

    init(_ money: Money) {
        amount = money.amount
        currency = money.currency.uppercased()
        decimals = money.decimals
        text = money.formatted
    }
}
