import BrowserModel
import Testing
@testable import TerminalUI

/// Key bindings are data: the map, the help and the hints come from the same list.
@Suite struct KeyBindingTests {
    @Test func vimKeysAndArrowsMoveInTheResults() {
        #expect(KeyBinding.action(for: .character("j"), in: .results) == .moveSelection(1))
        #expect(KeyBinding.action(for: .up, in: .results) == .moveSelection(-1))
        #expect(KeyBinding.action(for: .control("d"), in: .results) == .pageDown)
        #expect(KeyBinding.action(for: .character("G"), in: .results) == .end)
        #expect(KeyBinding.action(for: .enter, in: .results) == .openDetail)
    }

    @Test func qQuitsOnTheMainScreenAndGoesBackElsewhere() {
        #expect(KeyBinding.action(for: .character("q"), in: .results) == .quitRequested)
        #expect(KeyBinding.action(for: .character("q"), in: .detail) == .back)
        #expect(KeyBinding.action(for: .escape, in: .help) == .back)
    }

    @Test func typingInTheSearchBarIsNotABinding() {
        #expect(KeyBinding.action(for: .character("q"), in: .searchBar) == nil)
        #expect(KeyBinding.action(for: .character("j"), in: .searchBar) == nil)
        #expect(KeyBinding.action(for: .enter, in: .searchBar) == .submitQuery)
    }

    @Test func spaceTogglesAFilter() {
        #expect(KeyBinding.action(for: .character(" "), in: .filters) == .toggleFilterAtCursor)
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = KeyBinding.all.filter { $0.contexts.contains(context) }.flatMap(\.keys)
            #expect(keys.count == Set(keys).count, "\(context)")
        }
    }

    @Test func hintsAndHelpComeFromTheBindings() {
        #expect(KeyBinding.hints(in: .results) == "Enter open  / search  Tab pane  s sort  ? help  q quit")
        let help = KeyBinding.helpLines(in: .filters)
        #expect(help.contains("space  toggle the filter"))
        #expect(help.first == "↓, j   next filter")
    }
}
