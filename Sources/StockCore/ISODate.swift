import Foundation

/// ISO 8601 timestamps as the services write them: `2024-11-03T14:22:00Z`,
/// `2016-07-22T11:53:37.000Z`, or a bare date `2024-11-03` (midnight UTC).
public enum ISODate {
    /// Parses a timestamp, or throws a `DecodingError` that names the text.
    public static func parse(_ text: String, codingPath: [any CodingKey] = []) throws -> Date {
        if let d = date(text) { return d }
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not an ISO 8601 date: \"\(text.prefix(40))\""))
    }

    /// Parses a timestamp; nil when it is not one.
    public static func date(_ text: String) -> Date? {
        if let d = try? Date.ISO8601FormatStyle().parse(text) { return d }
        if let d = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return d }
        if text.count == 10, let d = try? Date.ISO8601FormatStyle().year().month().day().parse(text) { return d }
        return nil
    }

    /// `2024-11-03T14:22:00Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// `2024-11-03`.
    public static func formatDay(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }
}
