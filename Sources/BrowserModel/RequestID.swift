/// Names one request the reducer asked the runtime to make (a search page or an asset).
///
/// Ids grow by one from 1 for the life of a `BrowserState`, so an answer can be matched to the
/// request that is still wanted; an answer whose id is no longer wanted is dropped.
public struct RequestID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible {
    /// The number, unique within one browser session.
    public let rawValue: Int
    /// Wraps a number.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Lets tests write `.search(id: 3, ...)`.
    public init(integerLiteral value: Int) { self.rawValue = value }
    /// `#3`.
    public var description: String { "#\(rawValue)" }
    /// Ordered by the time they were issued.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A token for one timer the reducer asked for (the search debounce). The runtime answers
/// `.debounceElapsed(token)`; a token that is no longer current is ignored.
public struct TimerID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral,
    CustomStringConvertible {
    /// The number, unique within one browser session.
    public let rawValue: Int
    /// Wraps a number.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Lets tests write `.startTimer(2, milliseconds: 150)`.
    public init(integerLiteral value: Int) { self.rawValue = value }
    /// `timer 2`.
    public var description: String { "timer \(rawValue)" }
    /// Ordered by the time they were started.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
