/// Greedy word wrapping by display width (`DisplayWidth`).
///
/// ```swift
/// TextWrap.wrap("Озеро Байкал зимой", width: 12)   // ["Озеро Байкал", "зимой"]
/// ```
public enum TextWrap {
    /// The lines of `text` broken at spaces, each at most `width` columns; a longer word is cut with "…".
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = "", currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let w = DisplayWidth.of(word)
            if currentWidth > 0 && currentWidth + 1 + w > width {
                lines.append(current); current = ""; currentWidth = 0
            }
            if w > width {
                // A word longer than the line is cut rather than overflowing.
                if currentWidth > 0 { lines.append(current); current = ""; currentWidth = 0 }
                lines.append(DisplayWidth.truncate(word, toWidth: width))
                continue
            }
            current += (currentWidth > 0 ? " " : "") + word
            currentWidth += (currentWidth > 0 ? 1 : 0) + w
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }
}
