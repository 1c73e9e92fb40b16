/// An asset line (or a part of it) that does not follow the catalog format: which field, and why.
public struct AssetFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Dotted path of the field, e.g. `products[0].price.code`; empty for the whole line.
    public var field: String
    public var reason: String
    /// True when the field is required and absent.
    public var isMissing: Bool

    public init(field: String, reason: String, isMissing: Bool = false) {
        self.field = field; self.reason = reason; self.isMissing = isMissing
    }

    /// `missing required field "title"`, `field "width": expected a number`.
    public var description: String {
        if isMissing { return "missing required field \"\(field)\"" }
        return field.isEmpty ? reason : "field \"\(field)\": \(reason)"
    }
}

/// Typed, path-aware reading of a JSON object's members, for the `init(json:)` mappings.
/// `null` counts as absent.
public struct JSONFields {
    let members: JSONObject
    let path: String

    /// Reads `value` as an object; `path` names it in errors ("" at the top, "products[0]" below).
    public init(_ value: JSONValue, path: String = "") throws {
        guard case .object(let m) = value else {
            throw AssetFormatError(field: path, reason: "expected an object, found \(value.typeDescription)")
        }
        members = m
        self.path = path
    }

    func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func value(_ key: String) -> JSONValue? {
        guard let v = members[key] else { return nil }
        if case .null = v { return nil }
        return v
    }

    /// True when `key` is present with the value `null`.
    func isExplicitNull(_ key: String) -> Bool {
        if case .null? = members[key] { return true }
        return false
    }

    func require(_ key: String) throws -> JSONValue {
        guard let v = value(key) else { throw AssetFormatError(field: name(key), reason: "missing", isMissing: true) }
        return v
    }

    func mismatch(_ key: String, _ expected: String, _ v: JSONValue) -> AssetFormatError {
        AssetFormatError(field: name(key), reason: "expected \(expected), found \(v.typeDescription)")
    }

    public func string(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw mismatch(key, "a string", v) }
        return s
    }

    public func requiredString(_ key: String) throws -> String {
        let v = try require(key)
        guard case .string(let s) = v else { throw mismatch(key, "a string", v) }
        return s
    }

    public func double(_ key: String) throws -> Double? {
        guard let v = value(key) else { return nil }
        guard case .number(let d, _) = v else { throw mismatch(key, "a number", v) }
        return d
    }

    public func int(_ key: String) throws -> Int64? {
        guard let v = value(key) else { return nil }
        guard case .number(_, let i) = v, let i else { throw mismatch(key, "a whole number", v) }
        return i
    }

    public func requiredInt(_ key: String) throws -> Int64 {
        let v = try require(key)
        guard case .number(_, let i) = v, let i else { throw mismatch(key, "a whole number", v) }
        return i
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw mismatch(key, "true or false", v) }
        return b
    }

    public func strings(_ key: String) throws -> [String]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw mismatch(key, "an array of strings", v) }
        return try items.enumerated().map { i, item in
            guard case .string(let s) = item else {
                throw AssetFormatError(field: "\(name(key))[\(i)]", reason: "expected a string, found \(item.typeDescription)")
            }
            return s
        }
    }

    /// An enumerated value: a string that must be one of `T`'s raw values.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> T? where T.RawValue == String {
        guard let s = try string(key) else { return nil }
        guard let v = T(rawValue: s) else {
            throw AssetFormatError(field: name(key), reason: "\"\(s)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    public func choices<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> [T]? where T.RawValue == String {
        guard let list = try strings(key) else { return nil }
        return try list.enumerated().map { i, s in
            guard let v = T(rawValue: s) else {
                throw AssetFormatError(field: "\(name(key))[\(i)]", reason: "\"\(s)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
    }

    /// Each element of an array of objects, mapped with its own path.
    public func objects<T>(_ key: String, _ map: (JSONValue, String) throws -> T) throws -> [T]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw mismatch(key, "an array", v) }
        return try items.enumerated().map { try map($1, "\(name(key))[\($0)]") }
    }

    /// A nested object mapped with its own path.
    public func object<T>(_ key: String, _ map: (JSONValue, String) throws -> T) throws -> T? {
        guard let v = value(key) else { return nil }
        return try map(v, name(key))
    }

    /// The members of a nested object.
    public func dictionary(_ key: String) throws -> JSONObject? {
        guard let v = value(key) else { return nil }
        guard case .object(let m) = v else { throw mismatch(key, "an object", v) }
        return m
    }

    public func invalid(_ key: String, _ reason: String) -> AssetFormatError {
        AssetFormatError(field: name(key), reason: reason)
    }
}
