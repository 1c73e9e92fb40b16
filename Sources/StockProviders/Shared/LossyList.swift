import Foundation
import StockCore

/// A JSON array of records read one by one: a record that cannot be decoded is left out and
/// reported in `skipped` (its path and why) instead of failing the whole answer. The array itself
/// must be an array; `null` or a missing key is for the wire type to decide (`LossyList?`).
///
/// ```swift
/// struct Page: Decodable { var files: LossyList<AdobeStockFile> }
/// // {"files": [{"id": 1}, {"title": "no id"}]} → elements [file 1], skipped ["files[1]": "field … is missing"]
/// ```
struct LossyList<Element: Decodable>: Decodable {
    var elements: [Element]
    var skipped: [SkippedRecord]

    init(_ elements: [Element], skipped: [SkippedRecord] = []) {
        self.elements = elements; self.skipped = skipped
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var elements: [Element] = []
        var skipped: [SkippedRecord] = []
        if let count = container.count { elements.reserveCapacity(count) }
        while !container.isAtEnd {
            let index = container.currentIndex
            let path = WireDecoding.path(decoder.codingPath + [ListIndex(index)])
            do {
                elements.append(try container.decode(Element.self))
            } catch let error as DecodingError {
                skipped.append(SkippedRecord(path: path, reason: WireDecoding.describe(error)))
                // A failed decode may leave the container on the same element: step over it.
                if container.currentIndex == index { _ = try? container.decode(Skip.self) }
            } catch {
                skipped.append(SkippedRecord(path: path, reason: WireText.clean(String(describing: error))))
                if container.currentIndex == index { _ = try? container.decode(Skip.self) }
            }
            if container.currentIndex == index { break }  // cannot advance: stop rather than loop
        }
        self.elements = elements
        self.skipped = skipped
    }

    /// Any JSON value, read and thrown away.
    private struct Skip: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// An array index as a coding key, for paths (`files[3]`).
    struct ListIndex: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ index: Int) { stringValue = "Index \(index)"; intValue = index }
        init?(stringValue: String) { return nil }
        init?(intValue: Int) { self.init(intValue) }
    }
}

extension LossyList: Sendable where Element: Sendable {}
extension LossyList: Equatable where Element: Equatable {}
extension LossyList: Hashable where Element: Hashable {}

/// A field the client can do without: any value it cannot read (`[]` or `{}` or a number where
/// an object belongs, a string where a number belongs, `null`, or no key at all) reads as nil
/// instead of failing the record.
///
/// ```swift
/// struct File: Decodable { @Tolerant var category: Category? }
/// // "category": []  →  category == nil
/// ```
@propertyWrapper
struct Tolerant<Value: Decodable>: Decodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        wrappedValue = try? Value(from: decoder)
    }
}

extension Tolerant: Sendable where Value: Sendable {}
extension Tolerant: Equatable where Value: Equatable {}
extension Tolerant: Hashable where Value: Hashable {}

extension KeyedDecodingContainer {
    /// A missing key is nil for a `Tolerant` field, as it is for an `Optional` one.
    func decode<Value>(_ type: Tolerant<Value>.Type, forKey key: Key) throws -> Tolerant<Value> {
        guard contains(key), (try? decodeNil(forKey: key)) != true else { return Tolerant(wrappedValue: nil) }
        return Tolerant(wrappedValue: try? decode(Value.self, forKey: key))
    }
}

/// An identifier that services send as a number (`1272100`) or a string
/// (a 32-character hash): kept as the text it stands for.
struct FlexibleID: Decodable, Hashable, Sendable, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int64.self) { text = String(i); return }
        if let d = try? c.decode(Double.self), d.isFinite, d.rounded() == d, abs(d) < 1e15 { text = String(Int64(d)); return }
        if let s = try? c.decode(String.self) {
            let t = WireText.clean(s, limit: 120)
            if !t.isEmpty { text = t; return }
        }
        throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected an id (a number or a string)"))
    }
    var description: String { text }
}

/// A value of a service's enumeration: one the client knows, or `unknown` with the text the
/// service sent (sanitised), shown as such and never mapped onto a known value.
///
/// ```swift
/// enum StocksyAssetType: String, WireEnumCase { case photo, video }
/// let t = try JSONDecoder().decode(WireEnum<StocksyAssetType>.self, from: Data("\"audio\"".utf8))
/// // t == .unknown("audio")
/// ```
enum WireEnum<Known: RawRepresentable & Hashable & Sendable>: Decodable, Hashable, Sendable where Known.RawValue == String {
    case known(Known)
    case unknown(String)

    init(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if let k = Known(rawValue: trimmed) ?? Known(rawValue: trimmed.lowercased()) {
            self = .known(k)
        } else {
            self = .unknown(WireText.clean(trimmed, limit: 60))
        }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self.init(s); return }
        if let i = try? c.decode(Int64.self) { self.init(String(i)); return }
        if let b = try? c.decode(Bool.self) { self.init(String(b)); return }
        throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a name"))
    }

    /// The known value, or nil for an unknown one.
    var value: Known? {
        if case .known(let k) = self { return k }
        return nil
    }

    /// What the service sent, as text: the known value's raw value or the unknown text.
    var raw: String {
        switch self {
        case .known(let k): k.rawValue
        case .unknown(let s): s
        }
    }
}

import Logging

/// Where the tolerant reader says what it left out: one warning per skipped record, naming the
/// answer and the field path (the log file, never the screen).
enum WireLog {
    static let logger = Logger(label: "stockterm.wire")

    /// Logs each of `skipped` as "Adobe Stock search answer: left out files[3]: field … is missing".
    static func skipped(_ skipped: [SkippedRecord], in what: String) {
        for record in skipped {
            logger.warning("\(what): left out \(record.path): \(record.reason)")
        }
    }
}

/// The records that were read, as a collection (`list.map`, `list[0]`, `list.count`); what was
/// left out is in `skipped`.
extension LossyList: RandomAccessCollection {
    var startIndex: Int { elements.startIndex }
    var endIndex: Int { elements.endIndex }
    subscript(position: Int) -> Element { elements[position] }
}
