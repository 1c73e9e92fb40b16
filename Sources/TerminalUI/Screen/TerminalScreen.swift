import CNCurses
import Foundation
import StockImages

/// The ncurses screen: the only type that talks to the terminal.
///
/// It owns ncursesw on one thread (the screen thread): it starts the terminal in the right modes,
/// waits in `poll()` for keys, signals and the runtime's wake-up pipe, reads keys, and blits a
/// `Grid` by sending only the runs of cells that changed since the last frame, followed by one
/// `doupdate()`. `stop()` (also run on SIGINT, SIGTERM, SIGHUP) gives the terminal back as it
/// was; a crash restores it through `TerminalSignals`.
///
/// ```swift
/// let screen = try TerminalScreen()
/// defer { screen.stop() }
/// screen.draw(grid, cursor: nil)
/// let events = screen.wait(timeoutMilliseconds: -1, also: inbox.fileDescriptor)
/// ```
public final class TerminalScreen {
    /// Options read from the environment.
    public struct Options: Sendable {
        /// `ESCDELAY` when set (ncurses reads it itself), else 25 ms: Esc responds at once, yet
        /// an escape sequence arriving over a slow SSH link is still read whole.
        public var escapeDelayMilliseconds: Int32?
        /// `NO_COLOR` set to anything non-empty (no-color.org).
        public var noColor: Bool
        /// The environment pictures' colour mode is read from (`COLORTERM`, `NO_COLOR`).
        public var environment: [String: String]
        /// Whether pictures are shown: only then is the terminal asked about graphics protocols.
        public var pictures: Bool
        /// Questions already sent to the terminal (`GraphicsProbe`), whose answers the screen
        /// reads; when nil and `pictures` is on, the screen asks itself.
        public var graphicsProbe: GraphicsProbe?

