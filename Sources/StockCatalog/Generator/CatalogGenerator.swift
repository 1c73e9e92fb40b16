import Foundation
import StockCore

/// Makes a plausible, deterministic stock catalog: photos, videos, illustrations, vectors and
/// templates across the 24 StockFlow categories, titled in English, Russian and Kazakh.
///
/// `asset(at:)` is a pure function of the seed and the index, so any slice can be made on its own
/// and in parallel, and the same seed gives byte-identical JSON Lines on every machine (no
/// Foundation randomness, no locale, no clock).
///
/// ```swift
/// let generator = CatalogGenerator(seed: 1)
/// let first = generator.asset(at: 0)            // id 10001
/// try generator.write(count: 5000, to: .standardOutput)
/// ```
public struct CatalogGenerator: Sendable {
    /// The seed every asset's random stream starts from.
    public let seed: UInt64

    /// A generator for the catalog of this seed.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The id of the asset at index 0; the asset at index `i` has id `firstID + i`.
    public static let firstID: Int64 = 10001

    /// Thumbnail sizes every asset gets, by longer side in pixels (Adobe's set).
    public static let thumbnailSizes = [110, 160, 240, 500, 1000]

    /// Where thumbnails point; the host is reserved (RFC 2606), so nothing is ever fetched from it.
    public static let thumbnailBase = "https://demo.stockterm.invalid/thumbs/"

    /// The 24 StockFlow categories, slugs as `GET /categories` gives them, with English names.
    public static let categories: [StockCore.Category] = GeneratorVocabulary.categories.map {
        StockCore.Category(slug: $0.slug, name: $0.name)
    }

    /// The first and last possible `created` instants: 2015-01-01T00:00:00Z and 2026-10-31T23:59:59Z.
    public static let createdRange: ClosedRange<Date> =
        Date(timeIntervalSince1970: TimeInterval(createdStart))...Date(timeIntervalSince1970: TimeInterval(createdEnd))

    static let createdStart = CivilDate.unixSeconds(year: 2015, month: 1, day: 1)
    static let createdEnd = CivilDate.unixSeconds(year: 2026, month: 10, day: 31) + 86_399

    /// The asset at `index` (0-based): the same value for the same seed and index, always.
    public func asset(at index: Int) -> Asset {
        precondition(index >= 0, "index must not be negative")
        var rng = SplitMix64(seed: seed, stream: UInt64(index))
        return AssetRecipe.make(index: index, rng: &rng)
    }

    /// The assets at the indices of `range`, in order.
    public func assets(in range: Range<Int>) -> [Asset] {
        range.map(asset(at:))
    }

    /// The JSON Lines line of the asset at `index`, without its newline.
    public func jsonLine(at index: Int) -> String {
        AssetJSONLWriter.line(for: asset(at: index))
    }
}
