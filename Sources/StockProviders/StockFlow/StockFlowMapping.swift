import Foundation
import StockCore

extension StockFlowClip {
    /// The clip as an `Asset`. StockFlow sends no frame size: a known resolution class stands for
    /// its 16:9 frame (4k 3840×2160, 1080p 1920×1080, 720p 1280×720), unless the clip carries
    /// `width` and `height`. Clips are licensed through the plan's quota, so `products` stays empty.
    func asset() -> Asset {
        let resolutionClass = Self.resolutionClass(resolution)
        var width = width?.int ?? 0, height = height?.int ?? 0
        if width <= 0 || height <= 0 {
            (width, height) = switch resolutionClass {
            case .k4?: (3840, 2160)
            case .p1080?: (1920, 1080)
            case .p720?: (1280, 720)
            case nil: (0, 0)
            }
        }
        let authorName = WireText.optionalField(author?.displayName)
        let license = licenseType.flatMap { LicenseType(rawValue: $0.lowercased()) }
        let formats = (formatsAvailable ?? format.map { [$0] } ?? []).map { WireText.field($0).lowercased() }.filter { !$0.isEmpty }
        var thumbnails: [Int: String] = [:]
        if let url = WireText.optionalField(thumbnailURL) { thumbnails[Self.thumbnailSize(url)] = url }
        return Asset(
            id: id,
            kind: .video,
            title: WireText.field(title),
            description: WireText.field(description),
            keywords: (tags ?? []).map(WireText.field).filter { !$0.isEmpty },
            contributor: author.flatMap { a in a.id.map { Contributor(id: $0.rawValue, name: authorName ?? "") } },
            category: WireText.optionalField(categoryID),
            width: width, height: height,
            orientation: width > 0 && height > 0 ? nil : .horizontal,
            duration: durationSeconds?.value,
            fps: fps?.value,
            codec: WireText.optionalField(codec),
            fileSize: fileSizeMB.map { Int64(($0.value * 1_000_000).rounded()) },
            formats: formats,
            videoResolution: resolutionClass,
            licenseTypes: license.map { [$0] } ?? [.standard],
            created: createdAt.flatMap(WireDate.parse) ?? WireDate.unknown,
            thumbnails: thumbnails,
            attribution: authorName.map { "© \($0) / StockFlow" },
            colorProfile: colorProfile.flatMap { ColorProfile(rawValue: $0) },
            contentWarnings: (contentWarnings ?? []).map(WireText.field).filter { !$0.isEmpty })
    }

    /// `4k` (also `4K`, `2160p`, `uhd`), `1080p`, `720p`; nil for anything else.
    static func resolutionClass(_ text: String?) -> VideoResolution? {
        switch text?.lowercased() {
        case "4k", "2160p", "uhd": .k4
        case "1080p", "fullhd", "fhd": .p1080
        case "720p", "hd": .p720
        default: nil
        }
    }

    /// The pixel size in a thumbnail's file name (`18742_1080.jpg` → 1080), else 0 (unknown).
    static func thumbnailSize(_ url: String) -> Int {
        let name = url.split(separator: "/").last.map(String.init) ?? url
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        guard let last = stem.split(separator: "_").last, stem.contains("_"), let n = Int(last), n > 0, n <= 10_000 else { return 0 }
        return n
    }
}
