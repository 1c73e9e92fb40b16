import Foundation
import StockCore
import StockHTTP
import Testing
@testable import StockProviders

/// StockFlow as it may really answer: license names stockterm does not know, dates it cannot
/// read, numbers as strings, odd shapes, clips that cannot be read at all.
@Suite(.serialized) struct StockFlowTolerantReaderTests {
    typealias C = StockFlowClientTests

    static func clip(_ json: String) throws -> Asset {
        try WireDecoding.decode(StockFlowClip.self, from: Data(json.utf8), what: "clip").asset()
    }

    @Test func anUnknownLicenseTypeIsUnknownNotStandard() throws {
        let a = try Self.clip(#"{"id":1,"title":"a","license_type":"royalty-free-plus"}"#)
        #expect(a.licenseTypes.isEmpty && a.otherLicenses == ["royalty-free-plus"])
        let both = try Self.clip(#"{"id":1,"title":"a","license_type":["Extended","broadcast",7]}"#)
        #expect(both.licenseTypes == [.extended] && both.otherLicenses == ["broadcast", "7"])
        // No license_type at all: StockFlow's documented default, standard.
        #expect(try Self.clip(#"{"id":1,"title":"a"}"#).licenseTypes == [.standard])
        #expect(try Self.clip(#"{"id":1,"title":"a","license_type":null}"#).otherLicenses.isEmpty)
    }

    @Test func anUnreadableDateIsUnknownNot1970() throws {
        for created in [#""yesterday""#, "1730643720", "{}", "[]", #""2024-13-45T99:00:00Z""#] {
            let a = try Self.clip(#"{"id":1,"title":"a","created_at":\#(created)}"#)
            #expect(a.created == WireDate.unknown && !a.createdIsKnown, "\(created)")
        }
    }

    @Test func oddShapesOfFieldsTheClientCanDoWithout() throws {
        let a = try Self.clip(#"""
        {"id":"18742","title":"Baikal","author":"Mikhail Volkov","fps":"29.97","file_size_mb":"247.5","duration_sec":"8.4",
         "tags":["drone",5,"lake"],"formats_available":{},"format":"MP4","thumbnail_url":null,"category_id":[],
         "resolution":"8k","width":"","height":[],"color_profile":"ProPhoto","content_warnings":"none","description":42}
        """#)
        #expect(a.id == 18742 && a.title == "Baikal")
        #expect(a.contributor == nil && a.attribution == "© Mikhail Volkov / StockFlow")
        #expect(a.fps == 29.97 && a.fileSize == 247_500_000 && a.duration == 8.4)
        #expect(a.keywords == ["drone", "lake"] && a.formats == ["mp4"])
        #expect(a.thumbnails.isEmpty && a.category == nil && a.description == "")
        #expect(a.videoResolution == nil && a.width == 0 && a.height == 0)
        #expect(a.colorProfile == nil && a.contentWarnings.isEmpty)
        let withID = try Self.clip(#"{"id":1,"title":"a","author":{"id":"391","display_name":"Mikhail Volkov"}}"#)
        #expect(withID.contributor == Contributor(id: 391, name: "Mikhail Volkov"))
    }

    @Test func aClipOfAnUnknownLicenseIsNeverOfferedAsStandard() throws {
        var a = try Self.clip(#"{"id":1,"title":"a","license_type":"broadcast","resolution":"1080p","formats_available":["mp4"]}"#)
        #expect(StockFlowDeliverable.options(for: a).isEmpty)
        a.otherLicenses = []
        #expect(StockFlowDeliverable.options(for: a).map(\.id) == ["mp4-1080p-standard"])
    }

    /// `count` clips from id `first`, with `bad` positions written as unreadable records.
    static func page(first: Int, count: Int, bad: Set<Int>, total: Int) -> String {
        let data = (0..<count).map { i in
            bad.contains(i) ? #"{"title":"no id \#(i)"}"# : #"{"id":\#(first + i),"title":"Clip \#(first + i)","resolution":"4k"}"#
        }
        return #"{"data":[\#(data.joined(separator: ","))],"pagination":{"page":1,"total_items":"\#(total)"}}"#
    }

    @Test func aSearchPageListsTheRestAndCountsWhatItLeftOut() async throws {
        // Page 2 of 50 is served from pages 1 and 2 of 60: positions 50 to 99. Position 55 (page
        // 1) and 62 (page 2's third) cannot be read; the page holds the other 48.
        try await ScriptedServer.with({ r in
            switch (r.method, r.path) {
            case ("POST", "/v2/oauth/token"): return C.token("t1", refresh: "r1")
            case ("GET", "/v2/clips"):
                let page = r.query.first { $0.name == "page" }?.value == "2"
                return .json(200, page ? Self.page(first: 61, count: 60, bad: [2], total: 500) : Self.page(first: 1, count: 60, bad: [55], total: 500))
            default: return .json(404, "{}")
            }
        }) { base, log in
            let page = try await C.client(base).search(SearchRequest(page: 2, pageSize: 50))
            #expect(page.items.count == 48 && page.skipped.count == 2)
            #expect(page.items.first?.id == 51 && page.items.last?.id == 100)
            #expect(!page.items.contains { $0.id == 56 || $0.id == 63 })
            #expect(page.skipped.map(\.path) == ["data[55]", "data[2]"])
            #expect(page.total == 500)
            #expect(await log.requests.filter { $0.path == "/v2/clips" }.map { $0.query.first { $0.name == "per_page" }?.value } == ["60", "60"])
        }
    }

    @Test func aLookupLeavesOutAClipItCannotRead() async throws {
        try await ScriptedServer.with({ r in
            switch (r.method, r.path) {
            case ("POST", "/v2/oauth/token"): return C.token("t1", refresh: "r1")
            case ("GET", "/v2/clips/1"): return .json(200, #"{"id":1,"title":"One","license_type":"editorial"}"#)
            case ("GET", "/v2/clips/2"): return .json(200, #"{"title":"no id"}"#)
            default: return .json(404, #"{"error":{"code":"NOT_FOUND","message":"no clip","status":404}}"#)
            }
        }) { base, _ in
            let lookup = try await C.client(base).assets(ids: [1, 2, 3])
            #expect(lookup.assets.map(\.id) == [1] && lookup.assets[0].licenseTypes == [.editorial])
            #expect(lookup.unavailable == [3])
            #expect(lookup.skipped == [SkippedRecord(path: "clips/2", reason: "StockFlow clip 2: field \"id\" is missing")])
        }
    }
}
