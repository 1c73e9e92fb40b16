/// `stockterm catalog info --json`: the catalog file, its size, and the counts per facet value.
/// Schema: catalog-info.schema.json.
struct CatalogInfoJSON: Encodable {
    /// The catalog file's path.
    var catalog: String
    var assets: Int
    /// Counts per facet group and value: `{"type": {"photo": 2292, …}, …}`.
    var facets: [String: [String: Int]]
}
