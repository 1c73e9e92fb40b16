/// What an asset is. The three services name these differently; each client maps its own names.
/// `model3D` ("3d") is Adobe Stock's 3D models (`media_type_id` 6), which no other source sells.
public enum AssetKind: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case photo, illustration, vector, video, template
    case model3D = "3d"

    /// The kinds a source lists in its filter pane unless it says otherwise: every kind but 3D
    /// models, which only Adobe Stock sells (its client lists them).
    public static let common: [AssetKind] = [.photo, .illustration, .vector, .video, .template]

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}

/// An asset's aspect class. `vertical` is Stocksy's "tall".
public enum Orientation: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case horizontal, vertical, square, panorama

    /// Orientation that follows from the dimensions: panorama from 2:1 (either way),
    /// square when the sides differ by at most 5 %.
    public init(width: Int, height: Int) {
        let w = Double(max(width, 1)), h = Double(max(height, 1))
        let ratio = max(w, h) / min(w, h)
        if ratio >= 2 { self = .panorama }
        else if ratio <= 1.05 { self = .square }
        else if w > h { self = .horizontal }
        else { self = .vertical }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}

/// A video's resolution class. Filters treat it as a minimum: a 4k clip matches 1080p and 720p.
public enum VideoResolution: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case p720 = "720p"
    case p1080 = "1080p"
    case k4 = "4k"

    /// The class a frame of this size falls in (by its shorter side), if any.
    public init?(width: Int, height: Int) {
        let short = min(width, height)
        if short >= 2160 { self = .k4 } else if short >= 1080 { self = .p1080 } else if short >= 720 { self = .p720 } else { return nil }
    }

    public var rank: Int { ordinal }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// The license families an asset can be bought under.
public enum LicenseType: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case standard, extended, editorial

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}

/// What a picture was taken with (Stocksy's `facet_mobile` and `facet_film`).
public enum Camera: String, Codable, Sendable, CaseIterable, Hashable {
    case digital, mobile, film
}

/// The distance a picture was taken at (Stocksy's `facet_composition`).
public enum Composition: String, Codable, Sendable, CaseIterable, Hashable {
    case long, medium, close, macro
}

/// A colour profile from the metadata schema (000 seed).
public enum ColorProfile: String, Codable, Sendable, CaseIterable, Hashable {
    case sRGB, adobeRGB = "AdobeRGB"
}

/// Adobe's `premium_level_id`: 0 core, 1 free, 2 to 4 premium levels 1 to 3.
public struct PremiumLevel: RawRepresentable, Codable, Sendable, Hashable, Comparable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = min(max(rawValue, 0), 4) }
    public init(_ value: Int) { self.init(rawValue: value) }

    public static let core = PremiumLevel(0)
    public static let free = PremiumLevel(1)
    public static let premium1 = PremiumLevel(2)
    public static let premium2 = PremiumLevel(3)
    public static let premium3 = PremiumLevel(4)
    public static let all: [PremiumLevel] = (0...4).map { PremiumLevel(rawValue: $0) }

    public var isPremium: Bool { rawValue >= 2 }
    public var isFree: Bool { rawValue == 1 }
    /// A short label for tables: "core", "free", "premium 1" ...
    public var label: String {
        switch rawValue {
        case 0: "core"
        case 1: "free"
        default: "premium \(rawValue - 1)"
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(rawValue)
    }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension AssetKind {
    /// Position in `allCases`, without building the array (used per row when indexing).
    public var ordinal: Int {
        switch self {
        case .photo: 0
        case .illustration: 1
        case .vector: 2
        case .video: 3
        case .template: 4
        case .model3D: 5
        }
    }
}

extension Orientation {
    /// Position in `allCases`, without building the array (used per row when indexing).
    public var ordinal: Int {
        switch self {
        case .horizontal: 0
        case .vertical: 1
        case .square: 2
        case .panorama: 3
        }
    }
}

extension VideoResolution {
    /// Position in `allCases`, without building the array (used per row when indexing).
    public var ordinal: Int {
        switch self {
        case .p720: 0
        case .p1080: 1
        case .k4: 2
        }
    }
}

extension LicenseType {
    /// Position in `allCases`, without building the array (used per row when indexing).
    public var ordinal: Int {
        switch self {
        case .standard: 0
        case .extended: 1
        case .editorial: 2
        }
    }
}

extension Camera {
    /// Position in `allCases`, without building the array (used per row when indexing).
    public var ordinal: Int {
        switch self {
        case .digital: 0
        case .mobile: 1
        case .film: 2
        }
    }
}

extension Composition {
    /// Position in `allCases`, without building the array (used per row when indexing).
    public var ordinal: Int {
        switch self {
        case .long: 0
        case .medium: 1
        case .close: 2
        case .macro: 3
        }
    }
}
