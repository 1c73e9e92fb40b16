@testable import StockImages

/// A tiny terminal for tests: plays back what `HalfBlockEncoder` writes (cursor moves, SGR colours,
/// half blocks, full blocks, spaces and shade characters) and records what each screen cell shows,
/// and every SGR sequence that set a colour the terminal already had.
struct HalfBlockTerminal {
    /// What a cell shows: its upper and lower halves' colours, or a shade character.
    enum Shown: Hashable {
        case halves(top: TerminalColor?, bottom: TerminalColor?)
        case shade(Character)
    }

    /// Screen cells written, by 1-based row and column.
    private(set) var cells: [Int: [Int: Shown]] = [:]
    /// SGR colour settings that changed nothing.
    private(set) var redundantSettings = 0
    /// SGR sequences seen.
    private(set) var sgrCount = 0
    /// Whether the last thing written was `ESC[0m`.
    private(set) var endsWithReset = false

    private var row = 1, column = 1
    private var foreground: TerminalColor?
    private var background: TerminalColor?

    /// Plays `bytes`; throws `Unexpected` for anything the encoder should not write.
    mutating func play(_ bytes: [UInt8]) throws {
        let text = Array(String(decoding: bytes, as: UTF8.self))
        var i = 0
        while i < text.count {
            endsWithReset = false
            if text[i] == "\u{1B}" {
                guard i + 1 < text.count, text[i + 1] == "[" else { throw Unexpected(what: "ESC not followed by [") }
                var j = i + 2
                while j < text.count, !text[j].isLetter { j += 1 }
                guard j < text.count else { throw Unexpected(what: "unterminated CSI") }
                let parameters = String(text[(i + 2) ..< j]).split(separator: ";", omittingEmptySubsequences: false)
                    .map { Int($0) ?? -1 }
                switch text[j] {
                case "H":
                    row = parameters[0]; column = parameters[1]
                case "m":
                    try applySGR(parameters)
                default:
                    throw Unexpected(what: "CSI \(text[j])")
                }
                i = j + 1
                continue
            }
            let shown: Shown
            switch text[i] {
            case "▀": shown = .halves(top: foreground, bottom: background)
            case "▄": shown = .halves(top: background, bottom: foreground)
            case "█": shown = .halves(top: foreground, bottom: foreground)
            case " ": shown = .halves(top: background, bottom: background)
            case "░", "▒", "▓": shown = .shade(text[i])
            default: throw Unexpected(what: "character \(text[i])")
            }
            cells[row, default: [:]][column] = shown
            column += 1
            i += 1
        }
    }

    /// What the cell at 1-based `row`, `column` shows, if anything was written there.
    func shown(row: Int, column: Int) -> Shown? { cells[row]?[column] }

    private mutating func applySGR(_ p: [Int]) throws {
        sgrCount += 1
        if p == [0] {
            foreground = nil; background = nil; endsWithReset = true
            return
        }
        var k = 0
        while k < p.count {
            let color: TerminalColor
            switch p.count - k >= 3 ? p[k + 1] : -1 {
            case 5:
                color = .index(UInt8(p[k + 2])); k += 3
            case 2 where p.count - k >= 5:
                color = .rgb(RGB(UInt8(p[k + 2]), UInt8(p[k + 3]), UInt8(p[k + 4]))); k += 5
            default:
                throw Unexpected(what: "SGR \(p)")
            }
            let selector = p[k - (color.isRGB ? 5 : 3)]
            if selector == 38 {
                if foreground == color { redundantSettings += 1 }
                foreground = color
            } else if selector == 48 {
                if background == color { redundantSettings += 1 }
                background = color
            } else {
                throw Unexpected(what: "SGR selector \(selector)")
            }
        }
    }

    /// Output the tiny terminal does not understand.
    struct Unexpected: Error { var what: String }
}

extension TerminalColor {
    /// Whether this is a 24-bit colour.
    var isRGB: Bool { if case .rgb = self { return true } else { return false } }
}
