import Foundation

/// The providers stockterm knows: the built-in `demo` catalog and those of config.toml.
///
/// A mistake in one `[providers.NAME]` table makes that provider unusable (`entry.result` holds
/// the error, `stockterm providers` shows it) and leaves the others working; a mistake in the
/// file as a whole (TOML syntax, an unknown top-level key, a `default` that names nothing)
/// makes `load` throw.
///
/// ```swift
/// let config = try StocktermConfig.load(environment: ProcessInfo.processInfo.environment)
/// let sf = try config.resolve("stockflow", environment: ProcessInfo.processInfo.environment)
/// let key = sf.secret(.apiKey)?.reveal()
/// ```
public struct StocktermConfig: Sendable {
    /// One provider as configured: valid, or the first mistake found in its table.
    public struct Entry: Sendable {
        public var name: String
        /// The line of its table header, if known.
        public var line: Int?
        /// `kind` as written, when it is a string (shown even for an invalid entry).
        public var kindName: String?
        public var result: Result<ProviderConfig, ConfigError>

        public init(name: String, line: Int?, kindName: String?, result: Result<ProviderConfig, ConfigError>) {
            self.name = name; self.line = line; self.kindName = kindName; self.result = result
        }

        /// The configuration, if valid.
        public var config: ProviderConfig? { try? result.get() }
    }

    /// Where the file is (or would be) and how its paths resolve.
    public var paths: ConfigPaths
    /// Whether config.toml was read (false: only `demo`).
    public var fileExists: Bool
    /// `default = "…"` as written.
    public var defaultName: String?
    /// `demo` first, then the file's providers in the order written.
    public var entries: [Entry]
    /// `images = true|false`: whether the browser shows thumbnails (nil: not written, so yes).
    public var images: Bool?

    public init(paths: ConfigPaths, fileExists: Bool, defaultName: String?, entries: [Entry], images: Bool? = nil) {
        self.paths = paths; self.fileExists = fileExists; self.defaultName = defaultName; self.entries = entries
        self.images = images
    }

    /// Reads config.toml from where `environment` says (`ConfigPaths`). No file: only `demo`,
    /// unless `STOCKTERM_CONFIG` named one, which must then exist.
    public static func load(environment: [String: String]) throws(ConfigError) -> StocktermConfig {
        let paths = ConfigPaths(environment: environment)
        let file = paths.configFile
        let display = paths.display(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
            if paths.isExplicit {
                throw .unreadableFile(path: display, reason: "no such file (named by \(ConfigPaths.overrideVariable))")
            }
            return StocktermConfig(paths: paths, fileExists: false, defaultName: nil, entries: [Self.demoEntry])
        }
        guard !isDirectory.boolValue else { throw .unreadableFile(path: display, reason: "it is a folder") }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw .unreadableFile(path: display, reason: String(cString: strerror(errno)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: display, reason: "not UTF-8 text")
        }
        return try parse(text, paths: paths)
    }

    /// Parses config.toml's text; `paths` names the file in messages and resolves its paths.
    public static func parse(_ text: String, paths: ConfigPaths) throws(ConfigError) -> StocktermConfig {
        try ConfigParser(paths: paths).parse(text)
    }

    /// Only the built-in `demo`, as when there is no config.toml.
    public static func builtIn(paths: ConfigPaths) -> StocktermConfig {
        StocktermConfig(paths: paths, fileExists: false, defaultName: nil, entries: [demoEntry])
    }

    static let demoEntry = Entry(name: ProviderConfig.demoName, line: nil, kindName: ProviderKind.catalog.rawValue,
                                 result: .success(.demo))

    /// Every provider's name, `demo` first.
    public var names: [String] { entries.map(\.name) }

    /// The provider used without `--provider`: `default`, else `demo`.
    public var defaultProviderName: String { defaultName ?? ProviderConfig.demoName }

    /// config.toml for messages (`~/.config/stockterm/config.toml`).
    public var displayPath: String { paths.display(paths.configFile) }

    /// The entry named `name`, or `unknownProvider` listing the names there are.
    public func entry(named name: String) throws(ConfigError) -> Entry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw .unknownProvider(name: name, known: names, file: fileExists ? displayPath : nil)
        }
        return entry
    }

    /// The valid configuration of `name`, or why there is none.
    public func provider(named name: String) throws(ConfigError) -> ProviderConfig {
        try entry(named: name).result.get()
    }

    /// The configuration of `name` with its secrets read, or why they cannot be.
    public func resolve(_ name: String, environment: [String: String]) throws(ConfigError) -> ResolvedProvider {
        try CredentialResolver(paths: paths, environment: environment).resolve(provider(named: name))
    }

    /// Ready, or the first problem: a bad table, a missing key, a key file too open…
    public func status(of entry: Entry, environment: [String: String]) -> ProviderStatus {
        do {
            let config = try entry.result.get()
            _ = try CredentialResolver(paths: paths, environment: environment).resolve(config)
            return .ready
        } catch {
            return .problem(error)
        }
    }
}

/// Whether a provider can be used as configured.
public enum ProviderStatus: Sendable, Hashable {
    case ready
    case problem(ConfigError)

    /// "ready", "missing key", "key file too open", "bad config"…
    public var label: String {
        switch self {
        case .ready: "ready"
        case .problem(let error): error.statusLabel
        }
    }

    /// The whole message for a problem.
    public var message: String? {
        if case .problem(let error) = self { return error.description }
        return nil
    }
}
