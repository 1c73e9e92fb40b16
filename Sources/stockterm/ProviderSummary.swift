import Foundation
import StockConfig
import StockCore

/// One provider as `stockterm providers` lists it: never a secret, only where secrets come from.
struct ProviderSummary: Sendable, Encodable {
    struct Credential: Sendable, Encodable {
        /// `api_key`, `access_token`, `password`.
        var role: String
        /// "env STOCKFLOW_API_KEY", "file ~/.config/stockterm/stockflow.key".
        var source: String
        /// "0600" for a file that could be read.
        var mode: String?
        var required: Bool
        /// Whether the secret could be read (never the secret itself).
        var isSet: Bool

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role)
            try c.encode(source, forKey: .source)
            try c.encode(mode, forKey: .mode)
            try c.encode(required, forKey: .required)
            try c.encode(isSet, forKey: .isSet)
        }
        enum CodingKeys: String, CodingKey { case role, source, mode, required, isSet = "set" }
    }

    var name: String
    var kind: String
    var isDefault: Bool
    var builtIn: Bool
    /// The base URL of a service (its own when config.toml names none); a catalog's file.
    var endpoint: String?
    var catalog: String?
    var credentials: [Credential]
    /// "ready", "missing key", "key file too open", "bad config", …
    var status: String
    /// What is wrong, in full.
    var message: String?
    /// The line of its table in config.toml.
    var line: Int?

    var isReady: Bool { status == "ready" }

    init(entry: StocktermConfig.Entry, config: StocktermConfig, status: ProviderStatus, isDefault: Bool,
         environment: [String: String]) {
        name = entry.name
        kind = entry.kindName.map(SafeText.sanitize) ?? "?"
        self.isDefault = isDefault
        line = entry.line
        self.status = status.label
        message = status.message.map(SafeText.sanitize)
        let provider = entry.config
        builtIn = provider?.isBuiltIn ?? false
        endpoint = provider.flatMap(ProviderFactory.endpoint)?.absoluteString
        catalog = provider.flatMap { $0.isBuiltIn ? "built-in demo catalog" : $0.catalogPath }
        let resolver = CredentialResolver(paths: config.paths, environment: environment)
        credentials = (provider?.credentials ?? []).map { spec in
            // The mode of a file read successfully; nothing of its content.
            let read = try? resolver.read(spec, provider: entry.name)
            return Credential(role: spec.role.rawValue, source: spec.source.description,
                              mode: read?.fileMode.map { String(format: "%04o", $0) }, required: spec.required,
                              isSet: read?.secret != nil)
        }
    }

    /// "env STOCKFLOW_API_KEY", "file ~/x.key (0600)", joined for a table cell.
    var credentialText: String {
        guard !credentials.isEmpty else { return "-" }
        return credentials.map { c in
            let prefix = credentials.count > 1 ? c.role + ": " : ""
            return prefix + c.source + (c.mode.map { " (\($0))" } ?? "") + (c.required || c.isSet ? "" : " (optional, not set)")
        }.joined(separator: "; ")
    }

    /// Every key always present (null when there is nothing), so that scripts can rely on them.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(isDefault, forKey: .isDefault)
        try c.encode(builtIn, forKey: .builtIn)
        try c.encode(endpoint, forKey: .endpoint)
        try c.encode(catalog, forKey: .catalog)
        try c.encode(credentials, forKey: .credentials)
        try c.encode(status, forKey: .status)
        try c.encode(message, forKey: .message)
        try c.encode(line, forKey: .line)
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, endpoint, catalog, credentials, status, message, line
        case isDefault = "default"
        case builtIn
    }
}
