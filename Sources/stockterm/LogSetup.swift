import Foundation
import Logging
import StockCore
import Synchronization

/// Where log lines go. The transport logs retries and failures (with secrets already masked);
/// on the command line warnings go to standard error, but while the full-screen browser owns the
/// terminal a line on standard error would tear the screen, so they go to the file named by
/// `STOCKTERM_LOG` or nowhere (the status line shows errors anyway).
enum LogSetup {
    /// Where lines go now.
    enum Destination: Sendable {
        case standardError
        case file(FileHandle)
        case nowhere
    }

    private static let destination = Mutex<Destination>(.standardError)

    /// Installs the process's log handler once, before anything logs. `STOCKTERM_LOG=FILE` also
    /// turns on debug lines (every request, redacted) and sends them to FILE.
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var level = Logger.Level.warning
        if let path = environment["STOCKTERM_LOG"], !path.isEmpty,
           FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
           let handle = FileHandle(forWritingAtPath: path) {
            destination.withLock { $0 = .file(handle) }
            level = .debug
        }
        let chosen = level
        LoggingSystem.bootstrap { label in
            var handler = Handler(label: label)
            handler.logLevel = chosen
            return handler
        }
    }

    /// While the browser is on screen: lines go to the log file if there is one, else nowhere.
    static func screenIsUp() {
        destination.withLock { if case .standardError = $0 { $0 = .nowhere } }
    }

    /// The browser has left the screen.
    static func screenIsDown() {
        destination.withLock { if case .nowhere = $0 { $0 = .standardError } }
    }

    /// Writes one log line, sanitised: log messages quote services (error bodies, field paths of
    /// records left out) and end up on a terminal, through standard error or `cat`.
    fileprivate static func write(_ line: String) {
        let data = Data((SafeText.sanitize(line) + "\n").utf8)
        destination.withLock { d in
            switch d {
            case .standardError: FileHandle.standardError.write(data)
            case .file(let handle): handle.write(data)
            case .nowhere: break
            }
        }
    }

    private struct Handler: LogHandler {
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .warning

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let time = Date().formatted(.iso8601)
            LogSetup.write("\(time) \(event.level) \(label): \(event.message)")
        }
    }
}
