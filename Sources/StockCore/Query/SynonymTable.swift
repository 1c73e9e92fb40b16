import Foundation

/// Groups of interchangeable search terms, across languages, read from tab-separated text.
///
/// ```swift
/// let table = SynonymTable(tsv: "car\tautomobile\tмашина\tкөлік\ncity\tгород\tқала\n")
/// table.synonyms(of: "Car")        // ["automobile", "машина", "көлік"]
/// table.expansions(of: "қала")     // [["city"], ["город"]]
/// ```
///
/// Format: one group per line, members separated by tabs. A line whose first non-blank character
/// is `#` is a comment, and blank lines are skipped (a `#` later in a line is part of a term, so
/// `c#` can be a term). Members are trimmed, lower-cased, and runs of white space inside them
/// become one space: a member of several words is a phrase. A term may sit in several groups.
public struct SynonymTable: Sendable, Hashable {
    /// The groups in file order, each without empty or repeated members.
    public let groups: [[String]]
    /// Member to the indices of the groups holding it.
    private let index: [String: [Int]]

    /// Reads the table from TSV text.
    public init(tsv: String) {
        var groups: [[String]] = []
        // Split on bytes, not Characters: the table is read on every start, and grapheme
        // breaking over a few hundred lines costs milliseconds.
        for line in tsv.utf8.split(separator: 0x0A) {
            let firstVisible = line.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
            if firstVisible == nil || firstVisible == UInt8(ascii: "#") { continue }
            var members: [String] = []
            for field in line.split(separator: 0x09, omittingEmptySubsequences: true) {
                let member = Self.normalize(String(decoding: field, as: UTF8.self))
                if !member.isEmpty, !members.contains(member) { members.append(member) }
            }
            if members.count >= 2 { groups.append(members) }
        }
        var index: [String: [Int]] = [:]
        for (number, group) in groups.enumerated() {
            for member in group { index[member, default: []].append(number) }
        }
        self.groups = groups
        self.index = index
    }

    /// Reads the table from a UTF-8 TSV file, such as the shipped `synonyms.tsv`.
    public init(contentsOf url: URL) throws {
        self.init(tsv: try String(contentsOf: url, encoding: .utf8))
    }

    /// Every other member of every group holding `term` (case-insensitive), in file order,
    /// each once, without `term` itself. Empty when the term is in no group.
    public func synonyms(of term: String) -> [String] {
        let key = Self.normalize(term)
        var result: [String] = []
        for number in index[key] ?? [] {
            for member in groups[number] where member != key && !result.contains(member) {
                result.append(member)
            }
        }
        return result
    }

    /// `synonyms(of:)` with each synonym split into its words, ready to become a term or a phrase.
    public func expansions(of term: String) -> [[String]] {
        synonyms(of: term).map { $0.split(separator: " ").map(String.init) }
    }

    /// Lower-cased, trimmed, inner white space collapsed to single spaces.
    private static func normalize(_ text: String) -> String {
        let lower = text.lowercased()
        // The common case, a single word, needs no splitting.
        guard lower.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return lower }
        return lower.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
