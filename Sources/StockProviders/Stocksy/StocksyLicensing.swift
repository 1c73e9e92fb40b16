import Foundation
import StockCore
import StockHTTP

/// Licensing at Stocksy: products bought from the account's balance with `POST /purchases`,
/// the purchase history (`GET /purchases`, paged with `Range: items=a-b`), and download links.
///
/// ```swift
/// let offer = try await stocksy.licenseOffer(for: asset)            // GET /assets/{id}, GET /users
/// let quote = offer.quote(optionIDs: ["2"])                          // $30.00 of $437.50
/// let receipt = try await stocksy.license(LicenseOrder(assetID: asset.id, optionIDs: ["2"]), idempotencyKey: key)
/// let link = try await stocksy.downloadLink(for: receipt.products[0], format: nil)   // GET /downloads/{id}
/// ```
extension StocksyClient: StockLicensing {
    /// What every purchase grants; extended licenses bought with it are lines of their own.
    public static let licenseName = "Stocksy royalty-free license"
    /// How far before `sentAfter` a purchase may be dated and still be the one looked for
    /// (clocks differ).
    public static let clockSkew: TimeInterval = 5 * 60
    /// Purchases asked for per request while walking the history.
    static let historyChunk = 20
    /// The most purchases one call walks (a guard against a server whose pages never end).
    static let maxWalk = 50_000

    /// The references a purchase may carry, all optional (seed: "Optional field for clients to
    /// describe …").
    public static let referenceFields = [
        LicenseReferenceField(id: "project", label: "Project", required: false),
        LicenseReferenceField(id: "client", label: "Client", required: false),
        LicenseReferenceField(id: "poNumber", label: "PO number", required: false),
    ]

    /// `GET /assets/{id}` for the sizes and extended licenses on sale and what this account
    /// already bought of the asset (`purchasedProducts`), and `GET /users` for the balance.
    /// When the asset's prices are in another currency than the balance, the account says why
    /// it cannot license (`licensingUnavailableReason`): Stocksy refuses such a purchase.
    public func licenseOffer(for asset: Asset) async throws -> LicenseOffer {
        let detail = try await self.detail(id: asset.id)
        var account = try await self.account()
        let options = LicenseOption.options(from: detail.asset.products)
        if let balance = account.balance, let priced = detail.asset.products.first?.price, priced.currency != balance.currency {
            account.licensingUnavailableReason = "Stocksy prices this asset in \(priced.currency) and the account pays in \(balance.currency)"
        }
        let title = detail.asset.title.isEmpty ? nil : detail.asset.title
        let licensed = detail.purchased.map { Self.licensed($0, asset: asset.id, title: title) }
        return LicenseOffer(assetID: asset.id, options: options, references: Self.referenceFields, account: account,
                            licenseName: Self.licenseName, taxBasisPoints: 0, alreadyLicensed: licensed)
    }

    /// `POST /purchases`, sent exactly once: the transport never resends it, whatever the answer
    /// (a 5xx, a dropped connection, a timeout); only a refusal of the credentials by the gateway
    /// (401, or a 403 saying they expired) is sent again, since nothing was done. Stocksy takes
    /// no idempotency key, so `idempotencyKey` is not sent; `findLicense` answers for a purchase
    /// whose answer was lost. Stocksy has no "license again" flag: an asset already bought is
    /// charged again. A 402 (or a message saying the balance is too low) → `forbidden`.
    public func license(_ order: LicenseOrder, idempotencyKey: String) async throws -> LicenseReceipt {
        let request = try StocksyRequests.purchase(order)
        let response = try await sendAnswer(request)
        guard response.isSuccess else { throw Self.purchaseError(response, request: request, order: order) }
        let answer = try WireDecoding.decode(StocksyPurchaseResponseWire.self, from: response.body, what: "Stocksy purchase answer")
        if answer.status?.lowercased() == "error" {
            throw StockError.invalidRequest("Stocksy refused the purchase: \(WireText.clean(answer.message ?? "no reason given"))")
        }
        guard let purchase = answer.purchase else {
            let said = WireText.optionalField(answer.message).map { " (\(WireText.clean($0)))" } ?? ""
            throw StockError.malformedResponse("Stocksy purchase answer has no purchase\(said)")
        }
        return try Self.receipt(purchase, assetID: order.assetID, path: "purchase")
    }

