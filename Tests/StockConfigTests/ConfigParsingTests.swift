import Foundation
import Testing
@testable import StockConfig

@Suite struct ConfigParsingTests {
    /// The example of docs/configuration.md.
    static let fullExample = """
        # stockterm configuration
        default = "stockflow"                 # optional; else the demo catalog

        [providers.stockflow]
        kind = "stockflow"
        endpoint = "https://api.stockflow.ru/v2"
        api_key_file = "~/.config/stockterm/stockflow.key"
        rate_limit = 120

        [providers.adobe]
        kind = "adobe"
        product = "stockterm/0.4"
        access_token_file = "~/.config/stockterm/adobe.token"

        [providers.stocksy]
        kind = "stocksy"
        email = "me@example.com"
        password_env = "MY_STOCKSY_PASSWORD"

        [providers.photos]
        kind = "catalog"
        path = "~/stock/catalog.jsonl"

        """

    @Test func theFullExampleParsesInFileOrderAfterDemo() throws {
        let home = try TempHome()
        let config = try home.parse(Self.fullExample)
        #expect(config.names == ["demo", "stockflow", "adobe", "stocksy", "photos"])
        #expect(config.defaultName == "stockflow")
        #expect(config.defaultProviderName == "stockflow")

        let sf = try config.provider(named: "stockflow")
        #expect(sf.kind == .stockflow)
        #expect(sf.endpoint == URL(string: "https://api.stockflow.ru/v2"))
        #expect(sf.rateLimit == 120)
        #expect(sf.line == 4)
        #expect(sf.credentials == [CredentialSpec(role: .apiKey, source: .file("~/.config/stockterm/stockflow.key"), required: true, isDefault: false)])

        let adobe = try config.provider(named: "adobe")
        #expect(adobe.product == "stockterm/0.4")
        #expect(adobe.endpoint == nil)
        #expect(adobe.credential(.apiKey)?.source == .environment("ADOBE_STOCK_API_KEY"))
        #expect(adobe.credential(.apiKey)?.isDefault == true)
        #expect(adobe.credential(.accessToken) == CredentialSpec(role: .accessToken, source: .file("~/.config/stockterm/adobe.token"), required: false, isDefault: false))

        let stocksy = try config.provider(named: "stocksy")
        #expect(stocksy.email == "me@example.com")
        #expect(stocksy.credential(.apiKey)?.source == .environment("STOCKSY_API_KEY"))
        #expect(stocksy.credential(.password)?.source == .environment("MY_STOCKSY_PASSWORD"))

        let photos = try config.provider(named: "photos")
        #expect(photos.kind == .catalog)
        #expect(photos.catalogPath == "~/stock/catalog.jsonl")
        #expect(config.paths.resolve(photos.catalogPath!).path == home.path + "/stock/catalog.jsonl")

        #expect(try config.provider(named: "demo") == .demo)
    }

    @Test func anEmptyFileHasOnlyDemo() throws {
        let config = try TempHome().parse("# nothing yet\n")
        #expect(config.names == ["demo"])
        #expect(config.defaultProviderName == "demo")
    }

    @Test func aDefaultMayNameDemo() throws {
        #expect(try TempHome().parse("default = \"demo\"\n").defaultProviderName == "demo")
    }

