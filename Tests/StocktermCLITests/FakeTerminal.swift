import Foundation
import Testing

/// Runs the real `stockterm` on a pseudo-terminal whose other end is this test: it reads every
/// byte the program writes and answers the terminal queries it is told to answer, as a terminal
/// emulator that speaks a graphics protocol would (no such emulator is installed here; tmux 3.3
/// speaks none).
///
/// ```swift
/// let terminal = try FakeTerminal(answers: [("\u{1B}[c", "\u{1B}[?62;4c")])
/// defer { terminal.stop() }
/// await terminal.waitFor("the first page") { $0.contains(" of ") }
/// terminal.send("\r")
/// ```
final class FakeTerminal: @unchecked Sendable {
    // @unchecked: the output buffer is behind a lock; the rest is set once.
    private let master: Int32
    private let process = Process()
    private let home: URL
    private let lock = NSLock()
    private var output: [UInt8] = []
    private var reader: Thread?

    /// Starts `stockterm arguments` on a `width` × `height` terminal (cells of `cellWidth` ×
    /// `cellHeight` pixels in the kernel's window size, 0 for unknown) with TERM=xterm-256color.
    /// Each answer is written once, when its question first appears in the output.
    init(arguments: [String] = [], width: Int = 120, height: Int = 30, cellWidth: Int = 0, cellHeight: Int = 0,
         answers: [(question: String, answer: String)], environment: [String: String] = [:]) throws {
        // posix_openpt, unlockpt and ptsname are not in Swift's Glibc module: the same through
        // /dev/ptmx and the Linux ioctls they wrap (TIOCSPTLCK, TIOCGPTN; grantpt does nothing on devpts).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw CocoaError(.fileNoSuchFile)
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width),
                           ws_xpixel: UInt16(width * cellWidth), ws_ypixel: UInt16(height * cellHeight))
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw CocoaError(.fileNoSuchFile) }
        home = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        for name in CLIRunner.privateVariables { env[name] = nil }
        env.merge([
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "NO_COLOR": "",
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
        ]) { $1 }
        env["TMUX"] = nil
        env.merge(environment) { $1 }
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        try? handle.close()

        let pending = AnswerList(answers.map { (Array($0.question.utf8), Array($0.answer.utf8)) })
        let master = self.master
        let thread = Thread { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n < 0, errno == EINTR { continue }
                guard n > 0, let self else { return }
                let all: [UInt8] = self.lock.withLock {
                    self.output += buffer[0 ..< n]
                    return self.output
                }
                let due = pending.take { all.firstRange(of: $0.0) != nil }
                for (_, answer) in due { self.write(answer) }
            }
        }
        thread.start()
        reader = thread
    }

    /// Everything the program wrote so far.
    var bytes: [UInt8] { lock.withLock { output } }

    /// Everything written so far as text (invalid UTF-8 repaired).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Sends keys as a terminal would.
    func send(_ keys: String) { write(Array(keys.utf8)) }

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = Foundation.write(master, $0.baseAddress, $0.count) }
    }

    /// Polls the output (as text) until `condition` holds or `timeout` passes; records an issue then.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) async -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let now = text
            if condition(now) { return now }
            try? await Task.sleep(for: .milliseconds(20))
        }
        // One last look, as TmuxSession.waitFor takes: when other tests keep every thread of the
        // pool busy, this task may wake only after the deadline, with the output right for a while.
        if condition(text) { return text }
        Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
        return text
    }

    /// The output from `offset` on, as text.
    func text(from offset: Int) -> String {
        let all = bytes
        return String(decoding: all[min(offset, all.count)...], as: UTF8.self)
    }

    /// Waits for the program to exit (after `q`); its status, or nil on timeout.
    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { return process.terminationStatus }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Kills the program if it still runs and removes its folders.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        close(master)
        try? FileManager.default.removeItem(at: home)
    }
}

/// A value behind a lock.
private final class AnswerList<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }

    /// Removes and returns the elements that satisfy `predicate` (Value is an array).
    func take<Element>(where predicate: (Element) -> Bool) -> [Element] where Value == [Element] {
        lock.withLock {
            let due = value.filter(predicate)
            value.removeAll(where: predicate)
            return due
        }
    }
}
