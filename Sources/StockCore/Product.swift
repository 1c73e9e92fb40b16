/// Something an asset can be bought as: a size (a deliverable) or an extended license.
/// Stocksy's `availableProducts[]` item; the other services map into it.
public struct Product: Hashable, Sendable, Codable {
    /// Whether buying this delivers a file of some size or extends the license of one.
    /// `unknown`: a kind the service named that stockterm does not know (Stocksy's product
    /// `type`); shown as unknown, never offered for sale, never taken for a size or a license.
    public enum ProductType: String, Hashable, Sendable, Codable, CaseIterable {
        case deliverable, license, unknown

        /// The word a product table shows: "size", "license", "unknown".
        public var label: String {
            switch self {
            case .deliverable: "size"
            case .license: "license"
            case .unknown: "unknown"
            }
        }
    }

    /// Pixel dimensions of a deliverable.
    public struct Dimensions: Hashable, Sendable, Codable {
        public var width: Int
        public var height: Int
        public init(width: Int, height: Int) { self.width = width; self.height = height }
        public var megapixels: Double { Double(width) * Double(height) / 1_000_000 }
    }

    public var productTypeId: Int
    public var type: ProductType
    public var name: String
    public var description: String
    public var price: Money
    public var dimensions: Dimensions?

    public init(productTypeId: Int, type: ProductType, name: String, description: String = "", price: Money, dimensions: Dimensions? = nil) {
        self.productTypeId = productTypeId
        self.type = type
        self.name = name
        self.description = description
        self.price = price
        self.dimensions = dimensions
    }

    public init(from decoder: any Decoder) throws {
        self = try JSONMapping.decode(decoder, Product.init(json:path:))
    }
}

/// Who made an asset.
public struct Contributor: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public init(id: Int64, name: String) { self.id = id; self.name = name }

    public init(from decoder: any Decoder) throws {
        self = try JSONMapping.decode(decoder, Contributor.init(json:path:))
    }
}

/// Camera data from the metadata schema (000 seed, schema 3.1).
public struct EXIF: Hashable, Sendable, Codable {
    public var cameraMake: String?
    public var cameraModel: String?
    public var lens: String?
    /// Focal length in millimetres.
    public var focalLength: Double?
    /// The f-number, e.g. 2.8.
    public var aperture: Double?
    /// Exposure time as photographers write it, e.g. "1/250".
    public var shutter: String?
    public var iso: Int?
    public var captureDate: Date?

    /// Make and model as people say them: "Canon EOS 5D Mark IV", not "Canon Canon EOS 5D Mark IV"
    /// (cameras usually repeat the make in the model). Unsanitised: pass it through `SafeText`.
    public var cameraName: String? {
        switch (cameraMake?.trimmingCharacters(in: .whitespaces), cameraModel?.trimmingCharacters(in: .whitespaces)) {
        case let (make?, model?) where !make.isEmpty && model.lowercased().hasPrefix(make.lowercased()): model
        case let (make?, model?) where !make.isEmpty && !model.isEmpty: make + " " + model
        case let (make?, _) where !make.isEmpty: make
        case let (_, model?) where !model.isEmpty: model
        default: nil
        }
    }

    public init(cameraMake: String? = nil, cameraModel: String? = nil, lens: String? = nil, focalLength: Double? = nil,
                aperture: Double? = nil, shutter: String? = nil, iso: Int? = nil, captureDate: Date? = nil) {
        self.cameraMake = cameraMake; self.cameraModel = cameraModel; self.lens = lens
        self.focalLength = focalLength; self.aperture = aperture; self.shutter = shutter
        self.iso = iso; self.captureDate = captureDate
    }

    private enum CodingKeys: String, CodingKey { case cameraMake, cameraModel, lens, focalLength, aperture, shutter, iso, captureDate }

    public init(from decoder: any Decoder) throws {
        self = try JSONMapping.decode(decoder, EXIF.init(json:path:))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(cameraMake, forKey: .cameraMake)
        try c.encodeIfPresent(cameraModel, forKey: .cameraModel)
        try c.encodeIfPresent(lens, forKey: .lens)
        try c.encodeIfPresent(focalLength, forKey: .focalLength)
        try c.encodeIfPresent(aperture, forKey: .aperture)
        try c.encodeIfPresent(shutter, forKey: .shutter)
        try c.encodeIfPresent(iso, forKey: .iso)
        try c.encodeIfPresent(captureDate.map(ISODate.format), forKey: .captureDate)
    }

    public var isEmpty: Bool { self == EXIF() }
}

/// A size an asset is offered in, from the metadata schema's resolution tiers.
public struct ResolutionTier: Hashable, Sendable, Codable {
    public var name: String
    public var width: Int
    public var height: Int
    public init(name: String, width: Int, height: Int) { self.name = name; self.width = width; self.height = height }

    public init(from decoder: any Decoder) throws {
        self = try JSONMapping.decode(decoder, ResolutionTier.init(json:path:))
    }
}

import Foundation