    /// Each mistake in a provider's table, with the message the user sees.
    @Test(arguments: [
        ("[providers.sf]\nkind = \"stockflow\"\napi_kye_file = \"k\"\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": unknown key "api_kye_file"; expected kind, endpoint, api_key_file, api_key_env or rate_limit"#),
        ("[providers.sf]\nkind = \"stockflow\"\nrate_limit = \"fast\"\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": rate_limit must be a whole number of requests per minute, not a string"#),
        ("[providers.ad]\nkind = \"adobe\"\nrate_limit = 2.5\n",
         #"~/.config/stockterm/config.toml line 3: provider "ad": rate_limit must be a whole number of requests per second, not a number with a fraction"#),
        ("[providers.sf]\nkind = \"stockflow\"\nrate_limit = 0\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": rate_limit: must be between 1 and 100000 requests per minute, got 0"#),
        ("[providers.x]\nkind = \"shutterstock\"\n",
         #"~/.config/stockterm/config.toml line 2: provider "x": unknown kind "shutterstock"; expected stockflow, adobe, stocksy or catalog"#),
        ("[providers.x]\nendpoint = \"https://example.com\"\n",
         #"~/.config/stockterm/config.toml line 1: provider "x": missing required key "kind""#),
        ("[providers.x]\nkind = 3\n",
         #"~/.config/stockterm/config.toml line 2: provider "x": kind must be a string, not an integer"#),
        ("\n[providers.s]\nkind = \"stocksy\"\n",
         #"~/.config/stockterm/config.toml line 2: provider "s": missing required key "email""#),
        ("[providers.p]\nkind = \"catalog\"\n",
         #"~/.config/stockterm/config.toml line 1: provider "p": missing required key "path""#),
        ("[providers.p]\nkind = \"catalog\"\npath = \"x.jsonl\"\nendpoint = \"https://x\"\n",
         #"~/.config/stockterm/config.toml line 4: provider "p": unknown key "endpoint"; expected kind or path"#),
        ("[providers.sf]\nkind = \"stockflow\"\napi_key_file = \"k\"\napi_key_env = \"K\"\n",
         #"~/.config/stockterm/config.toml line 4: provider "sf": give one of "api_key_file" and "api_key_env", not both"#),
        ("[providers.sf]\nkind = \"stockflow\"\napi_key_env = \"MY KEY\"\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": api_key_env: must be the name of an environment variable (letters, digits, _), got "MY KEY""#),
        ("[providers.sf]\nkind = \"stockflow\"\nendpoint = \"api.stockflow.ru\"\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": endpoint: must be an http or https URL without query or fragment, such as "https://api.stockflow.ru/v2"; got "api.stockflow.ru""#),
        ("[providers.sf]\nkind = \"stockflow\"\nendpoint = \"\"\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": endpoint: must not be empty"#),
        ("[providers.s]\nkind = \"stocksy\"\nemail = \"a@b.c\"\npassword_file = [\"a\"]\n",
         #"~/.config/stockterm/config.toml line 4: provider "s": password_file must be a string, not an array"#),
        ("[providers.sf]\nkind = \"stockflow\"\nwhen = 2024-01-01\n",
         #"~/.config/stockterm/config.toml line 3: provider "sf": unknown key "when"; expected kind, endpoint, api_key_file, api_key_env or rate_limit"#),
        ("[providers.\"my sf\"]\nkind = \"stockflow\"\n",
         #"~/.config/stockterm/config.toml line 1: provider "my sf": [providers.my sf]: a provider's name may hold only ASCII letters, digits, - and _ (it is typed after --provider)"#),
    ])
    func aBadProviderTableCarriesItsMistake(text: String, message: String) throws {
        let config = try TempHome().parse(text + "[providers.good]\nkind = \"catalog\"\npath = \"g.jsonl\"\n")
        let bad = try #require(config.entries.first { $0.name != "demo" && $0.name != "good" })
        #expect(configError { _ = try bad.result.get() } == message)
        // The other providers stay usable.
        #expect(config.entries.first { $0.name == "good" }?.config != nil)
        #expect(configError { _ = try config.provider(named: bad.name) } == message)
    }

    /// Mistakes that make the whole file unusable.
    @Test(arguments: [
        ("color = \"blue\"\n",
         #"~/.config/stockterm/config.toml line 1: unknown key "color"; expected default, images or providers"#),
        ("default = 3\n",
         #"~/.config/stockterm/config.toml line 1: default must be a string (a provider's name), not an integer"#),
        ("default = \"sf\"\n[providers.adobe]\nkind = \"adobe\"\n",
         #"~/.config/stockterm/config.toml line 1: default = "sf" names no provider; configured: demo, adobe"#),
        ("[providers.demo]\nkind = \"catalog\"\npath = \"x.jsonl\"\n",
         #"~/.config/stockterm/config.toml line 1: provider "demo": "demo" is the built-in demo catalog and cannot be redefined; choose another name"#),
        ("providers = 3\n",
         #"~/.config/stockterm/config.toml line 1: providers must be a table ([providers.NAME]), not an integer"#),
        ("images = \"no\"\n",
         #"~/.config/stockterm/config.toml line 1: images must be true or false, not a string"#),
    ])
    func aBadFileIsRefusedWhole(text: String, message: String) throws {
        let home = try TempHome()
        #expect(configError { _ = try home.parse(text) } == message)
    }

    @Test func imagesCanBeTurnedOff() throws {
        #expect(try TempHome().parse("images = false\n").images == false)
        #expect(try TempHome().parse("default = \"demo\"\n").images == nil)
    }

    @Test func aSyntaxErrorNamesItsLine() throws {
        let home = try TempHome()
        let message = try #require(configError { _ = try home.parse("[providers.sf]\nkind = \"stockflow\"\nrate_limit = \n") })
        #expect(message.hasPrefix("~/.config/stockterm/config.toml line 3: "), "\(message)")
        let unterminated = try #require(configError { _ = try home.parse("default = \"sf\n") })
        #expect(unterminated.hasPrefix("~/.config/stockterm/config.toml line 1: "), "\(unterminated)")
        let duplicate = try #require(configError { _ = try home.parse("[providers.a]\nkind = \"catalog\"\nkind = \"adobe\"\n") })
        #expect(duplicate.hasPrefix("~/.config/stockterm/config.toml line 3: "), "\(duplicate)")
    }

    @Test func aProviderThatIsNotATableIsBadConfig() throws {
        let config = try TempHome().parse("providers.sf = 3\n")
        let entry = try config.entry(named: "sf")
        #expect(configError { _ = try entry.result.get() } == #"~/.config/stockterm/config.toml line 1: providers.sf must be a table ([providers.sf]), not an integer"#)
    }

    @Test func anUnknownProviderListsTheConfiguredOnes() throws {
        let config = try TempHome().parse(Self.fullExample)
        #expect(configError { _ = try config.provider(named: "shutterstock") }
                == #"unknown provider "shutterstock"; configured in ~/.config/stockterm/config.toml: demo, stockflow, adobe, stocksy, photos"#)
        let builtIn = StocktermConfig.builtIn(paths: config.paths)
        #expect(configError { _ = try builtIn.provider(named: "sf") } == #"unknown provider "sf"; configured (no config.toml): demo"#)
    }

    @Test func dottedKeysAndInlineTablesAreRead() throws {
        let config = try TempHome().parse("""
            providers.a = { kind = "catalog", path = "a.jsonl" }
            [providers.b]
            kind = "stockflow"
            api_key_env = 'SF_KEY'  # literal string
            """)
        #expect(try config.provider(named: "a").catalogPath == "a.jsonl")
        #expect(try config.provider(named: "b").credential(.apiKey)?.source == .environment("SF_KEY"))
        #expect(config.names == ["demo", "a", "b"])
    }

    @Test func theLineIndexSkipsMultilineValues() {
        let index = ConfigLineIndex(text: """
            [providers.a]
            note = \"\"\"
            kind = "not a key"
            \"\"\"
            list = [
              "x = y",
            ]
            kind = "catalog"
            [ providers . "b" ]
            kind = "adobe"
            """)
        #expect(index.line(of: ["providers", "a"]) == 1)
        #expect(index.line(of: ["providers", "a", "kind"]) == 8)
        #expect(index.line(of: ["providers", "b"]) == 9)
        #expect(index.line(of: ["providers", "b", "kind"]) == 10)
        #expect(index.line(of: ["providers", "a", "x "]) == nil)
    }
}
