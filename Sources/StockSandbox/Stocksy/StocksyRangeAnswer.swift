/// How the Stocksy emulator answers `GET /purchases` with `Range: items=a-b`. The seed documents
/// only a "200 OK" whose body is "limited to the requested items"; real servers of the `items`
/// unit answer 206 with `Content-Range`. The client must page right against each.
///
/// ```swift
/// var options = SandboxOptions(api: .stocksy)
/// options.stocksyPurchaseRanges = .okWithoutContentRange
/// ```
public enum StocksyRangeAnswer: String, Sendable, Hashable, CaseIterable {
    /// 206 Partial Content and `Content-Range: items a-b/N`; 416 with `items */N` past the end
    /// (the default).
    case partialContent = "206"
    /// 200 OK with `Content-Range: items a-b/N`; 416 past the end.
    case okWithContentRange = "200-content-range"
    /// 200 OK, the requested items, no `Content-Range` (the seed's own example); `[]` past the end.
    case okWithoutContentRange = "200"
    /// 200 OK, the whole history, no `Content-Range`: a server that ignores the Range (RFC 9110
    /// allows it).
    case ignored = "ignore"
}
