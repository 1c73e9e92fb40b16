import Foundation

extension Asset {
    /// Reads one asset in the catalog import format (`docs/catalog-format.md`) from parsed JSON.
    /// This is the one set of rules for the format: `Decodable` goes through it too.
    ///
    /// Required: `id`, `kind`, `title`, `width`, `height`, `created` (a date, or `null` for unknown), checked in that order so that
    /// a line missing several is reported by the first. Unknown fields are ignored.
    public init(json: JSONValue) throws {
        let f = try JSONFields(json)
        let idValue = try f.require("id")
        let id: AssetID
        switch idValue {
        case .number(_, let i?) where i > 0: id = AssetID(i)
        case .string(let s) where AssetID(s) != nil: id = AssetID(s)!
        default: throw f.invalid("id", "expected a positive whole number")
        }
        _ = try f.require("kind")
        let kind = try f.choice("kind", AssetKind.self)!
        let title = try f.requiredString("title")
        guard !title.allSatisfy(\.isWhitespace) else { throw f.invalid("title", "must not be empty") }
        let width = try f.requiredInt("width")
        guard width > 0, width <= 1_000_000 else { throw f.invalid("width", "must be between 1 and 1,000,000") }
        let height = try f.requiredInt("height")
        guard height > 0, height <= 1_000_000 else { throw f.invalid("height", "must be between 1 and 1,000,000") }
        // `"created": null` is an asset whose source did not say when (a service's record, exported).
        let created: Date
        if f.isExplicitNull("created") {
            created = Asset.unknownDate
        } else {
            let createdText = try f.requiredString("created")
            guard let date = ISODate.date(createdText) else {
                throw f.invalid("created", "\"\(createdText.prefix(40))\" is not an ISO 8601 date such as 2024-11-03T14:22:00Z")
            }
            created = date
        }
        let duration = try f.double("duration")
        if let duration, !(duration >= 0 && duration.isFinite) { throw f.invalid("duration", "must not be negative") }
        var premium = PremiumLevel.core
        if let level = try f.int("premiumLevel") {
            guard (0...4).contains(level) else { throw f.invalid("premiumLevel", "must be 0 (core), 1 (free) or 2 to 4 (premium)") }
            premium = PremiumLevel(Int(level))
        }
        var thumbnails: [Int: String] = [:]
        for (size, url) in try f.dictionary("thumbnails") ?? JSONObject() {
            guard let px = Int(size), px > 0 else { throw f.invalid("thumbnails", "sizes must be pixel counts, got \"\(size)\"") }
            guard case .string(let u) = url else { throw f.invalid("thumbnails", "URLs must be strings") }
            thumbnails[px] = u
        }
        self.init(
            id: id, kind: kind, title: title,
            description: try f.string("description") ?? "",
            keywords: try f.strings("keywords") ?? [],
            contributor: try f.object("contributor", Contributor.init(json:path:)),
            category: try f.string("category"),
            width: Int(width), height: Int(height),
            orientation: try f.choice("orientation", Orientation.self),
            duration: duration,
            fps: try f.double("fps"),
            codec: try f.string("codec"),
            fileSize: try f.int("fileSize"),
            formats: try f.strings("formats") ?? [],
            videoResolution: try f.choice("videoResolution", VideoResolution.self),
            licenseTypes: try f.choices("licenseTypes", LicenseType.self) ?? [.standard],
            otherLicenses: try f.strings("otherLicenses") ?? [],
            premiumLevel: premium,
            mature: try f.bool("mature") ?? false,
            camera: try f.choice("camera", Camera.self),
            composition: try f.choice("composition", Composition.self),
            ungraded: try f.bool("ungraded") ?? false,
            created: created,
            popularity: Int(try f.int("popularity") ?? 0),
            curated: try f.bool("curated") ?? false,
            thumbnails: thumbnails,
            attribution: try f.string("attribution"),
            exif: try f.object("exif", EXIF.init(json:path:)),
            colorProfile: try f.choice("colorProfile", ColorProfile.self),
            resolutionTiers: try f.objects("resolutionTiers", ResolutionTier.init(json:path:)) ?? [],
            contentWarnings: try f.strings("contentWarnings") ?? [],
            products: try f.objects("products", Product.init(json:path:)) ?? []
        )
    }

    /// Parses one line of a catalog file.
    public init(jsonLine bytes: UnsafeRawBufferPointer) throws {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw AssetFormatError(field: "", reason: "not valid JSON (\(error.description))")
        }
        try self.init(json: value)
    }
}

extension Money {
    /// `{"amount":1500,"code":"usd","decimals":2}`.
    public init(json: JSONValue, path: String) throws {
        let f = try JSONFields(json, path: path)
        let amount = try f.requiredInt("amount")
        guard amount >= 0 else { throw f.invalid("amount", "must not be negative") }
        let code = try f.requiredString("code")
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw f.invalid("code", "must be a three-letter currency code, got \"\(code.prefix(10))\"")
        }
        let decimals = try f.int("decimals")
        if let decimals, !(0...6).contains(decimals) { throw f.invalid("decimals", "must be 0 to 6") }
        self.init(amount: amount, currency: code, decimals: decimals.map(Int.init))
    }
}

extension Product {
    public init(json: JSONValue, path: String) throws {
        let f = try JSONFields(json, path: path)
        let dimensions = try f.object("dimensions") { v, p -> Dimensions in
            let d = try JSONFields(v, path: p)
            return Dimensions(width: Int(try d.requiredInt("width")), height: Int(try d.requiredInt("height")))
        }
        self.init(productTypeId: Int(try f.requiredInt("productTypeId")),
                  type: try f.choice("type", ProductType.self) ?? .deliverable,
                  name: try f.requiredString("name"),
                  description: try f.string("description") ?? "",
                  price: try Money(json: try f.require("price"), path: f.name("price")),
                  dimensions: dimensions)
    }
}


extension Contributor {
    public init(json: JSONValue, path: String) throws {
        let f = try JSONFields(json, path: path)
        let id: Int64
        switch try f.require("id") {
        case .number(_, let i?): id = i
        case .string(let s) where Int64(s) != nil: id = Int64(s)!
        default: throw f.invalid("id", "expected a whole number")
        }
        self.init(id: id, name: try f.requiredString("name"))
    }
}

extension EXIF {
    public init(json: JSONValue, path: String) throws {
        let f = try JSONFields(json, path: path)
        var captured: Date?
        if let text = try f.string("captureDate") {
            guard let d = ISODate.date(text) else { throw f.invalid("captureDate", "\"\(text.prefix(40))\" is not an ISO 8601 date") }
            captured = d
        }
        self.init(cameraMake: try f.string("cameraMake"), cameraModel: try f.string("cameraModel"), lens: try f.string("lens"),
                  focalLength: try f.double("focalLength"), aperture: try f.double("aperture"), shutter: try f.string("shutter"),
                  iso: try f.int("iso").map(Int.init), captureDate: captured)
    }
}

extension ResolutionTier {
    public init(json: JSONValue, path: String) throws {
        let f = try JSONFields(json, path: path)
        self.init(name: try f.requiredString("name"), width: Int(try f.requiredInt("width")), height: Int(try f.requiredInt("height")))
    }
}

/// `Decodable` for the format's types goes through their `init(json:)`, so that `JSONDecoder`
/// and the catalog's fast path accept and refuse exactly the same input.
enum JSONMapping {
    static func decode<T>(_ decoder: any Decoder, _ map: (JSONValue, String) throws -> T) throws -> T {
        let value = try JSONValue(from: decoder)
        let path = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        do {
            return try map(value, path)
        } catch let error as AssetFormatError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}
