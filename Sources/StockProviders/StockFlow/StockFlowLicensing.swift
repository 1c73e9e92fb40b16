import Foundation
import StockCore
import StockHTTP

/// Licensing on StockFlow. The documents give it no purchase endpoint: a clip is licensed by
/// downloading it, `POST /v2/downloads/{clip_id}` with a format and a resolution, which spends one
/// download of the plan's quota (`GET /v2/users/me`) and answers a signed URL valid 15 minutes.
/// The project's reading (docs/services.md): the first download of a clip under a license type
/// charges one download; asking again for the same clip and license type, in any format or
/// resolution, is a free re-download; `license_type` (standard, extended, editorial) goes in the
/// body and another license type charges again.
///
/// StockFlow documents no license history, so `canReconcile` is false and the ledger is the only
/// history: an intent left without an answer stays unresolved rather than being resent.
///
/// ```swift
/// let offer = try await stockflow.licenseOffer(for: clip)           // "mp4-1080p-standard", …, 1 credit each
/// let receipt = try await stockflow.license(LicenseOrder(assetID: clip.id, optionIDs: ["mp4-4k-standard"]),
///                                           idempotencyKey: intent.key)
/// let link = try await stockflow.downloadLink(for: receipt.products[0], format: nil)   // a fresh signed URL
/// ```
extension StockFlowClient: StockLicensing {
    /// The clip's formats × 1080p (and 4k for a 4k clip) × its license types (what the asset in
    /// hand says: the detail's one `license_type`, or the one a search filtered on), one download
    /// from the quota each, with the account from `GET /users/me`. Throws `forbidden` with the reason,
    /// before anything else is sent, when the license has expired or the key is read-only. A clip
    /// from a search list (which carries no formats) is read in full first.
    public func licenseOffer(for asset: Asset) async throws -> LicenseOffer {
        let account = try await account()
        if let reason = account.licensingUnavailableReason { throw StockError.forbidden(reason) }
        var clip = asset
        if clip.formats.isEmpty || clip.videoResolution == nil {
            clip = try await self.asset(id: asset.id)
            // A clip shows one `license_type`; one found under another (a search filtered on
            // extended echoes extended) is offered under both.
            clip.licenseTypes = Array(Set(clip.licenseTypes).union(asset.licenseTypes)).sorted()
        }
        let options = StockFlowDeliverable.options(for: clip)
        if options.isEmpty, clip.licenseTypes.isEmpty, !clip.otherLicenses.isEmpty {
            let names = clip.otherLicenses.map { "\"\($0)\"" }.joined(separator: ", ")
            throw StockError.invalidRequest("StockFlow licenses clip \(clip.id) under \(names), a license stockterm does not know: it cannot be offered")
        }
        guard !options.isEmpty else {
            throw StockError.invalidRequest("StockFlow offers clip \(clip.id) in no format it can be downloaded as (mp4, mov, webm)")
        }
        return LicenseOffer(assetID: clip.id, options: options, account: account,
                            licenseName: Self.licenseName(clip.licenseTypes, tier: account.licenseTier))
    }

    /// "StockFlow standard license (Professional plan)", "StockFlow standard or extended license".
    static func licenseName(_ types: [LicenseType], tier: String?) -> String {
        let names = (types.isEmpty ? [.standard] : types.sorted()).map(\.rawValue)
        let plan = tier.map { " (\($0) plan)" } ?? ""
        return "StockFlow \(names.joined(separator: " or ")) license\(plan)"
    }

    /// One `POST /downloads/{clip_id}` for the one option chosen. StockFlow takes no idempotency
    /// key; the ledger's journal stands in for one. The receipt's product id is
    /// `clip:format:resolution:licenseType`; its cost is one download, or none when the service
    /// says it was a re-download.
    public func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt {
        guard order.optionIDs.count == 1, let deliverable = StockFlowDeliverable(optionID: order.optionIDs[0]) else {
            throw StockError.invalidRequest(order.optionIDs.count == 1
                ? "StockFlow has no option \"\(WireText.clean(order.optionIDs[0], limit: 40))\" (expected format-resolution-license, e.g. mp4-4k-standard)"
                : "StockFlow licenses one format and resolution of a clip at a time; \(order.optionIDs.count) options were chosen")
        }
        let answer = try await download(order.assetID, deliverable)
        let productID = deliverable.productID(clip: order.assetID)
        let cost = LicenseCost.credits(answer.redownload == true ? 0 : 1)
        let product = LicensedProduct(id: productID, assetID: order.assetID, optionID: deliverable.optionID,
                                      name: deliverable.name(for: nil, withLicense: true), type: .deliverable,
                                      licensedAt: now(), fileName: answer.fileName)
        return LicenseReceipt(purchaseID: answer.licenseID ?? productID, assetID: order.assetID, products: [product],
                              subtotal: cost, tax: .credits(0), total: cost, date: now())
    }

    /// False: StockFlow documents no license or download history.
    public var canReconcile: Bool { false }

    /// Always throws: with no history to ask, "not found" would be a guess, and a guess could
    /// make the caller license twice.
    public func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt? {
        throw StockError.invalidRequest("StockFlow documents no license history, so whether clip \(order.assetID) was licensed cannot be checked with the service; stockterm's purchase ledger is its only record")
    }

    /// Empty, without a request: StockFlow documents no license history; the ledger is the only one.
    public func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        LicenseHistoryPage(items: [], offset: offset, total: nil)
    }

    /// A fresh signed URL: `POST /downloads/{clip_id}` again for the licensed product (a free
    /// re-download by the project's reading). `format` may ask for another container of the
    /// same license (mp4, mov, webm). A clip StockFlow no longer offers is `notFound`.
    public func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink {
        guard let parsed = StockFlowDeliverable.product(product.id) else {
            throw StockError.invalidRequest("\"\(WireText.clean(product.id, limit: 60))\" is not a StockFlow licensed product (expected clip:format:resolution:license, e.g. 18742:mp4:4k:standard)")
        }
        var deliverable = parsed.deliverable
        if let format {
            guard let other = StockFlowDeliverable(format: format, resolution: deliverable.resolution, licenseType: deliverable.licenseType) else {
                throw StockError.invalidRequest("StockFlow delivers clips as mp4, mov or webm, not \(WireText.clean(format, limit: 20))")
            }
            deliverable = other
        }
        let answer = try await download(parsed.clip, deliverable)
        return DownloadLink(url: answer.url, expires: answer.expires, suggestedName: answer.fileName, isComp: false,
                            secrets: answer.secrets)
    }

    /// StockFlow has no comps: the documents give it no watermarked preview download.
    public func compLink(for asset: Asset) async throws -> DownloadLink {
        throw StockError.invalidRequest("StockFlow offers no watermarked comps (its documents give no preview download); clip \(asset.id) can be seen as its thumbnail, or licensed")
    }

    /// `POST /downloads/{clip_id}`, read.
    private func download(_ clip: AssetID, _ deliverable: StockFlowDeliverable) async throws -> StockFlowDownloadWire.Answer {
        let response = try await send(StockFlowRequests.download(clip, deliverable), id: clip)
        return try StockFlowDownloadWire.answer(response.body, now: now())
    }
}
