/// A key as the screen reads it, independent of ncurses' codes.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter, e.g. `.control("d")` for ctrl-d.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backspace, delete

    /// How help and hints write the key: `j`, `ctrl-d`, `↑`, `PgDn`, `Enter`.
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "ctrl-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        }
    }
}
