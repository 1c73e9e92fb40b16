import StockCore

/// What can be wrong with config.toml or a provider's credentials. Every message names the file
/// (as `~/…` under the home folder), the line where known, the provider and the key; none ever
/// contains a secret (a secret is never read into an error). Messages quote config.toml and the
/// command line, so `description` is sanitised (`SafeText`): nothing in it can act on a terminal.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in config.toml something is.
    public struct Place: Sendable, Hashable {
        public var file: String
        public var line: Int?
        public var provider: String?
        public init(file: String, line: Int? = nil, provider: String? = nil) {
            self.file = file; self.line = line; self.provider = provider
        }
    }

    case unreadableFile(path: String, reason: String)
    case syntax(Place, message: String)
    case unknownKey(Place, key: String, allowed: [String])
    case wrongType(Place, key: String, expected: String, found: String)
    case invalidValue(Place, key: String, why: String)
    case unknownKind(Place, kind: String)
    case missingKey(Place, key: String)
    case conflictingKeys(Place, keys: [String])
    case reservedName(Place, name: String)
    case unknownDefault(Place, name: String, known: [String])
    /// `--provider NAME` names nothing configured.
    case unknownProvider(name: String, known: [String], file: String?)
    /// A required secret's environment variable is unset or empty.
    case missingEnvironment(provider: String, role: CredentialRole, variable: String, fileKey: String, empty: Bool)
    case missingKeyFile(provider: String, role: CredentialRole, path: String)
    case unreadableKeyFile(provider: String, role: CredentialRole, path: String, reason: String)
    /// Readable or writable by group or others, refused as ssh refuses such a private key.
    case keyFileTooOpen(provider: String, role: CredentialRole, path: String, mode: Int, chmodPath: String)
    case emptyKeyFile(provider: String, role: CredentialRole, path: String)
    case missingCatalog(provider: String, path: String)

    public var description: String { SafeText.sanitize(words) }

    /// The message before sanitising.
    private var words: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .syntax(let place, let message):
            return "\(place.prefix)\(message)"
        case .unknownKey(let place, let key, let allowed):
            return "\(place.prefix)unknown key \"\(key)\"; expected \(Self.list(allowed))"
        case .wrongType(let place, let key, let expected, let found):
            return "\(place.prefix)\(key) must be \(expected), not \(found)"
        case .invalidValue(let place, let key, let why):
            return "\(place.prefix)\(key): \(why)"
        case .unknownKind(let place, let kind):
            return "\(place.prefix)unknown kind \"\(kind)\"; expected \(ProviderKind.list)"
        case .missingKey(let place, let key):
            return "\(place.prefix)missing required key \"\(key)\""
        case .conflictingKeys(let place, let keys):
            return "\(place.prefix)give one of \(keys.map { "\"\($0)\"" }.joined(separator: " and ")), not both"
        case .reservedName(let place, let name):
            return "\(place.prefix)\"\(name)\" is the built-in demo catalog and cannot be redefined; choose another name"
        case .unknownDefault(let place, let name, let known):
            return "\(place.prefix)default = \"\(name)\" names no provider; configured: \(known.joined(separator: ", "))"
        case .unknownProvider(let name, let known, let file):
            let where_ = file.map { " in \($0)" } ?? " (no config.toml)"
            return "unknown provider \"\(name)\"; configured\(where_): \(known.joined(separator: ", "))"
        case .missingEnvironment(let provider, let role, let variable, let fileKey, let empty):
            return "provider \"\(provider)\": no \(role.displayName): environment variable \(variable) is \(empty ? "empty" : "not set")"
                + " (set it, or name a file with \(fileKey) in config.toml)"
        case .missingKeyFile(let provider, let role, let path):
            return "provider \"\(provider)\": \(role.displayName) file \"\(path)\" does not exist"
        case .unreadableKeyFile(let provider, let role, let path, let reason):
            return "provider \"\(provider)\": cannot read \(role.displayName) file \"\(path)\": \(reason)"
        case .keyFileTooOpen(let provider, _, let path, let mode, let chmodPath):
            let who: String
            if mode & 0o004 != 0 { who = "readable by others" }
            else if mode & 0o040 != 0 { who = "readable by its group" }
            else { who = "writable by its group or others" }
            return "provider \"\(provider)\": \"\(path)\" is \(who) (mode \(Self.octal(mode))); run: chmod 600 \(chmodPath)"
        case .emptyKeyFile(let provider, let role, let path):
            return "provider \"\(provider)\": \(role.displayName) file \"\(path)\" is empty"
        case .missingCatalog(let provider, let path):
            return "provider \"\(provider)\": catalog \"\(path)\" does not exist or is not readable"
        }
    }

    /// A short status for `stockterm providers`: "missing key", "key file too open", "bad config"…
    public var statusLabel: String {
        switch self {
        case .missingEnvironment(_, let role, _, _, _), .missingKeyFile(_, let role, _), .emptyKeyFile(_, let role, _):
            return role == .password ? "missing password" : role == .accessToken ? "missing token" : "missing key"
        case .unreadableKeyFile: return "unreadable key file"
        case .keyFileTooOpen: return "key file too open"
        case .missingCatalog: return "missing catalog"
        default: return "bad config"
        }
    }

    /// Whether the mistake is in what the user typed (exit 2) rather than in the setup (exit 1).
    public var isBadInput: Bool {
        if case .unknownProvider = self { return true }
        return false
    }

    static func octal(_ mode: Int) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func list(_ words: [String]) -> String {
        switch words.count {
        case 0: return "nothing"
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " or " + words.last!
        }
    }
}

extension ConfigError.Place {
    /// `~/.config/stockterm/config.toml line 7: provider "sf": `
    var prefix: String {
        var s = file
        if let line { s += " line \(line)" }
        s += ": "
        if let provider { s += "provider \"\(provider)\": " }
        return s
    }
}
