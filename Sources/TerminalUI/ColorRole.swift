/// What a colour means, not which colour it is: the screen maps roles to terminal colour pairs
/// (or to nothing at all under `NO_COLOR` or on a monochrome terminal).
public enum ColorRole: UInt8, Hashable, Sendable, CaseIterable {
    /// The terminal's default colour.
    case normal
    /// Emphasis: the focused pane's title, a 4k badge, the search prompt.
    case accent
    /// Secondary text: hints, counts, placeholders.
    case muted
    /// Something to notice: content warnings, a premium badge.
    case warning
    /// Something went wrong: the last error in the status line.
    case error
    /// The selected row.
    case selection
}
