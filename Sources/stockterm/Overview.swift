import Foundation
import StockCatalog
import StockCore

/// What `stockterm` with no subcommand prints until the terminal browser lands: the catalog it
/// would browse, its newest curated picks, and the commands to go further.
struct Overview {
    let global: GlobalOptions

    func print() throws {
        let catalog: LocalCatalog
        do { catalog = try CatalogLoader.open(global).0 } catch let error as CLIError { throw Terminal.fail(error) }
        let page = try catalog.search(SearchRequest(sort: .curated, pageSize: 10))
        Swift.print("stockterm \(StocktermVersion.current): \(Format.count(catalog.assetCount)) assets in \(SafeText.sanitize(catalog.source.lastPathComponent))\n")
        Swift.print("Curated picks:")
        Swift.print(ResultTable(page: page, width: Terminal.width()).render())
        Swift.print("""
            Try:
              stockterm search baikal --type video --4k
              stockterm search 'город OR қала' --orientation vertical
              stockterm show \(page.items.first?.id.description ?? "ID")
              stockterm catalog info
              stockterm --help
            """)
    }
}
