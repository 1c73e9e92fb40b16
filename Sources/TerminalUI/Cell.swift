/// One terminal column of a `Grid`: a character with its style, or the right half of a wide
/// character drawn in the cell to its left.
public struct Cell: Hashable, Sendable {
    /// What the column shows.
    public enum Content: Hashable, Sendable {
        /// A grapheme cluster that starts in this column (one or two columns wide).
        case character(Character)
        /// The right half of the two-column character in the column to the left: draw nothing here.
        case continuation
    }

    /// What the column shows.
    public var content: Content
    /// How it is drawn.
    public var style: Style

    /// A cell showing `content` in `style`.
    public init(_ content: Content, style: Style = .plain) {
        self.content = content
        self.style = style
    }

    /// A cell showing `character` in `style`.
    public init(_ character: Character, style: Style = .plain) {
        self.init(.character(character), style: style)
    }

    /// A space in the plain style: what a new grid holds.
    public static let blank = Cell(" ")

    /// The character that starts here, or nil for a continuation.
    public var character: Character? {
        if case .character(let c) = content { return c }
        return nil
    }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { content == .continuation }
}
