import BrowserModel

/// Where everything goes on a terminal of `width` × `height`. Pure: it depends only on the size
/// and the focus.
///
/// ```text
/// row 0        search bar
/// rows 1…h-2   body: filters │ results (first row: column headers)
/// row h-1      status line
/// ```
///
/// The filter pane is 24 columns wide from 100 columns, 22 from 60, and hidden below 60; there,
/// while the filters have the keys, they take the whole body instead of the results.
///
/// ```swift
/// let layout = BrowserLayout(width: 80, height: 24, focus: .results)
/// layout.filters      // Rect(x: 0, y: 1, width: 22, height: 22)
/// layout.results      // Rect(x: 23, y: 1, width: 57, height: 22)
/// layout.resultRows   // 21: send .viewportChanged(rows: 21, columns: 57)
/// ```
public struct BrowserLayout: Hashable, Sendable {
    /// The smallest usable terminal; below it the screen says "terminal too small".
    public static let minimumWidth = 40
    /// See `minimumWidth`.
    public static let minimumHeight = 10

    /// Columns of the terminal.
    public var width: Int
    /// Rows of the terminal.
    public var height: Int
    /// True below `minimumWidth` × `minimumHeight`: nothing but a notice is drawn.
    public var isTooSmall: Bool
    /// Row 0.
    public var searchBar: Rect
    /// The filter pane on the left; `.zero` when hidden.
    public var filters: Rect
    /// The one-column "│" between the filters and the results; `.zero` when there is none.
    public var separator: Rect
    /// The result pane, its header row included; `.zero` while the filters take a narrow body.
    public var results: Rect
    /// Rows for result items: the result pane's height minus its header. It does not change
    /// when the focus hides the pane, so the list keeps its scroll position (this is what
    /// `.viewportChanged(rows:)` must get).
    public var resultRows: Int
    /// Columns of the result pane (for `.viewportChanged(columns:)`), hidden or not.
    public var resultColumns: Int
    /// The last row.
    public var status: Rect
    /// Everything between the search bar and the status line; the detail view draws here.
    public var body: Rect

    /// The layout of a terminal of `width` × `height` with `focus` on one pane.
    public init(width: Int, height: Int, focus: Focus) {
        self.width = max(0, width)
        self.height = max(0, height)
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight

        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (top, rest) = screen.split(topHeight: 1)
        let (middle, bottom) = rest.split(bottomHeight: 1)
        searchBar = top
        body = middle
        status = bottom

        let filterWidth = Self.filterWidth(forWidth: width)
        if filterWidth > 0 {
            let (left, right) = middle.split(leftWidth: filterWidth)
            let (line, pane) = right.split(leftWidth: 1)
            filters = left
            separator = line
            results = pane
        } else {
            filters = focus == .filters ? middle : .zero
            separator = .zero
            results = focus == .filters ? .zero : middle
        }
        let resultPane = filterWidth > 0 ? results : middle
        resultRows = max(0, resultPane.height - 1)
        resultColumns = resultPane.width
    }

    /// Columns of the filter pane beside the results at a terminal `width`: 24, 22 or 0 (hidden).
    public static func filterWidth(forWidth width: Int) -> Int {
        if width >= 100 { return 24 }
        if width >= 60 { return 22 }
        return 0
    }
}
