import Synchronization

/// Lets a download's progress through at most ten times a second, so that a fast download does
/// not flood the screen thread with redraws. The final figure arrives with the download's end.
final class ProgressThrottle: Sendable {
    private let interval: Duration
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    init(interval: Duration = .milliseconds(100)) { self.interval = interval }

    /// True for the first call and then once per `interval`.
    func shouldReport(now: ContinuousClock.Instant = .now) -> Bool {
        last.withLock { last in
            if let previous = last, now - previous < interval { return false }
            last = now
            return true
        }
    }
}
