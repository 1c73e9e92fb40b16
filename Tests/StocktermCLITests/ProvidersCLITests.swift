import Foundation
import Testing

/// config.toml, `--provider` and `stockterm providers` as a person uses them, against the built
/// binary; the service tests run a real `stockterm sandbox` on loopback.
@Suite(.serialized) struct ProvidersCLITests {
    /// Writes `text` as the runner's `$XDG_CONFIG_HOME/stockterm/config.toml`.
    @discardableResult
    func writeConfig(_ cli: CLIRunner, _ text: String) throws -> URL {
        let folder = cli.home.appendingPathComponent("config/stockterm")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func withoutConfigOnlyTheDemoIsListed() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let r = try cli.run(["providers"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("No config.toml at \(cli.home.path)/config/stockterm/config.toml"), "\(r.stdout)")
        #expect(r.stdout.contains("* demo  catalog  built-in demo catalog  -            ready"), "\(r.stdout)")
        let object = try json(try cli.run(["providers", "--json"]).stdout)
        #expect(object["default"] as? String == "demo")
        #expect(object["config"] is NSNull)
        let providers = try #require(object["providers"] as? [[String: Any]])
        #expect(providers.map { $0["name"] as? String } == ["demo"])
        #expect(providers.first?["builtIn"] as? Bool == true)
    }

    @Test func providersShowsEachStatusAndNoSecret() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let catalog = try cli.write("catalog.jsonl", CLITests.catalogText)
        let openKey = try cli.write("adobe.key", "OPEN-ADOBE-SECRET\n")
        chmod(openKey.path, 0o644)
        let goodKey = try cli.write("stocksy.key", "GOOD-STOCKSY-SECRET\n")
        chmod(goodKey.path, 0o600)
        try writeConfig(cli, """
            default = "sf"

            [providers.sf]
            kind = "stockflow"
            api_key_env = "SF_TEST_KEY"

            [providers.adobe]
            kind = "adobe"
            api_key_file = "\(openKey.path)"

            [providers.stocksy]
            kind = "stocksy"
            email = "me@example.com"
            api_key_file = "\(goodKey.path)"

            [providers.photos]
            kind = "catalog"
            path = "\(catalog.path)"

            [providers.typo]
            kind = "stockflow"
            api_kye_env = "X"
            """)
        let env = ["SF_TEST_KEY": "ENV-SF-SECRET"]
        let r = try cli.run(["providers"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Providers in \(cli.home.path)/config/stockterm/config.toml (* default):")
        func row(_ name: String) -> String? { lines.first { $0.dropFirst(2).hasPrefix(name + " ") } }
        #expect(row("sf")?.hasPrefix("* sf ") == true, "\(r.stdout)")
        #expect(row("sf")?.contains("https://api.stockflow.ru/v2") == true)
        #expect(row("sf")?.contains("env SF_TEST_KEY") == true)
        #expect(row("sf")?.hasSuffix(" ready") == true)
        #expect(row("demo")?.hasSuffix(" ready") == true)
        #expect(row("adobe")?.hasSuffix(" key file too open") == true, "\(r.stdout)")
        #expect(row("stocksy")?.contains("api_key: file \(goodKey.path) (0600); password: env STOCKSY_PASSWORD") == true, "\(r.stdout)")
        #expect(row("stocksy")?.hasSuffix(" missing password") == true)
        #expect(row("photos")?.contains(catalog.path) == true)
        #expect(row("typo")?.hasSuffix(" bad config") == true)
        #expect(r.stdout.contains("adobe: provider \"adobe\": \"\(openKey.path)\" is readable by others (mode 0644); run: chmod 600 \(openKey.path)"), "\(r.stdout)")
        #expect(r.stdout.contains("typo: \(cli.home.path)/config/stockterm/config.toml line 22: provider \"typo\": unknown key \"api_kye_env\""), "\(r.stdout)")

        let j = try cli.run(["providers", "--json"], environment: env)
        #expect(j.status == 0)
        let object = try json(j.stdout)
        #expect(object["default"] as? String == "sf")
        let providers = try #require(object["providers"] as? [[String: Any]])
        #expect(providers.map { $0["name"] as? String } == ["demo", "sf", "adobe", "stocksy", "photos", "typo"])
        #expect(providers.map { $0["status"] as? String } == ["ready", "ready", "key file too open", "missing password", "ready", "bad config"])
        let stocksy = try #require(providers.first { $0["name"] as? String == "stocksy" })
        let credentials = try #require(stocksy["credentials"] as? [[String: Any]])
        #expect(credentials.first?["mode"] as? String == "0600")
        #expect(credentials.first?["source"] as? String == "file \(goodKey.path)")
        #expect(providers.first { $0["name"] as? String == "sf" }?["default"] as? Bool == true)

        for output in [r.stdout, r.stderr, j.stdout, j.stderr] {
            #expect(!output.contains("SECRET"), "\(output)")
        }

        // --provider narrows the list; an unknown one is refused.
        let one = try cli.run(["providers", "--provider", "photos", "--json"], environment: env)
        #expect(try (json(one.stdout)["providers"] as? [[String: Any]])?.count == 1)
    }

    @Test func anUnknownProviderListsTheConfiguredNames() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try writeConfig(cli, "[providers.work]\nkind = \"stockflow\"\n")
        let r = try cli.run(["search", "car", "--provider", "nope"])
        #expect(r.status == 2)
        #expect(r.stderr == "stockterm: unknown provider \"nope\"; configured in \(cli.home.path)/config/stockterm/config.toml: demo, work\n")
        #expect(try cli.run(["--provider", "nope", "show", "101"]).status == 2)
        let both = try cli.run(["search", "car", "--provider", "work", "--catalog", "x.jsonl"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--catalog and --provider both choose what to browse"), "\(both.stderr)")
        // A configured provider without its key: a clear failure, exit 1.
        let noKey = try cli.run(["search", "car", "--provider", "work"])
        #expect(noKey.status == 1)
        #expect(noKey.stderr.contains("provider \"work\": no API key: environment variable STOCKFLOW_API_KEY is not set"), "\(noKey.stderr)")
    }

    /// The demo and a configured catalog answer exactly as `--catalog` and no flag did.
    @Test func catalogProvidersAnswerAsTheCatalogDoes() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let catalog = try cli.write("catalog.jsonl", CLITests.catalogText)
        let byFlag = try cli.run(["search", "car", "--json", "--catalog", catalog.path])
        #expect(byFlag.status == 0, "\(byFlag.stderr)")
        let demo = try cli.run(["search", "baikal", "--limit", "3"])
        #expect(demo.status == 0, "\(demo.stderr)")

        // Relative to config.toml's folder.
        try writeConfig(cli, "default = \"photos\"\n[providers.photos]\nkind = \"catalog\"\npath = \"photos.jsonl\"\n")
        try FileManager.default.copyItem(at: catalog, to: cli.home.appendingPathComponent("config/stockterm/photos.jsonl"))
        let byDefault = try cli.run(["search", "car", "--json"])
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        // The same search, but for the provider's name (`--json` says which provider answered).
        #expect(byDefault.stdout.replacingOccurrences(of: "\"provider\":\"photos\"", with: "\"provider\":\"catalog.jsonl\"") == byFlag.stdout,
                "\(byFlag.stdout.prefix(300))")
        #expect(try cli.run(["--provider", "photos", "show", "103"]).stdout
                == (try cli.run(["--catalog", catalog.path, "show", "103"]).stdout))
        let explicitDemo = try cli.run(["search", "baikal", "--limit", "3", "--provider", "demo"])
        #expect(explicitDemo.stdout == demo.stdout)
    }

