import Foundation
import Testing

/// A `stockterm sandbox --api NAME` running on loopback, with what its banner prints: the
/// config.toml stanza and the `export NAME=value` lines of its test credentials.
struct SandboxService {
    let server: Subprocess.Running
    let home: URL
    /// The `[providers.sandbox-NAME]` table and its keys.
    let stanza: String
    /// The provider's name in the stanza, e.g. `sandbox-stockflow`.
    let providerName: String
    /// The exported credentials, for the CLI's environment.
    let environment: [String: String]

    /// Every credential value, to prove none reaches an output.
    var secrets: [String] { Array(environment.values) }

    /// Starts the emulator and reads its banner (up to "Ctrl-C stops.").
    static func start(api: String) throws -> SandboxService {
        let (home, env) = SandboxCLITests.cacheEnvironment()
        let server = try Subprocess.start(CLIRunner.binary.path, ["sandbox", "--api", api, "--port", "0"], environment: env)
        var banner: [String] = []
        while let line = server.readLine(matching: { _ in true }, timeout: .seconds(120)) {
            banner.append(line)
            if line == "Ctrl-C stops." { break }
        }
        guard let start = banner.firstIndex(where: { $0.hasPrefix("For stockterm, add to config.toml") }),
              let then = banner.firstIndex(of: "then:"), start < then else {
            _ = server.stop(with: SIGKILL)
            throw SandboxError(banner: banner)
        }
        let stanza = banner[(start + 1)..<then].map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n"
        var environment: [String: String] = [:]
        for line in banner where line.hasPrefix("  export ") {
            let pair = line.dropFirst("  export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { environment[pair[0]] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        }
        let name = stanza.split(separator: "\n").first.map { String($0.dropFirst("[providers.".count).dropLast()) } ?? ""
        return SandboxService(server: server, home: home, stanza: stanza, providerName: name, environment: environment)
    }

    /// Writes the stanza as `cli`'s config.toml, the default provider when `asDefault`.
    func configure(_ cli: CLIRunner, asDefault: Bool) throws {
        let folder = cli.home.appendingPathComponent("config/stockterm")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = (asDefault ? "default = \"\(providerName)\"\n" : "") + stanza
        try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    func stop() {
        _ = server.stop(with: SIGTERM)
        try? FileManager.default.removeItem(at: home)
    }

    struct SandboxError: Error, CustomStringConvertible {
        var banner: [String]
        var description: String { "the sandbox printed no config.toml stanza: \(banner)" }
    }
}
