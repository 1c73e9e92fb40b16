import ArgumentParser
import Foundation
import StockCore

/// `stockterm show ID`: every field of one asset, its products and their prices.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print every field of one asset, with its products and prices.",
        discussion: "Example: stockterm show 10042 --json"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The asset's id.")
    var id: String

    @Flag(name: .long, help: "Print the asset as one JSON object (docs/json-output.md).")
    var json = false

    func validate() throws {
        guard AssetID(id) != nil else { throw ValidationError("asset id must be a positive whole number, got \"\(SafeText.sanitize(id))\"") }
    }

    func run() async throws {
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        let asset: Asset
        do {
            asset = try await choice.provider.asset(id: AssetID(id)!)
        } catch {
            throw Terminal.fail(.failure(Terminal.describe(error)))
        }
        if json {
            try JSONOutput.write(AssetJSON(asset))
        } else {
            print(AssetDetailText(asset: asset, width: Terminal.width(fallback: 100)).render(), terminator: "")
        }
    }
}
