/// Where each table header and key of a TOML file was written, for messages that name a line.
///
/// The TOML library reports lines only for syntax errors, so this reads the (already valid) text
/// once more, line by line: `[a.b]` headers, and `key = …` / `a.b = …` assignments below them.
/// Lines inside multi-line strings and arrays are skipped. What it cannot place (an inline table's
/// keys) has no line, and messages then name none.
public struct ConfigLineIndex: Sendable, Hashable {
    private var lines: [[String]: Int] = [:]

    public init(text: String) {
        var table: [String] = []
        var inMultiline: String?  // the closing delimiter of a multi-line string
        var bracketDepth = 0      // inside a multi-line array value
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = Substring(raw)
            if let close = inMultiline {
                if line.range(of: close) != nil { inMultiline = nil }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if bracketDepth > 0 {
                bracketDepth += Self.bracketBalance(trimmed)
                continue
            }
            if trimmed.hasPrefix("[") && !trimmed.hasPrefix("[[") {
                if let close = trimmed.firstIndex(of: "]"), let path = Self.keyPath(trimmed[trimmed.index(after: trimmed.startIndex)..<close]) {
                    table = path
                    lines[path] = lines[path] ?? number
                }
                continue
            }
            guard let equals = Self.assignment(in: trimmed), let key = Self.keyPath(trimmed[..<equals]) else { continue }
            let path = table + key
            if lines[path] == nil { lines[path] = number }
            let value = trimmed[trimmed.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if value.dropFirst(3).range(of: delimiter) == nil { inMultiline = delimiter }
            }
            if value.hasPrefix("[") { bracketDepth = max(0, Self.bracketBalance(value)) }
        }
    }

    /// The line of a key or table header, by its full path (`["providers", "sf", "kind"]`).
    public func line(of path: [String]) -> Int? { lines[path] }

    /// The `=` of `key = value` outside quotes, if the line is an assignment.
    private static func assignment(in line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return index
            } else if c == "#" {
                return nil
            }
        }
        return nil
    }

    /// `a . "b.c".d` → ["a", "b.c", "d"], or nil for anything that is not a key. Spaces outside
    /// quotes separate nothing (a bare key cannot hold one); escapes in quoted keys are kept as
    /// written, so such a key may go unplaced.
    private static func keyPath(_ text: Substring) -> [String]? {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current); current = ""
            } else if c != " " && c != "\t" && c != "\r" {
                current.append(c)
            }
        }
        guard quote == nil else { return nil }
        parts.append(current)
        return parts.allSatisfy({ !$0.isEmpty }) ? parts : nil
    }

    /// Opening minus closing brackets outside strings and comments.
    private static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                break
            } else if c == "[" {
                balance += 1
            } else if c == "]" {
                balance -= 1
            }
        }
        return balance
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
