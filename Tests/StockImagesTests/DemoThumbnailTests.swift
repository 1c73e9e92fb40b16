import Foundation
import StockAssets
import StockCore
import Testing
@testable import StockImages

/// `DemoThumbnail`: one deterministic, distinct picture per demo asset, in the asset's shape.
@Suite struct DemoThumbnailTests {
    /// Every asset of the demo catalog.
    static let demoAssets: [Asset] = {
        let data = try! Data(contentsOf: StockAssets.demoCatalogURL)
        return data.split(separator: UInt8(ascii: "\n")).map { line in
            try! Array(line).withUnsafeBytes { try Asset(jsonLine: $0) }
        }
    }()

    /// FNV-1a over the pixels and the size: a fingerprint to pin.
    func fingerprint(_ image: RGBImage) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in [UInt8(truncatingIfNeeded: image.width), UInt8(truncatingIfNeeded: image.height)] + image.pixels {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    func asset(_ id: Int64, category: String?, title: String = "Demo", kind: AssetKind = .photo,
               width: Int = 3000, height: Int = 2000) -> Asset {
        Asset(id: AssetID(id), kind: kind, title: title, category: category, width: width, height: height,
              created: Date(timeIntervalSince1970: 0))
    }

    @Test func theSameAssetGivesTheSamePixelsOnEveryRunAndMachine() {
        let first = Self.demoAssets[0]   // 10001, theatre masks, art-culture, 4462 × 2974
        let image = DemoThumbnail.image(for: first, width: 160)
        #expect(image == DemoThumbnail.image(for: first, width: 160))
        // Pinned: a change here means every demo thumbnail changed.
        #expect(fingerprint(image) == 11_383_760_444_914_207_271)
        #expect(fingerprint(DemoThumbnail.image(for: Self.demoAssets[1], width: 60)) == 12_658_541_156_974_150_658)
    }

    @Test func theAspectRatioIsTheAssets() {
        #expect(DemoThumbnail.image(for: asset(1, category: "nature-landscapes", width: 4462, height: 2974), width: 500).height == 333)
        #expect(DemoThumbnail.image(for: asset(1, category: "nature-landscapes", width: 2000, height: 3000), width: 100).height == 150)
        #expect(DemoThumbnail.image(for: asset(1, category: "nature-landscapes", width: 10_000, height: 10), width: 100).height == 1)
        #expect(DemoThumbnail.image(for: asset(1, category: nil, width: 0, height: 0), width: 64).height == 64)
        let image = DemoThumbnail.image(for: asset(1, category: "urban-cinematic"), width: 1)
        #expect(image.width == 1 && image.height == 1)
    }

    @Test func everyDemoAssetGetsItsOwnPicture() {
        var seen: [UInt64: AssetID] = [:]
        for asset in Self.demoAssets {
            let image = DemoThumbnail.image(for: asset, width: 16)
            let print = fingerprint(image)
            #expect(seen[print] == nil, "\(asset.id) looks like \(seen[print].map(String.init(describing:)) ?? "")")
            seen[print] = asset.id
        }
        #expect(seen.count == Self.demoAssets.count)
    }

    @Test func everySceneDrawsSomethingVaried() {
        let categories = Set(Self.demoAssets.compactMap(\.category)).sorted() + ["no-such-category"]
        for category in categories {
            for id in Int64(1) ... 8 {
                let image = DemoThumbnail.image(for: asset(id, category: category), width: 48)
                let distinct = Set(stride(from: 0, to: image.pixels.count, by: 3).map { image.pixels[$0 ..< $0 + 3] })
                #expect(distinct.count >= 8, "\(category) #\(id): \(distinct.count) colours")
            }
        }
    }

    @Test func wordsSetTheLight() {
        // The same asset by night is darker than by day, in English, Russian or Kazakh.
        func brightness(_ title: String) -> Int {
            let image = DemoThumbnail.image(for: asset(42, category: "urban-cinematic", title: title), width: 64)
            return image.pixels.reduce(0) { $0 + Int($1) } / image.pixels.count
        }
        let day = brightness("Tram on a city street on a sunny day")
        #expect(brightness("Tram on a city street at night") < day - 30)
        #expect(brightness("Трамвай ночью") < day - 30)
        #expect(brightness("Түнгі трамвай") < day - 30)
    }

    @Test func vectorsAreFlat() {
        func colours(_ kind: AssetKind) -> Int {
            let image = DemoThumbnail.image(for: asset(77, category: "nature-landscapes", kind: kind), width: 96)
            return Set(stride(from: 0, to: image.pixels.count, by: 3).map { image.pixels[$0 ..< $0 + 3] }).count
        }
        #expect(colours(.vector) * 3 < colours(.photo))
        #expect(colours(.illustration) == colours(.vector))
    }
}
