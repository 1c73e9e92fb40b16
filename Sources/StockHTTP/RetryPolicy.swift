import Foundation
import StockCore

/// When and how long to wait before sending a request again.
///
/// Retries happen on 429, 502, 503 and 504 and on connection errors, for requests that are
/// `retryable`. The wait is what the server asked for (`Retry-After` as seconds or an HTTP date,
/// or a JSON body's `retry_after`), else exponential backoff from `baseDelay` with "equal jitter"
/// (between half and all of `baseDelay × 2^(n-1)`, capped at `maxDelay`), as Adobe's FAQ and AWS's
/// backoff guidance describe. Retries stop after `maxRetries`, or as soon as the next wait would
/// take the call past `maxTotalWait`: the caller then sees the last answer, with the wait the
/// server asked for, instead of a terminal that seems frozen.
public struct RetryPolicy: Sendable, Hashable {
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    public var maxTotalWait: Duration
    public var retryableStatuses: Set<Int>

    public init(maxRetries: Int = 4, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(16),
                maxTotalWait: Duration = .seconds(20), retryableStatuses: Set<Int> = [429, 502, 503, 504]) {
        self.maxRetries = maxRetries; self.baseDelay = baseDelay; self.maxDelay = maxDelay
        self.maxTotalWait = maxTotalWait; self.retryableStatuses = retryableStatuses
    }

    /// Four retries, 1 s doubling to 16 s, at most 20 s of waiting per call.
    public static let standard = RetryPolicy()
    /// Never retry.
    public static let never = RetryPolicy(maxRetries: 0)

    /// The backoff before retry `retry` (1-based), without a server's word: equal jitter.
    public func backoff(retry: Int, using random: inout some RandomNumberGenerator) -> Duration {
        backoff(retry: retry, jitter: Double.random(in: 0...1, using: &random))
    }

    /// The backoff before retry `retry` for a given jitter in 0...1: half of the exponential step
    /// plus `jitter` times the other half.
    public func backoff(retry: Int, jitter: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let full = min(baseDelay * (1 << exponent), maxDelay)
        let half = full / 2
        return half + half * min(max(jitter, 0), 1)
    }

    /// The wait before the next attempt, or nil to stop and hand the caller what it has.
    /// - Parameters:
    ///   - retry: the number of the retry about to happen (1 for the first).
    ///   - response: the answer just received, or nil after a connection error.
    ///   - waited: how long this call has already spent waiting between attempts.
    ///   - jitter: where in the backoff's range to land, 0...1 (the transport draws it at random).
    public func delay(beforeRetry retry: Int, after response: HTTPResponse?, waited: Duration, now: Date = Date(),
                      jitter: Double) -> Duration? {
        guard retry <= maxRetries else { return nil }
        if let response, !retryableStatuses.contains(response.status) { return nil }
        let wait = response.flatMap { Self.requestedWait($0, now: now) } ?? backoff(retry: retry, jitter: jitter)
        guard waited + wait <= maxTotalWait else { return nil }
        return wait
    }

    /// The wait a server asked for: the `Retry-After` header (delta seconds or an HTTP date), else a
    /// JSON body's `retry_after`, at the top level or inside `error` (StockFlow's envelope).
    public static func requestedWait(_ response: HTTPResponse, now: Date = Date()) -> Duration? {
        if let header = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces), !header.isEmpty {
            if let seconds = Double(header), seconds.isFinite, seconds >= 0 { return .seconds(seconds) }
            if let date = httpDate(header) { return .seconds(max(0, date.timeIntervalSince(now))) }
        }
        guard !response.body.isEmpty, let json = try? JSONParser.parse(response.body) else { return nil }
        for value in [json["retry_after"], json["error"]?["retry_after"]] {
            switch value {
            case .number(let seconds, _)? where seconds.isFinite && seconds >= 0: return .seconds(seconds)
            case .string(let text)?: if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return .seconds(seconds) }
            default: continue
            }
        }
        return nil
    }

    /// Parses an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the form RFC 9110 requires senders to use.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

extension Duration {
    /// Seconds as a Double, for messages and `StockError.rateLimited`.
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
