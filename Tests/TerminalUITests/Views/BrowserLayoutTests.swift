import BrowserModel
import Testing
@testable import TerminalUI

/// Where everything goes, by terminal size and focus.
@Suite struct BrowserLayoutTests {
    @Test func at80x24() {
        let layout = BrowserLayout(width: 80, height: 24, focus: .results)
        #expect(!layout.isTooSmall)
        #expect(layout.searchBar == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(layout.body == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(layout.filters == Rect(x: 0, y: 1, width: 22, height: 22))
        #expect(layout.separator == Rect(x: 22, y: 1, width: 1, height: 22))
        #expect(layout.results == Rect(x: 23, y: 1, width: 57, height: 22))
        #expect(layout.resultRows == 21)
        #expect(layout.resultColumns == 57)
        #expect(layout.status == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test func wideTerminalsGetTheWiderFilterPane() {
        #expect(BrowserLayout(width: 120, height: 40, focus: .results).filters.width == 24)
        #expect(BrowserLayout(width: 100, height: 40, focus: .results).filters.width == 24)
        #expect(BrowserLayout(width: 99, height: 40, focus: .results).filters.width == 22)
        #expect(BrowserLayout(width: 60, height: 40, focus: .results).filters.width == 22)
    }

    @Test func below60ColumnsTheFiltersReplaceTheResultsWhileFocused() {
        let results = BrowserLayout(width: 59, height: 10, focus: .results)
        #expect(results.filters == .zero)
        #expect(results.results == Rect(x: 0, y: 1, width: 59, height: 8))
        let filters = BrowserLayout(width: 59, height: 10, focus: .filters)
        #expect(filters.filters == Rect(x: 0, y: 1, width: 59, height: 8))
        #expect(filters.results == .zero)
        // The viewport does not change with the focus.
        #expect(filters.resultRows == 7 && results.resultRows == 7)
        #expect(filters.resultColumns == 59)
    }

    @Test func tooSmallBelow40x10() {
        #expect(BrowserLayout(width: 40, height: 10, focus: .results).isTooSmall == false)
        #expect(BrowserLayout(width: 39, height: 10, focus: .results).isTooSmall)
        #expect(BrowserLayout(width: 40, height: 9, focus: .results).isTooSmall)
        #expect(BrowserLayout(width: 0, height: 0, focus: .results).resultRows == 0)
    }
}
