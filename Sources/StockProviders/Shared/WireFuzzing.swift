import Foundation
import StockCore
import StockHTTP

/// Pushes arbitrary bytes through every answer a service client reads, exactly as the client
/// reads it: `WireDecoding.decode` (or the client's own JSON reader) into the wire type, then the
/// mapping to `Asset`, `Account`, `LicenseOffer` options, `LicenseReceipt`, `LicenseHistoryPage`,
/// download links and errors. Thrown errors are the expected outcome for most inputs and are
/// swallowed; a trap, a crash or a hang is a bug. The libFuzzer target `WireFuzz` and the corpus
/// regression test (`WireFuzzCorpusTests`) call it (docs/fuzzing.md).
///
/// ```swift
/// WireFuzzing.feed(.adobeStock, Data(#"{"files": [{"id": 1, "category": []}]}"#.utf8))
/// ```
///
/// The clients' async methods need a live transport, so the few lines each method runs between
/// the decoder and its mapping functions (a search page's cut, a history page's window) are
/// repeated here; everything they call is the clients' own code.
public enum WireFuzzing {
    /// The three service clients, named as the corpus folders are (`Tests/FuzzCorpus/<rawValue>`).
    public enum Service: String, CaseIterable, Sendable {
        case stocksy
        case adobeStock = "adobe"
        case stockFlow = "stockflow"
    }

    /// Feeds `data` to every answer type of `service` in turn; never throws.
    public static func feed(_ service: Service, _ data: Data) {
        switch service {
        case .stocksy: Stocksy.feed(data)
        case .adobeStock: Adobe.feed(data)
        case .stockFlow: StockFlow.feed(data)
        }
        errors(service, data)
    }

    /// A fixed clock, so that a run does not depend on the time of day.
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    /// The base URL relative download URLs are read against.
    static let base = URL(string: "https://api.example.com/v1")!
    /// The page size a search asks for (the clients cut pages at it).
    static let pageSize = 20

    /// Runs `body`, discarding what it returns or throws.
    @inline(never)
    static func attempt<T>(_ body: () throws -> T) {
        _ = try? body()
    }

    /// Keeps a value alive so that the optimiser cannot drop the work that produced it.
    @inline(never)
    static func use<T>(_ value: T) {
        withExtendedLifetime(value) {}
    }

    /// What a person sees of a money amount or a cost: formatting runs on wire values too.
    static func show(_ cost: LicenseCost?) { use(cost?.formatted) }

    /// The error answers: the same bytes as the body of each status the mappers tell apart.
    static func errors(_ service: Service, _ data: Data) {
        let request = HTTPRequest(.get, "/fuzz")
        for status in [400, 401, 402, 403, 404, 429, 500] {
            let response = HTTPResponse(status: status, headers: [HTTPHeader("Retry-After", "3")], body: data)
            switch service {
            case .stocksy:
                use(StocksyErrors.error(for: response, request: request, id: AssetID(7)))
                use(StocksyErrors.saysCredentialsExpired(response))
                use(StocksyClient.purchaseError(response, request: request, order: LicenseOrder(assetID: AssetID(7), optionIDs: ["1"])))
            case .adobeStock:
                use(AdobeStockErrors.error(for: response, request: request))
                use(AdobeStockErrors.licensingError(for: response, request: request, id: AssetID(7)))
            case .stockFlow:
                use(StockFlowErrors.error(for: response, request: request, id: AssetID(7)))
            }
        }
    }

    // MARK: Stocksy

