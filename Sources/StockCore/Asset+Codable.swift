import Foundation

extension Asset {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, title, description, keywords, contributor, category, width, height, orientation
        case duration, fps, codec, fileSize, formats, videoResolution, licenseTypes, premiumLevel, mature
        case camera, composition, ungraded, created, popularity, curated, thumbnails, attribution, exif
        case colorProfile, resolutionTiers, contentWarnings, products
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let width = try c.decode(Int.self, forKey: .width)
        let height = try c.decode(Int.self, forKey: .height)
        guard width > 0 else { throw DecodingError.dataCorruptedError(forKey: .width, in: c, debugDescription: "width must be positive") }
        guard height > 0 else { throw DecodingError.dataCorruptedError(forKey: .height, in: c, debugDescription: "height must be positive") }
        let title = try c.decode(String.self, forKey: .title)
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .title, in: c, debugDescription: "title must not be empty")
        }
        let id = try c.decode(AssetID.self, forKey: .id)
        guard id.rawValue > 0 else { throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "id must be a positive integer") }
        var thumbnails: [Int: String] = [:]
        if let raw = try c.decodeIfPresent([String: String].self, forKey: .thumbnails) {
            for (size, url) in raw {
                guard let px = Int(size), px > 0 else {
                    throw DecodingError.dataCorruptedError(forKey: .thumbnails, in: c, debugDescription: "thumbnail sizes must be pixel counts, got \"\(size)\"")
                }
                thumbnails[px] = url
            }
        }
        if let duration = try c.decodeIfPresent(Double.self, forKey: .duration), duration < 0 {
            throw DecodingError.dataCorruptedError(forKey: .duration, in: c, debugDescription: "duration must not be negative")
        }
        self.init(
            id: id,
            kind: try c.decode(AssetKind.self, forKey: .kind),
            title: title,
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            contributor: try c.decodeIfPresent(Contributor.self, forKey: .contributor),
            category: try c.decodeIfPresent(String.self, forKey: .category),
            width: width, height: height,
            orientation: try c.decodeIfPresent(Orientation.self, forKey: .orientation),
            duration: try c.decodeIfPresent(Double.self, forKey: .duration),
            fps: try c.decodeIfPresent(Double.self, forKey: .fps),
            codec: try c.decodeIfPresent(String.self, forKey: .codec),
            fileSize: try c.decodeIfPresent(Int64.self, forKey: .fileSize),
            formats: try c.decodeIfPresent([String].self, forKey: .formats) ?? [],
            videoResolution: try c.decodeIfPresent(VideoResolution.self, forKey: .videoResolution),
            licenseTypes: try c.decodeIfPresent([LicenseType].self, forKey: .licenseTypes) ?? [.standard],
            premiumLevel: try c.decodeIfPresent(PremiumLevel.self, forKey: .premiumLevel) ?? .core,
            mature: try c.decodeIfPresent(Bool.self, forKey: .mature) ?? false,
            camera: try c.decodeIfPresent(Camera.self, forKey: .camera),
            composition: try c.decodeIfPresent(Composition.self, forKey: .composition),
            ungraded: try c.decodeIfPresent(Bool.self, forKey: .ungraded) ?? false,
            created: try ISODate.parse(try c.decode(String.self, forKey: .created), codingPath: c.codingPath + [CodingKeys.created]),
            popularity: try c.decodeIfPresent(Int.self, forKey: .popularity) ?? 0,
            curated: try c.decodeIfPresent(Bool.self, forKey: .curated) ?? false,
            thumbnails: thumbnails,
            attribution: try c.decodeIfPresent(String.self, forKey: .attribution),
            exif: try c.decodeIfPresent(EXIF.self, forKey: .exif),
            colorProfile: try c.decodeIfPresent(ColorProfile.self, forKey: .colorProfile),
            resolutionTiers: try c.decodeIfPresent([ResolutionTier].self, forKey: .resolutionTiers) ?? [],
            contentWarnings: try c.decodeIfPresent([String].self, forKey: .contentWarnings) ?? [],
            products: try c.decodeIfPresent([Product].self, forKey: .products) ?? []
        )
    }

    /// Writes the import format; empty and default fields are left out so that lines stay short.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        if !description.isEmpty { try c.encode(description, forKey: .description) }
        if !keywords.isEmpty { try c.encode(keywords, forKey: .keywords) }
        try c.encodeIfPresent(contributor, forKey: .contributor)
        try c.encodeIfPresent(category, forKey: .category)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(orientation, forKey: .orientation)
        try c.encodeIfPresent(duration, forKey: .duration)
        try c.encodeIfPresent(fps, forKey: .fps)
        try c.encodeIfPresent(codec, forKey: .codec)
        try c.encodeIfPresent(fileSize, forKey: .fileSize)
        if !formats.isEmpty { try c.encode(formats, forKey: .formats) }
        try c.encodeIfPresent(videoResolution, forKey: .videoResolution)
        try c.encode(licenseTypes, forKey: .licenseTypes)
        try c.encode(premiumLevel, forKey: .premiumLevel)
        if mature { try c.encode(mature, forKey: .mature) }
        try c.encodeIfPresent(camera, forKey: .camera)
        try c.encodeIfPresent(composition, forKey: .composition)
        if ungraded { try c.encode(ungraded, forKey: .ungraded) }
        try c.encode(ISODate.format(created), forKey: .created)
        if popularity != 0 { try c.encode(popularity, forKey: .popularity) }
        if curated { try c.encode(curated, forKey: .curated) }
        if !thumbnails.isEmpty {
            try c.encode(Dictionary(uniqueKeysWithValues: thumbnails.map { (String($0.key), $0.value) }), forKey: .thumbnails)
        }
        try c.encodeIfPresent(attribution, forKey: .attribution)
        if let exif, !exif.isEmpty { try c.encode(exif, forKey: .exif) }
        try c.encodeIfPresent(colorProfile, forKey: .colorProfile)
        if !resolutionTiers.isEmpty { try c.encode(resolutionTiers, forKey: .resolutionTiers) }
        if !contentWarnings.isEmpty { try c.encode(contentWarnings, forKey: .contentWarnings) }
        if !products.isEmpty { try c.encode(products, forKey: .products) }
    }
}
