import Foundation
import Testing

/// Drives the real `stockterm` binary in a detached tmux session, as a person at a terminal
/// would, after fzf's tmux test library: send keys, then poll the screen until it shows what is
/// expected or a deadline passes. Never a fixed sleep, so a slow machine makes a test slower,
/// never red.
///
/// Each session has its own tmux server (`-L`), its own XDG folders, and is killed on `stop()`.
///
/// ```swift
/// let tmux = try TmuxSession(arguments: [])
/// defer { tmux.stop() }
/// try await tmux.waitFor("results") { $0.last?.contains(" of ") == true }
/// tmux.send("/"); tmux.type("baikal"); tmux.send("Enter")
/// ```
final class TmuxSession: @unchecked Sendable {
    // @unchecked: used from one test at a time; the fields are set once.
    let socket: String
    let home: URL
    let target = "browser"
    /// Written by the wrapper shell when stockterm exits: its status, then `stty -a`.
    let exitFile: URL

    /// Starts `stockterm arguments` in a `width` × `height` session with LANG=C.UTF-8 and TERM
    /// as given (tmux's own `screen` when nil), plus `environment`.
    init(arguments: [String] = [], width: Int = 80, height: Int = 24, term: String? = nil,
         environment: [String: String] = [:], sharedCache: Bool = true) async throws {
        let cache = sharedCache ? await SharedCache.shared.url() : nil
        socket = "stockterm-test-\(UUID().uuidString.prefix(8))"
        home = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.home, withIntermediateDirectories: true)
        exitFile = self.home.appendingPathComponent("exit.txt")
        var env = [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "XDG_CACHE_HOME": (cache ?? home.appendingPathComponent("cache")).path,
            "XDG_CONFIG_HOME": self.home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": self.home.appendingPathComponent("data").path,
        ]
        if let term { env["TERM"] = term }
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = ([CLIRunner.binary.path] + arguments).map(Self.quote).joined(separator: " ")
        // After stockterm exits: record its status and the terminal modes, then keep the pane open.
        let script = "env \(assignments) \(command) 2>\(Self.quote(self.home.appendingPathComponent("stderr.txt").path)); "
            + "echo \"status $?\" > \(Self.quote(exitFile.path)); stty -a >> \(Self.quote(exitFile.path)); "
            + "echo __EXITED__; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", target, script])
        serverPID = Int32(display("#{pid}"))
    }

    /// The tmux server's pid, so that `stop()` can make sure it is gone.
    private var serverPID: Int32?

    /// The screen as text lines (trailing spaces trimmed by tmux).
    func screen() -> [String] {
        (try? tmuxOutput(["capture-pane", "-p", "-t", target]))?.components(separatedBy: "\n").dropLast().map { $0 } ?? []
    }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func screenWithAttributes() -> String {
        (try? tmuxOutput(["capture-pane", "-p", "-e", "-t", target])) ?? ""
    }

    /// A tmux format about the pane: `#{alternate_on}`, `#{cursor_flag}`, `#{pane_title}`.
    func display(_ format: String) -> String {
        ((try? tmuxOutput(["display", "-p", "-t", target, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Keys by tmux name: "Enter", "Escape", "Tab", "Down", "PageDown", "C-d", "j".
    func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", target] + keys)
    }

    /// Literal text (any Unicode).
    func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Resizes the window as a terminal emulator would.
    func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program in the pane's shell, for sending it signals.
    func stocktermPID() -> Int32? {
        guard let shell = Int32(display("#{pane_pid}")),
              let text = try? Subprocess.run("/usr/bin/pgrep", ["-P", "\(shell)", "stockterm"]).stdout else { return nil }
        return text.split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Polls the screen until `condition` holds; fails the test with the last screen on timeout.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: ([String]) -> Bool) async -> [String] {
        let deadline = ContinuousClock.now + timeout
        var lines: [String] = []
        while ContinuousClock.now < deadline {
            lines = screen()
            if condition(lines) { return lines }
            try? await Task.sleep(for: .milliseconds(20))
        }
        // One last look: when other tests keep every thread of the pool busy, this task may wake
        // only after the deadline, and the screen may have been right for a while by then.
        lines = screen()
        if condition(lines) { return lines }
        let dump = lines.joined(separator: "\n")
        Issue.record(Comment(rawValue: "timed out waiting for \(what); the screen was:\n\(dump)"), sourceLocation: sourceLocation)
        return lines
    }

    /// Polls like `waitFor`, but returns nil on timeout instead of failing (for loops that retry).
    func poll(timeout: Duration, _ condition: ([String]) -> Bool) async -> [String]? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let lines = screen()
            if condition(lines) { return lines }
            try? await Task.sleep(for: .milliseconds(20))
        }
        let lines = screen()
        return condition(lines) ? lines : nil
    }

    /// Waits for stockterm to exit; returns its status line and `stty -a` as the wrapper wrote them.
    func waitForExit(timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation) async -> String? {
        await waitFor("stockterm to exit", timeout: timeout, sourceLocation: sourceLocation) { $0.contains("__EXITED__") }
        return try? String(contentsOf: exitFile, encoding: .utf8)
    }

    /// What stockterm wrote to standard error.
    var standardError: String {
        (try? String(contentsOf: home.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? ""
    }

    /// Kills the session's tmux server and removes the folders.
    func stop() {
        _ = try? tmux(["kill-server"])
        // kill-server has been seen to leave a server behind when many sessions stop at once;
        // a left-over server keeps its stockterm running for ever, so make sure.
        if let pid = serverPID, pid > 1, kill(pid, 0) == 0 {
            kill(pid, SIGKILL)
        }
        serverPID = nil
        try? FileManager.default.removeItem(atPath: "/tmp/tmux-\(getuid())/\(socket)")
        try? FileManager.default.removeItem(at: home)
    }

    deinit { stop() }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> Int32 {
        try Subprocess.run(Self.tmuxPath, ["-L", socket] + arguments).status
    }

    private func tmuxOutput(_ arguments: [String]) throws -> String {
        try Subprocess.run(Self.tmuxPath, ["-L", socket] + arguments).stdout
    }

    static var tmuxPath: String {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/tmux"
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tmuxPath) }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A cache folder where the demo catalog's index has been built once (by `stockterm catalog
/// info`), shared by the sessions so that each does not build its own. Built off Swift's
/// cooperative pool: a test blocking one of its few threads for seconds would stall the others.
actor SharedCache {
    static let shared = SharedCache()
    private var building: Task<URL?, Never>?

    func url() async -> URL? {
        if building == nil {
            building = Task {
                await withCheckedContinuation { continuation in
                    Thread.detachNewThread {
                        guard let cli = try? CLIRunner() else { continuation.resume(returning: nil); return }
                        _ = try? cli.run(["catalog", "info"])
                        continuation.resume(returning: cli.home.appendingPathComponent("cache"))
                    }
                }
            }
        }
        return await building!.value
    }
}

extension [String] {
    /// The status line: the last non-empty row.
    var statusLine: String { last { !$0.isEmpty } ?? "" }
    /// True when any row contains `text`.
    func shows(_ text: String) -> Bool { contains { $0.contains(text) } }
}
