/// An asset's identifier. All three services use positive integers.
public struct AssetID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = value }
    public init(integerLiteral value: Int64) { self.rawValue = value }

    /// Parses "18742"; nil for anything that is not a positive integer.
    public init?(_ text: String) {
        guard let v = Int64(text.trimmingCharacters(in: .whitespaces)), v > 0 else { return nil }
        rawValue = v
    }

    public var description: String { String(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Accepts a JSON number or a string of digits.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Int64.self) {
            rawValue = v
        } else if let s = try? c.decode(String.self), let id = AssetID(s) {
            rawValue = id.rawValue
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "id must be a positive integer")
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(rawValue)
    }
}

import Foundation
