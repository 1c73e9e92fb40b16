import Foundation
import StockCore

/// Renders an asset as an Adobe Stock `files[]` entry with the asked columns, in the order asked.
/// Columns that do not apply to an asset are `null` (as `vector_type` is for a photo); unknown
/// column names are ignored.
struct AdobeFileRenderer {
    let origin: String
    /// Category slug → Adobe's numeric id and name.
    let categories: [String: (id: Int, name: String)]
    let thumbnailSize: Int
    /// The license each asset already has for the caller (`is_licensed`; empty when anonymous).
    var licensed: [AssetID: String] = [:]

    static let thumbnailSizes = [110, 160, 240, 500, 1000]

    func file(_ asset: Asset, columns: [String]) -> JSONNode {
        .members(columns.compactMap { column in value(column, of: asset).map { (column, $0) } })
    }

    private func value(_ column: String, of a: Asset) -> JSONNode? {
        let isVideo = a.kind == .video
        switch column {
        case "id": return .int(a.id.rawValue)
        case "title": return .string(a.title)
        case "creator_name": return .optional(a.contributor?.name)
        case "creator_id": return a.contributor.map { .int($0.id) } ?? .null
        case "country_name": return .null
        case "width": return .int(a.width)
        case "height": return .int(a.height)
        case "thumbnail_url": return .string(thumbnailURL(a, thumbnailSize))
        case "thumbnail_html_tag": return .string(htmlTag(a, thumbnailSize))
        case "thumbnail_width": return .int(scaled(a, thumbnailSize).width)
        case "thumbnail_height": return .int(scaled(a, thumbnailSize).height)
        case "media_type_id": return .int(Self.mediaTypeID(a.kind))
        case "category", "category_hierarchy":
            // The real API sends `[]` for an asset without a category (14 of the 120 records
            // Adobe's SDKs recorded), not null.
            guard let slug = a.category, let c = categories[slug] else { return .array([]) }
            let node = JSONNode.members([("id", .int(c.id)), ("name", .string(c.name))])
            return column == "category" ? node : .array([node])
        case "nb_views": return .int(a.popularity * 12)
        case "nb_downloads": return .int(a.popularity)
        case "creation_date": return .string(Self.dateText(a.created))
        case "keywords": return .array(a.keywords.map { .members([("name", .string($0))]) })
        case "has_releases": return .bool(a.licenseTypes != [.editorial])
        case "comp_url": return .string(compURL(a, variant: 2)) // seed 001's Files example ends in /2
        case "comp_width": return .int(scaled(a, 1000).width)
        case "comp_height": return .int(scaled(a, 1000).height)
        case "is_licensed": return .string(licensed[a.id] ?? "")
        case "is_transparent": return .bool(Self.isTransparent(a))
        case "vector_type": return a.kind == .vector ? .string(a.formats.contains("svg") ? "svg" : "zip") : .null
        case "content_type": return .string(Self.mimeType(a))
        case "framerate": return isVideo ? a.fps.map { .double($0) } ?? .null : .null
        case "duration": return isVideo ? a.duration.map { .int(Int64(($0 * 1000).rounded())) } ?? .null : .null
        case "comps": return comps(a)
        case "details_url": return .string("\(origin)/details/\(a.id)")
        case "template_type_id": return a.kind == .template ? Self.templateType(a).map { .int($0) } ?? .null : .null
        case "template_category_ids": return .null
        case "marketing_text": return .null
        case "description": return .string(a.description)
        case "size_bytes": return a.fileSize.map { .int($0) } ?? .null
        case "premium_level_id": return .int(a.premiumLevel.rawValue)
        case "is_premium": return .bool(a.premiumLevel.isPremium)
        case "video_preview_url": return isVideo ? .string("\(origin)/previews/\(a.id).mp4") : .null
        case "video_preview_width": return isVideo ? .int(scaled(a, 1000).width) : .null
        case "video_preview_height": return isVideo ? .int(scaled(a, 1000).height) : .null
        case "video_preview_content_type": return isVideo ? .string("video/mp4") : .null
        case "video_small_preview_url": return isVideo ? .string("\(origin)/previews/\(a.id)_small.mp4") : .null
        case "video_small_preview_width": return isVideo ? .int(scaled(a, 500).width) : .null
        case "video_small_preview_height": return isVideo ? .int(scaled(a, 500).height) : .null
        case "video_small_preview_content_type": return isVideo ? .string("video/mp4") : .null
        default:
            // thumbnail_<size>_url / _width / _height
            let parts = column.split(separator: "_")
            guard parts.count == 3, parts[0] == "thumbnail", let size = Int(parts[1]), Self.thumbnailSizes.contains(size) else { return nil }
            switch parts[2] {
            case "url": return .string(thumbnailURL(a, size))
            case "width": return .int(scaled(a, size).width)
            case "height": return .int(scaled(a, size).height)
            default: return nil
            }
        }
    }

