/// A JSON value built by an emulator, with object members kept in the order written, so that
/// answers read like the documents' examples. The emulators write their wire formats with this
/// and nothing else (never a client's types).
indirect enum JSONNode: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONNode])
    case object([Member])

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONNode
    }

    /// An object from `key: value` pairs in order; members whose value is nil are left out.
    static func object(_ pairs: KeyValuePairs<String, JSONNode?>) -> JSONNode {
        .object(pairs.compactMap { pair in pair.value.map { Member(key: pair.key, value: $0) } })
    }

    /// An object from an ordered list of members.
    static func members(_ list: [(String, JSONNode)]) -> JSONNode {
        .object(list.map { Member(key: $0.0, value: $0.1) })
    }

    static func int(_ v: Int) -> JSONNode { .int(Int64(v)) }
    static func strings(_ values: [String]) -> JSONNode { .array(values.map(JSONNode.string)) }
    static func optional(_ v: String?) -> JSONNode { v.map(JSONNode.string) ?? .null }

    /// The compact JSON text.
    var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            // Swift's shortest round-trip form is valid JSON ("8.4", "15.0", "1e-05").
            out += d.isFinite ? String(d) : "null"
        case .string(let s): JSONNode.writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                JSONNode.writeString(member.key, into: &out)
                out += ":"
                member.value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
