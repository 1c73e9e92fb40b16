import BrowserModel
import BrowserRuntime
import Foundation
import StockCore
import Testing

/// The screen thread's loop without a screen: actions in, reducer, effects to the runtime,
/// answers back through a real `ActionInbox`.
@MainActor
final class RuntimeHarness {
    var state: BrowserState
    let clock = ManualClock()
    let inbox: ActionInbox
    let runtime: BrowserRuntime
    /// Every action the runtime delivered, in order.
    private(set) var delivered: [BrowserAction] = []

    init(provider: any StockProvider, pageSize: Int = 60,
         makeProvider: BrowserRuntime.ProviderFactory? = nil) throws {
        state = BrowserState(providerName: "scripted", pageSize: pageSize)
        let inbox = try ActionInbox()
        self.inbox = inbox
        runtime = BrowserRuntime(provider: provider, clock: clock, makeProvider: makeProvider, deliver: { inbox.post($0) })
    }

    /// A key or event from the person.
    func send(_ action: BrowserAction) {
        runtime.run(state.reduce(action))
    }

    /// Applies what the runtime delivered so far.
    func drain() {
        for action in inbox.drain() {
            delivered.append(action)
            runtime.run(state.reduce(action))
        }
    }

    /// Drains until `condition` holds, polling with a deadline (never a fixed sleep).
    func waitUntil(_ what: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: () -> Bool) async {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            drain()
            if condition() { return }
            try? await Task.sleep(for: .milliseconds(1))
        }
        drain()   // one last look, in case this task woke only after the deadline (a busy pool)
        if condition() { return }
        Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
    }

    var titles: [String] { state.results.items.map(\.title) }
}
