import Foundation
import Testing
@testable import StockConfig

@Suite struct ConfigPathsTests {
    @Test func theFileIsUnderXDGConfigHomeElseDotConfig() {
        #expect(ConfigPaths(environment: ["HOME": "/home/ann"]).configFile.path == "/home/ann/.config/stockterm/config.toml")
        #expect(ConfigPaths(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "/etc/xdg-ann"]).configFile.path
                == "/etc/xdg-ann/stockterm/config.toml")
        // The XDG specification ignores a relative XDG_CONFIG_HOME.
        #expect(ConfigPaths(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "conf"]).configFile.path
                == "/home/ann/.config/stockterm/config.toml")
        #expect(ConfigPaths(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": ""]).configFile.path
                == "/home/ann/.config/stockterm/config.toml")
    }

    @Test func stocktermConfigNamesTheFileOutright() {
        let paths = ConfigPaths(environment: ["HOME": "/home/ann", "XDG_CONFIG_HOME": "/x", "STOCKTERM_CONFIG": "~/work/st.toml"])
        #expect(paths.configFile.path == "/home/ann/work/st.toml")
        #expect(paths.isExplicit)
        #expect(paths.resolve("keys/sf.key").path == "/home/ann/work/keys/sf.key")
        #expect(paths.resolve("/abs/sf.key").path == "/abs/sf.key")
        #expect(paths.resolve("~/sf.key").path == "/home/ann/sf.key")
        #expect(paths.display(paths.configFile) == "~/work/st.toml")
    }

    @Test func noFileMeansOnlyTheDemo() throws {
        let home = try TempHome()
        let config = try StocktermConfig.load(environment: home.environment())
        #expect(!config.fileExists)
        #expect(config.names == ["demo"])
        #expect(config.defaultProviderName == "demo")
    }

    @Test func aFileNamedByStocktermConfigMustExist() throws {
        let home = try TempHome()
        #expect(configError { _ = try StocktermConfig.load(environment: home.environment(["STOCKTERM_CONFIG": "~/none.toml"])) }
                == "cannot read ~/none.toml: no such file (named by STOCKTERM_CONFIG)")
    }

    @Test func theFileIsReadFromXDGConfigHome() throws {
        let home = try TempHome()
        try home.write("xdg/stockterm/config.toml", "default = \"p\"\n[providers.p]\nkind = \"catalog\"\npath = \"p.jsonl\"\n", mode: 0o644)
        let config = try StocktermConfig.load(environment: home.environment(["XDG_CONFIG_HOME": home.path + "/xdg"]))
        #expect(config.fileExists)
        #expect(config.defaultProviderName == "p")
        #expect(config.displayPath == "~/xdg/stockterm/config.toml")
        #expect(config.paths.resolve("p.jsonl").path == home.path + "/xdg/stockterm/p.jsonl")
    }
}
