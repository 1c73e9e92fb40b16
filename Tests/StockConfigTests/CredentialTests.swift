import Foundation
import Testing
@testable import StockConfig

@Suite struct CredentialTests {
    static let stockflowFromFile = """
        [providers.sf]
        kind = "stockflow"
        api_key_file = "~/.config/stockterm/stockflow.key"
        """

    @Test func aKeyComesFromTheKindsDefaultEnvironmentVariable() throws {
        let home = try TempHome()
        let config = try home.parse("[providers.sf]\nkind = \"stockflow\"\n")
        let resolved = try config.resolve("sf", environment: home.environment(["STOCKFLOW_API_KEY": "sf-key-123"]))
        #expect(resolved.secret(.apiKey)?.reveal() == "sf-key-123")
        #expect(resolved.credentials.map(\.description) == ["env STOCKFLOW_API_KEY"])
    }

    @Test func aKeyComesFromANamedEnvironmentVariable() throws {
        let home = try TempHome()
        let config = try home.parse("[providers.sf]\nkind = \"stockflow\"\napi_key_env = \"WORK_SF\"\n")
        let resolved = try config.resolve("sf", environment: home.environment(["WORK_SF": "w", "STOCKFLOW_API_KEY": "other"]))
        #expect(resolved.secret(.apiKey)?.reveal() == "w")
    }