    public var canReconcile: Bool { true }

    /// The purchase an order made at or after `sentAfter` (less `clockSkew`), or nil. First the
    /// asset's `purchasedProducts` (one request; nil at once when none of the order's product
    /// types was bought in that time), then the history, newest first, down to that time, for the
    /// purchase that holds them with its id and amounts (a purchased product does not name its
    /// purchase). Of several, the oldest at or after `sentAfter`, else the newest before it.
    public func findLicense(for order: LicenseOrder, sentAfter: Date) async throws -> LicenseReceipt? {
        let wanted = try Self.typeIDs(order)
        let cutoff = sentAfter.addingTimeInterval(-Self.clockSkew)
        let detail = try await self.detail(id: order.assetID)
        let candidates = detail.purchased.filter { p in
            guard let type = p.productTypeID, wanted.contains(type), let date = p.purchaseDate else { return false }
            return date >= cutoff
        }
        guard Set(candidates.compactMap(\.productTypeID)) == wanted else { return nil }
        let candidateIDs = Set(candidates.map(\.id))

        var matches: [(purchase: StocksyPurchaseWire, date: Date)] = []
        var start = 0
        walk: while true {
            let page = try await purchasePage(start: start, count: Self.historyChunk)
            for purchase in page.purchases {
                let date = purchase.creationDate.flatMap(WireDate.parse)
                if let date, date < cutoff { break walk }
                let mine = (purchase.products ?? []).filter { ($0.assetId ?? order.assetID) == order.assetID }
                guard Set(mine.compactMap(\.productTypeId)) == wanted,
                      mine.contains(where: { candidateIDs.contains(Int64($0.id.value)) }) else { continue }
                matches.append((purchase, date ?? sentAfter))
            }
            start += page.purchases.count
            if page.purchases.count < Self.historyChunk || page.total.map({ start >= $0 }) == true || start >= Self.maxWalk { break }
        }
        let after = matches.filter { $0.date >= sentAfter }.min { $0.date < $1.date }
        let before = matches.filter { $0.date < sentAfter }.max { $0.date < $1.date }
        if let chosen = after ?? before {
            return try Self.receipt(chosen.purchase, assetID: order.assetID, path: "purchases[]")
        }
        // The asset says it was bought, the history does not show the purchase: a receipt of the
        // purchased products alone, so that nothing is sent again.
        let products = Self.pick(candidates, wanted: wanted, sentAfter: sentAfter)
        let title = detail.asset.title.isEmpty ? nil : detail.asset.title
        return LicenseReceipt(purchaseID: "purchasedProduct:\(products.map(\.id).min() ?? 0)", assetID: order.assetID,
                              products: products.map { Self.licensed($0, asset: order.assetID, title: title) },
                              date: products.compactMap(\.purchaseDate).max() ?? sentAfter)
    }

