import BrowserModel
import StockCore

/// Row 0: the prompt, the query (scrolled sideways so the cursor stays visible), and on the right
/// the sort order and "exact" when synonyms are off.
///
/// ```text
/// / lake baikal type:video█                                   newest first · exact
/// / press / to search — try: baikal type:video                           relevance
/// ```
enum SearchBarView {
    /// The prompt before the query.
    static let prompt = "/ "
    /// Shown in an empty search bar without the keys.
    static let placeholder = "press / to search — try: baikal type:video"
    /// The query field never gets narrower than this; the sort label goes first.
    static let minimumFieldWidth = 16

    /// Draws the bar into `rect` (one row) and returns where the cursor is when the bar has the
    /// keys (`showsCursor`), else nil.
    static func draw(_ state: BrowserState, in rect: Rect, into grid: inout Grid, showsCursor: Bool) -> CursorPosition? {
        guard !rect.isEmpty else { return nil }
        let focused = state.focus == .searchBar
        let y = rect.y
        let promptWidth = grid.draw(prompt, at: rect.x, y: y, maxWidth: rect.width,
                                    style: focused ? ViewStyle.accentBold : ViewStyle.muted)

        // The sort order on the right, when the field keeps a usable width.
        var fieldEnd = rect.maxX
        let sortLabel = SortChoice.label(for: state.sort, state.order) + (state.expandSynonyms ? "" : " · exact")
        let sortWidth = Grid.displayWidth(of: sortLabel)
        if rect.width - promptWidth - sortWidth - 2 >= minimumFieldWidth {
            grid.draw(sortLabel, rightAlignedTo: rect.maxX, y: y, maxWidth: sortWidth, style: ViewStyle.muted)
            fieldEnd = rect.maxX - sortWidth - 2
        }
        let field = Rect(x: rect.x + promptWidth, y: y, width: fieldEnd - rect.x - promptWidth, height: 1)
        guard field.width > 0 else { return nil }

        if state.query.characters.isEmpty, !focused {
            grid.draw(placeholder, at: field.x, y: y, maxWidth: field.width, style: ViewStyle.muted)
            return nil
        }
        let cursorColumn = drawQuery(state, in: field, into: &grid)
        return showsCursor && focused ? CursorPosition(x: cursorColumn, y: y) : nil
    }

    /// Draws the query into `field`, scrolled so that the cursor stays inside, with the character
    /// where the query stops parsing marked. Returns the cursor's column.
    ///
    /// Each character is drawn (and so sanitised) on its own, so the columns measured here are
    /// exactly the columns drawn, whatever was pasted into the query.
    private static func drawQuery(_ state: BrowserState, in field: Rect, into grid: inout Grid) -> Int {
        let characters = state.query.characters
        let cursor = min(max(state.query.cursor, 0), characters.count)
        let widths = characters.map { Grid.displayWidth(of: String($0)) }

        // The first character shown: as far left as possible, with the cursor (which needs a
        // column of its own at the end of the text) still inside the field.
        var first = 0
        var beforeCursor = widths[..<cursor].reduce(0, +)
        while first < cursor, beforeCursor > field.width - 1 {
            beforeCursor -= widths[first]
            first += 1
        }

        let errorPosition = state.queryError?.position
        var x = field.x
        var index = first
        while index < characters.count, x + widths[index] <= field.maxX {
            let style = index == errorPosition ? ViewStyle.queryError : Style.plain
            grid.draw(String(characters[index]), at: x, y: field.y, maxWidth: widths[index], style: style)
            x += widths[index]
            index += 1
        }
        // More text than room: the last column says so, unless the cursor stands there.
        if index < characters.count, field.x + beforeCursor < field.maxX - 1 {
            grid.draw(String(Grid.ellipsis), at: field.maxX - 1, y: field.y, maxWidth: 1, style: ViewStyle.muted)
        }
        return field.x + beforeCursor
    }
}
