import StockCore

/// The selection, the scroll offset, the detail view and going back.
extension BrowserState {
    /// Moves the selection by `delta`, clamped to the loaded items; with `scrolling` the view
    /// moves by the same amount (page up/down). The selection always stays visible.
    mutating func moveSelection(by delta: Int, scrolling: Bool = false) {
        guard !results.items.isEmpty else {
            selection = nil
            scrollOffset = 0
            return
        }
        selection = min(max((selection ?? 0) + delta, 0), results.items.count - 1)
        if scrolling { scrollOffset += delta }
        keepSelectionVisible()
    }

    /// Clamps the scroll offset to the list and moves it as little as needed to show the selection.
    mutating func keepSelectionVisible() {
        guard let selected = selection else {
            scrollOffset = 0
            return
        }
        let rows = viewport.rows
        scrollOffset = min(max(scrollOffset, 0), max(0, results.items.count - rows))
        if selected < scrollOffset { scrollOffset = selected }
        if selected >= scrollOffset + rows { scrollOffset = selected - rows + 1 }
    }

    /// Scrolls the detail text by `delta` lines, clamped to 0 ... `maxScroll`.
    mutating func scrollDetail(by delta: Int) {
        guard var shown = detail else { return }
        shown.scrollOffset = min(max(shown.scrollOffset + delta, 0), shown.maxScroll)
        detail = shown
    }

    /// Opens the selected asset: shows the list item at once and asks for the full asset.
    mutating func openDetail() -> [BrowserEffect] {
        guard detail == nil, let asset = selectedAsset else { return [] }
        let id = nextRequestID
        nextRequestID = RequestID(rawValue: id.rawValue + 1)
        detail = DetailState(asset: asset, requestID: id)
        return [.loadAsset(id: id, asset: asset.id), .loadLicenses(asset.id)]
    }

    /// The full asset arrived; an answer for another request or another asset is dropped.
    mutating func receiveAsset(_ id: RequestID, _ result: Result<Asset, BrowserFailure>) {
        guard var shown = detail, shown.requestID == id else { return }
        switch result {
        case .success(let asset):
            guard asset.id == shown.assetID else { return }
            shown.asset = asset
            shown.requestID = nil
        case .failure(let failure):
            shown.requestID = nil
            shown.errorMessage = failure.message
            errorMessage = failure.message
        }
        detail = shown
    }

    /// Esc: closes the help overlay, else the sort picker, else the provider picker, else the
    /// licensing flow (unless its request is on its way), else the purchase history, else the
    /// detail view (cancelling its request), else moves the keys from the search bar to the results.
    mutating func back() -> [BrowserEffect] {
        if showsHelp {
            showsHelp = false
            return []
        }
        if showsSortPicker {
            showsSortPicker = false
            return []
        }
        if showsProviderPicker {
            showsProviderPicker = false
            return []
        }
        if let flow = purchase {
            // A license request on its way cannot be recalled; the flow stays until it answers.
            if flow.isSending {
                purchase?.notice = "the license request is on its way and cannot be recalled"
                return []
            }
            purchase = nil
            return []
        }
        if history != nil {
            history = nil
            return []
        }
        if let shown = detail {
            detail = nil
            return shown.requestID.map { [.cancel($0)] } ?? []
        }
        if focus == .searchBar { focus = .results }
        return []
    }
}
