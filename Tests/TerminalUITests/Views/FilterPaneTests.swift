import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The filter pane: headers, checkboxes, counts, the cursor and scrolling.
@Suite struct FilterPaneTests {
    @Test func aTickedValueAndEstimatedCounts() {
        var state = ViewFixture.state(width: 120, height: 40)
        _ = state.reduce(.toggleFacet(.type, value: "video"))
        ViewFixture.answer(&state, with: ViewFixture.page(ViewFixture.assets))
        let lines = ViewFixture.render(state, width: 120, height: 40).grid.lines
        #expect(lines[6].hasPrefix("[x] video          3,262│"))
        #expect(lines[24].hasPrefix("[ ] nature-lands… ≈5,120│"))
    }

    @Test func theCursorRowIsHighlightedWhileTheFiltersHaveTheKeys() {
        var state = ViewFixture.state(focus: .filters)
        _ = state.reduce(.moveFilterCursor(2))
        let (grid, _) = ViewFixture.render(state)
        #expect((0..<22).allSatisfy { grid[$0, 5].style == ViewStyle.selected })
        #expect(grid.lines[5].hasPrefix("[ ] vector         480│"))
        #expect(grid[0, 1].style == ViewStyle.accentBold)   // "Filters" in accent
        _ = state.reduce(.focus(.results))
        let (unfocused, _) = ViewFixture.render(state)
        #expect(!(0..<22).contains { unfocused[$0, 5].style.reverse })
    }

    @Test func thePaneScrollsToKeepTheCursorVisible() {
        var state = ViewFixture.state(focus: .filters)
        _ = state.reduce(.moveFilterCursor(1_000))   // safe search, the last row
        let lines = ViewFixture.render(state).grid.lines
        #expect(lines[20].hasPrefix("[ ] editorial      120│"))
        #expect(lines[21].hasPrefix("Safe search           │"))
        #expect(lines[22].hasPrefix("[ ] safe search       │"))
        #expect(lines[1].hasPrefix("Filters"))
        #expect(FilterPaneView.firstLine(showing: 3, visible: 10, count: 40) == 0)
        #expect(FilterPaneView.firstLine(showing: 20, visible: 10, count: 40) == 15)
        #expect(FilterPaneView.firstLine(showing: 39, visible: 10, count: 40) == 30)
    }

    @Test func headersAppearWhenTheGroupChanges() {
        let rows = ViewFixture.state().filterRows
        let headers = FilterPaneView.lines(for: rows).compactMap { line -> String? in
            if case .header(let title) = line { return title }
            return nil
        }
        #expect(headers == ["Type", "Orientation", "4K", "Price", "Resolution", "Category", "License", "Safe search"])
    }
}
