import Foundation
import StockConfig
import StockCore
import StockSandbox

/// A sandbox: one of StockSandbox's emulators, started in this process on 127.0.0.1 (an
/// ephemeral port) over the demo catalog the first time anything is asked of it, and the real
/// client of that service (`StocksyClient`, `AdobeStockClient`, `StockFlowClient`) configured
/// with the emulator's test credentials exactly as a config.toml table with a real key would
/// configure it (`ProviderConfig` → `CredentialResolver` → `ProviderFactory.make`).
///
/// Every call waits for the emulator to listen, then goes to the client; nothing is answered
/// here. Its name is `sandbox:stocksy`, `sandbox:adobe` or `sandbox:stockflow` (a colon, which no
/// config.toml name may hold) and its status-line name says "sandbox (no real account)".
///
/// ```swift
/// let adobe = SandboxFleet.shared.provider(.adobe)
/// try await adobe.start()                     // optional: the first call starts it anyway
/// let page = try await adobe.search(request)  // AdobeStockClient → the emulator over loopback
/// ```
final class SandboxProvider: StockProvider {
    /// The service it emulates.
    let api: SandboxAPI
    /// The client's own description with the sandbox label as its name.
    let info: ProviderInfo
    private let fleet: SandboxFleet
    private let launch = SandboxLaunch()
    /// Whether the client can license, and reconcile (read before the emulator runs).
    private let licensingTraits: (canReconcile: Bool, licenses: Bool)

    /// A sandbox of `api`; nothing starts until it is used.
    init(api: SandboxAPI, fleet: SandboxFleet) {
        self.api = api
        self.fleet = fleet
        // The client's facets, kinds and page size do not depend on where it points: a client
        // aimed at nothing (it never sends) describes what the running one will be.
        let idle = try? ProviderFactory.make(Self.resolved(api, endpoint: URL(string: "http://127.0.0.1:1")!, credentials: nil))
        var info = idle?.provider.info ?? ProviderInfo(displayName: "")
        info.displayName = Self.label(api)
        self.info = info
        let licensing = idle?.provider.licensing
        licensingTraits = (licensing?.canReconcile ?? false, licensing != nil)
    }

    /// `sandbox:adobe`: what `--provider` and the picker call it.
    var name: String { Self.name(api) }

    /// The configuration kind of the service it emulates.
    var kind: ProviderKind { Self.kind(api) }

    // MARK: Names

    /// The prefix of every sandbox's name.
    static let namePrefix = "sandbox:"

    /// `sandbox:stocksy`, `sandbox:adobe`, `sandbox:stockflow`.
    static func name(_ api: SandboxAPI) -> String { namePrefix + api.rawValue }

    /// The service a sandbox name stands for, or nil when `name` is not one.
    static func api(named name: String) -> SandboxAPI? {
        guard name.hasPrefix(namePrefix) else { return nil }
        return SandboxAPI(rawValue: String(name.dropFirst(namePrefix.count)))
    }

    /// "Adobe Stock — sandbox (no real account)".
    static func label(_ api: SandboxAPI) -> String { "\(kind(api).displayName) — sandbox (no real account)" }

    static func kind(_ api: SandboxAPI) -> ProviderKind {
        switch api {
        case .stocksy: .stocksy
        case .adobe: .adobe
        case .stockflow: .stockflow
        }
    }

    // MARK: Running

    /// The emulator and the client talking to it.
    struct Running: Sendable {
        let server: SandboxServer
        let client: any StockProvider
    }

    /// Starts the emulator unless it runs (a failed start is tried again on the next call) and
    /// returns it with its client.
    @discardableResult
    func start() async throws -> Running {
        let api = self.api, fleet = self.fleet
        return try await launch.running {
            let catalog = try fleet.catalog()
            let server = try await SandboxServer.start(catalog: catalog, options: SandboxOptions(api: api, port: 0))
            do {
                let choice = try ProviderFactory.make(Self.resolved(api, endpoint: server.baseURL, credentials: server.credentials))
                fleet.announce("\(Self.label(api)): a local emulator on \(server.baseURL.absoluteString) over "
                               + "\(catalog.source.lastPathComponent), with its test account; it stops when stockterm exits")
                return Running(server: server, client: choice.provider)
            } catch {
                try? await server.stop()
                throw error
            }
        }
    }

    /// The emulator's base URL once it runs.
    var baseURL: URL? { get async { await launch.current?.server.baseURL } }

