import Foundation
import StockCore
import StockHTTP

/// Builders of Stocksy's purchase-side requests.
///
/// ```swift
/// let http = try StocksyRequests.purchase(LicenseOrder(assetID: 12345, optionIDs: ["3", "21"], references: ["project": "Spring"]))
/// // POST /purchases {"products":[{"assetId":12345,"productTypeIds":[3,21]}],"project":"Spring"}, never retried
/// StocksyRequests.purchases(first: 0, last: 9)   // GET /purchases, Range: items=0-9
/// ```
extension StocksyRequests {
    /// The reference fields a purchase carries: `LicenseReferenceField.id`s.
    public static let referenceIDs = ["project", "client", "poNumber"]

    /// `POST /purchases` for one asset: its product type ids (one size and any extended
    /// licenses) and the references that are filled. Not `retryable`: the transport sends it
    /// once, whatever happens to the answer. Throws `invalidRequest` for an option id that is
    /// not a product type id, a repeated one, or an unknown reference.
    public static func purchase(_ order: LicenseOrder) throws -> HTTPRequest {
        guard !order.optionIDs.isEmpty else { throw StockError.invalidRequest("a Stocksy purchase needs a size to buy") }
        var ids: [Int] = []
        for text in order.optionIDs {
            guard let id = Int(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
                throw StockError.invalidRequest("\"\(WireText.clean(text, limit: 40))\" is not a Stocksy product type id")
            }
            guard !ids.contains(id) else { throw StockError.invalidRequest("product type \(id) is chosen twice") }
            ids.append(id)
        }
        if let unknown = order.references.keys.sorted().first(where: { !referenceIDs.contains($0) }) {
            throw StockError.invalidRequest("Stocksy has no license reference \"\(WireText.clean(unknown, limit: 40))\" (it has project, client and poNumber)")
        }
        func reference(_ id: String) -> String? {
            let value = order.references[id]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return value.isEmpty ? nil : value
        }
        let wire = StocksyPurchaseRequestWire(project: reference("project"), client: reference("client"), poNumber: reference("poNumber"),
                                              products: [.init(assetId: order.assetID.rawValue, productTypeIds: ids)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(wire)
        return HTTPRequest.json(.post, "/purchases", body: body, retryable: false)
    }

    /// `GET /purchases` with `Range: items=first-last` (newest first).
    public static func purchases(first: Int, last: Int) -> HTTPRequest {
        precondition(first >= 0 && last >= first)
        return HTTPRequest(.get, "/purchases", headers: [HTTPHeader("Range", "items=\(first)-\(last)")])
    }

    /// `GET /purchases/{id}`.
    public static func purchase(id: Int64) -> HTTPRequest { HTTPRequest(.get, "/purchases/\(id)") }

    /// `GET /downloads/{purchasedProductId}`.
    public static func download(purchasedProductID id: Int64) -> HTTPRequest { HTTPRequest(.get, "/downloads/\(id)") }

    /// `GET /compdownloads/{assetId}`. The seed names the operation ("Get comp asset direct
    /// download link", under `compdownloads`) but not its path; this is the project's reading.
    public static func compDownload(_ id: AssetID) -> HTTPRequest { HTTPRequest(.get, "/compdownloads/\(id)") }
}
