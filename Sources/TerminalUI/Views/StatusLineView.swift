import BrowserModel
import StockCore

/// The last row: provider, the visible range, a spinner while loading, the last error, and the
/// key hints on the right.
///
/// ```text
/// demo catalog  1–21 of 14,382  ⠋ loading  network error: timed out    Enter open  / search
/// ```
///
/// When the row is short, the hints are cut and then dropped first, then the error is cut and
/// the provider's name; the range always stays.
enum StatusLineView {
    /// Hints keep at least this many columns, or are left out.
    static let minimumHintWidth = 12
    /// Blank columns between two parts.
    static let gap = 2

    /// Draws the status line into `rect` (one row); `visibleRows` is how many result rows show.
    static func draw(_ state: BrowserState, in rect: Rect, visibleRows: Int, spinnerFrame: Int, into grid: inout Grid) {
        guard !rect.isEmpty else { return }
        let range = rangeText(state, visibleRows: visibleRows)
        let loading = state.isWaitingForResults || state.detail?.isLoading == true
        let spinner = loading ? "\(Spinner.glyph(frame: spinnerFrame)) loading" : ""
        let error = state.errorMessage ?? downloadText(state) ?? skippedText(state) ?? ""
        let hints = KeyBinding.hints(in: KeyContext(state))

        // Room, from the most to the least essential part: range, spinner, error, provider, hints.
        // Every part costs its width plus a gap before it; the first needs no gap, hence the one
        // given in advance.
        var room = rect.width + gap
        func take(_ text: String, minimum: Int = 1) -> Int {
            let width = Grid.displayWidth(of: text)
            let available = room - gap
            guard width > 0, available >= min(width, minimum) else { return 0 }
            let given = min(width, available)
            room -= given + gap
            return given
        }
        let rangeWidth = take(range)
        let spinnerWidth = take(spinner, minimum: Grid.displayWidth(of: spinner))
        let errorWidth = take(error, minimum: 8)
        let provider = state.providerStatus
        let providerWidth = take(provider, minimum: 4)
        let hintsWidth = take(hints, minimum: minimumHintWidth)

        var x = rect.x
        func put(_ text: String, _ width: Int, _ style: Style) {
            guard width > 0 else { return }
            if x > rect.x { x += gap }
            x += grid.draw(text, at: x, y: rect.y, maxWidth: width, style: style)
        }
        put(provider, providerWidth, ViewStyle.muted)
        put(range, rangeWidth, .plain)
        put(spinner, spinnerWidth, ViewStyle.accent)
        // A download's progress or outcome takes the error's place when there is no error.
        let downloadFailed = state.downloads.last.map { if case .failed = $0.phase { true } else { false } } ?? false
        put(error, errorWidth, state.errorMessage != nil || downloadFailed ? ViewStyle.error : ViewStyle.accent)
        let shownHints = fitting(hints, width: hintsWidth)
        if !shownHints.isEmpty {
            grid.draw(shownHints, rightAlignedTo: rect.maxX, y: rect.y, maxWidth: hintsWidth, style: ViewStyle.muted)
        }
    }

    /// "2 left out (unreadable)": records of the shown results the service sent in a shape
    /// stockterm could not read (the log names each one's field).
    static func skippedText(_ state: BrowserState) -> String? {
        let n = state.results.skipped
        return n > 0 ? "\(n) left out (unreadable)" : nil
    }

    /// The newest download's progress or outcome, when there is one to tell:
    /// "⬇ Medium [██████░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:04", "saved /home/me/Downloads/x.jpg".
    static func downloadText(_ state: BrowserState) -> String? {
        guard let status = state.downloads.last else { return nil }
        let name = SafeText.sanitize(status.product.name)
        switch status.phase {
        case .running:
            // The bar, the sizes, the speed and the ETA (ProgressText drops parts when narrow).
            return "⬇ \(name) " + ProgressText.line(status.progress, width: 56)
        case .finished(let path): return "saved \(SafeText.sanitize(path))"
        case .failed(let why): return "download failed: \(SafeText.sanitize(why))"
        }
    }

    /// As many whole hints ("/ search") from the start of `hints` as fit in `width` columns.
    static func fitting(_ hints: String, width: Int) -> String {
        var shown = ""
        for hint in hints.split(separator: "  ").map(String.init) {
            let candidate = shown.isEmpty ? hint : shown + "  " + hint
            guard Grid.displayWidth(of: candidate) <= width else { break }
            shown = candidate
        }
        return shown
    }

    /// "1–21 of 14,382", "1–21 of ≈14,000", "0 results", or "" while the first page loads.
    static func rangeText(_ state: BrowserState, visibleRows: Int) -> String {
        let results = state.results
        let count = results.items.count
        if count == 0 {
            return state.isLoading || state.activeKey == nil || state.failedPage != nil ? "" : "0 results"
        }
        let first = min(max(state.scrollOffset, 0), count - 1) + 1
        let last = min(count, first - 1 + max(1, visibleRows))
        let total = max(results.total, count)
        return "\(Format.count(first))–\(Format.count(last)) of \(results.totalIsExact ? "" : "≈")\(Format.count(total))"
    }
}
