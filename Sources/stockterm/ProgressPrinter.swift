import Foundation
import StockCore

/// The CLI's progress bar on standard error: one line redrawn in place on a terminal
/// (`[████░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:04`), nothing when standard error is
/// not a terminal (scripts get the final path on standard output).
final class ProgressPrinter: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    static let shared = ProgressPrinter()
    private let lock = NSLock()
    private var drawn = false
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let ascii: Bool = {
        let locale = (ProcessInfo.processInfo.environment["LC_ALL"] ?? ProcessInfo.processInfo.environment["LC_CTYPE"]
            ?? ProcessInfo.processInfo.environment["LANG"] ?? "").uppercased()
        return !(locale.contains("UTF-8") || locale.contains("UTF8")) || ProcessInfo.processInfo.environment["TERM"] == "dumb"
    }()

    /// Draws `progress` over the previous line.
    @Sendable func report(_ progress: DownloadProgress) {
        guard isTerminal else { return }
        let line = ProgressText.line(progress, width: max(20, Terminal.width(fallback: 80) - 1), ascii: ascii)
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Ends the progress line, if one was drawn.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        guard drawn else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        drawn = false
    }
}
