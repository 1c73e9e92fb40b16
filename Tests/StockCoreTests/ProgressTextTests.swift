import Testing
import StockCore

/// The download progress line at the widths a terminal may have.
@Suite struct ProgressTextTests {
    /// 12.4 MB of 25.8 MB at 3.1 MB/s with 4.3 s left.
    let midway = DownloadProgress(received: 12_400_000, total: 25_800_000, bytesPerSecond: 3_100_000, etaSeconds: 4.3)

    @Test func aWideLineHasEverything() {
        let line = ProgressText.line(midway, width: 80)
        #expect(line == "[██████████████▍░░░░░░░░░░░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05")
        #expect(DisplayWidth.of(line) == 76)
    }

    @Test func theBarTakesWhatIsLeft() {
        let line = ProgressText.line(midway, width: 64)
        #expect(line == "[████████▋░░░░░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05")
        #expect(DisplayWidth.of(line) == 64)
    }

    @Test func narrowLinesDropTheEtaThenTheSpeedThenTheSizesThenTheBar() {
        #expect(ProgressText.line(midway, width: 60) == "[██████▋░░░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05")
        #expect(ProgressText.line(midway, width: 56) == "[████▊░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05")
        // One column less: the ETA goes, and the bar takes its room.
        #expect(ProgressText.line(midway, width: 55) == "[█████████▏░░░░░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s")
        #expect(ProgressText.line(midway, width: 50) == "[██████▋░░░░░░░]  48%  12.4 MB / 25.8 MB  3.1 MB/s")
        #expect(ProgressText.line(midway, width: 40) == "[██████▋░░░░░░░]  48%  12.4 MB / 25.8 MB")
        #expect(ProgressText.line(midway, width: 30) == "[███████████░░░░░░░░░░░░]  48%")
        #expect(ProgressText.line(midway, width: 17) == "[████▊░░░░░]  48%")
        #expect(ProgressText.line(midway, width: 16) == "48%")
        #expect(ProgressText.line(midway, width: 2) == "48")
        #expect(ProgressText.line(midway, width: 0) == "")
        for width in 1...120 {
            #expect(DisplayWidth.of(ProgressText.line(midway, width: width)) <= width)
            #expect(DisplayWidth.of(ProgressText.line(midway, width: width, ascii: true)) <= width)
        }
    }

    @Test func asciiForDumbTerminals() {
        let line = ProgressText.line(midway, width: 64, ascii: true)
        #expect(line == "[########----------]  48%  12.4 MB / 25.8 MB  3.1 MB/s  ETA 0:05")
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ProgressText.bar(fraction: 0.5, cells: 10, ascii: true) == "#####-----")
        #expect(ProgressText.bar(fraction: 0.99, cells: 10, ascii: true) == "#########-")
    }

    @Test func anUnknownTotalShowsBytesAndSpeedOnly() {
        let p = DownloadProgress(received: 5_300_000, total: nil, bytesPerSecond: 1_200_000, etaSeconds: nil)
        #expect(ProgressText.line(p, width: 80) == "5.3 MB  1.2 MB/s")
        #expect(ProgressText.line(p, width: 10) == "5.3 MB")
        #expect(ProgressText.line(p, width: 4) == "5.3…")
        #expect(ProgressText.line(p, width: 4, ascii: true) == "5.3 ")
    }

    @Test func theStartAndTheEnd() {
        let start = DownloadProgress(received: 0, total: 1_000_000)
        #expect(ProgressText.line(start, width: 40) == "[░░░░░░░░░░░░░░░░░░░]   0%  0 B / 1.0 MB")
        let done = DownloadProgress(received: 1_000_000, total: 1_000_000, bytesPerSecond: 2_000_000, etaSeconds: 0)
        #expect(ProgressText.line(done, width: 60) == "[" + String(repeating: "█", count: 26) + "] 100%  1.0 MB / 1.0 MB  2.0 MB/s")
        // 99.9% is not 100%.
        #expect(ProgressText.percent(0.999) == " 99%")
    }

    @Test func barsFillInEighths() {
        #expect(ProgressText.bar(fraction: 0, cells: 4) == "░░░░")
        #expect(ProgressText.bar(fraction: 1.0 / 32, cells: 4) == "▏░░░")
        #expect(ProgressText.bar(fraction: 0.5, cells: 4) == "██░░")
        #expect(ProgressText.bar(fraction: 0.55, cells: 4) == "██▏░")   // 2.2 cells: the 0.2 is one eighth
        #expect(ProgressText.bar(fraction: 0.6, cells: 4) == "██▍░")
        #expect(ProgressText.bar(fraction: 1, cells: 4) == "████")
        #expect(ProgressText.bar(fraction: 2, cells: 4) == "████")
        #expect(ProgressText.bar(fraction: .nan, cells: 4) == "░░░░")
    }

    @Test func etaReadsLikeAClock() {
        #expect(ProgressText.eta(4.2) == "0:05")
        #expect(ProgressText.eta(0) == "0:00")
        #expect(ProgressText.eta(750) == "12:30")
        #expect(ProgressText.eta(3723) == "1:02:03")
        #expect(ProgressText.eta(.infinity) == nil)
        #expect(ProgressText.eta(-1) == nil)
        #expect(ProgressText.eta(400 * 3600) == nil)
    }
}
