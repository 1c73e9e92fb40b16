import Foundation
import GRDB

/// Document frequencies of the phrases of an FTS5 expression, for `stockrank`: each quoted
/// string in the expression is a phrase, numbered left to right as FTS5 numbers them; its
/// frequency is the smallest of its tokens' (an upper bound for a phrase), read from the
/// `asset_vocab` fts5vocab table; a prefix phrase sums the terms it covers.
enum PhraseStatistics {
    /// The phrases of an expression built by `QueryCompiler`: (text, is prefix).
    static func phrases(in expression: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        let chars = Array(expression)
        var i = 0
        while i < chars.count {
            guard chars[i] == "\"" else { i += 1; continue }
            var text = ""
            i += 1
            while i < chars.count {
                if chars[i] == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { text.append("\""); i += 2; continue }
                    break
                }
                text.append(chars[i]); i += 1
            }
            i += 1
            let prefix = i < chars.count && chars[i] == "*"
            out.append((text, prefix))
        }
        return out
    }

    /// Tokens as FTS5's unicode61 tokenizer makes them (lower case, Latin diacritics removed).
    static func tokens(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { word in
                String(String.UnicodeScalarView(word.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
                    // Fold Latin letters with diacritics to their base letter, as remove_diacritics does.
                    guard scalar.value >= 0xC0, scalar.value < 0x250 else { return [scalar] }
                    let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
                    return [base]
                }))
            }
    }

    static func documentFrequencies(_ db: Database, expression: String) throws -> [Double] {
        try documentFrequencies(db, phrases: phrases(in: expression))
    }

    /// The frequencies of `phrases` as `phrases(in:)` lists them.
    static func documentFrequencies(_ db: Database, phrases: [(String, Bool)]) throws -> [Double] {
        let lookup = try db.cachedStatement(sql: "SELECT doc FROM asset_vocab WHERE term = ?")
        let prefixLookup = try db.cachedStatement(sql: "SELECT sum(doc) FROM asset_vocab WHERE term >= ? AND term < ?")
        return try phrases.map { text, isPrefix in
            let words = tokens(text)
            guard !words.isEmpty else { return 0 }
            var counts: [Double] = []
            for (i, word) in words.enumerated() {
                if isPrefix && i == words.count - 1 {
                    let upper = word + "\u{10FFFF}"
                    counts.append(try Double.fetchOne(prefixLookup, arguments: [word, upper]) ?? 0)
                } else {
                    counts.append(try Double.fetchOne(lookup, arguments: [word]) ?? 0)
                }
            }
            return counts.min() ?? 0
        }
    }
}
