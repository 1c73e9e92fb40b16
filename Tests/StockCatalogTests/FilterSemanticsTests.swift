import Foundation
import StockCore
import Testing
@testable import StockCatalog

/// Each filter means what the services' documents say, on small catalogs made for the purpose.
@Suite struct FilterSemanticsTests {
    static let day = Date(timeIntervalSince1970: 1_700_000_000)

    static func video(_ id: Int64, _ res: VideoResolution, duration: Double = 10) -> Asset {
        let (w, h) = res == .k4 ? (3840, 2160) : res == .p1080 ? (1920, 1080) : (1280, 720)
        return Asset(id: AssetID(id), kind: .video, title: "clip \(id)", width: w, height: h, duration: duration,
                     videoResolution: res, created: day)
    }

    func ids(_ assets: [Asset], _ query: String = "", _ configure: (inout SearchFilters) -> Void = { _ in }) throws -> Set<Int64> {
        let test = try TestCatalog(assets: assets)
        defer { test.remove() }
        var filters = SearchFilters()
        configure(&filters)
        let page = try test.catalog.search(SearchRequest(query: try QueryParser.parse(query), filters: filters, pageSize: 500))
        return Set(page.items.map(\.id.rawValue))
    }

    @Test func resolution4kAlsoMatches1080pAnd720pQueries() throws {
        let clips = [Self.video(1, .p720), Self.video(2, .p1080), Self.video(3, .k4)]
        #expect(try ids(clips) { $0.minResolution = .p720 } == [1, 2, 3])
        #expect(try ids(clips) { $0.minResolution = .p1080 } == [2, 3])
        #expect(try ids(clips, "resolution:4k") == [3])
    }

    @Test func tagsMustAllMatchAsWholeKeywords() throws {
        let assets = [
            Asset(id: 1, kind: .photo, title: "a", keywords: ["sunset", "drone"], width: 10, height: 10, created: Self.day),
            Asset(id: 2, kind: .photo, title: "b", keywords: ["sunset"], width: 10, height: 10, created: Self.day),
            Asset(id: 3, kind: .photo, title: "c", keywords: ["Slow Motion", "drone"], width: 10, height: 10, created: Self.day),
            Asset(id: 4, kind: .photo, title: "d", keywords: ["sunsets"], width: 10, height: 10, created: Self.day),
        ]
        #expect(try ids(assets) { $0.tags = ["sunset", "drone"] } == [1])
        #expect(try ids(assets, "tag:sunset") == [1, 2])
        #expect(try ids(assets, "tag:slow-motion") == [3])
    }

    @Test func orientationIsASetThatExcludesTheRest() throws {
        let assets = [
            Asset(id: 1, kind: .photo, title: "wide", width: 300, height: 200, created: Self.day),
            Asset(id: 2, kind: .photo, title: "tall", width: 200, height: 300, created: Self.day),
            Asset(id: 3, kind: .photo, title: "square", width: 300, height: 290, created: Self.day),
            Asset(id: 4, kind: .photo, title: "pano", width: 900, height: 300, created: Self.day),
        ]
        #expect(try ids(assets) { $0.orientations = [.horizontal, .square] } == [1, 3])
        #expect(try ids(assets, "orientation:panorama") == [4])
        #expect(try ids(assets, "orientation:portrait") == [2])
    }

    @Test func premiumIsTrueFalseOrAllAndFreeIsHiddenUnlessAskedFor() throws {
        let assets = (0...4).map { Asset(id: AssetID(Int64(10 + $0)), kind: .photo, title: "p", width: 10, height: 10, premiumLevel: PremiumLevel($0), created: Self.day) }
        #expect(try ids(assets) == [10, 12, 13, 14])
        #expect(try ids(assets) { $0.premium = .premiumOnly } == [12, 13, 14])
        #expect(try ids(assets) { $0.premium = .nonPremium } == [10])
        #expect(try ids(assets) { $0.free = .included } == [10, 11, 12, 13, 14])
        #expect(try ids(assets, "free:only") == [11])
        #expect(try ids(assets, "premium:false free:true") == [10, 11])
    }

    @Test func safeSearchLeavesOutMatureContent() throws {
        let assets = [
            Asset(id: 1, kind: .photo, title: "beach", width: 10, height: 10, mature: true, created: Self.day),
            Asset(id: 2, kind: .photo, title: "beach", width: 10, height: 10, created: Self.day),
        ]
        #expect(try ids(assets, "beach") == [1, 2])
        #expect(try ids(assets, "beach safe:true") == [2])
        #expect(try ids(assets) { $0.safeSearch = true } == [2])
    }

    @Test func rangesTakeAMinimumAMaximumOrBoth() throws {
        let assets = [
            Asset(id: 1, kind: .photo, title: "s", width: 4000, height: 3000, created: Self.day),
            Asset(id: 2, kind: .photo, title: "m", width: 6000, height: 4000, created: Self.day),
            Asset(id: 3, kind: .photo, title: "l", width: 8000, height: 6000, created: Self.day),
            Self.video(4, .k4, duration: 3), Self.video(5, .k4, duration: 12.5),
        ]
        #expect(try ids(assets, "width:>=5000") == [2, 3])
        #expect(try ids(assets, "height:..4000") == [1, 2, 4, 5])
        #expect(try ids(assets, "mp:>=20") == [2, 3])
        #expect(try ids(assets) { $0.width = NumericRange(parsing: "5000-7000") } == [2])
        #expect(try ids(assets) { $0.width = NumericRange(parsing: "-4000") } == [1, 4, 5])
        #expect(try ids(assets, "duration:3.5..12") == [])
        #expect(try ids(assets, "duration:3.5..13") == [5])
    }

    @Test func typeCategoryAndLicenseAreSets() throws {
        let assets = [
            Asset(id: 1, kind: .photo, title: "x", category: "urban-cinematic", width: 10, height: 10, licenseTypes: [.standard], created: Self.day),
            Asset(id: 2, kind: .vector, title: "x", category: "food-preparation", width: 10, height: 10, licenseTypes: [.editorial], created: Self.day),
            Asset(id: 3, kind: .video, title: "x", category: "urban-cinematic", width: 10, height: 10, licenseTypes: [.standard, .extended], created: Self.day),
        ]
        #expect(try ids(assets) { $0.kinds = [.photo, .vector] } == [1, 2])
        #expect(try ids(assets, "category:urban-cinematic") == [1, 3])
        #expect(try ids(assets) { $0.licenseTypes = [.editorial, .extended] } == [2, 3])
        #expect(try ids(assets, "type:video type:photo") == [])
    }

    @Test func diacriticsAndCaseDoNotMatterButYoStaysDistinct() throws {
        let assets = [
            Asset(id: 1, kind: .photo, title: "Café on Байкал", width: 10, height: 10, created: Self.day),
        ]
        #expect(try ids(assets, "cafe байкал") == [1])
        #expect(try ids(assets, "БАЙКАЛ") == [1])
    }
}
