extension SearchFilters {
    enum CodingKeys: String, CodingKey {
        case kinds, orientations, only4K, premium, free, minResolution, categories, licenseTypes, tags, safeSearch
        case cameras, compositions, ungradedOnly, duration, width, height, megapixels
    }

    /// Every key is optional and takes the default of `SearchFilters()`, so that a JSON request
    /// names only the filters it sets: `{"kinds":["video"],"minResolution":"4k"}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        kinds = try c.decodeIfPresent(Set<AssetKind>.self, forKey: .kinds) ?? []
        orientations = try c.decodeIfPresent(Set<Orientation>.self, forKey: .orientations) ?? []
        only4K = try c.decodeIfPresent(Bool.self, forKey: .only4K) ?? false
        premium = try c.decodeIfPresent(PremiumChoice.self, forKey: .premium) ?? .all
        free = try c.decodeIfPresent(FreeChoice.self, forKey: .free) ?? .hidden
        minResolution = try c.decodeIfPresent(VideoResolution.self, forKey: .minResolution)
        categories = Set((try c.decodeIfPresent([String].self, forKey: .categories) ?? []).map { $0.lowercased() })
        licenseTypes = try c.decodeIfPresent(Set<LicenseType>.self, forKey: .licenseTypes) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        safeSearch = try c.decodeIfPresent(Bool.self, forKey: .safeSearch) ?? false
        cameras = try c.decodeIfPresent(Set<Camera>.self, forKey: .cameras) ?? []
        compositions = try c.decodeIfPresent(Set<Composition>.self, forKey: .compositions) ?? []
        ungradedOnly = try c.decodeIfPresent(Bool.self, forKey: .ungradedOnly) ?? false
        duration = try Self.range(c, .duration)
        width = try Self.range(c, .width)
        height = try Self.range(c, .height)
        megapixels = try Self.range(c, .megapixels)
    }

    /// A range as a string (`"3.5..12"`, `">=5000"`, `"5000-8000"`) or as `{"min":…, "max":…}`.
    private static func range(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> NumericRange? {
        if let text = try? c.decodeIfPresent(String.self, forKey: key) {
            guard let r = NumericRange(parsing: text), !r.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\"\(text)\" is not a range such as 3.5..12 or >=5000")
            }
            return r
        }
        return try c.decodeIfPresent(NumericRange.self, forKey: key)
    }
}
