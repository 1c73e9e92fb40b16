import Foundation

/// One photo, illustration, vector, video or template, as every service and the local catalog
/// describe it. Field names are the catalog import format's (camelCase); see
/// `docs/catalog-format.md`.
///
/// Required when decoding: `id`, `kind`, `title`, `width`, `height`, `created`. Everything else has
/// a default, and `orientation` follows from the dimensions when absent.
public struct Asset: Hashable, Sendable, Codable, Identifiable {
    public var id: AssetID
    public var kind: AssetKind
    public var title: String
    public var description: String
    public var keywords: [String]
    public var contributor: Contributor?
    /// Category slug, e.g. `nature-landscapes`.
    public var category: String?
    public var width: Int
    public var height: Int
    public var orientation: Orientation
    /// Seconds, for video.
    public var duration: Double?
    public var fps: Double?
    public var codec: String?
    /// Bytes.
    public var fileSize: Int64?
    /// File formats offered, e.g. `["mp4", "mov"]` or `["jpeg"]`.
    public var formats: [String]
    public var videoResolution: VideoResolution?
    public var licenseTypes: [LicenseType]
    /// Licenses the service named that stockterm does not know, as it wrote them (sanitised):
    /// shown as unknown, never mapped onto a known type.
    public var otherLicenses: [String]
    public var premiumLevel: PremiumLevel
    public var mature: Bool
    public var camera: Camera?
    public var composition: Composition?
    /// Video delivered without colour grading (Stocksy's `facet_ungradedvideo`).
    public var ungraded: Bool
    /// When the asset was published; `Asset.unknownDate` when the source does not say (or says
    /// something unreadable), which every view shows as unknown.
    public var created: Date
    /// Downloads or views; larger is more popular.
    public var popularity: Int
    /// Hand-picked by the service's editors.
    public var curated: Bool
    /// Thumbnail URLs by their longer side in pixels (Adobe: 110, 160, 240, 500, 1000).
    public var thumbnails: [Int: String]
    /// Creator attribution line, e.g. "© Mikhail Volkov / StockFlow".
    public var attribution: String?
    public var exif: EXIF?
    public var colorProfile: ColorProfile?
    public var resolutionTiers: [ResolutionTier]
    /// Warnings to show before use, e.g. "nudity", "recognisable people without release".
    public var contentWarnings: [String]
    /// Sizes and extended licenses on sale.
    public var products: [Product]
    /// The license this account already holds, as the service says when asked (Adobe's
    /// `is_licensed`: "Standard"); nil when it does not say or holds none. Sanitised.
    public var heldLicense: String?

    public init(id: AssetID, kind: AssetKind, title: String, description: String = "", keywords: [String] = [],
                contributor: Contributor? = nil, category: String? = nil, width: Int, height: Int,
                orientation: Orientation? = nil, duration: Double? = nil, fps: Double? = nil, codec: String? = nil,
                fileSize: Int64? = nil, formats: [String] = [], videoResolution: VideoResolution? = nil,
                licenseTypes: [LicenseType] = [.standard], otherLicenses: [String] = [], premiumLevel: PremiumLevel = .core, mature: Bool = false,
                camera: Camera? = nil, composition: Composition? = nil, ungraded: Bool = false, created: Date,
                popularity: Int = 0, curated: Bool = false, thumbnails: [Int: String] = [:], attribution: String? = nil,
                exif: EXIF? = nil, colorProfile: ColorProfile? = nil, resolutionTiers: [ResolutionTier] = [],
                contentWarnings: [String] = [], products: [Product] = [], heldLicense: String? = nil) {
        self.id = id; self.kind = kind; self.title = title; self.description = description
        self.keywords = keywords; self.contributor = contributor; self.category = category
        self.width = width; self.height = height
        self.orientation = orientation ?? Orientation(width: width, height: height)
        self.duration = duration; self.fps = fps; self.codec = codec; self.fileSize = fileSize
        self.formats = formats
        self.videoResolution = videoResolution ?? (kind == .video ? VideoResolution(width: width, height: height) : nil)
        self.licenseTypes = licenseTypes; self.otherLicenses = otherLicenses; self.premiumLevel = premiumLevel; self.mature = mature
        self.camera = camera; self.composition = composition; self.ungraded = ungraded
        self.created = created; self.popularity = popularity; self.curated = curated
        self.thumbnails = thumbnails; self.attribution = attribution; self.exif = exif
        self.colorProfile = colorProfile; self.resolutionTiers = resolutionTiers
        self.contentWarnings = contentWarnings; self.products = products; self.heldLicense = heldLicense
    }

    /// Stands for "the source does not say when": the Unix epoch, which no stock asset predates.
    public static let unknownDate = Date(timeIntervalSince1970: 0)
    /// Whether `created` is a date the source gave.
    public var createdIsKnown: Bool { created != Self.unknownDate }

    /// Width times height in millions of pixels.
    public var megapixels: Double { Double(width) * Double(height) / 1_000_000 }
    /// True for 4k video (Stocksy's `facet_4kvideo`).
    public var is4K: Bool { kind == .video && videoResolution == .k4 }
    /// The cheapest deliverable, for the result list's price column.
    public var lowestPrice: Money? {
        products.filter { $0.type == .deliverable }.map(\.price).min()
    }
}
