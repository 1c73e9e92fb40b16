import Foundation
import Hummingbird
import NIOCore
import StockCatalog
import StockCore
import StockImages

/// The thumbnails every emulator lists (`/thumbs/{id}_{size}.jpg`: Adobe's 110–1000, Stocksy's
/// 400, StockFlow's 1080), served as JPEGs generated from the asset (`DemoThumbnail`), the longer
/// side `size` pixels. Like a CDN they need no credentials and are outside the API's rate limit;
/// the most recent ones are kept encoded.
final class SandboxThumbnails: Sendable {
    /// The largest size served (a longer side beyond it is refused).
    static let maxSize = 2000
    private static let kept = 256

    private let catalog: LocalCatalog
    private let cache = Locked<(bytes: [String: [UInt8]], order: [String])>(([:], []))

    init(catalog: LocalCatalog) { self.catalog = catalog }

    func register(on router: Router<SandboxContext>) {
        router.get("thumbs/{name}") { _, context in try self.serve(context) }
    }

    private func serve(_ context: SandboxContext) throws -> Response {
        let name = try context.parameters.require("name")
        guard name.hasSuffix(".jpg"),
              let separator = name.lastIndex(of: "_"),
              let id = Int64(name[..<separator]),
              let size = Int(name[name.index(after: separator)...].dropLast(4)),
              size > 0, size <= Self.maxSize else {
            return Response(status: .notFound)
        }
        let bytes: [UInt8]
        if let kept = cache.withLock({ $0.bytes[name] }) {
            bytes = kept
        } else {
            guard let asset = try? catalog.asset(id: AssetID(id)) else { return Response(status: .notFound) }
            let landscape = asset.width >= asset.height
            let width = landscape ? size : max(1, size * max(1, asset.width) / max(1, asset.height))
            let image = DemoThumbnail.image(for: asset, width: width)
            bytes = try ImageEncoder.jpeg(image, quality: 82)
            cache.withLock { c in
                c.bytes[name] = bytes
                c.order.append(name)
                if c.order.count > Self.kept { c.bytes[c.order.removeFirst()] = nil }
            }
        }
        var fields = HTTPFields()
        fields[.contentType] = "image/jpeg"
        fields[.contentLength] = String(bytes.count)
        fields[.cacheControl] = "public, max-age=86400"
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
