import Foundation

/// The JSON the ledger stores orders, quotes and receipts as: sorted keys and ISO 8601 dates with
/// milliseconds, so that `sqlite3` shows them readably and they decode exactly as written.
enum LedgerJSON {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(date.formatted(style))
        }
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw LedgerError.storage("cannot encode \(T.self): \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = (try? style.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO 8601 date: \(text.prefix(40))")
            }
            return date
        }
        do {
            return try decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw LedgerError.storage("cannot read a stored \(T.self): \(error)")
        }
    }
}
