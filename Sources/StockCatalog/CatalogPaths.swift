import Foundation

/// Where stockterm keeps its files, following the XDG base directory specification.
public enum CatalogPaths {
    /// `$XDG_CACHE_HOME/stockterm`, or `~/.cache/stockterm`.
    public static var cacheDirectory: URL {
        xdg("XDG_CACHE_HOME", fallback: ".cache").appendingPathComponent("stockterm", isDirectory: true)
    }

    /// `$XDG_CONFIG_HOME/stockterm`, or `~/.config/stockterm`.
    public static var configDirectory: URL {
        xdg("XDG_CONFIG_HOME", fallback: ".config").appendingPathComponent("stockterm", isDirectory: true)
    }

    /// `$XDG_DATA_HOME/stockterm`, or `~/.local/share/stockterm`.
    public static var dataDirectory: URL {
        xdg("XDG_DATA_HOME", fallback: ".local/share").appendingPathComponent("stockterm", isDirectory: true)
    }

    /// The folder holding the search index built from one catalog file:
    /// `<cache>/catalogs/<name>-<hash of its absolute path>/`.
    public static func indexDirectory(for source: URL, cacheDirectory: URL = cacheDirectory) -> URL {
        let path = source.standardizedFileURL.resolvingSymlinksInPath().path
        let name = source.deletingPathExtension().lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let hash = String(fnv1a64(path), radix: 16)
        return cacheDirectory
            .appendingPathComponent("catalogs", isDirectory: true)
            .appendingPathComponent("\(name.prefix(40))-\(hash)", isDirectory: true)
    }

    private static func xdg(_ variable: String, fallback: String) -> URL {
        let env = ProcessInfo.processInfo.environment
        // The specification says a relative path in these variables is invalid and must be ignored.
        if let value = env[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(fallback, isDirectory: true)
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
