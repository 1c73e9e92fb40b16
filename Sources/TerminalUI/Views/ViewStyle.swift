/// The styles the views share, so that a role means the same thing on every part of the screen.
///
/// Meaning never rests on colour alone: the selection is reversed, badges and checkboxes are
/// text, and warnings carry a "⚠".
enum ViewStyle {
    /// The selected row of the focused list, and the highlighted line of the filter pane or the
    /// sort picker.
    static let selected = Style(foreground: .selection, reverse: true)
    /// The selected result while another pane has the keys: still visible, without the bar.
    static let selectedUnfocused = Style(bold: true)
    /// Secondary text: counts, hints, placeholders, labels.
    static let muted = Style(foreground: .muted)
    /// Column headers and the titles of sections.
    static let header = Style(foreground: .muted, bold: true)
    /// The title of the pane with the keys, the search prompt, 4k and free badges.
    static let accent = Style(foreground: .accent)
    /// `accent`, bold.
    static let accentBold = Style(foreground: .accent, bold: true)
    /// Premium badges and content warnings.
    static let warning = Style(foreground: .warning)
    /// A content warning line.
    static let warningBold = Style(foreground: .warning, bold: true)
    /// The last error.
    static let error = Style(foreground: .error)
    /// The character of the query where it stops parsing.
    static let queryError = Style(foreground: .error, underline: true)
    /// Titles.
    static let bold = Style(bold: true)
}
