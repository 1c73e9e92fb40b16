import StockCore
import Testing
@testable import StockCatalog

/// Ranges folded into integer bounds agree with `NumericRange.contains` at the edges.
@Suite struct NumericBoundsTests {
    func bounds(width: [String] = [], mp: [String] = []) -> NumericBounds {
        NumericBounds(width: width.compactMap(NumericRange.init(parsing:)), height: [],
                      megapixels: mp.compactMap(NumericRange.init(parsing:)), duration: [])
    }

    @Test func exclusiveAndFractionalEdgesMatchTheRanges() {
        let cases: [([String], UInt32, Bool)] = [
            ([">5000"], 5000, false), ([">5000"], 5001, true), ([">=5000"], 5000, true),
            (["<5000"], 5000, false), (["<5000"], 4999, true), ([">4999.5"], 5000, true), ([">4999.5"], 4999, false),
            (["5000..6000"], 6000, true), (["5000..6000"], 6001, false), ([">=5000", "<=4000"], 4500, false),
        ]
        for (ranges, width, expected) in cases {
            #expect(bounds(width: ranges).contains(width: width, height: 1, duration: 0, isVideo: false) == expected, "\(ranges) \(width)")
        }
    }

    @Test func megapixelsCompareWholePixelCounts() {
        #expect(bounds(mp: [">=20"]).contains(width: 5000, height: 4000, duration: 0, isVideo: false))
        #expect(!bounds(mp: [">20"]).contains(width: 5000, height: 4000, duration: 0, isVideo: false))
        #expect(bounds(mp: [">=19.5"]).contains(width: 5000, height: 3900, duration: 0, isVideo: false))
        #expect(!bounds(mp: ["<19.5"]).contains(width: 5000, height: 3900, duration: 0, isVideo: false))
    }
}
