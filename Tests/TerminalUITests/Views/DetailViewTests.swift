import BrowserModel
import StockCore
import Testing
@testable import TerminalUI

/// The detail view: every field, the warning on top, the products, scrolling.
@Suite struct DetailViewTests {
    @Test func detailWithWarningExifAndProductsAt80x24() {
        let (grid, outcome) = ViewFixture.render(ViewFixture.detailState())
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                           relevance",
            " Frozen Lake Baikal at dawn",
            "───────────────────────────────────────────────────────────────── 1–20 of 25 ↓ ─",
            " ⚠ Content warning: recognisable people without release",
            "",
            " Ice cracks run to the horizon under a pale winter sky; the shore is lined with",
            " hummocks of clear blue ice.",
            "",
            " ID              10001",
            " Type            photo",
            " Contributor     Айгерім Садықова (42)",
            " Dimensions      6000 × 4000 px, 24 MP, horizontal",
            " Licenses        standard",
            " Price level     core",
            " Created         2023-11-14",
            " Popularity      0",
            " Camera          Nikon Z 7II",
            " Lens            NIKKOR Z 24-70mm f/4 S",
            " Exposure        35 mm, f/8, 1/250 s, ISO 100",
            " Colour profile  AdobeRGB",
            " Sizes           S 800×533, XL 6000×4000",
            " Keywords        baikal, ice, winter, lake, siberia",
            "",
            "demo catalog  1–5 of 14,382              ? help  Esc back  l license  d download",
        ], "detail80")
        #expect(outcome.cursor == nil)
        #expect(outcome.detailMaxScroll == 5)
    }

    @Test func detailFitsAt120x40() {
        let (grid, outcome) = ViewFixture.render(ViewFixture.detailState(width: 120, height: 40), width: 120, height: 40)
        expectSnapshot(grid, [
            "/ press / to search — try: baikal type:video                                                                   relevance",
            " Frozen Lake Baikal at dawn",
            "────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────",
            " ⚠ Content warning: recognisable people without release",
            "",
            " Ice cracks run to the horizon under a pale winter sky; the shore is lined with hummocks of clear blue ice.",
            "",
            " ID              10001",
            " Type            photo",
            " Contributor     Айгерім Садықова (42)",
            " Dimensions      6000 × 4000 px, 24 MP, horizontal",
            " Licenses        standard",
            " Price level     core",
            " Created         2023-11-14",
            " Popularity      0",
            " Camera          Nikon Z 7II",
            " Lens            NIKKOR Z 24-70mm f/4 S",
            " Exposure        35 mm, f/8, 1/250 s, ISO 100",
            " Colour profile  AdobeRGB",
            " Sizes           S 800×533, XL 6000×4000",
            " Keywords        baikal, ice, winter, lake, siberia",
            "",
            " Products",
            " PRODUCT           KIND     DIMENSIONS   PRICE",
            " Small             size     800×533      $9.00",
            " Extra large       size     6000×4000   $49.00",
            " Extended license  license              $99.00",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "demo catalog  1–5 of 14,382                                                      ? help  Esc back  l license  d download",
        ], "detail120")
        #expect(outcome.detailMaxScroll == 0)
    }

    @Test func theContentWarningIsProminent() throws {
        let (grid, _) = ViewFixture.render(ViewFixture.detailState())
        let y = try #require(grid.lines.firstIndex { $0.contains("⚠ Content warning: recognisable people") })
        #expect(y == 3)
        #expect(grid[1, y].style == ViewStyle.warningBold)
    }

    @Test func matureWithoutWarningsSaysSo() {
        var state = ViewFixture.detailState()
        state.detail?.asset.contentWarnings = []
        state.detail?.asset.mature = true
        #expect(ViewFixture.render(state).grid.lines[3] == " ⚠ Content warning: mature content")
    }

    @Test func maxScrollIsTheContentOverflow() {
        let state = ViewFixture.detailState()
        let content = DetailView.lines(for: state.detail!, width: 78)
        let visible = 24 - 2 - 2   // search bar, status line, title, rule
        let (_, outcome) = ViewFixture.render(state)
        #expect(outcome.detailMaxScroll == content.count - visible)
        #expect(outcome.detailMaxScroll! > 0)
    }

    @Test func scrolledToTheEndShowsTheLastProductOnTheLastRow() {
        var state = ViewFixture.detailState()
        _ = state.reduce(.detailMeasured(maxScroll: 5))
        _ = state.reduce(.end)
        let lines = ViewFixture.render(state).grid.lines
        #expect(lines[2] == "───────────────────────────────────────────────────────────────── 6–25 of 25 ↑ ─")
        #expect(lines[22] == " Extended license  license              $99.00")
        #expect(lines[1] == " Frozen Lake Baikal at dawn")   // the title stays
    }

    @Test func anOffsetPastTheEndIsClampedWhenDrawing() {
        var state = ViewFixture.detailState()
        state.detail?.scrollOffset = 1_000
        let lines = ViewFixture.render(state).grid.lines
        #expect(lines[22] == " Extended license  license              $99.00")
    }

    @Test func loadingAndErrorLines() {
        let loading = ViewFixture.render(ViewFixture.detailState(loaded: false)).grid
        #expect(loading.lines[3] == " Loading full details…")
        #expect(loading[1, 3].style == ViewStyle.muted)
        #expect(loading.lines[23].contains("⠋ loading"))

        var failed = ViewFixture.detailState(loaded: false)
        _ = failed.reduce(.assetAnswered(failed.detail!.requestID!, .failure(BrowserFailure(message: "HTTP 503"))))
        let grid = ViewFixture.render(failed).grid
        #expect(Array(grid.lines[3...4]) == [" HTTP 503", " r retry"])
        #expect(grid[1, 3].style == ViewStyle.error)
    }

    @Test func noProductsOnSale() throws {
        var state = ViewFixture.detailState(width: 120, height: 40)
        state.detail?.asset.products = []
        let lines = ViewFixture.render(state, width: 120, height: 40).grid.lines
        let y = try #require(lines.firstIndex(of: " Products"))
        #expect(lines[y + 1] == " No products on sale.")
    }

    @Test func videoFields() {
        var state = ViewFixture.detailState(width: 120, height: 40)
        var video = ViewFixture.assets[1]
        video.fps = 29.97
        video.codec = "H.264"
        video.fileSize = 247_000_000
        video.formats = ["mp4", "mov"]
        video.category = "nature-landscapes"
        state.detail?.asset = video
        let lines = ViewFixture.render(state, width: 120, height: 40).grid.lines
        for expected in [" Duration     1:05", " Frame rate   29.97 fps", " Resolution   4k", " Codec        H.264",
                         " File size    247 MB", " Formats      mp4, mov", " Category     nature-landscapes",
                         " Price level  premium 1"] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }
}
