import Foundation

/// Signals, turned into bytes on a pipe the screen thread polls, and the last-resort terminal
/// restore for crashes.
///
/// A signal may land on any thread (Swift concurrency and Dispatch run several), so the handlers
/// do only what is async-signal-safe: `write(2)` the signal number to a pipe, or, on a crash,
/// `tcsetattr(3)` the saved terminal modes and `write(2)` the precomputed sequence that leaves the
/// alternate screen and shows the cursor, then hand the signal to whoever had it before (Swift's
/// backtracer), so that the crash report still appears, on a usable terminal.
///
/// ncurses installs its own SIGWINCH handler only when the signal's disposition is the default;
/// installing ours first keeps resizes in the same poll loop as keys.
enum TerminalSignals {
    /// Signals that end the program cleanly: the loop quits and restores the terminal.
    static let quitting: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals that mean a crash: restore the terminal, then let the previous handler run.
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Opens the signal pipe and installs the handlers. Returns the read end to poll.
    static func install(restoreSequence: [UInt8]) throws -> Int32 {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        signalWriteEnd = fds[1]

        savedModesValid = tcgetattr(STDIN_FILENO, &savedModes) == 0
        setRestoreSequence(restoreSequence)

        for signal in quitting + [SIGWINCH] { setHandler(signal, forward) }
        for signal in crashing {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            previousCrashActions[signal] = previous
            setHandler(signal, restoreAndRethrow)
        }
        return fds[0]
    }

    /// What a crash writes to the terminal: xterm's sequences until the screen has read the
    /// terminal's own from terminfo. Call before any other thread can crash, or from the screen
    /// thread while the handlers are installed (the old buffer is kept, never freed, so a handler
    /// running at that moment still reads valid memory).
    static func setRestoreSequence(_ sequence: [UInt8]) {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, sequence.count))
        bytes.initialize(from: sequence, count: sequence.count)
        restoreCount = 0
        restoreBytes = bytes
        restoreCount = sequence.count
    }

    /// Leave the alternate screen, reset attributes, show the cursor, keypad off: what every
    /// xterm-like terminal (xterm, tmux, screen, VTE, kitty) understands.
    static let xtermRestore: [UInt8] = Array("\u{1B}[?1049l\u{1B}[0m\u{1B}[?25h\u{1B}[?1l\u{1B}>".utf8)

    /// Reads the signal numbers waiting on the pipe.
    static func drain(_ fd: Int32) -> [Int32] {
        var buffer = [UInt8](repeating: 0, count: 64)
        var out: [Int32] = []
        while true {
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { break }
            out += buffer[0..<n].map { Int32($0) }
        }
        return out
    }

    /// Puts the default dispositions back (after the screen has been restored normally).
    static func uninstall() {
        for signal in quitting + [SIGWINCH] { _ = Foundation.signal(signal, SIG_DFL) }
        for signal in crashing {
            if var previous = previousCrashActions[signal] { sigaction(signal, &previous, nil) }
        }
        restoreCount = 0
    }

    private static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, nil)
    }
}

// State read by the signal handlers. Written once, before the handlers are installed, on the
// screen thread; a signal handler cannot take a lock, so these are plain globals.
nonisolated(unsafe) private var signalWriteEnd: Int32 = -1
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var savedModesValid = false
nonisolated(unsafe) private var restoreBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var restoreCount = 0
nonisolated(unsafe) private var previousCrashActions: [Int32: sigaction] = [:]

/// Quit and resize signals: one byte, the signal number, down the pipe.
private func forward(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    let saved = errno
    _ = write(signalWriteEnd, &byte, 1)
    errno = saved
}

/// A crash: give the person their terminal back, then let the previous handler report it.
private func restoreAndRethrow(_ signal: Int32) {
    if restoreCount > 0, let bytes = restoreBytes {
        if savedModesValid { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
        _ = write(STDOUT_FILENO, bytes, restoreCount)
        restoreCount = 0
    }
    if var previous = previousCrashActions[signal] {
        sigaction(signal, &previous, nil)
    } else {
        _ = Foundation.signal(signal, SIG_DFL)
    }
    raise(signal)
}