    @Test func aBrokenConfigStopsCommandsWithItsLine() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try writeConfig(cli, "default = \"sf\"\n[providers.sf\nkind = \"stockflow\"\n")
        let r = try cli.run(["search", "car"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("stockterm: \(cli.home.path)/config/stockterm/config.toml line 2: "), "\(r.stderr)")
        #expect(try cli.run(["providers"]).status == 1)
        // --catalog needs no configuration.
        let catalog = try cli.write("catalog.jsonl", CLITests.catalogText)
        #expect(try cli.run(["search", "car", "--catalog", catalog.path]).status == 0)
    }

    @Test func stocktermConfigPointsElsewhere() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("elsewhere.toml", "[providers.other]\nkind = \"adobe\"\n")
        let r = try cli.run(["providers", "--json"], environment: ["STOCKTERM_CONFIG": file.path, "ADOBE_STOCK_API_KEY": "k"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try json(r.stdout)
        #expect(object["config"] as? String == file.path)
        #expect((object["providers"] as? [[String: Any]])?.map { $0["status"] as? String } == ["ready", "ready"])
        let missing = try cli.run(["providers"], environment: ["STOCKTERM_CONFIG": cli.home.path + "/none.toml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file (named by STOCKTERM_CONFIG)"))
    }

    /// A real StockFlow emulator on loopback, configured from the stanza it prints.
    @Test func searchShowAndCheckGoThroughAStockFlowSandbox() throws {
        let (sandboxHome, sandboxEnvironment) = SandboxCLITests.cacheEnvironment()
        defer { try? FileManager.default.removeItem(at: sandboxHome) }
        let server = try Subprocess.start(CLIRunner.binary.path, ["sandbox", "--api", "stockflow", "--port", "0"], environment: sandboxEnvironment)
        defer { _ = server.stop(with: SIGTERM) }
        var banner: [String] = []
        while let line = server.readLine(matching: { _ in true }, timeout: .seconds(120)) {
            banner.append(line)
            if line == "Ctrl-C stops." { break }
        }
        let start = try #require(banner.firstIndex { $0.hasPrefix("For stockterm, add to config.toml") }, "\(banner)")
        let then = try #require(banner.firstIndex(of: "then:"))
        let stanza = banner[(start + 1)..<then].map { String($0.dropFirst(2)) }.joined(separator: "\n") + "\n"
        #expect(stanza.hasPrefix("[providers.sandbox-stockflow]\nkind = \"stockflow\"\nendpoint = \"http://127.0.0.1:"), "\(stanza)")
        let export = try #require(banner.first { $0.hasPrefix("  export STOCKTERM_SANDBOX_STOCKFLOW_KEY=") })
        let key = String(export.split(separator: "=").last!)
        #expect(banner.contains("  stockterm --provider sandbox-stockflow search drone"))

        let cli = try CLIRunner()
        defer { cli.remove() }
        try writeConfig(cli, "default = \"sandbox-stockflow\"\n" + stanza)
        let env = ["STOCKTERM_SANDBOX_STOCKFLOW_KEY": key]

        let table = try cli.run(["--provider", "sandbox-stockflow", "search", "drone"], environment: env)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("   ID  TITLE"), "\(table.stdout)")
        #expect(table.stdout.contains(" video "), "\(table.stdout)")
        #expect(table.stdout.contains("· page 1 of"), "\(table.stdout)")

        let j = try cli.run(["search", "drone", "--json", "--limit", "5"], environment: env)  // the default provider
        #expect(j.status == 0, "\(j.stderr)")
        let object = try json(j.stdout)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 5)
        #expect(items.allSatisfy { $0["kind"] as? String == "video" })
        #expect(object["totalIsExact"] as? Bool == false)
        let id = try #require(items.first?["id"] as? Int)

