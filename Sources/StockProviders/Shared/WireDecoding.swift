import Foundation
import StockCore

/// Reads a service's JSON answer into its wire types, turning every decoding failure into a
/// `StockError.malformedResponse` that names the service, the answer and the field:
/// `Stocksy search answer: field "response.items[0].id" is missing`.
///
/// Wire types are plain `Decodable` structs: optional fields are `Optional` (missing or `null`
/// is fine), required ones are not, so a missing required field fails here with its path.
enum WireDecoding {
    /// Decodes `T` from `body`; `what` names the answer in messages ("Stocksy search answer").
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, what: String) throws -> T {
        guard !body.isEmpty else { throw StockError.malformedResponse("\(what) is empty") }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw StockError.malformedResponse("\(what): " + describe(error))
        } catch {
            throw StockError.malformedResponse("\(what): " + WireText.clean(String(describing: error)))
        }
    }

    /// Words for a `DecodingError`, with the path of the field at fault.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "field \"\(path(context.codingPath + [key]))\" is missing"
        case .valueNotFound(_, let context):
            return "field \"\(path(context.codingPath))\" is null"
        case .typeMismatch(let type, let context):
            return "field \"\(path(context.codingPath))\" should be \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON (truncated or not JSON at all)"
            }
            return "field \"\(path(context.codingPath))\": \(WireText.clean(context.debugDescription))"
        @unknown default:
            return "unreadable"
        }
    }

    /// `response.items[0].id` from a coding path.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "(top level)" : out
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" :
                String(describing: type).hasPrefix("Dictionary") ? "an object" : "\(type)"
        }
    }
}

/// A boolean that services write as `true`, `"true"`, `1` or `"1"` (Stocksy's schema says
/// `matureContent: string` while its example sends a boolean).
struct FlexibleBool: Decodable, Hashable, Sendable {
    let value: Bool
    init(_ value: Bool) { self.value = value }
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { value = b; return }
        if let i = try? c.decode(Int64.self) { value = i != 0; return }
        if let s = try? c.decode(String.self) {
            switch s.lowercased() {
            case "true", "1", "yes": value = true; return
            case "false", "0", "no", "": value = false; return
            default: break
            }
        }
        throw DecodingError.typeMismatch(Bool.self, .init(codingPath: decoder.codingPath, debugDescription: "expected true or false"))
    }
}

/// A number that a service may write as a JSON number or as a string of digits.
///
/// Only magnitudes below 2^53 are read (every whole number up to there is exact in a `Double`):
/// no id, size, count, quota or price comes near, and so `Int64(value)` and `Int(value)` never
/// trap on a decoded value. `1e30` or `"1e300"` fails like any other unreadable number (a
/// `@Tolerant` field reads it as nil); found by fuzzing (docs/fuzzing.md).
struct FlexibleNumber: Decodable, Hashable, Sendable {
    /// The largest magnitude read: 2^53.
    static let limit: Double = 9_007_199_254_740_992

    let value: Double
    init(_ value: Double) { self.value = value }
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self), d.isFinite, abs(d) < Self.limit { value = d; return }
        if let s = try? c.decode(String.self), let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite, abs(d) < Self.limit {
            value = d; return
        }
        throw DecodingError.typeMismatch(Double.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a number"))
    }
    var int: Int { value >= Double(Int.max) || value <= Double(Int.min) ? 0 : Int(value) }
}
