import StockCore

/// One line of the sort picker: a field, a direction and the words shown for them.
public struct SortChoice: Hashable, Sendable {
    /// The field sorted on.
    public var field: SortField
    /// The direction.
    public var direction: SortDirection
    /// What the picker and the status line say: "newest first".
    public var label: String

    /// A choice.
    public init(_ field: SortField, _ direction: SortDirection, _ label: String) {
        self.field = field; self.direction = direction; self.label = label
    }

    /// The picker's lines, in order. Every `SortField` appears, with the directions people ask for.
    public static let all: [SortChoice] = [
        SortChoice(.relevance, .desc, "relevance"),
        SortChoice(.newest, .desc, "newest first"),
        SortChoice(.newest, .asc, "oldest first"),
        SortChoice(.popular, .desc, "most popular"),
        SortChoice(.popular, .asc, "least popular"),
        SortChoice(.curated, .desc, "curated picks"),
        SortChoice(.emerging, .desc, "emerging"),
        SortChoice(.duration, .asc, "shortest first"),
        SortChoice(.duration, .desc, "longest first"),
    ]

    /// The index in `all` of a field and direction, or nil for a pair the picker does not list.
    public static func index(of field: SortField, _ direction: SortDirection) -> Int? {
        all.firstIndex { $0.field == field && $0.direction == direction }
    }

    /// The words for a field and direction: the picker's label, or "relevance ↑" for an unlisted pair.
    public static func label(for field: SortField, _ direction: SortDirection) -> String {
        index(of: field, direction).map { all[$0].label } ?? "\(field.rawValue) \(direction == .asc ? "↑" : "↓")"
    }
}
