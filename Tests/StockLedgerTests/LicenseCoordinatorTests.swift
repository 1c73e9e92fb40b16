import Foundation
import StockCore
import Testing
@testable import StockLedger

/// The rules of licensing: refusals before anything is written or sent, one request per intent,
/// and reconciliation before anything else is sent.
@Suite struct LicenseCoordinatorTests {
    let clock = TestClock()
    let keys = KeyMaker()

    func coordinator(_ ledger: Ledger, _ service: ScriptedLicensing, provider: String = "stocksy") -> LicenseCoordinator {
        LicenseCoordinator(ledger: ledger, provider: provider, licensing: service, now: clock.function, makeKey: keys.function)
    }

    func medium(again: Bool = false) -> LicenseOrder { LicenseOrder(assetID: 10001, optionIDs: ["2"], licenseAgain: again) }

    // MARK: The happy path

    @Test func licensesOnceAndConfirms() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        let c = coordinator(test.ledger, service)
        let offer = try await c.offer(for: Fixture.photo)
        let receipt = try await c.license(LicenseOrder(assetID: 10001, optionIDs: ["2", "24"]), offer: offer)
        #expect(service.licenseCalls == 1)
        #expect(service.licenseKeys == ["key-1"])
        #expect(receipt.purchaseID == "p-1")
        let intent = try #require(try test.ledger.intent(key: "key-1"))
        #expect(intent.state == .confirmed)
        #expect(intent.receipt == receipt)
        #expect(intent.total == .money(Fixture.usd(24_000)))
        #expect(intent.quote.lines.map(\.id) == ["2", "24"])
        #expect(try test.ledger.licensedProducts(provider: "stocksy", assetID: 10001).map(\.id).sorted() == ["lp-1-2", "lp-1-24"])
        #expect(try await c.history(offset: 0, limit: 10).map(\.key) == ["key-1"])
    }

    // MARK: Refusals: nothing written, nothing sent

    func expectRefused(_ refusal: LicensingRefusal, order: LicenseOrder, offer: LicenseOffer,
                       prepare: (Ledger) throws -> Void = { _ in }) async throws {
        let test = try TestLedger()
        defer { test.remove() }
        try prepare(test.ledger)
        let before = try test.ledger.intentCount(provider: nil)
        let service = ScriptedLicensing(offer: offer, clock: clock)
        await #expect(throws: refusal) { try await coordinator(test.ledger, service).license(order, offer: offer) }
        #expect(service.licenseCalls == 0, "nothing sent")
        #expect(try test.ledger.intentCount(provider: nil) == before, "nothing written")
    }

    @Test func refusesAnAccountThatCannotLicense() async throws {
        try await expectRefused(.licensingUnavailable("read-only key"), order: medium(),
                                offer: Fixture.offer(unavailable: "read-only key"))
    }

    @Test func refusesAChoiceWithoutExactlyOneKnownSize() async throws {
        try await expectRefused(.noDeliverable, order: LicenseOrder(assetID: 10001, optionIDs: ["24"]), offer: Fixture.offer())
        try await expectRefused(.noDeliverable, order: LicenseOrder(assetID: 10001, optionIDs: []), offer: Fixture.offer())
        try await expectRefused(.severalDeliverables(["1", "2"]), order: LicenseOrder(assetID: 10001, optionIDs: ["1", "2"]),
                                offer: Fixture.offer())
        try await expectRefused(.unknownOption("99"), order: LicenseOrder(assetID: 10001, optionIDs: ["2", "99"]),
                                offer: Fixture.offer())
        try await expectRefused(.unknownOption("2"), order: LicenseOrder(assetID: 10001, optionIDs: ["2", "2"]),
                                offer: Fixture.offer())
        try await expectRefused(.offerMismatch(offer: 10001, order: 10002), order: LicenseOrder(assetID: 10002, optionIDs: ["2"]),
                                offer: Fixture.offer())
    }

    @Test func refusesMissingRequiredReferences() async throws {
        let refs = [LicenseReferenceField(id: "project", label: "Project", required: true),
                    LicenseReferenceField(id: "client", label: "Client", required: false),
                    LicenseReferenceField(id: "po", label: "PO number", required: true)]
        try await expectRefused(.missingReferences(["Project", "PO number"]),
                                order: LicenseOrder(assetID: 10001, optionIDs: ["2"], references: ["project": "  "]),
                                offer: Fixture.offer(references: refs))
        // Filled in, it goes through.
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        let order = LicenseOrder(assetID: 10001, optionIDs: ["2"], references: ["project": "Spring", "po": "PO-7"])
        _ = try await coordinator(test.ledger, service).license(order, offer: Fixture.offer(references: refs))
        #expect(try test.ledger.intent(key: "key-1")?.order.references == ["project": "Spring", "po": "PO-7"])
    }

    @Test func refusesAnUnaffordableQuoteWithBothAmounts() async throws {
        try await expectRefused(.insufficientBalance(available: .money(Fixture.usd(1200)), needed: .money(Fixture.usd(10_000))),
                                order: LicenseOrder(assetID: 10001, optionIDs: ["3"]), offer: Fixture.offer(balance: 1200))
        let refusal = LicensingRefusal.insufficientBalance(available: .money(Fixture.usd(1200)), needed: .money(Fixture.usd(7500)))
        #expect(refusal.message == "insufficient balance: $12.00 available, $75.00 needed")
        #expect(LicensingRefusal.insufficientBalance(available: .credits(1), needed: .credits(3)).message
                == "insufficient quota: 1 credit available, 3 credits needed")
        // One set of words for the browser, the CLI and the coordinator (LicenseOffer.check).
        #expect(LicensingRefusal.missingReferences(["Project", "PO number"]).message == "Project, PO number are required")
        #expect(LicensingRefusal.missingReferences(["Project"]).message == "Project is required")
        #expect(LicensingRefusal.licensingUnavailable("read-only API key").message == "licensing unavailable: read-only API key")
        let licensed = [LicensedProduct(id: "1", assetID: 10001, name: "Medium", licensedAt: Date(timeIntervalSince1970: 1_700_000_000))]
        #expect(Fixture.offer(alreadyLicensed: licensed).check(LicenseOrder(assetID: 10001, optionIDs: ["2"])).failureMessage
                == "asset 10001 is already licensed on 2023-11-14 (Medium); choose “license again” to buy it again")
        #expect(Fixture.offer(alreadyLicensed: licensed).check(LicenseOrder(assetID: 10001, optionIDs: ["2"]), licensed: []).failureMessage == nil)
    }

    @Test func refusesWhatTheServiceReportsLicensedUnlessLicensedAgain() async throws {
        let owned = LicensedProduct(id: "6867571", assetID: 10001, name: "Medium", licensedAt: clock.now)
        try await expectRefused(.alreadyLicensed(assetID: 10001, products: ["Medium"], licensedAt: clock.now),
                                order: medium(), offer: Fixture.offer(alreadyLicensed: [owned]))
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        _ = try await coordinator(test.ledger, service).license(medium(again: true), offer: Fixture.offer(alreadyLicensed: [owned]))
        #expect(service.licenseCalls == 1)
        #expect(service.charges.first?.order.licenseAgain == true)
    }

    @Test func refusesWhatTheLedgerHasLicensedUnlessLicensedAgain() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        let c = coordinator(test.ledger, service)
        _ = try await c.license(medium(), offer: Fixture.offer())
        // Even with an offer that does not know (a stale screen), and for another size.
        await #expect(throws: LicensingRefusal.alreadyLicensed(assetID: 10001, products: ["Option 2"], licensedAt: clock.now)) {
            try await c.license(LicenseOrder(assetID: 10001, optionIDs: ["3"]), offer: Fixture.offer())
        }
        #expect(service.licenseCalls == 1)
        #expect(try test.ledger.intentCount(provider: nil) == 1)
        _ = try await c.license(LicenseOrder(assetID: 10001, optionIDs: ["3"], licenseAgain: true), offer: Fixture.offer())
        #expect(service.licenseCalls == 2)
        #expect(service.chargeCount == 2)
    }

    @Test func refusesASecondLicenseOfAnAssetWhileTheFirstIsInFlight() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let gate = Gate()
        let service = ScriptedLicensing(steps: [.chargeAfter(gate)], clock: clock)
        let c = coordinator(test.ledger, service)
        // A second coordinator in this process (another screen) shares the rule.
        let c2 = coordinator(test.ledger, service)
        let first = Task { try await c.license(medium(), offer: Fixture.offer()) }
        while await gate.arrivals == 0 { await Task.yield() }
        await #expect(throws: LicensingRefusal.inFlight(10001)) { try await c.license(medium(again: true), offer: Fixture.offer()) }
        await #expect(throws: LicensingRefusal.inFlight(10001)) { try await c2.license(medium(again: true), offer: Fixture.offer()) }
        // Reconciling meanwhile leaves the intent being sent alone.
        let report = try await c2.reconcile()
        #expect(report.inFlight.map(\.key) == ["key-1"])
        #expect(service.findCalls == 0)
        // Another asset is not held up.
        _ = try await c2.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]),
                                 offer: Fixture.offer(asset: Fixture.video))
        await gate.open()
        _ = try await first.value
        #expect(service.licenseCalls == 2)
        #expect(try test.ledger.intent(key: "key-1")?.state == .confirmed)
    }

    // MARK: The service's answers

    @Test func aRefusalByTheServiceFailsTheIntent() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(steps: [.refuse(StockError.forbidden("read-only key")),
                                                .refuse(StockError.server(status: 422, message: "bad project"))],
                                        clock: clock)
        let c = coordinator(test.ledger, service)
        await #expect(throws: StockError.forbidden("read-only key")) { try await c.license(medium(), offer: Fixture.offer()) }
        await #expect(throws: StockError.server(status: 422, message: "bad project")) {
            try await c.license(medium(), offer: Fixture.offer())
        }
        let intents = try test.ledger.intents(provider: "stocksy", offset: 0, limit: 10)
        #expect(intents.map(\.state) == [.failed, .failed])
        #expect(intents.last?.message == "not allowed: read-only key")
        #expect(service.findCalls == 0, "a refusal is not ambiguous")
        // Failed intents do not block: the next one is sent.
        _ = try await c.license(medium(), offer: Fixture.offer())
        #expect(service.licenseCalls == 3)
        #expect(service.chargeCount == 1)
    }

    @Test func whichErrorsAreRefusals() {
        for e: any Error in [StockError.invalidRequest("x"), StockError.forbidden("x"), StockError.unauthorized("x"),
                             StockError.notFound(1), StockError.rateLimited(retryAfterSeconds: 3),
                             StockError.server(status: 400, message: ""), StockError.server(status: 402, message: ""),
                             LicensingRefusal.noDeliverable] {
            #expect(LicenseCoordinator.isDefiniteRefusal(e), "\(e)")
        }
        for e: any Error in [StockError.network("timed out"), StockError.malformedResponse("x"), StockError.storage("x"),
                             StockError.server(status: 500, message: ""), StockError.server(status: 503, message: ""),
                             StockError.server(status: 408, message: ""), StockError.server(status: 409, message: ""),
                             CancellationError(), URLError(.timedOut)] {
            #expect(!LicenseCoordinator.isDefiniteRefusal(e), "\(e)")
        }
    }

    @Test func anAmbiguousAnswerIsCheckedInTheHistoryNotResent() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(steps: [.chargeThenLose(StockError.network("timed out"))], clock: clock)
        let c = coordinator(test.ledger, service)
        let receipt = try await c.license(medium(), offer: Fixture.offer())
        #expect(receipt.purchaseID == "p-1")
        #expect(service.licenseCalls == 1)
        #expect(service.findCalls == 1)
        #expect(try test.ledger.intent(key: "key-1")?.state == .confirmed)
    }

    @Test func anUnknownOutcomeStaysPendingAndIsReconciledBeforeTheNextSend() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(steps: [.refuse(StockError.server(status: 503, message: "unavailable"))], clock: clock)
        let c = coordinator(test.ledger, service)
        do {
            _ = try await c.license(medium(), offer: Fixture.offer())
            Issue.record("an unknown outcome must throw")
        } catch let error as LicenseOutcomeUnknown {
            #expect(error.key == "key-1")
            #expect(error.message.contains("unknown"))
            #expect(error.message.contains("will be checked with the service before anything else is sent"))
        }
        #expect(service.findCalls == 1)
        #expect(try test.ledger.intent(key: "key-1")?.state == .pending)
        // The same asset is not sent while its outcome is open and the history cannot be read.
        service.setFindError(StockError.network("offline"))
        await #expect(throws: StockError.network("offline")) { try await c.license(medium(), offer: Fixture.offer()) }
        #expect(service.licenseCalls == 1)
        // Once the history answers (no record), the intent fails and the new one is sent.
        service.setFindError(nil)
        _ = try await c.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]), offer: Fixture.offer(asset: Fixture.video))
        #expect(try test.ledger.intent(key: "key-1")?.state == .failed)
        #expect(try test.ledger.intent(key: "key-1")?.message == "not charged: the service has no record of it")
        #expect(service.licenseCalls == 2)
    }

    @Test func aCancelledLicenseStillAsksTheHistory() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(steps: [.chargeThenLose(CancellationError())], clock: clock)
        let receipt = try await coordinator(test.ledger, service).license(medium(), offer: Fixture.offer())
        #expect(receipt.purchaseID == "p-1")
        #expect(service.licenseCalls == 1)
    }

    @Test func aReceiptThatConfirmsAnotherIntentIsNotReused() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(steps: [.charge, .refuse(StockError.network("reset"))], clock: clock)
        let c = coordinator(test.ledger, service)
        _ = try await c.license(medium(), offer: Fixture.offer())
        // Licensed again at the same moment; the answer is lost and nothing was charged. The
        // history's only match is the first purchase, which is already the first intent's.
        await #expect(throws: LicenseOutcomeUnknown.self) { try await c.license(medium(again: true), offer: Fixture.offer()) }
        #expect(try test.ledger.intent(key: "key-2")?.state == .pending)
        let report = try await c.reconcile()
        #expect(report.failed.map(\.key) == ["key-2"])
        #expect(service.chargeCount == 1)
    }

    // MARK: Reconciling

    @Test func aCrashAfterSendingIsReconciledWithoutResending() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        do {
            // The program writes the intent and sends it; the service charges; the program dies
            // before the answer is recorded.
            let intent = try test.ledger.recordIntent(provider: "stocksy", order: medium(), quote: Fixture.offer().quote(optionIDs: ["2"])!,
                                                      key: "crashed", now: clock.now)
            _ = try await service.license(intent.order, idempotencyKey: intent.key)
        }
        // And one that died before sending.
        try test.ledger.recordIntent(provider: "stocksy", order: LicenseOrder(assetID: 10011, optionIDs: ["11"]),
                                     quote: Fixture.offer(asset: Fixture.video).quote(optionIDs: ["11"])!, key: "unsent",
                                     now: clock.now)
        clock.advance(30)
        let restarted = coordinator(try test.reopen(), service)
        let offer = try await restarted.offer(for: Fixture.photo)
        #expect(service.findCalls == 2)
        #expect(try test.ledger.intent(key: "crashed")?.state == .confirmed)
        #expect(try test.ledger.intent(key: "unsent")?.state == .failed)
        #expect(offer.alreadyLicensed.map(\.id) == ["lp-1-2"], "the reconciled purchase shows as licensed")
        await #expect(throws: LicensingRefusal.self) { try await restarted.license(medium(), offer: offer) }
        #expect(service.licenseCalls == 1, "exactly one license request for the intent")
        #expect(service.chargeCount == 1)
    }

    @Test func aCrashedCoordinatorsPendingIntentIsReconciledAfterReopening() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(steps: [.chargeThenLose(StockError.network("connection reset"))], clock: clock)
        service.setFindError(StockError.network("offline"))
        do {
            let c = coordinator(test.ledger, service)
            await #expect(throws: LicenseOutcomeUnknown.self) { try await c.license(medium(), offer: Fixture.offer()) }
        }   // The coordinator is gone; the ledger file stays.
        #expect(try test.ledger.intent(key: "key-1")?.state == .pending)
        service.setFindError(nil)
        let reopened = coordinator(try test.reopen(), service)
        let report = try await reopened.reconcile()
        #expect(report.confirmed.map(\.key) == ["key-1"])
        #expect(report.confirmed.first?.receipt?.purchaseID == "p-1")
        #expect(service.licenseCalls == 1)
        #expect(service.chargeCount == 1)
    }

    @Test func aHistoryErrorLeavesTheIntentPendingAndIsRethrown() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        try test.ledger.recordIntent(provider: "stocksy", order: medium(), quote: Fixture.offer().quote(optionIDs: ["2"])!,
                                     key: "open", now: clock.now)
        service.setFindError(StockError.server(status: 502, message: "bad gateway"))
        let c = coordinator(test.ledger, service)
        await #expect(throws: StockError.server(status: 502, message: "bad gateway")) { try await c.reconcile() }
        await #expect(throws: StockError.server(status: 502, message: "bad gateway")) { try await c.offer(for: Fixture.photo) }
        await #expect(throws: StockError.server(status: 502, message: "bad gateway")) {
            try await c.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]), offer: Fixture.offer(asset: Fixture.video))
        }
        #expect(try test.ledger.intent(key: "open")?.state == .pending)
        #expect(service.licenseCalls == 0, "nothing is sent before the open intent is settled")
    }

    @Test func withoutAHistoryAnOpenIntentIsUnresolvedAndBlocksItsAsset() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(canReconcile: false, clock: clock)
        try test.ledger.recordIntent(provider: "stockflow", order: medium(), quote: Fixture.offer().quote(optionIDs: ["2"])!,
                                     key: "open", now: clock.now)
        let c = coordinator(test.ledger, service, provider: "stockflow")
        let report = try await c.reconcile()
        #expect(report.unresolved.map(\.key) == ["open"])
        let intent = try #require(try test.ledger.intent(key: "open"))
        #expect(intent.state == .unresolved)
        #expect(intent.message?.contains("check the service's own download history") == true)
        #expect(service.findCalls == 0)
        // Reconciling again leaves it as it is.
        #expect(try await c.reconcile().unresolved.map(\.updated) == [intent.updated])
        await #expect(throws: LicensingRefusal.unresolvedIntent(assetID: 10001, since: clock.now)) {
            try await c.license(medium(), offer: Fixture.offer())
        }
        #expect(service.licenseCalls == 0)
        // Other assets go through; "license again" is the explicit way past it.
        _ = try await c.license(LicenseOrder(assetID: 10011, optionIDs: ["11"]), offer: Fixture.offer(asset: Fixture.video))
        _ = try await c.license(medium(again: true), offer: Fixture.offer())
        #expect(service.licenseCalls == 2)
        #expect(try test.ledger.intent(key: "open")?.state == .unresolved, "still for a person to check")
    }

    @Test func anotherLiveProcessesPendingIntentIsLeftAloneUntilItDies() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sleep")
        other.arguments = ["30"]
        try other.run()
        defer { if other.isRunning { kill(other.processIdentifier, SIGKILL) } }
        let service = ScriptedLicensing(clock: clock)
        try test.ledger.recordIntent(provider: "stocksy", order: medium(), quote: Fixture.offer().quote(optionIDs: ["2"])!,
                                     key: "theirs", now: clock.now, processID: other.processIdentifier)
        _ = try await service.license(medium(), idempotencyKey: "theirs")
        let c = coordinator(test.ledger, service)
        #expect(try await c.reconcile().inFlight.map(\.key) == ["theirs"])
        await #expect(throws: LicensingRefusal.inFlight(10001)) { try await c.license(medium(again: true), offer: Fixture.offer()) }
        #expect(service.findCalls == 0)
        // SIGKILL: a SIGTERM may be blocked in a child of the test runner.
        kill(other.processIdentifier, SIGKILL)
        while other.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        #expect(try await c.reconcile().confirmed.map(\.key) == ["theirs"])
        #expect(service.licenseCalls == 1)
    }

    @Test func aRaceWithAnotherProcessSendsOnlyTheFirstIntent() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        let ledger = test.ledger, now = clock.now
        // The other process (the parent, alive) writes its intent between this one's checks and
        // its write: the moment the key is made.
        let racing: @Sendable () -> String = {
            _ = try? ledger.recordIntent(provider: "stocksy", order: LicenseOrder(assetID: 10001, optionIDs: ["1"]),
                                         quote: Fixture.offer().quote(optionIDs: ["1"])!, key: "theirs", now: now,
                                         processID: getppid())
            return "mine"
        }
        let c = LicenseCoordinator(ledger: ledger, provider: "stocksy", licensing: service, now: clock.function, makeKey: racing)
        await #expect(throws: LicensingRefusal.inFlight(10001)) { try await c.license(medium(), offer: Fixture.offer()) }
        #expect(service.licenseCalls == 0)
        let mine = try #require(try ledger.intent(key: "mine"))
        #expect(mine.state == .failed)
        #expect(mine.message == "not sent: another license of this asset was being sent")
        #expect(try ledger.intent(key: "theirs")?.state == .pending)
    }

    @Test func aStalePendingIntentOfALiveProcessIsReconciled() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        // The parent process (alive) wrote it long ago.
        try test.ledger.recordIntent(provider: "stocksy", order: medium(), quote: Fixture.offer().quote(optionIDs: ["2"])!,
                                     key: "old", now: clock.now, processID: getppid())
        clock.advance(LicenseCoordinator.inFlightWindow + 1)
        #expect(try await coordinator(test.ledger, service).reconcile().failed.map(\.key) == ["old"])
    }

    // MARK: Offers and history

    @Test func theOfferAddsTheLedgersProductsOnceAndRemembersTheServices() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let reported = LicensedProduct(id: "lp-1-2", assetID: 10001, optionID: "2", name: "Option 2", licensedAt: clock.now)
        let web = LicensedProduct(id: "web-7", assetID: 10001, name: "Large", licensedAt: clock.now.addingTimeInterval(-3600))
        let service = ScriptedLicensing(clock: clock)
        let c = coordinator(test.ledger, service)
        _ = try await c.license(medium(), offer: Fixture.offer())
        service.setOffer(Fixture.offer(alreadyLicensed: [reported, web]))
        let offer = try await c.offer(for: Fixture.photo)
        #expect(offer.alreadyLicensed.map(\.id) == ["lp-1-2", "web-7"])
        #expect(try test.ledger.licensedProducts(provider: "stocksy", assetID: 10001).map(\.id) == ["lp-1-2", "web-7"])
    }

    @Test func historyPagesTheLedgerAndTheService() async throws {
        let test = try TestLedger()
        defer { test.remove() }
        let service = ScriptedLicensing(clock: clock)
        service.history = (1...5).map { LicensedProduct(id: "h\($0)", assetID: AssetID(Int64(20_000 + $0)), name: "Medium") }
        let c = coordinator(test.ledger, service)
        for id: AssetID in [10001, 10002, 10003] {
            _ = try await c.license(LicenseOrder(assetID: id, optionIDs: ["2"]),
                                    offer: LicenseOffer(assetID: id, options: Fixture.offer().options,
                                                        account: Fixture.offer().account, licenseName: "x"))
        }
        #expect(try await c.history(offset: 0, limit: 2).map(\.assetID) == [10003, 10002])
        #expect(try await c.history(offset: 2, limit: 2).map(\.assetID) == [10001])
        let page = try await c.serviceHistory(offset: 2, limit: 2)
        #expect(page.items.map(\.id) == ["h3", "h4"])
        #expect(page.total == 5)
        #expect(page.hasMore(limit: 2))
        #expect(try test.ledger.licensedProducts(provider: "stocksy", assetID: 20003).map(\.id) == ["h3"])
    }
}

extension Result where Failure == LicensingRefusal {
    /// The refusal's words, or nil when the order may be sent.
    var failureMessage: String? { if case .failure(let refusal) = self { refusal.message } else { nil } }
}
