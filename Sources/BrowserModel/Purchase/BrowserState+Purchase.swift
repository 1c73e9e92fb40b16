import Foundation
import StockCore

extension BrowserState {
    /// How many purchase records the history asks the ledger for at once.
    public static let historyPageSize = 50
    /// How many licenses the history asks the service for at once (Stocksy's example pages by 10,
    /// Adobe's LicenseHistory allows up to 100): a screenful, then more near the end.
    public static let serviceHistoryPageSize = 20

    static func historyPageSize(_ source: HistorySource) -> Int {
        source == .ledger ? historyPageSize : serviceHistoryPageSize
    }

    /// Applies a licensing, download or history action.
    mutating func reducePurchase(_ action: PurchaseAction) -> [BrowserEffect] {
        switch action {
        case .begin: return beginPurchase()
        case .offerAnswered(let id, let result): return receiveOffer(id, result)
        case .moveCursor(let delta): movePurchaseCursor(by: delta); return []
        case .toggleAtCursor: togglePurchaseRow(); return []
        case .next: return purchaseNext()
        case .switchButton:
            guard var flow = purchase, flow.step == .confirming else { return [] }
            flow.button = flow.button == .cancel ? .license : .cancel
            purchase = flow
            return []
        case .confirm:
            guard let flow = purchase, flow.step == .confirming else { return [] }
            return sendLicense()
        case .editReference(let edit):
            guard var flow = purchase, flow.step == .references, flow.references.indices.contains(flow.cursor) else { return [] }
            flow.references[flow.cursor].apply(edit)
            flow.notice = nil
            purchase = flow
            return []
        case .licenseAnswered(let id, let result): return receiveLicense(id, result)
        case .licensesAnswered(let assetID, let products): receiveLicenses(assetID, products); return []
        case .download: return downloadAtCursor()
        case .downloadProgressed(let productID, let progress):
            if let i = downloads.lastIndex(where: { $0.product.id == productID && $0.phase == .running }) {
                downloads[i].progress = progress
            }
            return []
        case .downloadFinished(let productID, let result):
            guard let i = downloads.lastIndex(where: { $0.product.id == productID && $0.phase == .running }) else { return [] }
            switch result {
            case .success(let path):
                downloads[i].phase = .finished(path)
                if let total = downloads[i].progress.total { downloads[i].progress.received = total }
            case .failure(let failure):
                downloads[i].phase = .failed(failure.message)
                errorMessage = "download failed: \(failure.message)"
            }
            return []
        case .toggleHistory: return toggleHistory()
        case .moveHistoryCursor(let delta): return moveHistoryCursor(by: delta)
        case .downloadFromHistory: return downloadFromHistory()
        case .switchHistorySource: return switchHistorySource()
        case .historyAnswered(let id, let result): return receiveHistory(id, result)
        }
    }

    // MARK: The flow

    /// A fresh request id.
    mutating func takeRequestID() -> RequestID {
        let id = nextRequestID
        nextRequestID = RequestID(rawValue: id.rawValue + 1)
        return id
    }

    /// `l` in the detail view, once the full asset is there.
    private mutating func beginPurchase() -> [BrowserEffect] {
        guard purchase == nil, var shown = detail else { return [] }
        guard !shown.isLoading else {
            errorMessage = "the asset is still loading; try again in a moment"
            return []
        }
        let id = takeRequestID()
        purchase = PurchaseFlow(asset: shown.asset, request: id, alreadyLicensed: shown.licensed)
        shown.errorMessage = nil
        detail = shown
        return [.loadOffer(id: id, asset: shown.asset)]
    }

