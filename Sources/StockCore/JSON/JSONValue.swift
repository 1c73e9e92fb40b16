/// A parsed JSON value. Numbers keep their exact integer value when they are written as one.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The value as a double, and as an integer when the text was a whole number that fits.
    case number(Double, Int64?)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object; nil for other values, a missing key or `null`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self, let v = members[key] else { return nil }
        if case .null = v { return nil }
        return v
    }

    /// A short name of the value's type for messages: "a string", "a number".
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object's members in the order written. Objects in a catalog line are small, so a
/// linear search beats hashing every key; a repeated key reads as its last value, as in a
/// dictionary.
public struct JSONObject: Hashable, Sendable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)] = []

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) { members = pairs.map { (key: $0.0, value: $0.1) } }

    public mutating func append(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    public subscript(key: String) -> JSONValue? {
        for member in members.reversed() where member.key == key { return member.value }
        return nil
    }

    public var keys: [String] { members.map(\.key) }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        Dictionary(a.members, uniquingKeysWith: { $1 }) == Dictionary(b.members, uniquingKeysWith: { $1 })
    }

    public func hash(into hasher: inout Hasher) {
        for key in Set(keys).sorted() { hasher.combine(key); hasher.combine(self[key]) }
    }
}

extension JSONValue: Decodable {
    /// Reads any JSON through a `Decoder`, so that types mapped from `JSONValue` can also be
    /// `Decodable` with one set of rules.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members = JSONObject()
            for key in object.allKeys { members.append(key.stringValue, try object.decode(JSONValue.self, forKey: key)) }
            self = .object(members)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .number(Double(i), i) }
        else if let d = try? c.decode(Double.self) { self = .number(d, nil) }
        else { self = .string(try c.decode(String.self)) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }
}
