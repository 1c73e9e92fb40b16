import Foundation
import Testing
@testable import StockCatalog
import StockCore

/// The deterministic demo-catalog generator: purity, the import format, and the shape of the
/// catalog the brief asks for (kinds, languages, sizes, licenses, prices).
///
/// To regenerate the committed files after changing the vocabulary:
/// `STOCKTERM_REGENERATE_ASSETS=1 swift test --filter CatalogGeneratorTests`.
@Suite struct CatalogGeneratorTests {
    static let sample = CatalogGenerator(seed: 1).assets(in: 0..<20_000)

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Which language an asset is written in, judged by its description's letters.
    static func language(of asset: Asset) -> GeneratedLanguage {
        let text = asset.description.lowercased()
        if text.contains(where: { "әғқңөұүһі".contains($0) }) { return .kazakh }
        if text.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) { return .russian }
        return .english
    }

    static func fraction(_ predicate: (Asset) -> Bool, of assets: [Asset] = sample) -> Double {
        Double(assets.filter(predicate).count) / Double(assets.count)
    }

    // MARK: Purity and format

    @Test func sameSeedAndIndexGiveTheSameAssetInAnyOrder() {
        let a = CatalogGenerator(seed: 42), b = CatalogGenerator(seed: 42)
        let forwards = (0..<50).map { a.asset(at: $0) }
        let backwards = (0..<50).reversed().map { b.asset(at: $0) }
        #expect(forwards == Array(backwards.reversed()))
        #expect(a.asset(at: 123_456) == b.asset(at: 123_456))
    }

    @Test func differentSeedsGiveDifferentCatalogs() {
        let one = CatalogGenerator(seed: 1).assets(in: 0..<20).map(\.title)
        let two = CatalogGenerator(seed: 2).assets(in: 0..<20).map(\.title)
        #expect(one != two)
    }

    @Test func idsCountUpFrom10001() {
        let generator = CatalogGenerator(seed: 9)
        #expect(generator.asset(at: 0).id == AssetID(10001))
        #expect(generator.asset(at: 999).id == AssetID(11000))
    }

    @Test func everyWrittenLineDecodesIntoTheAssetItWasWrittenFrom() throws {
        let generator = CatalogGenerator(seed: 1)
        var bytes: [UInt8] = []
        generator.write(count: 3000) { bytes += $0 }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.count == 3001)
        #expect(lines.last?.isEmpty == true)
        let decoder = JSONDecoder()
        for (index, line) in lines.dropLast().enumerated() {
            let decoded = try decoder.decode(Asset.self, from: Data(line))
            #expect(decoded == generator.asset(at: index), "line \(index + 1)")
        }
    }

    @Test func parallelChunksKeepTheOrderOfSerialLines() {
        let generator = CatalogGenerator(seed: 5)
        var parallel: [UInt8] = []
        generator.write(count: 300, startingAt: CatalogGenerator.chunkSize - 100) { parallel += $0 }
        var serial: [UInt8] = []
        for index in (CatalogGenerator.chunkSize - 100)..<(CatalogGenerator.chunkSize + 200) {
            serial += Array(generator.jsonLine(at: index).utf8) + [0x0A]
        }
        #expect(parallel == serial)
    }

    @Test func writtenLinesHoldTheSameFieldsAsJSONEncoder() throws {
        let asset = CatalogGenerator(seed: 3).asset(at: 7)
        let ours = try JSONSerialization.jsonObject(with: Data(AssetJSONLWriter.line(for: asset).utf8)) as! NSDictionary
        let encoder = JSONEncoder()
        let theirs = try JSONSerialization.jsonObject(with: encoder.encode(asset)) as! NSDictionary
        #expect(ours == theirs)
    }

    @Test func writerEscapesQuotesBackslashesAndControls() throws {
        let created = Date(timeIntervalSince1970: -86_400 * 365)  // 1969, before the epoch
        let asset = Asset(id: 7, kind: .photo, title: "Say \"hi\" \\ back\u{1}\u{1F}",
                          description: "line\nbreak\ttab\r 🏔️ Алматы қаласы", keywords: ["a/b", "</script>"],
                          width: 10, height: 10, duration: 8.4, fps: 29.97, created: created, popularity: -3,
                          thumbnails: [500: "u5", 110: "u1"],
                          exif: EXIF(focalLength: 6.765, aperture: 1.78, captureDate: Date(timeIntervalSince1970: 0)))
        let line = AssetJSONLWriter.line(for: asset)
        #expect(!line.contains("\n"))
        #expect(line.contains(#""thumbnails":{"110":"u1","500":"u5"}"#))
        #expect(line.contains(#""created":"1969-01-01T00:00:00Z""#))
        let decoded = try JSONDecoder().decode(Asset.self, from: Data(line.utf8))
        #expect(decoded == asset)
    }

    @Test func datesFormatLikeISODate() {
        var rng = SplitMix64(state: 77)
        for _ in 0..<500 {
            let seconds = Int64(rng.below(4_000_000_000)) - 500_000_000
            var bytes: [UInt8] = []
            CivilDate.appendISO8601(seconds, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == ISODate.format(Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    // MARK: What the catalog holds

    @Test func categoriesAreTheTwentyFourStockFlowSlugs() {
        let slugs = ["nature-landscapes", "urban-cinematic", "food-preparation", "tech-workplace", "people-lifestyle",
                     "business-finance", "travel-landmarks", "sports-fitness", "health-medical", "education-science",
                     "animals-wildlife", "architecture-interiors", "industry-manufacturing", "transport-logistics",
                     "fashion-beauty", "music-entertainment", "holidays-celebrations", "aerial-drone",
                     "abstract-backgrounds", "agriculture-farming", "energy-environment", "family-kids", "art-culture",
                     "weather-seasons"]
        #expect(CatalogGenerator.categories.map(\.slug) == slugs)
        #expect(CatalogGenerator.categories.allSatisfy { !$0.name.isEmpty && $0.name.allSatisfy(\.isASCII) })
        #expect(Set(Self.sample.compactMap(\.category)) == Set(slugs))
    }

    @Test func kindsFollowTheRequestedMix() {
        let expected: [AssetKind: Double] = [.photo: 0.50, .video: 0.25, .illustration: 0.12, .vector: 0.10, .template: 0.03]
        for (kind, share) in expected {
            let actual = Self.fraction { $0.kind == kind }
            #expect(abs(actual - share) < 0.015, "\(kind): \(actual)")
        }
    }

    @Test func languagesAreSixtyPercentEnglishQuarterRussianRestKazakh() {
        let expected: [GeneratedLanguage: Double] = [.english: 0.60, .russian: 0.25, .kazakh: 0.15]
        for (language, share) in expected {
            let actual = Self.fraction { Self.language(of: $0) == language }
            #expect(abs(actual - share) < 0.015, "\(language): \(actual)")
        }
    }

    @Test func kazakhTitlesUseKazakhLettersAndPlaceNamesAppear() {
        let kazakh = Self.sample.filter { Self.language(of: $0) == .kazakh }
        let letters = Set("әғқңөұүһі")
        let used = Set(kazakh.flatMap { $0.title.lowercased() + $0.keywords.joined() }.filter { letters.contains($0) })
        #expect(used == letters)
        let all = Self.sample.map(\.title).joined(separator: "\n")
        for place in ["Baikal", "Байкал", "Almaty", "Алматы", "Moscow", "Москва", "Astana", "Астана", "Мәскеу"] {
            #expect(all.contains(place), "\(place)")
        }
    }

    @Test func keywordsAreFiveToFifteenUniqueWordsInTheTitlesLanguage() {
        for asset in Self.sample {
            #expect((5...15).contains(asset.keywords.count), "\(asset.id): \(asset.keywords)")
            #expect(Set(asset.keywords).count == asset.keywords.count, "\(asset.id): \(asset.keywords)")
        }
        let russian = Self.sample.filter { Self.language(of: $0) == .russian }
        let withEnglish = Self.fraction({ $0.keywords.contains { $0.allSatisfy(\.isASCII) && $0.contains(where: \.isLetter) } }, of: russian)
        #expect(withEnglish > 0.1 && withEnglish < 0.3, "\(withEnglish)")
    }

    @Test func textUsesNoYoSoThatSearchesForYeFindIt() {
        for asset in Self.sample.prefix(5000) {
            #expect(!(asset.title + asset.description + asset.keywords.joined()).lowercased().contains("ё"), "\(asset.id)")
        }
    }

    @Test func allFourOrientationsOccurAndFollowTheDimensions() {
        for orientation in Orientation.allCases {
            #expect(Self.fraction { $0.orientation == orientation } > 0.03, "\(orientation)")
        }
        for asset in Self.sample {
            #expect(asset.orientation == Orientation(width: asset.width, height: asset.height))
            if asset.orientation == .panorama {
                #expect(max(asset.width, asset.height) >= 2 * min(asset.width, asset.height))
            }
        }
    }

    @Test func photosAreThreeToEightThousandPixelsWideWithEXIF() {
        for asset in Self.sample where asset.kind == .photo {
            #expect((3000...8000).contains(asset.width), "\(asset.id)")
            #expect(asset.camera != nil && asset.composition != nil)
            #expect(asset.exif?.cameraMake != nil && asset.exif?.shutter != nil && asset.exif?.iso != nil)
            #expect(asset.exif!.captureDate! < asset.created)
            #expect(asset.formats.first == "jpeg" && asset.colorProfile != nil)
        }
        let cameras = Set(Self.sample.compactMap(\.camera))
        #expect(cameras == Set(Camera.allCases))
    }

    @Test func videosHaveDurationFrameRateCodecAndMatchingResolution() {
        let videos = Self.sample.filter { $0.kind == .video }
        for video in videos {
            #expect((3...60).contains(video.duration ?? 0), "\(video.id)")
            #expect([24, 25, 30, 50, 60].contains(video.fps ?? 0))
            #expect(["H.264", "H.265", "ProRes 422"].contains(video.codec ?? ""))
            #expect(video.videoResolution != nil && video.videoResolution == VideoResolution(width: video.width, height: video.height))
            #expect(!video.formats.isEmpty && video.formats.allSatisfy { ["mp4", "mov", "webm"].contains($0) })
            #expect((video.fileSize ?? 0) > 100_000)
            #expect(video.exif == nil)
        }
        let ungraded = Self.fraction({ $0.ungraded }, of: videos)
        #expect(abs(ungraded - 0.15) < 0.03, "\(ungraded)")
        #expect(Set(videos.compactMap(\.videoResolution)) == Set(VideoResolution.allCases))
    }

    @Test func vectorsComeAsVectorFilesPlusRasterPreviews() {
        for vector in Self.sample where vector.kind == .vector {
            #expect(vector.formats.contains("eps") && vector.formats.contains("jpeg"))
            #expect(vector.formats.allSatisfy { ["ai", "eps", "svg", "jpeg", "png"].contains($0) })
        }
    }

    @Test func licensesPremiumMatureAndCuratedShares() {
        #expect(abs(Self.fraction { $0.licenseTypes == [.editorial] } - 0.10) < 0.015)
        #expect(Self.fraction { $0.licenseTypes.contains(.extended) } > 0.2)
        #expect(abs(Self.fraction { $0.premiumLevel == .core } - 0.60) < 0.02)
        #expect(abs(Self.fraction { $0.premiumLevel == .free } - 0.08) < 0.015)
        #expect(abs(Self.fraction { $0.mature } - 0.03) < 0.01)
        #expect(abs(Self.fraction { $0.curated } - 0.05) < 0.01)
        for asset in Self.sample {
            #expect(asset.mature == !asset.contentWarnings.isEmpty)
        }
    }

    @Test func productsAreSizesPlusExtendedLicensesInOneCurrency() {
        for asset in Self.sample {
            let sizes = asset.products.filter { $0.type == .deliverable }
            let licenses = asset.products.filter { $0.type == .license }
            #expect((2...3).contains(sizes.count), "\(asset.id)")
            #expect(sizes.allSatisfy { $0.dimensions != nil })
            #expect(licenses.isEmpty == !asset.licenseTypes.contains(.extended), "\(asset.id)")
            #expect(licenses.count <= 3)
            let currencies = Set(asset.products.map(\.price.currency))
            #expect(currencies.count == 1)
            #expect(asset.products.allSatisfy { $0.price.decimals == 2 })
            if asset.premiumLevel == .free {
                #expect(sizes.allSatisfy { $0.price.amount == 0 })
            } else {
                #expect(sizes.allSatisfy { $0.price.amount > 0 })
            }
            #expect(asset.resolutionTiers.count >= sizes.count)
        }
        let rub = Self.fraction { $0.products.first?.price.currency == "RUB" }
        let kzt = Self.fraction { $0.products.first?.price.currency == "KZT" }
        #expect(abs(rub - 0.10) < 0.02, "RUB \(rub)")
        #expect(abs(kzt - 0.05) < 0.015, "KZT \(kzt)")
    }

    @Test func datesPopularityThumbnailsAndAttribution() {
        for asset in Self.sample {
            #expect(CatalogGenerator.createdRange.contains(asset.created))
            #expect((0...1_000_000).contains(asset.popularity))
            #expect(asset.thumbnails.keys.sorted() == [110, 160, 240, 500, 1000])
            #expect(asset.thumbnails[240] == "https://demo.stockterm.invalid/thumbs/\(asset.id)_240.jpg")
            #expect(asset.attribution == "© \(asset.contributor!.name) / stockterm demo")
        }
        let popularity = Self.sample.map(\.popularity).sorted()
        #expect(popularity[popularity.count / 2] < 200)            // most assets are rarely seen
        #expect(popularity[popularity.count * 999 / 1000] > 10_000)  // a few are hits
        let years = Set(Self.sample.map { Calendar(identifier: .gregorian).component(.year, from: $0.created) })
        #expect(years.count == 12)  // 2015 to 2026
    }

    @Test func contributorsAreAFewHundredWithStableIDs() {
        let pool = GeneratorContributors.pool
        #expect(pool.count == 300)
        #expect(Set(pool.map(\.name)).count == 300)
        #expect(pool.first?.id == 101 && pool.last?.id == 400)
        #expect(pool.contains { $0.name.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } })
        #expect(Set(Self.sample.compactMap(\.contributor?.id)).count > 250)
    }

    // MARK: The committed files

    @Test func demoCatalogIsTheGeneratorsOutputForSeedOne() throws {
        let root = Self.repositoryRoot
        let catalog = root.appendingPathComponent("assets/catalog/demo.jsonl")
        var bytes: [UInt8] = []
        CatalogGenerator(seed: 1).write(count: 5000) { bytes += $0 }
        if ProcessInfo.processInfo.environment["STOCKTERM_REGENERATE_ASSETS"] == "1" {
            try Data(bytes).write(to: catalog)
            try Data(GeneratorSynonyms.tsv().utf8).write(to: root.appendingPathComponent("assets/synonyms.tsv"))
        }
        let committed = try Data(contentsOf: catalog)
        #expect(committed == Data(bytes), "regenerate with STOCKTERM_REGENERATE_ASSETS=1")
    }

    @Test func synonymTableLinksEveryKeywordAcrossLanguages() throws {
        let url = Self.repositoryRoot.appendingPathComponent("assets/synonyms.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == GeneratorSynonyms.tsv(), "regenerate with STOCKTERM_REGENERATE_ASSETS=1")
        let table = SynonymTable(tsv: text)
        #expect(table.groups.count >= 80)
        #expect(table.groups.contains(["car", "automobile", "машина", "автомобиль", "көлік"]))
        #expect(table.groups.contains(["city", "город", "қала"]))
        for term in GeneratorVocabulary.allTerms {
            let synonyms = table.synonyms(of: term.english)
            for other in [term.russian, term.kazakh] where other != term.english {
                #expect(synonyms.contains(other), "\(term.english) → \(other)")
            }
        }
        for (english, russian, kazakh) in [("lake", "озеро", "көл"), ("mountain", "гора", "тау"), ("night", "ночь", "түн"),
                                           ("dog", "собака", "ит")] {
            #expect(Set(table.synonyms(of: kazakh)).isSuperset(of: [english, russian]))
        }
    }
}