    private mutating func receiveOffer(_ id: RequestID, _ result: Result<LicenseOffer, BrowserFailure>) -> [BrowserEffect] {
        guard var flow = purchase else { return [] }
        if case .loadingOffer(let waiting) = flow.step, waiting == id {
            switch result {
            case .success(let offer):
                flow.offer = offer
                flow.references = offer.references.map { _ in QueryEditor() }
                flow.alreadyLicensed = Self.merged(flow.alreadyLicensed, offer.alreadyLicensed)
                flow.step = .choosing
                flow.cursor = offer.options.firstIndex { $0.type == .deliverable } ?? 0
                flow.notice = offer.account.licensingUnavailableReason.map { "licensing unavailable: \(SafeText.sanitize($0))" }
                if offer.options.isEmpty, flow.notice == nil { flow.notice = "this asset has nothing to license" }
                detail?.licensed = flow.alreadyLicensed
            case .failure(let failure):
                flow.step = .failed(failure.message)
                errorMessage = failure.message
            }
            purchase = flow
        } else if flow.refreshID == id {
            // The account after a license: the new balance or quota.
            flow.refreshID = nil
            if case .success(let offer) = result {
                flow.offer = offer
                flow.alreadyLicensed = Self.merged(flow.alreadyLicensed, offer.alreadyLicensed)
            }
            purchase = flow
        }
        return []
    }

    private mutating func movePurchaseCursor(by delta: Int) {
        guard var flow = purchase else { return }
        switch flow.step {
        case .choosing:
            flow.cursor = Self.clamp(flow.cursor + delta, count: flow.choiceRows.count)
        case .references:
            flow.cursor = Self.clamp(flow.cursor + delta, count: flow.references.count)
        case .confirming:
            flow.button = delta > 0 ? .license : .cancel
        case .done(let receipt):
            flow.cursor = Self.clamp(flow.cursor + delta, count: receipt.products.count)
        default:
            return
        }
        purchase = flow
    }

    private static func clamp(_ value: Int, count: Int) -> Int { min(max(value, 0), max(count - 1, 0)) }

    /// Space in the choosing step.
    private mutating func togglePurchaseRow() {
        guard var flow = purchase, flow.step == .choosing else { return }
        let rows = flow.choiceRows
        guard rows.indices.contains(flow.cursor) else { return }
        switch rows[flow.cursor] {
        case .option(let option) where option.type == .deliverable:
            flow.deliverable = flow.deliverable == option.id ? nil : option.id
        case .option(let option):
            if let i = flow.extras.firstIndex(of: option.id) { flow.extras.remove(at: i) } else { flow.extras.append(option.id) }
        case .licenseAgain:
            flow.licenseAgain.toggle()
        }
        flow.notice = nil
        purchase = flow
    }

    /// Enter.
    private mutating func purchaseNext() -> [BrowserEffect] {
        guard var flow = purchase else { return [] }
        switch flow.step {
        case .choosing:
            if let reason = flow.offer?.account.licensingUnavailableReason {
                flow.notice = "licensing unavailable: \(SafeText.sanitize(reason))"
                purchase = flow
                return []
            }
            // Enter on a size chooses it (a quick path: l, ↓, Enter, y).
            let rows = flow.choiceRows
            if rows.indices.contains(flow.cursor), case .option(let option) = rows[flow.cursor], option.type == .deliverable {
                flow.deliverable = option.id
            } else if rows.indices.contains(flow.cursor), rows[flow.cursor] == .licenseAgain {
                // Enter on "license again" (where the notice sends the cursor) means it.
                flow.licenseAgain = true
            }
            guard flow.deliverable != nil else {
                flow.notice = "choose a size first (space or Enter on a size)"
                purchase = flow
                return []
            }
            if !flow.alreadyLicensed.isEmpty && !flow.licenseAgain {
                let when = flow.latestLicense.map(Self.licensedLine) ?? "Already licensed"
                flow.notice = "\(when). Choose “license again” to buy it again."
                flow.cursor = max(rows.count - 1, 0)
                purchase = flow
                return []
            }
            flow.notice = nil
            if flow.references.isEmpty {
                flow.step = .confirming
                flow.button = .cancel
            } else {
                flow.step = .references
                flow.cursor = 0
            }
        case .references:
            if flow.cursor < flow.references.count - 1 {
                flow.cursor += 1
            } else if let offer = flow.offer, let order = flow.order,
                      let missing = order.missingReferences(in: offer).first,
                      let index = offer.references.firstIndex(of: missing) {
                flow.notice = "\(SafeText.sanitize(missing.label)) is required"
                flow.cursor = index
            } else {
                flow.notice = nil
                flow.step = .confirming
                flow.button = .cancel
            }
        case .confirming:
            if flow.button == .cancel {
                purchase = nil
                return []
            }
            return sendLicense()
        case .done:
            return downloadAtCursor()
        case .failed:
            purchase = nil
            return []
        case .loadingOffer, .sending:
            return []
        }
        purchase = flow
        return []
    }

