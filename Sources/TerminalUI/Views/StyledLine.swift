import StockCore

/// One line of text made of runs in different styles, for views that build their content first
/// and draw it later (the detail view scrolls through an array of them).
///
/// ```swift
/// let line = StyledLine([Span("Type: ", ViewStyle.muted), Span("video")])
/// grid.draw(line, at: 2, y: 5, maxWidth: 40)
/// ```
struct StyledLine: Hashable, Sendable {
    /// A run of text in one style.
    struct Span: Hashable, Sendable {
        /// The text; untrusted text is fine, `Grid.draw` sanitises it.
        var text: String
        /// How it is drawn.
        var style: Style

        /// A run.
        init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
    }

    /// The runs, left to right.
    var spans: [Span]

    /// A line of runs.
    init(_ spans: [Span] = []) { self.spans = spans }

    /// A line of one run.
    init(_ text: String, _ style: Style = .plain) { self.spans = [Span(text, style)] }

    /// The empty line.
    static let blank = StyledLine()

    /// The text without styles (for tests and measuring).
    var text: String { spans.map(\.text).joined() }
}

extension Grid {
    /// Draws the runs of `line` one after another from column `x` of row `y`, within `maxWidth`
    /// columns; a run that does not fit is cut with "…" and the rest are left out.
    /// Returns the columns used.
    @discardableResult
    mutating func draw(_ line: StyledLine, at x: Int, y: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in line.spans {
            let room = maxWidth - used
            guard room > 0 else { break }
            let fits = DisplayWidth.of(SafeText.sanitize(span.text)) <= room
            used += draw(span.text, at: x + used, y: y, maxWidth: room, style: span.style)
            if !fits { break }
        }
        return used
    }
}
