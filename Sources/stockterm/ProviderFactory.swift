import Foundation
import StockCatalog
import StockConfig
import StockCore
import StockHTTP
import StockProviders

/// Builds `StockProvider`s from config.toml (`StockConfig`): the one place that turns a provider's
/// name into a client with its endpoint, limits and secrets. The CLI commands and the browser use
/// it alike. The sandboxes (`--sandbox`, `sandbox:adobe`) are the same clients pointed at an
/// emulator this process starts (`SandboxProvider`, `SandboxFleet`).
enum ProviderFactory {
    /// The provider a command works on: `--catalog FILE` (an ad-hoc catalog), else `--provider
    /// NAME`, else config.toml's `default`, else the demo catalog. Opening a catalog may build its
    /// index (with a progress line unless `--quiet`).
    static func resolve(_ global: GlobalOptions,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) -> ProviderChoice {
        if let api = global.sandbox ?? global.provider.flatMap(SandboxProvider.api(named:)) {
            // `--sandbox adobe` (or `--provider sandbox:adobe`): the emulator starts on first use,
            // over `--catalog FILE` when given.
            let fleet = SandboxFleet.shared
            fleet.serve(global.catalogURL)
            fleet.setQuiet(global.quiet)
            return fleet.choice(api)
        }
        if global.catalog != nil {
            if global.provider != nil { throw .badInput(GlobalOptions.catalogWithProvider) }
            let catalog = try openCatalog(global.catalogURL, quiet: global.quiet)
            let name = SafeText.sanitize(catalog.source.lastPathComponent)
            return ProviderChoice(name: name, kind: .catalog, displayName: name,
                                  provider: LocalProvider(catalog: catalog, displayName: name, searchLog: .fromEnvironment()),
                                  catalog: catalog)
        }
        let config = try configuration(environment: environment)
        return try make(global.provider ?? config.defaultProviderName, config: config, environment: environment, quiet: global.quiet)
    }

    /// config.toml as the environment finds it (`STOCKTERM_CONFIG`, `XDG_CONFIG_HOME`, `~/.config`).
    static func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) -> StocktermConfig {
        do { return try StocktermConfig.load(environment: environment) } catch { throw cliError(error) }
    }

    /// The provider the browser's picker switched to: a sandbox (its emulator started now, so
    /// that a failure shows at once), else the configured provider `name`.
    static func makeForSwitch(_ name: String, config: StocktermConfig?) async throws -> any StockProvider {
        if let api = SandboxProvider.api(named: name) {
            let sandbox = SandboxFleet.shared.provider(api)
            try await sandbox.start()
            return sandbox
        }
        guard let config else { throw CLIError.failure("no provider \"\(SafeText.sanitize(name))\": config.toml could not be read") }
        return try make(name, config: config).provider
    }

    /// Builds the provider called `name` in `config` (loaded from the environment when nil).
    /// - Parameters:
    ///   - retry: the clients' retry policy (`.never` for `providers --check`).
    static func make(_ name: String, config: StocktermConfig? = nil,
                     environment: [String: String] = ProcessInfo.processInfo.environment,
                     quiet: Bool = true, retry: RetryPolicy = .standard) throws(CLIError) -> ProviderChoice {
        let loaded: StocktermConfig
        if let config { loaded = config } else { loaded = try configuration(environment: environment) }
        let resolved: ResolvedProvider
        do { resolved = try loaded.resolve(name, environment: environment) } catch { throw cliError(error) }
        return try make(resolved, quiet: quiet, retry: retry)
    }

    /// Builds a provider whose secrets are already read.
    static func make(_ resolved: ResolvedProvider, quiet: Bool = true, retry: RetryPolicy = .standard) throws(CLIError) -> ProviderChoice {
        let config = resolved.config
        let name = config.name
        func secret(_ role: CredentialRole) -> String { resolved.secret(role)?.reveal() ?? "" }
        switch config.kind {
        case .catalog:
            let url = resolved.catalogURL ?? DemoCatalog.url
            let catalog = try openCatalog(url, quiet: quiet)
            let display = config.isBuiltIn ? "demo catalog" : "\(name) (\(SafeText.sanitize(url.lastPathComponent)))"
            return ProviderChoice(name: name, kind: .catalog, displayName: display,
                                  provider: LocalProvider(catalog: catalog, displayName: display, searchLog: .fromEnvironment()),
                                  catalog: catalog)
        case .stockflow:
            let client = StockFlowClient(configuration: .init(
                baseURL: config.endpoint ?? StockFlowClient.Configuration.defaultBaseURL, apiKey: secret(.apiKey),
                requestsPerMinute: config.rateLimit ?? 120), retry: retry)
            return ProviderChoice(name: name, kind: .stockflow, displayName: displayName(config), provider: client)
        case .adobe:
            let client = AdobeStockClient(configuration: .init(
                baseURL: config.endpoint ?? AdobeStockClient.Configuration.defaultBaseURL, apiKey: secret(.apiKey),
                product: config.product ?? StocktermVersion.product,
                accessToken: resolved.secret(.accessToken)?.reveal(), requestsPerSecond: config.rateLimit ?? 5), retry: retry)
            return ProviderChoice(name: name, kind: .adobe, displayName: displayName(config), provider: client)
        case .stocksy:
            let client = StocksyClient(configuration: .init(
                baseURL: config.endpoint ?? StocksyClient.Configuration.defaultBaseURL, apiKey: secret(.apiKey),
                email: config.email ?? "", password: secret(.password), requestsPerSecond: config.rateLimit ?? 10), retry: retry)
            return ProviderChoice(name: name, kind: .stocksy, displayName: displayName(config), provider: client)
        }
    }

    /// "StockFlow" when the provider is named after its kind, else "work (StockFlow)".
    static func displayName(_ config: ProviderConfig) -> String {
        if config.isBuiltIn { return "demo catalog" }
        return config.name == config.kind.rawValue ? config.kind.displayName : "\(config.name) (\(config.kind.displayName))"
    }

    /// The base URL a service provider talks to: its `endpoint`, else the service's own.
    static func endpoint(_ config: ProviderConfig) -> URL? {
        if let endpoint = config.endpoint { return endpoint }
        switch config.kind {
        case .stockflow: return StockFlowClient.Configuration.defaultBaseURL
        case .adobe: return AdobeStockClient.Configuration.defaultBaseURL
        case .stocksy: return StocksyClient.Configuration.defaultBaseURL
        case .catalog: return nil
        }
    }

    /// Every configured provider with its status, for `stockterm providers` and for a switcher.
    static func summaries(config: StocktermConfig,
                          environment: [String: String] = ProcessInfo.processInfo.environment) -> [ProviderSummary] {
        config.entries.map { entry in
            ProviderSummary(entry: entry, config: config, status: config.status(of: entry, environment: environment),
                            isDefault: entry.name == config.defaultProviderName, environment: environment)
        }
    }

    static func openCatalog(_ url: URL, quiet: Bool) throws(CLIError) -> LocalCatalog {
        do { return try CatalogLoader.open(url: url, quiet: quiet).0 } catch let error as CLIError { throw error } catch {
            throw .failure("\(error)")
        }
    }

    /// Unknown names are bad input (exit 2); the rest is setup (exit 1).
    static func cliError(_ error: ConfigError) -> CLIError {
        error.isBadInput ? .badInput(error.description) : .failure(error.description)
    }
}
