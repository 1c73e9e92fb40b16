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
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("stockterm: " + message + "\n").utf8))
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