    /// Enter on License, or `y`: sends unless something refuses it first.
    private mutating func sendLicense() -> [BrowserEffect] {
        guard var flow = purchase, flow.step == .confirming else { return [] }
        if let refusal = flow.refusal {
            flow.notice = refusal
            purchase = flow
            return []
        }
        guard let order = flow.order, let offer = flow.offer else { return [] }
        let id = takeRequestID()
        flow.step = .sending(id)
        flow.notice = nil
        purchase = flow
        return [.license(id: id, order: order, offer: offer)]
    }

    private mutating func receiveLicense(_ id: RequestID, _ result: Result<LicenseReceipt, BrowserFailure>) -> [BrowserEffect] {
        guard var flow = purchase, flow.step == .sending(id) else {
            // The flow is gone (it cannot be while sending, but be safe): still tell the person.
            if case .success(let receipt) = result { errorMessage = "licensed: purchase \(receipt.purchaseID)" }
            if case .failure(let failure) = result { errorMessage = failure.message }
            return []
        }
        switch result {
        case .success(let receipt):
            flow.step = .done(receipt)
            flow.cursor = 0
            flow.alreadyLicensed = Self.merged(flow.alreadyLicensed, receipt.products)
            detail?.licensed = flow.alreadyLicensed
            errorMessage = nil
            let refresh = takeRequestID()
            flow.refreshID = refresh
            purchase = flow
            return [.loadOffer(id: refresh, asset: flow.asset)]
        case .failure(let failure):
            flow.step = .failed(failure.message)
            errorMessage = failure.message
            purchase = flow
            return [.loadLicenses(flow.asset.id)]
        }
    }

    private mutating func receiveLicenses(_ assetID: AssetID, _ products: [LicensedProduct]) {
        if var shown = detail, shown.assetID == assetID {
            shown.licensed = Self.merged(shown.licensed, products)
            detail = shown
        }
        if purchase?.asset.id == assetID, var flow = purchase {
            flow.alreadyLicensed = Self.merged(flow.alreadyLicensed, products)
            purchase = flow
        }
    }

    /// `d`: the product under the cursor (done step), else the detail's newest license.
    private mutating func downloadAtCursor() -> [BrowserEffect] {
        let product: LicensedProduct?
        if let flow = purchase {
            guard case .done(let receipt) = flow.step else { return [] }
            let deliverables = receipt.products
            product = deliverables.indices.contains(flow.cursor) ? deliverables[flow.cursor] : nil
        } else if let shown = detail {
            product = PurchaseFlow.latest(shown.licensed.filter { $0.type == .deliverable })
            if product == nil { errorMessage = "not licensed yet: press l to license it" }
        } else {
            product = nil
        }
        guard let product else { return [] }
        guard product.downloadable else {
            errorMessage = "the license remains valid, but the service no longer offers this file"
            return []
        }
        if downloads.contains(where: { $0.product.id == product.id && $0.phase == .running }) { return [] }
        downloads.append(DownloadStatus(product: product))
        return [.download(product)]
    }

