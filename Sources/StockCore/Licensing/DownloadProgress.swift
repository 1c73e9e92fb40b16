import Foundation

/// How far a download is: what the TUI's and the CLI's progress bars draw (`ProgressText`).
public struct DownloadProgress: Hashable, Sendable {
    /// Bytes of the file on disk so far, counting what an earlier, interrupted attempt left.
    public var received: Int64
    /// The whole file's size, when the server says (`Content-Length`, `Content-Range`).
    public var total: Int64?
    /// Smoothed speed of this attempt (0 until there is a measurement).
    public var bytesPerSecond: Double
    /// Seconds left at the smoothed speed; nil when the total or the speed is unknown.
    public var etaSeconds: Double?

    public init(received: Int64, total: Int64? = nil, bytesPerSecond: Double = 0, etaSeconds: Double? = nil) {
        self.received = received; self.total = total; self.bytesPerSecond = bytesPerSecond; self.etaSeconds = etaSeconds
    }

    /// 0 to 1 when the total is known.
    public var fraction: Double? {
        guard let total, total > 0 else { return total == 0 ? 1 : nil }
        return min(1, max(0, Double(received) / Double(total)))
    }

    /// Whether every byte of a file of known size is there.
    public var isComplete: Bool { total.map { received >= $0 } ?? false }
}

/// A finished download.
public struct DownloadResult: Hashable, Sendable {
    /// Where the file is: `<directory>/<safe name>`, or `<safe name> (n).ext` when that existed.
    public var url: URL
    /// The file's size.
    public var bytes: Int64
    /// Whether bytes left by an earlier, interrupted attempt were kept (a `Range` request was
    /// honoured).
    public var resumed: Bool
    /// How many times a link was asked for: 1, or 2 when the first had expired.
    public var linkFetches: Int

    public init(url: URL, bytes: Int64, resumed: Bool, linkFetches: Int) {
        self.url = url; self.bytes = bytes; self.resumed = resumed; self.linkFetches = linkFetches
    }
}
