/// One line of download progress for a given number of columns, the same in the TUI's status
/// line and on the CLI's stderr:
///
/// ```
/// [██████████████▍░░░░░░░░░░░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05    (80 columns)
/// [########----------]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05               (64, ascii)
/// [████▊░░░░░]  48%                                                              (17)
/// 5.3 MB  1.2 MB/s                                                               (total unknown)
/// ```
///
/// When the line does not fit, the ETA goes first, then the speed, then the sizes; the bar
/// shrinks down to `minBarCells` and then goes too, leaving the percentage. The result never
/// takes more than `width` columns (`DisplayWidth`) and is not padded.
public enum ProgressText {
    /// The bar's inner cells at most and at least (below that it is left out).
    public static let maxBarCells = 30
    public static let minBarCells = 10

    /// The progress line in at most `width` columns; `ascii` draws with `#` and `-` only.
    public static func line(_ progress: DownloadProgress, width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let speedText = progress.bytesPerSecond >= 1 ? speed(progress.bytesPerSecond) : nil
        guard let total = progress.total, let fraction = progress.fraction else {
            let received = Format.bytes(progress.received)
            for fields in [[received, speedText], [received]] {
                let text = fields.compactMap { $0 }.joined(separator: "  ")
                if DisplayWidth.of(text) <= width { return text }
            }
            return DisplayWidth.truncate(received, toWidth: width, ellipsis: ascii ? "" : "…")
        }
        let percentText = percent(fraction)
        let sizes = "\(Format.bytes(progress.received)) / \(Format.bytes(total))"
        let etaText = progress.isComplete ? nil : progress.etaSeconds.flatMap(eta).map { "ETA " + $0 }
        let choices: [[String?]] = [
            [percentText, sizes, speedText, etaText],
            [percentText, sizes, speedText],
            [percentText, sizes],
            [percentText],
        ]
        for fields in choices {
            let text = fields.compactMap { $0 }.joined(separator: "  ")
            // "[", "]" and a space; the percentage is padded to four columns, so that "48%" stands
            // two spaces from the bar and "100%" one.
            let cells = min(maxBarCells, width - DisplayWidth.of(text) - 3)
            if cells >= minBarCells { return "[" + bar(fraction: fraction, cells: cells, ascii: ascii) + "] " + text }
        }
        for fields in choices.dropFirst(2) {
            let text = fields.compactMap { $0 }.joined(separator: "  ").trimmingLeadingSpaces
            if DisplayWidth.of(text) <= width { return text }
        }
        return DisplayWidth.truncate(percentText.trimmingLeadingSpaces, toWidth: width, ellipsis: "")
    }

    /// `cells` cells filled to `fraction`: full blocks, one partial block in eighths, then light
    /// shade; or `#` and `-` in ASCII.
    public static func bar(fraction: Double, cells: Int, ascii: Bool = false) -> String {
        guard cells > 0 else { return "" }
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        if ascii {
            let full = Int((f * Double(cells)).rounded(.down))
            return String(repeating: "#", count: full) + String(repeating: "-", count: cells - full)
        }
        let eighths = Int((f * Double(cells * 8)).rounded(.down))
        let full = eighths / 8, rest = eighths % 8
        let partial = rest > 0 ? String(Self.eighths[rest - 1]) : ""
        return String(repeating: "█", count: full) + partial
            + String(repeating: "░", count: cells - full - (rest > 0 ? 1 : 0))
    }

    /// " 48%", "100%": whole percent, rounded down so that 100% means done, four columns wide.
    public static func percent(_ fraction: Double) -> String {
        let p = Int((min(1, max(0, fraction)) * 100).rounded(.down))
        let text = "\(p)%"
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }

    /// "3.1 MB/s".
    public static func speed(_ bytesPerSecond: Double) -> String {
        Format.bytes(Int64(bytesPerSecond.rounded())) + "/s"
    }

    /// "0:04", "12:30", "1:02:03"; nil for a negative, infinite or absurd (100 h or more) time.
    public static func eta(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 100 * 3600 else { return nil }
        let total = Int(seconds.rounded(.up))
        let h = total / 3600, m = total / 60 % 60, s = total % 60
        let ss = (s < 10 ? "0" : "") + String(s)
        if h > 0 { return "\(h):" + (m < 10 ? "0" : "") + "\(m):" + ss }
        return "\(m):" + ss
    }

    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
}

private extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
