import Foundation

/// A file downloaded for a licensed product, as the ledger remembers it (so that `download --all`
/// skips what is already on disk).
public struct DownloadRecord: Hashable, Sendable, Codable {
    public var provider: String
    /// `LicensedProduct.id`.
    public var productID: String
    /// The format asked for ("jpeg", "png"), when one was.
    public var format: String?
    /// The file's absolute path.
    public var path: String
    public var bytes: Int64
    public var completed: Date

    public init(provider: String, productID: String, format: String? = nil, path: String, bytes: Int64, completed: Date) {
        self.provider = provider; self.productID = productID; self.format = format; self.path = path
        self.bytes = bytes; self.completed = completed
    }

    /// Whether the file is still where it was written, with the size it had.
    public var isOnDisk: Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber else { return false }
        return size.int64Value == bytes
    }
}
