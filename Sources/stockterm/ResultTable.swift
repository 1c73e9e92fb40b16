import StockCore

/// A page of results as a table that fits the terminal's width: id, title, type, size or
/// duration, resolution, premium or free badge, and the lowest price. Titles are sanitised and
/// cut at the right column by display width, so Cyrillic, Kazakh, CJK and emoji line up.
struct ResultTable {
    let page: SearchPage
    let width: Int

    /// Cells of one row, before fitting.
    struct Row {
        var id: String, title: String, kind: String, size: String, res: String, tier: String, price: String
    }

    static func row(_ a: Asset) -> Row {
        Row(id: a.id.description, title: SafeText.sanitize(a.title), kind: AssetListText.kind(a.kind),
            size: AssetListText.size(of: a), res: AssetListText.resolution(of: a), tier: AssetListText.tier(of: a),
            price: a.lowestPrice?.formatted ?? "")
    }

    func render() -> String {
        guard !page.items.isEmpty else {
            return page.total == 0 ? "No results.\n" : "No results on page \(page.page) (\(Format.count(page.total)) in all).\n"
        }
        let rows = page.items.map(Self.row)
        func widest(_ header: String, _ key: KeyPath<Row, String>) -> Int {
            max(DisplayWidth.of(header), rows.map { DisplayWidth.of($0[keyPath: key]) }.max() ?? 0)
        }
        // Columns from the most to the least essential; the title takes what is left.
        var columns: [(header: String, key: KeyPath<Row, String>, width: Int, right: Bool)] = [
            ("ID", \.id, widest("ID", \.id), true),
            ("TYPE", \.kind, widest("TYPE", \.kind), false),
            ("SIZE", \.size, widest("SIZE", \.size), true),
            ("RES", \.res, widest("RES", \.res), false),
            ("TIER", \.tier, widest("TIER", \.tier), false),
            ("PRICE", \.price, widest("PRICE", \.price), true),
        ]
        let minTitle = 12
        // Drop columns, least essential first, until the title gets a fair share.
        for drop in ["TIER", "RES", "SIZE", "TYPE", "PRICE"] {
            let used = columns.reduce(0) { $0 + $1.width + 2 }
            if width - used >= minTitle { break }
            columns.removeAll { $0.header == drop }
        }
        let used = columns.reduce(0) { $0 + $1.width + 2 }
        let titleWidth = max(4, min(width - used, rows.map { DisplayWidth.of($0.title) }.max() ?? 0, 200))

        func line(_ cells: (String) -> String) -> String {
            var parts: [String] = []
            for (i, col) in columns.enumerated() {
                let text = cells(col.header)
                let padded = col.right ? String(repeating: " ", count: max(0, col.width - DisplayWidth.of(text))) + text
                                       : DisplayWidth.pad(text, toWidth: col.width)
                parts.append(padded)
                if i == 0 { parts.append(DisplayWidth.pad(cells("TITLE"), toWidth: titleWidth)) }
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line { $0 } + "\n"
        for r in rows {
            out += line { header in
                switch header {
                case "ID": r.id
                case "TITLE": r.title
                case "TYPE": r.kind
                case "SIZE": r.size
                case "RES": r.res
                case "TIER": r.tier
                default: r.price
                }
            } + "\n"
        }
        let pages = (page.total + page.pageSize - 1) / page.pageSize
        out += "\(Format.count(page.firstIndex))–\(Format.count(page.lastIndex)) of \(Format.count(page.total))"
            + " · page \(Format.count(page.page)) of \(Format.count(pages))\n"
        return out
    }
}
