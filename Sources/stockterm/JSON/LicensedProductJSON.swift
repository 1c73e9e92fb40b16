import StockCore

/// One licensed product (a license receipt's, the ledger's or the service's history's): what
/// was bought and the id `stockterm download` takes.
struct LicensedProductJSON: Encodable, Equatable {
    /// What `stockterm download` takes: "demo-000001-2", Adobe's "112670342:Standard".
    var downloadId: String
    var assetId: Int64
    /// The option it was bought as (`stockterm license --product`), when known.
    @Nullable var optionId: String?
    var name: String
    /// `deliverable` (a size) or `license` (an extended license).
    var type: String
    /// ISO 8601 UTC; null when the service does not say.
    @Nullable var licensedAt: String?
    @Nullable var title: String?
    /// The file name the service suggests (never used as a path).
    @Nullable var fileName: String?
    /// False when the service no longer offers the file; the license stays valid.
    var downloadable: Bool

    init(_ p: LicensedProduct) {
        downloadId = p.id
        assetId = p.assetID.rawValue
        optionId = p.optionID
        name = p.name
        type = p.type.rawValue
        licensedAt = p.licensedAt.map(ISODate.format)
        title = p.title
        fileName = p.fileName
        downloadable = p.downloadable
    }
}
