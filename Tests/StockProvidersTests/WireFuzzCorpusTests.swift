import Foundation
import StockCore
import Testing
@testable import StockProviders

/// The committed fuzz corpus (`Tests/FuzzCorpus/<service>/`, docs/fuzzing.md) replayed without
/// libFuzzer: every file through every service's decoders and mappings, in a child process so
/// that a trap fails the test (naming the file) instead of ending the whole run. And the inputs
/// fuzzing found that used to crash.
@Suite("Wire decoders against the fuzz corpus")
struct WireFuzzCorpusTests {
    /// `Tests/FuzzCorpus`, found from this file.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    /// The corpus files of `service`, sorted.
    static func files(_ service: WireFuzzing.Service) -> [URL] {
        let folder = corpus.appendingPathComponent(service.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("each service has a small seeded corpus within make fuzz's -max_len", arguments: WireFuzzing.Service.allCases)
    func corpusIsSeededAndSmall(_ service: WireFuzzing.Service) throws {
        let files = Self.files(service)
        #expect((10...60).contains(files.count), "\(service.rawValue): \(files.count) files")
        for file in files {
            let size = try Data(contentsOf: file).count
            #expect(size > 0 && size <= 65536, "\(file.lastPathComponent): \(size) bytes")
        }
    }

    @Test("every corpus file goes through every service's decoders without a crash")
    func corpusReplays() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("FuzzCorpus")
            var fed = 0
            for service in WireFuzzing.Service.allCases {
                let folder = corpus.appendingPathComponent(service.rawValue)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? [] {
                    let data = try Data(contentsOf: folder.appendingPathComponent(name))
                    for target in WireFuzzing.Service.allCases {
                        // Named before it is fed: the last name on stderr is the file at fault.
                        FileHandle.standardError.write(Data("feeding \(service.rawValue)/\(name) to \(target.rawValue)\n".utf8))
                        WireFuzzing.feed(target, data)
                    }
                    fed += 1
                }
            }
            guard fed >= 30 else { exit(3) }
        }
        if let result {
            if case .exitCode(0) = result.exitStatus { return }
            let lines = String(decoding: result.standardErrorContent, as: UTF8.self).split(separator: "\n")
            Issue.record("the replay stopped at: \(lines.last(where: { $0.hasPrefix("feeding") }) ?? "(no file)")")
        }
    }

    // MARK: Inputs fuzzing found

    @Test("a number beyond 2^53 is unreadable, not a trap when made an Int64 (creator_id, size_bytes, cce_agency id)")
    func hugeNumbersAreUnreadable() throws {
        let decoder = JSONDecoder()
        for text in ["1e30", "\"1e300\"", "-9.3e18", "9007199254740992"] {
            #expect(throws: DecodingError.self, "\(text)") { try decoder.decode(FlexibleNumber.self, from: Data(text.utf8)) }
        }
        #expect(try decoder.decode(FlexibleNumber.self, from: Data("9007199254740991".utf8)).value == 9_007_199_254_740_991)
        #expect(try decoder.decode(FlexibleNumber.self, from: Data("\"-29.97\"".utf8)).value == -29.97)
    }

    @Test("Adobe files and profiles with numbers beyond Int64 map without a trap")
    func adobeHugeNumbers() async {
        await #expect(processExitsWith: .success) {
            // AdobeStockMapping: Int64(creator_id) and Int64(size_bytes); AdobeLicenseCost: Int64(cce_agency id).
            WireFuzzing.feed(.adobeStock, Data(#"{"files":[{"id":1,"media_type_id":1,"creator_id":1e30,"size_bytes":"1e30"}]}"#.utf8))
            WireFuzzing.feed(.adobeStock, Data(#"{"cce_agency":[{"id":1e30,"text":"Project"}]}"#.utf8))
        }
    }

    @Test("Adobe maps a file with creator_id 1e30 with no contributor, not left out")
    func adobeHugeCreatorID() throws {
        let list = try WireDecoding.decode(AdobeStockFileList.self, from: Data(#"{"files":[{"id":1,"media_type_id":1,"creator_id":1e30}]}"#.utf8), what: "test")
        #expect(list.files.count == 1)
        #expect(list.files.first?.creatorID == nil)
    }

    @Test("Adobe's overage price with a dollar amount beyond Int64 cents does not trap (AdobeLicenseCost.overagePrice)")
    func adobeOverageOverflow() async {
        // `whole * 100 + cents` overflowed for 17 or more digits; now no price is read.
        await #expect(processExitsWith: .success) {
            WireFuzzing.feed(.adobeStock, Data(#"{"purchase_options":{"state":"overage","message":"license it for $999999999999999999?"}}"#.utf8))
        }
        #expect(AdobeLicenseCost.overagePrice("license it for $999999999999999999?") == nil)
        #expect(AdobeLicenseCost.overagePrice("license it for $2.99?") == Money(amount: 299, currency: "USD", decimals: 2))
    }
}
