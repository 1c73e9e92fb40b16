/// Makes text from outside (titles, descriptions, names, error bodies from a service) safe to put
/// on a terminal: nothing in it can move the cursor, change colours, set the window title, open a
/// hyperlink, or reorder the line.
///
/// It drops C0 controls (a tab or a newline becomes one space), DEL, C1 controls, whole escape
/// sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL` or `… ESC \`, DCS, SOS, PM and APC strings up
/// to their string terminator, two- and three-byte escapes such as `ESC ( B`, and the 8-bit forms
/// U+009B, U+009D, U+0090 …), and the bidirectional embedding, override and isolate controls
/// (U+202A–U+202E, U+2066–U+2069). Everything else, including every printable letter, stays.
///
/// ```swift
/// SafeText.sanitize("\u{1B}[31mred\u{1B}[0m\tline")   // "red line"
/// SafeText.sanitize(bytes: [0x61, 0xFF, 0x62])          // "a\u{FFFD}b"
/// ```
public enum SafeText {
    /// `text` without anything a terminal would act on instead of print.
    public static func sanitize(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: needsAttention) { return text }
        var result = String.UnicodeScalarView()
        var state = State.text
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            let v = scalar.value
            switch state {
            case .text:
                switch v {
                case 0x1B: state = .escape
                case 0x09, 0x0A, 0x2028, 0x2029: result.append(" ")
                case 0x9B: state = .controlSequence
                case 0x9D: state = .operatingSystemCommand
                case 0x90, 0x98, 0x9E, 0x9F: state = .controlString
                case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: break
                default: result.append(scalar)
                }
            case .escape:
                switch v {
                case 0x5B: state = .controlSequence            // [
                case 0x5D: state = .operatingSystemCommand     // ]
                case 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // P X ^ _
                case 0x20...0x2F: state = .escapeIntermediate
                case 0x30...0x7E: state = .text                // a two-byte escape, e.g. ESC 7, ESC \ (ST)
                case 0x1B: state = .escape
                default: state = .text; pending = scalar       // not an escape after all
                }
            case .escapeIntermediate:
                switch v {
                case 0x20...0x2F: break
                case 0x30...0x7E: state = .text                // e.g. ESC ( B
                case 0x1B: state = .escape
                default: state = .text; pending = scalar
                }
            case .controlSequence:
                switch v {
                case 0x40...0x7E: state = .text                // the final byte
                case 0x1B: state = .escape
                case 0x00...0x3F: break                        // parameters, intermediates, controls
                default: state = .text; pending = scalar       // malformed: print what follows
                }
            case .operatingSystemCommand:
                switch v {
                case 0x07, 0x9C: state = .text                 // BEL or 8-bit ST
                case 0x1B: state = .escape                     // ESC \ is the 7-bit ST
                default: break
                }
            case .controlString:
                switch v {
                case 0x9C: state = .text
                case 0x1B: state = .escape
                default: break
                }
            }
        }
        return String(result)
    }

    /// Decodes UTF-8, replacing each invalid sequence with U+FFFD, then sanitizes.
    public static func sanitize(bytes: some Sequence<UInt8>) -> String {
        sanitize(String(decoding: Array(bytes), as: UTF8.self))
    }

    private enum State {
        case text, escape, escapeIntermediate, controlSequence, operatingSystemCommand, controlString
    }

    private static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}
