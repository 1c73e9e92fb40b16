/// Where a secret comes from: an environment variable or a file. Shown in `stockterm providers`
/// and in errors as "env STOCKFLOW_API_KEY" or "file ~/.config/stockterm/stockflow.key".
public enum CredentialSource: Sendable, Hashable, CustomStringConvertible {
    case environment(String)
    /// The path as written in config.toml (`~` and relative paths are resolved when read).
    case file(String)

    public var description: String {
        switch self {
        case .environment(let name): "env \(name)"
        case .file(let path): "file \(path)"
        }
    }
}

/// One secret a provider needs, and where it comes from.
public struct CredentialSpec: Sendable, Hashable {
    public var role: CredentialRole
    public var source: CredentialSource
    /// False for Adobe's access token: without it search works and licensing does not.
    public var required: Bool
    /// The kind's default environment variable, not a key of config.toml.
    public var isDefault: Bool

    public init(role: CredentialRole, source: CredentialSource, required: Bool, isDefault: Bool) {
        self.role = role; self.source = source; self.required = required; self.isDefault = isDefault
    }
}
