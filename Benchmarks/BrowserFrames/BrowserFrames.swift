import Benchmark
import BrowserModel
import Foundation
import StockAssets
import StockCatalog
import StockCore
import TerminalUI

/// The browser's frame path in-process, without a terminal: the reducer, `BrowserView.render`
/// into a fresh grid, and `Grid.diff` against the previous frame — everything a keystroke costs
/// before ncurses. The whole-process side (pty stream, bytes, idle CPU) is scripts/bench-tui.py.
let benchmarks: @Sendable () -> Void = {
    let catalog: LocalCatalog
    do {
        catalog = try LocalCatalog.open(source: StockAssets.demoCatalogURL).0
    } catch {
        fatalError("cannot open the demo catalog: \(error)")
    }
    let pages = (1...3).map { try! catalog.search(SearchRequest(page: $0, pageSize: 60)) }
    let search = try! catalog.search(SearchRequest(query: try! QueryParser.parse("city"), pageSize: 60))

    func loadedState(width: Int, height: Int) -> BrowserState {
        var state = BrowserState(providerName: "demo catalog", pageSize: 60)
        let layout = BrowserLayout(width: width, height: height, focus: .results)
        _ = state.reduce(.viewportChanged(rows: layout.resultRows, columns: layout.resultColumns))
        _ = state.reduce(.started)
        for (index, page) in pages.enumerated() {
            _ = state.reduce(.searchAnswered(RequestID(rawValue: index + 1), .success(page)))
        }
        return state
    }

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3), maxIterations: 5_000)

    for (width, height) in [(80, 24), (200, 60)] {
        Benchmark("one-row move, reduce + render + diff, \(width)x\(height)") { benchmark in
            var state = loadedState(width: width, height: height)
            var previous = Grid(width: width, height: height)
            _ = BrowserView.render(state, into: &previous, spinnerFrame: 0)
            var down = true
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                // Up and down within the first screen: the bar moves, the list does not scroll.
                _ = state.reduce(.moveSelection(down ? 1 : -1))
                down.toggle()
                var grid = Grid(width: width, height: height)
                _ = BrowserView.render(state, into: &grid, spinnerFrame: 0)
                blackHole(grid.diff(from: previous))
                previous = grid
            }
        }

        Benchmark("new results arrive, reduce + render + diff, \(width)x\(height)") { benchmark in
            let base = loadedState(width: width, height: height)
            var previous = Grid(width: width, height: height)
            _ = BrowserView.render(base, into: &previous, spinnerFrame: 0)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                var state = base
                _ = state.reduce(.queryEdit(.replace("city")))
                _ = state.reduce(.submitQuery)
                let id = state.inFlight!.id
                _ = state.reduce(.searchAnswered(id, .success(search)))
                var grid = Grid(width: width, height: height)
                _ = BrowserView.render(state, into: &grid, spinnerFrame: 0)
                blackHole(grid.diff(from: previous))
            }
        }
    }
}
