import ArgumentParser
import Foundation

/// `stockterm browse`, also what `stockterm` alone runs: the full-screen browser on a terminal;
/// when standard input or output is not a terminal (a pipe, a script), an overview instead.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the catalog full screen (what `stockterm` alone does).",
        discussion: """
            Keys: / search, Tab next pane, space toggles a filter, Enter opens an asset, s sorts,
            i shows the selected result's picture beside the list, p switches provider (the demo
            catalog, a configured service, or a sandbox of Stocksy, Adobe Stock or StockFlow that
            needs no account), ? lists every key, q quits. `stockterm --sandbox adobe` starts on
            Adobe Stock's sandbox. Without a terminal, prints an overview of the catalog.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Start with this query (the language of `stockterm search`).", valueName: "text"))
    var query: String = ""

    @Flag(name: .long, help: "Search the exact words, without synonyms (the e key switches).")
    var exact = false

    @Flag(name: .customLong("no-images"), help: "Show no thumbnails (also `images = false` in config.toml).")
    var noImages = false

    func run() async throws {
        try await Self.open(global: global, query: query, exact: exact, noImages: noImages)
    }

    /// The browser when standard input and output are terminals, else the overview.
    static func open(global: GlobalOptions, query: String, exact: Bool, noImages: Bool = false) async throws {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            // The screen loop blocks in poll() for the whole session: give it a thread of its own
            // rather than one of Swift concurrency's few (two on a two-core machine), which the
            // runtime's searches and timers need.
            let session = BrowserSession(global: global, query: query, exact: exact, noImages: noImages)
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let thread = Thread { continuation.resume(with: Result { try session.run() }) }
                thread.name = "stockterm screen"
                thread.stackSize = 8 << 20
                thread.start()
            }
        } else {
            try await Overview(global: global).print()
        }
    }
}
