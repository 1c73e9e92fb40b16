import CNCurses

/// Maps `Style`s to ncurses attributes and colour pairs, allocating a pair per foreground and
/// background combination the first time it is drawn.
///
/// Monochrome (`NO_COLOR` set, or a terminal without colours) uses attributes only: selection
/// stays readable through reverse video, and muted text is dim.
struct ColorPalette {
    /// Whether colours are used at all.
    let usesColor: Bool
    private let colorCount: Int
    private var pairs: [UInt16: Int16] = [:]
    private var nextPair: Int16 = 1
    private var cache: [Style: (attr_t, Int16)] = [:]

    /// Call after `start_color()` and `use_default_colors()` when `usesColor`.
    init(usesColor: Bool, colorCount: Int) {
        self.usesColor = usesColor
        self.colorCount = colorCount
    }

    /// The attributes and colour pair for a style.
    mutating func attributes(for style: Style) -> (attr_t, Int16) {
        if let known = cache[style] { return known }
        var attributes: attr_t = CN_A_NORMAL
        if style.bold { attributes |= CN_A_BOLD }
        if style.reverse { attributes |= CN_A_REVERSE }
        if style.dim { attributes |= CN_A_DIM }
        if style.underline { attributes |= CN_A_UNDERLINE }
        var pair: Int16 = 0
        if usesColor {
            let foreground = color(style.foreground)
            let background = color(style.background)
            if style.foreground == .muted, colorCount < 16 { attributes |= CN_A_DIM }
            if foreground != -1 || background != -1 { pair = self.pair(foreground, background) }
        } else {
            if style.foreground == .muted { attributes |= CN_A_DIM }
            if style.foreground == .error || style.foreground == .warning { attributes |= CN_A_BOLD }
        }
        cache[style] = (attributes, pair)
        return (attributes, pair)
    }

    /// The terminal colour of a role; -1 is the terminal's default.
    private func color(_ role: ColorRole) -> Int16 {
        switch role {
        case .normal: -1
        case .accent: Int16(COLOR_CYAN)
        case .muted: colorCount >= 16 ? 8 : -1   // bright black: grey on 16-colour terminals
        case .warning: Int16(COLOR_YELLOW)
        case .error: Int16(COLOR_RED)
        case .selection: -1   // reverse video in the default colours: readable on any theme
        }
    }

    private mutating func pair(_ foreground: Int16, _ background: Int16) -> Int16 {
        let key = UInt16(UInt8(bitPattern: Int8(truncatingIfNeeded: foreground))) << 8
            | UInt16(UInt8(bitPattern: Int8(truncatingIfNeeded: background)))
        if let known = pairs[key] { return known }
        guard Int(nextPair) < Int(cn_color_pairs()) else { return 0 }
        let pair = nextPair
        init_pair(pair, foreground, background)
        pairs[key] = pair
        nextPair += 1
        return pair
    }
}
