import StockCore

/// One asset as every `--json` output writes it (`search` items, `show`): every key always
/// present, `null` where the source does not say, dates in ISO 8601 UTC, money as `MoneyJSON`.
/// The schema is `common.schema.json#/$defs/asset`; see docs/json-output.md.
///
/// Text is the service's own, exact (`JSONOutput` escapes what a terminal would act on).
struct AssetJSON: Encodable, Equatable {
    /// Who made the asset.
    struct Contributor: Encodable, Equatable {
        var id: Int64
        var name: String
    }

    /// A thumbnail's URL and its longer side in pixels.
    struct Thumbnail: Encodable, Equatable {
        var size: Int
        var url: String
    }

    /// Pixel dimensions of a size or a deliverable.
    struct Dimensions: Encodable, Equatable {
        var width: Int
        var height: Int
    }

    /// A named size the asset is offered in (the metadata schema's resolution tiers).
    struct ResolutionTier: Encodable, Equatable {
        var name: String
        var width: Int
        var height: Int
    }

    var id: Int64
    var kind: String
    var title: String
    var description: String
    var keywords: [String]
    @Nullable var contributor: Contributor?
    @Nullable var category: String?
    var width: Int
    var height: Int
    var orientation: String
    /// Seconds, for video.
    @Nullable var duration: Double?
    @Nullable var fps: Double?
    @Nullable var codec: String?
    /// Bytes.
    @Nullable var fileSize: Int64?
    var formats: [String]
    @Nullable var videoResolution: String?
    var licenseTypes: [String]
    /// License names the service sent that stockterm does not know, as written.
    var otherLicenses: [String]
    /// The license this account already holds, as the service says (Adobe's `is_licensed`).
    @Nullable var heldLicense: String?
    var premiumLevel: Int
    var mature: Bool
    @Nullable var camera: String?
    @Nullable var composition: String?
    var ungraded: Bool
    /// ISO 8601 UTC; null when the source does not say when.
    @Nullable var created: String?
    var popularity: Int
    var curated: Bool
    /// Smallest first.
    var thumbnails: [Thumbnail]
    @Nullable var attribution: String?
    @Nullable var exif: EXIFJSON?
    @Nullable var colorProfile: String?
    var resolutionTiers: [ResolutionTier]
    var contentWarnings: [String]
    var products: [ProductJSON]
    /// The cheapest size, the price the result table shows; null when none is on sale.
    @Nullable var lowestPrice: MoneyJSON?

    init(_ a: Asset) {
        id = a.id.rawValue
        kind = a.kind.rawValue
        title = a.title
        description = a.description
        keywords = a.keywords
        contributor = a.contributor.map { Contributor(id: $0.id, name: $0.name) }
        category = a.category
        width = a.width
        height = a.height
        orientation = a.orientation.rawValue
        duration = a.duration
        fps = a.fps
        codec = a.codec
        fileSize = a.fileSize
        formats = a.formats
        videoResolution = a.videoResolution?.rawValue
        licenseTypes = a.licenseTypes.map(\.rawValue)
        otherLicenses = a.otherLicenses
        heldLicense = a.heldLicense
        premiumLevel = a.premiumLevel.rawValue
        mature = a.mature
        camera = a.camera?.rawValue
        composition = a.composition?.rawValue
        ungraded = a.ungraded
        created = a.createdIsKnown ? ISODate.format(a.created) : nil
        popularity = a.popularity
        curated = a.curated
        thumbnails = a.thumbnails.sorted { $0.key < $1.key }.map { Thumbnail(size: $0.key, url: $0.value) }
        attribution = a.attribution
        exif = a.exif.flatMap { $0.isEmpty ? nil : EXIFJSON($0) }
        colorProfile = a.colorProfile?.rawValue
        resolutionTiers = a.resolutionTiers.map { ResolutionTier(name: $0.name, width: $0.width, height: $0.height) }
        contentWarnings = a.contentWarnings
        products = a.products.map(ProductJSON.init)
        lowestPrice = a.lowestPrice.map(MoneyJSON.init)
    }
}
