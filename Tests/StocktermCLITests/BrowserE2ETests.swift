import Foundation
import Testing

/// The browser end to end: the built binary in tmux, driven by keys, read from the screen.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct BrowserE2ETests {
    /// "1–21 of 4,561" in the status line, as numbers.
    struct Range: Equatable {
        var first: Int, last: Int, total: Int
        init?(_ status: String) {
            let numbers = status.split(whereSeparator: { !"0123456789,–".contains($0) })
                .map(String.init).first { $0.contains("–") }
            guard let pair = numbers?.split(separator: "–"), pair.count == 2,
                  let first = Int(pair[0].replacingOccurrences(of: ",", with: "")),
                  let last = Int(pair[1].replacingOccurrences(of: ",", with: "")),
                  let ofRange = status.range(of: " of ") else { return nil }
            // A service's total is an estimate: "1–27 of ≈1,130".
            let totalText = status[ofRange.upperBound...].drop { $0 == "≈" }.prefix { "0123456789,".contains($0) }
            guard let total = Int(totalText.replacingOccurrences(of: ",", with: "")) else { return nil }
            self.first = first; self.last = last; self.total = total
        }
    }

    static func hasResults(_ lines: [String]) -> Bool { Range(lines.statusLine) != nil }

    @Test func typingAQuerySearchesAndShowsMatchingTitles() async throws {
        let tmux = try await TmuxSession(width: 120, height: 30)
        defer { tmux.stop() }
        let first = await tmux.waitFor("the first page") { Self.hasResults($0) }
        let everything = try #require(Range(first.statusLine)).total
        tmux.send("/")
        tmux.type("байкал")
        await tmux.waitFor("the query in the search bar") { $0.first?.contains("байкал") == true }
        tmux.send("Enter")
        let found = await tmux.waitFor("Baikal results") { lines in
            guard let range = Range(lines.statusLine), range.total < everything else { return false }
            return lines.dropFirst(2).dropLast().contains { $0.localizedCaseInsensitiveContains("байкал") || $0.localizedCaseInsensitiveContains("baikal") }
        }
        let total = try #require(Range(found.statusLine)).total
        #expect(total > 0 && total < everything)
        // Edit in the middle of the query: the cursor keys and ctrl-w work on the text.
        tmux.send("/", "C-w")
        tmux.type("ozero")
        await tmux.waitFor("the edited query") { $0.first?.contains("ozero") == true && $0.first?.contains("байкал") == false }
        await tmux.waitFor("no results for a word nobody used") { $0.statusLine.contains("0 results") || $0.shows("No results") }
    }

    @Test func togglingAFacetChangesTheResultsAndTheCounts() async throws {
        let tmux = try await TmuxSession(width: 100, height: 40)
        defer { tmux.stop() }
        let first = await tmux.waitFor("the first page") { Self.hasResults($0) }
        let videoRow = try #require(first.first { $0.contains("[ ] video") })
        let videoCount = try #require(Int(videoRow.split(separator: "│")[0].split(separator: " ").last!.replacingOccurrences(of: ",", with: "")))
        tmux.send("Tab", "Tab")   // results → search bar → filters
        tmux.send("j", "j", "j")  // photo, illustration, vector, video
        tmux.send("Space")
        let filtered = await tmux.waitFor("only videos") { lines in
            lines.shows("[x] video") && Range(lines.statusLine)?.total == videoCount
        }
        // Counts in the other groups now count videos only (a group's own counts stay "what
        // choosing this value would give", as documented); the list shows videos only.
        func count(_ label: String, in lines: [String]) -> Int? {
            lines.first { $0.hasPrefix("[") && $0.contains("] \(label) ") }
                .flatMap { Int($0.split(separator: "│")[0].split(separator: " ").last!.replacingOccurrences(of: ",", with: "")) }
        }
        let horizontalBefore = try #require(count("horizontal", in: first))
        let horizontalAfter = try #require(count("horizontal", in: filtered))
        #expect(horizontalAfter < horizontalBefore && horizontalAfter <= videoCount)
        let rows = filtered.dropFirst(2).dropLast().compactMap { $0.split(separator: "│", maxSplits: 1).last }.filter { !$0.isEmpty }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" video ") }, "\(rows)")
        tmux.send("Space")
        await tmux.waitFor("everything again") { Range($0.statusLine)?.total == Range(first.statusLine)?.total && $0.shows("[ ] video") }
    }

    @Test func pagingToTheEndOfALongResultSet() async throws {
        let tmux = try await TmuxSession(width: 100, height: 30)
        defer { tmux.stop() }
        let first = await tmux.waitFor("the first page") { Self.hasResults($0) }
        let total = try #require(Range(first.statusLine)).total
        #expect(total > 60 * 10, "a list of many pages")
        // End selects the last loaded row, which asks for the next page; keep pressing it until
        // the last row of the whole result set is on screen.
        let deadline = ContinuousClock.now + .seconds(240)
        var last = first
        while ContinuousClock.now < deadline, Range(last.statusLine)?.last != total {
            let before = Range(last.statusLine)?.last ?? 0
            tmux.send("G")
            last = await tmux.poll(timeout: .milliseconds(300)) { (Range($0.statusLine)?.last ?? 0) > before } ?? tmux.screen()
        }
        let range = try #require(Range(last.statusLine))
        #expect(range.last == range.total)
        #expect(range.total == total)
        tmux.send("g")
        await tmux.waitFor("back at the top") { Range($0.statusLine)?.first == 1 }
    }

    @Test func theDetailShowsTheProductsWithPrices() async throws {
        let tmux = try await TmuxSession(width: 100, height: 30)
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { Self.hasResults($0) }
        tmux.send("Enter")
        await tmux.waitFor("the detail") { $0.shows("Dimensions") && $0.shows("Created") }
        tmux.send("G")
        let bottom = await tmux.waitFor("the products table") { lines in
            lines.shows("PRODUCT") && lines.contains { $0.contains("$") || $0.contains("₽") || $0.contains("₸") || $0.contains("€") }
        }
        #expect(bottom.shows("PRICE"))
        tmux.send("Escape")
        await tmux.waitFor("the list again") { $0.shows("Filters") && Self.hasResults($0) }
    }

    @Test func resizingReflowsTheLayoutEvenWhileLoading() async throws {
        let tmux = try await TmuxSession(width: 80, height: 24)
        defer { tmux.stop() }
        // Resize at once, while the catalog opens and the first page loads.
        tmux.resize(width: 120, height: 40)
        tmux.resize(width: 60, height: 15)
        tmux.resize(width: 100, height: 30)
        let lines = await tmux.waitFor("results laid out for 100×30") { lines in
            lines.count == 30 && Range(lines[29]) != nil
        }
        #expect(lines[29].count <= 100)
        tmux.resize(width: 39, height: 9)
        await tmux.waitFor("the too-small notice") { $0.shows("too small") }
        tmux.resize(width: 40, height: 10)
        await tmux.waitFor("usable at 40×10") { lines in lines.count == 10 && Range(lines[9]) != nil }
        tmux.resize(width: 200, height: 60)
        await tmux.waitFor("results at 200×60") { lines in lines.count == 60 && Range(lines[59]) != nil && lines.shows("Filters") }
        tmux.send("q")
        let exit = await tmux.waitForExit()
        #expect(exit?.hasPrefix("status 0") == true)
    }

    @Test func quittingRestoresTheTerminal() async throws {
        let tmux = try await TmuxSession()
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { Self.hasResults($0) }
        #expect(tmux.display("#{alternate_on}") == "1")
        tmux.send("q")
        let exit = try #require(await tmux.waitForExit())
        #expect(exit.hasPrefix("status 0"))
        #expect(exit.contains(" icanon") && exit.contains(" echo "), "line editing and echo are back: \(exit)")
        #expect(tmux.display("#{alternate_on}") == "0")
        #expect(tmux.display("#{cursor_flag}") == "1")
        #expect(tmux.standardError.isEmpty, "nothing on stderr: \(tmux.standardError)")
    }

    @Test(arguments: [(SIGTERM, "TERM"), (SIGINT, "INT"), (SIGHUP, "HUP")])
    func aSignalEndsTheBrowserAndRestoresTheTerminal(signal: Int32, name: String) async throws {
        let tmux = try await TmuxSession()
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { Self.hasResults($0) }
        let pid = try #require(tmux.stocktermPID())
        kill(pid, signal)
        let exit = try #require(await tmux.waitForExit())
        #expect(exit.hasPrefix("status \(128 + signal)"), "SIG\(name): \(exit.prefix(12))")
        #expect(exit.contains(" icanon") && exit.contains(" echo "))
        #expect(tmux.display("#{alternate_on}") == "0")
    }

    /// The terminal disappears without a signal (its emulator killed): stockterm must notice the
    /// hang-up on its input and exit, not spin on a dead descriptor.
    @Test func whenTheTerminalGoesAwayTheBrowserExits() async throws {
        let tmux = try await TmuxSession()
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { Self.hasResults($0) }
        let pid = try #require(tmux.stocktermPID())
        let server = try #require(Int32(tmux.display("#{pid}")))
        kill(server, SIGKILL)
        let deadline = ContinuousClock.now + .seconds(30)
        while kill(pid, 0) == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(kill(pid, 0) != 0, "stockterm \(pid) still runs after its terminal went away")
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    @Test func aCrashStillGivesTheTerminalBack() async throws {
        let tmux = try await TmuxSession(environment: ["SWIFT_BACKTRACE": "enable=no"])
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { Self.hasResults($0) }
        let pid = try #require(tmux.stocktermPID())
        kill(pid, SIGSEGV)
        let exit = try #require(await tmux.waitForExit())
        #expect(!exit.hasPrefix("status 0"))
        #expect(exit.contains(" icanon") && exit.contains(" echo "), "modes restored after the crash")
        #expect(tmux.display("#{alternate_on}") == "0")
        #expect(tmux.display("#{cursor_flag}") == "1")
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen", "tmux-256color"])
    func worksUnderCommonTerminalTypes(term: String) async throws {
        let tmux = try await TmuxSession(term: term)
        defer { tmux.stop() }
        let lines = await tmux.waitFor("the first page under \(term)") { Self.hasResults($0) && $0.shows("Filters") }
        #expect(lines.shows("│"), "line drawing shows as │, not as q or x")
        tmux.send("?")
        await tmux.waitFor("the help overlay") { $0.shows("next result") }
        tmux.send("Escape", "q")
        let exit = await tmux.waitForExit()
        #expect(exit?.hasPrefix("status 0") == true)
    }

    @Test func noColorMeansNoColours() async throws {
        let tmux = try await TmuxSession(term: "xterm-256color", environment: ["NO_COLOR": "1"])
        defer { tmux.stop() }
        await tmux.waitFor("the first page") { Self.hasResults($0) }
        let styled = tmux.screenWithAttributes()
        // capture-pane -e writes colours as SGR 3x/4x/9x/38;5 and attributes as 1, 2, 7.
        let colour = styled.range(of: #"\x1B\[[0-9;]*(3[0-7]|9[0-7]|38;5;[0-9]+)m"#, options: .regularExpression)
        #expect(colour == nil, "no colour escapes under NO_COLOR")
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the selection still shows, in reverse video")
    }

    @Test func hostileAndMultilingualTitlesAreSafeAndAligned() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let catalog = try cli.write("catalog.jsonl", CLITests.catalogText + """
            {"id":106,"kind":"photo","title":"東京の夜景 🌃 night","width":4000,"height":3000,"created":"2021-01-01T00:00:00Z"}
            {"id":107,"kind":"photo","title":"Ба\\u0301йкал зимой — озеро","width":4000,"height":3000,"created":"2021-01-02T00:00:00Z"}

            """)
        let tmux = try await TmuxSession(arguments: ["--catalog", catalog.path], width: 100, height: 20, sharedCache: false)
        defer { tmux.stop() }
        let titleBefore = tmux.display("#{pane_title}")
        let lines = await tmux.waitFor("the catalog's results") { Self.hasResults($0) && $0.shows("Evil") }
        #expect(tmux.display("#{pane_title}") == titleBefore, "an OSC in a title must not retitle the terminal")
        #expect(!lines.joined().contains("pwned\u{07}"))
        let rows = lines.filter { $0.range(of: #"│.\s*10[1-7] "#, options: .regularExpression) != nil }
        #expect(rows.contains { $0.contains("東京の夜景") })
        #expect(rows.contains { $0.contains("Алматы көлік жолы") })
        // The TYPE column starts at the same display column on every row, whatever the title's
        // script: CJK and emoji take two columns each, combining accents none.
        let typeColumns = rows.compactMap { row -> Int? in
            guard let bar = row.range(of: "│"),
                  let kind = row.range(of: #" (photo|video|vector) "#, options: .regularExpression, range: bar.upperBound..<row.endIndex)
            else { return nil }
            return DisplayWidthProbe.width(String(row[..<kind.lowerBound]))
        }
        #expect(typeColumns.count == 7 && Set(typeColumns).count == 1, "TYPE starts at \(typeColumns)")
        let styled = tmux.screenWithAttributes()
        #expect(!styled.contains("\u{1B}]"), "no OSC reached the terminal")
    }
}

/// Display width for assertions, independent of the code under test: East Asian wide and emoji
/// count 2, combining marks 0.
enum DisplayWidthProbe {
    static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: break
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF: total += 2
            default: total += 1
            }
        }
        return total
    }
}