        let show = try cli.run(["show", String(id), "--json"], environment: env)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(try json(show.stdout)["id"] as? Int == id)

        let check = try cli.run(["providers", "--check", "--provider", "sandbox-stockflow"], environment: env)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("sandbox-stockflow: OK: signed in as "), "\(check.stdout)")

        // A refused key: a clear message, exit 1, and the key nowhere.
        let wrong = ["STOCKTERM_SANDBOX_STOCKFLOW_KEY": "sf_wrong_key_0000"]
        let refused = try cli.run(["search", "drone"], environment: wrong)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("stockterm: not signed in: StockFlow refused the API key"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("sf_wrong_key_0000"))
        let failedCheck = try cli.run(["providers", "--check", "--json"], environment: wrong)
        #expect(failedCheck.status == 1)
        let providers = try #require(try json(failedCheck.stdout)["providers"] as? [[String: Any]])
        let sandboxCheck = try #require(providers.first { $0["name"] as? String == "sandbox-stockflow" }?["check"] as? [String: Any])
        #expect(sandboxCheck["ok"] as? Bool == false)
        #expect((sandboxCheck["message"] as? String)?.hasPrefix("not signed in: StockFlow refused the API key") == true)
        #expect(!failedCheck.stdout.contains("sf_wrong_key_0000"))
    }
}
