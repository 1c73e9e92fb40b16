/// `stockterm providers --json`: the configuration file, and each provider with where its secrets
/// come from (never a secret) and, with `--check`, the check's outcome. Schema: providers.schema.json.
struct ProvidersJSON: Encodable {
    struct Provider: Encodable {
        var summary: ProviderSummary
        var check: ProviderCheck.Result?

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(check, forKey: .check)
        }
        enum Key: String, CodingKey { case check }
    }

    /// The file read, or null when there is none.
    var config: String?
    /// Where it was looked for.
    var searched: String
    var defaultProvider: String
    var providers: [Provider]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(config, forKey: .config)
        try container.encode(searched, forKey: .searched)
        try container.encode(defaultProvider, forKey: .defaultProvider)
        try container.encode(providers, forKey: .providers)
    }
    enum Key: String, CodingKey { case config, searched, defaultProvider = "default", providers }
}
