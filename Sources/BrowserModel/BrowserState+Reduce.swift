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
        let effects = apply(action)
        return effects + syncPicture()
    }

    /// The action's own change; `reduce` then brings the wanted picture in line.
    private mutating func apply(_ action: BrowserAction) -> [BrowserEffect] {
        switch action {
        case .togglePreview:
            showsPreview.toggle()
            return []
        case .pictureAnswered(let id, let result):
            receivePicture(id, result)
            return []
        case .started:
            return searchNow() + loadCategoriesIfShown()
        case .submitQuery:
            let effects = searchNow()
            if queryError == nil, focus == .searchBar { focus = .results }
            return effects
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
            if detail != nil { scrollDetail(by: delta); return [] }
            moveSelection(by: delta)
            return requestPagesIfNeeded()
        case .pageDown:
            if detail != nil { scrollDetail(by: viewport.rows); return [] }
            moveSelection(by: viewport.rows, scrolling: true)
            return requestPagesIfNeeded()
        case .pageUp:
            if detail != nil { scrollDetail(by: -viewport.rows); return [] }
            moveSelection(by: -viewport.rows, scrolling: true)
            return []
        case .home:
            if detail != nil { scrollDetail(by: Int.min / 2); return [] }
            moveSelection(by: -(selection ?? 0))
            return []
        case .end:
            if detail != nil { scrollDetail(by: Int.max / 2); return [] }
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
        case .moveSortCursor(let delta):
            sortCursor = min(max(sortCursor + delta, 0), SortChoice.all.count - 1)
            return []
        case .chooseSortAtCursor:
            guard showsSortPicker else { return [] }
            let choice = SortChoice.all[min(max(sortCursor, 0), SortChoice.all.count - 1)]
            return reduce(.chooseSort(choice.field, choice.direction))
        case .detailMeasured(let maxScroll):
            guard var shown = detail else { return [] }
            shown.maxScroll = max(0, maxScroll)
            shown.scrollOffset = min(shown.scrollOffset, shown.maxScroll)
            detail = shown
            return []
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
            if showsSortPicker { sortCursor = SortChoice.index(of: sort, order) ?? 0 }
            return []
        case .toggleProviderPicker:
            return toggleProviderPicker()
        case .moveProviderCursor(let delta):
            moveProviderCursor(by: delta)
            return []
        case .chooseProviderAtCursor:
            return chooseProviderAtCursor()
        case .providerSwitched(let name, let result):
            return providerSwitched(name, result)
        case .categoriesAnswered(let result):
            categoriesAnswered(result)
            return []
        case .retry:
            return retry()
        case .quitRequested:
            return [.quit]
        case .purchase(let action):
            return reducePurchase(action)
        }
    }
}

extension BrowserModel {
    /// The reducer as a function: `reduce(into: &state, action)` is `state.reduce(action)`.
    public static func reduce(into state: inout BrowserState, _ action: BrowserAction) -> [BrowserEffect] {
        state.reduce(action)
    }
}
