/// What the screen thread wakes up for.
public enum TerminalEvent: Hashable, Sendable {
    /// A key.
    case key(Key)
    /// The terminal changed size (already applied to the screen).
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT: leave cleanly.
    case quitSignal(Int32)
}
