import Foundation

extension Asset {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, title, description, keywords, contributor, category, width, height, orientation
        case duration, fps, codec, fileSize, formats, videoResolution, licenseTypes, otherLicenses, premiumLevel, mature
        case camera, composition, ungraded, created, popularity, curated, thumbnails, attribution, exif
        case colorProfile, resolutionTiers, contentWarnings, products
    }

    /// Decodes through `init(json:)`, the one set of rules for the format.
    public init(from decoder: any Decoder) throws {
        self = try JSONMapping.decode(decoder) { value, _ in try Asset(json: value) }
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
        if !otherLicenses.isEmpty { try c.encode(otherLicenses, forKey: .otherLicenses) }
        try c.encode(premiumLevel, forKey: .premiumLevel)
        if mature { try c.encode(mature, forKey: .mature) }
        try c.encodeIfPresent(camera, forKey: .camera)
        try c.encodeIfPresent(composition, forKey: .composition)
        if ungraded { try c.encode(ungraded, forKey: .ungraded) }
        if createdIsKnown { try c.encode(ISODate.format(created), forKey: .created) } else { try c.encodeNil(forKey: .created) }
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
