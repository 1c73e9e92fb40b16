import Foundation
import StockCore

extension StockFlowClip {
    /// The clip as an `Asset`. StockFlow sends no frame size: a known resolution class stands for
    /// its 16:9 frame (4k 3840×2160, 1080p 1920×1080, 720p 1280×720), unless the clip carries
    /// `width` and `height`. Clips are licensed through the plan's quota, so `products` stays empty.
    /// A license name stockterm does not know goes to `otherLicenses` (shown as unknown), never
    /// onto a known type; an unreadable `created_at` is `WireDate.unknown`.
    func asset() -> Asset {
        let resolutionClass = Self.resolutionClass(resolution)
        var width = Self.pixels(width), height = Self.pixels(height)
        if width <= 0 || height <= 0 {
            (width, height) = switch resolutionClass {
            case .k4?: (3840, 2160)
            case .p1080?: (1920, 1080)
            case .p720?: (1280, 720)
            case nil: (0, 0)
            }
        }
        let authorName = WireText.optionalField(author?.displayName)
        let licenses = Self.licenses(licenseType)
        let formats = (formatsAvailable?.elements ?? format.map { [$0] } ?? []).map { WireText.field($0).lowercased() }.filter { !$0.isEmpty }
        var thumbnails: [Int: String] = [:]
        if let url = WireText.optionalField(thumbnailURL) { thumbnails[Self.thumbnailSize(url)] = url }
        return Asset(
            id: id,
            kind: .video,
            title: WireText.field(title),
            description: WireText.field(description),
            keywords: (tags?.elements ?? []).map(WireText.field).filter { !$0.isEmpty },
            contributor: author?.id.flatMap { Int64($0.text) }.map { Contributor(id: $0, name: authorName ?? "") },
            category: WireText.optionalField(categoryID),
            width: width, height: height,
            orientation: width > 0 && height > 0 ? nil : .horizontal,
            duration: durationSeconds.flatMap { $0.value >= 0 ? $0.value : nil },
            fps: fps.flatMap { $0.value > 0 ? $0.value : nil },
            codec: WireText.optionalField(codec),
            fileSize: fileSizeMB.flatMap { $0.value >= 0 && $0.value < 1e12 ? Int64(($0.value * 1_000_000).rounded()) : nil },
            formats: formats,
            videoResolution: resolutionClass,
            licenseTypes: licenses.known,
            otherLicenses: licenses.other,
            created: createdAt.flatMap(WireDate.parse) ?? WireDate.unknown,
            thumbnails: thumbnails,
            attribution: authorName.map { "© \($0) / StockFlow" },
            colorProfile: colorProfile.flatMap { ColorProfile(rawValue: $0) },
            contentWarnings: (contentWarnings?.elements ?? []).map(WireText.field).filter { !$0.isEmpty })
    }

    /// The known license types and the names of the others. No `license_type` at all is
    /// standard (seed 002: `license_type` "Defaults to standard if omitted"); a name stockterm
    /// does not know is kept apart, and then the known ones are only those the clip named.
    static func licenses(_ wire: StockFlowLicenseTypes?) -> (known: [LicenseType], other: [String]) {
        guard let wire, !wire.names.isEmpty else { return ([.standard], []) }
        var known: [LicenseType] = [], other: [String] = []
        for name in wire.names {
            switch name {
            case .known(let k): if !known.contains(k) { known.append(k) }
            case .unknown(let raw): if !raw.isEmpty, !other.contains(raw) { other.append(raw) }
            }
        }
        return (known, other)
    }

    /// A positive pixel count, else 0.
    static func pixels(_ n: FlexibleNumber?) -> Int {
        guard let v = n?.int, v > 0, v <= 1_000_000 else { return 0 }
        return v
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
