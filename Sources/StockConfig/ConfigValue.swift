/// A value read from `config.toml`, detached from the TOML library: the parser's output and the
/// validator's input. Tables keep their keys in the order of the file where it is known.
public indirect enum ConfigValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([(key: String, value: ConfigValue)])
    /// A date, time or date-time: valid TOML, never valid in this file; kept to name it in errors.
    case other(typeName: String)

    /// "a string", "an integer", … for "must be a string, not an integer".
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a number with a fraction"
        case .bool: "true or false"
        case .array: "an array"
        case .table: "a table"
        case .other(let name): name
        }
    }

    public static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.float(let a), .float(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.table(let a), .table(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.other(let a), .other(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let v): hasher.combine(0); hasher.combine(v)
        case .integer(let v): hasher.combine(1); hasher.combine(v)
        case .float(let v): hasher.combine(2); hasher.combine(v)
        case .bool(let v): hasher.combine(3); hasher.combine(v)
        case .array(let v): hasher.combine(4); hasher.combine(v)
        case .table(let v): hasher.combine(5); for (k, x) in v { hasher.combine(k); hasher.combine(x) }
        case .other(let v): hasher.combine(6); hasher.combine(v)
        }
    }
}

/// A parsed `config.toml`: the root table and where each key was written.
public struct ConfigDocument: Sendable {
    public var root: [(key: String, value: ConfigValue)]
    public var lines: ConfigLineIndex

    public init(root: [(key: String, value: ConfigValue)], lines: ConfigLineIndex) {
        self.root = root; self.lines = lines
    }
}
