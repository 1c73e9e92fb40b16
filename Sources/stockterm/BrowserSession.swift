import BrowserModel
import BrowserRuntime
import Foundation
import Logging
import StockCatalog
import StockCore
import StockConfig
import StockLedger
import StockSandbox
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
        // The picker offers every configured provider (none with an ad-hoc --catalog FILE) and the sandboxes.
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
        // The sandboxes serve the catalog being browsed (the demo catalog unless --catalog) and
        // say nothing on standard error: the status line tells.
        SandboxFleet.shared.serve(global.catalogURL, open: choice.catalog)
        SandboxFleet.shared.setQuiet(true)
        var state = BrowserState(provider: choice.provider.info, query: query, expandSynonyms: !exact)
        state.providers = Self.pickerEntries(config: config, current: choice)
        state.activeProvider = choice.name
        state.picturesEnabled = picturesEnabled

        let inbox = try ActionInbox()
        // Runs in the runtime's task, off the screen thread: a catalog may build its index first,
        // a sandbox starts its emulator. The provider started with is kept, not built again.
        let initial = choice
        let makeProvider: BrowserRuntime.ProviderFactory = { @Sendable name in
            name == initial.name ? initial.provider : try await ProviderFactory.makeForSwitch(name, config: config)
        }
        // Licensing goes through the ledger; without one (an unwritable data directory) the
        // browser still browses, and `l` says why it cannot license. A sandbox's purchases go
        // to the sandbox ledger, never this one.
        let ledger: Ledger?
        do { ledger = try LicensingSetup.ledger() } catch {
            ledger = nil
            Logger(label: "stockterm").warning("no purchase ledger: \(Terminal.describe(error))")
        }
        let makeDesk: BrowserRuntime.DeskFactory = { name, provider in
            if provider is SandboxProvider {
                do { return LedgerDesk.make(providerName: name, provider: provider, ledger: try SandboxFleet.shared.ledger()) } catch {
                    Logger(label: "stockterm").warning("no sandbox ledger: \(Terminal.describe(error))")
                    return nil
                }
            }
            return ledger.flatMap { LedgerDesk.make(providerName: name, provider: provider, ledger: $0) }
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
        // q, ctrl-c, SIGHUP and SIGTERM all end the loop: the emulators started stop here.
        SandboxFleet.shared.stopAllWaiting()
        // Killed by a signal: exit as a shell expects (128 + the signal), now that the terminal is back.
        if let signal = loop.quitSignal { Foundation.exit(128 + signal) }
    }
}

extension BrowserSession {
    /// What `p` offers: the provider browsed now (an ad-hoc `--catalog` file, or everything when
    /// config.toml cannot be read), every provider of config.toml with its problem if any, then
    /// the three sandboxes.
    static func pickerEntries(config: StocktermConfig?, current: ProviderChoice) -> [ProviderEntry] {
        var entries: [ProviderEntry] = []
        if let config {
            entries = ProviderFactory.summaries(config: config).map { summary in
                let display = config.entries.first { $0.name == summary.name }?.config.map(ProviderFactory.displayName) ?? summary.kind
                return ProviderEntry(name: summary.name, displayName: display,
                                     problem: summary.isReady ? nil : (summary.message ?? summary.status))
            }
        }
        if current.sandbox == nil, !entries.contains(where: { $0.name == current.name }) {
            entries.insert(ProviderEntry(name: current.name, displayName: current.displayName), at: 0)
        }
        return entries + SandboxAPI.allCases.map { api in
            ProviderEntry(name: SandboxProvider.name(api), displayName: SandboxProvider.label(api), isSandbox: true)
        }
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
