/// A sliding-window rate limit per key: at most `limit` admitted requests in any `window`.
///
/// A plain state machine (no clock, no lock): the caller passes the time and acts on the decision.
/// A refused request is not counted, so a client that waits `retryAfter` seconds gets in.
///
/// ```swift
/// var limiter = SlidingWindowLimiter(limit: 2, window: 60)
/// limiter.admit("key", at: 0)   // .admitted
/// limiter.admit("key", at: 1)   // .admitted
/// limiter.admit("key", at: 2)   // .refused(retryAfter: 58)
/// ```
struct SlidingWindowLimiter: Sendable {
    enum Decision: Equatable, Sendable {
        case admitted
        /// Whole seconds until a slot frees up, rounded up, at least 1.
        case refused(retryAfter: Int)
    }

    let limit: Int
    /// Seconds.
    let window: Double
    private var admittedAt: [String: [Double]] = [:]

    init(limit: Int, window: Double) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// `now` is when the request arrived; requests may be decided out of arrival order (the
    /// credential check takes longer for some), so the admitted times are kept sorted.
    mutating func admit(_ key: String, at now: Double) -> Decision {
        var times = admittedAt[key, default: []]
        let cutoff = now - window
        times.removeAll { $0 <= cutoff }
        defer { admittedAt[key] = times }
        if times.count < limit {
            times.insert(now, at: times.firstIndex { $0 > now } ?? times.endIndex)
            return .admitted
        }
        let wait = times[0] + window - now
        return .refused(retryAfter: max(1, Int(wait.rounded(.up))))
    }
}