        /// The options for an environment.
        public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
            escapeDelayMilliseconds = environment["ESCDELAY"] == nil ? 25 : nil
            noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            self.environment = environment
            pictures = true
        }
    }

    /// Why the screen could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// One line for people.
        public var description: String
    }

    /// Columns.
    public private(set) var width: Int
    /// Rows.
    public private(set) var height: Int
    /// Whether colours are on.
    public var usesColor: Bool { palette.usesColor }
    /// How pictures are drawn: 24-bit colour when the terminal says so (`COLORTERM`), else the
    /// 256-colour palette, grey under `NO_COLOR`, shade characters on a terminal of few colours.
    public let pictureMode: ColorMode
    /// What the terminal answered about graphics when asked at start (nothing when pictures are off).
    public let graphicsSupport: GraphicsSupport
    /// How whole pictures are drawn: through kitty's protocol or as sixels when the terminal
    /// said it can, else as half blocks (`GraphicsSupport.chosenProtocol`).
    public let graphics: GraphicsProtocol
    /// A cell's height divided by its width, when the terminal told its cell size; else 2.
    public var cellAspectRatio: Double {
        guard let w = graphicsSupport.cellWidth, let h = graphicsSupport.cellHeight, w > 0, h > 0 else { return 2 }
        return min(4, max(1, Double(h) / Double(w)))
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let signalPipe: Int32
    private let output: UnsafeMutablePointer<FILE>
    private var palette: ColorPalette
    private var previous: Grid?
    private var pictureLayer: PictureLayer
    private var cursorVisible: Int32 = -1
    private var stopped = false
    /// Whether doupdate() may insert and delete characters: not while a picture is on screen.
    private var characterMovesAllowed = true
    /// Whether the last frame drawn had picture cells.
    private var previousShowsPictures = false

    /// Starts curses on the controlling terminal (stdin and stdout must be terminals).
    public init(options: Options = Options()) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw StartError(description: "the browser needs a terminal on standard input and output")
        }
        setlocale(LC_ALL, "")
        // Asked before ncurses reads the terminal, so that the answers never reach it as keys.
        let asks = options.pictures && options.environment["STOCKTERM_GRAPHICS"] != GraphicsProtocol.halfBlocks.rawValue
        let support = asks ? (options.graphicsProbe ?? GraphicsProbe())?.answers() ?? GraphicsSupport() : GraphicsSupport()
        signalPipe = try TerminalSignals.install(restoreSequence: TerminalSignals.xtermRestore)
        // Own FILE streams on the standard descriptors (Swift 6 cannot touch the C globals).
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(nil, output, input) else {
            TerminalSignals.uninstall()
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw StartError(description: "cannot use the terminal type '\(term)': set TERM to one that terminfo knows, such as xterm-256color")
        }
        self.screen = screen
        self.output = output
        set_term(screen)
        window = cn_stdscr()!
        if let delay = options.escapeDelayMilliseconds { set_escdelay(delay) }
        cbreak()
        // Every doupdate() finishes: ncurses would otherwise stop half way when a key is waiting,
        // and the frame's picture bytes (written after it) would not match what it left.
        typeahead(-1)
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        meta(window, true)
        let colors = !options.noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
        }
        palette = ColorPalette(usesColor: colors, colorCount: colors ? Int(cn_colors()) : 0)
        pictureMode = ColorMode.detect(environment: options.environment, terminalColors: Int(max(0, tigetnum("colors"))))
        graphicsSupport = support
        // Under NO_COLOR pictures stay grey half blocks: a graphics protocol would show colour.
        graphics = options.noColor ? .halfBlocks : support.chosenProtocol(environment: options.environment)
        pictureLayer = PictureLayer(mode: pictureMode, graphics: graphics,
                                    cellWidth: support.cellWidth, cellHeight: support.cellHeight)
        width = Int(cn_cols())
        height = Int(cn_lines())
        TerminalSignals.setRestoreSequence(Self.terminfoRestoreSequence() ?? TerminalSignals.xtermRestore)
    }

    deinit { stop() }

    /// Gives the terminal back: attributes reset, cursor shown, alternate screen left, modes
    /// restored. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        let farewell = pictureLayer.farewell()
        if !farewell.isEmpty {
            fflush(output)
            TerminalWrite.all(farewell)
        }
        curs_set(1)
        endwin()
        delscreen(screen)
        TerminalSignals.uninstall()
        close(signalPipe)
    }

    /// Waits until a key, a signal or `also` (the runtime's wake-up pipe) is ready, or the
    /// timeout passes (-1: no timeout), then returns the keys and signals read. An empty result
    /// means the timeout passed or only `also` is ready.
    public func wait(timeoutMilliseconds: Int32, also: Int32) -> [TerminalEvent] {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalPipe, events: Int16(POLLIN), revents: 0),
            pollfd(fd: also, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        guard ready > 0 else { return [] }
        var events: [TerminalEvent] = []
        if fds[1].revents != 0 {
            for signal in TerminalSignals.drain(signalPipe) {
                if signal == SIGWINCH { events.append(resized()) } else { events.append(.quitSignal(signal)) }
            }
        }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            // The terminal went away (the emulator closed, an SSH link dropped without SIGHUP):
            // leave as on SIGHUP. Reading would fail at once, and polling again would spin.
            events.append(.quitSignal(SIGHUP))
        } else if fds[0].revents & Int16(POLLIN) != 0 {
            events += readKeys()
        }
        return events
    }

    /// Every key waiting, without blocking.
    func readKeys() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var character: wint_t = 0
        while true {
            let status = wget_wch(window, &character)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    events.append(.resize(width: Int(cn_cols()), height: Int(cn_lines())))
                    width = Int(cn_cols()); height = Int(cn_lines())
                } else if let key = KeyDecoder.functionKey(Int32(character)) {
                    events.append(.key(key))
                }
            } else if let key = KeyDecoder.character(UInt32(character)) {
                events.append(.key(key))
            }
        }
        return events
    }

    /// Reads the new size from the terminal and tells ncurses.
    private func resized() -> TerminalEvent {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        width = Int(cn_cols())
        height = Int(cn_lines())
        // resizeterm queues a KEY_RESIZE for getch; read it now so it is not reported twice.
        var character: wint_t = 0
        while wget_wch(window, &character) != ERR {}
        return .resize(width: width, height: height)
    }

    /// Draws `grid` (sized `width` × `height`): only the runs that differ from the last frame go
    /// to ncurses, then the cursor is placed (or hidden) and `doupdate()` sends one batch.
    public func draw(_ grid: Grid, cursor: CursorPosition?) {
        let runs: [(y: Int, range: Range<Int>)]
        let repaintsAll: Bool
        if let previous, previous.width == grid.width, previous.height == grid.height {
            runs = grid.diff(from: previous)
            repaintsAll = false
        } else {
            repaintsAll = true
            runs = grid.width == 0 ? [] : (0..<grid.height).map { (y: $0, range: 0..<grid.width) }
            if previous != nil { clearok(window, true) }
        }
        let showsPictures = grid.cells.contains { $0.style.picture != nil }
        allowCharacterMoves(!showsPictures)
        // ncurses scrolls only lines that changed, three at least: fewer rows of changed text
        // cannot have moved a picture (see `pictureMarker`).
        var textRows = 0
        if showsPictures {
            var last = -1
            for run in runs where run.y != last && run.range.contains(where: { grid[$0, run.y].style.picture == nil }) {
                last = run.y
                textRows += 1
            }
        }
        var cell = cchar_t()
        var text: [wchar_t] = Array(repeating: 0, count: 8)
        for run in runs {
            for x in run.range {
                let gridCell = grid[x, run.y]
                if gridCell.style.picture != nil {
                    // A picture's pixels are written after doupdate; ncurses holds a marked space.
                    text[0] = 0x20
                    text[1] = 0
                    setcchar(&cell, text, Self.pictureMarker, 0, nil)
                    mvwadd_wch(window, Int32(run.y), Int32(x), &cell)
                    continue
                }
                guard case .character(let character) = gridCell.content else { continue }
                let (attributes, pair) = palette.attributes(for: gridCell.style)
                var count = 0
                for scalar in character.unicodeScalars where count < 5 {
                    text[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
                text[count] = 0
                setcchar(&cell, text, attributes, pair, nil)
                // Placing every character explicitly keeps later cells right even where the
                // C library's wcwidth and ours disagree about a character's width.
                mvwadd_wch(window, Int32(run.y), Int32(x), &cell)
            }
        }
        // Most frames have no picture before or after and nothing drawn through a protocol: the
        // layer is not asked (its own check would look through both grids' cells again).
        let picturesInvolved = showsPictures || previousShowsPictures || !pictureLayer.shown.isEmpty
        let pictureBytes = picturesInvolved
            ? pictureLayer.bytes(for: grid, previous: repaintsAll || textRows >= 2 ? nil : previous) : []
        previous = grid
        previousShowsPictures = showsPictures
        let visibility: Int32 = cursor == nil ? 0 : 1
        if visibility != cursorVisible {
            curs_set(visibility)
            cursorVisible = visibility
        }
        if let cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        wnoutrefresh(window)
        doupdate()
        if !pictureBytes.isEmpty {
            fflush(output)
            TerminalWrite.all(pictureBytes)
        }
    }

    /// What ncurses holds in a picture's cell: a space carrying X/Open's A_HORIZONTAL, an
    /// attribute that no terminal capability draws, so it costs nothing on the wire.
    ///
    /// ncurses knows nothing of the pixels written after `doupdate()`, and its optimiser works on
    /// what it believes is on screen: it erases a line's tail or the screen's bottom where it sees
    /// blanks, inserts and deletes characters (shifting the rest of a line), and scrolls lines
    /// that moved with the terminal's scroll region, whatever `idlok` says. A marked space is not
    /// a blank it may erase; character moves are switched off while a picture is on screen
    /// (`allowCharacterMoves`); and since a scroll may still carry a picture's rows along with
    /// the text beside or below it (seen in kitty and in tmux), a frame in which two or more rows
    /// of text changed, which every scroll needs, draws the pictures again whole (`draw`).
    static let pictureMarker: attr_t = CN_A_HORIZONTAL

    /// Lets doupdate() insert and delete characters, which shift the rest of a line, pictures
    /// included, or stops it while a picture is on screen.
    private func allowCharacterMoves(_ allowed: Bool) {
        guard allowed != characterMovesAllowed else { return }
        characterMovesAllowed = allowed
        idcok(window, allowed)
    }

    /// Forgets the last frame, so the next `draw` repaints every cell (after ctrl-l).
    public func invalidate() {
        previous = nil
    }

    /// The terminal's own "leave the full-screen mode" strings from terminfo.
    private static func terminfoRestoreSequence() -> [UInt8]? {
        var out: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            out += Array(String(cString: value).utf8)
        }
        return out.isEmpty ? nil : out
    }
}
