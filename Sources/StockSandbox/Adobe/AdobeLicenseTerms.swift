import StockCore

/// Adobe's license names (the `license` parameter), what each applies to, and what licensing
/// costs in the emulator.
enum AdobeLicense: String, Sendable, CaseIterable {
    case standard = "Standard"
    case extended = "Extended"
    case videoHD = "Video_HD"
    case video4K = "Video_4K"
    case standardM = "Standard_M"

    /// The last path segment of its download URL, `/Rest/Libraries/Download/{id}/{n}`: 1 for
    /// Standard as in every Adobe example; the others are the sandbox's (the same numbers as the
    /// `comps` column: Video_HD 3, Video_4K 4).
    var downloadNumber: Int {
        switch self {
        case .standard: 1
        case .extended: 2
        case .videoHD: 3
        case .video4K: 4
        case .standardM: 5
        }
    }

    init?(downloadNumber: Int) {
        guard let match = Self.allCases.first(where: { $0.downloadNumber == downloadNumber }) else { return nil }
        self = match
    }

    static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// Nil when the license applies to the asset, else why not (Adobe's reference: images,
    /// vectors, 3D and templates take Standard; photos, illustrations and vectors also Extended;
    /// video Video_HD or Video_4K; Standard_M only some premium assets).
    func mismatch(_ asset: Asset) -> String? {
        let isVideo = asset.kind == .video
        switch self {
        case .videoHD, .video4K:
            guard isVideo else { return "The license \"\(rawValue)\" does not match type of content #\(asset.id)" }
            if self == .video4K && asset.videoResolution != .k4 { return "Content #\(asset.id) has no 4K rendition: license it as Video_HD" }
            return nil
        case .standard, .extended, .standardM:
            if isVideo { return "The license \"\(rawValue)\" does not match type of content #\(asset.id)" }
            if self == .extended && (asset.kind == .template || !asset.licenseTypes.contains(.extended)) {
                return "The license \"Extended\" is not offered for content #\(asset.id)"
            }
            if self == .standardM && !asset.premiumLevel.isPremium {
                return "The license \"Standard_M\" is offered for premium content only; #\(asset.id) is not premium"
            }
            return nil
        }
    }

    /// The default license of an asset when a request names none: Video_HD for video, else Standard.
    static func `default`(for asset: Asset) -> AdobeLicense { asset.kind == .video ? .videoHD : .standard }
}

/// What a license costs, in the member's licenses. Adobe's documents give no cost field: the
/// Member/Profile message says it ("This will use 1 of your 48 licenses."). The sandbox's table:
/// free assets 0; Extended 5; premium (levels 2–4) and video 2; everything else 1. A personal
/// plan licenses only what costs 1 (core images with Standard) and free assets.
enum AdobePricing {
    static func cost(of license: AdobeLicense, for asset: Asset, member: AdobeMembers.Member) -> Int? {
        if asset.premiumLevel.isFree { return 0 }
        let cost: Int
        if license == .extended { cost = 5 } else if asset.premiumLevel.isPremium || asset.kind == .video { cost = 2 } else { cost = 1 }
        if !member.isEnterprise && cost > 1 { return nil }
        return cost
    }
}
