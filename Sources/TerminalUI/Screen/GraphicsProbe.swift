import Foundation
import StockImages

/// Asks the terminal what it can draw (`GraphicsSupport`), before ncurses starts.
///
/// The terminal is put in raw mode without echo for the exchange and given back as it was. The
/// questions are kitty's graphics query, the cell size (`ESC [ 16 t`) and the device attributes
/// (`ESC [ c`); reading stops at the device attributes answer, which every terminal sends last,
/// or after `timeout` for one that never answers (then nothing is supported). A terminal on a
/// local machine answers in a millisecond or two; over SSH, one round trip, which overlaps the
/// start-up work done between asking and reading.
///
/// When the terminal does not give the cell size, the kernel's window size in pixels does, if
/// the terminal (and SSH) report it.
///
/// ```swift
/// let probe = GraphicsProbe()            // questions sent
/// … open the catalog, the ledger …
/// let support = probe?.answers() ?? GraphicsSupport()
/// ```
public final class GraphicsProbe: @unchecked Sendable {
    // @unchecked: made and read on the thread that starts the screen; nothing else touches it.
    /// What is sent.
    /// The questions for a terminal described by `environment`. kitty's query is an APC string,
    /// which tmux (3.3) takes as a new pane title and GNU screen and the Linux console do not
    /// parse at all: it is left out inside a multiplexer and on consoles, where kitty's protocol
    /// cannot be had anyway; the cell size and device attributes (sixel) are always asked.
    static func questions(environment: [String: String]) -> [UInt8] {
        let common = Array("\u{1B}[16t\u{1B}[c".utf8)
        return asksKitty(environment: environment) ? KittyGraphics.query + common : common
    }

    /// Whether kitty's graphics query may be sent: not inside tmux or screen, not on a console.
    static func asksKitty(environment: [String: String]) -> Bool {
        if environment["TMUX"] != nil || environment["STY"] != nil { return false }
        let term = environment["TERM"] ?? ""
        return !["screen", "tmux", "linux", "vt", "dumb", "cons", "ansi"].contains { term.hasPrefix($0) } && !term.isEmpty
    }
    /// How long a terminal has to answer, from the moment the questions were sent.
    public static let timeout: Duration = .seconds(1)

    private let input: Int32
    private let output: Int32
    private var saved: termios
    private let sentAt: ContinuousClock.Instant
    private var finished = false

    /// Puts the terminal on `input`/`output` in raw mode without echo (so the answers never show)
    /// and sends the questions; nil when `input` is not a terminal or writing fails. Collect the
    /// answers with `answers()`; work done in between overlaps the terminal's round trip (over
    /// SSH, the link's latency). The terminal's modes come back in `answers()` or, if that is
    /// never called, when the probe is released (which reads the answers too).
    public init?(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                 environment: [String: String] = ProcessInfo.processInfo.environment) {
        var saved = termios()
        guard isatty(input) == 1, isatty(output) == 1, tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        self.input = input
        self.output = output
        self.saved = saved
        sentAt = .now
        guard TerminalWrite.all(Self.questions(environment: environment), to: output) else {
            _ = tcsetattr(input, TCSANOW, &self.saved)
            return nil
        }
    }

    /// Released without being read: the answers are still read (and dropped), so that none
    /// reaches the next reader of the terminal (ncurses, or the shell after an error) as keys.
    deinit { _ = answers() }

    /// Reads the answers until the device attributes arrive or `timeout` after the questions were
    /// sent (a terminal that never answers supports nothing), then gives the terminal its modes
    /// back. Only the first call reads.
    public func answers(timeout: Duration = GraphicsProbe.timeout) -> GraphicsSupport {
        guard !finished else { return GraphicsSupport() }
        defer { restore() }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        let deadline = sentAt + timeout
        var result = GraphicsSupport.parse(received)
        while !result.complete {
            let left = ContinuousClock.now.duration(to: deadline)
            // Past the deadline (the work in between took longer), what already arrived is still read.
            let leftMilliseconds = Int32(max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, leftMilliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            let n = read(input, &buffer, buffer.count)
            if n < 0, errno == EINTR || errno == EAGAIN { continue }
            guard n > 0 else { break }
            received += buffer[0 ..< n]
            result = GraphicsSupport.parse(received)
        }
        var support = result.support
        if support.cellWidth == nil || support.cellHeight == nil {
            var size = winsize()
            if ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_xpixel > 0, size.ws_ypixel > 0,
               size.ws_col > 0, size.ws_row > 0 {
                support.cellWidth = Int(size.ws_xpixel) / Int(size.ws_col)
                support.cellHeight = Int(size.ws_ypixel) / Int(size.ws_row)
            }
        }
        return support
    }

    private func restore() {
        guard !finished else { return }
        finished = true
        _ = tcsetattr(input, TCSANOW, &saved)
    }
}
