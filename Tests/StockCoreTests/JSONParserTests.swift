import Foundation
import Testing
@testable import StockCore

/// The fast JSON parser behind catalog import: strict where JSON is strict, exact with numbers.
@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Data(text.utf8))
    }

    @Test func parsesEveryKindOfValue() throws {
        let v = try parse(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(v["a"] == .array([.number(1, 1), .number(-2.5, nil), .number(300, nil), .bool(true), .bool(false), .null]))
        #expect(v["b"]?["c"] == .string("d"))
        #expect(v["e"] == .string(""))
    }

    @Test func keepsLargeIntegersExact() throws {
        #expect(try parse("9007199254740993") == .number(9007199254740992, 9007199254740993))
        if case .number(_, let i) = try parse("99999999999999999999") { #expect(i == nil) } else { Issue.record("not a number") }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u0041\u00e9\u043a\ud83d\ude00""#) == .string("a\"b\\c/d\n\tAéк😀"))
        // A lone surrogate becomes U+FFFD rather than an invalid string.
        #expect(try parse(#""\ud83d x""#) == .string("\u{FFFD} x"))
    }

    @Test func acceptsUTF8TextAsIs() throws {
        #expect(try parse(#"{"t":"Алматы таулары қыста"}"#)["t"] == .string("Алматы таулары қыста"))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "\"a\u{01}b\"", "[1] 2", "{'a':1}", "\"\\x\""])
    func refusesInvalidJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
    }

    @Test func assetFromALineMatchesJSONDecoder() throws {
        let line = try String(contentsOf: StockCoreFixtures.demoLineURL, encoding: .utf8).split(separator: "\n").first.map(String.init)!
        let fast = try line.utf8CString.withUnsafeBytes { raw in
            try Asset(jsonLine: UnsafeRawBufferPointer(rebasing: raw.dropLast()))
        }
        let slow = try JSONDecoder().decode(Asset.self, from: Data(line.utf8))
        #expect(fast == slow)
    }

    @Test func formatErrorsNameTheField() throws {
        func error(_ text: String) -> String {
            do { _ = try Asset(json: try parse(text)); return "no error" } catch { return "\(error)" }
        }
        #expect(error(#"{"id":1,"kind":"photo","width":1,"height":1,"created":"2024-01-01"}"#) == #"missing required field "title""#)
        #expect(error(#"{"id":1,"kind":"photo","title":"t","width":"wide","height":1,"created":"2024-01-01"}"#) == #"field "width": expected a whole number, found a string"#)
        #expect(error(#"{"id":1,"kind":"photo","title":"t","width":1,"height":1,"created":"yesterday"}"#).contains(#"field "created""#))
        #expect(error(#"{"id":1,"kind":"photo","title":"t","width":1,"height":1,"created":"2024-01-01","products":[{"productTypeId":1,"name":"S","price":{"amount":1,"code":"dollars"}}]}"#)
            .hasPrefix(#"field "products[0].price.code""#))
        #expect(error(#"{"id":-4,"kind":"photo","title":"t","width":1,"height":1,"created":"2024-01-01"}"#) == #"field "id": expected a positive whole number"#)
    }
}

import StockAssets

enum StockCoreFixtures {
    static var demoLineURL: URL { StockAssets.demoCatalogURL }
}
