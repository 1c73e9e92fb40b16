import Foundation
import StockHTTP
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 4, baseDelay: .seconds(1), maxDelay: .seconds(16), maxTotalWait: .seconds(20))

    @Test func backoffDoublesWithEqualJitterAndCaps() {
        // Retry n waits between half and all of 1 s × 2^(n-1), never above 16 s.
        for (retry, full) in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 16.0), (9, 16.0)] {
            #expect(policy.backoff(retry: retry, jitter: 0).seconds == full / 2)
            #expect(abs(policy.backoff(retry: retry, jitter: 1).seconds - full) < 1e-9)
            #expect(abs(policy.backoff(retry: retry, jitter: 0.5).seconds - full * 0.75) < 1e-9)
        }
        var system = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let wait = policy.backoff(retry: 3, using: &system).seconds
            #expect(wait >= 2 && wait <= 4)
        }
    }

    @Test func retryAfterHeaderInSecondsWins() {
        let answer = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "3")])
        #expect(policy.delay(beforeRetry: 1, after: answer, waited: .zero, jitter: 0) == .seconds(3))
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
        // StockFlow's "retry after 42 seconds" is more than a person should stare at a spinner for.
        let answer = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "42")])
        #expect(policy.delay(beforeRetry: 1, after: answer, waited: .zero, jitter: 0) == nil)
        let short = HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "5")])
        #expect(policy.delay(beforeRetry: 2, after: short, waited: .seconds(14), jitter: 0) == .seconds(5))
        #expect(policy.delay(beforeRetry: 2, after: short, waited: .seconds(16), jitter: 0) == nil)
    }

    @Test func stopsAfterMaxRetriesAndOnOtherStatuses() {
        let busy = HTTPResponse(status: 503)
        #expect(policy.delay(beforeRetry: 4, after: busy, waited: .zero, jitter: 0) != nil)
        #expect(policy.delay(beforeRetry: 5, after: busy, waited: .zero, jitter: 0) == nil)
        for status in [400, 401, 403, 404, 500, 501] {
            #expect(policy.delay(beforeRetry: 1, after: HTTPResponse(status: status), waited: .zero, jitter: 0) == nil)
        }
        // A connection error (no answer) backs off.
        #expect(policy.delay(beforeRetry: 1, after: nil, waited: .zero, jitter: 0) == .milliseconds(500))
    }
}
