import StockCatalog
import StockCore

/// Reads a window of a search's results at any offset, through the catalog's pages.
///
/// Services page differently (Adobe by offset and limit, the others by page and size); the
/// catalog pages by page and size. A window that is not page-aligned is read as two pages of
/// its own size, so nothing before the window is decoded.
enum CatalogWindow {
    struct Result {
        var items: [Asset]
        var total: Int
    }

    static func read(_ catalog: LocalCatalog, _ base: SearchRequest, offset: Int, count: Int) throws -> Result {
        guard count > 0 else {
            var probe = base
            probe.page = 1
            probe.pageSize = 1
            return Result(items: [], total: try catalog.search(probe).total)
        }
        var request = base
        request.pageSize = count
        request.page = offset / count + 1
        let first = try catalog.search(request)
        let skip = offset % count
        var items = Array(first.items.dropFirst(skip))
        if skip > 0, items.count == count - skip, first.total > offset + items.count {
            request.page += 1
            items += try catalog.search(request).items.prefix(skip)
        }
        return Result(items: items, total: first.total)
    }

    /// Every result of a search, in chunks (for small result sets: categories, panoramas).
    static func all(_ catalog: LocalCatalog, _ base: SearchRequest, chunk: Int = 500) throws -> [Asset] {
        var request = base
        request.pageSize = chunk
        request.page = 1
        var items: [Asset] = []
        while true {
            let page = try catalog.search(request)
            items += page.items
            if page.items.count < chunk || items.count >= page.total { return items }
            request.page += 1
        }
    }

    /// A window of the results that pass `keep`, with the number of results `keep` drops in the
    /// whole set given as `dropped` (so the total stays exact). Walks from the first result.
    static func read(_ catalog: LocalCatalog, _ base: SearchRequest, offset: Int, count: Int,
                     keep: (Asset) -> Bool, dropped: Int) throws -> Result {
        var request = base
        request.pageSize = 500
        request.page = 1
        var kept: [Asset] = []
        var total = 0
        while kept.count < offset + count {
            let page = try catalog.search(request)
            total = page.total
            kept += page.items.filter(keep)
            if page.items.count < request.pageSize { break }
            request.page += 1
        }
        if total == 0 { total = try read(catalog, base, offset: 0, count: 0).total }
        return Result(items: Array(kept.dropFirst(offset).prefix(count)), total: max(0, total - dropped))
    }
}
