import ArgumentParser
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Browse this JSON Lines catalog instead of the demo catalog.", valueName: "file.jsonl"),
            completion: .file(extensions: ["jsonl", "json"]))
    var catalog: String?

    @Flag(name: .long, help: "Do not show progress while the search index is built.")
    var quiet = false

    /// The catalog file to open: `--catalog`, else the demo catalog shipped with the program.
    var catalogURL: URL {
        catalog.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) } ?? DemoCatalog.url
    }
}