    @Test func aMissingOrEmptyVariableSaysWhichAndHowToFixIt() throws {
        let home = try TempHome()
        let config = try home.parse("[providers.sf]\nkind = \"stockflow\"\n")
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }
                == #"provider "sf": no API key: environment variable STOCKFLOW_API_KEY is not set (set it, or name a file with api_key_file in config.toml)"#)
        #expect(configError { _ = try config.resolve("sf", environment: home.environment(["STOCKFLOW_API_KEY": ""])) }
                == #"provider "sf": no API key: environment variable STOCKFLOW_API_KEY is empty (set it, or name a file with api_key_file in config.toml)"#)
        #expect(config.status(of: try config.entry(named: "sf"), environment: home.environment()).label == "missing key")
    }

    @Test func anOwnerOnlyKeyFileIsReadWithOneNewlineDropped() throws {
        let home = try TempHome()
        try home.write(".config/stockterm/stockflow.key", "sf-file-key\n", mode: 0o600)
        let config = try home.parse(Self.stockflowFromFile)
        let resolved = try config.resolve("sf", environment: home.environment(["STOCKFLOW_API_KEY": "ignored"]))
        #expect(resolved.secret(.apiKey)?.reveal() == "sf-file-key")
        #expect(resolved.credentials.map(\.description) == ["file ~/.config/stockterm/stockflow.key (0600)"])
        #expect(config.status(of: try config.entry(named: "sf"), environment: home.environment()) == .ready)

        try home.write(".config/stockterm/stockflow.key", "two\n\n", mode: 0o400)
        #expect(try config.resolve("sf", environment: home.environment()).secret(.apiKey)?.reveal() == "two\n")
        try home.write(".config/stockterm/stockflow.key", "crlf\r\n", mode: 0o600)
        #expect(try config.resolve("sf", environment: home.environment()).secret(.apiKey)?.reveal() == "crlf")
    }

    @Test func aKeyFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws {
        let home = try TempHome()
        try home.write(".config/stockterm/stockflow.key", "sf-file-key\n", mode: 0o644)
        let config = try home.parse(Self.stockflowFromFile)
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }
                == #"provider "sf": "~/.config/stockterm/stockflow.key" is readable by others (mode 0644); run: chmod 600 ~/.config/stockterm/stockflow.key"#)
        let status = config.status(of: try config.entry(named: "sf"), environment: home.environment())
        #expect(status.label == "key file too open")
        #expect(status.message?.contains("sf-file-key") == false)

        try home.write(".config/stockterm/stockflow.key", "k", mode: 0o640)
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }
                == #"provider "sf": "~/.config/stockterm/stockflow.key" is readable by its group (mode 0640); run: chmod 600 ~/.config/stockterm/stockflow.key"#)
        try home.write(".config/stockterm/stockflow.key", "k", mode: 0o620)
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }?.contains("is writable by its group or others (mode 0620)") == true)
    }

    @Test func aPathWithSpacesIsQuotedInTheHint() throws {
        let home = try TempHome()
        let file = try home.write("my keys/sf.key", "k", mode: 0o644)
        let config = try home.parse("[providers.sf]\nkind = \"stockflow\"\napi_key_file = \"~/my keys/sf.key\"\n")
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }
                == "provider \"sf\": \"~/my keys/sf.key\" is readable by others (mode 0644); run: chmod 600 '\(file.path)'")
    }

    @Test func aMissingOrEmptyKeyFileIsNamed() throws {
        let home = try TempHome()
        let config = try home.parse(Self.stockflowFromFile)
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }
                == #"provider "sf": API key file "~/.config/stockterm/stockflow.key" does not exist"#)
        try home.write(".config/stockterm/stockflow.key", "\n", mode: 0o600)
        #expect(configError { _ = try config.resolve("sf", environment: home.environment()) }
                == #"provider "sf": API key file "~/.config/stockterm/stockflow.key" is empty"#)
        try FileManager.default.createDirectory(at: home.url.appendingPathComponent("dir.key"), withIntermediateDirectories: true)
        let dir = try home.parse("[providers.sf]\nkind = \"stockflow\"\napi_key_file = \"~/dir.key\"\n")
        #expect(configError { _ = try dir.resolve("sf", environment: home.environment()) }
                == #"provider "sf": cannot read API key file "~/dir.key": not a regular file"#)
    }

    @Test func aRelativeKeyFileIsReadBesideConfigToml() throws {
        let home = try TempHome()
        try home.write(".config/stockterm/keys/adobe.key", "adobe-key", mode: 0o600)
        let config = try home.parse("[providers.ad]\nkind = \"adobe\"\napi_key_file = \"keys/adobe.key\"\n")
        let resolved = try config.resolve("ad", environment: home.environment())
        #expect(resolved.secret(.apiKey)?.reveal() == "adobe-key")
        // The access token is optional: without ADOBE_STOCK_ACCESS_TOKEN search still works.
        #expect(resolved.secret(.accessToken) == nil)
        #expect(resolved.credentials.map(\.description) == ["file keys/adobe.key (0600)", "env ADOBE_STOCK_ACCESS_TOKEN (not set)"])
    }

    @Test func stocksyNeedsItsKeyAndItsPassword() throws {
        let home = try TempHome()
        let config = try home.parse("[providers.s]\nkind = \"stocksy\"\nemail = \"me@example.com\"\n")
        #expect(configError { _ = try config.resolve("s", environment: home.environment(["STOCKSY_API_KEY": "k"])) }
                == #"provider "s": no password: environment variable STOCKSY_PASSWORD is not set (set it, or name a file with password_file in config.toml)"#)
        #expect(config.status(of: try config.entry(named: "s"), environment: home.environment(["STOCKSY_API_KEY": "k"])).label == "missing password")
        let resolved = try config.resolve("s", environment: home.environment(["STOCKSY_API_KEY": "k", "STOCKSY_PASSWORD": "p"]))
        #expect(resolved.secret(.password)?.reveal() == "p")
    }

    @Test func aCatalogProviderNeedsItsFile() throws {
        let home = try TempHome()
        let config = try home.parse("[providers.p]\nkind = \"catalog\"\npath = \"~/stock/c.jsonl\"\n")
        #expect(configError { _ = try config.resolve("p", environment: home.environment()) }
                == #"provider "p": catalog "~/stock/c.jsonl" does not exist or is not readable"#)
        let file = try home.write("stock/c.jsonl", "{}\n", mode: 0o644)
        #expect(try config.resolve("p", environment: home.environment()).catalogURL == file.standardizedFileURL)
        #expect(try config.resolve("demo", environment: home.environment()).catalogURL == nil)
    }

    /// No secret in any description, debug description, dump or status of anything that holds one.
    @Test func secretsAppearInNoDescription() throws {
        let home = try TempHome()
        try home.write("sf.key", "SECRET-FILE-KEY-1", mode: 0o600)
        let config = try home.parse("""
            [providers.sf]
            kind = "stockflow"
            api_key_file = "~/sf.key"
            [providers.ad]
            kind = "adobe"
            [providers.s]
            kind = "stocksy"
            email = "me@example.com"
            """)
        let env = home.environment(["ADOBE_STOCK_API_KEY": "SECRET-ENV-KEY-2", "ADOBE_STOCK_ACCESS_TOKEN": "SECRET-TOKEN-3",
                                    "STOCKSY_API_KEY": "SECRET-ENV-KEY-4", "STOCKSY_PASSWORD": "SECRET-PASSWORD-5"])
        var texts: [String] = []
        for name in ["sf", "ad", "s"] {
            let resolved = try config.resolve(name, environment: env)
            #expect(resolved.credentials.allSatisfy { $0.secret != nil })
            texts += [String(describing: resolved), String(reflecting: resolved), "\(resolved.credentials)"]
            var dumped = ""
            dump(resolved, to: &dumped)
            texts.append(dumped)
            for credential in resolved.credentials {
                texts += ["\(credential.secret!)", String(reflecting: credential.secret!)]
            }
            texts.append("\(config.status(of: try config.entry(named: name), environment: env))")
        }
        // And the refusals.
        try home.write("sf.key", "SECRET-FILE-KEY-1", mode: 0o644)
        texts.append(configError { _ = try config.resolve("sf", environment: env) } ?? "")
        for text in texts {
            #expect(!text.contains("SECRET"), "\(text)")
        }
        #expect(texts.contains { $0.contains("env ADOBE_STOCK_API_KEY") })
    }
}
