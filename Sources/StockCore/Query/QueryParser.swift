/// Parses the search query language into a `QueryNode`.
///
/// ```swift
/// let node = try QueryParser.parse(#""lake ice"~3 (drone OR aerial) -winter type:video"#)
/// // .and([.near(["lake", "ice"], distance: 3), .or([.term("drone"), .term("aerial")]),
/// //       .not(.term("winter")), .field(.kind(.video))])
/// ```
///
/// Grammar (precedence `NOT` > `AND` > `OR`; adjacent items are joined by an implicit `AND`):
/// ```
/// query   = [ or ]                              (empty or white space only: nil)
/// or      = and { "OR" and }
/// and     = unary { [ "AND" ] unary }
/// unary   = ( "NOT" | "-" ) unary | primary
/// primary = word | word "*" | quoted [ "~" N | "*" ] | field ":" value | "(" or ")"
/// ```
/// The lexical rules (words, fields, quoting, punctuation) are on `QueryLexer`; the fields and
/// their values are in the table on `FieldFilter`. The result is in normal form: `and` and `or`
/// hold at least two children and never a child of their own kind; `(x)` is just `x`;
/// `NOT NOT x` stays as written. Queries longer than `maxLength` characters are refused.
///
/// `parse` uses typed throws: every failure is a `QueryError` with a position.
public enum QueryParser {
    /// The longest query accepted, in `Character`s.
    public static let maxLength = 500

    /// The query's syntax tree, or nil for an empty (or white-space-only) query, meaning "everything".
    public static func parse(_ text: String) throws(QueryError) -> QueryNode? {
        let characters = Array(text)
        guard characters.count <= maxLength else {
            throw QueryError(position: maxLength, kind: .tooLong(limit: maxLength))
        }
        var parser = TokenParser(tokens: try QueryLexer.tokens(of: characters))
        return try parser.parseQuery()
    }

    /// `and` with nested `and`s flattened; a single child stands for itself.
    static func and(_ children: [QueryNode]) -> QueryNode {
        let flat = children.flatMap { child -> [QueryNode] in
            if case let .and(inner) = child { return inner }
            return [child]
        }
        return flat.count == 1 ? flat[0] : .and(flat)
    }

    /// `or` with nested `or`s flattened; a single child stands for itself.
    static func or(_ children: [QueryNode]) -> QueryNode {
        let flat = children.flatMap { child -> [QueryNode] in
            if case let .or(inner) = child { return inner }
            return [child]
        }
        return flat.count == 1 ? flat[0] : .or(flat)
    }
}

/// Recursive descent over the lexer's tokens.
private struct TokenParser {
    typealias Token = QueryLexer.Token
    let tokens: [Token]
    var index = 0

    init(tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[index] }

    mutating func advance() -> Token {
        defer { if index < tokens.count - 1 { index += 1 } }
        return tokens[index]
    }

    mutating func parseQuery() throws(QueryError) -> QueryNode? {
        if current.kind == .end { return nil }
        let node = try parseOr()
        if current.kind == .close {
            throw QueryError(position: current.position, kind: .unbalancedParenthesis(")"))
        }
        return node
    }

    mutating func parseOr() throws(QueryError) -> QueryNode {
        var children = [try parseAnd(after: nil)]
        while current.kind == .or {
            let op = advance()
            children.append(try parseAnd(after: op))
        }
        return QueryParser.or(children)
    }

    /// `op` is the operator just read (for errors when no operand follows it).
    mutating func parseAnd(after op: Token?) throws(QueryError) -> QueryNode {
        var children = [try parseUnary(after: op)]
        while true {
            if current.kind == .and {
                let op = advance()
                children.append(try parseUnary(after: op))
            } else if startsOperand(current.kind) {
                children.append(try parseUnary(after: nil))
            } else {
                break
            }
        }
        return QueryParser.and(children)
    }

    mutating func parseUnary(after op: Token?) throws(QueryError) -> QueryNode {
        switch current.kind {
        case .not, .minus:
            let negation = advance()
            return .not(try parseUnary(after: negation))
        default:
            return try parsePrimary(after: op)
        }
    }

    mutating func parsePrimary(after op: Token?) throws(QueryError) -> QueryNode {
        let token = current
        switch token.kind {
        case let .atom(node):
            _ = advance()
            return node
        case .open:
            _ = advance()
            if current.kind == .close { throw QueryError(position: token.position, kind: .emptyGroup) }
            if current.kind == .end { throw QueryError(position: token.position, kind: .unbalancedParenthesis("(")) }
            let inner = try parseOr()
            guard current.kind == .close else {
                throw QueryError(position: token.position, kind: .unbalancedParenthesis("("))
            }
            _ = advance()
            return inner
        case .and, .or:
            guard let op else {
                throw QueryError(position: token.position, kind: .missingOperand(before: Self.name(of: token.kind)))
            }
            throw QueryError(position: token.position, kind: .unexpectedToken(
                found: Self.name(of: token.kind), expected: "a term or '(' after \(Self.quotedName(of: op.kind))"))
        case .close, .end, .not, .minus:
            // `.not` and `.minus` never reach here (parseUnary takes them); `.close` without an
            // operator before it is `()` (caught above) or a stray `)` at the very start.
            guard let op else {
                throw QueryError(position: token.position, kind: .unbalancedParenthesis(")"))
            }
            throw QueryError(position: op.position, kind: .danglingOperator(Self.name(of: op.kind)))
        }
    }

    /// Operator names as messages show them: `AND`, `'-'`.
    static func quotedName(of kind: Token.Kind) -> String {
        kind == .minus ? "'-'" : name(of: kind)
    }

    func startsOperand(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .atom, .open, .not, .minus: return true
        case .and, .or, .close, .end: return false
        }
    }

    static func name(of kind: Token.Kind) -> String {
        switch kind {
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .minus: "-"
        case .open: "'('"
        case .close: "')'"
        case .end: "the end of the query"
        case .atom: "a term"
        }
    }
}
