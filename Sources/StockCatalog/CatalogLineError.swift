/// A line of a catalog file that could not be imported, and why.
public struct CatalogLineError: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number in the file.
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) { self.line = line; self.reason = reason }

    /// `line 12: missing required field "title"`.
    public var description: String { "line \(line): \(reason)" }
}

/// Turns a `DecodingError` into words that name the field and what was wrong with it.
enum DecodingErrorText {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing required field \"\(path(context.codingPath + [key]))\""
        case .valueNotFound(_, let context):
            return "field \"\(path(context.codingPath))\" is null"
        case .typeMismatch(let type, let context):
            return "field \"\(path(context.codingPath))\": expected \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON" + (context.underlyingError.map { ": \(shortText(of: $0))" } ?? "")
            }
            return "field \"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "an array of strings"
        default: "a value of type \(type)"
        }
    }

    private static func shortText(of error: any Error) -> String {
        let text = "\(error)"
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
