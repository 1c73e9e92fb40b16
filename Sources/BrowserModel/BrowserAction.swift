import StockCore

/// Everything that can happen to the browser, named after the event: keys (mapped by the
/// terminal's key bindings), answers from the runtime, and resizes.
public enum BrowserAction: Hashable, Sendable {
    /// The screen is up: run the first search (the current query, usually empty) at once.
    case started
    /// An editing key in the search bar; a text change (re)starts the debounce.
    case queryEdit(QueryEdit)
    /// Enter in the search bar: search now, without waiting for the debounce, and move the keys
    /// to the results (unless the query does not parse: then they stay to fix it).
    case submitQuery
    /// A timer started with `.startTimer(token, ...)` ran out.
    case debounceElapsed(TimerID)
    /// The answer to `.search(id: ...)`.
    case searchAnswered(RequestID, Result<SearchPage, BrowserFailure>)
    /// The answer to `.loadAsset(id: ...)`.
    case assetAnswered(RequestID, Result<Asset, BrowserFailure>)
    /// Move the selection by this many rows (negative is up); in the detail view, scroll its text.
    case moveSelection(Int)
    /// Move the selection and the view down by one screen; in the detail view, scroll a screen.
    case pageDown
    /// Move the selection and the view up by one screen; in the detail view, scroll a screen.
    case pageUp
    /// Select the first result; in the detail view, scroll to the top.
    case home
    /// Select the last loaded result; in the detail view, scroll to the bottom.
    case end
    /// The result list's visible size changed: `rows` result rows fit, `columns` wide.
    case viewportChanged(rows: Int, columns: Int)
    /// Space on a facet value (raw values as in `FacetCounts`; see `SearchFilters.toggle(_:value:)`).
    case toggleFacet(FacetGroup, value: String)
    /// Move the filter pane's cursor by this many rows (clamped).
    case moveFilterCursor(Int)
    /// Space in the filter pane: toggle the row under the cursor (a facet value or safe search).
    case toggleFilterAtCursor
    /// Safe search on or off.
    case toggleSafeSearch
    /// Synonym expansion on or off (exact search).
    case toggleSynonyms
    /// A choice in the sort picker; closes the picker.
    case chooseSort(SortField, SortDirection)
    /// Move the sort picker's cursor by this many lines (clamped).
    case moveSortCursor(Int)
    /// Enter in the sort picker: choose the line under the cursor.
    case chooseSortAtCursor
    /// The detail view was drawn: its text scrolls at most `maxScroll` lines (the screen reports
    /// it, since only the layout knows how the text wraps).
    case detailMeasured(maxScroll: Int)
    /// Enter on a result: open its detail view.
    case openDetail
    /// Esc (or `q` in a view): close the top overlay, the detail view, or leave the search bar.
    case back
    /// Focus one pane (`/` focuses the search bar).
    case focus(Focus)
    /// Tab: the next pane.
    case cycleFocus
    /// `?`: help overlay on or off.
    case toggleHelp
    /// `s`: sort picker on or off.
    case toggleSortPicker
    /// `p`: the provider picker on or off.
    case toggleProviderPicker
    /// Move the provider picker's cursor by this many lines (clamped).
    case moveProviderCursor(Int)
    /// Enter in the provider picker: switch to the provider under the cursor.
    case chooseProviderAtCursor
    /// The answer to `.switchProvider(name:)`: the new provider's description, or why not.
    case providerSwitched(String, Result<ProviderInfo, BrowserFailure>)
    /// The answer to `.loadCategories`.
    case categoriesAnswered(Result<[StockCore.Category], BrowserFailure>)
    /// Ask again for what failed last (a search page, or the open detail's asset).
    case retry
    /// `q` on the main screen.
    case quitRequested
    /// Licensing, downloads and the purchase history.
    case purchase(PurchaseAction)
    /// `p`: the preview pane beside the results on or off.
    case togglePreview
    /// The answer to `.loadPicture`: the decoded picture's size, or why there is none.
    case pictureAnswered(RequestID, Result<PictureSize, BrowserFailure>)
}
