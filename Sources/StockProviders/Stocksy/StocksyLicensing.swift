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
        // A product of a type stockterm does not know is not offered: it stays in the asset's
        // products, shown as unknown, and is never bought as a size or a license by mistake.
        let options = LicenseOption.options(from: detail.asset.products.filter { $0.type != .unknown })
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
        // A purchase in the answer was charged: its receipt is kept whatever else the answer says.
        if let purchase = answer.purchase, !(purchase.products?.elements.isEmpty ?? true) || purchase.number != nil {
            return try Self.receipt(purchase, assetID: order.assetID, path: "purchase")
        }
        let said = WireText.optionalField(answer.message).map { WireText.clean($0) }
        if answer.status?.lowercased() == "error" {
            throw StockError.invalidRequest("Stocksy refused the purchase: \(said ?? "no reason given")")
        }
        throw StockError.malformedResponse("Stocksy purchase answer has no purchase" + (said.map { " (\($0))" } ?? ""))
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
        var reader = StocksyPurchaseReader(client: self, chunk: Self.historyChunk)
        walk: while !reader.reachedEnd, reader.start < Self.maxWalk {
            for record in try await reader.next() {
                guard case .purchase(let purchase, _) = record else { continue }
                let date = purchase.creationDate.flatMap(WireDate.parse)
                if let date, date < cutoff { break walk }
                let mine = (purchase.products?.elements ?? []).filter { ($0.assetId ?? order.assetID) == order.assetID }
                guard Set(mine.compactMap { StocksyMapping.typeID($0.productTypeId) }) == wanted,
                      mine.contains(where: { Int64($0.id.text).map(candidateIDs.contains) == true }) else { continue }
                matches.append((purchase, date ?? sentAfter))
            }
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
    /// Stocksy pages by purchase (`Range: items=a-b`, read by `StocksyPurchaseReader` whichever
    /// way the server answers), so the purchases before `offset` are read again on each call.
    /// A product or purchase that cannot be read takes its place in the count as a skipped record
    /// (`LicenseHistoryPage.skipped`), so the next page starts at `offset + covered`. `total` is
    /// known once the history's end was reached.
    public func licenseHistory(offset: Int, limit: Int) async throws -> LicenseHistoryPage {
        guard offset >= 0, limit >= 1 else { throw StockError.invalidRequest("history offset must be 0 or more and limit 1 or more") }
        var reader = StocksyPurchaseReader(client: self, chunk: min(max(limit, Self.historyChunk), 100))
        var entries: [HistoryEntry] = []
        while entries.count < offset + limit, !reader.reachedEnd, reader.start < Self.maxWalk {
            for record in try await reader.next() {
                switch record {
                case .skipped(let r):
                    entries.append(.skipped(r))
                case .purchase(let purchase, let position):
                    let read = Self.products(of: purchase, path: "purchases[\(position)]", assetID: nil)
                    entries += read.slots
                }
            }
        }
        let window = offset < entries.count ? entries[offset ..< min(offset + limit, entries.count)] : []
        var items: [LicensedProduct] = [], skipped: [SkippedRecord] = []
        for entry in window {
            switch entry {
            case .product(let p): items.append(p)
            case .skipped(let r): skipped.append(r)
            }
        }
        WireLog.skipped(skipped, in: "Stocksy purchase history")
        return LicenseHistoryPage(items: items, offset: offset, total: reader.reachedEnd ? entries.count : nil, skipped: skipped)
    }

    /// One position of the purchase history as `licenseHistory` counts it: a product, or one
    /// that could not be read.
    enum HistoryEntry {
        case product(LicensedProduct)
        case skipped(SkippedRecord)
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
        // The expiry is not needed to download: one that cannot be read is unknown (and logged).
        let expires = wire.expiryDate.flatMap(WireDate.parse)
        if let text = wire.expiryDate, expires == nil {
            WireLog.skipped([SkippedRecord(path: "expiryDate", reason: "not a date: \"\(WireText.clean(text, limit: 40))\"")],
                            in: "Stocksy download answer")
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

    /// A purchase as the ledger keeps it: its id, the products of `assetID` (a product that does
    /// not say which asset it is of is taken for the order's), and the amounts. The purchase was
    /// charged, so nothing in it fails the receipt: a product that cannot be read is left out
    /// (and logged), an unknown product type is kept as `.unknown`, unreadable amounts are nil, a
    /// purchase id that is not a number gives way to `purchasedProduct:<id>` (as `findLicense`
    /// names one), an unreadable date to the products' or now. Only a purchase holding nothing of
    /// the asset is malformed (it is not this order's).
    static func receipt(_ p: StocksyPurchaseWire, assetID: AssetID, path: String) throws -> LicenseReceipt {
        let read = products(of: p, path: path, assetID: assetID)
        WireLog.skipped(read.skipped, in: "Stocksy purchase \(p.id?.text ?? "answer")")
        let mine = read.items.filter { $0.assetID == assetID }
        guard !mine.isEmpty else {
            throw StockError.malformedResponse("Stocksy answer: field \"\(path).products\" holds nothing of asset \(assetID)")
        }
        let amounts = p.amounts
        let id = p.number.map(String.init) ?? "purchasedProduct:\(mine.compactMap { Int64($0.id) }.min() ?? 0)"
        return LicenseReceipt(purchaseID: id, assetID: assetID, products: mine,
                              subtotal: amounts?.subtotal.map { .money($0.money) }, tax: amounts?.tax.map { .money($0.money) },
                              total: amounts?.total.map { .money($0.money) },
                              date: p.creationDate.flatMap(WireDate.parse) ?? mine.compactMap(\.licensedAt).max() ?? Date())
    }

    /// A purchase's products, in its order, with those that cannot be read. A product's asset is
    /// its `assetId`, else `assetID` (the order's, for a receipt); without either (the history)
    /// it cannot be downloaded or shown, and is skipped. So is one whose id is not a number
    /// (`GET /downloads/{id}` takes a number).
    static func products(of p: StocksyPurchaseWire, path: String, assetID: AssetID?)
        -> (items: [LicensedProduct], skipped: [SkippedRecord], slots: [HistoryEntry]) {
        let list = p.products ?? LossyList([])
        var slots: [HistoryEntry] = []
        for slot in list.slots {
            switch slot {
            case .skipped(let record):
                // LossyList names the path inside the purchase; give it the history's.
                let index = record.path.split(separator: "[").last.map { "[" + $0 } ?? ""
                slots.append(.skipped(SkippedRecord(path: "\(path).products\(index)", reason: record.reason)))
            case .read(let wire, let i):
                let at = "\(path).products[\(i)]"
                guard let n = Int64(wire.id.text), n > 0 else {
                    slots.append(.skipped(SkippedRecord(path: at, reason: "field \"\(at).id\" is not a purchased product id: \"\(wire.id.text)\"")))
                    continue
                }
                guard let asset = wire.assetId ?? assetID else {
                    slots.append(.skipped(SkippedRecord(path: at, reason: "field \"\(at).assetId\" is missing or unreadable")))
                    continue
                }
                slots.append(.product(LicensedProduct(
                    id: String(n), assetID: asset, optionID: StocksyMapping.typeID(wire.productTypeId).map(String.init),
                    name: WireText.field(wire.name), type: StocksyMapping.productType(wire.type),
                    licensedAt: wire.purchaseDate.flatMap(WireDate.parse))))
            }
        }
        var items: [LicensedProduct] = [], skipped: [SkippedRecord] = []
        for entry in slots {
            switch entry {
            case .product(let product): items.append(product)
            case .skipped(let record): skipped.append(record)
            }
        }
        return (items, skipped, slots)
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
