import BrowserRuntime
import Foundation
import StockCatalog
import StockCore
import StockHTTP
import StockImages

/// The browser's pictures (`PictureSource`):
/// - the embedded demo catalog's are generated in-process (`DemoThumbnail`), no network;
/// - a user's catalog may name image files beside it (relative paths, never outside its folder)
///   or URLs;
/// - a service's thumbnail URLs are fetched through `ThumbnailFetcher` (its own limit of two at
///   once, no credentials) and kept in the on-disk `ThumbnailCache` under
///   `$XDG_CACHE_HOME/stockterm/thumbnails`.
///
/// Every picture is decoded with `ImageDecoder` (bytes and pixels capped), at a size enough for
/// a large preview: for half blocks a 1080-pixel StockFlow frame is decoded at a quarter of its
/// size; a terminal that draws real pixels (kitty, sixel) gets larger thumbnails (`sharp`).
final class ThumbnailSource: PictureSource {
    /// The thumbnail width preferred among the sizes a service lists: the smallest at least this
    /// wide. Half blocks show at most 60 × 24 pixels' worth of detail per 60 × 12 cells.
    static let preferredSize = 240
    /// The same for a graphics protocol: a 60-column box is about 500 to 600 pixels wide.
    static let sharpPreferredSize = 500
    /// What the decoder is asked to keep at least (JPEG's DCT scaling does the rest cheaply).
    static let decodeHint = (width: 160, height: 160)
    /// The same for a graphics protocol.
    static let sharpDecodeHint = (width: 480, height: 480)

    private let preferredSize: Int
    private let decodeHint: (width: Int, height: Int)
    /// The host of the embedded demo catalog's thumbnail URLs (they resolve nowhere).
    static let demoHost = "demo.stockterm.invalid"

    private let fetcher: ThumbnailFetcher
    private let cache: ThumbnailCache?

    /// A source fetching with `fetcher` and keeping files in `cache`; `sharp` for a terminal
    /// that draws pictures through a graphics protocol (larger thumbnails, decoded larger).
    init(fetcher: ThumbnailFetcher = ThumbnailFetcher(), cache: ThumbnailCache?, sharp: Bool = false) {
        self.fetcher = fetcher
        self.cache = cache
        preferredSize = sharp ? Self.sharpPreferredSize : Self.preferredSize
        decodeHint = sharp ? Self.sharpDecodeHint : Self.decodeHint
    }

    /// A source with the default disk cache (or none, with a warning in the log, when the cache
    /// directory cannot be made).
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                         sharp: Bool = false) -> ThumbnailSource {
        ThumbnailSource(cache: try? ThumbnailCache(directory: ThumbnailCache.defaultDirectory(environment: environment)),
                        sharp: sharp)
    }

    func picture(for asset: Asset, provider: any StockProvider) async throws -> RGBImage {
        guard let url = Self.choose(asset.thumbnails, preferred: preferredSize) else {
            throw NoThumbnail(message: "no thumbnail for asset \(asset.id)")
        }
        if let parts = URLComponents(string: url), parts.host == Self.demoHost {
            return DemoThumbnail.image(for: asset, width: preferredSize)
        }
        let bytes: [UInt8]
        if let local = provider as? LocalProvider, !Self.isRemote(url) {
            bytes = try Self.readBeside(local.catalog.source, path: url)
        } else {
            bytes = try await fetch(url)
        }
        try Task.checkCancellation()
        return try ImageDecoder.decode(bytes, atLeast: decodeHint)
    }

    /// The URL of the smallest size at least `preferred` wide, else of the largest.
    static func choose(_ thumbnails: [Int: String], preferred preferredSize: Int = preferredSize) -> String? {
        let sizes = thumbnails.keys.sorted()
        guard let size = sizes.first(where: { $0 >= preferredSize }) ?? sizes.last else { return nil }
        return thumbnails[size]
    }

    private static func isRemote(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A file a catalog names beside itself: a relative path inside the catalog's folder.
    static func readBeside(_ catalog: URL, path: String) throws -> [UInt8] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw StockError.invalidRequest("thumbnail \"\(SafeText.sanitize(String(path.prefix(80))))\" must be a path inside the catalog's folder")
        }
        let file = parts.reduce(catalog.deletingLastPathComponent()) { $0.appendingPathComponent(String($1)) }
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw StockError.invalidRequest("no thumbnail file \(SafeText.sanitize(String(path.prefix(80))))")
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: ImageLimits.standard.maxEncodedBytes + 1) ?? Data()
        return [UInt8](data)
    }

    private func fetch(_ url: String) async throws -> [UInt8] {
        if let kept = cache?.data(for: url) { return kept }
        let bytes = try await fetcher.fetch(url)
        // Only what decodes is worth keeping (a CDN's error page is not a picture).
        if ImageFormat.sniff(bytes)?.isDecodable == true { _ = try? cache?.store(bytes, for: url) }
        return bytes
    }
}

/// Why an asset shows no picture when its listing names no thumbnail.
struct NoThumbnail: DescribedError {
    var message: String
}
