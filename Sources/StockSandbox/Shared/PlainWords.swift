import StockCore

/// Free text of services without a query language (Adobe's `[words]`, Stocksy's comma list):
/// each keyword or phrase is matched as written, all of them required. Built through the query
/// parser as quoted phrases, so that the catalog tokenises them as it indexes.
enum PlainWords {
    /// `["lake ice", "drone"]` → `"lake ice" AND drone`; nil when nothing is left to match.
    static func query(_ phrases: [String]) -> QueryNode? {
        var nodes: [QueryNode] = []
        for phrase in phrases {
            let cleaned = phrase.filter { $0 != "\"" && $0 != "\\" }.trimmingCharacters(in: .whitespaces)
            guard !cleaned.isEmpty, let node = try? QueryParser.parse("\"" + String(cleaned.prefix(QueryParser.maxLength - 2)) + "\"") else { continue }
            if !nodes.contains(node) { nodes.append(node) }
        }
        switch nodes.count {
        case 0: return nil
        case 1: return nodes[0]
        default: return .and(nodes)
        }
    }
}

import Foundation
