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
        if let d = fastDate(text) { return d }
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

extension ISODate {
    /// The common shapes (`2024-11-03T14:22:00Z`, with `.000` fractions, or `2024-11-03`) read
    /// by hand: a million catalog lines each carry one, and the general parser is slow.
    static func fastDate(_ text: String) -> Date? {
        var utf8 = text.utf8.makeIterator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        while let b = utf8.next() { bytes.append(b); if bytes.count > 30 { return nil } }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var v = 0
            for i in from..<from + count {
                let d = Int(bytes[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = 0.0
        if bytes.count > 10 {
            guard bytes.count >= 20, bytes[10] == 84 || bytes[10] == 116, bytes[13] == 58, bytes[16] == 58,
                  let h = digits(11, 2), let m = digits(14, 2), let s = digits(17, 2), h < 24, m < 60, s < 61 else { return nil }
            var i = 19
            var fraction = 0.0, scale = 0.1
            if bytes[i] == 46 {
                i += 1
                let start = i
                while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { fraction += Double(bytes[i] - 48) * scale; scale /= 10; i += 1 }
                guard i > start else { return nil }
            }
            guard i == bytes.count - 1, bytes[i] == 90 || bytes[i] == 122 else { return nil }
            seconds = Double(h * 3600 + m * 60 + s) + fraction
        }
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400 + seconds)
    }
}
