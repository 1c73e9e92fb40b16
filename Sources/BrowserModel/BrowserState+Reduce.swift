import StockCore

extension BrowserState {
    /// Applies one action: changes the state and returns the effects to run, as data.
    ///
    /// ```swift
    /// var state = BrowserState(providerName: "demo catalog")
    /// state.reduce(.started)                       // [.search(id: 1, request: ...)]
    /// state.reduce(.queryEdit(.insert("lake")))    // [.startTimer(1, milliseconds: 150)]
    /// state.reduce(.debounceElapsed(1))            // [.cancel(1)?, .search(id: 2, ...)]
    /// ```
    public mutating func reduce(_ action: BrowserAction) -> [BrowserEffect] {
        switch action {
        case .started, .submitQuery:
            return searchNow()
        case .queryEdit(let edit):
            return editQuery(edit)
        case .debounceElapsed(let token):
            guard token == debounceTimer else { return [] }
            debounceTimer = nil
            return searchCurrentQuery()
        case .searchAnswered(let id, let result):
            return receivePage(id, result)
        case .assetAnswered(let id, let result):
            receiveAsset(id, result)
            return []
        case .moveSelection(let delta):
            moveSelection(by: delta)
            return requestPagesIfNeeded()
        case .pageDown:
            moveSelection(by: viewport.rows, scrolling: true)
            return requestPagesIfNeeded()
        case .pageUp:
            moveSelection(by: -viewport.rows, scrolling: true)
            return []
        case .home:
            moveSelection(by: -(selection ?? 0))
            return []
        case .end:
            moveSelection(by: results.items.count - 1 - (selection ?? 0))
            return requestPagesIfNeeded()
        case .viewportChanged(let rows, let columns):
            viewport = Viewport(rows: rows, columns: columns)
            keepSelectionVisible()
            return requestPagesIfNeeded()
        case .toggleFacet(let group, let value):
            guard filters.toggle(group, value: value) else { return [] }
            return searchNow()
        case .moveFilterCursor(let delta):
            moveFilterCursor(by: delta)
            return []
        case .toggleFilterAtCursor:
            return toggleFilterAtCursor()
        case .toggleSafeSearch:
            filters.safeSearch.toggle()
            return searchNow()
        case .toggleSynonyms:
            expandSynonyms.toggle()
            return searchNow()
        case .chooseSort(let field, let direction):
            showsSortPicker = false
            guard field != sort || direction != order else { return [] }
            sort = field; order = direction
            return searchNow()
        case .openDetail:
            return openDetail()
        case .back:
            return back()
        case .focus(let pane):
            focus = pane
            return []
        case .cycleFocus:
            focus = focus.next
            return []
        case .toggleHelp:
            showsHelp.toggle()
            return []
        case .toggleSortPicker:
            showsSortPicker.toggle()
            return []
        case .retry:
            return retry()
        case .quitRequested:
            return [.quit]
        }
    }
}

extension BrowserModel {
    /// The reducer as a function: `reduce(into: &state, action)` is `state.reduce(action)`.
    public static func reduce(into state: inout BrowserState, _ action: BrowserAction) -> [BrowserEffect] {
        state.reduce(action)
    }
}
