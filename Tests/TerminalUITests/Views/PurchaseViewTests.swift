import BrowserModel
import Foundation
import StockCore
import Testing
@testable import TerminalUI

/// The licensing flow's screens, the purchase history and the detail's "Licensed on" line.
@Suite struct PurchaseViewTests {
    static func usd(_ cents: Int64) -> LicenseCost { .money(Money(amount: cents, currency: "USD")) }
    static let day = Date(timeIntervalSince1970: 1_763_856_000)

    static func offer(references: [LicenseReferenceField] = [], licensed: [LicensedProduct] = [], balance: Int64 = 43_750,
                      demo: Bool = true) -> LicenseOffer {
        LicenseOffer(assetID: ViewFixture.fullAsset.id, options: LicenseOption.options(from: ViewFixture.fullAsset.products),
                     references: references,
                     account: Account(name: "Demo account", balance: Money(amount: balance, currency: "USD"), licenseTier: "Demo", isDemo: demo),
                     licenseName: "stockterm demo license (no real money)", alreadyLicensed: licensed)
    }

    /// The detail view with the flow at the choosing step.
    static func choosing(_ offer: LicenseOffer = offer(), height: Int = 24) -> BrowserState {
        var state = ViewFixture.detailState(height: height)
        let effects = state.reduce(.purchase(.begin))
        guard case .loadOffer(let id, _)? = effects.first else { Issue.record("no offer asked for"); return state }
        _ = state.reduce(.purchase(.offerAnswered(id, .success(offer))))
        return state
    }

