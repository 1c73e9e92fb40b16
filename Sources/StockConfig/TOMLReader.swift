import TOMLKit

/// Reads TOML text with TOMLKit (toml++) into a `ConfigDocument`. The only file that imports
/// TOMLKit: the rest of the module sees `ConfigValue`.
enum TOMLReader {
    /// A syntax error: the parser's message and line.
    struct SyntaxError: Error {
        var line: Int?
        var message: String
    }

    static func read(_ text: String) throws(SyntaxError) -> ConfigDocument {
        // toml++ stops at a NUL byte without a word; refuse it by name.
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            throw SyntaxError(line: line, message: "a NUL byte is not allowed")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw SyntaxError(line: line > 0 ? line : nil, message: error.description)
        } catch {
            throw SyntaxError(line: nil, message: "\(error)")
        }
        let lines = ConfigLineIndex(text: text)
        return ConfigDocument(root: entries(of: table, path: [], lines: lines), lines: lines)
    }

    /// The table's entries in the order they were written (toml++ keeps them sorted).
    private static func entries(of table: TOMLTable, path: [String], lines: ConfigLineIndex) -> [(key: String, value: ConfigValue)] {
        var out: [(key: String, value: ConfigValue)] = []
        for (key, value) in table {
            out.append((key, convert(value, path: path + [key], lines: lines)))
        }
        return out.enumerated().sorted { a, b in
            let la = lines.line(of: path + [a.element.key]) ?? Int.max, lb = lines.line(of: path + [b.element.key]) ?? Int.max
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    private static func convert(_ value: any TOMLValueConvertible, path: [String], lines: ConfigLineIndex) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.map { convert($0, path: path, lines: lines) })
        case .table:
            guard let table = value.table else { return .table([]) }
            return .table(entries(of: table, path: path, lines: lines))
        case .date: return .other(typeName: "a date")
        case .time: return .other(typeName: "a time")
        case .dateTime: return .other(typeName: "a date-time")
        }
    }
}
