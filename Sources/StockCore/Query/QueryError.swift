/// Why a query did not parse, and where.
///
/// `position` is a 0-based offset in `Character`s (grapheme clusters) into the query text;
/// the CLI prints `message` and `caretDiagram(for:)` and exits with status 2:
///
/// ```
/// error: expected a term or '(' after AND
/// lake AND
///      ^
/// ```
public struct QueryError: Error, Hashable, Sendable {
    /// What went wrong. The payloads carry what `message` needs.
    public enum Kind: Hashable, Sendable {
        /// A token that cannot stand here: `found` as written, `expected` in words.
        case unexpectedToken(found: String, expected: String)
        /// A `"` that is never closed (the position is the opening quote).
        case unterminatedQuote
        /// A parenthesis without a partner: `"("` never closed, or `")"` never opened.
        case unbalancedParenthesis(Character)
        /// `()` with nothing inside.
        case emptyGroup
        /// `""` (or quotes holding only white space).
        case emptyQuotes
        /// `foo:bar`: a field name the language does not have.
        case unknownField(name: String, known: [String])
        /// `type:banana`: a value the field does not accept.
        case invalidValue(field: String, value: String, expected: [String])
        /// The query has more than `limit` characters (the position is `limit`).
        case tooLong(limit: Int)
        /// `AND`, `OR`, `NOT` or `-` with nothing after it.
        case danglingOperator(String)
        /// `AND` or `OR` with nothing before it, as in `OR lake`.
        case missingOperand(before: String)
        /// `~` after a phrase not followed by a positive whole number; the payload is what follows it.
        case invalidProximity(String)
    }

    /// 0-based `Character` offset of the offending character into the query.
    public var position: Int
    public var kind: Kind

    public init(position: Int, kind: Kind) {
        self.position = position
        self.kind = kind
    }

    /// One line for people, e.g. `expected a term or '(' after OR`. It quotes the query (a field,
    /// a value, a token), so it is sanitised (`SafeText`): an escape sequence typed or pasted into
    /// a query is never written to the terminal raw.
    public var message: String { SafeText.sanitize(words) }

    /// `message` before sanitising.
    private var words: String {
        switch kind {
        case let .unexpectedToken(found, expected):
            return "unexpected \(found): expected \(expected)"
        case .unterminatedQuote:
            return "this quote is never closed: add a closing \""
        case let .unbalancedParenthesis(paren):
            return paren == "(" ? "this '(' is never closed: add a ')'" : "this ')' has no matching '('"
        case .emptyGroup:
            return "empty parentheses: put a term between '(' and ')'"
        case .emptyQuotes:
            return "empty quotes: put a word between the quotes"
        case let .unknownField(name, known):
            return "unknown field '\(name)'; known fields: \(known.joined(separator: ", "))"
        case let .invalidValue(field, value, expected):
            let what = value.isEmpty ? "\(field) needs a value" : "'\(value)' is not a valid \(field)"
            let list = expected.count == 1 ? expected[0] : "one of " + expected.joined(separator: ", ")
            return "\(what); expected \(list)"
        case let .tooLong(limit):
            return "the query is longer than \(limit) characters"
        case let .danglingOperator(op):
            return op == "-"
                ? "expected a term, phrase, '(' or field directly after '-'"
                : "expected a term or '(' after \(op)"
        case let .missingOperand(op):
            return "expected a term or '(' before \(op)"
        case let .invalidProximity(found):
            let shown = found.isEmpty ? "nothing" : "'\(found)'"
            return "expected a positive whole number after '~', as in \"lake ice\"~3, found \(shown)"
        }
    }

    /// Two lines: the query, and a `^` under the offending character, counted in terminal
    /// display columns (wide CJK characters and emoji take two). White space in the query is
    /// drawn as single spaces so that tabs and line breaks cannot shift the caret. A position
    /// at the end of the query puts the caret just after the last character.
    ///
    /// Pass the query as typed: the line is sanitised here (`SafeText`), and what sanitising
    /// removes before the caret (an escape sequence, a control character) takes no column.
    public func caretDiagram(for query: String) -> String {
        let shown = String(query.map { $0.isWhitespace ? " " : $0 })
        let line = SafeText.sanitize(shown)
        let before = SafeText.sanitize(String(shown.prefix(position)))
        let column = before.reduce(0) { $0 + Self.displayWidth(of: $1) }
        return line + "\n" + String(repeating: " ", count: column) + "^"
    }

    /// Terminal columns of one character: 2 for East Asian wide and full-width characters and
    /// emoji shown as pictures, 0 for control characters, 1 for everything else (Latin, Cyrillic).
    static func displayWidth(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let props = first.properties
        if props.generalCategory == .control || props.generalCategory == .format { return 0 }
        if props.isEmojiPresentation { return 2 }
        if props.isEmoji, character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        let v = first.value
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, coarsely.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension QueryError: CustomStringConvertible {
    /// `message`, with the 1-based column, e.g. `expected a term or '(' after OR (at character 6)`.
    public var description: String { "\(message) (at character \(position + 1))" }
}
