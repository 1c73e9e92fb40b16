import Foundation
import StockCatalog
import StockCore
import StockLedger
import StockSandbox
import Synchronization

/// The sandboxes of this process: at most one per service, each started on first use
/// (`SandboxProvider`), all stopped on exit; the catalog they serve; and the ledger their
/// purchases go to.
///
/// **The sandbox ledger** is a fresh file in a private temporary folder, made on first use and
/// removed when the program exits: never the real ledger (`$XDG_DATA_HOME/stockterm/ledger.sqlite`
/// or `$STOCKTERM_LEDGER`), so a sandbox's play-money purchases cannot be mistaken for real ones,
/// and it lives exactly as long as the emulators, which forget their accounts when they stop.
///
/// ```swift
/// let choice = SandboxFleet.shared.choice(.adobe)      // nothing runs yet
/// _ = try await choice.provider.search(request)         // the emulator starts, then answers
/// await SandboxFleet.shared.stopAll()                    // on exit
/// ```
final class SandboxFleet: Sendable {
    /// The process's sandboxes.
    static let shared = SandboxFleet()

    private struct State {
        var providers: [SandboxAPI: SandboxProvider] = [:]
        var catalogURL: URL = DemoCatalog.url
        var catalog: LocalCatalog?
        var ledger: Ledger?
        var quiet = false
    }

    private let state = Mutex(State())

    /// A fleet serving the demo catalog, saying on standard error when an emulator starts.
    init() {}

    /// Serve this catalog file (`--catalog`), already open when `catalog` is given. Only before
    /// the first sandbox starts.
    func serve(_ url: URL, open catalog: LocalCatalog? = nil) {
        state.withLock {
            $0.catalogURL = url
            $0.catalog = catalog?.source.standardizedFileURL == url.standardizedFileURL ? catalog : nil
        }
    }

    /// Say nothing on standard error when an emulator starts (the browser; `--quiet`).
    func setQuiet(_ quiet: Bool) { state.withLock { $0.quiet = quiet } }

    /// The sandbox of `api`, the same one every time.
    func provider(_ api: SandboxAPI) -> SandboxProvider {
        if let existing = state.withLock({ $0.providers[api] }) { return existing }
        let made = SandboxProvider(api: api, fleet: self)
        return state.withLock { state in
            if let existing = state.providers[api] { return existing }
            state.providers[api] = made
            return made
        }
    }

    /// The sandbox of `api` as a command's provider: name `sandbox:adobe`, the sandbox label.
    func choice(_ api: SandboxAPI) -> ProviderChoice {
        let sandbox = provider(api)
        return ProviderChoice(name: sandbox.name, kind: sandbox.kind, displayName: sandbox.info.displayName, provider: sandbox)
    }

    /// The catalog the emulators serve, opened on first use (quietly: it may build its index).
    func catalog() throws -> LocalCatalog {
        let (url, open) = state.withLock { ($0.catalogURL, $0.catalog) }
        if let open { return open }
        let catalog = try ProviderFactory.openCatalog(url, quiet: true)
        return state.withLock { state in
            if let open = state.catalog { return open }
            state.catalog = catalog
            return catalog
        }
    }

    /// One line on standard error, unless quiet.
    func announce(_ message: String) {
        guard !state.withLock({ $0.quiet }) else { return }
        Terminal.warn(SafeText.sanitize(message))
    }

    /// The sandbox ledger (see the type's description), made on first use.
    func ledger() throws -> Ledger {
        try state.withLock { state in
            if let ledger = state.ledger { return ledger }
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("stockterm-sandbox-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            SandboxLedgerFolder.removeOnExit(folder)
            let ledger = try Ledger(url: folder.appendingPathComponent("ledger.sqlite"))
            state.ledger = ledger
            return ledger
        }
    }

    /// Where the sandbox ledger is, once made.
    var ledgerURL: URL? { state.withLock { $0.ledger?.url } }

    /// The sandboxes whose emulator was asked to start.
    var started: [SandboxProvider] { state.withLock { Array($0.providers.values) } }

    /// Stops every emulator started (and waits for one still starting).
    func stopAll() async {
        await withTaskGroup(of: Void.self) { group in
            for sandbox in started { group.addTask { await sandbox.stop() } }
        }
    }

    /// `stopAll()` from a thread that is not Swift concurrency's (the browser's screen thread),
    /// waiting at most `timeout` seconds.
    func stopAllWaiting(timeout: Double = 5) {
        guard !started.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        Task.detached { [self] in
            await stopAll()
            done.signal()
        }
        _ = done.wait(timeout: .now() + timeout)
    }
}

/// Removes the sandbox ledger's folder when the process exits normally.
enum SandboxLedgerFolder {
    nonisolated(unsafe) private static var path: String?

    static func removeOnExit(_ folder: URL) {
        let first = path == nil
        path = folder.path
        guard first else { return }
        atexit {
            if let path = SandboxLedgerFolder.path { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
