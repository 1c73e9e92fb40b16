import Foundation
import StockCore

/// Checks JSON documents against the JSON Schemas (draft 2020-12) of `docs/schemas/`, for the
/// subset of the specification those schemas use, and nothing it does not understand:
/// `type` (one name or a list), `properties`, `required`, `additionalProperties` (false or a
/// schema), `items`, `enum`, `const`, `pattern`, `format: date-time`, `minimum`, `maximum`,
/// `$ref` (to `$defs` in the same document or another loaded one, by JSON Pointer), `oneOf`,
/// `anyOf`, and boolean schemas. `$schema`, `$id`, `$defs`, `title` and `description` carry no
/// constraint. `unsupportedKeywords(in:)` lists any other keyword, so that a schema using one
/// fails its test rather than going silently unchecked.
///
/// ```swift
/// let validator = try JSONSchemaValidator(directory: schemasFolder)
/// let problems = validator.validate(try JSONParser.parse(Data(stdout.utf8)), against: "search.schema.json")
/// ```
struct JSONSchemaValidator {
    /// One way a document breaks its schema: where (`$.items[0].created`) and how.
    struct Violation: CustomStringConvertible, Equatable {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    struct SchemaError: Error, CustomStringConvertible {
        var description: String
    }

    /// Every keyword this validator implements or knowingly ignores.
    static let understood: Set<String> = [
        "$schema", "$id", "$ref", "$defs", "title", "description",
        "type", "properties", "required", "additionalProperties", "items", "enum", "const",
        "pattern", "format", "minimum", "maximum", "oneOf", "anyOf",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]
    static let formats: Set<String> = ["date-time"]
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The loaded schema documents by their `$id`.
    private(set) var documents: [String: JSONValue] = [:]

    /// Loads schema documents; each must be an object with an absolute `$id`.
    init(schemas: [JSONValue]) throws {
        for schema in schemas {
            guard case .string(let id)? = schema["$id"], URL(string: id)?.scheme != nil else {
                throw SchemaError(description: "a schema document needs an absolute $id")
            }
            guard documents[id] == nil else { throw SchemaError(description: "two schemas have the $id \(id)") }
            documents[id] = schema
        }
    }

