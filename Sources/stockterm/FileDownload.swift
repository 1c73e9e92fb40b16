import Foundation
import StockCore
import StockHTTP
import StockLedger

/// Downloads one licensed product the way the CLI and the browser both do: skips a file the
/// ledger says is already on disk, fetches a fresh link right before downloading (and once more
/// if it expired), resumes a partial file, and records the finished file in the ledger.
struct FileDownload: Sendable {
    var ledger: Ledger
    /// The provider's name in the ledger.
    var provider: String
    var licensing: any StockLicensing
    var directory: URL
    var downloader = Downloader()

    /// Where a product went: a new file, or one already on disk.
    struct Outcome: Sendable {
        var path: String
        var bytes: Int64
        var alreadyOnDisk: Bool
        var resumed: Bool
    }

    /// Downloads `product` (as `format` for a vector, where offered) unless it is on disk already.
    func fetch(_ product: LicensedProduct, format: String? = nil,
               progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> Outcome {
        if let record = try ledger.download(provider: provider, productID: product.id, format: format), record.isOnDisk {
            return Outcome(path: record.path, bytes: record.bytes, alreadyOnDisk: true, resumed: false)
        }
        guard product.downloadable else {
            throw StockError.noLongerOffered(product.assetID,
                "asset \(product.assetID): the license remains valid, but the service no longer offers this file")
        }
        let licensing = self.licensing
        let name = Self.suggestedName(for: product, provider: provider, format: format)
        let result = try await downloader.download(
            id: "\(provider)-\(product.id)\(format.map { "-" + $0 } ?? "")", suggestedName: name, into: directory,
            link: { try await licensing.downloadLink(for: product, format: format) }, progress: progress)
        try ledger.recordDownload(provider: provider, productID: product.id, format: format, path: result.url.path,
                                  bytes: result.bytes, completed: Date())
        return Outcome(path: result.url.path, bytes: result.bytes, alreadyOnDisk: false, resumed: result.resumed)
    }

    /// The service's file name, else "<provider>-<asset>-<product name>" (the extension comes
    /// from the link when this has none).
    static func suggestedName(for product: LicensedProduct, provider: String, format: String?) -> String {
        if let name = product.fileName, SafeFileName.hasUsableName(name) {
            guard let format else { return name }
            return (name as NSString).deletingPathExtension + "." + format
        }
        let base = "\(provider)-\(product.assetID)-\(product.name)".lowercased().replacingOccurrences(of: " ", with: "-")
        return format.map { base + "." + $0 } ?? base
    }
}