    /// Stops the emulator if it runs.
    func stop() async { await launch.stop() }

    private func client() async throws -> any StockProvider { try await start().client }

    // MARK: StockProvider

    func search(_ request: SearchRequest) async throws -> SearchPage { try await client().search(request) }
    func asset(id: AssetID) async throws -> Asset { try await client().asset(id: id) }
    func assets(ids: [AssetID]) async throws -> AssetLookup { try await client().assets(ids: ids) }
    func categories() async throws -> [StockCore.Category] { try await client().categories() }
    func account() async throws -> Account { try await client().account() }

    var licensing: (any StockLicensing)? {
        licensingTraits.licenses ? SandboxLicensing(sandbox: self, canReconcile: licensingTraits.canReconcile) : nil
    }

    /// The running client's licensing.
    func clientLicensing() async throws -> any StockLicensing {
        guard let licensing = try await client().licensing else {
            throw StockError.invalidRequest("\(info.displayName) cannot license")
        }
        return licensing
    }

    // MARK: Configuration

    /// The environment variables the sandbox's table names, as `stockterm sandbox` prints them.
    static func variable(_ api: SandboxAPI, _ role: CredentialRole) -> String {
        let prefix = "STOCKTERM_SANDBOX_\(api.rawValue.uppercased())"
        switch role {
        case .apiKey: return prefix + "_KEY"
        case .accessToken: return prefix + "_TOKEN"
        case .password: return prefix + "_PASSWORD"
        }
    }

    /// The test credentials under the variables of `variable(_:_:)`: StockFlow's admin key,
    /// Adobe's key and personal-plan token, Stocksy's key and password.
    static func secrets(_ credentials: SandboxCredentials) -> [String: String] {
        let api = credentials.api
        if let c = credentials.stockflow { return [variable(api, .apiKey): c.adminKey] }
        if let c = credentials.adobe { return [variable(api, .apiKey): c.apiKey, variable(api, .accessToken): c.accessToken] }
        if let c = credentials.stocksy { return [variable(api, .apiKey): c.apiKey, variable(api, .password): c.password] }
        return [:]
    }

    /// The provider as config.toml would describe it, with the emulator's test credentials read
    /// through the same resolver as a real key (from a dictionary, never from the process's
    /// environment). Without credentials, placeholders: a client only to describe.
    static func resolved(_ api: SandboxAPI, endpoint: URL, credentials: SandboxCredentials?) throws -> ResolvedProvider {
        let kind = kind(api)
        let specs = kind.credentialRoles.map { role in
            CredentialSpec(role: role.role, source: .environment(variable(api, role.role)), required: role.required, isDefault: false)
        }
        let config = ProviderConfig(name: name(api), kind: kind, endpoint: endpoint,
                                    product: api == .adobe ? StocktermVersion.product : nil,
                                    email: api == .stocksy ? credentials?.stocksy?.email ?? "" : nil, credentials: specs)
        // Without credentials (the idle client), a placeholder for each: it never sends them.
        let environment = credentials.map(secrets)
            ?? Dictionary(uniqueKeysWithValues: kind.credentialRoles.map { (variable(api, $0.role), "unused") })
        let resolver = CredentialResolver(paths: ConfigPaths(environment: ProcessInfo.processInfo.environment), environment: environment)
        do { return try resolver.resolve(config) } catch { throw CLIError.failure(error.description) }
    }
}

/// Starts a sandbox's emulator once, for every caller at once, and stops it.
actor SandboxLaunch {
    private var task: Task<SandboxProvider.Running, any Error>?
    /// The running emulator, once started.
    private(set) var current: SandboxProvider.Running?

    /// The running emulator, started by `make` unless it runs or is starting.
    func running(_ make: @escaping @Sendable () async throws -> SandboxProvider.Running) async throws -> SandboxProvider.Running {
        if let current { return current }
        let task = self.task ?? Task { try await make() }
        self.task = task
        do {
            let running = try await task.value
            current = running
            return running
        } catch {
            // Another caller may have started afresh meanwhile; forget only this attempt.
            if self.task == task { self.task = nil }
            throw error
        }
    }

    /// Stops the emulator (waiting for one still starting).
    func stop() async {
        guard let task else { return }
        self.task = nil
        current = nil
        if let running = try? await task.value { try? await running.server.stop() }
    }
}
