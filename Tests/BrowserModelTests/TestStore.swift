import BrowserModel
import StockCore
import Testing

/// A small test store in the style of TCA's: each `send` states the exact state change and the
/// exact effects, so that any unexpected change to the state or an extra effect fails the test.
///
/// ```swift
/// var store = TestStore(BrowserState(providerName: "test"))
/// store.send(.queryEdit(.insert("a")), effects: [.startTimer(1, milliseconds: 150)]) {
///     $0.query = QueryEditor("a"); $0.debounceTimer = 1; $0.nextTimerID = 2
/// }
/// ```
struct TestStore {
    private(set) var state: BrowserState

    init(_ state: BrowserState) { self.state = state }

    /// Sends a user or system action; the state must become exactly `update(old state)`, and the
    /// effects must be exactly `effects`.
    @discardableResult
    mutating func send(_ action: BrowserAction, effects expected: [BrowserEffect] = [],
                       sourceLocation: SourceLocation = #_sourceLocation,
                       _ update: (inout BrowserState) -> Void = { _ in }) -> [BrowserEffect] {
        var expectedState = state
        update(&expectedState)
        let effects = state.reduce(action)
        // Compared field by field in the failure message: whole states are too long to read.
        if state != expectedState { reportDifferences(expectedState, after: action, sourceLocation: sourceLocation) }
        #expect(effects == expected, "effects of \(action)", sourceLocation: sourceLocation)
        return effects
    }

    /// Feeds an answer from the runtime (an effect's result); the same checks as `send`.
    @discardableResult
    mutating func receive(_ action: BrowserAction, effects expected: [BrowserEffect] = [],
                          sourceLocation: SourceLocation = #_sourceLocation,
                          _ update: (inout BrowserState) -> Void = { _ in }) -> [BrowserEffect] {
        send(action, effects: expected, sourceLocation: sourceLocation, update)
    }

    /// Names the fields that differ, so a failure says more than "not equal".
    private func reportDifferences(_ expected: BrowserState, after action: BrowserAction,
                                   sourceLocation: SourceLocation) {
        let actual = state
        var fields: [String] = []
        func check<T: Equatable>(_ name: String, _ path: KeyPath<BrowserState, T>) {
            if actual[keyPath: path] != expected[keyPath: path] {
                fields.append("\(name): got \(actual[keyPath: path]) expected \(expected[keyPath: path])")
            }
        }
        check("query", \.query); check("filters", \.filters); check("sort", \.sort); check("order", \.order)
        check("activeKey", \.activeKey); check("results.items.count", \.results.items.count)
        check("results", \.results)
        check("cache.keys", \.cache.keys); check("cache", \.cache)
        check("inFlight", \.inFlight); check("failedPage", \.failedPage); check("debounceTimer", \.debounceTimer)
        check("queryError", \.queryError); check("errorMessage", \.errorMessage); check("selection", \.selection)
        check("scrollOffset", \.scrollOffset); check("viewport", \.viewport); check("filterCursor", \.filterCursor); check("focus", \.focus)
        check("detail", \.detail); check("showsHelp", \.showsHelp); check("showsSortPicker", \.showsSortPicker); check("sortCursor", \.sortCursor)
        check("nextRequestID", \.nextRequestID); check("nextTimerID", \.nextTimerID)
        check("purchase", \.purchase); check("downloads", \.downloads); check("history", \.history)
        check("expandSynonyms", \.expandSynonyms); check("pageSize", \.pageSize)
        Issue.record(Comment(rawValue: "state after \(action) differs:\n" + fields.joined(separator: "\n")), sourceLocation: sourceLocation)
    }
}
