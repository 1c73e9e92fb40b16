/// An exact amount of money: integer minor units, an ISO 4217 currency and its number of decimals.
///
/// Never a floating-point number. `Money(amount: 1500, currency: "USD")` is $15.00.
/// The wire form is Stocksy's: `{"amount":1500,"code":"usd","decimals":2}`.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The amount in minor units (cents, kopecks, tiyn).
    public var amount: Int64
    /// The ISO 4217 code, upper case ("USD", "EUR", "RUB", "KZT").
    public var currency: String
    /// How many of the amount's digits are after the decimal point.
    public var decimals: Int

    public init(amount: Int64, currency: String, decimals: Int? = nil) {
        self.amount = amount
        self.currency = currency.uppercased()
        self.decimals = decimals ?? Money.defaultDecimals(for: currency)
    }

    /// The usual number of minor-unit digits for a currency (ISO 4217).
    public static func defaultDecimals(for currency: String) -> Int {
        switch currency.uppercased() {
        case "JPY", "KRW", "VND", "CLP", "ISK": 0
        case "BHD", "KWD", "OMR", "JOD", "TND": 3
        default: 2
        }
    }

    private enum CodingKeys: String, CodingKey { case amount, code, decimals }

    public init(from decoder: any Decoder) throws {
        self = try JSONMapping.decode(decoder, Money.init(json:path:))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(amount, forKey: .amount)
        try c.encode(currency.lowercased(), forKey: .code)
        try c.encode(decimals, forKey: .decimals)
    }

    /// Orders amounts of one currency; amounts in different currencies order by currency code
    /// (a total order, so that sorting is deterministic; no exchange rates are implied).
    public static func < (lhs: Money, rhs: Money) -> Bool {
        if lhs.currency != rhs.currency { return lhs.currency < rhs.currency }
        return lhs.scaled(to: max(lhs.decimals, rhs.decimals)) < rhs.scaled(to: max(lhs.decimals, rhs.decimals))
    }

    private func scaled(to digits: Int) -> Int64 {
        var v = amount
        for _ in 0..<max(0, digits - decimals) { v *= 10 }
        return v
    }

    /// The sum of amounts in one currency; nil when currencies differ.
    public static func sum(_ values: [Money]) -> Money? {
        guard let first = values.first else { return nil }
        guard values.allSatisfy({ $0.currency == first.currency }) else { return nil }
        let d = values.map(\.decimals).max()!
        return Money(amount: values.reduce(0) { $0 + $1.scaled(to: d) }, currency: first.currency, decimals: d)
    }

    /// The amount as people write it for this currency:
    /// USD `$1,234.50`, EUR `€1,234.50`, RUB `1 234,50 ₽`, KZT `1 234,50 ₸`, others `1,234.50 CHF`.
    public var formatted: String { MoneyFormatter.format(self) }
    public var description: String { formatted }
}

/// Formats `Money` by currency convention, with no Foundation locale lookups (so that output is
/// the same on every machine).
public enum MoneyFormatter {
    struct Style {
        var symbol: String
        var symbolFirst: Bool
        var grouping: String
        var decimalMark: String
    }

    static func style(for currency: String) -> Style {
        switch currency {
        case "USD": Style(symbol: "$", symbolFirst: true, grouping: ",", decimalMark: ".")
        case "EUR": Style(symbol: "€", symbolFirst: true, grouping: ",", decimalMark: ".")
        case "GBP": Style(symbol: "£", symbolFirst: true, grouping: ",", decimalMark: ".")
        // Russian and Kazakh conventions: a space groups thousands, a comma marks decimals,
        // the sign follows the number.
        case "RUB": Style(symbol: "₽", symbolFirst: false, grouping: " ", decimalMark: ",")
        case "KZT": Style(symbol: "₸", symbolFirst: false, grouping: " ", decimalMark: ",")
        default: Style(symbol: currency, symbolFirst: false, grouping: ",", decimalMark: ".")
        }
    }

    /// See `Money.formatted`.
    public static func format(_ money: Money) -> String {
        let style = style(for: money.currency)
        let negative = money.amount < 0
        let magnitude = money.amount.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<money.decimals { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor

        var digits = Array(String(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = style.grouping + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        if money.decimals > 0 {
            var f = String(fraction)
            while f.count < money.decimals { f = "0" + f }
            grouped += style.decimalMark + f
        }
        let sign = negative ? "-" : ""
        return style.symbolFirst ? sign + style.symbol + grouped : sign + grouped + " " + style.symbol
    }
}
