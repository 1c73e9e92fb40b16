/// Writes a `QueryNode` back as canonical query text, which `QueryParser` reads back to the same
/// node for every node in normal form (what the parser produces).
///
/// ```swift
/// QueryPrinter.print(.or([.and([.term("a"), .term("b")]), .not(.term("c"))]))  // "a b OR -c"
/// ```
///
/// Canonical spelling: implicit `AND` (a space), ` OR `, `-` for `NOT` before a word, phrase,
/// field or parenthesised group (`-(-x)` for double negation); parentheses only where precedence
/// needs them; fields by their canonical names (`type:`, `license_type:`, `mp:`) and values;
/// ranges as `NumericRange.queryText`. Words print bare when the lexer would read them back as
/// the same single word, and in quotes otherwise (`"10:30"`, `"c++"`), with `"`, `\` and white
/// space inside a word escaped by a backslash.
///
/// Nodes outside normal form still print, but need not round-trip: upper-case words, empty
/// words, one-word phrases, `and`/`or` with fewer than two children or nested in their own kind,
/// distances below 1, and ranges with both ends where one is exclusive.
public enum QueryPrinter {
    /// The canonical query text for `node`.
    public static func print(_ node: QueryNode) -> String {
        render(node, in: .top)
    }

    /// Where a node sits, which decides whether it needs parentheses.
    private enum Context { case top, orChild, andChild, negated }

    private static func render(_ node: QueryNode, in context: Context) -> String {
        switch node {
        case let .term(word):
            return QueryLexer.isBareWord(word) ? word : quotedWords([word])
        case let .prefix(word):
            return (QueryLexer.isBareWord(word) ? word : quotedWords([word])) + "*"
        case let .phrase(words):
            return quotedWords(words)
        case let .near(words, distance):
            return quotedWords(words) + "~\(distance)"
        case let .field(filter):
            return QueryFieldSyntax.text(of: filter)
        case let .not(inner):
            let text = "-" + render(inner, in: .negated)
            return context == .negated ? "(\(text))" : text
        case let .and(children):
            if children.count == 1 { return render(children[0], in: context) }
            let text = children.map { render($0, in: .andChild) }.joined(separator: " ")
            return context == .top || context == .orChild ? text : "(\(text))"
        case let .or(children):
            if children.count == 1 { return render(children[0], in: context) }
            let text = children.map { render($0, in: .orChild) }.joined(separator: " OR ")
            return context == .top ? text : "(\(text))"
        }
    }

    private static func quotedWords(_ words: [String]) -> String {
        let escaped = words.map { QueryLexer.quoted($0, escapingWhitespace: true).dropFirst().dropLast() }
        return "\"" + escaped.joined(separator: " ") + "\""
    }
}
