import Foundation

/// Writes JSON for scripts: sorted keys, one object, and no byte that a terminal would act on.
/// JSONEncoder already escapes C0 controls (ESC becomes `\u001b`); this also escapes C1 controls,
/// DEL and the bidirectional overrides, which are valid unescaped JSON but steer terminals and
/// readers. Escaping keeps the data exact for a parser while the bytes stay inert.
enum JSONOutput {
    static func write(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try write(bytes: Array(try encoder.encode(value)))
    }

    /// Writes JSON text already made, escaping what `escapeUnsafe` escapes.
    static func write(bytes: [UInt8]) throws {
        var out = escapeUnsafe(bytes)
        out.append(0x0A)
        FileHandle.standardOutput.write(Data(out))
    }

    /// Replaces DEL, U+0080–U+009F, U+200E–U+200F, U+202A–U+202E and U+2066–U+2069 with `\uXXXX`.
    static func escapeUnsafe(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        let hex = Array("0123456789abcdef".utf8)
        func escape(_ scalar: UInt32) {
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(scalar >> 12 & 15)], hex[Int(scalar >> 8 & 15)],
                    hex[Int(scalar >> 4 & 15)], hex[Int(scalar & 15)]]
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x7F { out.append(b); i += 1; continue }
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
