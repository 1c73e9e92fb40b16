/// A cell position on the screen: column `x`, row `y`.
public struct CursorPosition: Hashable, Sendable {
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int

    /// A position.
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// What the screen needs back from `BrowserView.render`, besides the grid.
public struct RenderOutcome: Hashable, Sendable {
    /// Where the terminal cursor goes: in the search bar while it has the keys and nothing covers
    /// it; nil hides the cursor.
    public var cursor: CursorPosition?
    /// While the detail view is shown: how far its text can scroll,
    /// `max(0, contentLines - visibleLines)` (send it as `.detailMeasured(maxScroll:)` when it
    /// differs from `state.detail?.maxScroll`). Nil when no detail view was drawn.
    public var detailMaxScroll: Int?

    /// An outcome.
    public init(cursor: CursorPosition? = nil, detailMaxScroll: Int? = nil) {
        self.cursor = cursor
        self.detailMaxScroll = detailMaxScroll
    }
}
