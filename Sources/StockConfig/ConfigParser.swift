import Foundation

/// Checks a parsed config.toml against what stockterm understands: every key known, every value
/// of its type, every required key present.
struct ConfigParser {
    let paths: ConfigPaths

    private var file: String { paths.display(paths.configFile) }

    func parse(_ text: String) throws(ConfigError) -> StocktermConfig {
        let document: ConfigDocument
        do {
            document = try TOMLReader.read(text)
        } catch {
            throw .syntax(.init(file: file, line: error.line), message: error.message)
        }
        let lines = document.lines
        var defaultName: String?
        var images: Bool?
        var entries: [StocktermConfig.Entry] = [StocktermConfig.demoEntry]
        for (key, value) in document.root {
            let place = ConfigError.Place(file: file, line: lines.line(of: [key]))
            switch key {
            case "default":
                guard case .string(let name) = value else {
                    throw .wrongType(place, key: "default", expected: "a string (a provider's name)", found: value.typeName)
                }
                defaultName = name
            case "images":
                guard case .bool(let on) = value else {
                    throw .wrongType(place, key: "images", expected: "true or false", found: value.typeName)
                }
                images = on
            case "providers":
                guard case .table(let tables) = value else {
                    throw .wrongType(place, key: "providers", expected: "a table ([providers.NAME])", found: value.typeName)
                }
                for (name, body) in tables {
                    entries.append(try entry(name: name, body: body, lines: lines))
                }
            default:
                throw .unknownKey(place, key: key, allowed: ["default", "images", "providers"])
            }
        }
        if let defaultName, !entries.contains(where: { $0.name == defaultName }) {
            throw .unknownDefault(.init(file: file, line: lines.line(of: ["default"])), name: defaultName,
                                  known: entries.map(\.name))
        }
        return StocktermConfig(paths: paths, fileExists: true, defaultName: defaultName, entries: entries, images: images)
    }

    /// One `[providers.NAME]`: a valid entry, or one that carries its first mistake.
    private func entry(name: String, body: ConfigValue, lines: ConfigLineIndex) throws(ConfigError) -> StocktermConfig.Entry {
        let headerLine = lines.line(of: ["providers", name])
        let place = ConfigError.Place(file: file, line: headerLine, provider: name)
        if name == ProviderConfig.demoName { throw .reservedName(place, name: name) }
        guard case .table(let pairs) = body else {
            return .init(name: name, line: headerLine, kindName: nil,
                         result: .failure(.wrongType(.init(file: file, line: headerLine), key: "providers.\(name)",
                                                     expected: "a table ([providers.\(name)])", found: body.typeName)))
        }
        var kindName: String?
        if let kindValue = pairs.first(where: { $0.key == "kind" })?.value, case .string(let k) = kindValue { kindName = k }
        do throws(ConfigError) {
            let config = try ProviderTable(name: name, pairs: pairs, file: file, headerLine: headerLine, lines: lines).validate()
            return .init(name: name, line: headerLine, kindName: kindName, result: .success(config))
        } catch {
            return .init(name: name, line: headerLine, kindName: kindName, result: .failure(error))
        }
    }
}

/// The keys of one `[providers.NAME]` table, read one by one with their lines.
private struct ProviderTable {
    let name: String
    let pairs: [(key: String, value: ConfigValue)]
    let file: String
    let headerLine: Int?
    let lines: ConfigLineIndex

    func place(_ key: String?) -> ConfigError.Place {
        .init(file: file, line: key.flatMap { lines.line(of: ["providers", name, $0]) } ?? headerLine, provider: name)
    }

    func value(_ key: String) -> ConfigValue? { pairs.first { $0.key == key }?.value }

    func string(_ key: String, required: Bool = false) throws(ConfigError) -> String? {
        guard let value = value(key) else {
            if required { throw .missingKey(place(nil), key: key) }
            return nil
        }
        guard case .string(let s) = value else { throw .wrongType(place(key), key: key, expected: "a string", found: value.typeName) }
        guard !s.trimmingSpaces.isEmpty else { throw .invalidValue(place(key), key: key, why: "must not be empty") }
        return s
    }

    func validate() throws(ConfigError) -> ProviderConfig {
        guard let kindText = try string("kind", required: true) else { throw .missingKey(place(nil), key: "kind") }
        guard let kind = ProviderKind(rawValue: kindText) else { throw .unknownKind(place("kind"), kind: kindText) }
        let allowed = kind.allowedKeys
        for (key, _) in pairs where !allowed.contains(key) {
            throw .unknownKey(place(key), key: key, allowed: allowed)
        }
        var config = ProviderConfig(name: name, kind: kind, line: headerLine)
        if !(name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" }) {
            throw .invalidValue(place(nil), key: "[providers.\(name)]",
                                why: "a provider's name may hold only ASCII letters, digits, - and _ (it is typed after --provider)")
        }
        switch kind {
        case .catalog:
            config.catalogPath = try string("path", required: true)
        case .stockflow, .adobe, .stocksy:
            if let endpoint = try string("endpoint") {
                guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                      let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
                    throw .invalidValue(place("endpoint"), key: "endpoint",
                                        why: "must be an http or https URL without query or fragment, such as \"https://api.stockflow.ru/v2\"; got \"\(endpoint)\"")
                }
                config.endpoint = url
            }
            if let value = value("rate_limit") {
                guard case .integer(let n) = value else {
                    throw .wrongType(place("rate_limit"), key: "rate_limit", expected: "a whole number of requests per \(kind.rateLimitUnit!)", found: value.typeName)
                }
                guard (1...100_000).contains(n) else {
                    throw .invalidValue(place("rate_limit"), key: "rate_limit", why: "must be between 1 and 100000 requests per \(kind.rateLimitUnit!), got \(n)")
                }
                config.rateLimit = n
            }
            if kind == .adobe { config.product = try string("product") }
            if kind == .stocksy { config.email = try string("email", required: true) }
            for (role, defaultVariable, required) in kind.credentialRoles {
                let fileValue = try string(role.fileKey), envValue = try string(role.environmentKey)
                if fileValue != nil, envValue != nil {
                    throw .conflictingKeys(place(role.environmentKey), keys: [role.fileKey, role.environmentKey])
                }
                if let envValue, envValue.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
                    throw .invalidValue(place(role.environmentKey), key: role.environmentKey,
                                        why: "must be the name of an environment variable (letters, digits, _), got \"\(envValue)\"")
                }
                let source: CredentialSource = fileValue.map { .file($0) } ?? .environment(envValue ?? defaultVariable)
                config.credentials.append(CredentialSpec(role: role, source: source, required: required,
                                                         isDefault: fileValue == nil && envValue == nil))
            }
        }
        return config
    }
}
