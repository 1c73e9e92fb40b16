import ArgumentParser
import Foundation
import StockCore

/// Failures a command reports as one line on standard error, with its exit code.
enum CLIError: Error, CustomStringConvertible {
    /// Something went wrong: exit 1.
    case failure(String)
    /// The input was wrong: exit 2.
    case badInput(String)

    var description: String {
        switch self {
        case .failure(let m), .badInput(let m): m
        }
    }

    var exitCode: Int32 {
        switch self {
        case .failure: 1
        case .badInput: 2
        }
    }
}

/// Writing to the terminal's standard streams.
enum Terminal {
    /// Writes "stockterm: MESSAGE" as one line on standard error. The message is sanitised here,
    /// whatever it quotes (a query, a file name, a config value, a service's error), so that no
    /// escape sequence or control character reaches the terminal through a warning or an error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("stockterm: " + SafeText.sanitize(message) + "\n").utf8))
    }

    /// `text` with every line sanitised and the line breaks kept (usage and help text).
    static func sanitizeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.sanitize(String($0)) }.joined(separator: "\n")
    }

    /// Prints the error and ends the command with its exit code.
    static func fail(_ error: CLIError) -> ExitCode {
        warn(error.description)
        return ExitCode(error.exitCode)
    }

    /// One line for a provider's failure: `StockError`'s words, else the error's own.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as any DescribedError: SafeText.sanitize(error.message)
        case is CancellationError: "cancelled"
        case let error as CLIError: error.description
        default: SafeText.sanitize("\(error)")
        }
    }

    /// Columns of the terminal on standard output, or `fallback` when it is not a terminal.
    static func width(fallback: Int = 120) -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback
    }
}