    /// Stocksy's answers: search, asset, assets, users, login, purchase, purchases, downloads,
    /// comp downloads, and the first line as a `Content-Range` header.
    enum Stocksy {
        static func feed(_ data: Data) {
            // GET /search (StocksyClient.search).
            attempt {
                let result = try WireDecoding.decode(StocksySearchResult.self, from: data, what: "Stocksy search answer")
                let mapped = LossyMapping.map(result.response.items.slots.prefix(pageSize), path: { "response.items[\($0)]" }) { item, at throws(UnmappableRecord) in
                    try item.asset(path: at)
                }
                let covered = mapped.items.count + mapped.skipped.count
                let total = result.response.totalItemCount.map { max(0, $0.int) } ?? covered
                use(SearchPage(items: mapped.items, page: 1, pageSize: pageSize, total: total, totalIsExact: false, skipped: mapped.skipped))
            }
            // GET /assets/{id} (StocksyClient.detail, licenseOffer).
            attempt {
                let wire = try WireDecoding.decode(StocksyAsset.self, from: data, what: "Stocksy asset")
                do throws(UnmappableRecord) { offer(try wire.detail(path: "")) } catch { use(error.reason) }
            }
            // GET /assets?ids= (StocksyClient.assets).
            attempt {
                let list = try WireDecoding.decode(LossyList<StocksyAsset>.self, from: data, what: "Stocksy assets answer")
                for slot in list.slots {
                    guard case .read(let wire, let index) = slot else { continue }
                    do throws(UnmappableRecord) { use(try wire.detail(path: "[\(index)]").asset) } catch { use(error.reason) }
                }
            }
            // GET /users (StocksyClient.account).
            attempt {
                let user = try WireDecoding.decode(StocksyUser.self, from: data, what: "Stocksy account answer")
                let name = [user.firstName, user.lastName].compactMap(WireText.optionalField).joined(separator: " ")
                let account = Account(name: name.isEmpty ? WireText.optionalField(user.email) ?? "Stocksy account" : name,
                                      balance: user.availableBalance?.money)
                use(account.balance?.formatted)
            }
            // POST /login (StocksyLogin).
            attempt {
                let wire = try WireDecoding.decode(StocksyCredentialsWire.self, from: data, what: "Stocksy login answer")
                use(wire.expiration.flatMap(WireDate.parse))
            }
            // POST /purchases (StocksyClient.license).
            attempt {
                let answer = try WireDecoding.decode(StocksyPurchaseResponseWire.self, from: data, what: "Stocksy purchase answer")
                if let purchase = answer.purchase {
                    let assets = Set((purchase.products?.elements ?? []).compactMap(\.assetId) + [AssetID(7)])
                    for asset in assets.sorted() {
                        attempt { try receipt(StocksyClient.receipt(purchase, assetID: asset, path: "purchase")) }
                    }
                }
                use(WireText.optionalField(answer.message).map { WireText.clean($0) })
            }
            // GET /purchases (StocksyPurchaseReader, StocksyClient.licenseHistory).
            attempt {
                let list = try WireDecoding.decode(LossyList<StocksyPurchaseWire>.self, from: data, what: "Stocksy purchase history")
                var entries: [StocksyClient.HistoryEntry] = []
                for (position, slot) in list.slots.enumerated() {
                    switch slot {
                    case .read(let purchase, _):
                        entries += StocksyClient.products(of: purchase, path: "purchases[\(position)]", assetID: nil).slots
                        use(purchase.creationDate.flatMap(WireDate.parse))
                    case .skipped(let record):
                        entries.append(.skipped(SkippedRecord(path: "purchases[\(position)]", reason: record.reason)))
                    }
                }
                var items: [LicensedProduct] = [], skipped: [SkippedRecord] = []
                for entry in entries.prefix(pageSize) {
                    switch entry {
                    case .product(let p): items.append(p)
                    case .skipped(let r): skipped.append(r)
                    }
                }
                use(LicenseHistoryPage(items: items, offset: 0, total: entries.count, skipped: skipped))
            }
            // GET /downloads/{id} (StocksyClient.downloadLink).
            attempt {
                let wire = try WireDecoding.decode(StocksyDownloadWire.self, from: data, what: "Stocksy download answer")
                let url = try StocksyClient.fileURL(wire.url, field: "url", base: base)
                use(StocksyClient.name(of: url))
                use(wire.expiryDate.flatMap(WireDate.parse))
            }
            // GET /compdownloads/{id} (StocksyClient.compLink).
            attempt {
                let wire = try WireDecoding.decode(StocksyCompDownloadWire.self, from: data, what: "Stocksy comp download answer")
                use(StocksyClient.name(of: try StocksyClient.fileURL(wire.downloadLink, field: "downloadLink", base: base)))
            }
            // Content-Range of GET /purchases.
            use(StocksyContentRange(firstLine(data)))
        }

