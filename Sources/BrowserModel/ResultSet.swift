import StockCore

/// The pages of one search loaded so far, merged into one list without repeated ids, with the
/// total and facet counts of the latest page.
public struct ResultSet: Hashable, Sendable {
    /// The loaded assets in order; an id appears once (its first occurrence is kept).
    public var items: [Asset]
    /// The ids in `items`, to drop repeats when a later page overlaps an earlier one.
    public var ids: Set<AssetID>
    /// How many results the whole search has (an estimate for services).
    public var total: Int
    /// True when `total` is exact.
    public var totalIsExact: Bool
    /// Facet counts from the latest page.
    public var facets: FacetCounts
    /// Pages 1 ... loadedPages have arrived.
    public var loadedPages: Int
    /// The provider said there is nothing after the last loaded page (or sent an empty page).
    public var reachedEnd: Bool
    /// Records of the loaded pages that the service sent but stockterm could not read (left
    /// out of `items`; the status line says how many).
    public var skipped: Int
    /// Pages in a row, up to the last, whose every record was unreadable.
    public var unreadablePagesInARow: Int
    /// After this many pages in a row with nothing readable the pager stops: a service that
    /// answers only in a shape stockterm cannot read is not asked page after page (it had asked
    /// for 20 pages of Adobe's scrubbed recording before a first row could be shown).
    public static let unreadablePageLimit = 3

    /// Nothing loaded yet.
    public init() {
        items = []; ids = []; total = 0; totalIsExact = false; facets = FacetCounts(); loadedPages = 0
        reachedEnd = false; skipped = 0; unreadablePagesInARow = 0
    }

    /// The pages given, appended in order (for tests and the cache).
    public init(pages: [SearchPage]) {
        self.init()
        for page in pages { append(page) }
    }

    /// The next page to ask for.
    public var nextPage: Int { loadedPages + 1 }

    /// True when at least one page has arrived and more exist.
    public var hasMore: Bool { loadedPages > 0 && !reachedEnd }

    /// Adds a page: its new items at the end, its total and facets in place of the old ones.
    public mutating func append(_ page: SearchPage) {
        for item in page.items where ids.insert(item.id).inserted {
            items.append(item)
        }
        total = page.total
        totalIsExact = page.totalIsExact
        facets = page.facets
        loadedPages = max(loadedPages, page.page)
        skipped += page.skipped.count
        // A page whose every record was unreadable is not the end of the results, unless the
        // service has answered nothing readable for `unreadablePageLimit` pages in a row.
        unreadablePagesInARow = page.items.isEmpty && !page.skipped.isEmpty ? unreadablePagesInARow + 1 : 0
        reachedEnd = (page.items.isEmpty && page.skipped.isEmpty) || !page.hasNextPage
            || unreadablePagesInARow >= Self.unreadablePageLimit
    }
}
