/// How far an index build has come, for a progress line on a terminal.
public struct IndexBuildProgress: Sendable {
    public enum Phase: String, Sendable {
        case reading = "reading"
        case indexing = "indexing"
        case optimizing = "optimizing"
        case columns = "writing columns"
    }

    public var phase: Phase
    public var done: Int
    public var total: Int

    public init(phase: Phase, done: Int, total: Int) { self.phase = phase; self.done = done; self.total = total }
}

/// Called now and then while an index is built; may be called from any thread.
public typealias IndexBuildObserver = @Sendable (IndexBuildProgress) -> Void
