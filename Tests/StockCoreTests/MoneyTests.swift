import Foundation
import Testing
import StockCore

/// Money is integer minor units with a currency and decimals; its wire form is Stocksy's.
@Suite struct MoneyTests {
    @Test func formatsByEachCurrencysConvention() {
        #expect(Money(amount: 123_450, currency: "USD").formatted == "$1,234.50")
        #expect(Money(amount: 123_450, currency: "EUR").formatted == "€1,234.50")
        #expect(Money(amount: 123_450, currency: "GBP").formatted == "£1,234.50")
        #expect(Money(amount: 123_450, currency: "RUB").formatted == "1 234,50 ₽")
        #expect(Money(amount: 123_450, currency: "KZT").formatted == "1 234,50 ₸")
        #expect(Money(amount: 123_450, currency: "CHF").formatted == "1,234.50 CHF")
    }

    @Test func groupsEveryThreeDigitsAndPadsTheFraction() {
        #expect(Money(amount: 100_000_000, currency: "RUB").formatted == "1 000 000,00 ₽")
        #expect(Money(amount: 5, currency: "USD").formatted == "$0.05")
        #expect(Money(amount: 0, currency: "USD").formatted == "$0.00")
        #expect(Money(amount: 99_900, currency: "USD").formatted == "$999.00")
        #expect(Money(amount: 1500, currency: "USD").description == "$15.00")
    }

    @Test func zeroDecimalCurrenciesHaveNoFraction() {
        let yen = Money(amount: 1500, currency: "JPY")
        #expect(yen.decimals == 0)
        #expect(yen.formatted == "1,500 JPY")
        #expect(Money(amount: 720_000, currency: "KZT", decimals: 0).formatted == "720 000 ₸")
        #expect(Money.defaultDecimals(for: "kwd") == 3)
    }

    @Test func currencyCodesAreUpperCased() {
        #expect(Money(amount: 1, currency: "usd").currency == "USD")
    }

    @Test func encodesStocksysWireForm() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(Money(amount: 1500, currency: "USD")), as: UTF8.self)
        #expect(json == #"{"amount":1500,"code":"usd","decimals":2}"#)
    }

    @Test func decodesStocksysWireForm() throws {
        let money = try JSONDecoder().decode(Money.self, from: Data(#"{"amount":1500,"code":"usd","decimals":2}"#.utf8))
        #expect(money == Money(amount: 1500, currency: "USD", decimals: 2))
        let tenge = try JSONDecoder().decode(Money.self, from: Data(#"{"amount":720000,"code":"KZT"}"#.utf8))
        #expect(tenge.decimals == 2 && tenge.formatted == "7 200,00 ₸")
    }

    @Test func rejectsBadCodesNegativeAmountsAndOddDecimals() {
        for json in [#"{"amount":1,"code":"us"}"#, #"{"amount":1,"code":"usdd"}"#, #"{"amount":1,"code":"12a"}"#,
                     #"{"amount":1,"code":""}"#, #"{"amount":1,"code":"ДОЛ"}"#, #"{"amount":1}"#,
                     #"{"amount":-1,"code":"usd"}"#, #"{"amount":1,"code":"usd","decimals":7}"#,
                     #"{"amount":1.5,"code":"usd"}"#] {
            #expect(throws: DecodingError.self, "\(json)") {
                try JSONDecoder().decode(Money.self, from: Data(json.utf8))
            }
        }
    }

    @Test func ordersWithinACurrencyAcrossDecimals() {
        #expect(Money(amount: 150, currency: "USD", decimals: 2) < Money(amount: 20, currency: "USD", decimals: 1))
        #expect(!(Money(amount: 200, currency: "USD", decimals: 2) < Money(amount: 20, currency: "USD", decimals: 1)))
        #expect(Money(amount: 9_999_999, currency: "EUR") < Money(amount: 1, currency: "USD"))  // by code
    }

    @Test func sumsOneCurrencyOnly() {
        #expect(Money.sum([Money(amount: 1500, currency: "USD"), Money(amount: 3000, currency: "USD")])
            == Money(amount: 4500, currency: "USD"))
        #expect(Money.sum([Money(amount: 1500, currency: "USD"), Money(amount: 3000, currency: "RUB")]) == nil)
        #expect(Money.sum([]) == nil)
    }
}

/// Numbers without trailing zeros, as `"%.2f"` would round them.
@Suite struct NumericTextTests {
    @Test func trimsLikePrintfThenDropsZeros() {
        let cases: [(Double, String)] = [(8.4, "8.4"), (30, "30"), (2.8, "2.8"), (29.97, "29.97"), (23.976, "23.98"),
                                         (0.5, "0.5"), (1.005, "1"), (0.01, "0.01"), (0.004, "0"), (-1.25, "-1.25"),
                                         (59.999, "60"), (14.49, "14.49"), (100.1, "100.1"), (-0.001, "0")]
        for (value, text) in cases { #expect(NumericText.trim(value) == text, "\(value)") }
    }
}
