import Foundation
import Hummingbird
import StockCore

/// Downloads of licensed files and of watermarked comps (Adobe's "Downloading licensed files",
/// seed 001's comp, vector-format and removed-asset answers). The access token travels in the
/// `token` query parameter, never in a header; the answer is a 302 to a signed URL that expires.
extension AdobeService {
    /// How long a redirect target stays valid.
    static let downloadLifetime: Double = 300
    /// `size` of an image download (Adobe's reference), and of a video.
    static let imageSizes = [400, 800, 1600, 2400, 3100, 5000]
    static let videoSizes = [1080, 2160]

    /// `GET /Rest/Libraries/Download/{id}/{n}?token=…[&format=jpeg|png][&size=…]`.
    func download(_ request: Request, _ context: SandboxContext) throws -> Response {
        let member = try downloadMember(request)
        let notHere = AdobeErrors.stock(.notFound, "Cannot find a download for this file and license on this organization", code: 100)
        guard let id = context.parameters.get("id").flatMap(AssetID.init), let n = context.parameters.get("license").flatMap(Int.init),
              let license = AdobeLicense(downloadNumber: n) else { throw notHere }
        guard let held = book.holds(member, asset: id, license: license) else { throw notHere }
        guard let asset = try? environment.catalog.asset(id: id) else {
            throw AdobeErrors.stock(.gone, """
                Content #\(id) is no longer offered by Adobe Stock: it was removed from the collection, so its file can no longer be \
                downloaded. Your \(license.rawValue) license of \(AdobeDates.historyText(held.date)) remains valid in perpetuity \
                (subject to the licensing terms), and your license history keeps it.
                """, code: 100)
        }
        let q = QueryItems(parsing: request.uri.query)
        let format = try self.format(q, asset)
        var (width, height) = (asset.width, asset.height)
        var key = "adobe/\(id)/\(license.downloadNumber)"
        if let format { key += "/\(format)" }
        if let raw = q["size"] {
            let sizes = asset.kind == .video ? Self.videoSizes : Self.imageSizes
            guard [.photo, .illustration, .video].contains(asset.kind), format == nil, let size = Int(raw), sizes.contains(size) else {
                throw AdobeErrors.invalidParameter("This download cannot be processed, invalid size")
            }
            let long = asset.kind == .video ? min(width, height) : max(width, height)
            if size < long {
                let scale = Double(size) / Double(long)
                (width, height) = (max(1, Int(Double(width) * scale)), max(1, Int(Double(height) * scale)))
            }
            key += "/\(size)"
        }
        let name = "AdobeStock_\(id).\(format ?? Self.fileExtension(asset))"
        let url = environment.files.signedURL(key: key, name: name, size: Self.fileSize(asset, format: format, width: width, height: height),
                                              ttl: Self.downloadLifetime)
        return Self.redirect(to: url)
    }

    /// `GET /Rest/Libraries/Watermarked/Download/{id}/{variant}?token=…`: the watermarked comp
    /// (1000 px on the long side; an MP4 for a video's Video_HD and Video_4K variants 3 and 4).
    func comp(_ request: Request, _ context: SandboxContext) throws -> Response {
        _ = try downloadMember(request)
        guard let id = context.parameters.get("id").flatMap(AssetID.init), let variant = context.parameters.get("variant").flatMap(Int.init),
              (1...4).contains(variant) else {
            throw AdobeErrors.stock(.notFound, "Cannot find a comp for this file", code: 100)
        }
        let asset = try catalogAsset(id)
        let video = asset.kind == .video && variant >= 3
        let long = max(asset.width, asset.height, 1)
        let scale = min(1, 1000 / Double(long))
        let size = Int64(Double(asset.width) * scale * Double(asset.height) * scale / (video ? 1 : 5))
        let url = environment.files.signedURL(key: "adobe-comp/\(id)/\(variant)", name: "AdobeStock_\(id)_comp.\(video ? "mp4" : "jpeg")",
                                              size: max(size, 1024), ttl: Self.downloadLifetime)
        return Self.redirect(to: url)
    }

    /// The member whose token is in the `token` query parameter. An `Authorization` header is
    /// refused: Adobe's reference warns that one breaks download URLs.
    private func downloadMember(_ request: Request) throws(HTTPFailure) -> AdobeMembers.Member {
        if request.headers[.authorization] != nil {
            throw AdobeErrors.invalidParameter("Download URLs take the access token in the token query parameter, not in an Authorization header")
        }
        guard let token = QueryItems(parsing: request.uri.query)["token"], !token.isEmpty else {
            throw AdobeErrors.stock(.unauthorized, "This download needs a valid access token in the token query parameter", code: 10)
        }
        if members.expiredTokens.contains(token) { throw AdobeErrors.stock(.unauthorized, "This download is expired", code: 10) }
        guard let member = members.byToken[token] else { throw AdobeErrors.stock(.unauthorized, "Invalid access token", code: 10) }
        return member
    }

    /// `format=jpeg|png`, for vectors only; PNG only where the vector has transparency (seed 001).
    private func format(_ q: QueryItems, _ asset: Asset) throws(HTTPFailure) -> String? {
        guard let raw = q["format"] else { return nil }
        guard raw == "jpeg" || raw == "png" else { throw AdobeErrors.invalidParameter("format must be jpeg or png, got \"\(raw)\"") }
        guard asset.kind == .vector else {
            throw AdobeErrors.invalidParameter("format is offered for vector assets only; content #\(asset.id) is a \(asset.kind.rawValue)")
        }
        if raw == "png" && !AdobeFileRenderer.isTransparent(asset) {
            throw AdobeErrors.invalidParameter("Content #\(asset.id) has no transparency, so no PNG exists: ask for format=jpeg")
        }
        return raw
    }

    /// The original's extension: `jpeg` for images (Adobe names files `AdobeStock_<id>.jpeg`),
    /// `svg` or `zip` (AI/EPS) for vectors as `vector_type` says, the video's container, the template's format.
    static func fileExtension(_ asset: Asset) -> String {
        switch asset.kind {
        case .photo, .illustration: "jpeg"
        case .vector: asset.formats.contains("svg") ? "svg" : "zip"
        case .video: asset.formats.contains("mp4") ? "mp4" : "mov"
        case .template: ["psd", "ai", "indd", "pptx"].first { asset.formats.contains($0) } ?? "zip"
        case .model3D: asset.formats.first ?? "zip"
        }
    }

    /// The original's size where the catalog gives it; renditions and conversions in proportion
    /// to their pixels (JPEG about a quarter of a byte per pixel, PNG half).
    static func fileSize(_ asset: Asset, format: String?, width: Int, height: Int) -> Int64 {
        let pixels = Double(width) * Double(height)
        switch format {
        case "jpeg"?: return Int64(pixels / 4)
        case "png"?: return Int64(pixels / 2)
        default:
            let original = Double(asset.fileSize ?? Int64(Double(asset.width) * Double(asset.height) * 0.3))
            let share = pixels / max(1, Double(asset.width) * Double(asset.height))
            return max(1024, Int64(original * share))
        }
    }

    private static func redirect(to url: String) -> Response {
        var fields = HTTPFields()
        fields[.location] = url
        fields[.contentLength] = "0"
        return Response(status: .found, headers: fields)
    }
}
