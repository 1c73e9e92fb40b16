import Foundation

/// Where config.toml lives, and how paths written in it are read.
///
/// `$STOCKTERM_CONFIG` names the file outright (tests, several setups); else
/// `$XDG_CONFIG_HOME/stockterm/config.toml` when `XDG_CONFIG_HOME` is an absolute path (as the XDG
/// Base Directory specification asks), else `~/.config/stockterm/config.toml`.
public struct ConfigPaths: Sendable, Hashable {
    /// The environment variable that names the file outright.
    public static let overrideVariable = "STOCKTERM_CONFIG"

    /// The home folder: `$HOME`, else the account's.
    public var home: String
    /// The file to read.
    public var configFile: URL
    /// Whether `STOCKTERM_CONFIG` chose it (then it must exist).
    public var isExplicit: Bool

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        self.home = home
        if let explicit = environment[Self.overrideVariable], !explicit.isEmpty {
            configFile = URL(fileURLWithPath: Self.expandTilde(explicit, home: home))
            isExplicit = true
        } else {
            let base: String
            if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { base = xdg } else { base = home + "/.config" }
            configFile = URL(fileURLWithPath: base).appendingPathComponent("stockterm").appendingPathComponent("config.toml")
            isExplicit = false
        }
    }

    /// The folder holding config.toml: relative paths in it are read from there.
    public var configDirectory: URL { configFile.deletingLastPathComponent() }

    /// A path written in config.toml as a file URL: `~/x` under the home folder, a relative path
    /// beside config.toml.
    public func resolve(_ written: String) -> URL {
        let expanded = Self.expandTilde(written, home: home)
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return configDirectory.appendingPathComponent(expanded).standardizedFileURL
    }

    /// A path for messages: under the home folder as `~/…`.
    public func display(_ url: URL) -> String { Self.abbreviate(url.path, home: home) }

    static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    static func abbreviate(_ path: String, home: String) -> String {
        let h = home.hasSuffix("/") ? String(home.dropLast()) : home
        guard !h.isEmpty, path.hasPrefix(h + "/") else { return path }
        return "~" + path.dropFirst(h.count)
    }
}
