import Foundation
import StockCore

/// Text from a service on its way into a message, a title or a name: sanitised with `SafeText`
/// (nothing a terminal would act on) and, for messages, cut to a length that fits a status line.
enum WireText {
    /// Longest service message kept in an error, in characters.
    static let maxMessage = 300

    /// `text` sanitised and trimmed; cut with "…" beyond `limit` characters.
    static func clean(_ text: String, limit: Int = maxMessage) -> String {
        let safe = SafeText.sanitize(text).trimmingCharacters(in: .whitespaces)
        guard safe.count > limit else { return safe }
        return String(safe.prefix(limit)) + "…"
    }

    /// Sanitised, not cut (titles, descriptions, keywords).
    static func field(_ text: String?) -> String {
        guard let text else { return "" }
        return SafeText.sanitize(text).trimmingCharacters(in: .whitespaces)
    }

    /// Sanitised, nil when empty.
    static func optionalField(_ text: String?) -> String? {
        let out = field(text)
        return out.isEmpty ? nil : out
    }
}

/// `application/x-www-form-urlencoded` bodies (Stocksy's login, StockFlow's token endpoint).
enum FormEncoding {
    /// Characters left as they are: the unreserved set of RFC 3986.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ pairs: [(String, String)]) -> Data {
        Data(pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&").utf8)
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

/// Dates as the three services write them.
enum WireDate {
    /// ISO 8601 (`2024-11-03T14:22:00Z`, `2016-07-22T11:53:37.000Z`, `2018-06-27T00:52:20+00:00`),
    /// or Adobe's `2017-06-08 07:40:22.046046` (UTC). Nil when it is none of these.
    static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = ISODate.date(t) { return d }
        if let d = try? Date(t, strategy: Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)) { return d }
        // Adobe: a space instead of "T", optional fraction, no zone (UTC).
        var adobe = t.replacingOccurrences(of: " ", with: "T")
        if let dot = adobe.firstIndex(of: ".") { adobe = String(adobe[..<dot]) }
        if adobe.count == 19, let d = ISODate.date(adobe + "Z") { return d }
        return nil
    }

    /// When a service gives no date, or one that cannot be read: `Asset.unknownDate`, which the
    /// views and `--json` show as unknown.
    static let unknown = Asset.unknownDate
}