        /// `licenseOffer`'s mapping of an asset detail: the options on sale and what is held.
        static func offer(_ detail: StocksyAssetDetail) {
            let options = LicenseOption.options(from: detail.asset.products.filter { $0.type != .unknown })
            for option in options { show(option.cost) }
            let title = detail.asset.title.isEmpty ? nil : detail.asset.title
            use(detail.purchased.map { StocksyClient.licensed($0, asset: detail.asset.id, title: title) })
        }
    }

    /// A receipt as the ledger and the confirmation show it.
    static func receipt(_ r: LicenseReceipt) {
        show(r.subtotal); show(r.tax); show(r.total)
        use(ISODate.format(r.date))
    }

    /// The first line of `data` (at most 200 bytes), as a header value.
    static func firstLine(_ data: Data) -> String {
        let line = data.prefix(200).prefix { $0 != 0x0A }
        return String(decoding: line, as: UTF8.self)
    }

    // MARK: Adobe Stock

    /// Adobe Stock's answers: Search/Files and Files (`AdobeStockFileList`), Member/Profile
    /// (`AdobeStockProfile`), Content/License and Content/Info (`AdobeStockLicenseAnswer`),
    /// LicenseHistory (`AdobeStockLicenseHistory`).
    enum Adobe {
        /// A client for `receipt`, which is an instance method; no request is ever sent.
        static let client = AdobeStockClient(configuration: .init(baseURL: base, apiKey: "fuzz", accessToken: "fuzz-token"))

        static func feed(_ data: Data) {
            // Search/Files and Files (AdobeStockClient.search, assets, stillOffered).
            attempt {
                let list = try WireDecoding.decode(AdobeStockFileList.self, from: data, what: "Adobe Stock search answer")
                let mapped = AdobeStockClient.map(list.files, limit: pageSize, what: "Adobe Stock search answer")
                use(SearchPage(items: mapped.details.map(\.asset), page: 1, pageSize: pageSize,
                               total: list.nbResults?.int ?? mapped.details.count, totalIsExact: false, skipped: mapped.skipped))
                for detail in mapped.details { offer(detail.asset, message: nil) }
                for file in list.files.elements {
                    attempt { try file.kind(path: "files[0]") }
                    use(AdobeStockClient.fileName(file.id, contentType: file.contentType, vectorType: file.vectorType))
                    use(AdobeStockRequests.compURL(given: WireText.optionalField(file.compURL), base: base, contentID: file.id, token: "t"))
                }
            }
            // Member/Profile (AdobeStockClient.account, licenseOffer, license).
            attempt {
                let profile = try WireDecoding.decode(AdobeStockProfile.self, from: data, what: "Adobe Stock profile answer")
                use(profile.account())
                use(profile.referenceFields)
                let message = WireText.optionalField(profile.purchaseOptions?.message).map { WireText.clean($0) }
                use(profile.availableEntitlement?.quota?.int)
                use(AdobeLicenseCost.credits(message: message, asset: nil))
                use(AdobeLicenseCost.overagePrice(message)?.formatted)
                offer(sample, message: message)
            }
            // Content/License and Content/Info (AdobeStockClient.license, findLicense, alreadyLicensed, licensedFileURL).
            attempt {
                let answer = try WireDecoding.decode(AdobeStockLicenseAnswer.self, from: data, what: "Adobe Stock license answer")
                var ids = (answer.contents ?? [:]).keys.compactMap(AssetID.init)
                ids.append(AssetID(7))
                for id in ids {
                    guard let details = answer.content(id)?.purchaseDetails else { continue }
                    use(details.state?.lowercased())
                    use(details.date.flatMap(AdobeLicenseDate.parse))
                    use(details.license.flatMap(AdobeStockLicense.init(named:)))
                    receipt(client.receipt(id, license: details.license, fallback: .standard, date: details.date,
                                           contentType: details.contentType, charged: .credits(1)))
                    if let given = WireText.optionalField(details.url) {
                        use(AdobeStockRequests.downloadURL(given: given, base: base, token: "t", format: "png"))
                    }
                }
            }
            // LicenseHistory (AdobeStockClient.licenseHistory, findInHistory).
            attempt {
                let history = try WireDecoding.decode(AdobeStockLicenseHistory.self, from: data, what: "Adobe Stock license history answer")
                let items = history.files.elements.map { entry in
                    let license = AdobeStockLicense.historyName(entry.license)
                    return LicensedProduct(id: "\(entry.id):\(license)", assetID: entry.id, optionID: license, name: license, type: .deliverable,
                                           licensedAt: entry.licenseDate.flatMap(AdobeLicenseDate.parse), title: WireText.optionalField(entry.title),
                                           fileName: AdobeStockClient.fileName(entry.id, contentType: entry.contentType, vectorType: entry.vectorType),
                                           downloadable: true)
                }
                use(LicenseHistoryPage(items: items, offset: 0, total: history.nbResults?.int, skipped: history.files.skipped))
                use(items.map(AdobeStockClient.heldLicense(of:)))
            }
        }

