/// A parsed JSON value. Numbers keep their exact integer value when they are written as one.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The value as a double, and as an integer when the text was a whole number that fits.
    case number(Double, Int64?)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

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
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
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
