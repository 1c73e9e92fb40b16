/// The terminal browser's state and its pure reducer (issue 3, part 1).
///
/// `BrowserState` holds everything the screen shows; `BrowserAction` names what happened;
/// `BrowserState.reduce(_:)` changes the state and returns `BrowserEffect`s, plain data that
/// BrowserRuntime carries out (searches, cancellations, timers, asset loads) and answers with
/// more actions. Nothing here does I/O, reads a clock or starts a task.
///
/// ```swift
/// var state = BrowserState(provider: provider.info)
/// var effects = BrowserModel.reduce(into: &state, .started)
/// // effects == [.search(id: 1, request: SearchRequest(page: 1, pageSize: 60))]
/// ```
///
/// Decisions worth knowing (each is pinned by a test in `Tests/BrowserModelTests`):
/// - Debounce: every text change starts a fresh timer token (`.startTimer(token, milliseconds:
///   150)`) and cancels the previous one; only the current token's `.debounceElapsed` searches.
///   Facet toggles, safe search, synonyms, the sort and Enter search at once and drop the timer.
/// - Searches are keyed by `SearchKey`, which holds the *parsed* query, so changes that parse to
///   the same tree (extra spaces) send nothing. A query that does not parse sends nothing and
///   sets `queryError` and `errorMessage` (message and 1-based character).
/// - A new key cancels the running request, clears the list (or shows the cached `ResultSet` at
///   once) and asks for page 1. An answer whose id is not the running request is dropped.
/// - The pager runs at most one page request at a time. After each page and each move it asks
///   for the next when the selection is within one screen of the end of the loaded items, or
///   when the page after the selection's page is not loaded (one page ahead) once the person
///   reads on (the selection left the first row, or a page is shorter than two screens). It
///   stops at the total, at an empty page, and after a failure until `.retry`.
/// - Facet values are `FacetCounts` raw values; premium/free mapping: `SearchFilters.toggle(_:value:)`.
public enum BrowserModel {}
