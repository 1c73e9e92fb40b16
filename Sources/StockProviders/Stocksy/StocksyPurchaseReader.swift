import Foundation
import StockCore
import StockHTTP

/// Reads Stocksy's purchase history (`GET /purchases`, newest first) from the start, a chunk at
/// a time with `Range: items=a-b`, whichever way the server answers:
///
/// - **206 or 200 with `Content-Range: items a-b/N`**: the body is items a to b of N.
/// - **200 without `Content-Range`**: the seed documents `GET /purchases` answering "200 OK",
///   and says "Range limits the result set to the requested items": the body is the chunk asked
///   for (and a short one is the last). Only a body holding more than was asked for, or one that
///   starts again with the history's first purchase when a later chunk was asked for, is a
///   server that ignored the Range (RFC 9110 allows it): the whole list, cut here.
/// - **416 with `Content-Range: items */N`**: past the end, nothing more.
///
/// Purchases that cannot be read (a record that is not an object) are kept as skipped positions
/// with their place in the history (`purchases[12]`), so the positions stay right.
struct StocksyPurchaseReader {
    /// One position of the history.
    enum Record {
        case purchase(StocksyPurchaseWire, position: Int)
        case skipped(SkippedRecord)
    }

    let client: StocksyClient
    /// Purchases asked for per request.
    let chunk: Int
    /// Where the next chunk starts.
    private(set) var start = 0
    /// The history's length, once known (`Content-Range`, a whole list, or its end reached).
    private(set) var total: Int?
    /// True once the last purchase was read.
    private(set) var reachedEnd = false
    /// The first purchase's id, to recognise a server that answers every chunk with the whole list.
    private var firstID: String?

    init(client: StocksyClient, chunk: Int) {
        self.client = client; self.chunk = chunk
    }

    /// The next chunk of the history, in order; empty once the end was reached.
    mutating func next() async throws -> [Record] {
        guard !reachedEnd else { return [] }
        let request = StocksyRequests.purchases(first: start, last: start + chunk - 1)
        let response = try await client.sendAnswer(request)
        let range = StocksyContentRange(response.header("Content-Range"))
        if response.status == 416 {
            reachedEnd = true
            total = range?.total ?? start
            return []
        }
        guard response.isSuccess else { throw StocksyErrors.error(for: response, request: request) }
        let list = try WireDecoding.decode(LossyList<StocksyPurchaseWire>.self, from: response.body, what: "Stocksy purchase history")
        let slots = list.slots
        let served: ArraySlice<LossySlot<StocksyPurchaseWire>>
        var servedFrom = start
        if let range {
            // The server says which items these are.
            let first = range.first ?? start
            servedFrom = max(first, start)
            served = slots.dropFirst(max(0, start - first)).prefix(chunk)
            total = range.total
        } else if slots.count > chunk || (start > 0 && firstID != nil && Self.id(of: slots.first) == firstID) {
            // The Range was ignored: the whole list.
            served = slots.dropFirst(start).prefix(chunk)
            total = slots.count
        } else {
            served = slots[...]
        }
        if start == 0 { firstID = Self.id(of: slots.first) }
        let records = served.enumerated().map { offset, slot -> Record in
            let position = servedFrom + offset
            switch slot {
            case .read(let purchase, _): return .purchase(purchase, position: position)
            case .skipped(let record): return .skipped(SkippedRecord(path: "purchases[\(position)]", reason: record.reason))
            }
        }
        start = servedFrom + records.count
        if records.count < chunk || total.map({ start >= $0 }) == true {
            reachedEnd = true
            total = total ?? start
        }
        return records
    }

    private static func id(of slot: LossySlot<StocksyPurchaseWire>?) -> String? {
        if case .read(let p, _)? = slot { return p.id?.text }
        return nil
    }
}
