import Foundation
import StockCatalog
import StockCore

/// What `stockterm` with no subcommand prints when it is not on a terminal (a pipe, a script):
/// the provider it would browse, its curated picks, and the commands to go further.
struct Overview {
    let global: GlobalOptions

    func print() async throws {
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        let request = SearchRequest(sort: .curated, pageSize: min(10, choice.provider.info.maxPageSize))
        let page: SearchPage
        do { page = try await choice.provider.search(request) } catch let error as StockError {
            throw Terminal.fail(.failure(error.message))
        }
        if let catalog = choice.catalog {
            Swift.print("stockterm \(StocktermVersion.current): \(Format.count(catalog.assetCount)) assets in \(SafeText.sanitize(catalog.source.lastPathComponent))\n")
        } else {
            let about = page.totalIsExact ? Format.count(page.total) : "about " + Format.count(page.total)
            Swift.print("stockterm \(StocktermVersion.current): \(SafeText.sanitize(choice.displayName)), \(about) assets\n")
        }
        Swift.print("Curated picks:")
        Swift.print(ResultTable(page: page, width: Terminal.width()).render())
        Swift.print("""
            Try:
              stockterm search baikal --type video --4k
              stockterm search 'город OR қала' --orientation vertical
              stockterm show \(page.items.first?.id.description ?? "ID")
              stockterm providers
              stockterm --help
            """)
    }
}
