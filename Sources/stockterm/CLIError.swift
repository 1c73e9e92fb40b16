import ArgumentParser
import Foundation

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

/// Number formats for people: `14,382`.
enum Format {
    static func count(_ n: Int) -> String {
        var digits = Array(String(n.magnitude))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits) + out
    }

    /// `8.4 s`, `1:05`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return NumericText.trim(seconds) + " s" }
        let total = Int(seconds.rounded())
        return "\(total / 60):" + (total % 60 < 10 ? "0" : "") + "\(total % 60)"
    }

    /// `247 MB`, `3.1 GB`.
    static func bytes(_ n: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(n), unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return (unit == 0 || value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)) + " " + units[unit]
    }
}

/// Numbers without trailing zeros: `8.4`, `30`, `2.8`.
enum NumericText {
    static func trim(_ v: Double) -> String {
        if v == v.rounded() { return String(Int(v)) }
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
