import Foundation
import StockCore

/// An Adobe Stock file with what `Asset` has no place for: the license already held and the
/// preview URLs (for the licensing and download work that follows).
public struct AdobeStockAssetDetail: Hashable, Sendable {
    public var asset: Asset
    /// `Standard`, `Extended`, `Video_HD`, `Video_4K` when this account already licensed it.
    public var licensedAs: String?
    /// The watermarked comp (needs the access token as a query parameter to download).
    public var compURL: String?
    public var videoPreviewURL: String?
}

extension AdobeStockFile {
    /// The file as an `Asset`; `path` names it in errors (`files[3]`). Adobe licenses through
    /// the plan's quota or credits, so `products` stays empty.
    func detail(path: String) throws -> AdobeStockAssetDetail {
        let kind = try self.kind(path: path)
        let creator = WireText.optionalField(creatorName)
        var thumbnails: [Int: String] = [:]
        for (size, url) in [(110, thumbnail110URL), (160, thumbnail160URL), (240, thumbnail240URL),
                            (500, thumbnail500URL), (1000, thumbnail1000URL)] {
            if let url = WireText.optionalField(url) { thumbnails[size] = url }
        }
        let editorial = isEditorial?.value ?? false
        var formats: [String] = []
        if let f = Self.format(ofMIME: contentType) { formats.append(f) }
        if let v = WireText.optionalField(vectorType)?.lowercased(), !formats.contains(v) { formats.append(v) }
        let asset = Asset(
            id: id,
            kind: kind,
            title: WireText.field(title),
            description: WireText.field(description),
            keywords: (keywords ?? []).map { WireText.field($0.name) }.filter { !$0.isEmpty },
            contributor: creatorID.map { Contributor(id: Int64($0.value), name: creator ?? "") },
            category: WireText.optionalField(category?.name),
            width: width?.int ?? 0, height: height?.int ?? 0,
            duration: kind == .video ? duration.map { $0.value / 1000 } : nil,
            fps: framerate?.value,
            fileSize: sizeBytes.map { Int64($0.value) },
            formats: formats,
            licenseTypes: editorial ? [.editorial] : [.standard, .extended],
            premiumLevel: PremiumLevel(premiumLevelID ?? 0),
            created: creationDate.flatMap(WireDate.parse) ?? WireDate.unknown,
            popularity: nbDownloads?.int ?? 0,
            thumbnails: thumbnails,
            attribution: creator.map { "© \($0) / Adobe Stock" })
        let licensed = WireText.optionalField(isLicensed)
        return AdobeStockAssetDetail(asset: asset, licensedAs: licensed,
                                     compURL: WireText.optionalField(compURL),
                                     videoPreviewURL: WireText.optionalField(videoPreviewURL))
    }

    /// From `media_type_id` (1 photo, 2 illustration, 3 vector, 4 video, 5 instant photo → photo,
    /// 6 3D → template, 7 template), else from the MIME type.
    func kind(path: String) throws -> AssetKind {
        switch mediaTypeID {
        case 1?, 5?: return .photo
        case 2?: return .illustration
        case 3?: return .vector
        case 4?: return .video
        case 6?, 7?: return .template
        case let other?:
            throw StockError.malformedResponse("Adobe Stock answer: field \"\(path).media_type_id\" has the unknown value \(other)")
        case nil:
            let mime = contentType?.lowercased() ?? ""
            if mime.hasPrefix("video/") { return .video }
            if mime.contains("illustrator") || mime.contains("svg") || mime.contains("postscript") { return .vector }
            if mime.hasPrefix("image/") { return .photo }
            throw StockError.malformedResponse("Adobe Stock answer: field \"\(path).media_type_id\" is missing")
        }
    }

    /// `image/jpeg` → jpeg, `video/quicktime` → mov, `application/illustrator` → ai.
    static func format(ofMIME mime: String?) -> String? {
        guard let mime = mime?.lowercased(), let slash = mime.firstIndex(of: "/") else { return nil }
        let sub = String(mime[mime.index(after: slash)...])
        switch sub {
        case "quicktime": return "mov"
        case "illustrator": return "ai"
        case "postscript": return "eps"
        case "svg+xml": return "svg"
        case "vnd.adobe.photoshop", "x-photoshop": return "psd"
        default: return WireText.optionalField(sub)
        }
    }
}

extension AdobeStockProfile {
    /// The account as far as Adobe tells it: no balance in money (it licenses through quota or
    /// credits), the quota left, a tier named after the entitlement's model, and why licensing is
    /// impossible when `purchase_options.state` says `not_possible`.
    func account() -> Account {
        let name = member?.memberID.map { "Adobe Stock member \(Int64($0.value))" } ?? "Adobe Stock account"
        let e = availableEntitlement
        let tier: String? = e.map { e in
            if e.isCCE?.value == true { return "Creative Cloud for enterprise" }
            if e.hasAgencyModel?.value == true { return "agency" }
            if e.hasCreditModel?.value == true { return "credit pack" }
            return "subscription"
        }
        var reason: String?
        if let state = purchaseOptions?.state?.lowercased(), state == "not_possible" {
            let said = WireText.optionalField(purchaseOptions?.message).map { ": \(WireText.clean($0))" } ?? ""
            reason = "Adobe Stock says this account cannot license assets\(said)"
        }
        return Account(name: name, remainingQuota: e?.quota?.int, licenseTier: tier, licensingUnavailableReason: reason)
    }
}
