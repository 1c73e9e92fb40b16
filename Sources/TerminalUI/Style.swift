import StockImages

/// How a cell is drawn: attributes plus foreground and background colour roles, or, for a cell
/// of a picture, its two pixels.
///
/// ```swift
/// let selected = Style(foreground: .selection, reverse: true)
/// let hint = Style.plain.with(foreground: .muted)
/// ```
public struct Style: Hashable, Sendable {
    /// The colour of the character.
    public var foreground: ColorRole
    /// The colour behind it.
    public var background: ColorRole
    /// Bold (A_BOLD).
    public var bold: Bool
    /// Foreground and background swapped (A_REVERSE); also readable without colours.
    public var reverse: Bool
    /// Dim (A_DIM).
    public var dim: Bool
    /// Underlined (A_UNDERLINE).
    public var underline: Bool
    /// A picture's cell: the upper and lower pixel of a half block. The screen draws these
    /// outside ncurses, in the terminal's colour mode (`TerminalScreen`); the roles and
    /// attributes above are then unused.
    public var picture: HalfBlockCell?

    /// A style; every attribute off and both colours `.normal` unless given.
    public init(foreground: ColorRole = .normal, background: ColorRole = .normal,
                bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false,
                picture: HalfBlockCell? = nil) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.picture = picture
    }

    /// The terminal's default: no attributes, default colours.
    public static let plain = Style()

    /// A copy with another foreground role.
    public func with(foreground role: ColorRole) -> Style {
        var copy = self
        copy.foreground = role
        return copy
    }

    /// A copy with another background role.
    public func with(background role: ColorRole) -> Style {
        var copy = self
        copy.background = role
        return copy
    }
}
