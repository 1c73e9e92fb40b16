import StockCatalog
import StockConfig
import StockCore

/// A provider picked and built: what searches go to and what the status line names.
///
/// ```swift
/// let choice = try ProviderFactory.resolve(global)        // --catalog, --provider, default, or demo
/// let page = try await choice.provider.search(request)
/// let other = try ProviderFactory.make("adobe")            // switch to another configured one
/// ```
struct ProviderChoice: Sendable, CustomStringConvertible {
    /// What `--provider` takes: a config.toml name, `demo`, `sandbox:adobe` (`--sandbox adobe`), or
    /// `--catalog`'s file for an ad-hoc catalog.
    var name: String
    var kind: ProviderKind
    /// For the status line: "demo catalog", "StockFlow", "work (Adobe Stock)", "photos (catalog.jsonl)",
    /// "Adobe Stock — sandbox (no real account)".
    var displayName: String
    var provider: any StockProvider
    /// The catalog opened, for a catalog provider (the overview and `sandbox` need it).
    var catalog: LocalCatalog?

    /// The sandbox behind it (`--sandbox`), whose purchases go to the sandbox ledger.
    var sandbox: SandboxProvider? { provider as? SandboxProvider }

    /// Name and kind only: never a secret (the clients' configurations hold them).
    var description: String { "\(name) (\(kind.rawValue))" }
}
