import ArgumentParser
import Foundation
import StockConfig
import StockCore

/// `stockterm providers`: the providers of config.toml and the built-in demo catalog, where each
/// one's secrets come from, and whether it is ready; `--check` signs in to each.
struct ProvidersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "List the configured providers, where their keys come from, and whether each is ready.",
        discussion: """
            Reads $STOCKTERM_CONFIG, else $XDG_CONFIG_HOME/stockterm/config.toml (default
            ~/.config/stockterm/config.toml); see docs/configuration.md. The default provider is
            marked with *. Secrets are never printed, only where they come from. --check makes one
            cheap authenticated call per provider (the account, or a one-item search for Adobe
            without an access token) and exits 1 if any fails.
            Examples:
              stockterm providers
              stockterm providers --check --timeout 3
              stockterm --provider stockflow providers --check --json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    @Flag(name: .long, help: "Sign in to each provider (one call each) and report OK or the error.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each check.", valueName: "seconds"))
    var timeout: Double = 5

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds, got \(timeout)") }
        if global.catalog != nil { throw ValidationError("providers lists config.toml; --catalog does not apply (name the file in config.toml as a catalog provider)") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: StocktermConfig
        do { config = try ProviderFactory.configuration(environment: environment) } catch { throw Terminal.fail(error) }
        var summaries = ProviderFactory.summaries(config: config, environment: environment)
        if let only = global.provider {
            guard summaries.contains(where: { $0.name == only }) else {
                throw Terminal.fail(ProviderFactory.cliError(.unknownProvider(name: only, known: config.names,
                                                                              file: config.fileExists ? config.displayPath : nil)))
            }
            summaries = summaries.filter { $0.name == only }
        }
        var checks: [String: ProviderCheck.Result] = [:]
        if check {
            checks = await ProviderCheck.run(summaries, config: config, environment: environment, timeout: .milliseconds(Int(timeout * 1000)))
        }
        if json {
            try JSONOutput.write(ProvidersJSON(config: config.fileExists ? config.displayPath : nil,
                                                 searched: config.displayPath,
                                                 defaultProvider: config.defaultProviderName,
                                                 providers: summaries.map { .init(summary: $0, check: checks[$0.name]) }))
        } else {
            // Names, paths and endpoints come from config.toml and the environment: sanitised, line by line.
            print(Terminal.sanitizeLines(Self.table(summaries, checks: checks, config: config)), terminator: "")
        }
        if check, checks.values.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }

    static func table(_ summaries: [ProviderSummary], checks: [String: ProviderCheck.Result], config: StocktermConfig) -> String {
        var out = config.fileExists ? "Providers in \(config.displayPath) (* default):\n"
                                    : "No config.toml at \(config.displayPath): only the built-in demo catalog (docs/configuration.md).\n"
        var rows = [["", "NAME", "KIND", "LOCATION", "CREDENTIALS", "STATUS"] + (checks.isEmpty ? [] : ["CHECK"])]
        for s in summaries {
            var row = [s.isDefault ? "*" : "", s.name, s.kind, s.endpoint ?? s.catalog ?? "-", s.credentialText, s.status]
            if !checks.isEmpty { row.append(checks[s.name].map { $0.ok ? "OK" : "failed" } ?? "-") }
            rows.append(row.map(SafeText.sanitize))
        }
        let widths = rows[0].indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in rows {
            // The default's star, then the columns two spaces apart.
            var line = DisplayWidth.pad(row[0], toWidth: 1) + " "
                + row.indices.dropFirst().map { DisplayWidth.pad(row[$0], toWidth: widths[$0]) }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        var notes: [String] = []
        for s in summaries {
            if let check = checks[s.name] {
                notes.append("\(s.name): \(check.ok ? "OK: " : "")\(check.message)")
            } else if let message = s.message {
                notes.append("\(s.name): \(message)")
            }
        }
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }
}
