import Foundation
import StockCore
import StockHTTP
import Synchronization
import Testing

/// Thumbnails by absolute URL: the bytes, the query sent exactly as given, no credentials,
/// retries on 503, clear errors, a byte cap, and at most two at once.
@Suite struct ThumbnailFetcherTests {
    @Test func fetchesTheBytesWithTheSignedQueryUntouched() async throws {
        try await withServer({ _, seen in
            seen.path == "/jpg/01/12/112670342_240.jpg" ? .init(headers: [("Content-Type", "image/jpeg")], body: "JPEGBYTES")
                : .init(status: .notFound, body: "")
        }) { server in
            let fetcher = ThumbnailFetcher()
            let url = server.baseURL.absoluteString + "/jpg/01/12/112670342_240.jpg?token=a%2Bb%3D&exp=1700000000"
            let bytes = try await fetcher.fetch(url)
            #expect(bytes == Array("JPEGBYTES".utf8))
            let seen = try #require(server.requests.first)
            #expect(seen.query == "token=a%2Bb%3D&exp=1700000000")
            #expect(seen.headers["x-api-key"] == nil && seen.headers["authorization"] == nil)
            #expect(seen.headers["accept"]?.hasPrefix("image/") == true)
        }
    }

    @Test func aMissingThumbnailAndABadURLSayWhy() async throws {
        try await withServer({ _, _ in .init(status: .notFound, body: "") }) { server in
            let fetcher = ThumbnailFetcher()
            await #expect(throws: StockError.server(status: 404, message: "no thumbnail at 127.0.0.1")) {
                try await fetcher.fetch(server.baseURL.absoluteString + "/missing.jpg")
            }
        }
        let fetcher = ThumbnailFetcher()
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "not a url", "ftp://example.com/a.jpg"] {
            await #expect(throws: StockError.self) { try await fetcher.fetch(bad) }
        }
    }

    @Test func a503IsRetriedAndAnOversizedAnswerRefused() async throws {
        try await withServer({ (index: Int, seen: ScriptedServer.Seen) -> ScriptedServer.Answer in
            if seen.path == "/big.png" { return .init(body: String(repeating: "x", count: 5_000)) }
            return index == 0 ? .init(status: .serviceUnavailable, headers: [("Retry-After", "0")], body: "") : .init(body: "PNG")
        }) { server in
            let fetcher = ThumbnailFetcher(maxBytes: 1_000)
            let small = try await fetcher.fetch(server.baseURL.absoluteString + "/t.png")
            #expect(small == Array("PNG".utf8))
            await #expect(throws: StockError.self) { try await fetcher.fetch(server.baseURL.absoluteString + "/big.png") }
        }
    }

    /// A failing thumbnail host is asked twice, not five times as an API call would be: the
    /// picture's slot is not held for long.
    @Test func aFailingHostIsAskedOnceMoreOnly() async throws {
        let requests = Shared(0)
        try await withServer({ (_: Int, _: ScriptedServer.Seen) -> ScriptedServer.Answer in
            requests.withLock { $0 += 1 }
            return .init(status: .serviceUnavailable, headers: [("Retry-After", "0")], body: "")
        }) { server in
            let fetcher = ThumbnailFetcher()
            await #expect(throws: StockError.self) { try await fetcher.fetch(server.baseURL.absoluteString + "/t.jpg") }
        }
        #expect(requests.withLock { $0 } == 2)
    }

    @Test func atMostTwoAtOnce() async throws {
        try await withServer({ _, _ in .init(body: "x", delay: .milliseconds(100)) }) { server in
            let fetcher = ThumbnailFetcher(maxConcurrent: 2)
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<6 {
                    group.addTask { _ = try await fetcher.fetch(server.baseURL.absoluteString + "/\(i).jpg") }
                }
                try await group.waitForAll()
            }
            // Six 100 ms answers two at a time take at least three rounds.
            #expect(ContinuousClock.now - started >= .milliseconds(290))
        }
    }
}

/// The limit itself: never more holders than allowed, and a cancelled waiter leaves the queue.
@Suite struct ConcurrencyLimitTests {
    @Test func neverMoreThanTheLimitAndCancelledWaitersLeave() async throws {
        let limit = ConcurrencyLimit(2)
        let counts = Shared((now: 0, most: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await limit.run {
                        counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                        try await Task.sleep(for: .milliseconds(20))
                        counts.withLock { $0.now -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counts.withLock { $0.most } == 2)

        // Two holders; a third waits and is cancelled: it throws, and the places are all free after.
        let gate = Shared(false)
        let holders = (0..<2).map { _ in
            Task { try await limit.run { while !gate.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) } } }
        }
        try await Task.sleep(for: .milliseconds(30))
        let waiter = Task { try await limit.run { 1 } }
        try await Task.sleep(for: .milliseconds(30))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        gate.withLock { $0 = true }
        for holder in holders { try await holder.value }
        let after = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<2 { group.addTask { try await limit.run { 1 } } }
            return try await group.reduce(0, +)
        }
        #expect(after == 2)
    }
}

/// A value tasks share under a lock.
private final class Shared<Value: Sendable>: Sendable {
    private let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
    func withLock<T: Sendable>(_ body: (inout Value) -> T) -> T { value.withLock { body(&$0) } }
}
