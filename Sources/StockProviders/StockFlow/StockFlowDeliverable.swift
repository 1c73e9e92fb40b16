import Foundation
import StockCore

/// One thing StockFlow can license of a clip: a format and a resolution under a license type,
/// the body of `POST /v2/downloads/{clip_id}`. Its `LicenseOption.id` is `mp4-4k-standard`; the
/// licensed product's id (what a later download asks for, kept in the ledger) is
/// `18742:mp4:4k:standard`.
///
/// ```swift
/// let d = StockFlowDeliverable(optionID: "mov-1080p-extended")!
/// d.productID(clip: 18742)                     // "18742:mov:1080p:extended"
/// StockFlowDeliverable.product("18742:mov:1080p:extended")?.clip   // 18742
/// ```
public struct StockFlowDeliverable: Hashable, Sendable {
    /// The formats and resolutions `POST /downloads` accepts (seed 002).
    public static let formats = ["mp4", "mov", "webm"]
    public static let resolutions: [VideoResolution] = [.p1080, .k4]

    /// mp4, mov or webm.
    public var format: String
    /// 1080p or 4k.
    public var resolution: VideoResolution
    public var licenseType: LicenseType

    public init?(format: String, resolution: VideoResolution, licenseType: LicenseType) {
        let format = format.lowercased()
        guard Self.formats.contains(format), Self.resolutions.contains(resolution) else { return nil }
        self.format = format; self.resolution = resolution; self.licenseType = licenseType
    }

    /// Reads `mp4-4k-standard`.
    public init?(optionID: String) {
        let parts = optionID.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let r = VideoResolution(rawValue: parts[1]), let l = LicenseType(rawValue: parts[2]) else { return nil }
        self.init(format: parts[0], resolution: r, licenseType: l)
    }

    /// Reads `18742:mp4:4k:standard` into the clip and the deliverable; nil for anything else.
    public static func product(_ productID: String) -> (clip: AssetID, deliverable: StockFlowDeliverable)? {
        let parts = productID.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let clip = AssetID(parts[0]), let r = VideoResolution(rawValue: parts[2]),
              let l = LicenseType(rawValue: parts[3]), let d = StockFlowDeliverable(format: parts[1], resolution: r, licenseType: l) else {
            return nil
        }
        return (clip, d)
    }

    public var optionID: String { "\(format)-\(resolution.rawValue)-\(licenseType.rawValue)" }

    public func productID(clip: AssetID) -> String { "\(clip):\(format):\(resolution.rawValue):\(licenseType.rawValue)" }

    /// "MP4 4K", or "MP4 720p" for a 720p clip asked for at 1080p (StockFlow delivers HD in the
    /// clip's own frame); with ", extended license" when `withLicense`. Without the clip (a
    /// receipt knows only the order), the HD tier is "MP4 HD (up to 1080p)": a 720p clip bought
    /// at that tier is delivered at 720p, so "1080p" would be a wrong known value.
    public func name(for clip: Asset?, withLicense: Bool) -> String {
        let frame = delivered(clip)
        let label = frame == .k4 ? "4K" : clip == nil && frame == .p1080 ? "HD (up to 1080p)" : frame.rawValue
        return "\(format.uppercased()) \(label)" + (withLicense ? ", \(licenseType.rawValue) license" : "")
    }

    /// The frame class delivered: the one asked for, or the clip's own when lower.
    public func delivered(_ clip: Asset?) -> VideoResolution {
        min(resolution, clip?.videoResolution ?? resolution)
    }

    /// The delivered frame in pixels: the clip's own at its class, else the class's frame with the
    /// clip's aspect (16:9 when unknown).
    public func dimensions(for clip: Asset) -> Product.Dimensions {
        let frame = delivered(clip)
        if frame == clip.videoResolution, clip.width > 0, clip.height > 0 {
            return Product.Dimensions(width: clip.width, height: clip.height)
        }
        let short = switch frame {
        case .k4: 2160
        case .p1080: 1080
        case .p720: 720
        }
        guard clip.width > 0, clip.height > 0 else { return Product.Dimensions(width: short * 16 / 9, height: short) }
        if clip.width >= clip.height {
            return Product.Dimensions(width: Int((Double(short) * Double(clip.width) / Double(clip.height)).rounded()), height: short)
        }
        return Product.Dimensions(width: short, height: Int((Double(short) * Double(clip.height) / Double(clip.width)).rounded()))
    }

    /// The `POST /downloads/{clip_id}` body: `{"format","license_type","resolution"}`.
    var body: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Three known strings: encoding cannot fail.
        return (try? encoder.encode(["format": format, "resolution": resolution.rawValue, "license_type": licenseType.rawValue])) ?? Data()
    }

    /// Every deliverable of a clip, as license options: each license type it has, each format it
    /// is offered in, 1080p and (for 4k clips) 4k; one download from the quota each. A clip with
    /// no known license type is standard only when it names no other (`otherLicenses`): a license
    /// stockterm does not know is never offered as standard.
    public static func options(for clip: Asset) -> [LicenseOption] {
        let licenses = !clip.licenseTypes.isEmpty ? clip.licenseTypes.sorted() : clip.otherLicenses.isEmpty ? [LicenseType.standard] : []
        let formats = clip.formats.map { $0.lowercased() }.filter(Self.formats.contains)
        let resolutions: [VideoResolution] = clip.videoResolution == .k4 ? [.p1080, .k4] : [.p1080]
        var options: [LicenseOption] = []
        for license in licenses {
            for format in formats {
                for resolution in resolutions {
                    guard let d = StockFlowDeliverable(format: format, resolution: resolution, licenseType: license) else { continue }
                    let size = d.dimensions(for: clip)
                    options.append(LicenseOption(id: d.optionID, type: .deliverable, name: d.name(for: clip, withLicense: licenses.count > 1),
                                                 detail: "\(size.width) × \(size.height) px · \(license.rawValue) license · one download from the plan's quota",
                                                 cost: .credits(1), dimensions: size))
                }
            }
        }
        return options
    }
}
