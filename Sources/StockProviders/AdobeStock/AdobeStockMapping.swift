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
            premiumLevel: PremiumLevel(premiumLevelID?.int ?? 0),
            created: creationDate.flatMap(WireDate.parse) ?? WireDate.unknown,
            popularity: nbDownloads?.int ?? 0,
            thumbnails: thumbnails,
            attribution: creator.map { "© \($0) / Adobe Stock" },
            heldLicense: WireText.optionalField(isLicensed).map { AdobeStockLicense(named: $0)?.rawValue ?? WireText.clean($0, limit: 40) })
        let licensed = WireText.optionalField(isLicensed)
        return AdobeStockAssetDetail(asset: asset, licensedAs: licensed,
                                     compURL: WireText.optionalField(compURL),
                                     videoPreviewURL: WireText.optionalField(videoPreviewURL))
    }

    /// From `media_type_id` (1 photo, 2 illustration, 3 vector, 4 video, 5 instant photo → photo,
    /// 6 3D model, 7 template), else from the MIME type. Ids Adobe may add later (its reference
    /// lists 8 and 9) have no kind in stockterm: the file is left out of the page (and said so).
    func kind(path: String) throws -> AssetKind {
        switch mediaTypeID.map({ $0.int }) {
        case 1?, 5?: return .photo
        case 2?: return .illustration
        case 3?: return .vector
        case 4?: return .video
        case 7?: return .template
        case 6?: return .model3D
        case let other?:
            throw StockError.malformedResponse("field \"\(path).media_type_id\" has the unknown value \(other)")
        case nil:
            let mime = contentType?.lowercased() ?? ""
            if mime.hasPrefix("video/") { return .video }
            if mime.hasSuffix(".template") || mime.contains("template") { return .template }
            if mime.contains("illustrator") || mime.contains("svg") || mime.contains("postscript") { return .vector }
            if mime.hasPrefix("image/") { return .photo }
            throw StockError.malformedResponse("field \"\(path).media_type_id\" is missing and the content type says nothing")
        }
    }

    /// The file extension a MIME type stands for: `image/jpeg` → jpeg, `video/quicktime` → mov,
    /// `application/illustrator` → ai, and Adobe's template types (`application/illustrator.template`
    /// → ait, `application/photoshop.template` → psdt, `application/indesign.template` → indt …).
    /// Nil for a type stockterm does not know: better no format than a made-up one.
    static func format(ofMIME mime: String?) -> String? {
        guard let mime = mime?.lowercased().trimmingCharacters(in: .whitespaces), let slash = mime.firstIndex(of: "/") else { return nil }
        let sub = String(mime[mime.index(after: slash)...])
        if let known = knownExtensions[sub] { return known }
        // image/png, video/mp4, image/gif: the subtype is the extension.
        if !sub.isEmpty, sub.allSatisfy({ $0.isLetter || $0.isNumber }), sub.count <= 5 { return sub }
        return nil
    }

    /// MIME subtypes whose extension is not the subtype itself.
    static let knownExtensions: [String: String] = [
        "quicktime": "mov",
        "illustrator": "ai",
        "postscript": "eps",
        "svg+xml": "svg",
        "vnd.adobe.photoshop": "psd", "x-photoshop": "psd", "photoshop": "psd",
        "illustrator.template": "ait",
        "photoshop.template": "psdt",
        "vnd.adobe.photoshop.template": "psdt",
        "indesign.template": "indt",
        "x-indesign.template": "indt",
        "x-indesign": "indd", "indesign": "indd",
        "premiere.template": "mogrt", "aftereffects.template": "mogrt", "x-motiongraphicstemplate": "mogrt",
        "x-dimension": "dn", "vnd.adobe.dimension": "dn",
        "x-tiff": "tiff",
        "x-m4v": "m4v",
    ]
}

extension AdobeStockProfile {
    /// The account as far as Adobe tells it: no balance in money (it licenses through quota or
    /// credits), the quota left, a tier named after the entitlement's model, and why licensing is
    /// impossible when `purchase_options.state` says `not_possible`.
    func account() -> Account {
        let name = member?.memberID.map { "Adobe Stock member \($0.text)" } ?? "Adobe Stock account"
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
        return Account(name: name, remainingQuota: e?.quota?.int, licenseTier: tier, licensingUnavailableReason: reason,
                       planAllowance: e?.fullEntitlementQuota?.text)
    }
}
