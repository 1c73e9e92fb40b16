import BrowserModel
import Foundation
import StockCore
@testable import TerminalUI

/// Assets, pages and states for the view tests, built through the reducer as the app builds them.
enum ViewFixture {
    static let created = Date(timeIntervalSince1970: 1_700_000_000)   // 2023-11-14

    static func usd(_ cents: Int64) -> Money { Money(amount: cents, currency: "USD") }

    static func product(_ name: String, _ cents: Int64, _ width: Int, _ height: Int) -> Product {
        Product(productTypeId: width, type: .deliverable, name: name, price: usd(cents),
                dimensions: .init(width: width, height: height))
    }

    static func asset(_ id: Int64, _ title: String, kind: AssetKind = .photo, width: Int = 6000, height: Int = 4000,
                      duration: Double? = nil, premium: PremiumLevel = .core, price: Int64? = 900) -> Asset {
        Asset(id: AssetID(id), kind: kind, title: title, width: width, height: height, duration: duration,
              premiumLevel: premium, created: created,
              products: price.map { [product("Small", $0, 800, 533)] } ?? [])
    }

    /// Five assets of every badge: core, 4K premium video, free, illustration, vector.
    static let assets: [Asset] = [
        asset(10001, "Frozen Lake Baikal at dawn"),
        asset(10002, "Aerial view of the Altai mountains", kind: .video, width: 3840, height: 2160, duration: 65,
              premium: .premium1, price: 7900),
        asset(10003, "Steppe horses in the wind", premium: .free, price: nil),
        asset(10004, "Map of the Silk Road", kind: .illustration, width: 5000, height: 5000, price: 1250),
        asset(10005, "Yurt icon set", kind: .vector, width: 2000, height: 2000, premium: .premium3, price: 120_000),
    ]

    static let facets = FacetCounts(counts: [
        .type: ["photo": 9120, "illustration": 1500, "vector": 480, "video": 3262, "template": 20],
        .orientation: ["horizontal": 8000, "vertical": 4000, "square": 2000, "panorama": 382],
        .fourK: ["true": 1210],
        .premium: ["0": 10000, "1": 382, "2": 3000, "3": 800, "4": 200],
        .resolution: ["720p": 3262, "1080p": 3000, "4k": 1210],
        .category: ["nature-landscapes": 5120, "travel": 3001],
        .license: ["standard": 14382, "extended": 5000, "editorial": 120],
    ], estimated: [.category])

    static func page(_ items: [Asset], total: Int = 14_382, exact: Bool = true, facets: FacetCounts = facets) -> SearchPage {
        SearchPage(items: items, page: 1, pageSize: 60, total: total, totalIsExact: exact, facets: facets)
    }

    /// A browser sized for a `width` × `height` terminal, its first search answered with `page`
    /// (or still running when `page` is nil).
    static func state(width: Int = 80, height: Int = 24, query: String = "", page: SearchPage? = page(assets),
                      focus: Focus = .results) -> BrowserState {
        var state = BrowserState(providerName: "demo catalog", pageSize: 60, query: query)
        let layout = BrowserLayout(width: width, height: height, focus: focus)
        _ = state.reduce(.viewportChanged(rows: layout.resultRows, columns: layout.resultColumns))
        _ = state.reduce(.started)
        if let page { answer(&state, with: page) }
        if focus != .results { _ = state.reduce(.focus(focus)) }
        return state
    }

    /// Answers the running search with `page`; the pager then asks for page 2 at once, and the
    /// provider has nothing more.
    static func answer(_ state: inout BrowserState, with page: SearchPage) {
        guard let request = state.inFlight else { return }
        _ = state.reduce(.searchAnswered(request.id, .success(page)))
        if let next = state.inFlight {
            let end = SearchPage(items: [], page: 2, pageSize: page.pageSize, total: page.total,
                                 totalIsExact: page.totalIsExact, facets: page.facets)
            _ = state.reduce(.searchAnswered(next.id, .success(end)))
        }
    }

    /// The screen for `state` at `width` × `height`.
    static func render(_ state: BrowserState, width: Int = 80, height: Int = 24,
                       spinnerFrame: Int = 0) -> (grid: Grid, outcome: RenderOutcome) {
        var grid = Grid(width: width, height: height)
        let outcome = BrowserView.render(state, into: &grid, spinnerFrame: spinnerFrame)
        return (grid, outcome)
    }
}

extension ViewFixture {
    /// The first asset in full, as `.assetAnswered` brings it: description, contributor, EXIF,
    /// a content warning, sizes, keywords and three products.
    static var fullAsset: Asset {
        var asset = assets[0]
        asset.description = "Ice cracks run to the horizon under a pale winter sky; the shore is lined with hummocks of clear blue ice."
        asset.contributor = Contributor(id: 42, name: "Айгерім Садықова")
        asset.exif = EXIF(cameraMake: "Nikon", cameraModel: "Z 7II", lens: "NIKKOR Z 24-70mm f/4 S", focalLength: 35,
                          aperture: 8, shutter: "1/250", iso: 100)
        asset.contentWarnings = ["recognisable people without release"]
        asset.keywords = ["baikal", "ice", "winter", "lake", "siberia"]
        asset.colorProfile = .adobeRGB
        asset.resolutionTiers = [ResolutionTier(name: "S", width: 800, height: 533),
                                 ResolutionTier(name: "XL", width: 6000, height: 4000)]
        asset.products = [product("Small", 900, 800, 533), product("Extra large", 4900, 6000, 4000),
                          Product(productTypeId: 9, type: .license, name: "Extended license", price: usd(9900))]
        return asset
    }

    /// The detail view of the first result with `fullAsset` loaded (or still loading).
    static func detailState(width: Int = 80, height: Int = 24, loaded: Bool = true) -> BrowserState {
        var state = self.state(width: width, height: height)
        _ = state.reduce(.openDetail)
        if loaded, let id = state.detail?.requestID { _ = state.reduce(.assetAnswered(id, .success(fullAsset))) }
        return state
    }

    /// Titles in Russian, Kazakh, Japanese, with emoji (a VS16 mountain, a flag, a family) and
    /// with a combining accent.
    static let internationalAssets: [Asset] = [
        asset(1, "Озеро Байкал зимой, вид сверху на лёд"),
        asset(2, "Алматы тауларындағы көктем, Қазақстан"),
        asset(3, "東京の夜景と富士山の眺め、冬の朝"),
        asset(4, "🏔️ Mountains 🌄 at sunrise 🇰🇿 with 👨‍👩‍👧 family"),
        asset(5, "Cafe\u{301} de Flore, Paris"),
    ]

    /// `grid.lines` as a Swift array literal, to paste into a snapshot when a screen changes on purpose.
    static func literal(_ lines: [String]) -> String {
        "[\n" + lines.map { "    \"" + $0 + "\",\n" }.joined() + "]"
    }
}
