import Foundation

/// A URL a file can be fetched from right now. Signed URLs expire (StockFlow's after 15 minutes),
/// so a link is fetched just before downloading and fetched again once when the server says it
/// has expired.
public struct DownloadLink: Hashable, Sendable {
    public var url: URL
    /// When the service says it stops working.
    public var expires: Date?
    /// The file name the service suggests. Untrusted: `SafeFileName` makes it a name, never a path.
    public var suggestedName: String?
    /// A watermarked comp rather than the licensed file.
    public var isComp: Bool
    /// Secrets the URL carries (Adobe puts the access token in the query), for redaction in logs
    /// and errors.
    public var secrets: [String]

    public init(url: URL, expires: Date? = nil, suggestedName: String? = nil, isComp: Bool = false, secrets: [String] = []) {
        self.url = url; self.expires = expires; self.suggestedName = suggestedName; self.isComp = isComp; self.secrets = secrets
    }
}
