import StockCore

/// Prints a query in StockFlow's search language (seed 000): boolean `AND` / `OR` / `NOT`,
/// `"phrases"`, proximity `"a b"~3`, prefixes `dron*`, and the field filters
/// `orientation:landscape` and `license_type:standard`; at most 500 characters.
///
/// Operators are always written out (`drone AND (aerial OR lake) AND NOT winter`), so that no
/// implicit precedence is relied on. Words that look like operators or hold special characters
/// are quoted.
enum StockFlowQuery {
    /// The query text for the unfolded conjuncts plus the orientation filter, or nil when there
    /// is neither (then `GET /clips` serves the search).
    static func text(_ nodes: [QueryNode], orientations: Set<Orientation>) throws -> String? {
        let count = nodes.count + (orientations.isEmpty ? 0 : 1)
        var parts = try nodes.map { try render($0, nested: count > 1) }
        if !orientations.isEmpty {
            let clauses = orientations.sorted().map { "orientation:" + orientationName($0) }
            parts.append(clauses.count == 1 ? clauses[0] : "(" + clauses.joined(separator: " OR ") + ")")
        }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: " AND ")
        let length = text.unicodeScalars.count
        guard length <= StockFlowRequests.maxQueryLength else {
            throw StockError.invalidRequest("StockFlow accepts queries of at most \(StockFlowRequests.maxQueryLength) characters; this one has \(length)")
        }
        return text
    }

    /// StockFlow's orientation names: landscape (seed 000's example), portrait, square, panorama.
    static func orientationName(_ o: Orientation) -> String {
        switch o {
        case .horizontal: "landscape"
        case .vertical: "portrait"
        case .square: "square"
        case .panorama: "panorama"
        }
    }

    static func render(_ node: QueryNode, nested: Bool) throws -> String {
        switch node {
        case .term(let w): return word(w)
        case .prefix(let w): return word(w, quoteOperators: false) + "*"
        case .phrase(let ws): return phrase(ws)
        case .near(let ws, let d): return phrase(ws) + "~\(d)"
        case .not(let inner): return "NOT " + (try render(inner, nested: true))
        case .and(let children):
            let text = try children.map { try render($0, nested: true) }.joined(separator: " AND ")
            return nested ? "(\(text))" : text
        case .or(let children):
            let text = try children.map { try render($0, nested: true) }.joined(separator: " OR ")
            return nested ? "(\(text))" : text
        case .field(.orientation(let o)): return "orientation:" + orientationName(o)
        case .field(.license(let l)): return "license_type:" + l.rawValue
        case .field:
            throw RequestChecks.cannot("StockFlow", "\(RequestChecks.text(node)) inside OR or NOT: its search language filters only on orientation and license_type")
        }
    }

    static func phrase(_ words: [String]) -> String {
        "\"" + words.map(escape).joined(separator: " ") + "\""
    }

    /// A bare word when it is letters, digits, `-`, `_`, `'` and `.` only and no operator;
    /// otherwise in quotes.
    static func word(_ w: String, quoteOperators: Bool = true) -> String {
        let plain = !w.isEmpty && w.allSatisfy { $0.isLetter || $0.isNumber || "-_'.".contains($0) } && !w.hasPrefix("-")
        let isOperator = ["and", "or", "not"].contains(w.lowercased())
        return plain && !(quoteOperators && isOperator) ? w : "\"" + escape(w) + "\""
    }

    private static func escape(_ w: String) -> String {
        w.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
