import Foundation
@testable import StockCatalog
import StockCore

/// A small random catalog written to a temporary folder, built from its own vocabulary and
/// random numbers (not the product's generator), so the tests do not share the code they check.
struct TestCatalog {
    let directory: URL
    let file: URL
    let assets: [Asset]
    let catalog: LocalCatalog

    static let words = ["lake", "ice", "drone", "city", "night", "forest", "winter", "sunset", "river", "mountain",
                        "байкал", "озеро", "город", "ночь", "қала", "көл", "тау", "street", "aerial", "market"]
    static let categories = ["nature-landscapes", "urban-cinematic", "food-preparation", "tech-workplace", "aerial-drone"]

    /// A deterministic pseudo-random source: StockCore's SplitMix64 (the generator only, not the
    /// product's catalog generator, whose output these tests must not depend on).
    typealias Random = SplitMix64

    static func randomAssets(count: Int, seed: UInt64) -> [Asset] {
        var r = Random(state: seed)
        return (0..<count).map { i in
            let kind = r.pick(AssetKind.allCases)
            let w = r.int(400...8000), h = r.int(400...8000)
            let title = (0..<r.int(2...5)).map { _ in r.pick(words) }.joined(separator: " ")
            let keywords = (0..<r.int(0...4)).map { _ in r.pick(words) } + (r.chance(0.2) ? ["slow motion"] : [])
            let res: VideoResolution? = kind == .video ? r.pick(VideoResolution.allCases) : nil
            var licenses: [LicenseType] = [r.pick(LicenseType.allCases)]
            if r.chance(0.3) { licenses.append(.extended) }
            return Asset(
                id: AssetID(Int64(1000 + i * 3)), kind: kind, title: title,
                description: (0..<r.int(0...6)).map { _ in r.pick(words) }.joined(separator: " "),
                keywords: keywords, category: r.chance(0.9) ? r.pick(categories) : nil,
                width: w, height: h, duration: kind == .video ? Double(r.int(10...600)) / 10 : nil,
                videoResolution: res, licenseTypes: Array(Set(licenses)).sorted(),
                premiumLevel: PremiumLevel(r.int(0...4)), mature: r.chance(0.1),
                camera: r.chance(0.5) ? r.pick(Camera.allCases) : nil,
                composition: r.chance(0.5) ? r.pick(Composition.allCases) : nil,
                ungraded: kind == .video && r.chance(0.3),
                created: Date(timeIntervalSince1970: Double(r.int(1_400_000_000...1_790_000_000))),
                popularity: r.chance(0.2) ? 7 : r.int(0...5000), curated: r.chance(0.1),
                products: [Product(productTypeId: 1, type: .deliverable, name: "Small", price: Money(amount: Int64(r.int(100...9000)), currency: "USD"))]
            )
        }
    }

    /// Writes `assets` (or `lines` as they are) to a JSONL file and opens it.
    init(assets: [Asset], extraLines: [String] = [], synonyms: SynonymTable? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        file = directory.appendingPathComponent("catalog.jsonl")
        let encoder = JSONEncoder()
        var text = ""
        for a in assets { text += String(decoding: try encoder.encode(a), as: UTF8.self) + "\n" }
        for l in extraLines { text += l + "\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)
        self.assets = assets
        let table = synonyms
        catalog = try LocalCatalog.open(source: file, cacheDirectory: directory.appendingPathComponent("cache"),
                                        synonyms: { table?.expansions(of: $0) ?? [] }).0
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { int(in: range) }
    mutating func chance(_ p: Double) -> Bool { Double(below(10_000)) / 10_000 < p }
}
