import BrowserModel
import BrowserRuntime
import Foundation
import Logging
import StockCatalog
import StockCore
import StockLedger
import TerminalUI

/// `stockterm` with no subcommand on a terminal: the full-screen browser over the catalog.
///
/// Wiring: the catalog's `LocalProvider` answers the `BrowserRuntime`, which posts answers to an
/// `ActionInbox`; the `BrowserLoop` on this (the main) thread owns ncurses through
/// `TerminalScreen`, and wakes on keys, signals and the inbox's pipe.
struct BrowserSession {
    let global: GlobalOptions
    let query: String
    let exact: Bool
    /// `--no-images`.
    var noImages = false

    func run() throws {
        Synonyms.loadInBackground()
        // The picker offers every configured provider (not with an ad-hoc --catalog FILE).
        let config = global.catalog == nil ? try? ProviderFactory.configuration() : nil
        // Thumbnails unless --no-images or config.toml's `images = false`.
        let picturesEnabled = !noImages && (config?.images ?? true)
        // Ask the terminal what it draws now: its answer travels while the catalog and the ledger
        // open, and the screen reads it when it starts (docs/pictures.md).
        let environment = ProcessInfo.processInfo.environment
        let probe = picturesEnabled && environment["STOCKTERM_GRAPHICS"] != GraphicsProtocol.halfBlocks.rawValue
            ? GraphicsProbe() : nil
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        var state = BrowserState(provider: choice.provider.info, query: query, expandSynonyms: !exact)
        if let config {
            state.providers = ProviderFactory.summaries(config: config).map { summary in
                let display = config.entries.first { $0.name == summary.name }?.config.map(ProviderFactory.displayName) ?? summary.kind
                return ProviderEntry(name: summary.name, displayName: display,
                                     problem: summary.isReady ? nil : (summary.message ?? summary.status))
            }
            state.activeProvider = choice.name
        }

        state.picturesEnabled = picturesEnabled

        let inbox = try ActionInbox()
        var makeProvider: BrowserRuntime.ProviderFactory?
        if let config {
            // Runs in the runtime's task, off the screen thread: a catalog may build its index first.
            makeProvider = { @Sendable name in try ProviderFactory.make(name, config: config).provider }
        }
        // Licensing goes through the ledger; without one (an unwritable data directory) the
        // browser still browses, and `l` says why it cannot license.
        let ledger: Ledger?
        do { ledger = try LicensingSetup.ledger() } catch {
            ledger = nil
            Logger(label: "stockterm").warning("no purchase ledger: \(Terminal.describe(error))")
        }
        let makeDesk: BrowserRuntime.DeskFactory = { name, provider in
            ledger.flatMap { LedgerDesk.make(providerName: name, provider: provider, ledger: $0) }
        }
        // The screen starts first: it asks the terminal whether it draws real pixels (kitty,
        // sixel), which decides how large the thumbnails fetched are.
        let screen: TerminalScreen
        var screenOptions = TerminalScreen.Options()
        screenOptions.pictures = state.picturesEnabled
        screenOptions.graphicsProbe = probe
        do { screen = try TerminalScreen(options: screenOptions) } catch let error as TerminalScreen.StartError {
            throw Terminal.fail(.failure(error.description))
        }
        let pictureSource = state.picturesEnabled ? ThumbnailSource.standard(sharp: screen.graphics != .halfBlocks) : nil
        let runtime = BrowserRuntime(provider: choice.provider, providerName: choice.name, makeProvider: makeProvider,
                                     makeDesk: makeDesk, pictureSource: pictureSource,
                                     deliver: { inbox.post($0) })
        LogSetup.screenIsUp()
        if state.picturesEnabled {
            let support = screen.graphicsSupport
            let cell = support.cellWidth.flatMap { w in support.cellHeight.map { "\(w)×\($0) px" } } ?? "unknown"
            Logger(label: "stockterm").info("pictures: \(screen.graphics.rawValue) (kitty \(support.kitty), sixel \(support.sixel), cell \(cell))")
        }
        defer { LogSetup.screenIsDown() }
        let frameLog = FrameLog(path: ProcessInfo.processInfo.environment["STOCKTERM_FRAME_LOG"])
        var loop = BrowserLoop(state: state, screen: screen, wakeUp: inbox.fileDescriptor,
                               drain: { inbox.drain() }, run: { runtime.run($0) },
                               pictures: PictureRenderer(store: runtime.pictures, cellAspectRatio: screen.cellAspectRatio),
                               onFrame: frameLog.map { log in { log.record($0) } })
        _ = loop.run()
        runtime.cancelAll()
        screen.stop()
        // Killed by a signal: exit as a shell expects (128 + the signal), now that the terminal is back.
        if let signal = loop.quitSignal { Foundation.exit(128 + signal) }
    }
}

/// Frame timings for the speed script: one line per frame, "microseconds keys answers".
final class FrameLog {
    private let handle: FileHandle

    init?(path: String?) {
        guard let path, FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
    }

    func record(_ frame: BrowserLoop.FrameTiming) {
        let elapsed = frame.paintedAt - frame.wokeAt
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let keys = frame.keys.map(\.label).joined(separator: ",")
        handle.write(Data("\(micros) \(keys.isEmpty ? "-" : keys) \(frame.answers)\n".utf8))
    }
}
