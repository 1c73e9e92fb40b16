import Foundation
import StockCore
import StockHTTP

/// Licensing on Adobe Stock (Adobe's licensing and license history references, seed 001):
///
/// ```swift
/// let offer = try await adobe.licenseOffer(for: asset)          // Member/Profile, Content/Info
/// let order = LicenseOrder(assetID: asset.id, optionIDs: ["Standard"], references: ["2": "Banana"])
/// let receipt = try await adobe.license(order, idempotencyKey: key) // Content/License, sent once
/// let link = try await adobe.downloadLink(for: receipt.products[0], format: nil)
/// ```
///
/// Adobe licenses from the member's quota, so every price is `LicenseCost.credits`. Every call
/// needs the access token; downloads carry it in the URL's query (`DownloadLink.secrets`).
extension AdobeStockClient: StockLicensing {
    /// Adobe answers what is licensed (Content/Info, LicenseHistory), so a lost answer can be looked up.
    public var canReconcile: Bool { true }

    /// Member/Profile for each license the asset can take (the quota, Adobe's message, the
    /// organisation's `cce_agency` references), and Content/Info for what is already held.
    /// An option is offered when Adobe says it is `possible` (or `purchased`, or `overage` with
    /// a price in its message), or, for the base license (Standard, Video_HD), when it is
    /// `not_possible` with the quota at 0 (so that the confirmation can refuse it in words). Throws `forbidden` with Adobe's message when
    /// nothing can be licensed and nothing is held.
    public func licenseOffer(for asset: Asset) async throws -> LicenseOffer {
        _ = try accessToken(for: "licensing")
        var options: [LicenseOption] = []
        var references: [LicenseReferenceField] = []
        var account: Account?
        var refusal: String?
        for (index, license) in AdobeStockLicense.candidates(for: asset).enumerated() {
            let profile = try await self.profile(asset.id, license)
            if account == nil {
                var a = profile.account()
                a.licensingUnavailableReason = nil // Adobe's answer is about this asset, not the account
                account = a
                references = profile.referenceFields
            }
            let quota = profile.availableEntitlement?.quota?.int
            let message = WireText.optionalField(profile.purchaseOptions?.message).map { WireText.clean($0) }
            let cost = AdobeLicenseCost.credits(message: message, asset: asset)
            switch profile.purchaseOptions?.state?.lowercased() {
            case "possible"?, "purchased"?:
                options.append(Self.option(license, asset, cost: .credits(cost), message: message))
            case "overage"?:
                if let price = AdobeLicenseCost.overagePrice(message) { options.append(Self.option(license, asset, cost: .money(price), message: message)) }
            case "not_possible"? where quota == 0 && cost > 0 && index == 0:
                // The base license with the quota spent: offered, so that the confirmation refuses it in words.
                options.append(Self.option(license, asset, cost: .credits(cost), message: message))
            default:
                let url = WireText.optionalField(profile.purchaseOptions?.url).map { " (\($0))" } ?? ""
                refusal = refusal ?? message.map { $0 + url }
            }
        }
        let held = try await alreadyLicensed(asset)
        if options.isEmpty && held.isEmpty {
            throw StockError.forbidden("Adobe Stock cannot license asset \(asset.id) with this account: \(refusal ?? "it offers no license for it")")
        }
        return LicenseOffer(assetID: asset.id, options: options, references: references,
                            account: account ?? Account(name: "Adobe Stock account"),
                            licenseName: "Adobe Stock license", taxBasisPoints: 0, alreadyLicensed: held)
    }

