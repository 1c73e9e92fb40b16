import Foundation
import Hummingbird
import StockCore

/// Stocksy's purchase side: `POST /purchases`, `GET /purchases` (paged with `Range: items=a-b`),
/// `GET /purchases/{id}`, `GET /downloads/{purchasedProductId}` and `GET /compdownloads/{assetId}`,
/// all behind the same API key, sigv4, rate limit and faults as the rest of the API.
extension StocksyService {
    /// The largest purchase request body read.
    static let maxPurchaseBody = 256 * 1024

    func registerPurchases(on api: RouterGroup<SandboxContext>) {
        api.post("purchases") { request, context in try await self.buy(request, context) }
        api.get("purchases") { request, context in try self.purchaseList(request, context) }
        api.get("purchases/{id}") { _, context in try self.purchase(context) }
        api.get("downloads/{id}") { _, context in try self.download(context) }
        api.get("compdownloads/{id}") { _, context in try self.compDownload(context) }
    }

    // MARK: POST /purchases

    /// Checks every asset and product id against the catalog, requires exactly one deliverable per
    /// asset and prices in the balance's currency, then charges the balance (or refuses with 402
    /// and charges nothing), records the charge, and answers `PurchaseRequestResponse`.
    private func buy(_ request: Request, _ context: SandboxContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maxPurchaseBody)
        let order = try StocksyPurchaseRequest(body: Array(body.readableBytesView))
        let lines = try order.entries.map(line)
        let book = purchases
        let accountID = String(accounts.user.id)
        let charges = environment.charges
        let outcome = book.buy(lines, project: order.project, client: order.client, poNumber: order.poNumber, date: Date()) { purchase, again in
            let time = purchase.date.timeIntervalSince1970
            for line in lines {
                let asset = line.asset.id.rawValue
                charges.record(.init(accountID: accountID, assetID: asset, reference: String(purchase.id), amount: line.cost,
                                     licenseAgain: again.contains(asset), time: time))
            }
        }
        switch outcome {
        case .insufficient(let cost, let balance):
            throw StocksyErrors.purchase(HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required"), category: "insufficient_balance",
                                         "Insufficient balance: this purchase costs \(cost.formatted) and the account has \(balance.formatted) available. Nothing was charged.")
        case .bought(let purchase, _):
            let answer = render.purchaseResponse(purchase)
            if let fault = afterChargeFaults.withLock({ $0.next() }) { return try Self.faulted(answer, fault) }
            return context.respond(answer)
        }
    }

    /// One entry of the request checked against the catalog.
    private func line(_ entry: StocksyPurchaseRequest.Entry) throws -> StocksyPurchaseBook.Line {
        guard let asset = sellable(AssetID(entry.assetID)) else {
            throw StocksyErrors.purchase(.notFound, category: "asset_not_found", "Asset \(entry.assetID) not found")
        }
        var products: [Product] = []
        for id in entry.productTypeIDs {
            guard let product = asset.products.first(where: { $0.productTypeId == id }) else {
                let offered = asset.products.map { String($0.productTypeId) }.joined(separator: ", ")
                throw StocksyErrors.purchase(.badRequest, category: "invalid_product",
                                             "productTypeId \(id) is not available for asset \(entry.assetID) (available: \(offered))")
            }
            products.append(product)
        }
        let sizes = products.filter { $0.type == .deliverable }
        guard sizes.count == 1 else {
            let what = sizes.isEmpty ? "none" : sizes.map { "\($0.productTypeId) \($0.name)" }.joined(separator: ", ")
            throw StocksyErrors.purchase(.badRequest, category: "invalid_product",
                                         "a purchase needs exactly one deliverable (size) per asset; asset \(entry.assetID) has \(what)")
        }
        let currency = purchases.currency
        if let other = products.first(where: { $0.price.currency.uppercased() != currency }) {
            throw StocksyErrors.purchase(.badRequest, category: "currency_mismatch",
                                         "asset \(entry.assetID) is priced in \(other.price.currency) and the account pays in \(currency)")
        }
        return StocksyPurchaseBook.Line(asset: asset, products: products)
    }

    /// The answer to a purchase that was charged but fails anyway (`faultAfterChargeRate`),
    /// marked for the request log as the pipeline marks its own faults.
    private static func faulted(_ answer: JSONNode, _ fault: SandboxFault) throws -> Response {
        var response: Response
        switch fault {
        case .internalError, .badGateway, .unavailable:
            response = StocksyErrors().serverFault(status: fault.status ?? 500).response
        case .malformedJSON:
            response = SandboxResponse.truncated(answer)
        case .droppedConnection:
            throw DroppedConnection()
        }
        if let name = FieldName(APIPipeline.faultHeader) { response.headers[name] = fault.rawValue }
        return response
    }

    // MARK: GET /purchases, /purchases/{id}

    /// Newest first. With `Range: items=a-b`, as `SandboxOptions.stocksyPurchaseRanges` says:
    /// 206 (or 200) and `Content-Range: items a-b/N`, and 416 with `Content-Range: items */N`
    /// when `a` is past the end; or 200 with the requested items and no `Content-Range` (`[]` past
    /// the end); or 200 with the whole list whatever the Range. Without a Range, 200 and the whole list.
    private func purchaseList(_ request: Request, _ context: SandboxContext) throws -> Response {
        let all = purchases.newestFirst
        let mode = environment.options.stocksyPurchaseRanges
        let render = render
        let range = mode == .ignored ? .none : StocksyItemsRange(header: request.headers[.range])
        guard let window = range.window(count: all.count) else {
            if mode == .okWithoutContentRange, range != .invalid { return context.respond(.array([])) }
            throw StocksyErrors.purchase(.rangeNotSatisfiable, category: "invalid_range",
                                         "Range not satisfiable: the account has \(all.count) purchases (ask for items=0-9)",
                                         headers: [("Content-Range", "items */\(all.count)"), ("Accept-Ranges", "items")])
        }
        let page = JSONNode.array(all[window.range].map(render.purchase))
        if range == .none { return context.respond(page, headers: [("Accept-Ranges", "items")]) }
        switch mode {
        case .partialContent:
            return context.respond(page, status: .partialContent,
                                   headers: [("Content-Range", window.contentRange), ("Accept-Ranges", "items")])
        case .okWithContentRange:
            return context.respond(page, headers: [("Content-Range", window.contentRange), ("Accept-Ranges", "items")])
        case .okWithoutContentRange, .ignored:
            return context.respond(page)
        }
    }

    private func purchase(_ context: SandboxContext) throws -> Response {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), let purchase = purchases.purchase(id: id) else {
            throw StocksyErrors.service(.notFound, "Purchase not found")
        }
        return context.respond(render.purchase(purchase))
    }

    // MARK: Downloads

    /// How long links live.
    private var linkLifetime: Double {
        guard let d = environment.options.downloadURLLifetime else { return StocksyDownloads.defaultLifetime }
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// A signed URL to a generated file and its `expiryDate` (`2018-07-19T17:23:05+00:00`).
    private func link(key: String, name: String, size: Int64) -> (url: String, expiry: String) {
        let now = Date().timeIntervalSince1970
        let ttl = linkLifetime
        let url = environment.files.signedURL(key: key, name: name, size: size, ttl: ttl, now: now)
        return (url, Self.expiration(Date(timeIntervalSince1970: (now + ttl).rounded(.down))))
    }

    /// `{"id", "url", "expiryDate"}` for one purchased product of this account.
    private func download(_ context: SandboxContext) throws -> Response {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), let item = purchases.item(id: id) else {
            throw StocksyErrors.service(.notFound, "Purchased product not found")
        }
        let link = link(key: StocksyDownloads.fileKey(purchasedProductID: id), name: StocksyDownloads.fileName(item),
                        size: StocksyDownloads.size(item))
        return context.respond(.members([("id", .int(id)), ("url", .string(link.url)), ("expiryDate", .string(link.expiry))]))
    }

    /// `{"downloadLink"}`: the watermarked comp of any asset Stocksy sells (the sandbox account has
    /// comp download access).
    private func compDownload(_ context: SandboxContext) throws -> Response {
        guard let id = context.parameters.get("id").flatMap(AssetID.init), let asset = sellable(id) else {
            throw StocksyErrors.service(.notFound, "Asset not found")
        }
        let link = link(key: StocksyDownloads.compKey(assetID: id.rawValue), name: StocksyDownloads.compName(asset),
                        size: StocksyDownloads.compSize(asset))
        return context.respond(.members([("downloadLink", .string(link.url))]))
    }
}
