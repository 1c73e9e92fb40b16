import Foundation

/// Writes JSON for scripts: sorted keys, one object, and no byte that a terminal would act on.
/// JSONEncoder already escapes C0 controls (ESC becomes `\u001b`); this also escapes C1 controls,
/// DEL and the bidirectional overrides, which are valid unescaped JSON but steer terminals and
/// readers. Escaping keeps the data exact for a parser while the bytes stay inert.
enum JSONOutput {
    static func write(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data = escapeUnsafe(data)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// Replaces DEL, U+0080–U+009F, U+200E–U+200F, U+202A–U+202E and U+2066–U+2069 with `\uXXXX`.
    static func escapeUnsafe(_ data: Data) -> Data {
        var out = Data()
        out.reserveCapacity(data.count)
        let bytes = [UInt8](data)
        var i = 0
        func escape(_ scalar: UInt32) {
            out.append(contentsOf: Array(String(format: "\\u%04x", scalar).utf8))
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x7F { escape(0x7F); i += 1; continue }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                escape(UInt32(bytes[i + 1])); i += 2; continue
            }
            if b == 0xE2, i + 2 < bytes.count {
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                if (0x200E...0x200F).contains(scalar) || (0x202A...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) {
                    escape(scalar); i += 3; continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }
}
