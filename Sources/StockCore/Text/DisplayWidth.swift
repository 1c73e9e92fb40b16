/// How many terminal columns text takes, independent of the C library's locale (glibc's `wcwidth`
/// answers -1 for everything non-ASCII unless `LC_CTYPE` is UTF-8, and gives emoji with VS16 width 1).
///
/// Per user-perceived character (grapheme cluster): the width of its first scalar, where combining
/// marks, format characters and controls are 0, East Asian Wide and Fullwidth characters and emoji
/// with emoji presentation are 2, and everything else is 1; a variation selector 16 (U+FE0F) makes
/// a narrow base 2 (`"🏔️"`). Cyrillic, Kazakh and Latin letters are 1 each.
///
/// ```swift
/// DisplayWidth.of("Алматы")                                // 6
/// DisplayWidth.of("東京")                                  // 4
/// DisplayWidth.truncate("Aerial view of Baikal", toWidth: 10)  // "Aerial vi…"
/// DisplayWidth.pad("東京", toWidth: 6)                    // "東京  "
/// ```
public enum DisplayWidth {
    /// Columns `text` takes.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        let width = of(base)
        // VS16 asks for emoji presentation, which terminals draw two columns wide.
        if width == 1, scalars.count > 1, scalars.contains("\u{FE0F}") { return 2 }
        return width
    }

    /// Columns one scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }                                 // DEL and C1 controls
        if v < 0x300 || (v >= 0x400 && v < 0x483) || (v >= 0x48A && v < 0x530) {
            return 1                                             // Latin, Cyrillic letters (incl. Kazakh)
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }  // Hangul vowels, finals
        if isWide(v) { return 2 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return properties.isEmojiPresentation ? 2 : 1
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when anything was cut.
    /// Never splits a grapheme cluster; a wide character that would straddle the edge is left out.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        if ellipsisWidth > width { return prefix(of: text, fitting: width) }
        return prefix(of: text, fitting: width - ellipsisWidth) + ellipsis
    }

    /// `text` truncated to `width` columns, then padded with spaces to exactly `width`.
    public static func pad(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width)
        let used = of(cut)
        return used < width ? cut + String(repeating: " ", count: width - used) : cut
    }

    private static func prefix(of text: String, fitting width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks that are not emoji (emoji use their
    /// Emoji_Presentation property), from Unicode 15's EastAsianWidth.txt, coalesced.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5,
        0x2FF0...0x2FFB, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E,
        0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C, 0xA490...0xA4C6,
        0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66,
        0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B122,
        0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { hi = mid - 1 } else if v > range.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
