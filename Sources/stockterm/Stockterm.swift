import ArgumentParser
import Foundation
import StockCore

/// The `stockterm` command: a terminal browser for stock photos and video, and its scriptable
/// subcommands. Exit codes: 0 success, 1 failure (not found, unreadable catalog, bad lines on
/// import), 2 bad input (an invalid query, flag or value).
@main
struct Stockterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stockterm",
        abstract: "Browse, search and license stock photos and video from the terminal.",
        discussion: """
            With no subcommand on a terminal, stockterm opens the browser on the default provider \
            of config.toml, else the demo catalog (or --provider NAME, --catalog FILE); press ? in \
            it for the keys, p to switch providers. STOCKTERM_LOG=FILE logs every request \
            (secrets masked).

            Examples:
              stockterm
              stockterm --catalog my-stock.jsonl --query 'lake type:video'
              stockterm search "baikal" --type video --4k
              stockterm search 'city -night orientation:vertical' --json
              stockterm show 10042
              stockterm license 10042 --product 2
              stockterm purchases
              stockterm download --all
              stockterm account
              stockterm catalog info
              stockterm providers --check
              stockterm --provider stockflow search drone
            """,
        version: StocktermVersion.current,
        subcommands: [BrowseCommand.self, SearchCommand.self, ShowCommand.self, LicenseCommand.self, PurchasesCommand.self,
                      DownloadCommand.self, AccountCommand.self, CatalogCommand.self, ProvidersCommand.self, SandboxCommand.self]
    )

    // The browser's options live here as well as on `browse`, so that `stockterm --catalog FILE`
    // opens the browser and `stockterm --catalog FILE search ...` still reaches `search`
    // (a default subcommand would swallow the second form).
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Open the browser with this query (the language of `stockterm search`).", valueName: "text"))
    var query: String = ""

    @Flag(name: .customLong("no-images"), help: "Show no thumbnails (also `images = false` in config.toml).")
    var noImages = false

    /// The browser on a terminal; an overview of the catalog when piped.
    func run() async throws {
        try await BrowseCommand.open(global: global, query: query, exact: false, noImages: noImages)
    }

    /// Runs the command line; bad input exits 2 (not ArgumentParser's 64) so that every
    /// usage mistake, in a flag or in a query, is reported the same way. ArgumentParser's own
    /// messages quote the command line ("Unknown option '--x'"), so they are sanitised too.
    static func main() async {
        LogSetup.bootstrap()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // --help, --version, completion scripts: stockterm's own text, exactly as ArgumentParser prints it.
            if code == .success { exit(withError: error) }
            let message = Terminal.sanitizeLines(fullMessage(for: error))
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

