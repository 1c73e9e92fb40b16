import BrowserModel
import Foundation
import StockCore
import Testing

/// Every transition of the licensing flow (issue 5 §1–2): nothing is sent before an explicit
/// confirmation, refusals come before sending, Esc cancels at any step but a sent request.
@Suite struct PurchaseFlowTests {
    static func usd(_ cents: Int64) -> LicenseCost { .money(Money(amount: cents, currency: "USD")) }
    static let small = LicenseOption(id: "1", type: .deliverable, name: "Small", detail: "1000 × 667 px", cost: usd(900))
    static let medium = LicenseOption(id: "2", type: .deliverable, name: "Medium", cost: usd(7_500))
    static let resale = LicenseOption(id: "8", type: .license, name: "Products for resale", cost: usd(25_000))
    static let day = Date(timeIntervalSince1970: 1_763_856_000)

    static func offer(balance: Int64 = 43_750, references: [LicenseReferenceField] = [], licensed: [LicensedProduct] = [],
                      unavailable: String? = nil, tax: Int = 0) -> LicenseOffer {
        LicenseOffer(assetID: 7, options: [small, medium, resale], references: references,
                     account: Account(name: "Patrick", balance: Money(amount: balance, currency: "USD"),
                                      licensingUnavailableReason: unavailable),
                     licenseName: "Stocksy royalty-free license", taxBasisPoints: tax, alreadyLicensed: licensed)
    }

    static func receipt(_ products: [LicensedProduct] = [LicensedProduct(id: "p1", assetID: 7, optionID: "2", name: "Medium")]) -> LicenseReceipt {
        LicenseReceipt(purchaseID: "991", assetID: 7, products: products, total: usd(7_500), date: day)
    }

    /// A detail view of asset 7 with its full asset loaded; request ids continue at 2.
    static func detailOpen() -> BrowserState {
        var state = Fixture.state()
        state.detail = DetailState(asset: Fixture.asset(7), requestID: nil)
        state.nextRequestID = 2
        return state
    }

    /// The flow at the choosing step with `offer`.
    static func choosing(_ offer: LicenseOffer = offer()) -> BrowserState {
        var state = detailOpen()
        _ = state.reduce(.purchase(.begin))
        _ = state.reduce(.purchase(.offerAnswered(2, .success(offer))))
        return state
    }

    @Test func beginAsksForTheOfferOnlyOnceTheFullAssetIsThere() {
        var loading = Self.detailOpen()
        loading.detail?.requestID = 1
        var store = TestStore(loading)
        store.send(.purchase(.begin)) { $0.errorMessage = "the asset is still loading; try again in a moment" }

        store = TestStore(Self.detailOpen())
        store.send(.purchase(.begin), effects: [.loadOffer(id: 2, asset: Fixture.asset(7))]) {
            $0.purchase = PurchaseFlow(asset: Fixture.asset(7), request: 2)
            $0.nextRequestID = 3
        }
        // A second `l` while the flow is open does nothing.
        store.send(.purchase(.begin))
    }

    @Test func theOfferOpensTheChoiceWithTheCursorOnTheFirstSize() {
        let state = Self.choosing()
        let flow = try! #require(state.purchase)
        #expect(flow.step == .choosing)
        #expect(flow.cursor == 0)
        #expect(flow.deliverable == nil)
        #expect(flow.choiceRows.count == 3)
        #expect(flow.refusal == "choose a size first")
    }

    @Test func aFailedOfferShowsWhyAndEnterCloses() {
        var state = Self.detailOpen()
        _ = state.reduce(.purchase(.begin))
        _ = state.reduce(.purchase(.offerAnswered(2, .failure(BrowserFailure(message: "not allowed: read-only key")))))
        #expect(state.purchase?.step == .failed("not allowed: read-only key"))
        #expect(state.errorMessage == "not allowed: read-only key")
        #expect(state.reduce(.purchase(.next)).isEmpty)
        #expect(state.purchase == nil)
    }

    @Test func aLateOfferForAnotherRequestIsDropped() {
        var state = Self.detailOpen()
        _ = state.reduce(.purchase(.begin))
        let before = state
        _ = state.reduce(.purchase(.offerAnswered(99, .success(Self.offer()))))
        #expect(state == before)
    }

