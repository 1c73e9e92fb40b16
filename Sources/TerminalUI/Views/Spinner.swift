/// The braille spinner the status line shows while something loads.
///
/// The screen advances `frame` about every 100 ms; the view only picks the glyph.
///
/// ```swift
/// Spinner.glyph(frame: 0)    // "⠋"
/// Spinner.glyph(frame: 11)   // "⠙"
/// ```
public enum Spinner {
    /// The frames, in order.
    public static let frames: [Character] = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    /// The glyph for a frame counter (any integer, negative ones too).
    public static func glyph(frame: Int) -> Character {
        let count = frames.count
        return frames[((frame % count) + count) % count]
    }
}
