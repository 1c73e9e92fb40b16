/// What can go wrong with a catalog or its index, with payloads for people.
public enum StockCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The catalog file cannot be read.
    case unreadable(path: String, reason: String)
    /// The catalog holds no valid asset.
    case empty(path: String)
    /// The index on disk is damaged or of another version; it will be rebuilt.
    case indexCorrupt(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read catalog \(path): \(reason)"
        case .empty(let path): "catalog \(path) holds no valid asset"
        case .indexCorrupt(let why): "catalog index is damaged (\(why)); it will be rebuilt"
        }
    }
}
