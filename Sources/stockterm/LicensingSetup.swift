import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockLedger
import StockSandbox

/// How the CLI and the browser license: the ledger under `$XDG_DATA_HOME/stockterm/`, one
/// `LicenseCoordinator` per provider, the demo account for catalogs, and downloads into the
/// download directory.
///
/// ```swift
/// let coordinator = try await LicensingSetup.coordinator(for: choice)
/// let offer = try await coordinator.offer(for: asset)
/// ```
enum LicensingSetup {
    /// The ledger at its default place (or `$STOCKTERM_LEDGER`).
    static func ledger(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Ledger {
        let url = environment["STOCKTERM_LEDGER"].map { URL(fileURLWithPath: $0) } ?? Ledger.defaultURL(environment: environment)
        return try Ledger(url: url)
    }

    /// The ledger a provider's purchases go to: the sandbox ledger for a sandbox (a temporary
    /// file, never the real one: `SandboxFleet`), else `ledger()`.
    static func ledger(for choice: ProviderChoice) throws -> Ledger {
        if choice.sandbox != nil { return try SandboxFleet.shared.ledger() }
        return try ledger()
    }

    /// The licensing of a provider: the demo account for a local catalog, the service's own
    /// otherwise; nil when it has none.
    static func licensing(for provider: any StockProvider, ledger: Ledger) -> (any StockLicensing)? {
        if provider is LocalProvider {
            return DemoLicensing(ledger: ledger, catalog: provider) { key, name, size in
                try await DemoFiles.shared.link(key: key, name: name, size: size)
            }
        }
        return provider.licensing
    }

    /// What to say instead of "no licenses" when the service's API keeps no license history
    /// (StockFlow), so that an empty list is not read as "nothing was bought"; nil otherwise.
    static func historyNote(_ licensing: any StockLicensing, serviceName: String) -> String? {
        licensing.canReconcile ? nil
            : "\(serviceName) keeps no license history that its API can list; this machine's ledger is the record."
    }

    /// The coordinator of `choice`, or a clear error when it cannot license.
    static func coordinator(for choice: ProviderChoice, ledger: Ledger? = nil) throws -> LicenseCoordinator {
        let ledger = try choice.sandbox != nil ? SandboxFleet.shared.ledger() : (ledger ?? self.ledger())
        guard let licensing = licensing(for: choice.provider, ledger: ledger) else {
            throw StockError.invalidRequest("\(choice.displayName) cannot license")
        }
        return LicenseCoordinator(ledger: ledger, provider: choice.name, licensing: licensing)
    }

    /// The account of `choice`: the demo account's balance from the ledger for a catalog.
    static func account(for choice: ProviderChoice) async throws -> Account {
        if choice.provider is LocalProvider, let demo = licensing(for: choice.provider, ledger: try ledger()) as? DemoLicensing {
            return try demo.account()
        }
        return try await choice.provider.account()
    }

    /// Where downloads go: `-o DIR`, else `$STOCKTERM_DOWNLOAD_DIR`, else `$XDG_DOWNLOAD_DIR`,
    /// else `~/Downloads/stockterm` when `~/Downloads` exists, else the current directory.
    static func downloadDirectory(_ option: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option { return URL(fileURLWithPath: option) }
        if let dir = environment["STOCKTERM_DOWNLOAD_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let dir = environment["XDG_DOWNLOAD_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir).appendingPathComponent("stockterm") }
        let home = FileManager.default.homeDirectoryForCurrentUser
        let downloads = home.appendingPathComponent("Downloads")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: downloads.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return downloads.appendingPathComponent("stockterm")
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}

/// The demo catalog's file server on 127.0.0.1, started on first use and kept for the process:
/// demo downloads take the same HTTP path as the services' (issue 5 §6).
actor DemoFiles {
    static let shared = DemoFiles()
    private var server: DemoFileServer?

    /// A URL for the generated file `key`, valid for an hour.
    func link(key: String, name: String, size: Int64) async throws -> URL {
        if server == nil { server = try await DemoFileServer.start() }
        return server!.link(key: key, name: name, size: size, ttl: 3_600)
    }
}

extension ReconcileReport {
    /// What reconciling settled, one line each, for standard error.
    var summaryLines: [String] {
        confirmed.map { "reconciled: the purchase of asset \($0.assetID) from \(ISODate.format($0.created)) went through" }
            + failed.map { "reconciled: the purchase of asset \($0.assetID) from \(ISODate.format($0.created)) was not charged" }
            + unresolved.map { "unresolved: the purchase of asset \($0.assetID) from \(ISODate.format($0.created)) could not be checked; \($0.message.map(SafeText.sanitize) ?? "check the service's history")" }
    }
}
