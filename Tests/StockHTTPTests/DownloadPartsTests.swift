import Foundation
import StockCore
import Testing
@testable import StockHTTP

/// The downloader's small pieces: Content-Range, the speed meter, partial-file tags, error bodies.
@Suite struct DownloadPartsTests {
    @Test func contentRangeForms() {
        let r = ContentRange("bytes 100-199/1000")
        #expect(r?.first == 100 && r?.last == 199 && r?.total == 1000)
        #expect(ContentRange("bytes */1000")?.total == 1000)
        #expect(ContentRange("bytes */1000")?.first == nil)
        #expect(ContentRange("bytes 0-9/*")?.total == nil)
        #expect(ContentRange("bytes 0-9/*")?.first == 0)
        for bad in ["", "items 0-9/10", "bytes 9-0/10", "bytes 0-9", "bytes a-b/10", "bytes 0-9/ten"] {
            #expect(ContentRange(bad) == nil, "\(bad)")
        }
    }

    @Test func theSpeedIsSmoothedAndGivesAnEta() {
        let t0 = ContinuousClock.now
        var meter = SpeedMeter(start: t0)
        meter.add(1_000_000, at: t0 + .milliseconds(500))       // 2 MB/s
        #expect(meter.smoothed == 2_000_000)
        meter.add(500_000, at: t0 + .milliseconds(1000))        // 1 MB/s: 0.3 of it, 0.7 of the old
        #expect(abs(meter.smoothed - 1_700_000) < 1)
        meter.add(10, at: t0 + .milliseconds(1100))              // too short a sample to count yet
        #expect(abs(meter.smoothed - 1_700_000) < 1)
        let p = meter.progress(received: 1_500_010, total: 3_200_010)
        #expect(p.bytesPerSecond == meter.smoothed)
        #expect(abs((p.etaSeconds ?? 0) - 1.0) < 0.001)
        #expect(meter.progress(received: 5, total: nil).etaSeconds == nil)
    }

    @Test func partTagsAreStableAndSafe() {
        #expect(PartialFile.tag(for: "18742-2") == "18742-2")
        #expect(PartialFile.tag(for: "abc_DEF") == "abc_DEF")
        let odd = PartialFile.tag(for: "../x y")
        #expect(odd == PartialFile.tag(for: "../x y"))
        #expect(odd.hasPrefix("xy-") && odd.count == 3 + 16)
        #expect(PartialFile.tag(for: "../x y") != PartialFile.tag(for: "x/y"))
        #expect(PartialFile.tag(for: "").hasPrefix("id-"))
        #expect(PartialFile.tag(for: "-rf").hasPrefix("rf-"))
        #expect(PartialFile.tag(for: String(repeating: "9", count: 100)).count == 24 + 1 + 16)
    }

    @Test func errorBodiesAreShortSafeAndRedacted() {
        let redactor = Redactor(secrets: ["sekret-token-1"])
        let xml = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message><Token>sekret-token-1</Token></Error>"
        #expect(Downloader.summary(of: xml, redactor: redactor) == "AccessDenied: Request has expired")
        #expect(Downloader.summary(of: "oops sekret-token-1\n\u{1B}[2Jmore", redactor: redactor) == "oops \(Redactor.mask)")
        #expect(DisplayWidth.of(Downloader.summary(of: String(repeating: "x", count: 1000), redactor: redactor)) == 160)
    }

    @Test func theFileNameComesFromTheCallerTheServiceOrTheURL() {
        let url = URL(string: "https://cdn.example/f/AdobeStock_99.jpeg?token=abc")!
        #expect(Downloader.fileName("Lake at dawn", DownloadLink(url: url), tag: "t") == "Lake at dawn.jpeg")
        #expect(Downloader.fileName("", DownloadLink(url: url, suggestedName: "Озеро.png"), tag: "t") == "Озеро.png")
        #expect(Downloader.fileName("", DownloadLink(url: url), tag: "t") == "AdobeStock_99.jpeg")
        #expect(Downloader.fileName("x.html", DownloadLink(url: url), tag: "t") == "x_html.jpeg")
        #expect(Downloader.fileName("..", DownloadLink(url: URL(string: "https://h/")!), tag: "t") == "download-t")
    }
}
