import ArgumentParser
import Foundation
import StockSandbox

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Browse this JSON Lines catalog instead of the demo catalog.", valueName: "file.jsonl"),
            completion: .file(extensions: ["jsonl", "json"]))
    var catalog: String?

    @Option(name: .long, help: ArgumentHelp(
        "Use this provider from config.toml (see `stockterm providers`); `demo` is the demo catalog.", valueName: "name"))
    var provider: String?

    @Option(name: .long, help: ArgumentHelp(
        "Use a sandbox: a local emulator of stocksy, adobe or stockflow over the demo catalog, started for this run with a test account (no real account, no real money).",
        valueName: "service"))
    var sandbox: SandboxAPI?

    @Flag(name: .long, help: "Do not show progress while the search index is built.")
    var quiet = false

    static let catalogWithProvider =
        "--catalog and --provider both choose what to browse; give one (a catalog file can also be a provider in config.toml)"

    static let sandboxWithProvider =
        "--sandbox and --provider both choose what to browse; give one (--provider sandbox:adobe is --sandbox adobe)"

    func validate() throws {
        if catalog != nil, provider != nil { throw ValidationError(Self.catalogWithProvider) }
        if sandbox != nil, provider != nil { throw ValidationError(Self.sandboxWithProvider) }
    }

    /// The catalog file to open: `--catalog`, else the demo catalog shipped with the program.
    var catalogURL: URL {
        catalog.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) } ?? DemoCatalog.url
    }
}
