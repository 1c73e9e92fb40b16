import StockCore

/// Searching and paging: the debounce, request ids, the cache, and the pager.
extension BrowserState {
    /// The search the current text, filters and sort stand for, or the parse error.
    public func currentKey() -> Result<SearchKey, QueryError> {
        do {
            let node = try QueryParser.parse(query.text)
            return .success(SearchKey(query: node, filters: filters, sort: sort, order: order,
                                      expandSynonyms: expandSynonyms))
        } catch {
            return .failure(error)
        }
    }

    /// An edit: a text change restarts the debounce (the old timer is cancelled and its token
    /// becomes stale); a cursor move does nothing else.
    mutating func editQuery(_ edit: QueryEdit) -> [BrowserEffect] {
        guard query.apply(edit) else { return [] }
        var effects: [BrowserEffect] = []
        if let old = debounceTimer { effects.append(.cancelTimer(old)) }
        let token = nextTimerID
        nextTimerID = TimerID(rawValue: token.rawValue + 1)
        debounceTimer = token
        effects.append(.startTimer(token, milliseconds: Self.debounceMilliseconds))
        return effects
    }

    /// Searches the current query now: drops a pending debounce, then `searchCurrentQuery()`.
    mutating func searchNow() -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let old = debounceTimer {
            effects.append(.cancelTimer(old))
            debounceTimer = nil
        }
        return effects + searchCurrentQuery()
    }

    /// Parses the query: a parse error is shown and sends nothing; otherwise shows `key`'s results.
    mutating func searchCurrentQuery() -> [BrowserEffect] {
        switch currentKey() {
        case .failure(let error):
            queryError = error
            errorMessage = error.description
            return []
        case .success(let key):
            if queryError != nil {
                queryError = nil
                errorMessage = nil
            }
            return show(key)
        }
    }

    /// Makes `key` the shown search: cancels what runs for the old one, then shows the cached
    /// results (asking only for pages still wanted) or asks for page 1.
    mutating func show(_ key: SearchKey) -> [BrowserEffect] {
        guard key != activeKey else { return [] }
        var effects: [BrowserEffect] = []
        if let running = inFlight {
            effects.append(.cancel(running.id))
            inFlight = nil
        }
        activeKey = key
        failedPage = nil
        errorMessage = nil
        scrollOffset = 0
        if let cached = cache.lookup(key) {
            results = cached
            selection = cached.items.isEmpty ? nil : 0
            return effects + requestPagesIfNeeded()
        }
        results = ResultSet()
        selection = nil
        return effects + requestPage(1, of: key)
    }

    /// A new id, and the effect asking for one page.
    mutating func requestPage(_ page: Int, of key: SearchKey) -> [BrowserEffect] {
        let id = nextRequestID
        nextRequestID = RequestID(rawValue: id.rawValue + 1)
        inFlight = PageRequest(id: id, key: key, page: page)
        return [.search(id: id, request: key.request(page: page, pageSize: pageSize))]
    }

    /// The pager: asks for the next page when more exist, nothing is running or failed, and
    /// either the selection is within one screen of the end of the loaded items, or the page
    /// after the selection's page is not loaded yet (one page prefetched ahead) and the person
    /// is reading on: the selection has left the first row, or a page is shorter than two
    /// screens (so that the first PageDown would already need the next one). A first page
    /// nobody scrolls costs no request ahead; a page a person does scroll is fetched at the
    /// first move, a screen before it is needed.
    mutating func requestPagesIfNeeded() -> [BrowserEffect] {
        guard let key = activeKey, inFlight == nil, failedPage == nil, results.hasMore else { return [] }
        let selected = selection ?? 0
        let nearEnd = selected + viewport.rows >= results.items.count
        let selectionPage = selected / pageSize + 1
        let readingOn = selected > 0 || pageSize < 2 * viewport.rows
        let prefetchMissing = readingOn && results.loadedPages < selectionPage + 1
        guard nearEnd || prefetchMissing else { return [] }
        return requestPage(results.nextPage, of: key)
    }

    /// A page arrived. Only the running request's answer lands; any other (superseded,
    /// cancelled, or for an older query) is dropped.
    mutating func receivePage(_ id: RequestID, _ result: Result<SearchPage, BrowserFailure>) -> [BrowserEffect] {
        guard let request = inFlight, request.id == id else { return [] }
        inFlight = nil
        switch result {
        case .success(let page):
            results.append(page)
            cache.store(results, for: request.key)
            if selection == nil, !results.items.isEmpty { selection = 0 }
            return requestPagesIfNeeded()
        case .failure(let failure):
            failedPage = request
            errorMessage = failure.message
            return []
        }
    }

    /// `.retry`: the open detail's asset if it failed, else the failed page of the shown search.
    mutating func retry() -> [BrowserEffect] {
        if var shown = detail, shown.errorMessage != nil, shown.requestID == nil {
            let id = nextRequestID
            nextRequestID = RequestID(rawValue: id.rawValue + 1)
            shown.errorMessage = nil
            shown.requestID = id
            detail = shown
            errorMessage = nil
            return [.loadAsset(id: id, asset: shown.assetID)]
        }
        guard let failed = failedPage, failed.key == activeKey, inFlight == nil else { return [] }
        failedPage = nil
        errorMessage = nil
        return requestPage(failed.page, of: failed.key)
    }
}
