import Foundation
import Testing

/// Thumbnails end to end: the built binary in tmux, its picture read back with its colours
/// (`capture-pane -e`), in 256 colours and in true colour; and the preview pane after moving
/// quickly through 50 results shows the same picture as after moving slowly (never a stale one).
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct PictureE2ETests {
    /// The rows of the screen with colours, cut to the columns right of the last "│" of the body
    /// (the preview pane), without the search bar and the status line.
    static func previewPane(_ tmux: TmuxSession) -> [String] {
        let plain = tmux.screen()
        guard let bar = plain.dropFirst(1).first.flatMap({ $0.lastIndex(of: "│") }) else { return [] }
        let column = plain[1].distance(from: plain[1].startIndex, to: bar)
        let colored = tmux.screenWithAttributes().components(separatedBy: "\n")
        return colored.dropFirst(1).prefix(max(0, plain.count - 2)).map { line -> String in
            // Skip `column + 1` printable characters (escape sequences do not count).
            var printed = 0, i = line.startIndex
            while i < line.endIndex, printed <= column {
                if line[i] == "\u{1B}", let end = line[i...].firstIndex(where: { $0.isLetter && $0 != "[" }) {
                    i = line.index(after: end); continue
                }
                printed += 1; i = line.index(after: i)
            }
            return Self.pixels(String(line[i...])).joined(separator: " ")
        }
    }

    /// What a captured line shows, cell by cell, as pixels: "fg/bg" colour codes of the upper and
    /// lower half ("▀" is fg over bg, "▄" bg over fg, "█" fg twice, a space bg twice), so that two
    /// captures compare by what a person sees, whichever glyphs drew it.
    static func pixels(_ line: String) -> [String] {
        var fg = "d", bg = "d", out: [String] = []
        var i = line.startIndex
        while i < line.endIndex {
            if line[i] == "\u{1B}", let m = line[i...].firstIndex(of: "m") {
                let codes = line[line.index(i, offsetBy: 2) ..< m].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                var k = 0
                while k < codes.count {
                    switch codes[k] {
                    case "", "0": fg = "d"; bg = "d"
                    case "39": fg = "d"
                    case "49": bg = "d"
                    case "38", "48":
                        let n = codes[k + 1] == "5" ? 3 : 5
                        let value = codes[k ..< min(codes.count, k + n)].dropFirst().joined(separator: ":")
                        if codes[k] == "38" { fg = value } else { bg = value }
                        k += n - 1
                    default: break
                    }
                    k += 1
                }
                i = line.index(after: m); continue
            }
            switch line[i] {
            case "▀": out.append(fg + "/" + bg)
            case "▄": out.append(bg + "/" + fg)
            case "█": out.append(fg + "/" + fg)
            case " ": out.append(bg + "/" + bg)
            default: out.append("text")
            }
            i = line.index(after: i)
        }
        return out
    }

    @Test(arguments: [("xterm-256color", nil, "48;5;"), ("xterm-256color", "truecolor", "48;2;")])
    func theDetailShowsThePictureInTheTerminalsColours(term: String, colorterm: String?, sequence: String) async throws {
        let tmux = try await TmuxSession(width: 120, height: 30, term: term,
                                         environment: ["NO_COLOR": ""].merging(colorterm.map { ["COLORTERM": $0] } ?? [:]) { $1 })
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { BrowserE2ETests.hasResults($0) }
        tmux.send("Enter")
        let shown = await tmux.waitFor("the picture") { lines in lines.filter { $0.contains("▀") }.count >= 5 }
        #expect(!shown.shows("loading picture…"))
        let colored = tmux.screenWithAttributes()
        // The picture's part of the screen: below the title and rule, above the status line, right of the text.
        func pictureArea(_ capture: String) -> [[String]] {
            Array(capture.components(separatedBy: "\n").map { Array(Self.pixels($0).dropFirst(70)) }.dropFirst(3).prefix(25))
        }
        let before = pictureArea(colored)
        #expect(colored.contains(sequence), "the picture's cells carry \(sequence) colours")
        // Help over it, then closed: the picture is whole again.
        tmux.send("?")
        await tmux.waitFor("help") { $0.shows("Keys") }
        tmux.send("Escape")
        await tmux.waitFor("help closed") { !$0.shows("Esc closes") }
        await tmux.waitFor("the picture again") { lines in lines.filter { $0.contains("▀") }.count >= 5 }
        try await Task.sleep(for: .milliseconds(200))
        let after = pictureArea(tmux.screenWithAttributes())
        let differences = zip(before, after).enumerated().flatMap { row, pair in
            zip(pair.0, pair.1).enumerated().compactMap { column, cells in cells.0 == cells.1 ? nil : "row \(row + 3) column \(column + 70): \(cells.0) then \(cells.1)" }
        }
        #expect(differences.isEmpty, "the picture is whole again, pixel for pixel: \(differences.prefix(5))")
        // Back to the list: nothing of the picture is left on screen.
        tmux.send("Escape")
        await tmux.waitFor("the list, no picture") { !$0.shows("▀") && BrowserE2ETests.hasResults($0) }
    }

    /// Every cell of the screen as the eye sees it (`pixels`), once two captures 150 ms apart agree.
    static func settledScreen(_ tmux: TmuxSession) async -> [[String]] {
        func capture() -> [[String]] { tmux.screenWithAttributes().components(separatedBy: "\n").map { Self.pixels($0) } }
        var last = capture()
        while true {
            try? await Task.sleep(for: .milliseconds(150))
            let now = capture()
            if now == last { return now }
            last = now
        }
    }

    /// ncurses scrolls moved lines with the terminal's scroll region, and would carry a picture
    /// drawn outside it along while believing nothing changed there (seen in kitty and in tmux).
    /// The detail scrolled five lines (picture above the text at 80×24, beside it at 200×24) must
    /// show the very cells, colours and all, that a full repaint (ctrl-l) shows.
    @Test(arguments: [(80, 24), (200, 24)])
    func scrollingTheDetailLeavesThePictureWhereItIs(width: Int, height: Int) async throws {
        let tmux = try await TmuxSession(width: width, height: height, term: "xterm-256color")
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { BrowserE2ETests.hasResults($0) }
        tmux.send("Enter")
        await tmux.waitFor("the picture") { lines in lines.filter { $0.contains("▀") }.count >= 5 }
        for line in 2 ... 6 {
            tmux.send("j")
            await tmux.waitFor("the text from line \(line)") { $0.contains { $0.contains(" \(line)–") && $0.contains(" of ") } }
        }
        let scrolled = await Self.settledScreen(tmux)
        let pictureRows = tmux.screen().filter { $0.contains("▀") || $0.contains("▄") }.count
        #expect(pictureRows >= 5, "the picture is still on screen after scrolling: \(tmux.screen().joined(separator: "\n"))")
        tmux.send("C-l")
        try await Task.sleep(for: .milliseconds(300))
        let repainted = await Self.settledScreen(tmux)
        let differences = zip(scrolled, repainted).enumerated().flatMap { row, pair in
            zip(pair.0, pair.1).enumerated().compactMap { column, cells in cells.0 == cells.1 ? nil : "row \(row) column \(column): \(cells.0) then \(cells.1)" }
        }
        #expect(scrolled.count == repainted.count && differences.isEmpty,
                "\(differences.count) cells differ from a full repaint: \(differences.prefix(5))")
    }

    @Test func movingQuicklyThrough50ResultsNeverLeavesAStalePicture() async throws {
        func settled(_ tmux: TmuxSession) async -> [String] {
            await tmux.waitFor("a settled preview") { lines in !lines.shows("loading picture…") && lines.shows("▀") }
            // Two equal captures in a row: nothing is still arriving.
            var last = Self.previewPane(tmux)
            while true {
                try? await Task.sleep(for: .milliseconds(150))
                let now = Self.previewPane(tmux)
                if now == last { return now }
                last = now
            }
        }
        let quick = try await TmuxSession(width: 160, height: 40, term: "xterm-256color")
        defer { quick.stop() }
        await quick.waitFor("the first page") { BrowserE2ETests.hasResults($0) }
        quick.send("i")
        _ = await settled(quick)
        for _ in 0 ..< 50 { quick.send("j") }
        let afterQuick = await settled(quick)
        let selected = quick.screen().first { $0.contains("›") }

        let slow = try await TmuxSession(width: 160, height: 40, term: "xterm-256color")
        defer { slow.stop() }
        await slow.waitFor("the first page") { BrowserE2ETests.hasResults($0) }
        slow.send("i")
        var first = await settled(slow)
        for _ in 0 ..< 50 {
            slow.send("j")
            first = await settled(slow)
        }
        #expect(slow.screen().first { $0.contains("›") } == selected, "both sessions on the same result")
        #expect(first == afterQuick, "the quick session shows the selected result's picture, not an earlier one")
        // And it is that result's own: the next result's picture differs.
        slow.send("j")
        try await Task.sleep(for: .milliseconds(300))
        #expect(await settled(slow) != afterQuick)
    }
}
