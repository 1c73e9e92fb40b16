/// A record of a service's answer that could not be mapped and was left out, so that the rest of
/// the answer could still be shown (the tolerant reader of `docs/services.md`).
///
/// The status line says how many were left out; `--json` lists them; the log names each path.
///
/// ```swift
/// SkippedRecord(path: "files[3]", reason: "field \"files[3].id\" is missing")
/// ```
public struct SkippedRecord: Hashable, Sendable, Codable {
    /// Where the record was in the answer: `files[3]`, `response.items[0]`.
    public var path: String
    /// Why it could not be mapped, in words, naming the field at fault (already sanitised).
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path; self.reason = reason
    }

    /// "1 result left out (unreadable)", "3 results left out"; nil when none were.
    public static func summary(_ skipped: [SkippedRecord], noun: String = "result") -> String? {
        guard !skipped.isEmpty else { return nil }
        let n = skipped.count
        return "\(n) \(noun)\(n == 1 ? "" : "s") left out (unreadable)"
    }
}
