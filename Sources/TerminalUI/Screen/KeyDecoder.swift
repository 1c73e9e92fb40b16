import CNCurses

/// ncurses' key codes and characters, as `Key`s.
enum KeyDecoder {
    /// A function key (`KEY_CODE_YES`), or nil for one the browser does not use.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .tab
        default: nil
        }
    }

    /// A character read with `wget_wch`: control characters become their keys, the rest text.
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            // C1 controls and the like never become text.
            if (0x80..<0xA0).contains(value) { return nil }
            return .character(Character(scalar))
        }
    }
}