    @Test func choosingASizeAt80x24() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.moveCursor(1)))
        _ = state.reduce(.purchase(.toggleAtCursor))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
        "/ press / to search — try: baikal type:video                           relevance",
        " Frozen Lake Baikal at dawn",
        "───────────────────────────────────────────────────────────────── 1–20 of 25 ↓ ─",
        " ⚠ Content warning: recognisable people without release",
        "",
        " Ice cracks run to the horizon under a pale winter sky; the shore is lined with",
        " hummocks of clear blue ice.",
        "┌─ License · Frozen Lake Baikal at dawn ───────────────────────────────────────┐",
        "│ stockterm demo license (no real money)                                       │",
        "│ ( ) Small             800 × 533 px                                     $9.00 │",
        "│ (•) Extra large       6000 × 4000 px                                  $49.00 │",
        "│ [ ] Extended license                                                  $99.00 │",
        "│                                                                              │",
        "│ Demo account · balance $437.50 (no real money)                               │",
        "│ Space choose  Enter continue  Esc cancel                                     │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Camera          Nikon Z 7II",
        " Lens            NIKKOR Z 24-70mm f/4 S",
        " Exposure        35 mm, f/8, 1/250 s, ISO 100",
        " Colour profile  AdobeRGB",
        " Sizes           S 800×533, XL 6000×4000",
        " Keywords        baikal, ice, winter, lake, siberia",
        "",
        "demo catalog  1–5 of 14,382             space choose  Enter continue  Esc cancel",
        ], "purchaseChoose80")
    }

    @Test func theConfirmationListsLinesTotalsAndBalanceWithFocusOnCancel() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.moveCursor(1)))
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.moveCursor(1)))
        _ = state.reduce(.purchase(.moveCursor(-1)))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
        "/ press / to search — try: baikal type:video                           relevance",
        " Frozen Lake Baikal at dawn",
        "───────────────────────────────────────────────────────────────── 1–20 of 25 ↓ ─",
        " ⚠ Content warning: recognisable people without release",
        "┌─ License · Frozen Lake Baikal at dawn ───────────────────────────────────────┐",
        "│ Confirm the license                                                          │",
        "│ Asset 10001  Frozen Lake Baikal at dawn                                      │",
        "│                                                                              │",
        "│ Extra large  6000 × 4000 px                                           $49.00 │",
        "│ ──────────────────────────────────────────────────────────────────────────── │",
        "│ Subtotal                                                              $49.00 │",
        "│ Tax                                                                    $0.00 │",
        "│ Total                                                                 $49.00 │",
        "│ Balance                                                    $437.50 → $388.50 │",
        "│ License                               stockterm demo license (no real money) │",
        "│ Demo account: no real money is charged.                                      │",
        "│                                                                              │",
        "│                     [ Cancel ]   [ License for $49.00 ]                      │",
        "│ ←/→ choose a button  Enter press it  y license now  Esc cancel               │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Sizes           S 800×533, XL 6000×4000",
        " Keywords        baikal, ice, winter, lake, siberia",
        "",
        "demo catalog  1–5 of 14,382             space choose  Enter continue  Esc cancel",
        ], "purchaseConfirm80")
        #expect(grid.lines.contains { $0.contains("[ License for $49.00 ]") })
        #expect(grid.lines.contains { $0.contains("$437.50 → $388.50") })
    }

    @Test func anUnaffordableChoiceSaysSoAndDisablesLicensing() {
        var state = Self.choosing(Self.offer(balance: 1_000))
        _ = state.reduce(.purchase(.moveCursor(1)))
        _ = state.reduce(.purchase(.next))
        _ = state.reduce(.purchase(.confirm))
        let (grid, _) = ViewFixture.render(state)
        #expect(grid.lines.contains { $0.contains("insufficient balance: $10.00 available, $49.00 needed") })
        #expect(grid.lines.contains { $0.contains("$10.00 → -$39.00") || $0.contains("$10.00 → −$39.00") })
    }

    @Test func referenceFieldsTakeKazakhTextAndPlaceTheCursor() {
        let fields = [LicenseReferenceField(id: "2", label: "Project reference", required: true),
                      LicenseReferenceField(id: "4", label: "Client reference", required: false)]
        var state = Self.choosing(Self.offer(references: fields))
        _ = state.reduce(.purchase(.next))
        for character in "Қазақстан" { _ = state.reduce(.purchase(.editReference(.insert(String(character))))) }
        let (grid, outcome) = ViewFixture.render(state)
        expectSnapshot(grid, [
        "/ press / to search — try: baikal type:video                           relevance",
        " Frozen Lake Baikal at dawn",
        "───────────────────────────────────────────────────────────────── 1–20 of 25 ↓ ─",
        " ⚠ Content warning: recognisable people without release",
        "",
        " Ice cracks run to the horizon under a pale winter sky; the shore is lined with",
        " hummocks of clear blue ice.",
        "",
        "┌─ License · Frozen Lake Baikal at dawn ───────────────────────────────────────┐",
        "│ License references                                                           │",
        "│ Project reference *  Қазақстан                                               │",
        "│ Client reference                                                             │",
        "│ * required                                                                   │",
        "│ Tab next field  Enter continue  Esc cancel                                   │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Popularity      0",
        " Camera          Nikon Z 7II",
        " Lens            NIKKOR Z 24-70mm f/4 S",
        " Exposure        35 mm, f/8, 1/250 s, ISO 100",
        " Colour profile  AdobeRGB",
        " Sizes           S 800×533, XL 6000×4000",
        " Keywords        baikal, ice, winter, lake, siberia",
        "",
        "demo catalog  1–5 of 14,382                           Enter continue  Esc cancel",
        ], "purchaseReferences80")
        let cursor = try! #require(outcome.cursor)
        #expect(grid.lines[cursor.y].contains("Қазақстан"))
    }

    @Test func doneListsTheProductsToDownload() {
        var state = Self.choosing()
        _ = state.reduce(.purchase(.next))
        let effects = state.reduce(.purchase(.confirm))
        guard case .license(let id, _, _)? = effects.first else { Issue.record("nothing sent"); return }
        let receipt = LicenseReceipt(purchaseID: "demo-000001", assetID: ViewFixture.fullAsset.id,
                                     products: [LicensedProduct(id: "demo-000001-1", assetID: ViewFixture.fullAsset.id, optionID: "1",
                                                                name: "Small", licensedAt: Self.day)],
                                     total: Self.usd(900), date: Self.day)
        _ = state.reduce(.purchase(.licenseAnswered(id, .success(receipt))))
        _ = state.reduce(.purchase(.download))
        _ = state.reduce(.purchase(.downloadProgressed(productID: "demo-000001-1", DownloadProgress(received: 1_048_576, total: 4_194_304, bytesPerSecond: 2_097_152))))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
        "/ press / to search — try: baikal type:video                           relevance",
        " Frozen Lake Baikal at dawn",
        "───────────────────────────────────────────────────────────────── 1–20 of 29 ↓ ─",
        " ⚠ Content warning: recognisable people without release",
        " ✓ Licensed on 2025-11-23 (Small)   d download",
        "",
        " Ice cracks run to the horizon under a pale winter sky; the shore is lined with",
        "┌─ License · Frozen Lake Baikal at dawn ───────────────────────────────────────┐",
        "│ ✓ Licensed: purchase demo-000001 on 2025-11-23                               │",
        "│ Charged                                                                $9.00 │",
        "│ Updating: Demo account · balance $437.50 (no real money)                     │",
        "│                                                                              │",
        "│ Small  demo-000001-1                                                     25% │",
        "│                                                                              │",
        "│ ↑/↓ choose  d or Enter download  Esc close                                   │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " Popularity      0",
        " Camera          Nikon Z 7II",
        " Lens            NIKKOR Z 24-70mm f/4 S",
        " Exposure        35 mm, f/8, 1/250 s, ISO 100",
        " Colour profile  AdobeRGB",
        " Sizes           S 800×533, XL 6000×4000",
        " Keywords        baikal, ice, winter, lake, siberia",
        "1–5 of 14,382  ⬇ Small [█████▌░░░░░░░░░░░░░░░░]  25%  1.0 MB / 4.2 MB  2.1 MB/s",
        ], "purchaseDone80")
    }

    @Test func theDetailSaysWhenTheAssetIsLicensed() {
        var state = ViewFixture.detailState()
        _ = state.reduce(.purchase(.licensesAnswered(ViewFixture.fullAsset.id, [
            LicensedProduct(id: "6867571", assetID: ViewFixture.fullAsset.id, name: "Extra large", licensedAt: Self.day),
        ])))
        let (grid, _) = ViewFixture.render(state)
        #expect(grid.lines.contains { $0.contains("✓ Licensed on 2025-11-23 (Extra large)   d download") })
    }

    @Test func hostileTextFromTheServiceIsSanitisedInTheFlow() {
        var offer = Self.offer()
        offer.options[0].name = "Small\u{1B}]0;pwned\u{07}\u{1B}[2J"
        offer.licenseName = "License\u{9B}31m red"
        let state = Self.choosing(offer)
        let (grid, _) = ViewFixture.render(state)
        for line in grid.lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(grid.lines.contains { $0.contains("Small") })
    }

    @Test func theHistoryListsPurchasesNewestFirst() {
        var state = ViewFixture.state()
        let effects = state.reduce(.purchase(.toggleHistory))
        guard case .loadHistory(let id, _, _, _)? = effects.first else { Issue.record("no history asked for"); return }
        _ = state.reduce(.purchase(.historyAnswered(id, .success(HistoryPage(records: [
            PurchaseRecord(state: "confirmed", date: Self.day, assetID: 10001, what: "Medium", total: Self.usd(7_500), purchaseID: "1"),
            PurchaseRecord(state: "pending", date: Self.day, assetID: 10044, what: "Standard", total: .credits(1)),
            PurchaseRecord(state: "failed", date: Self.day, assetID: 10045, what: "Озеро Байкал · Large", total: Self.usd(24_900)),
        ], hasMore: false)))))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
        "/ press / to search — try: baikal type:video                           relevance",
        "┌─ Purchases in this machine's ledger ─────────────────────────────────────────┐",
        "│ 2025-11-23  10001  Medium                                   $75.00  licensed │",
        "│ 2025-11-23  10044  Standard                               1 credit  checking │",
        "│ 2025-11-23  10045  Озеро Байкал · Large                    $249.00  failed   │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│ Tab service's history  Enter download  Esc close                             │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "demo catalog  1–5 of 14,382       Enter download  Tab ledger/service  Esc cancel",
        ], "history80")
    }

    @Test func tabShowsTheServicesHistoryWithTitlesAndRemovedFiles() {
        var state = ViewFixture.state()
        _ = state.reduce(.purchase(.toggleHistory))
        let effects = state.reduce(.purchase(.switchHistorySource))
        guard case .loadHistory(let id, .service, _, _)? = effects.first else { Issue.record("no service history asked for"); return }
        let loading = ViewFixture.render(state).0
        #expect(loading.lines.contains { $0.contains("Asking the service…") })
        _ = state.reduce(.purchase(.historyAnswered(id, .success(HistoryPage(records: [
            PurchaseRecord(state: "confirmed", date: Self.day, assetID: 112670342, what: "Standard", title: "Лес\u{1B}[31m у озера",
                           products: [LicensedProduct(id: "112670342:Standard", assetID: 112670342, name: "Standard", downloadable: false)]),
            PurchaseRecord(state: "confirmed", date: nil, assetID: 10001, what: "Medium", title: "Қар басқан тау",
                           products: [LicensedProduct(id: "6867571", assetID: 10001, name: "Medium")]),
        ], hasMore: false)))))
        let (grid, _) = ViewFixture.render(state)
        expectSnapshot(grid, [
        "/ press / to search — try: baikal type:video                           relevance",
        "┌─ Licenses in demo catalog's history ─────────────────────────────────────────┐",
        "│ 2025-11-23  112670342  Standard · Лес у озера                       no file  │",
        "│             10001  Medium · Қар басқан тау                          licensed │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│ Tab ledger  Enter download  Esc close                                        │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "demo catalog  1–5 of 14,382       Enter download  Tab ledger/service  Esc cancel",
        ], "historyService80")
    }
}
