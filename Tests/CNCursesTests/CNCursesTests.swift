import CNCurses
import Testing

/// The ncursesw system library is wired: the shim exposes the wide-character API and the
/// macros Swift cannot import, and the library links. (The terminal UI builds on this.)
@Suite struct CNCursesTests {
    @Test func linksNcursesSix() {
        let version = String(cString: curses_version())
        #expect(version.hasPrefix("ncurses 6"), "\(version)")
    }

    @Test func wideCharacterCellsAreAvailable() {
        var cell = cchar_t()
        let text: [wchar_t] = [0x049B, 0] // қ
        let status = text.withUnsafeBufferPointer { setcchar(&cell, $0.baseAddress, CN_A_BOLD, 0, nil) }
        #expect(status == OK)
        var back = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        #expect(getcchar(&cell, &back, &attributes, &pair, nil) == OK)
        #expect(back[0] == 0x049B)
        #expect(attributes & CN_A_BOLD != 0)
    }

    /// The mark the screen gives a picture's cells (TerminalScreen.pictureMarker) is none of the
    /// attributes a terminal draws, and it survives a cell's round trip.
    @Test func thePictureMarkIsAnUndrawnAttributeThatCellsKeep() {
        #expect(CN_A_HORIZONTAL & (CN_A_BOLD | CN_A_DIM | CN_A_REVERSE | CN_A_UNDERLINE | CN_A_STANDOUT) == 0)
        var cell = cchar_t()
        let text: [wchar_t] = [0x20, 0]
        _ = text.withUnsafeBufferPointer { setcchar(&cell, $0.baseAddress, CN_A_HORIZONTAL, 0, nil) }
        var back = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        #expect(getcchar(&cell, &back, &attributes, &pair, nil) == OK)
        #expect(attributes & CN_A_HORIZONTAL != 0)
    }

    @Test func attributeConstantsDiffer() {
        let all = [CN_A_BOLD, CN_A_REVERSE, CN_A_DIM, CN_A_UNDERLINE]
        #expect(Set(all).count == all.count)
        #expect(cn_key_f(1) != cn_key_f(2))
    }
}
