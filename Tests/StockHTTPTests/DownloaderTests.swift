import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StockCore
import StockSandbox
import Synchronization
import Testing
@testable import StockHTTP

/// Downloads over real loopback HTTP: the demo file server (the emulators' signed, expiring,
/// range-capable files) and a scripted file server that redirects, breaks and stalls.
@Suite struct DownloaderTests {
    /// A downloader that does not really wait between retries.
    static func downloader(retries: Int = 0, sleeps: SleepLog? = nil) -> Downloader {
        Downloader(connectionRetries: retries, progressInterval: .zero, sleep: { d in sleeps?.add(d) })
    }

    static func contents(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    static func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func aPlainDownloadHasTheExactBytesAndNoPartLeft() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let size: Int64 = 700_001
        let url = server.link(key: "demo-18742-2", name: "Baikal.jpg", size: size, ttl: 60)
        let links = Counter()
        let log = ProgressLog()
        let result = try await Self.downloader().download(
            id: "18742-2", suggestedName: "Lake Baikal", into: dir,
            link: { links.next(); return DownloadLink(url: url) },
            progress: { log.add($0.received, $0.total) })

        #expect(result.url == dir.appendingPathComponent("Lake Baikal.jpg"))
        #expect(result.bytes == size)
        #expect(!result.resumed)
        #expect(result.linkFetches == 1)
        #expect(links.value == 1)
        #expect(try Self.contents(result.url) == DemoFileServer.bytes(key: "demo-18742-2", count: Int(size)))
        #expect(try Self.files(in: dir) == ["Lake Baikal.jpg"])
        #expect(server.fetchCount(key: "demo-18742-2") == 1)

        let reports = log.reports
        #expect(reports.count >= 3)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.received <= $1.received })
        #expect(reports.last?.received == size)
        #expect(reports.last?.total == size)
    }

