import StockCore

/// A query compiled for the catalog: an FTS5 expression that yields the candidate rows (or none,
/// to scan every row), lookup-table constraints, and residual predicates for the rare shapes
/// FTS5 cannot express (`-drone` alone, `drone OR type:video`).
struct QueryPlan {
    /// Drives the search: rows matching it, in rowid order. Nil means every row.
    var driving: String?
    /// The free-text part, for bm25 ranking; nil when the query has no positive text.
    var ranked: String?
    var constraints: RowConstraints
    /// Each must hold too.
    var residual: [RowPredicate]
    /// The facet-group filters: the request's, with a query's `premium:` and `free:` folded in.
    var facets: SearchFilters
}

/// A row test that mixes text matches (as row sets) with field filters.
indirect enum RowPredicate {
    case rows(RowBitset)
    case constraint(RowConstraints)
    case not(RowPredicate)
    case and([RowPredicate])
    case or([RowPredicate])

    /// The rows that satisfy the predicate, evaluated over the whole catalog.
    func rows(_ columns: ColumnStore, categories: CategoryIndex) -> RowBitset {
        switch self {
        case .rows(let set):
            return set
        case .constraint(let c):
            return CatalogScan.rows(matching: c, columns: columns, categories: categories)
        case .not(let p):
            return p.rows(columns, categories: categories).complement()
        case .and(let ps):
            return ps.dropFirst().reduce(ps[0].rows(columns, categories: categories)) { $0.intersection($1.rows(columns, categories: categories)) }
        case .or(let ps):
            return ps.dropFirst().reduce(ps[0].rows(columns, categories: categories)) { $0.union($1.rows(columns, categories: categories)) }
        }
    }
}

/// Turns a query into a `QueryPlan`. `rowsMatching` runs an FTS5 expression (for residual text
/// leaves); `synonyms` gives the other spellings of a word, each as its list of words.
struct QueryCompiler {
    let categories: CategoryIndex
    let rowCount: Int
    let expandSynonyms: Bool
    let synonyms: (String) -> [[String]]
    let rowsMatching: (String) throws -> [UInt32]

    static let textScope = CatalogSchema.textColumns

    func compile(_ root: QueryNode?, filters: SearchFilters) throws -> QueryPlan {
        var constraints = RowConstraints(categoryCount: categories.slugs.count)
        constraints.require(filters)
        var facets = filters
        var positives: [String] = [], negatives: [String] = []
        var tagPositives = filters.tags.map(TagNormalizer.token).filter { !$0.isEmpty }
        var tagNegatives: [String] = []
        var residual: [RowPredicate] = []

        for node in Self.conjuncts(of: root) {
            switch node {
            case .field(.premium(let p)): facets.premium = p
            case .field(.free(let f)): facets.free = f
            case .field(.tag(let t)):
                let token = TagNormalizer.token(t)
                if token.isEmpty { constraints.impossible = true } else { tagPositives.append(token) }
            case .field(let f): constraints.require(f, categories: categories)
            case .not(.field(.tag(let t))):
                let token = TagNormalizer.token(t)
                if !token.isEmpty { tagNegatives.append(token) }
            case .not(let inner) where fts(inner) != nil:
                negatives.append(fts(inner)!)
            default:
                if let text = fts(node) { positives.append(text) } else { residual.append(try predicate(node)) }
            }
        }

        var parts = positives.map { "\(Self.textScope) : (\($0))" }
        parts += tagPositives.map { "tags : \(Self.quote($0))" }
        var driving: String?
        if parts.isEmpty {
            for n in negatives { residual.append(.not(.rows(try bitset("\(Self.textScope) : (\(n))")))) }
            for t in tagNegatives { residual.append(.not(.rows(try bitset("tags : \(Self.quote(t))")))) }
        } else {
            var expression = parts.count == 1 ? parts[0] : parts.map { "(\($0))" }.joined(separator: " AND ")
            let excluded = negatives.map { "\(Self.textScope) : (\($0))" } + tagNegatives.map { "tags : \(Self.quote($0))" }
            if !excluded.isEmpty {
                expression = "(\(expression)) NOT (\(excluded.map { "(\($0))" }.joined(separator: " OR ")))"
            }
            driving = expression
        }
        let ranked = positives.isEmpty ? nil : positives.map { "\(Self.textScope) : (\($0))" }.joined(separator: " AND ")
        return QueryPlan(driving: driving, ranked: ranked, constraints: constraints, residual: residual, facets: facets)
    }

    static func conjuncts(of root: QueryNode?) -> [QueryNode] {
        switch root {
        case nil: []
        case .and(let children)?: children
        case let node?: [node]
        }
    }

    /// The FTS5 expression for a node made only of text that FTS5 can express positively, or nil.
    func fts(_ node: QueryNode) -> String? {
        switch node {
        case .term(let t):
            var alternatives = [Self.quote(t)]
            if expandSynonyms {
                alternatives += synonyms(t).map { Self.quote($0.joined(separator: " ")) }
            }
            return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.joined(separator: " OR ") + ")"
        case .prefix(let p):
            return Self.quote(p) + "*"
        case .phrase(let words):
            return Self.quote(words.joined(separator: " "))
        case .near(let words, let distance):
            // "within N positions" = at most N - 1 words between them, FTS5's NEAR distance.
            return "NEAR(" + words.map(Self.quote).joined(separator: " ") + ", \(max(0, distance - 1)))"
        case .or(let children):
            let parts = children.map(fts)
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            return "(" + parts.map { $0! }.joined(separator: " OR ") + ")"
        case .and(let children):
            var positive: [String] = [], negative: [String] = []
            for child in children {
                if let p = fts(child) { positive.append(p) }
                else if case .not(let inner) = child, let n = fts(inner) { negative.append(n) }
                else { return nil }
            }
            guard !positive.isEmpty else { return nil }
            let joined = "(" + positive.joined(separator: " AND ") + ")"
            return negative.isEmpty ? joined : "(\(joined) NOT (\(negative.joined(separator: " OR "))))"
        case .not, .field:
            return nil
        }
    }

    private func predicate(_ node: QueryNode) throws -> RowPredicate {
        if let text = fts(node) { return .rows(try bitset("\(Self.textScope) : (\(text))")) }
        switch node {
        case .field(.tag(let t)):
            let token = TagNormalizer.token(t)
            return token.isEmpty ? .rows(RowBitset(rowCount: rowCount)) : .rows(try bitset("tags : \(Self.quote(token))"))
        case .field(.premium(let p)):
            var c = RowConstraints(categoryCount: categories.slugs.count)
            c.premium = CatalogCodes.premiumTable(p, .included)
            return .constraint(c)
        case .field(.free(let f)):
            var c = RowConstraints(categoryCount: categories.slugs.count)
            c.premium = (0...4).map { level in f == .only ? level == 1 : (f == .hidden ? level != 1 : true) }
            return .constraint(c)
        case .field(let f):
            var c = RowConstraints(categoryCount: categories.slugs.count)
            c.require(f, categories: categories)
            return .constraint(c)
        case .not(let inner): return .not(try predicate(inner))
        case .and(let children): return .and(try children.map(predicate))
        case .or(let children): return .or(try children.map(predicate))
        case .term, .prefix, .phrase, .near:
            return .rows(RowBitset(rowCount: rowCount)) // unreachable: fts() handles text leaves
        }
    }

    private func bitset(_ expression: String) throws -> RowBitset {
        RowBitset(rowCount: rowCount, rows: try rowsMatching(expression))
    }

    /// An FTS5 string literal: `"it""s"`.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
