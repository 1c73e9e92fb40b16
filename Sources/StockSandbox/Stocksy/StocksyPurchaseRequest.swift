import StockCore

/// The body of `POST /purchases` (the seed's `PurchaseRequest`), read and checked for shape:
/// `{"project", "client", "poNumber", "products": [{"assetId", "productTypeIds": [..]}]}`.
/// Whether the assets and products exist is the service's to check, against the catalog.
struct StocksyPurchaseRequest: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var assetID: Int64
        var productTypeIDs: [Int]
    }

    /// Most entries one purchase may hold, and the longest reference text (the sandbox's choices).
    static let maxEntries = 50
    static let maxReferenceLength = 255

    var project: String?
    var client: String?
    var poNumber: String?
    var entries: [Entry]

    init(body: [UInt8]) throws(HTTPFailure) {
        func invalid(_ message: String) -> HTTPFailure {
            StocksyErrors.purchase(.badRequest, category: "invalid_request", "Invalid purchase request: \(message)")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw invalid("the body is not JSON (\(error.description))")
        }
        guard case .object = json else { throw invalid("the body must be a JSON object") }

        func reference(_ key: String) throws(HTTPFailure) -> String? {
            switch json[key] {
            case nil: return nil
            case .string(let s)?:
                guard s.count <= Self.maxReferenceLength else {
                    throw invalid("\(key) is longer than \(Self.maxReferenceLength) characters")
                }
                return s
            case let other?: throw invalid("\(key) must be a string, got \(other.typeDescription)")
            }
        }
        project = try reference("project")
        client = try reference("client")
        poNumber = try reference("poNumber")

        guard case .array(let list)? = json["products"] else { throw invalid("products must be a non-empty array") }
        guard !list.isEmpty else { throw invalid("products must be a non-empty array") }
        guard list.count <= Self.maxEntries else { throw invalid("at most \(Self.maxEntries) products per purchase") }
        var entries: [Entry] = []
        for (i, item) in list.enumerated() {
            guard case .object = item else { throw invalid("products[\(i)] must be an object") }
            guard case .number(_, let asset?)? = item["assetId"] else {
                throw invalid("products[\(i)].assetId must be a whole number")
            }
            guard case .array(let ids)? = item["productTypeIds"], !ids.isEmpty else {
                throw invalid("products[\(i)].productTypeIds must be a non-empty array of product type ids")
            }
            var typeIDs: [Int] = []
            for (j, id) in ids.enumerated() {
                guard case .number(_, let n?) = id, let typeID = Int(exactly: n) else {
                    throw invalid("products[\(i)].productTypeIds[\(j)] must be a whole number")
                }
                guard !typeIDs.contains(typeID) else {
                    throw invalid("products[\(i)].productTypeIds names \(typeID) twice")
                }
                typeIDs.append(typeID)
            }
            guard !entries.contains(where: { $0.assetID == asset }) else {
                throw invalid("asset \(asset) appears twice in products; list all its product type ids once")
            }
            entries.append(Entry(assetID: asset, productTypeIDs: typeIDs))
        }
        self.entries = entries
    }
}