    /// Loads every `*.schema.json` of a folder.
    init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".schema.json") }.sorted()
        try self.init(schemas: names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            do { return try JSONParser.parse(data) } catch { throw SchemaError(description: "\(name): \(error)") }
        })
    }

    /// The `$id` of the loaded document whose `$id` ends with `/name` (or is `name`).
    func id(named name: String) -> String? {
        documents.keys.first { $0 == name || $0.hasSuffix("/" + name) }
    }

    /// The violations of `instance` against the document named `name` (its `$id`'s last part);
    /// empty when it conforms.
    func validate(_ instance: JSONValue, against name: String) -> [Violation] {
        guard let id = id(named: name), let schema = documents[id] else {
            return [Violation(path: "$", message: "no schema named \(name)")]
        }
        var out: [Violation] = []
        check(instance, schema, base: id, path: "$", into: &out)
        return out
    }

    /// Parses `text` and validates it; a text that is not JSON is one violation.
    func validate(text: String, against name: String) -> [Violation] {
        do {
            return validate(try JSONParser.parse(Data(text.utf8)), against: name)
        } catch {
            return [Violation(path: "$", message: "not JSON: \(error)")]
        }
    }

    // MARK: - Checking

    private func check(_ instance: JSONValue, _ schema: JSONValue, base: String, path: String, into out: inout [Violation]) {
        switch schema {
        case .bool(true): return
        case .bool(false): out.append(Violation(path: path, message: "no value is allowed here")); return
        case .object: break
        default: out.append(Violation(path: path, message: "the schema here is not an object or a boolean")); return
        }
        if case .string(let ref)? = schema["$ref"] {
            do {
                let (target, targetBase) = try resolve(ref, base: base)
                check(instance, target, base: targetBase, path: path, into: &out)
            } catch {
                out.append(Violation(path: path, message: "\(error)"))
            }
        }
        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let n): names = [n]
            case .array(let list): names = list.compactMap { if case .string(let n) = $0 { n } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.matches(instance, type: $0) }) {
                out.append(Violation(path: path, message: "expected \(names.joined(separator: " or ")), found \(Self.typeName(instance))"))
            }
        }
        if case .array(let values)? = schema["enum"], !values.contains(instance) {
            out.append(Violation(path: path, message: "\(Self.short(instance)) is not one of \(values.map(Self.short).joined(separator: ", "))"))
        }
        if let value = objectMember(schema, "const"), value != instance {
            out.append(Violation(path: path, message: "\(Self.short(instance)) is not \(Self.short(value))"))
        }
        if case .string(let text) = instance {
            if case .string(let pattern)? = schema["pattern"] {
                if let regex = try? NSRegularExpression(pattern: pattern) {
                    if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                        out.append(Violation(path: path, message: "\(Self.short(instance)) does not match \(pattern)"))
                    }
                } else {
                    out.append(Violation(path: path, message: "the schema's pattern \(pattern) is not a regular expression"))
                }
            }
            if case .string(let format)? = schema["format"] {
                if format == "date-time" {
                    if !Self.isDateTime(text) { out.append(Violation(path: path, message: "\(Self.short(instance)) is not an RFC 3339 date-time")) }
                } else {
                    out.append(Violation(path: path, message: "unknown format \(format)"))
                }
            }
        }
        if case .number(let number, _) = instance {
            if case .number(let minimum, _)? = schema["minimum"], number < minimum {
                out.append(Violation(path: path, message: "\(Self.short(instance)) is less than \(Self.short(.number(minimum, nil)))"))
            }
            if case .number(let maximum, _)? = schema["maximum"], number > maximum {
                out.append(Violation(path: path, message: "\(Self.short(instance)) is more than \(Self.short(.number(maximum, nil)))"))
            }
        }
        if case .object(let members) = instance {
            var properties = JSONObject()
            if case .object(let p)? = schema["properties"] { properties = p }
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where members[key] == nil {
                    out.append(Violation(path: path, message: "missing required property \"\(key)\""))
                }
            }
            for (key, value) in members {
                let childPath = path + "." + key
                if let propertySchema = properties[key] {
                    check(value, propertySchema, base: base, path: childPath, into: &out)
                } else if let additional = objectMember(schema, "additionalProperties") {
                    if case .bool(false) = additional {
                        out.append(Violation(path: path, message: "property \"\(key)\" is not allowed"))
                    } else {
                        check(value, additional, base: base, path: childPath, into: &out)
                    }
                }
            }
        }
        if case .array(let elements) = instance, let items = objectMember(schema, "items") {
            for (index, element) in elements.enumerated() {
                check(element, items, base: base, path: path + "[\(index)]", into: &out)
            }
        }
        if case .array(let alternatives)? = schema["anyOf"] {
            let passing = alternatives.filter { alternative in
                var inner: [Violation] = []
                check(instance, alternative, base: base, path: path, into: &inner)
                return inner.isEmpty
            }
            if passing.isEmpty {
                var first: [Violation] = []
                if let closest = alternatives.first { check(instance, closest, base: base, path: path, into: &first) }
                out.append(Violation(path: path, message: "matches none of anyOf (first: \(first.map(\.description).joined(separator: "; ")))"))
            }
        }
        if case .array(let alternatives)? = schema["oneOf"] {
            let passing = alternatives.filter { alternative in
                var inner: [Violation] = []
                check(instance, alternative, base: base, path: path, into: &inner)
                return inner.isEmpty
            }.count
            if passing != 1 {
                out.append(Violation(path: path, message: "matches \(passing) of oneOf's \(alternatives.count) schemas, not exactly one"))
            }
        }
    }

    /// A member of a schema object including `false` and `null` (which `JSONValue`'s subscript hides).
    private func objectMember(_ schema: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = schema else { return nil }
        return members[key]
    }

    /// The schema a `$ref` names, and the `$id` of the document it is in.
    func resolve(_ ref: String, base: String) throws -> (JSONValue, String) {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var documentID = base
        if !parts[0].isEmpty {
            guard let url = URL(string: parts[0], relativeTo: URL(string: base)) else { throw SchemaError(description: "bad $ref \(ref)") }
            documentID = url.absoluteString
        }
        guard var node = documents[documentID] else { throw SchemaError(description: "$ref \(ref): no schema document \(documentID)") }
        let pointer = parts.count > 1 ? parts[1] : ""
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = objectMember(node, token) else { throw SchemaError(description: "$ref \(ref): nothing at \(pointer)") }
            node = next
        }
        return (node, documentID)
    }

    // MARK: - Schemas' own vocabulary

    /// Keywords of `schema` (and of every schema inside it) that this validator does not
    /// understand, `type` names and formats it does not know, and `$ref`s that resolve to
    /// nothing, each as "path: what".
    func unsupportedKeywords(in schema: JSONValue, base: String, path: String = "#") -> [String] {
        guard case .object(let members) = schema else {
            if case .bool = schema { return [] }
            return ["\(path): a schema must be an object or a boolean"]
        }
        var out: [String] = []
        for (key, value) in members {
            let here = path + "/" + key
            guard Self.understood.contains(key) else { out.append("\(here): keyword not understood"); continue }
            switch key {
            case "properties", "$defs":
                guard case .object(let children) = value else { out.append("\(here): must be an object"); continue }
                for (name, child) in children { out += unsupportedKeywords(in: child, base: base, path: here + "/" + name) }
            case "items", "additionalProperties":
                out += unsupportedKeywords(in: value, base: base, path: here)
            case "oneOf", "anyOf":
                guard case .array(let list) = value, !list.isEmpty else { out.append("\(here): must be a non-empty array"); continue }
                for (i, child) in list.enumerated() { out += unsupportedKeywords(in: child, base: base, path: here + "/\(i)") }
            case "type":
                let names: [JSONValue]
                if case .array(let list) = value { names = list } else { names = [value] }
                for name in names {
                    guard case .string(let n) = name, Self.typeNames.contains(n) else { out.append("\(here): unknown type \(Self.short(name))"); continue }
                }
            case "format":
                if case .string(let f) = value, Self.formats.contains(f) { break }
                out.append("\(here): format not understood: \(Self.short(value))")
            case "pattern":
                if case .string(let p) = value, (try? NSRegularExpression(pattern: p)) != nil { break }
                out.append("\(here): not a regular expression")
            case "$ref":
                guard case .string(let ref) = value else { out.append("\(here): must be a string"); continue }
                do { _ = try resolve(ref, base: base) } catch { out.append("\(here): \(error)") }
            case "required", "enum":
                if case .array = value { break }
                out.append("\(here): must be an array")
            case "minimum", "maximum":
                if case .number = value { break }
                out.append("\(here): must be a number")
            default:
                break
            }
        }
        return out
    }

    // MARK: - Values

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("object", .object), ("array", .array), ("string", .string), ("number", .number):
            return true
        case ("integer", .number(let d, let i)):
            return i != nil || (d.isFinite && d == d.rounded())
        default:
            return false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(_, let i): i != nil ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// A value in a message, cut short.
    static func short(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let d, let i): return i.map(String.init) ?? String(d)
        case .string(let s): return "\"" + String(s.prefix(60)) + (s.count > 60 ? "…" : "") + "\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// RFC 3339 `date-time` (JSON Schema's `format`): `2026-12-07T17:44:42Z`, with optional
    /// fractions and a `Z` or `±hh:mm` offset; the day must exist in its month (leap years
    /// counted) and the time must be one (a leap second 60 allowed).
    static func isDateTime(_ text: String) -> Bool {
        let pattern = #"^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-]([0-9]{2}):([0-9]{2}))$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return false }
        func number(_ group: Int) -> Int? {
            guard let range = Range(match.range(at: group), in: text) else { return nil }
            return Int(text[range])
        }
        guard let year = number(1), let month = number(2), let day = number(3),
              let hour = number(4), let minute = number(5), let second = number(6) else { return false }
        guard (1...12).contains(month), hour < 24, minute < 60, second <= 60 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return false }
        if let offsetHour = number(9), let offsetMinute = number(10) { return offsetHour < 24 && offsetMinute < 60 }
        return true
    }
}
