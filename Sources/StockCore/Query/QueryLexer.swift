/// Splits query text into tokens. Leaves (terms, prefixes, phrases, proximity and fields) come
/// out already built as `QueryNode`s, so the parser only deals with structure.
///
/// Lexical rules:
/// - A word is a run of letters, digits and combining marks (any script), with `'`, `’`, `-`,
///   `.` or `_` allowed between two of them: `slow-motion`, `h.265`, `don't`, `қала`, `4k`.
///   Words are lower-cased with `String.lowercased()`.
/// - `AND`, `OR`, `NOT` written in capitals are operators; in any other case they are words.
/// - A word directly followed by `*` is a prefix: `dron*`.
/// - A word directly followed by `:` is a field name when it starts with a letter and holds only
///   letters, digits and `_`, or is `4k`; its value runs to the next white space, `(`, `)` or `"`,
///   or is quoted: `tag:"slow motion"`. Before any other word (`10:30`) the colon is punctuation.
/// - `"..."` holds words separated by white space, taken as written (lower-cased); `\"`, `\\`
///   and a backslash before any other character (such as a space) escape it.
///   It may be followed directly by `~N` (proximity) or, for one word, `*` (prefix).
/// - `-` right before a word, quote, `(`, or another `-` is negation; anywhere else it is an error.
/// - `*` and `~` anywhere else are errors. Other punctuation (`,` `;` `!` `:` ...) separates words
///   and is otherwise ignored.
struct QueryLexer {
    /// One token and the offset of its first character.
    struct Token: Hashable {
        enum Kind: Hashable {
            case atom(QueryNode)
            case and, or, not, minus, open, close, end
        }
        var kind: Kind
        var position: Int
    }

    private let characters: [Character]
    private var index = 0
    private var tokens: [Token] = []

    private init(_ characters: [Character]) { self.characters = characters }

    /// The tokens of `characters`, ending with `.end`.
    static func tokens(of characters: [Character]) throws(QueryError) -> [Token] {
        var lexer = QueryLexer(characters)
        try lexer.run()
        return lexer.tokens
    }

    private mutating func run() throws(QueryError) {
        while let c = peek() {
            if c.isWhitespace { index += 1; continue }
            switch c {
            case "(": emit(.open, at: index); index += 1
            case ")": emit(.close, at: index); index += 1
            case "\"": try lexQuoted()
            case "-": try lexMinus()
            case "*":
                throw QueryError(position: index, kind: .unexpectedToken(
                    found: "'*'", expected: "a word directly before '*', as in dron*"))
            case "~":
                throw QueryError(position: index, kind: .unexpectedToken(
                    found: "'~'", expected: "a quoted phrase directly before '~', as in \"lake ice\"~3"))
            default:
                if Self.isWordCharacter(c) { try lexWord() } else { index += 1 }
            }
        }
        emit(.end, at: characters.count)
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func emit(_ kind: Token.Kind, at position: Int) {
        tokens.append(Token(kind: kind, position: position))
    }

    private mutating func lexMinus() throws(QueryError) {
        guard let next = peek(1), !next.isWhitespace, next != ")" else {
            throw QueryError(position: index, kind: .danglingOperator("-"))
        }
        emit(.minus, at: index)
        index += 1
    }

    private mutating func lexWord() throws(QueryError) {
        let start = index
        while let c = peek() {
            if Self.isWordCharacter(c) {
                index += 1
            } else if Self.isConnector(c), let next = peek(1), Self.isWordCharacter(next) {
                index += 2
            } else {
                break
            }
        }
        let word = String(characters[start..<index])
        if peek() == "*" {
            index += 1
            emit(.atom(.prefix(word.lowercased())), at: start)
        } else if peek() == ":", QueryFieldSyntax.isFieldName(word) {
            index += 1
            try lexFieldValue(name: word, namePosition: start)
        } else {
            switch word {
            case "AND": emit(.and, at: start)
            case "OR": emit(.or, at: start)
            case "NOT": emit(.not, at: start)
            default: emit(.atom(.term(word.lowercased())), at: start)
            }
        }
    }

    private mutating func lexFieldValue(name: String, namePosition: Int) throws(QueryError) {
        let valuePosition = index
        var value = ""
        if peek() == "\"" {
            value = try scanQuoted().text
        } else {
            while let c = peek(), !Self.endsFieldValue(c) { value.append(c); index += 1 }
        }
        let filter = try QueryFieldSyntax.filter(name: name, value: value,
                                                 namePosition: namePosition, valuePosition: valuePosition)
        emit(.atom(.field(filter)), at: namePosition)
    }

    private mutating func lexQuoted() throws(QueryError) {
        let start = index
        let words = try scanQuoted().words.map { $0.lowercased() }
        guard !words.isEmpty else { throw QueryError(position: start, kind: .emptyQuotes) }
        if peek() == "~" {
            let tilde = index
            index += 1
            var digits = ""
            while let c = peek(), !Self.endsFieldValue(c) { digits.append(c); index += 1 }
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let distance = Int(digits), distance > 0 else {
                throw QueryError(position: tilde, kind: .invalidProximity(digits))
            }
            emit(.atom(words.count == 1 ? .term(words[0]) : .near(words, distance: distance)), at: start)
        } else if peek() == "*" {
            guard words.count == 1 else {
                throw QueryError(position: index, kind: .unexpectedToken(
                    found: "'*'", expected: "one word before '*': a phrase cannot be a prefix"))
            }
            index += 1
            emit(.atom(.prefix(words[0])), at: start)
        } else {
            emit(.atom(words.count == 1 ? .term(words[0]) : .phrase(words)), at: start)
        }
    }

    /// Reads `"..."` from the opening quote at `index`; leaves `index` after the closing quote.
    /// `text` is the content with escapes resolved; `words` splits it at unescaped white space.
    private mutating func scanQuoted() throws(QueryError) -> (text: String, words: [String]) {
        let open = index
        index += 1
        var text = "", word = "", words: [String] = []
        while let c = peek() {
            index += 1
            switch c {
            case "\"":
                if !word.isEmpty { words.append(word) }
                return (text, words)
            case "\\":
                guard let escaped = peek() else { break }
                index += 1
                text.append(escaped); word.append(escaped)
            default:
                text.append(c)
                if c.isWhitespace {
                    if !word.isEmpty { words.append(word); word = "" }
                } else {
                    word.append(c)
                }
            }
        }
        throw QueryError(position: open, kind: .unterminatedQuote)
    }

    // MARK: Character classes, shared with the printer

    /// Letters, marks and numbers of any script.
    static func isWordCharacter(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Characters allowed inside a word, between two word characters.
    static func isConnector(_ c: Character) -> Bool {
        c == "'" || c == "’" || c == "-" || c == "." || c == "_"
    }

    /// Characters that end an unquoted field value or proximity distance.
    static func endsFieldValue(_ c: Character) -> Bool {
        c.isWhitespace || c == "(" || c == ")" || c == "\""
    }

    /// True when `word` read on its own is exactly the term `word` (so it needs no quotes).
    static func isBareWord(_ word: String) -> Bool {
        guard let tokens = try? tokens(of: Array(word)) else { return false }
        return tokens.map(\.kind) == [.atom(.term(word)), .end]
    }

    /// `text` in double quotes, with `"` and `\` escaped, and white space too when asked
    /// (inside a phrase's word, where unescaped white space would split the word).
    static func quoted(_ text: String, escapingWhitespace: Bool) -> String {
        var out = "\""
        for c in text {
            if c == "\"" || c == "\\" || (escapingWhitespace && c.isWhitespace) { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}
