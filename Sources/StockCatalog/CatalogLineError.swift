/// A line of a catalog file that could not be imported, and why.
public struct CatalogLineError: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number in the file.
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) { self.line = line; self.reason = reason }

    /// `line 12: missing required field "title"`.
    public var description: String { "line \(line): \(reason)" }
}