        /// An asset for the offer mapping when the answer is a profile (which names none).
        static let sample = Asset(id: AssetID(7), kind: .photo, title: "fuzz", width: 4000, height: 3000, created: WireDate.unknown)

        /// `licenseOffer`'s options for `asset` under each license it can take.
        static func offer(_ asset: Asset, message: String?) {
            let cost = AdobeLicenseCost.credits(message: message, asset: asset)
            for license in AdobeStockLicense.candidates(for: asset) {
                show(AdobeStockClient.option(license, asset, cost: .credits(cost), message: message).cost)
            }
        }
    }

    // MARK: StockFlow

    /// StockFlow's answers: clip lists and searches (`StockFlowClipPage`), a clip
    /// (`StockFlowClip`), `users/me`, categories, downloads, the OAuth token.
    enum StockFlow {
        static func feed(_ data: Data) {
            // GET /clips and POST /search (StockFlowClient.search), then licenseOffer's options.
            attempt {
                let page = try WireDecoding.decode(StockFlowClipPage.self, from: data, what: "StockFlow clip list")
                var assets: [Asset] = [], skipped: [SkippedRecord] = []
                for slot in page.data.slots.prefix(pageSize) {
                    switch slot {
                    case .read(let clip, _): assets.append(clip.asset())
                    case .skipped(let record): skipped.append(record)
                    }
                }
                let total = page.pagination?.totalItems.map { max(0, $0.int) } ?? assets.count + skipped.count
                use(SearchPage(items: assets, page: 1, pageSize: pageSize, total: total, totalIsExact: false, skipped: skipped))
                for asset in assets { offer(asset) }
            }
            // GET /clips/{id} (StockFlowClient.asset, licenseOffer).
            attempt {
                offer(try WireDecoding.decode(StockFlowClip.self, from: data, what: "StockFlow clip").asset())
            }
            // GET /users/me (StockFlowClient.account).
            attempt {
                let me = try StockFlowAccountWire.me(data)
                let reason = StockFlowClient.licensingUnavailableReason(me, scopes: me.scopes ?? ["read"], now: now)
                use(Account(name: me.name, remainingQuota: me.remainingQuota, licenseTier: me.licenseTier, licensingUnavailableReason: reason))
            }
            // GET /categories.
            attempt { try StockFlowAccountWire.categories(data) }
            // POST /downloads/{clip_id} (StockFlowClient.license, downloadLink).
            attempt {
                let answer = try StockFlowDownloadWire.answer(data, now: now)
                use(LicenseCost.credits(answer.redownload == true ? 0 : 1).formatted)
            }
            // POST /oauth/token (StockFlowTokenExchange).
            attempt {
                let answer = try WireDecoding.decode(StockFlowTokenAnswer.self, from: data, what: "StockFlow token answer")
                let lifetime = answer.expiresIn.map(\.value).flatMap { $0 > 0 ? $0 : nil } ?? StockFlowTokenExchange.defaultLifetime
                let scopes = Set((answer.scope ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
                use(OAuthToken(accessToken: answer.accessToken, refreshToken: answer.refreshToken,
                               expiresAt: now.addingTimeInterval(lifetime), scopes: scopes))
            }
        }

        /// `licenseOffer`'s options for a clip and their license name.
        static func offer(_ clip: Asset) {
            for option in StockFlowDeliverable.options(for: clip) { show(option.cost); use(option.detail) }
            use(StockFlowClient.licenseName(clip.licenseTypes, tier: nil))
        }
    }
}
