import Foundation

/// What the program ships beside its code: the demo catalog and the synonym table.
///
/// They are SwiftPM resources of this target, copied next to the executable at build time
/// (`stockterm_StockAssets.resources/`), so a release build finds them wherever it runs from.
public enum StockAssets {
    /// `assets/catalog/demo.jsonl`: the embedded demo catalog (JSON Lines).
    public static var demoCatalogURL: URL {
        catalogDirectory.appendingPathComponent("demo.jsonl")
    }

    /// `assets/synonyms.tsv`: the synonym table the query executor expands terms with.
    public static var synonymsURL: URL {
        Bundle.module.url(forResource: "synonyms", withExtension: "tsv")!
    }

    static var catalogDirectory: URL {
        Bundle.module.url(forResource: "catalog", withExtension: nil)!
    }
}
