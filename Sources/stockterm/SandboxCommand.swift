import ArgumentParser
import Dispatch
import Foundation
import StockCatalog
import StockCore
import StockSandbox

extension SandboxAPI: ExpressibleByArgument {}

/// `stockterm sandbox --api stockflow`: a local emulator of one stock service over the catalog,
/// with real auth checks, rate limits and optional faults, until Ctrl-C or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local emulator of Stocksy, Adobe Stock or StockFlow over the catalog.",
        discussion: """
            Listens on 127.0.0.1 only, prints the base URL, the test credentials and a curl
            example, then serves until Ctrl-C (SIGINT) or SIGTERM. Details: docs/sandbox.md.
            Examples:
              stockterm sandbox --api stockflow
              stockterm sandbox --api adobe --port 0 --fault-rate 0.1 --latency 200
              stockterm sandbox --api stocksy --rate-limit 2 --token-ttl 60
            """
    )

    /// Ports used when --port is not given, so that examples and scripts can name them.
    static func defaultPort(_ api: SandboxAPI) -> Int {
        switch api {
        case .stockflow: 8470
        case .adobe: 8471
        case .stocksy: 8472
        }
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The service to emulate: stocksy, adobe or stockflow.", valueName: "api"))
    var api: SandboxAPI

    @Option(name: .long, help: ArgumentHelp("Port on 127.0.0.1 (0 picks a free one; default 8470 stockflow, 8471 adobe, 8472 stocksy).", valueName: "n"))
    var port: Int?

    @Option(name: .long, help: ArgumentHelp("Delay every API answer by this many milliseconds.", valueName: "ms"))
    var latency: Int = 0

    @Option(name: .customLong("fault-rate"), help: ArgumentHelp("Probability (0 to 1) that an API request fails on purpose.", valueName: "p"))
    var faultRate: Double = 0

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp("Requests per window per key (default: the service's own: StockFlow 120/min, Adobe 5/s, Stocksy 10/s).", valueName: "n"))
    var rateLimit: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the fault injector and the token generator.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .customLong("token-ttl"), help: ArgumentHelp("Lifetime of StockFlow access tokens and Stocksy credentials (default 86400 and 3600).", valueName: "seconds"))
    var tokenTTL: Int?

    @Option(name: .long, help: ArgumentHelp("Stocksy: the account's opening balance in dollars (default 437.50).", valueName: "amount"))
    var balance: String?

    @Option(name: .customLong("fault-after-charge"), help: ArgumentHelp("Stocksy: probability (0 to 1) that a purchase already charged is answered with a fault anyway.", valueName: "p"))
    var faultAfterCharge: Double = 0

    @Option(name: .customLong("stats-file"), help: ArgumentHelp("On stopping, write what was served as JSON: requests per route, answers per status, 429s, faults.", valueName: "file"))
    var statsFile: String?

    func validate() throws {
        if global.sandbox != nil {
            throw ValidationError("--sandbox starts an emulator inside another command (stockterm --sandbox adobe search lake); `sandbox --api` runs one on its own")
        }
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        guard latency >= 0, latency <= 600_000 else { throw ValidationError("--latency must be between 0 and 600000 ms, got \(latency)") }
        guard faultRate.isFinite, (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be between 0 and 1, got \(faultRate)") }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be 1 or more, got \(rateLimit)") }
        if let tokenTTL, tokenTTL < 1 { throw ValidationError("--token-ttl must be 1 second or more, got \(tokenTTL)") }
        guard faultAfterCharge.isFinite, (0...1).contains(faultAfterCharge) else {
            throw ValidationError("--fault-after-charge must be between 0 and 1, got \(faultAfterCharge)")
        }
        if let balance, Self.cents(balance) == nil {
            throw ValidationError("--balance takes an amount in dollars such as 5000 or 437.50, got \"\(SafeText.sanitize(balance))\"")
        }
    }

    /// "437.50" → 43750; nil unless a non-negative amount with at most two decimals.
    static func cents(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000 else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        guard (1...2).contains(parts[1].count), let fraction = Int64(parts[1]), fraction >= 0 else { return nil }
        return whole * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
    }

    var options: SandboxOptions {
        var options = SandboxOptions(api: api, port: port ?? Self.defaultPort(api), latency: .milliseconds(latency), faultRate: faultRate,
                                     rateLimit: rateLimit, seed: seed, tokenLifetime: tokenTTL.map { .seconds($0) })
        options.openingBalance = balance.flatMap(Self.cents)
        options.faultAfterChargeRate = faultAfterCharge
        return options
    }

    func run() async throws {
        let catalog: LocalCatalog
        do { catalog = try CatalogLoader.open(global).0 } catch let error as CLIError { throw Terminal.fail(error) }
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(catalog: catalog, options: options)
        } catch {
            throw Terminal.fail(.failure("\(error)"))
        }
        // Unbuffered, so that a script reading the pipe sees the URL at once.
        FileHandle.standardOutput.write(Data((Self.banner(server, catalog: catalog) + "\n").utf8))
        let signal = await SignalWaiter.next([SIGINT, SIGTERM])
        try await server.stop()
        let stats = await server.stats()
        if let statsFile {
            do { try Self.statsJSON(stats).write(to: URL(fileURLWithPath: statsFile)) } catch {
                Terminal.warn("cannot write \(statsFile): \(error.localizedDescription)")
            }
        }
        Terminal.warn("sandbox stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM") after \(stats.totalRequests) request\(stats.totalRequests == 1 ? "" : "s")")
    }

    /// The stats as one JSON object (for scripts such as scripts/bench-session.py): totals,
    /// requests per route, answers per status, 429s and faults by kind; no request bodies or keys.
    static func statsJSON(_ stats: SandboxStats) throws -> Data {
        let object: [String: Any] = [
            "totalRequests": stats.totalRequests,
            "rateLimited": stats.rateLimited,
            "faultsInjected": stats.faultsInjected,
            "requestsPerRoute": stats.requestsPerRoute,
            "responsesPerStatus": Dictionary(uniqueKeysWithValues: stats.responsesPerStatus.map { (String($0.key), $0.value) }),
            "faults": Dictionary(uniqueKeysWithValues: stats.faults.map { ("\($0.key)", $0.value) }),
            "requests": stats.requests.map { ["method": $0.method, "route": $0.route, "status": $0.status] as [String: Any] },
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    static func banner(_ server: SandboxServer, catalog: LocalCatalog) -> String {
        let o = server.options
        let window = o.api == .stockflow ? "minute" : "second"
        var lines = ["\(o.api.displayName) sandbox on \(server.baseURL.absoluteString)",
                     "catalog: \(catalog.source.lastPathComponent) (\(catalog.assetCount) assets)", "", "Credentials:"]
        let width = server.credentials.summary.map(\.label.count).max() ?? 0
        for (label, value) in server.credentials.summary {
            lines.append("  " + label + ":" + String(repeating: " ", count: width - label.count + 1) + value)
        }
        lines += ["", "Try:", server.curlExample.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"), "",
                  configStanza(server), "",
                  "rate limit \(o.effectiveRateLimit) per \(window) per key · fault rate \(o.faultRate) · latency \(o.latency.components.seconds * 1000 + o.latency.components.attoseconds / 1_000_000_000_000_000) ms · seed \(o.seed)",
                  "Ctrl-C stops."]
        return lines.joined(separator: "\n")
    }
}

extension SandboxCommand {
    /// A config.toml table for this emulator, ready to paste, and the variables it reads. The keys
    /// are the sandbox's fixed test keys, so printing them is fine; config.toml itself never holds
    /// a secret (docs/configuration.md).
    static func configStanza(_ server: SandboxServer) -> String {
        let o = server.options
        let name = "sandbox-\(o.api.rawValue)"
        // One set of variables per service, so that two emulators can be configured at once.
        let prefix = "STOCKTERM_SANDBOX_\(o.api.rawValue.uppercased())"
        var table = ["[providers.\(name)]", "kind = \"\(o.api.rawValue)\"", "endpoint = \"\(server.baseURL.absoluteString)\""]
        var exports: [String] = []
        let c = server.credentials
        if let sf = c.stockflow {
            table.append("api_key_env = \"\(prefix)_KEY\"")
            exports.append("export \(prefix)_KEY=\(sf.adminKey)")
        } else if let adobe = c.adobe {
            table += ["product = \"\(StocktermVersion.product)\"", "api_key_env = \"\(prefix)_KEY\"",
                      "access_token_env = \"\(prefix)_TOKEN\""]
            exports += ["export \(prefix)_KEY=\(adobe.apiKey)", "export \(prefix)_TOKEN=\(adobe.accessToken)"]
        } else if let stocksy = c.stocksy {
            table += ["email = \"\(stocksy.email)\"", "api_key_env = \"\(prefix)_KEY\"",
                      "password_env = \"\(prefix)_PASSWORD\""]
            exports += ["export \(prefix)_KEY=\(stocksy.apiKey)", "export \(prefix)_PASSWORD=\(stocksy.password)"]
        }
        if let limit = o.rateLimit { table.append("rate_limit = \(limit)") }
        let query = o.api == .stockflow ? "drone" : "lake"
        return (["For stockterm, add to config.toml (stockterm providers shows where it is):"] + table.map { "  " + $0 }
                + ["then:"] + exports.map { "  " + $0 }
                + ["  stockterm --provider \(name) search \(query)"]).joined(separator: "\n")
    }
}

/// Waits for the first of some signals, with the default action switched off meanwhile.
enum SignalWaiter {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func next(_ signals: [Int32]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let once = NSLock()
            nonisolated(unsafe) var resumed = false
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    once.lock()
                    defer { once.unlock() }
                    guard !resumed else { return }
                    resumed = true
                    continuation.resume(returning: number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
