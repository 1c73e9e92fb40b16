/// What the runtime waits with: the debounce timer sleeps on it. The program uses
/// `SystemBrowserClock`; tests use `ManualClock` and move time by hand, so that a test of the
/// debounce never sleeps and never races.
public protocol BrowserClock: Sendable {
    /// Returns after `milliseconds`; throws `CancellationError` if the task is cancelled first.
    func sleep(milliseconds: Int) async throws
}

/// Real time: `Task.sleep` on the continuous clock.
public struct SystemBrowserClock: BrowserClock {
    /// The clock.
    public init() {}

    public func sleep(milliseconds: Int) async throws {
        try await Task.sleep(for: .milliseconds(milliseconds))
    }
}
