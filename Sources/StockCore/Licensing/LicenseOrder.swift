import Foundation

/// What a person confirmed: which options of one asset, with which references, and whether an
/// asset already licensed is licensed again on purpose (Adobe `license_again=true`).
public struct LicenseOrder: Hashable, Sendable, Codable {
    public var assetID: AssetID
    /// `LicenseOption.id`s: one deliverable and any extended licenses.
    public var optionIDs: [String]
    /// Reference values by `LicenseReferenceField.id`.
    public var references: [String: String]
    public var licenseAgain: Bool

    public init(assetID: AssetID, optionIDs: [String], references: [String: String] = [:], licenseAgain: Bool = false) {
        self.assetID = assetID; self.optionIDs = optionIDs; self.references = references; self.licenseAgain = licenseAgain
    }

    /// The required references left empty, in the offer's order.
    public func missingReferences(in offer: LicenseOffer) -> [LicenseReferenceField] {
        offer.references.filter { field in
            field.required && (references[field.id]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true)
        }
    }
}

/// One licensed product: what the service bought for the account, and the reference a download
/// of it asks for.
public struct LicensedProduct: Hashable, Sendable, Codable {
    /// What a download asks for: Stocksy's purchasedProduct id ("6867571"), Adobe's content id
    /// with its license ("112670342:Standard"), StockFlow's "clip:format:resolution".
    public var id: String
    public var assetID: AssetID
    /// The `LicenseOption.id` it was bought as, when known.
    public var optionID: String?
    /// "Medium", "Standard". Unsanitised.
    public var name: String
    public var type: Product.ProductType
    public var licensedAt: Date?
    /// The asset's title when the history gives it. Unsanitised.
    public var title: String?
    /// The file name the service suggests, if any. Unsanitised and untrusted: never a path.
    public var fileName: String?
    /// False when the service no longer offers the file (the asset was removed); the license stays valid.
    public var downloadable: Bool

    public init(id: String, assetID: AssetID, optionID: String? = nil, name: String, type: Product.ProductType = .deliverable,
                licensedAt: Date? = nil, title: String? = nil, fileName: String? = nil, downloadable: Bool = true) {
        self.id = id; self.assetID = assetID; self.optionID = optionID; self.name = name; self.type = type
        self.licensedAt = licensedAt; self.title = title; self.fileName = fileName; self.downloadable = downloadable
    }
}

/// The service's answer to a license request, as the ledger keeps it.
public struct LicenseReceipt: Hashable, Sendable, Codable {
    /// The service's purchase or license id.
    public var purchaseID: String
    public var assetID: AssetID
    public var products: [LicensedProduct]
    public var subtotal: LicenseCost?
    public var tax: LicenseCost?
    public var total: LicenseCost?
    public var date: Date

    public init(purchaseID: String, assetID: AssetID, products: [LicensedProduct], subtotal: LicenseCost? = nil,
                tax: LicenseCost? = nil, total: LicenseCost? = nil, date: Date) {
        self.purchaseID = purchaseID; self.assetID = assetID; self.products = products
        self.subtotal = subtotal; self.tax = tax; self.total = total; self.date = date
    }
}

/// One page of the service's license or purchase history.
public struct LicenseHistoryPage: Hashable, Sendable {
    public var items: [LicensedProduct]
    /// Where this page starts.
    public var offset: Int
    /// The history's length, when the service says.
    public var total: Int?
    /// Records of this page that could not be mapped and were left out of `items`.
    public var skipped: [SkippedRecord]
    public init(items: [LicensedProduct], offset: Int, total: Int? = nil, skipped: [SkippedRecord] = []) {
        self.items = items; self.offset = offset; self.total = total; self.skipped = skipped
    }

    /// How many records of the history this page covered, read or skipped: the next page starts
    /// at `offset + covered`.
    public var covered: Int { items.count + skipped.count }

    /// Whether a page after this one may exist.
    public func hasMore(limit: Int) -> Bool {
        if let total { return offset + covered < total }
        return covered >= limit
    }
}