    @Test func theDemoFileServerSignsNamesInAnyScript() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let name = "Озеро Байкал & co #1?.jpg"
        let url = server.link(key: "demo 18742/2", name: name, size: 2_048, ttl: 60)
        let result = try await Self.downloader().download(
            id: "kz", suggestedName: "", into: dir, link: { DownloadLink(url: url, suggestedName: name) }, progress: { _ in })
        #expect(result.url.lastPathComponent == "Озеро Байкал & co #1_.jpg")
        #expect(try Self.contents(result.url) == DemoFileServer.bytes(key: "demo 18742/2", count: 2_048))
    }

    @Test func aRedirectChainIsFollowedToAnotherHostWithoutCredentials() async throws {
        let files = try await DemoFileServer.start()
        defer { Task { await files.stop() } }
        let target = files.link(key: "redirected", name: "clip.mp4", size: 40_000, ttl: 60)
        let dir = try temporaryDirectory()
        try await withFileServer({ _, seen in
            switch seen.path {
            case "/Rest/Libraries/1/Download/1": .redirect("/cdn/a?token=abcdef123456", status: 301)
            case "/cdn/a": .redirect("../b/file", status: 307)
            case "/b/file": .redirect(target.absoluteString, status: 302)
            default: .status(404, body: "no")
            }
        }) { server async throws in
            let link = DownloadLink(url: server.url("/Rest/Libraries/1/Download/1"), suggestedName: "AdobeStock_1.mp4")
            let result = try await Self.downloader().download(id: "1", suggestedName: "", into: dir,
                                                               link: { link }, progress: { _ in })
            #expect(result.url.lastPathComponent == "AdobeStock_1.mp4")
            #expect(try Self.contents(result.url) == DemoFileServer.bytes(key: "redirected", count: 40_000))
            #expect(server.requests.map(\.path) == ["/Rest/Libraries/1/Download/1", "/cdn/a", "/b/file"])
            #expect(server.requests.allSatisfy { $0.headers["authorization"] == nil })
            #expect(files.fetchCount(key: "redirected") == 1)
        }
    }

    @Test func moreThanFiveRedirectsIsAnError() async throws {
        let dir = try temporaryDirectory()
        try await withFileServer({ index, _ in .redirect("/hop/\(index + 1)") }) { server async throws in
            await #expect(throws: StockError.network("the download from 127.0.0.1 was redirected more than 5 times")) {
                try await Self.downloader().download(id: "loop", suggestedName: "x.jpg", into: dir,
                                                     link: { DownloadLink(url: server.url("/hop/0")) }, progress: { _ in })
            }
            #expect(server.requests.count == 6)
        }
    }

    @Test func aConnectionDroppedMidBodyKeepsThePartAndTheNextCallResumesWithRange() async throws {
        let file = testBytes(300_000)
        let dir = try temporaryDirectory()
        try await withFileServer({ index, _ in index == 0 ? .file(file, dropAfter: 120_000) : .file(file) }) { server async throws in
            let link = DownloadLink(url: server.url("/files/9.jpg"))
            await #expect(throws: StockError.self) {
                try await Self.downloader().download(id: "p-9", suggestedName: "Dawn.jpg", into: dir,
                                                     link: { link }, progress: { _ in })
            }
            #expect(try Self.files(in: dir) == ["Dawn.jpg.p-9.part"])
            let kept = try Self.contents(dir.appendingPathComponent("Dawn.jpg.p-9.part"))
            #expect(kept.count > 0 && kept.count <= 120_000)
            #expect(kept == Array(file.prefix(kept.count)))

            let log = ProgressLog()
            let result = try await Self.downloader().download(id: "p-9", suggestedName: "Dawn.jpg", into: dir,
                                                               link: { link }, progress: { log.add($0.received, $0.total) })
            #expect(server.requests.count == 2)
            #expect(server.requests[0].headers["range"] == nil)
            #expect(server.requests[1].headers["range"] == "bytes=\(kept.count)-")
            #expect(result.resumed)
            #expect(result.bytes == 300_000)
            #expect(try Self.contents(result.url) == file)
            #expect(try Self.files(in: dir) == ["Dawn.jpg"])
            #expect(log.reports.first?.received == Int64(kept.count))
            #expect(log.reports.last?.received == 300_000 && log.reports.last?.total == 300_000)
        }
    }

    @Test func oneCallRetriesBrokenConnectionsWithBackoffAndResumes() async throws {
        let file = testBytes(200_000, seed: 3)
        let dir = try temporaryDirectory()
        let sleeps = SleepLog()
        try await withFileServer({ index, _ in
            switch index {
            case 0: .file(file, dropAfter: 50_000)
            case 1: .file(file, dropAfter: 50_000)
            default: .file(file)
            }
        }) { server async throws in
            let result = try await Self.downloader(retries: 2, sleeps: sleeps).download(
                id: "r", suggestedName: "r.png", into: dir, link: { DownloadLink(url: server.url("/r.png")) }, progress: { _ in })
            #expect(try Self.contents(result.url) == file)
            #expect(result.resumed)
            #expect(sleeps.durations == [.milliseconds(500), .milliseconds(1000)])
            let ranges = server.requests.map { $0.headers["range"] }
            #expect(ranges.count == 3)
            #expect(ranges[0] == nil)
            #expect(ranges[1] != nil && ranges[2] != nil && ranges[1] != ranges[2])
        }
    }

    @Test func connectionFailuresBeyondTheRetriesAreANetworkError() async throws {
        let file = testBytes(100_000)
        let dir = try temporaryDirectory()
        try await withFileServer({ _, _ in .file(file, dropAfter: 10_000) }) { server async throws in
            do {
                _ = try await Self.downloader(retries: 1).download(
                    id: "n", suggestedName: "n.jpg", into: dir, link: { DownloadLink(url: server.url("/n.jpg")) }, progress: { _ in })
                Issue.record("a download that always breaks succeeded")
            } catch let error as StockError {
                guard case .network(let why) = error else { Issue.record("\(error)"); return }
                #expect(why.contains("127.0.0.1"))
            }
            #expect(server.requests.count == 2)
            #expect(try Self.files(in: dir) == ["n.jpg.n.part"])
        }
    }

    @Test func aServerThatIgnoresRangeMakesTheFileStartOver() async throws {
        let file = testBytes(90_000, seed: 11)
        let dir = try temporaryDirectory()
        let part = dir.appendingPathComponent("Clip.mp4.c1.part")
        try Data(repeating: 0xFF, count: 30_000).write(to: part)
        try await withFileServer({ _, _ in .file(file, honoursRange: false) }) { server async throws in
            let log = ProgressLog()
            let result = try await Self.downloader().download(
                id: "c1", suggestedName: "Clip.mp4", into: dir, link: { DownloadLink(url: server.url("/c")) },
                progress: { log.add($0.received, $0.total) })
            #expect(server.requests.map { $0.headers["range"] } == ["bytes=30000-"])
            #expect(!result.resumed)
            #expect(try Self.contents(result.url) == file)
            #expect(try Self.files(in: dir) == ["Clip.mp4"])
            #expect(log.reports.last?.received == 90_000)
        }
    }

    @Test func aPartThatIsAlreadyWholeFinishesOn416() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let whole = DemoFileServer.bytes(key: "whole", count: 5_000)
        try Data(whole).write(to: dir.appendingPathComponent("w.jpg.w1.part"))
        let result = try await Self.downloader().download(
            id: "w1", suggestedName: "w.jpg", into: dir,
            link: { DownloadLink(url: server.link(key: "whole", name: "w.jpg", size: 5_000, ttl: 60)) }, progress: { _ in })
        #expect(result.resumed)
        #expect(result.bytes == 5_000)
        #expect(try Self.contents(result.url) == whole)
        #expect(server.fetchCount(key: "whole") == 0)   // a 416 carries no body
    }

    @Test func aPartLeftByAnEarlierRunKeepsItsNameAndResumes() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let bytes = DemoFileServer.bytes(key: "k", count: 64_000)
        try Data(bytes.prefix(20_000)).write(to: dir.appendingPathComponent("First title.jpg.abc.part"))
        let result = try await Self.downloader().download(
            id: "abc", suggestedName: "Another title", into: dir,
            link: { DownloadLink(url: server.link(key: "k", name: "k.jpg", size: 64_000, ttl: 60)) }, progress: { _ in })
        #expect(result.url.lastPathComponent == "First title.jpg")
        #expect(result.resumed)
        #expect(try Self.contents(result.url) == bytes)
    }

    @Test func anExpiredLinkIsFetchedAgainExactlyOnce() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let links = Counter()
        let result = try await Self.downloader().download(
            id: "e1", suggestedName: "", into: dir,
            link: {
                let n = links.next()
                // The first link expired ten seconds ago; the fresh one works.
                return DownloadLink(url: server.link(key: "exp", name: "Expiring.mov", size: 12_345, ttl: n == 1 ? -10 : 600),
                                    suggestedName: "Expiring.mov")
            }, progress: { _ in })
        #expect(links.value == 2)
        #expect(result.linkFetches == 2)
        #expect(result.url.lastPathComponent == "Expiring.mov")
        #expect(try Self.contents(result.url) == DemoFileServer.bytes(key: "exp", count: 12_345))
    }

    @Test func aSecondExpiryFailsSayingTheLinkExpired() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let links = Counter()
        do {
            _ = try await Self.downloader(retries: 2).download(
                id: "e2", suggestedName: "x.jpg", into: dir,
                link: { links.next(); return DownloadLink(url: server.link(key: "gone", name: "x.jpg", size: 100, ttl: -5)) },
                progress: { _ in })
            Issue.record("an expired link downloaded")
        } catch let error as StockError {
            #expect(error.message == "not allowed: the download link expired, and so did a fresh one (HTTP 403: AccessDenied: Request has expired); try again later")
        }
        #expect(links.value == 2)
        #expect(try Self.files(in: dir).isEmpty)
    }

    @Test func aGoneExpiryStatusAlsoRefetches() async throws {
        let file = testBytes(1_000)
        let dir = try temporaryDirectory()
        try await withFileServer({ index, _ in index == 0 ? .status(410, body: "") : .file(file) }) { server async throws in
            let links = Counter()
            let result = try await Self.downloader().download(
                id: "g", suggestedName: "g.jpg", into: dir,
                link: { DownloadLink(url: server.url("/g/\(links.next())")) }, progress: { _ in })
            #expect(server.requests.map(\.path) == ["/g/1", "/g/2"])
            #expect(result.linkFetches == 2)
            #expect(try Self.contents(result.url) == file)
        }
    }

    @Test func secretsInTheLinkNeverReachTheError() async throws {
        let token = "tok_Zq8v1KpL0wXe"
        let dir = try temporaryDirectory()
        try await withFileServer({ _, _ in
            .status(500, body: "<Error><Code>InternalError</Code><Message>bad token=\(token) \u{1B}[2J</Message></Error>")
        }) { server async throws in
            let url = URL(string: "http://127.0.0.1:\(server.port)/dl/1?token=\(token)")!
            do {
                _ = try await Self.downloader().download(
                    id: "s", suggestedName: "s.jpg", into: dir,
                    link: { DownloadLink(url: url, secrets: [token]) }, progress: { _ in })
                Issue.record("a 500 downloaded")
            } catch let error as StockError {
                #expect(!error.message.contains(token))
                #expect(!error.message.contains("\u{1B}"))
                #expect(error.message.contains("InternalError"))
                #expect(error.message.contains(Redactor.mask))
            }
        }
    }

    @Test func aMissingFileSaysItMayHaveBeenRemoved() async throws {
        let dir = try temporaryDirectory()
        try await withFileServer({ _, _ in .status(404, body: "Not Found") }) { server async throws in
            await #expect(throws: StockError.server(status: 404, message: "127.0.0.1 has no file at this link; it may have been removed")) {
                try await Self.downloader().download(id: "m", suggestedName: "m.jpg", into: dir,
                                                     link: { DownloadLink(url: server.url("/m")) }, progress: { _ in })
            }
        }
    }

    @Test func aBodyLargerThanAnnouncedIsRefused() async throws {
        let dir = try temporaryDirectory()
        // 206 claiming a 10-byte file, then sending 1,000 bytes from 0.
        try await withFileServer({ _, _ in
            .status(206, body: String(repeating: "x", count: 1_000), headers: [("Content-Range", "bytes 0-9/10")])
        }) { server async throws in
            await #expect(throws: StockError.self) {
                try await Self.downloader().download(id: "big", suggestedName: "b.jpg", into: dir,
                                                     link: { DownloadLink(url: server.url("/b")) }, progress: { _ in })
            }
            #expect(try Self.files(in: dir).isEmpty)   // neither a file nor a part to resume
        }
    }

    @Test func namesFromTheServiceNeverLeaveTheDirectory() async throws {
        let root = try temporaryDirectory()
        let dir = root.appendingPathComponent("downloads/inner")
        let file = testBytes(2_000)
        let cases: [(service: String, expected: String)] = [
            ("../../etc/passwd", "etc_passwd.jpg"),
            ("..", "get.jpg"),                        // nothing left: the URL's name
            ("/abs/olute.png", "abs_olute.png"),
            ("\u{1B}]0;owned\u{07}\u{1B}[2Jclean.jpg", "clean.jpg"),
            ("nul\u{0}byte.jpg", "nulbyte.jpg"),
            ("report\u{202E}gpj.exe", "reportgpj_exe.jpg"),
            ("-rf --no-preserve-root.jpg", "rf --no-preserve-root.jpg"),
            ("Алматы таулары күн батқанда.jpg", "Алматы таулары күн батқанда.jpg"),
            ("Ночная Москва.mp4", "Ночная Москва.mp4"),
            (String(repeating: "ы", count: 150) + ".jpg", String(repeating: "ы", count: 98) + ".jpg"),
        ]
        try await withFileServer({ _, _ in .file(file) }) { server async throws in
            for (n, c) in cases.enumerated() {
                // The server's name arrives as the link's suggestion, the file is at /get.jpg.
                let result = try await Self.downloader().download(
                    id: "h\(n)", suggestedName: "", into: dir,
                    link: { DownloadLink(url: server.url("/get.jpg"), suggestedName: c.service) }, progress: { _ in })
                #expect(result.url.lastPathComponent == c.expected)
                #expect(result.url.deletingLastPathComponent().standardizedFileURL.path == dir.standardizedFileURL.path)
                #expect(result.url.lastPathComponent.utf8.count <= 200)
                #expect(try Self.contents(result.url) == file)
            }
        }
        // Nothing usable from the caller, the service or the URL: a name made of the id.
        try await withFileServer({ _, _ in .file(file) }) { server async throws in
            let result = try await Self.downloader().download(
                id: "../x y", suggestedName: "../..", into: dir,
                link: { DownloadLink(url: server.url("/--"), suggestedName: "\u{1B}[2J") }, progress: { _ in })
            #expect(result.url.lastPathComponent.hasPrefix("download-xy-"))
            #expect(result.url.deletingLastPathComponent().standardizedFileURL.path == dir.standardizedFileURL.path)
        }
        // Nothing was written anywhere but the download directory.
        #expect(try Self.files(in: root) == ["downloads"])
        #expect(try Self.files(in: root.appendingPathComponent("downloads")) == ["inner"])
        #expect(try Self.files(in: dir).count == cases.count + 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("..").appendingPathComponent("passwd").path))
    }

    @Test func anExistingFileIsNeverOverwritten() async throws {
        let dir = try temporaryDirectory()
        try Data("mine".utf8).write(to: dir.appendingPathComponent("lake.jpg"))
        let file = testBytes(3_000)
        try await withFileServer({ _, _ in .file(file) }) { server async throws in
            var names: [String] = []
            for id in ["a", "b", "c"] {
                let result = try await Self.downloader().download(
                    id: id, suggestedName: "lake.jpg", into: dir, link: { DownloadLink(url: server.url("/lake")) }, progress: { _ in })
                names.append(result.url.lastPathComponent)
                #expect(try Self.contents(result.url) == file)
            }
            #expect(names == ["lake (1).jpg", "lake (2).jpg", "lake (3).jpg"])
        }
        #expect(try Data(contentsOf: dir.appendingPathComponent("lake.jpg")) == Data("mine".utf8))
        #expect(try Self.files(in: dir) == ["lake (1).jpg", "lake (2).jpg", "lake (3).jpg", "lake.jpg"])
    }

    @Test func aFileAlreadyBeingDownloadedIsNotWrittenTwice() async throws {
        let dir = try temporaryDirectory()
        let part = dir.appendingPathComponent("busy.jpg.b.part")
        try Data(repeating: 1, count: 10).write(to: part)
        let fd = open(part.path, O_RDWR)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        defer { close(fd) }
        try await withFileServer({ _, _ in .file(testBytes(100)) }) { server async throws in
            await #expect(throws: StockError.storage("busy.jpg is already being downloaded by another stockterm")) {
                try await Self.downloader(retries: 2).download(id: "b", suggestedName: "busy.jpg", into: dir,
                                                               link: { DownloadLink(url: server.url("/b")) }, progress: { _ in })
            }
            #expect(try Self.contents(part) == [UInt8](repeating: 1, count: 10))
        }
    }

    @Test func theDemoFileServerServesOnlyFilesBehindAValidSignature() async throws {
        let server = try await DemoFileServer.start()
        defer { Task { await server.stop() } }
        let dir = try temporaryDirectory()
        let good = server.link(key: "f", name: "f.jpg", size: 10, ttl: 60).absoluteString
        let forged = URL(string: good.replacingOccurrences(of: "size=10", with: "size=11"))!
        await #expect(throws: StockError.forbidden(
            "the download link expired, and so did a fresh one (HTTP 403: SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.); try again later")) {
            try await Self.downloader().download(id: "f", suggestedName: "f.jpg", into: dir,
                                                 link: { DownloadLink(url: forged) }, progress: { _ in })
        }
        for path in ["/_sandbox/charges", "/Rest/Media/1/Search/Files", "/v2/clips"] {
            await #expect(throws: StockError.server(status: 404, message: "127.0.0.1 has no file at this link; it may have been removed")) {
                try await Self.downloader().download(id: "x", suggestedName: "x.jpg", into: dir,
                                                     link: { DownloadLink(url: URL(string: server.baseURL.absoluteString + path)!) },
                                                     progress: { _ in })
            }
        }
        #expect(server.fetchCount(key: "f") == 0)
    }

    @Test func cancellationStopsPromptlyAndKeepsThePart() async throws {
        let file = testBytes(400_000)
        let dir = try temporaryDirectory()
        try await withFileServer({ _, _ in .file(file, stallAfter: 96_000) }) { server async throws in
            let log = ProgressLog()
            let task = Task {
                try await Self.downloader().download(id: "c", suggestedName: "c.mp4", into: dir,
                                                     link: { DownloadLink(url: server.url("/c.mp4")) },
                                                     progress: { log.add($0.received, $0.total) })
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while (log.reports.last?.received ?? 0) < 96_000, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(log.reports.last?.received == 96_000)
            let cancelled = ContinuousClock.now
            task.cancel()
            let outcome = await task.result
            // The server stalls: without cancellation this would wait for the 60 s read timeout.
            #expect(ContinuousClock.now - cancelled < .seconds(15))
            #expect(throws: CancellationError.self) { try outcome.get() }
            #expect(try Self.files(in: dir) == ["c.mp4.c.part"])
            #expect(try Self.contents(dir.appendingPathComponent("c.mp4.c.part")) == Array(file.prefix(96_000)))
        }
    }
}

/// Records the waits a downloader asked for.
final class SleepLog: Sendable {
    private let items = Mutex<[Duration]>([])
    var durations: [Duration] { items.withLock { $0 } }
    func add(_ d: Duration) { items.withLock { $0.append(d) } }
}
