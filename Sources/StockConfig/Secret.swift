/// A key, token or password read from the environment or a file. Its description, debug
/// description and mirror never show the value, so neither `print`, string interpolation,
/// `dump` nor an error message can leak it; only `reveal()` hands it out, to a client.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The value itself, for the one place that sends it (a client's configuration).
    public func reveal() -> String { value }

    public var description: String { "<secret>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
