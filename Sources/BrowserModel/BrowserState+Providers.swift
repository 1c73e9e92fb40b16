import StockCore

/// One line of the provider picker: a configured source of assets.
public struct ProviderEntry: Hashable, Sendable {
    /// The name in config.toml (`demo` for the embedded catalog): what `.switchProvider` carries.
    public var name: String
    /// What the picker shows beside the name: "StockFlow", "demo catalog".
    public var displayName: String
    /// Why it cannot be used now (a missing key), or nil when it is ready.
    public var problem: String?
    /// A sandbox: a local emulator of the service with a test account, started when chosen.
    public var isSandbox: Bool

    /// An entry.
    public init(name: String, displayName: String, problem: String? = nil, isSandbox: Bool = false) {
        self.name = name; self.displayName = displayName; self.problem = problem; self.isSandbox = isSandbox
    }
}

/// The provider picker (`p`) and switching providers; the category list.
extension BrowserState {
    /// `p`: the picker on or off, its cursor on the active provider.
    mutating func toggleProviderPicker() -> [BrowserEffect] {
        showsProviderPicker.toggle()
        if showsProviderPicker {
            providerCursor = providers.firstIndex { $0.name == activeProvider } ?? 0
        }
        return []
    }

    /// The provider part of the status line: the active provider's name, and while a switch is
    /// under way where it goes: "demo catalog → starting Adobe Stock — sandbox (no real
    /// account)…" for a sandbox (its emulator starts first), "demo catalog → StockFlow" otherwise.
    public var providerStatus: String {
        guard let target = switchingTo else { return providerName }
        guard let entry = providers.first(where: { $0.name == target }) else { return "\(providerName) → \(target)" }
        return "\(providerName) → " + (entry.isSandbox ? "starting \(entry.displayName)…" : entry.displayName)
    }

    /// Moves the picker's cursor, clamped.
    mutating func moveProviderCursor(by delta: Int) {
        providerCursor = min(max(providerCursor + delta, 0), max(0, providers.count - 1))
    }

    /// Enter in the picker: switch to the provider under the cursor. Choosing the active one, or
    /// one that has a problem, closes the picker (the problem shows in the status line).
    mutating func chooseProviderAtCursor() -> [BrowserEffect] {
        guard showsProviderPicker, !providers.isEmpty else { return [] }
        showsProviderPicker = false
        let entry = providers[min(max(providerCursor, 0), providers.count - 1)]
        guard entry.name != activeProvider else { return [] }
        if let problem = entry.problem {
            errorMessage = "\(entry.name): \(problem)"
            return []
        }
        switchingTo = entry.name
        errorMessage = nil
        return [.switchProvider(name: entry.name)]
    }

    /// The runtime has (or has not) built the provider: on success everything that belonged to
    /// the old one goes (results, cache, filters it may not have, the detail view) and the query
    /// is searched again at the new one.
    mutating func providerSwitched(_ name: String, _ result: Result<ProviderInfo, BrowserFailure>) -> [BrowserEffect] {
        guard name == switchingTo else { return [] }
        switchingTo = nil
        switch result {
        case .failure(let failure):
            errorMessage = "cannot use \(name): \(failure.message)"
            return []
        case .success(let info):
            var effects: [BrowserEffect] = []
            if let running = inFlight { effects.append(.cancel(running.id)) }
            if let shown = detail, let id = shown.requestID { effects.append(.cancel(id)) }
            if let timer = debounceTimer { effects.append(.cancelTimer(timer)) }
            activeProvider = name
            providerName = info.displayName
            facetGroups = info.facetGroups
            kinds = info.kinds
            providerCountsFacets = info.countsFacets
            pageSize = min(Self.defaultPageSize, info.maxPageSize)
            knownCategories = []
            filters = SearchFilters()
            cache = ResultCache(capacity: cache.capacity)
            results = ResultSet()
            activeKey = nil; inFlight = nil; failedPage = nil; debounceTimer = nil
            selection = nil; scrollOffset = 0; filterCursor = 0
            detail = nil; errorMessage = nil
            if focus == .filters { focus = .results }
            return effects + searchNow() + loadCategoriesIfShown()
        }
    }

    /// Asks for the provider's categories when the filter pane shows them and the pages will not
    /// count them.
    func loadCategoriesIfShown() -> [BrowserEffect] {
        facetGroups.contains(.category) && !providerCountsFacets ? [.loadCategories] : []
    }

    /// The provider's categories arrived (their slugs become rows of the category group).
    mutating func categoriesAnswered(_ result: Result<[StockCore.Category], BrowserFailure>) {
        switch result {
        case .success(let categories): knownCategories = categories.map(\.slug)
        case .failure(let failure): errorMessage = "categories: \(failure.message)"
        }
    }
}
