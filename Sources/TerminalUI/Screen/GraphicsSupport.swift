/// What the terminal said, when asked at start, about drawing real pictures: whether it speaks
/// kitty's graphics protocol, whether it draws sixels, and how big a cell is in pixels.
///
/// Nothing is assumed: a terminal that does not answer supports nothing. `GraphicsProbe` asks
/// and `parse` reads the answers:
///
/// ```text
/// kitty graphics query  ESC _ G i=31,…;AAAA ESC \   → ESC _ G i=31;OK ESC \      (kitty, WezTerm, Ghostty)
/// cell size             ESC [ 16 t                 → ESC [ 6 ; height ; width t
/// device attributes     ESC [ c                    → ESC [ ? 62 ; 4 ; … c         (4: sixel)
/// ```
///
/// Every terminal answers the device attributes, and answers in order, so that answer marks the end.
public struct GraphicsSupport: Hashable, Sendable {
    /// The terminal answered kitty's graphics query with OK.
    public var kitty = false
    /// The device attributes list 4 (sixel graphics).
    public var sixel = false
    /// A cell's size in pixels, when the terminal (or the kernel's window size) told it.
    public var cellWidth: Int?
    /// A cell's height in pixels, when known.
    public var cellHeight: Int?

    /// Nothing supported, size unknown.
    public init(kitty: Bool = false, sixel: Bool = false, cellWidth: Int? = nil, cellHeight: Int? = nil) {
        self.kitty = kitty
        self.sixel = sixel
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }

    /// The answers in `bytes` so far, and whether the device attributes answer (the last one) is
    /// among them. Bytes that are no answer (a key pressed meanwhile) are skipped.
    public static func parse(_ bytes: [UInt8]) -> (support: GraphicsSupport, complete: Bool) {
        var support = GraphicsSupport()
        var complete = false
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B, i + 1 < bytes.count else { i += 1; continue }
            if bytes[i + 1] == UInt8(ascii: "_") {
                // APC … ST: a graphics answer is "Gi=31;OK".
                guard let end = stringTerminator(in: bytes, from: i + 2) else { break }
                let body = String(decoding: bytes[(i + 2) ..< end], as: UTF8.self)
                if body.hasPrefix("G"), body.contains("i=31"), body.hasSuffix(";OK") { support.kitty = true }
                i = end + 2
            } else if bytes[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j < bytes.count, (0x20 ... 0x3F).contains(bytes[j]) { j += 1 }
                guard j < bytes.count else { break }
                let parameters = String(decoding: bytes[(i + 2) ..< j], as: UTF8.self)
                switch bytes[j] {
                case UInt8(ascii: "c") where parameters.hasPrefix("?"):
                    support.sixel = parameters.dropFirst().split(separator: ";").contains("4")
                    complete = true
                case UInt8(ascii: "t"):
                    let fields = parameters.split(separator: ";").compactMap { Int($0) }
                    if fields.count == 3, fields[0] == 6, fields[1] > 0, fields[2] > 0 {
                        support.cellHeight = fields[1]
                        support.cellWidth = fields[2]
                    }
                default: break
                }
                i = j + 1
            } else {
                i += 1
            }
        }
        return (support, complete)
    }

    /// The index of the ESC of the first `ESC \` at or after `start`.
    private static func stringTerminator(in bytes: [UInt8], from start: Int) -> Int? {
        var k = start
        while k + 1 < bytes.count {
            if bytes[k] == 0x1B, bytes[k + 1] == 0x5C { return k }
            k += 1
        }
        return nil
    }

    /// How pictures are drawn with this support: kitty's protocol when it answered; else sixels
    /// when the cell size is known (a sixel is drawn in pixels and must fit its cells); else half
    /// blocks. `STOCKTERM_GRAPHICS=half-blocks` in `environment` always gives half blocks.
    public func chosenProtocol(environment: [String: String]) -> GraphicsProtocol {
        if environment["STOCKTERM_GRAPHICS"] == GraphicsProtocol.halfBlocks.rawValue { return .halfBlocks }
        if kitty { return .kitty }
        if sixel, cellWidth != nil, cellHeight != nil { return .sixel }
        return .halfBlocks
    }
}

/// How the screen draws pictures.
public enum GraphicsProtocol: String, Hashable, Sendable {
    /// Unicode half blocks in colour: every terminal.
    case halfBlocks = "half-blocks"
    /// kitty's graphics protocol: the picture at the terminal's full resolution.
    case kitty
    /// DEC sixel images.
    case sixel
}