    /// Checks Member/Profile first (required references, whether Adobe can license it, the quota)
    /// and refuses before sending anything; then sends Content/License exactly once, with
    /// `license_again=true` only when the order says so. An asset already licensed and not
    /// licensed again comes back with a receipt that charged nothing (Adobe answers `purchased`).
    public func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt {
        _ = try accessToken(for: "licensing")
        let license = try Self.license(of: order)
        let profile = try await self.profile(order.assetID, license)
        let fields = profile.referenceFields
        let missing = fields.filter { f in f.required && (order.references[f.id]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) }
        if !missing.isEmpty {
            let names = missing.map { "\"\(WireText.clean($0.label))\" (\($0.id))" }.joined(separator: ", ")
            throw StockError.invalidRequest("Adobe Stock: your organisation requires the license reference\(missing.count == 1 ? "" : "s") \(names) before asset \(order.assetID) can be licensed; nothing was sent")
        }
        let unknown = order.references.filter { key, value in
            !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !fields.contains { $0.id == key }
        }.keys.sorted()
        if !unknown.isEmpty {
            throw StockError.invalidRequest("Adobe Stock does not ask this account for license reference\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); nothing was sent")
        }
        let state = profile.purchaseOptions?.state?.lowercased()
        let message = WireText.optionalField(profile.purchaseOptions?.message).map { WireText.clean($0) }
        let quota = profile.availableEntitlement?.quota?.int
        let charging = order.licenseAgain || state != "purchased"
        var cost: LicenseCost = .credits(0)
        if charging {
            if state == "overage", let price = AdobeLicenseCost.overagePrice(message) {
                cost = .money(price)
            } else if state == nil || state == "possible" || state == "purchased" || (state == "not_possible" && quota == 0) {
                cost = .credits(AdobeLicenseCost.credits(message: message, asset: nil))
            } else {
                let url = WireText.optionalField(profile.purchaseOptions?.url).map { " (\($0))" } ?? ""
                throw StockError.forbidden("Adobe Stock cannot license asset \(order.assetID) as \(license.rawValue): \(message ?? "it says it is not possible")\(url); nothing was sent")
            }
            if case .credits(let n) = cost, let quota, quota < n {
                throw StockError.forbidden("Adobe Stock: licensing asset \(order.assetID) as \(license.rawValue) takes \(LicenseCost.credits(n).formatted) and \(LicenseCost.credits(quota).formatted) \(quota == 1 ? "is" : "are") left; nothing was sent")
            }
        }
        let request = try AdobeStockRequests.contentLicense(contentID: order.assetID, license: license, again: order.licenseAgain,
                                                            references: order.references, requestID: idempotencyKey)
        let response = try await sendLicensing(request, about: order.assetID)
        let answer = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: response.body, what: "Adobe Stock license answer")
        guard let details = answer.content(order.assetID)?.purchaseDetails else {
            throw StockError.malformedResponse("Adobe Stock license answer: field \"contents.\(order.assetID).purchase_details\" is missing")
        }
        let granted = details.state?.lowercased()
        guard granted == "just_purchased" || granted == "purchased" else {
            // Adobe's own words (its `not_possible` answers carry a message and a page to buy on).
            let said = WireText.optionalField(details.message).map { WireText.clean($0) }
            let page = WireText.optionalField(details.url).map { " (\(WireText.clean($0)))" } ?? ""
            let state = WireText.clean(details.state ?? "no state", limit: 40)
            throw StockError.forbidden("Adobe Stock did not license asset \(order.assetID): \(said ?? "it answered \(state)")\(page)")
        }
        let charged = granted == "just_purchased" ? cost : cost.zero
        return receipt(order.assetID, license: details.license, fallback: license, date: details.date, contentType: details.contentType,
                       charged: charged)
    }

    /// Content/Info about the order's license: Adobe gives the newest one's date, so a license
    /// dated at or after `sentAfter` less five minutes is this order's; an older one, or none,
    /// means the order was not carried out. When Content/Info has no usable date (or no longer
    /// knows the asset), the member's LicenseHistory is searched back to that time.
    public func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt? {
        _ = try accessToken(for: "licensing")
        let license = try Self.license(of: order)
        let since = sentAfter.addingTimeInterval(-Self.clockSkew)
        do {
            let response = try await sendLicensing(AdobeStockRequests.contentInfo(contentID: order.assetID, license: license), about: order.assetID)
            let answer = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: response.body, what: "Adobe Stock content info answer")
            let details = answer.content(order.assetID)?.purchaseDetails
            switch details?.state?.lowercased() {
            case "not_purchased"?, "cancelled"?, "not_possible"?:
                return nil
            case "purchased"?, "just_purchased"?:
                if let text = details?.date, let date = AdobeLicenseDate.parse(text) {
                    guard date >= since else { return nil }
                    return receipt(order.assetID, license: details?.license, fallback: license, date: text, contentType: nil, charged: nil)
                }
            default:
                break
            }
        } catch StockError.notFound {
            // An asset removed since: its license stays in the history.
        }
        return try await findInHistory(order.assetID, license, since: since)
    }

    /// One page of this member's history, or the organisation's when
    /// `configuration.wholeOrganisationHistory` is set (`all=true`).
    public func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        try await licenseHistory(offset: offset, limit: limit, all: configuration.wholeOrganisationHistory)
    }

    /// One page of LicenseHistory (`limit` at most 100), newest first; `all` asks for the whole
    /// organisation's. Each page's ids go through the Files API once: those it no longer returns
    /// were removed by Adobe and are `downloadable == false` (their licenses stay valid).
    public func licenseHistory(offset: Int, limit: Int, organisation: Bool) async throws -> LicenseHistoryPage {
        try await licenseHistory(offset: offset, limit: limit, all: organisation || configuration.wholeOrganisationHistory)
    }

    public func licenseHistory(offset: Int, limit: Int, all: Bool) async throws -> LicenseHistoryPage {
        _ = try accessToken(for: "license history")
        let request = AdobeStockRequests.licenseHistory(offset: offset, limit: limit, all: all, locale: configuration.locale)
        let response = try await sendLicensing(request, about: nil)
        let what = "Adobe Stock license history answer"
        let history = try WireDecoding.decode(AdobeStockLicenseHistory.self, from: response.body, what: what)
        WireLog.skipped(history.files.skipped, in: what)
        let offered = try await stillOffered(Array(Set(history.files.elements.map(\.id))))
        let items = history.files.elements.map { entry in
            // No license named (or Adobe's placeholder "FILE::LICENSE::N/A"): unknown, never "Standard".
            let license = AdobeStockLicense.historyName(entry.license)
            return LicensedProduct(id: "\(entry.id):\(license)", assetID: entry.id, optionID: license, name: license, type: .deliverable,
                                   licensedAt: entry.licenseDate.flatMap(AdobeLicenseDate.parse), title: WireText.optionalField(entry.title),
                                   fileName: Self.fileName(entry.id, contentType: entry.contentType, vectorType: entry.vectorType),
                                   downloadable: offered[entry.id] != nil)
        }
        return LicenseHistoryPage(items: items, offset: offset, total: history.nbResults?.int, skipped: history.files.skipped)
    }

    /// The download as Adobe's SDKs make it: the Files API confirms that Adobe still offers the
    /// asset (else `noLongerOffered`: the license remains valid), Content/Info that this license
    /// is held, and the license answer's own URL (`purchase_details.url`: Content/Info's when it
    /// gives one, else Content/License asked again without `license_again`, which Adobe answers
    /// for a license already held without charging) gets the token in its query and, for a
    /// vector, `format=jpeg|png`. No URL is made up: Adobe says not to predict it.
    public func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink {
        let token = try accessToken(for: "downloads")
        let id = product.assetID
        guard let license = Self.heldLicense(of: product) else {
            throw StockError.invalidRequest("Adobe Stock does not say which license of asset \(id) this is (\(WireText.clean(product.name, limit: 40))), so stockterm cannot ask for its file; download it from Adobe Stock's license history page")
        }
        guard product.downloadable, let file = try await stillOffered([id])[id] else {
            throw StockError.noLongerOffered(id, "asset \(id) is no longer offered by Adobe Stock; your \(product.name) license of it remains valid")
        }
        var wanted: String?
        if let format {
            let f = format.lowercased() == "jpg" ? "jpeg" : format.lowercased()
            guard f == "jpeg" || f == "png" else {
                throw StockError.invalidRequest("Adobe Stock converts vectors to jpeg or png only, not \(WireText.clean(format))")
            }
            let kind = try? file.kind(path: "files[0]")
            guard kind == .vector else {
                throw StockError.invalidRequest("Adobe Stock converts only vectors to JPEG or PNG; asset \(id) is \(kind.map { "a \($0.rawValue)" } ?? "not a vector")")
            }
            if f == "png" && file.isTransparent?.value == false {
                throw StockError.invalidRequest("asset \(id) has no transparency, so Adobe Stock offers no PNG of it; ask for jpeg")
            }
            wanted = f
        }
        let given = try await licensedFileURL(id, license)
        guard let url = AdobeStockRequests.downloadURL(given: given, base: configuration.baseURL, token: token, format: wanted) else {
            throw StockError.malformedResponse("Adobe Stock license answer: the download URL for asset \(id) does not point at Adobe Stock (\(WireText.clean(given, limit: 80))); the token was not sent")
        }
        let name = wanted.map { "AdobeStock_\(id).\($0)" } ?? Self.fileName(id, contentType: file.contentType, vectorType: file.vectorType)
        return DownloadLink(url: url, suggestedName: name, isComp: false, secrets: [token])
    }

    /// `purchase_details.url` for a license held: Content/Info's, else Content/License's (asked
    /// only after Content/Info says `purchased`, never with `license_again`). Throws when Adobe
    /// says the license is not held.
    func licensedFileURL(_ id: AssetID, _ license: AdobeStockLicense) async throws -> String {
        let infoAnswer = try await sendLicensing(AdobeStockRequests.contentInfo(contentID: id, license: license), about: id)
        let info = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: infoAnswer.body, what: "Adobe Stock content info answer")
        let details = info.content(id)?.purchaseDetails
        guard details?.state?.lowercased() == "purchased" else {
            let state = WireText.clean(details?.state ?? "no state", limit: 40)
            throw StockError.forbidden("Adobe Stock says asset \(id) is not licensed as \(license.rawValue) by this account (\(state)); license it first")
        }
        if let url = WireText.optionalField(details?.url) { return url }
        let request = try AdobeStockRequests.contentLicense(contentID: id, license: license, again: false, references: [:], requestID: "")
        let answer = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: try await sendLicensing(request, about: id).body,
                                             what: "Adobe Stock license answer")
        guard let url = WireText.optionalField(answer.content(id)?.purchaseDetails?.url) else {
            throw StockError.malformedResponse("Adobe Stock license answer: field \"contents.\(id).purchase_details.url\" is missing")
        }
        return url
    }

    /// The watermarked comp: the Files API's `comp_url` (seed 001), downloaded with the token in
    /// the query like a licensed file.
    public func compLink(for asset: Asset) async throws -> DownloadLink {
        let token = try accessToken(for: "comps")
        guard let file = try await stillOffered([asset.id])[asset.id] else { throw StockError.notFound(asset.id) }
        guard let url = AdobeStockRequests.compURL(given: WireText.optionalField(file.compURL), base: configuration.baseURL,
                                                   contentID: asset.id, token: token) else {
            throw StockError.invalidRequest("Adobe Stock: no comp URL can be made for asset \(asset.id)")
        }
        return DownloadLink(url: url, suggestedName: "AdobeStock_\(asset.id)_comp.jpeg", isComp: true, secrets: [token])
    }

    // MARK: Helpers

    /// Clock skew allowed when matching a license date to the time an order was sent.
    static let clockSkew: TimeInterval = 5 * 60

    func accessToken(for what: String) throws -> String {
        guard let token = configuration.accessToken, !token.isEmpty else {
            throw StockError.unauthorized("Adobe Stock \(what) needs an access token: set access_token_file or access_token_env in config.toml (or ADOBE_STOCK_ACCESS_TOKEN)")
        }
        return token
    }

    func profile(_ id: AssetID, _ license: AdobeStockLicense) async throws -> AdobeStockProfile {
        let request = AdobeStockRequests.profile(contentID: id, license: license.rawValue, locale: configuration.locale)
        let response = try await sendLicensing(request, about: id)
        return try WireDecoding.decode(AdobeStockProfile.self, from: response.body, what: "Adobe Stock profile answer")
    }

    /// What Content/Info says is held, for each license the asset can take.
    func alreadyLicensed(_ asset: Asset) async throws -> [LicensedProduct] {
        func info(_ license: AdobeStockLicense?) async throws -> AdobeStockLicenseAnswer.PurchaseDetails? {
            let response = try await sendLicensing(AdobeStockRequests.contentInfo(contentID: asset.id, license: license), about: asset.id)
            let answer = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: response.body, what: "Adobe Stock content info answer")
            guard let d = answer.content(asset.id)?.purchaseDetails, d.state?.lowercased() == "purchased" else { return nil }
            return d
        }
        guard let newest = try await info(nil) else { return [] }
        var held: [LicensedProduct] = []
        for license in AdobeStockLicense.candidates(for: asset) {
            let found: AdobeStockLicenseAnswer.PurchaseDetails?
            if newest.license.flatMap(AdobeStockLicense.init(named:)) == license { found = newest } else { found = try await info(license) }
            guard let d = found else { continue }
            held.append(LicensedProduct(id: "\(asset.id):\(license.rawValue)", assetID: asset.id, optionID: license.rawValue,
                                        name: license.rawValue, type: .deliverable, licensedAt: d.date.flatMap(AdobeLicenseDate.parse),
                                        title: asset.title, fileName: Self.fileName(asset.id, contentType: d.contentType, vectorType: nil)))
        }
        if held.isEmpty, let name = WireText.optionalField(newest.license) {
            // Held under a license this flow does not offer (Standard_M, say): still licensed.
            held.append(LicensedProduct(id: "\(asset.id):\(name)", assetID: asset.id, optionID: name, name: name, type: .deliverable,
                                        licensedAt: newest.date.flatMap(AdobeLicenseDate.parse), title: asset.title))
        }
        return held
    }

    /// The Files API's entries for `ids` (in calls of at most 110), keyed by id: an id missing
    /// is no longer offered.
    func stillOffered(_ ids: [AssetID]) async throws -> [AssetID: AdobeStockFile] {
        var out: [AssetID: AdobeStockFile] = [:]
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start ..< min(start + AdobeStockRequests.maxIDsPerCall, ids.count)])
            start += chunk.count
            let response = try await send(AdobeStockRequests.availability(chunk))
            let list = try WireDecoding.decode(AdobeStockFileList.self, from: response.body, what: "Adobe Stock files answer")
            for file in list.files.elements { out[file.id] = file }
        }
        return out
    }

    /// Pages back through this member's history to `since` for the order's license.
    func findInHistory(_ id: AssetID, _ license: AdobeStockLicense, since: Date) async throws -> LicenseReceipt? {
        var offset = 0
        for _ in 0..<50 {
            let request = AdobeStockRequests.licenseHistory(offset: offset, limit: AdobeStockRequests.maxHistoryLimit, all: false,
                                                            locale: "en_US")
            let response = try await sendLicensing(request, about: nil)
            let page = try WireDecoding.decode(AdobeStockLicenseHistory.self, from: response.body, what: "Adobe Stock license history answer")
            for entry in page.files.elements {
                guard let text = entry.licenseDate, let date = AdobeLicenseDate.parse(text) else { continue }
                if date < since { return nil }
                // An entry with no license named cannot confirm this order: left unresolved, never resent.
                if entry.id == id, let named = entry.license, named.caseInsensitiveCompare(license.rawValue) == .orderedSame {
                    return receipt(id, license: entry.license, fallback: license, date: text, contentType: entry.contentType, charged: nil)
                }
            }
            let covered = page.files.elements.count + page.files.skipped.count
            offset += covered
            if covered == 0 || offset >= (page.nbResults?.int ?? offset) { return nil }
        }
        return nil
    }

    /// A receipt for one license. The purchase id is `<id>:<license>:<ISO date>` (Adobe gives
    /// no license id).
    func receipt(_ id: AssetID, license: String?, fallback: AdobeStockLicense, date text: String?, contentType: String?,
                 charged: LicenseCost?) -> LicenseReceipt {
        let name = WireText.optionalField(license) ?? fallback.rawValue
        let date = text.flatMap(AdobeLicenseDate.parse) ?? Date()
        let product = LicensedProduct(id: "\(id):\(name)", assetID: id, optionID: name, name: name, type: .deliverable, licensedAt: date,
                                      fileName: Self.fileName(id, contentType: contentType, vectorType: nil))
        return LicenseReceipt(purchaseID: "\(id):\(name):\(ISODate.format(date))", assetID: id, products: [product],
                              subtotal: charged, tax: charged?.zero, total: charged, date: date)
    }

    /// Sends a licensing or history call; Adobe's refusals in words.
    func sendLicensing(_ request: HTTPRequest, about id: AssetID?) async throws -> HTTPResponse {
        let response = try await transport.send(request)
        guard response.isSuccess else { throw AdobeStockErrors.licensingError(for: response, request: request, id: id) }
        return response
    }

    static func license(of order: LicenseOrder) throws -> AdobeStockLicense {
        guard order.optionIDs.count == 1, let name = order.optionIDs.first, let license = AdobeStockLicense(named: name) else {
            throw StockError.invalidRequest("Adobe Stock licenses one license per request (\(AdobeStockLicense.allCases.map(\.rawValue).joined(separator: ", "))); the order names \(order.optionIDs.isEmpty ? "none" : order.optionIDs.joined(separator: ", "))")
        }
        return license
    }

    /// The license of a licensed product: its option id, else the part after the colon of its
    /// id; nil when it names none stockterm knows (never guessed as Standard).
    static func heldLicense(of product: LicensedProduct) -> AdobeStockLicense? {
        let name = product.optionID ?? product.id.split(separator: ":").dropFirst().first.map(String.init) ?? ""
        return AdobeStockLicense(named: name)
    }

    static func option(_ license: AdobeStockLicense, _ asset: Asset, cost: LicenseCost, message: String?) -> LicenseOption {
        let (name, what): (String, String) = switch license {
        case .standard: ("Standard license", "full resolution")
        case .extended: ("Extended license", "full resolution, for unlimited print runs and products for resale")
        case .videoHD: ("HD video license", "1920 × 1080")
        case .video4K: ("4K video license", "full resolution")
        case .standardM: ("Standard license, medium size", "about 1600 × 1200")
        }
        let size = license == .videoHD || license == .standardM ? nil : Product.Dimensions(width: asset.width, height: asset.height)
        let pixels = size.map { "\($0.width) × \($0.height) px" }
        let detail = [license == .videoHD || license == .standardM ? what : pixels.map { "\(what), \($0)" } ?? what, message]
            .compactMap { $0 }.joined(separator: " · ")
        return LicenseOption(id: license.rawValue, type: .deliverable, name: name, detail: detail, cost: cost, dimensions: size)
    }

    /// `AdobeStock_<id>.<ext>` from the MIME type (`image/jpeg` → jpeg) or the vector type.
    static func fileName(_ id: AssetID, contentType: String?, vectorType: String?) -> String? {
        if let v = WireText.optionalField(vectorType)?.lowercased(), ["svg", "zip"].contains(v) { return "AdobeStock_\(id).\(v)" }
        guard let ext = AdobeStockFile.format(ofMIME: contentType) else { return nil }
        let safe = ext.filter { $0.isLetter || $0.isNumber }
        return safe.isEmpty ? nil : "AdobeStock_\(id).\(safe)"
    }
}
