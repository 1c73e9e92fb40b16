import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a provider's secrets from the environment or from files.
///
/// A file must be a regular file readable by its owner alone, as ssh asks of a private key: one
/// that its group or others can read or write is refused with the `chmod` that fixes it. One
/// trailing newline (`\n` or `\r\n`) is dropped; an empty secret is refused.
public struct CredentialResolver: Sendable {
    public var paths: ConfigPaths
    private let environment: [String: String]
    /// Secret files above this size are refused: no key is that long, and a wrong path may be.
    public static let maxFileSize = 64 * 1024

    public init(paths: ConfigPaths, environment: [String: String]) {
        self.paths = paths; self.environment = environment
    }

    public func resolve(_ config: ProviderConfig) throws(ConfigError) -> ResolvedProvider {
        var credentials: [ResolvedCredential] = []
        for spec in config.credentials {
            credentials.append(try read(spec, provider: config.name))
        }
        var catalogURL: URL?
        if let written = config.catalogPath {
            let url = paths.resolve(written)
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw .missingCatalog(provider: config.name, path: written)
            }
            catalogURL = url
        }
        return ResolvedProvider(config: config, catalogURL: catalogURL, credentials: credentials)
    }

    /// One secret. An optional one that is absent resolves to no secret rather than an error.
    public func read(_ spec: CredentialSpec, provider: String) throws(ConfigError) -> ResolvedCredential {
        switch spec.source {
        case .environment(let variable):
            guard let value = environment[variable], !value.isEmpty else {
                if !spec.required { return ResolvedCredential(spec: spec, secret: nil, fileMode: nil) }
                throw .missingEnvironment(provider: provider, role: spec.role, variable: variable,
                                          fileKey: spec.role.fileKey, empty: environment[variable] != nil)
            }
            return ResolvedCredential(spec: spec, secret: Secret(Self.dropNewline(value)), fileMode: nil)
        case .file(let written):
            let (secret, mode) = try readFile(written, role: spec.role, provider: provider)
            return ResolvedCredential(spec: spec, secret: secret, fileMode: mode)
        }
    }

    private func readFile(_ written: String, role: CredentialRole, provider: String) throws(ConfigError) -> (Secret, Int) {
        let url = paths.resolve(written)
        // Open first and check the opened file, so that what is checked is what is read.
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw .missingKeyFile(provider: provider, role: role, path: written) }
            throw .unreadableKeyFile(provider: provider, role: role, path: written, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .unreadableKeyFile(provider: provider, role: role, path: written, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadableKeyFile(provider: provider, role: role, path: written, reason: "not a regular file")
        }
        let mode = Int(info.st_mode & 0o7777)
        if mode & 0o077 != 0 {
            throw .keyFileTooOpen(provider: provider, role: role, path: written, mode: mode, chmodPath: Self.shellWord(written, resolved: url))
        }
        guard Int(info.st_size) <= Self.maxFileSize else {
            throw .unreadableKeyFile(provider: provider, role: role, path: written,
                                     reason: "\(info.st_size) bytes is too large for a key (at most \(Self.maxFileSize))")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = systemRead(fd, &buffer, buffer.count)
            if n > 0 {
                bytes += buffer[0..<n]
                if bytes.count > Self.maxFileSize {
                    throw .unreadableKeyFile(provider: provider, role: role, path: written, reason: "too large for a key")
                }
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw .unreadableKeyFile(provider: provider, role: role, path: written, reason: String(cString: strerror(errno)))
            }
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw .unreadableKeyFile(provider: provider, role: role, path: written, reason: "not UTF-8 text")
        }
        let value = Self.dropNewline(text)
        guard !value.isEmpty else { throw .emptyKeyFile(provider: provider, role: role, path: written) }
        return (Secret(value), mode)
    }

    /// One trailing `\n` or `\r\n` dropped, as `echo KEY > file` writes it; nothing else touched.
    static func dropNewline(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        if scalars.last == "\n" {
            scalars.removeLast()
            if scalars.last == "\r" { scalars.removeLast() }
        }
        return String(scalars)
    }

    /// The path for a `chmod` command line: as written when the shell reads it as is (so `~` stays
    /// `~`), else the full path in single quotes.
    static func shellWord(_ written: String, resolved: URL) -> String {
        let plain = written.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/._-~+,:@%".unicodeScalars.contains($0)
        }
        if plain, !written.hasPrefix("~") || written == "~" || written.hasPrefix("~/") { return written }
        return "'" + resolved.path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

/// One secret read, with where it came from.
public struct ResolvedCredential: Sendable, Hashable, CustomStringConvertible {
    public var spec: CredentialSpec
    /// Nil for an optional secret that is not set.
    public var secret: Secret?
    /// The permission bits of the file it was read from.
    public var fileMode: Int?

    /// "env STOCKFLOW_API_KEY", "file ~/.config/stockterm/stockflow.key (0600)", "env ADOBE_STOCK_ACCESS_TOKEN (not set)".
    public var description: String {
        var text = spec.source.description
        if let fileMode { text += " (\(ConfigError.octal(fileMode)))" }
        if secret == nil { text += " (not set)" }
        return text
    }
}

/// A provider ready to be built: its configuration, its secrets, its catalog file.
public struct ResolvedProvider: Sendable, CustomStringConvertible {
    public var config: ProviderConfig
    /// The catalog file; nil for `demo` (the embedded catalog) and for services.
    public var catalogURL: URL?
    /// In the order of `config.credentials`.
    public var credentials: [ResolvedCredential]

    public init(config: ProviderConfig, catalogURL: URL?, credentials: [ResolvedCredential]) {
        self.config = config; self.catalogURL = catalogURL; self.credentials = credentials
    }

    public var name: String { config.name }
    public var kind: ProviderKind { config.kind }

    /// The secret of `role`, if the kind has one and it is set.
    public func secret(_ role: CredentialRole) -> Secret? {
        credentials.first { $0.spec.role == role }?.secret
    }

    /// `stockflow (stockflow): api_key from env STOCKFLOW_API_KEY`: never a secret.
    public var description: String {
        let sources = credentials.map { "\($0.spec.role.rawValue) from \($0)" }
        return "\(name) (\(kind.rawValue))" + (sources.isEmpty ? "" : ": " + sources.joined(separator: ", "))
    }
}

/// `read(2)`; the name `read` is taken by `CredentialResolver.read(_:provider:)`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