    @Test func enterOnASizeChoosesItAndShowsTheConfirmationWithFocusOnCancel() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.moveCursor(1)))
        #expect(state.reduce(.purchase(.next)).isEmpty)
        let flow = try! #require(state.purchase)
        #expect(flow.step == .confirming)
        #expect(flow.button == .cancel)
        #expect(flow.deliverable == "2")
        let quote = try! #require(flow.quote)
        #expect(quote.total == Self.usd(7_500))
        #expect(quote.before == Self.usd(43_750))
        #expect(quote.after == Self.usd(36_250))
        // Enter on Cancel closes, and nothing was sent.
        #expect(state.reduce(.purchase(.next)).isEmpty)
        #expect(state.purchase == nil)
        #expect(state.detail != nil)
    }

    @Test func enterOnLicenseOrYSendsExactlyTheChosenOrder() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.toggleAtCursor))          // Small
        _ = state.reduce(.purchase(.moveCursor(2)))
        _ = state.reduce(.purchase(.toggleAtCursor))          // + resale
        _ = state.reduce(.purchase(.moveCursor(-2)))
        _ = state.reduce(.purchase(.next))                    // Enter on Small keeps Small
        #expect(state.purchase?.quote?.total == Self.usd(25_900))
        _ = state.reduce(.purchase(.moveCursor(1)))           // → License
        #expect(state.purchase?.button == .license)
        let effects = state.reduce(.purchase(.next))
        let order = LicenseOrder(assetID: 7, optionIDs: ["1", "8"])
        #expect(effects == [.license(id: 3, order: order, offer: Self.offer())])
        #expect(state.purchase?.step == .sending(3))

        var viaY = Self.choosing()
        _ = viaY.reduce(.purchase(.next))
        #expect(viaY.reduce(.purchase(.confirm)) == [.license(id: 3, order: LicenseOrder(assetID: 7, optionIDs: ["1"]), offer: Self.offer())])
    }

    @Test func whileSendingNothingElseCanBeSentOrCancelled() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.confirm))
        #expect(state.reduce(.purchase(.confirm)).isEmpty)
        #expect(state.reduce(.purchase(.next)).isEmpty)
        #expect(state.reduce(.back).isEmpty)
        #expect(state.purchase?.step == .sending(3))
        #expect(state.purchase?.notice == "the license request is on its way and cannot be recalled")
    }

    @Test func successShowsTheProductsMarksTheAssetLicensedAndRefreshesTheBalance() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.confirm))
        let receipt = Self.receipt()
        let effects = state.reduce(.purchase(.licenseAnswered(3, .success(receipt))))
        #expect(effects == [.loadOffer(id: 4, asset: Fixture.asset(7))])
        #expect(state.purchase?.step == .done(receipt))
        #expect(state.detail?.licensed == receipt.products)
        // The refreshed account replaces the offer's balance.
        _ = state.reduce(.purchase(.offerAnswered(4, .success(Self.offer(balance: 36_250)))))
        #expect(state.purchase?.offer?.account.balance == Money(amount: 36_250, currency: "USD"))
        #expect(state.purchase?.refreshID == nil)
        #expect(state.purchase?.step == .done(receipt))
    }

    @Test func aRefusalFromTheServiceShowsItAndReloadsWhatIsLicensed() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.confirm))
        let effects = state.reduce(.purchase(.licenseAnswered(3, .failure(BrowserFailure(message: "outcome unknown")))))
        #expect(effects == [.loadLicenses(7)])
        #expect(state.purchase?.step == .failed("outcome unknown"))
        #expect(state.errorMessage == "outcome unknown")
    }

    @Test func insufficientBalanceIsRefusedBeforeAnythingIsSent() {
        var state = Self.choosing(Self.offer(balance: 1_200))
        _ = state.reduce(.purchase(.moveCursor(1)))
        _ = state.reduce(.purchase(.next))
        #expect(state.purchase?.quote?.isAffordable == false)
        #expect(state.reduce(.purchase(.confirm)).isEmpty)
        _ = state.reduce(.purchase(.moveCursor(1)))
        #expect(state.reduce(.purchase(.next)).isEmpty)
        #expect(state.purchase?.step == .confirming)
        #expect(state.purchase?.notice == "insufficient balance: $12.00 available, $75.00 needed")
    }

    @Test func taxIsAddedToTheTotal() {
        var state = Self.choosing(Self.offer(tax: 1_250))   // 12.5 %
        _ = state.reduce(.purchase(.moveCursor(1)))
        _ = state.reduce(.purchase(.next))
        let quote = try! #require(state.purchase?.quote)
        #expect(quote.tax == Self.usd(938))
        #expect(quote.total == Self.usd(8_438))
    }

    @Test func requiredReferencesAreEnforcedBeforeTheConfirmation() {
        let fields = [LicenseReferenceField(id: "2", label: "Project", required: true),
                      LicenseReferenceField(id: "4", label: "Client", required: false)]
        var state = Self.choosing(Self.offer(references: fields))
        _ = state.reduce(.purchase(.next))
        #expect(state.purchase?.step == .references)
        _ = state.reduce(.purchase(.next))                      // to Client
        #expect(state.purchase?.cursor == 1)
        _ = state.reduce(.purchase(.next))                      // Project is empty
        #expect(state.purchase?.step == .references)
        #expect(state.purchase?.notice == "Project is required")
        #expect(state.purchase?.cursor == 0)
        for character in "Ад кампания" { _ = state.reduce(.purchase(.editReference(.insert(String(character))))) }
        _ = state.reduce(.purchase(.editReference(.backspace)))
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.next))
        #expect(state.purchase?.step == .confirming)
        #expect(state.purchase?.order?.references == ["2": "Ад кампани"])
        #expect(state.purchase?.refusal == nil)
    }

    @Test func anAlreadyLicensedAssetNeedsAnExplicitLicenseAgain() {
        let earlier = LicensedProduct(id: "p0", assetID: 7, optionID: "2", name: "Medium", licensedAt: Self.day)
        var state = Self.choosing(Self.offer(licensed: [earlier]))
        #expect(state.purchase?.choiceRows.last == .licenseAgain)
        #expect(state.detail?.licensed == [earlier])
        _ = state.reduce(.purchase(.next))                      // Enter on Small
        #expect(state.purchase?.step == .choosing)
        #expect(state.purchase?.notice == "Licensed on 2025-11-23 (Medium). Choose “license again” to buy it again.")
        #expect(state.purchase?.cursor == 3)
        _ = state.reduce(.purchase(.toggleAtCursor))
        #expect(state.purchase?.licenseAgain == true)
        _ = state.reduce(.purchase(.next))
        #expect(state.purchase?.step == .confirming)
        let effects = state.reduce(.purchase(.confirm))
        #expect(effects == [.license(id: 3, order: LicenseOrder(assetID: 7, optionIDs: ["1"], licenseAgain: true),
                                     offer: Self.offer(licensed: [earlier]))])
    }

    @Test func licensingUnavailableBlocksTheFlowWithTheReason() {
        var state = Self.choosing(Self.offer(unavailable: "read-only API key"))
        #expect(state.purchase?.notice == "licensing unavailable: read-only API key")
        _ = state.reduce(.purchase(.next))
        #expect(state.purchase?.step == .choosing)
    }

    @Test func escCancelsAtEveryStepBeforeSending() {
        var loading = Self.detailOpen()
        _ = loading.reduce(.purchase(.begin))
        #expect(loading.reduce(.back).isEmpty)
        #expect(loading.purchase == nil)
        #expect(loading.detail != nil)

        var choosing = Self.choosing()
        _ = choosing.reduce(.back)
        #expect(choosing.purchase == nil)

        var confirming = Self.choosing()
        _ = confirming.reduce(.purchase(.next))
        _ = confirming.reduce(.back)
        #expect(confirming.purchase == nil)
        #expect(confirming.detail != nil)
    }

    @Test func downloadsStartOnceAndTrackProgress() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.confirm))
        let receipt = Self.receipt()
        _ = state.reduce(.purchase(.licenseAnswered(3, .success(receipt))))
        let product = receipt.products[0]
        #expect(state.reduce(.purchase(.download)) == [.download(product)])
        #expect(state.reduce(.purchase(.download)).isEmpty)     // already running
        _ = state.reduce(.purchase(.downloadProgressed(productID: "p1", DownloadProgress(received: 50, total: 200, bytesPerSecond: 10))))
        #expect(state.downloads.last?.progress.received == 50)
        _ = state.reduce(.purchase(.downloadFinished(productID: "p1", .success("/tmp/x.jpg"))))
        #expect(state.downloads.last?.phase == .finished("/tmp/x.jpg"))
        #expect(state.downloads.last?.progress.received == 200)
    }

    @Test func dInTheDetailDownloadsTheNewestLicenseOrSaysItIsNotLicensed() {
        var state = Self.detailOpen()
        #expect(state.reduce(.purchase(.download)).isEmpty)
        #expect(state.errorMessage == "not licensed yet: press l to license it")
        let old = LicensedProduct(id: "a", assetID: 7, name: "Small", licensedAt: Self.day)
        let new = LicensedProduct(id: "b", assetID: 7, name: "Large", licensedAt: Self.day.addingTimeInterval(60))
        _ = state.reduce(.purchase(.licensesAnswered(7, [old, new])))
        #expect(state.reduce(.purchase(.download)) == [.download(new)])

        var removed = Self.detailOpen()
        _ = removed.reduce(.purchase(.licensesAnswered(7, [LicensedProduct(id: "c", assetID: 7, name: "Standard", downloadable: false)])))
        #expect(removed.reduce(.purchase(.download)).isEmpty)
        #expect(removed.errorMessage == "the license remains valid, but the service no longer offers this file")
    }

    @Test func openingTheDetailAsksTheLedgerWhatIsLicensed() {
        var state = Fixture.state()
        state.results = ResultSet(pages: [Fixture.page(1...3, total: 3)])
        state.selection = 1
        #expect(state.reduce(.openDetail) == [.loadAsset(id: 1, asset: 2), .loadLicenses(2)])
        _ = state.reduce(.purchase(.licensesAnswered(3, [LicensedProduct(id: "x", assetID: 3, name: "S")])))
        #expect(state.detail?.licensed.isEmpty == true)
    }

    @Test func theHistoryPagesThroughTheLedger() {
        var state = Fixture.state()
        #expect(state.reduce(.purchase(.toggleHistory)) == [.loadHistory(id: 1, source: .ledger, offset: 0, limit: 50)])
        let records = (0..<50).map { i in
            PurchaseRecord(state: "confirmed", date: Self.day, assetID: AssetID(Int64(i)), what: "Medium",
                           products: [LicensedProduct(id: "p\(i)", assetID: AssetID(Int64(i)), name: "Medium")])
        }
        _ = state.reduce(.purchase(.historyAnswered(1, .success(HistoryPage(records: records, hasMore: true)))))
        #expect(state.history?.records.count == 50)
        #expect(state.reduce(.purchase(.moveHistoryCursor(10))).isEmpty)
        #expect(state.reduce(.purchase(.moveHistoryCursor(40))) == [.loadHistory(id: 2, source: .ledger, offset: 50, limit: 50)])
        #expect(state.reduce(.purchase(.moveHistoryCursor(-1))).isEmpty)   // a page is already on its way
        _ = state.reduce(.purchase(.historyAnswered(2, .success(HistoryPage(records: [], hasMore: false)))))
        #expect(state.history?.hasMore == false)
        #expect(state.reduce(.purchase(.downloadFromHistory)) == [.download(records[48].products[0])])
        _ = state.reduce(.back)
        #expect(state.history == nil)
    }

    @Test func tabSwitchesToTheServicesHistoryAndPagesItByItsOwnSize() {
        var state = Fixture.state()
        _ = state.reduce(.purchase(.toggleHistory))
        // Tab before the ledger answered: the service's first page; the ledger's late answer is dropped.
        #expect(state.reduce(.purchase(.switchHistorySource)) == [.loadHistory(id: 2, source: .service, offset: 0, limit: 20)])
        let ledgerLine = PurchaseRecord(state: "confirmed", date: Self.day, assetID: 9, what: "Large", purchaseID: "L")
        _ = state.reduce(.purchase(.historyAnswered(1, .success(HistoryPage(records: [ledgerLine], hasMore: false)))))
        #expect(state.history?.source == .service)
        #expect(state.history?.records.isEmpty == true)
        func license(_ i: Int) -> PurchaseRecord {
            PurchaseRecord(state: "confirmed", date: nil, assetID: AssetID(Int64(i)), what: "Standard", title: "t\(i)",
                           products: [LicensedProduct(id: "\(i):Standard", assetID: AssetID(Int64(i)), name: "Standard")])
        }
        _ = state.reduce(.purchase(.historyAnswered(2, .success(HistoryPage(records: (0..<20).map(license), hasMore: true)))))
        #expect(state.history?.records.count == 20)
        #expect(state.reduce(.purchase(.moveHistoryCursor(16))) == [.loadHistory(id: 3, source: .service, offset: 20, limit: 20)])
        // The history moved on the service (a new license came first): the repeated one is shown once,
        // and the next page still starts after everything the service answered.
        _ = state.reduce(.purchase(.historyAnswered(3, .success(HistoryPage(records: [license(19), license(20)], hasMore: true)))))
        #expect(state.history?.records.map(\.assetID.rawValue) == Array(0...20).map(Int64.init))
        #expect(state.history?.loaded == 22)
        #expect(state.reduce(.purchase(.moveHistoryCursor(4))) == [.loadHistory(id: 4, source: .service, offset: 22, limit: 20)])
        // And back to the ledger, from its first page.
        #expect(state.reduce(.purchase(.switchHistorySource)) == [.loadHistory(id: 5, source: .ledger, offset: 0, limit: 50)])
        #expect(state.history?.cursor == 0)
    }

    @Test func aServiceWithoutHistorySaysSoInsteadOfNoLicenses() {
        var state = Fixture.state()
        _ = state.reduce(.purchase(.toggleHistory))
        _ = state.reduce(.purchase(.switchHistorySource))
        _ = state.reduce(.purchase(.historyAnswered(2, .success(HistoryPage(records: [], hasMore: false, note: "StockFlow keeps none")))))
        #expect(state.history?.note == "StockFlow keeps none")
        #expect(state.history?.hasMore == false)
        #expect(state.reduce(.purchase(.moveHistoryCursor(1))).isEmpty)
    }
}
