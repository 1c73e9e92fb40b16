import StockCore

/// Something an asset can be bought as, in `AssetJSON.products`: a size (`deliverable`) or an
/// extended license (`license`), with its price.
struct ProductJSON: Encodable, Equatable {
    /// The id `stockterm license --product` (or `--license`) takes.
    var productTypeId: Int
    var type: String
    var name: String
    var description: String
    var price: MoneyJSON
    @Nullable var dimensions: AssetJSON.Dimensions?

    init(_ p: Product) {
        productTypeId = p.productTypeId
        type = p.type.rawValue
        name = p.name
        description = p.description
        price = MoneyJSON(p.price)
        dimensions = p.dimensions.map { AssetJSON.Dimensions(width: $0.width, height: $0.height) }
    }
}
