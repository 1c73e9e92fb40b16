import Foundation

/// The `Range: items=0-9` paging of `GET /purchases`: the seed calls Range "a 'Standard HTTP
/// Request Field'" with a custom unit; the answer follows the usual convention for the `items`
/// unit (Dojo's JsonRest stores and the REST APIs modelled on them): `206 Partial Content` with
/// `Content-Range: items 0-9/42` (first and last index shown, the total after the slash), and
/// `416` with `Content-Range: items */42` when the range starts past the end.
enum StocksyItemsRange: Sendable, Hashable {
    /// No Range header, or one in another unit (ignored, as RFC 9110 says of units one does not know).
    case none
    /// `items=first-last`; `last` nil for `items=first-`.
    case items(first: Int, last: Int?)
    /// An `items` range that cannot be read (`items=9-2`, `items=a-b`, `items=-5`).
    case invalid

    init(header: String?) {
        guard let header = header?.trimmingCharacters(in: .whitespaces) else { self = .none; return }
        let prefix = "items="
        guard header.lowercased().hasPrefix(prefix) else { self = .none; return }
        let spec = header.dropFirst(prefix.count)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let first = Int(parts[0].trimmingCharacters(in: .whitespaces)), first >= 0 else {
            self = .invalid; return
        }
        let tail = parts[1].trimmingCharacters(in: .whitespaces)
        if tail.isEmpty { self = .items(first: first, last: nil); return }
        guard let last = Int(tail), last >= first else { self = .invalid; return }
        self = .items(first: first, last: last)
    }

    /// What to serve of `count` items: the indices and the `Content-Range` value, or nil when
    /// the range cannot be satisfied (then `items */count`).
    func window(count: Int) -> (range: Range<Int>, contentRange: String)? {
        switch self {
        case .none: return (0..<count, "")
        case .invalid: return nil
        case .items(let first, let last):
            guard first < count else { return nil }
            let end = min(last ?? count - 1, count - 1)
            return (first..<(end + 1), "items \(first)-\(end)/\(count)")
        }
    }
}
