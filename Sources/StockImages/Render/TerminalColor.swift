/// A colour as an SGR sequence names it: 24-bit, or a palette index.
public enum TerminalColor: Hashable, Sendable {
    /// `38;2;r;g;b` / `48;2;r;g;b`.
    case rgb(RGB)
    /// `38;5;n` / `48;5;n`.
    case index(UInt8)
}
