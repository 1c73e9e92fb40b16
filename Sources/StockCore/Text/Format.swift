import Foundation

/// Numbers, durations and sizes for people: `14,382`, `1:05`, `247 MB`.
public enum Format {
    /// `14,382`: thousands separated by commas.
    public static func count(_ n: Int) -> String {
        var digits = Array(String(n.magnitude))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits) + out
    }

    /// `8.4 s`, `1:05`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return NumericText.trim(seconds) + " s" }
        let total = Int(seconds.rounded())
        return "\(total / 60):" + (total % 60 < 10 ? "0" : "") + "\(total % 60)"
    }

    /// `247 MB`, `3.1 GB`.
    public static func bytes(_ n: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(n), unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return (unit == 0 || value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)) + " " + units[unit]
    }
}

/// Numbers without trailing zeros: `8.4`, `30`, `2.8`.
public enum NumericText {
    /// `8.4`, `30`, `2.8`: at most two decimals, trailing zeros dropped.
    public static func trim(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return "\(v)" }
        if v == v.rounded() { return String(Int(v)) }
        // Hundredths, rounded half away from zero as "%.2f" would, without Foundation's formatter
        // (it is called for every video row of every frame).
        let hundredths = Int((abs(v) * 100).rounded())
        var text = (v < 0 && hundredths > 0 ? "-" : "") + String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
        return text
    }

}