    // MARK: History

    private mutating func toggleHistory() -> [BrowserEffect] {
        if history != nil {
            history = nil
            return []
        }
        return openHistory(.ledger)
    }

    /// Tab: the other source, from its first page (an answer still on its way for the old one is dropped).
    private mutating func switchHistorySource() -> [BrowserEffect] {
        guard let shown = history else { return [] }
        return openHistory(shown.source.other)
    }

    private mutating func openHistory(_ source: HistorySource) -> [BrowserEffect] {
        let id = takeRequestID()
        history = HistoryState(source: source, requestID: id)
        return [.loadHistory(id: id, source: source, offset: 0, limit: Self.historyPageSize(source))]
    }

    private mutating func receiveHistory(_ id: RequestID, _ result: Result<HistoryPage, BrowserFailure>) -> [BrowserEffect] {
        guard var shown = history, shown.requestID == id else { return [] }
        shown.requestID = nil
        switch result {
        case .success(let page):
            // De-duplicated: a service history that moved between pages must not list a license twice.
            let known = Set(shown.records.compactMap(Self.identity))
            shown.records += page.records.filter { Self.identity($0).map { !known.contains($0) } ?? true }
            shown.loaded += page.records.count + page.skipped
            shown.skipped += page.skipped
            shown.hasMore = page.hasMore
            shown.note = page.note
        case .failure(let failure):
            shown.errorMessage = failure.message
            shown.hasMore = false
        }
        history = shown
        return []
    }

    /// Moves the history cursor; asks for the next page when it reaches the end.
    mutating func moveHistoryCursor(by delta: Int) -> [BrowserEffect] {
        guard var shown = history else { return [] }
        shown.cursor = Self.clamp(shown.cursor + delta, count: shown.records.count)
        history = shown
        guard shown.requestID == nil, shown.hasMore, shown.cursor >= shown.records.count - 5 else { return [] }
        let id = takeRequestID()
        history?.requestID = id
        return [.loadHistory(id: id, source: shown.source, offset: shown.loaded, limit: Self.historyPageSize(shown.source))]
    }

    /// What makes two history lines the same record: the service's purchase id, else the first
    /// licensed product's id; nil (never merged) for an intent that has neither yet.
    private static func identity(_ record: PurchaseRecord) -> String? {
        if let id = record.purchaseID { return "p:" + id }
        if let product = record.products.first { return "d:" + product.id }
        return nil
    }

    /// Enter or `d` in the history: download the highlighted record's first product.
    mutating func downloadFromHistory() -> [BrowserEffect] {
        guard let shown = history, shown.records.indices.contains(shown.cursor) else { return [] }
        let record = shown.records[shown.cursor]
        guard let product = record.products.first(where: { $0.type == .deliverable }) ?? record.products.first else {
            errorMessage = record.state == "confirmed" ? "nothing to download in this purchase" : "not licensed: \(record.state)"
            return []
        }
        guard product.downloadable else {
            errorMessage = "the license remains valid, but the service no longer offers this file"
            return []
        }
        if downloads.contains(where: { $0.product.id == product.id && $0.phase == .running }) { return [] }
        downloads.append(DownloadStatus(product: product))
        return [.download(product)]
    }

    // MARK: Helpers

    /// `a` then `b`'s products not already in `a` (by id).
    static func merged(_ a: [LicensedProduct], _ b: [LicensedProduct]) -> [LicensedProduct] {
        var seen = Set(a.map(\.id))
        return a + b.filter { seen.insert($0.id).inserted }
    }

    /// "Licensed on 2026-11-23 (Medium)".
    public static func licensedLine(_ product: LicensedProduct) -> String {
        let name = SafeText.sanitize(product.name)
        guard let date = product.licensedAt else { return "Licensed (\(name))" }
        return "Licensed on \(ISODate.formatDay(date)) (\(name))"
    }
}