    /// The history newest first, one `LicensedProduct` per purchased product: `offset` and
    /// `limit` count products, not purchases (a purchase holds a size and any extended licenses).
    /// Stocksy pages by purchase (`Range: items=a-b`), so the purchases before `offset` are read
    /// again on each call. `total` is known once the history's end was reached.
    public func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        guard offset >= 0, limit >= 1 else { throw StockError.invalidRequest("history offset must be 0 or more and limit 1 or more") }
        let chunk = min(max(limit, Self.historyChunk), 100)
        var products: [LicensedProduct] = []
        var start = 0
        var reachedEnd = false
        while products.count < offset + limit {
            let page = try await purchasePage(start: start, count: chunk)
            for (i, purchase) in page.purchases.enumerated() {
                products += try Self.products(of: purchase, path: "purchases[\(start + i)]")
            }
            start += page.purchases.count
            if page.purchases.count < chunk || page.total.map({ start >= $0 }) == true { reachedEnd = true; break }
            if start >= Self.maxWalk { break }
        }
        let items = offset < products.count ? Array(products[offset ..< min(offset + limit, products.count)]) : []
        return LicenseHistoryPage(items: items, offset: offset, total: reachedEnd ? products.count : nil)
    }

    /// `GET /downloads/{purchasedProductId}`: a fresh signed URL with its expiry. Stocksy sells
    /// no vectors, so there is nothing to convert and `format` is not sent. A purchased product
    /// Stocksy no longer knows → `notFound(asset)`.
    public func downloadLink(for product: LicensedProduct, format: String?) async throws -> DownloadLink {
        guard let id = Int64(product.id), id > 0 else {
            throw StockError.invalidRequest("\"\(WireText.clean(product.id, limit: 40))\" is not a Stocksy purchased product id")
        }
        let response = try await send(StocksyRequests.download(purchasedProductID: id), id: product.assetID)
        let wire = try WireDecoding.decode(StocksyDownloadWire.self, from: response.body, what: "Stocksy download answer")
        let url = try Self.fileURL(wire.url, field: "url", base: configuration.baseURL)
        var expires: Date?
        if let text = wire.expiryDate {
            guard let date = WireDate.parse(text) else {
                throw StockError.malformedResponse("Stocksy download answer: field \"expiryDate\" is not a date: \"\(WireText.clean(text, limit: 40))\"")
            }
            expires = date
        }
        return DownloadLink(url: url, expires: expires, suggestedName: Self.name(of: url) ?? product.fileName)
    }

    /// `GET /compdownloads/{assetId}`: the watermarked comp (for accounts Stocksy gave comp
    /// download access; the others get a 403 → `forbidden`).
    public func compLink(for asset: Asset) async throws -> DownloadLink {
        let response = try await send(StocksyRequests.compDownload(asset.id), id: asset.id)
        let wire = try WireDecoding.decode(StocksyCompDownloadWire.self, from: response.body, what: "Stocksy comp download answer")
        let url = try Self.fileURL(wire.downloadLink, field: "downloadLink", base: configuration.baseURL)
        return DownloadLink(url: url, suggestedName: Self.name(of: url), isComp: true)
    }

    // MARK: Pieces

    /// One page of purchases and the history's length when the answer says (`Content-Range`).
    /// A 416 is an empty page past the end; a 200 without `Content-Range` is a server that
    /// ignored the Range (RFC 9110): the whole list, of which the page is cut.
    func purchasePage(start: Int, count: Int) async throws -> (purchases: [StocksyPurchaseWire], total: Int?) {
        let request = StocksyRequests.purchases(first: start, last: start + count - 1)
        let response = try await sendAnswer(request)
        let range = StocksyContentRange(response.header("Content-Range"))
        if response.status == 416 { return ([], range?.total) }
        guard response.isSuccess else { throw StocksyErrors.error(for: response, request: request) }
        let list = try WireDecoding.decode([StocksyPurchaseWire].self, from: response.body, what: "Stocksy purchase history")
        if response.status == 200, range == nil {
            return (Array(list.dropFirst(start).prefix(count)), list.count)
        }
        return (Array(list.prefix(count)), range?.total)
    }

    /// The order's product type ids as a set (the request builder checks them the same way).
    static func typeIDs(_ order: LicenseOrder) throws -> Set<Int> {
        var ids: Set<Int> = []
        for text in order.optionIDs {
            guard let id = Int(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
                throw StockError.invalidRequest("\"\(WireText.clean(text, limit: 40))\" is not a Stocksy product type id")
            }
            ids.insert(id)
        }
        guard !ids.isEmpty else { throw StockError.invalidRequest("a Stocksy purchase needs a size to buy") }
        return ids
    }

    /// A refused purchase in words: 402, or a message about the balance → `forbidden("insufficient
    /// balance …")`; an unknown asset → `notFound`; the rest as every Stocksy error.
    static func purchaseError(_ response: HTTPResponse, request: HTTPRequest, order: LicenseOrder) -> StockError {
        let said = StocksyErrors.mapper.complaint(response).text
        let category = (try? JSONParser.parse(response.body))?["category"].flatMap { v -> String? in
            if case .string(let s) = v { return s.lowercased() } else { return nil }
        }
        let words = (said ?? "").lowercased()
        if response.status == 402 || category == "insufficient_balance" || words.contains("insufficient") {
            return .forbidden("insufficient balance for this Stocksy purchase" + (said.map { " (Stocksy: \($0))" } ?? ""))
        }
        return StocksyErrors.error(for: response, request: request, id: order.assetID)
    }

    /// A purchase as the ledger keeps it: its id, the products of `assetID` (all of them when the
    /// answer does not say which asset each is of), and the amounts.
    static func receipt(_ p: StocksyPurchaseWire, assetID: AssetID, path: String) throws -> LicenseReceipt {
        let all = try products(of: p, path: path)
        let mine = all.filter { $0.assetID == assetID }
        guard !mine.isEmpty else {
            throw StockError.malformedResponse("Stocksy answer: field \"\(path).products\" holds nothing of asset \(assetID)")
        }
        let amounts = p.amounts
        return LicenseReceipt(purchaseID: String(Int64(p.id.value)), assetID: assetID, products: mine,
                              subtotal: amounts?.subtotal.map { .money($0.money) }, tax: amounts?.tax.map { .money($0.money) },
                              total: amounts?.total.map { .money($0.money) },
                              date: p.creationDate.flatMap(WireDate.parse) ?? mine.compactMap(\.licensedAt).max() ?? Date())
    }

    /// A purchase's products, in its order.
    static func products(of p: StocksyPurchaseWire, path: String) throws -> [LicensedProduct] {
        try (p.products ?? []).enumerated().map { i, wire in
            guard let asset = wire.assetId else {
                throw StockError.malformedResponse("Stocksy answer: field \"\(path).products[\(i)].assetId\" is missing")
            }
            let type = try productType(wire.type, path: "\(path).products[\(i)].type")
            return LicensedProduct(id: String(Int64(wire.id.value)), assetID: asset, optionID: wire.productTypeId.map(String.init),
                                   name: WireText.field(wire.name), type: type,
                                   licensedAt: wire.purchaseDate.flatMap(WireDate.parse))
        }
    }

    static func productType(_ text: String?, path: String) throws -> Product.ProductType {
        switch text?.lowercased() {
        case nil, "deliverable": return .deliverable
        case "license": return .license
        case let other?:
            throw StockError.malformedResponse("Stocksy answer: field \"\(path)\" has the unknown value \"\(WireText.clean(other, limit: 40))\"")
        }
    }

    static func licensed(_ p: StocksyPurchasedProduct, asset: AssetID, title: String?) -> LicensedProduct {
        LicensedProduct(id: String(p.id), assetID: p.assetID ?? asset, optionID: p.productTypeID.map(String.init), name: p.name,
                        type: p.type ?? .deliverable, licensedAt: p.purchaseDate, title: title)
    }

    /// For each wanted product type, the purchased product closest after `sentAfter` (else the
    /// newest before it).
    static func pick(_ candidates: [StocksyPurchasedProduct], wanted: Set<Int>, sentAfter: Date) -> [StocksyPurchasedProduct] {
        wanted.sorted().compactMap { type in
            let of = candidates.filter { $0.productTypeID == type }
            let after = of.filter { ($0.purchaseDate ?? .distantPast) >= sentAfter }.min { ($0.purchaseDate ?? .distantPast) < ($1.purchaseDate ?? .distantPast) }
            return after ?? of.max { ($0.purchaseDate ?? .distantPast) < ($1.purchaseDate ?? .distantPast) }
        }
    }

    /// An absolute http(s) URL from a download answer (a relative one is read against the API's
    /// base URL).
    static func fileURL(_ text: String, field: String, base: URL) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL, let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else {
            throw StockError.malformedResponse("Stocksy download answer: field \"\(field)\" is not an http(s) URL: \"\(WireText.clean(text, limit: 80))\"")
        }
        return url
    }

    /// The file name a URL ends with, sanitised; untrusted (a name, never a path: see `SafeFileName`).
    static func name(of url: URL) -> String? {
        WireText.optionalField(url.lastPathComponent).flatMap { $0 == "/" ? nil : $0 }
    }
}
