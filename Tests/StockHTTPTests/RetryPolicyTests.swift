import Foundation
import StockHTTP
import Testing

/// A generator that always answers the same, so jitter is predictable.
struct FixedRandom: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 4, baseDelay: .seconds(1), maxDelay: .seconds(16), maxTotalWait: .seconds(20))

    @Test func backoffDoublesWithEqualJitterAndCaps() {
        var low = FixedRandom(value: 0)
        var high = FixedRandom(value: .max)
        // Retry n waits between half and all of 1 s × 2^(n-1), never above 16 s.
        for (retry, full) in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 16.0), (9, 16.0)] {
            #expect(policy.backoff(retry: retry, using: &low).seconds == full / 2)
            #expect(abs(policy.backoff(retry: retry, using: &high).seconds - full) < 1e-9)
        }
    }

    @Test func retryAfterHeaderInSecondsWins() {
        var rng = FixedRandom(value: 0)
        let answer = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "3")])
        #expect(policy.delay(beforeRetry: 1, after: answer, waited: .zero, using: &rng) == .seconds(3))
    }

    @Test func retryAfterAsHTTPDate() {
        let now = Date(timeIntervalSince1970: 784_111_770) // Sun, 06 Nov 1994 08:49:30 GMT
        let answer = HTTPResponse(status: 503, headers: [HTTPHeader("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")])
        #expect(RetryPolicy.requestedWait(answer, now: now) == .seconds(7))
    }

    @Test func bodyRetryAfterAtTopLevelOrInsideError() {
        let stockFlow = HTTPResponse(status: 429, body: Data(#"{"error":{"code":"RATE_LIMIT_EXCEEDED","message":"…","status":429,"retry_after":42}}"#.utf8))
        #expect(RetryPolicy.requestedWait(stockFlow) == .seconds(42))
        let flat = HTTPResponse(status: 429, body: Data(#"{"retry_after":"2.5"}"#.utf8))
        #expect(RetryPolicy.requestedWait(flat) == .milliseconds(2500))
        let adobe = HTTPResponse(status: 429, body: Data(#"{"error_code":"429050","message":"Too many requests"}"#.utf8))
        #expect(RetryPolicy.requestedWait(adobe) == nil)
    }

    @Test func aWaitBeyondTheBudgetStopsRetrying() {
        var rng = FixedRandom(value: 0)
        // StockFlow's "retry after 42 seconds" is more than a person should stare at a spinner for.
        let answer = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "42")])
        #expect(policy.delay(beforeRetry: 1, after: answer, waited: .zero, using: &rng) == nil)
        let short = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "5")])
        #expect(policy.delay(beforeRetry: 2, after: short, waited: .seconds(14), using: &rng) == .seconds(5))
        #expect(policy.delay(beforeRetry: 2, after: short, waited: .seconds(16), using: &rng) == nil)
    }

    @Test func stopsAfterMaxRetriesAndOnOtherStatuses() {
        var rng = FixedRandom(value: 0)
        let busy = HTTPResponse(status: 503)
        #expect(policy.delay(beforeRetry: 4, after: busy, waited: .zero, using: &rng) != nil)
        #expect(policy.delay(beforeRetry: 5, after: busy, waited: .zero, using: &rng) == nil)
        for status in [400, 401, 403, 404, 500, 501] {
            #expect(policy.delay(beforeRetry: 1, after: HTTPResponse(status: status), waited: .zero, using: &rng) == nil)
        }
        // A connection error (no answer) backs off.
        #expect(policy.delay(beforeRetry: 1, after: nil, waited: .zero, using: &rng) == .milliseconds(500))
    }
}