    /// Thumbnails are URLs on the sandbox, served by `SandboxThumbnails`.
    func thumbnailURL(_ a: Asset, _ size: Int) -> String { "\(origin)/thumbs/\(a.id)_\(size).jpg" }

    private func compURL(_ a: Asset, variant: Int) -> String { "\(origin)/Rest/Libraries/Watermarked/Download/\(a.id)/\(variant)" }

    private func htmlTag(_ a: Asset, _ size: Int) -> String {
        let title = Self.escapeHTML(a.title)
        let kind = a.kind.rawValue.prefix(1).uppercased() + a.kind.rawValue.dropFirst()
        return "<img src='\(thumbnailURL(a, size))' alt='\(title)' title='\(kind): \(title)' />"
    }

    /// The longer side at `size`, the other in proportion (never larger than the original).
    private func scaled(_ a: Asset, _ size: Int) -> (width: Int, height: Int) {
        let long = max(a.width, a.height, 1)
        let scale = min(1, Double(size) / Double(long))
        return (max(1, Int((Double(a.width) * scale).rounded())), max(1, Int((Double(a.height) * scale).rounded())))
    }

    private func comps(_ a: Asset) -> JSONNode {
        func comp(_ variant: Int, _ size: (width: Int, height: Int)) -> JSONNode {
            .members([("url", .string(compURL(a, variant: variant))), ("width", .int(size.width)), ("height", .int(size.height))])
        }
        guard a.kind == .video else { return .members([("Standard", comp(1, scaled(a, 1000)))]) }
        var members: [(String, JSONNode)] = [("Video_HD", comp(3, scaled(a, 1920)))]
        if a.videoResolution == .k4 { members.append(("Video_4K", comp(4, (a.width, a.height)))) }
        return .members(members)
    }

    /// Whether a PNG with transparency exists: vectors whose formats include png (seed 001: PNG
    /// "for some assets, depending if those assets support transparency").
    static func isTransparent(_ a: Asset) -> Bool { a.kind == .vector && a.formats.contains("png") }

    static func mediaTypeID(_ kind: AssetKind) -> Int {
        switch kind {
        case .photo: 1
        case .illustration: 2
        case .vector: 3
        case .video: 4
        case .template: 7
        case .model3D: 6
        }
    }

    static func mimeType(_ a: Asset) -> String {
        switch a.kind {
        case .photo, .illustration: return "image/jpeg"
        case .vector: return a.formats.contains("svg") && !a.formats.contains("ai") ? "image/svg+xml" : "application/illustrator"
        case .video: return a.formats.contains("mp4") ? "video/mp4" : "video/quicktime"
        case .template:
            // As Adobe's recorded template pages write them.
            if a.formats.contains("psd") { return "image/vnd.adobe.photoshop.template" }
            if a.formats.contains("indd") { return "application/x-indesign" }
            if a.formats.contains("ai") { return "application/illustrator.template" }
            if a.formats.contains("pptx") { return "application/vnd.openxmlformats-officedocument.presentationml.presentation" }
            return "application/octet-stream"
        case .model3D:
            // Adobe's SDKs record no 3D answer; the format's own type where it has one.
            return a.formats.contains("obj") ? "model/obj" : a.formats.contains("glb") ? "model/gltf-binary" : "application/octet-stream"
        }
    }

    private static func templateType(_ a: Asset) -> Int? {
        if a.formats.contains("psd") { return 1 }
        if a.formats.contains("ai") { return 2 }
        if a.formats.contains("indd") { return 3 }
        return nil
    }

    /// `2017-11-01 22:57:48` (UTC), as Adobe's licensing examples write dates.
    static func dateText(_ date: Date) -> String {
        let iso = ISODate.format(date) // 2017-11-01T22:57:48Z
        return String(iso.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    private static func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
