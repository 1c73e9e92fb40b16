import Foundation

/// One thing that can be licensed for an asset: a size (deliverable) or an extended license.
/// Stocksy's `availableProducts[]` item; Adobe's Standard / Extended licenses; StockFlow's
/// format and resolution pairs; the demo catalog's products.
public struct LicenseOption: Hashable, Sendable, Codable {
    /// What the service calls it in a license request: Stocksy's productTypeId ("2"), Adobe's
    /// license name ("Standard"), StockFlow's "mp4-1080p".
    public var id: String
    /// A size (exactly one is chosen) or an extended license (any number, on top of a size).
    public var type: Product.ProductType
    /// "Medium", "Standard license", "MP4 1080p". Unsanitised: pass it through `SafeText`.
    public var name: String
    /// One line about it ("3000 × 2000 px", "Unlimited print runs"). Unsanitised.
    public var detail: String
    public var cost: LicenseCost
    public var dimensions: Product.Dimensions?

    public init(id: String, type: Product.ProductType, name: String, detail: String = "", cost: LicenseCost,
                dimensions: Product.Dimensions? = nil) {
        self.id = id; self.type = type; self.name = name; self.detail = detail; self.cost = cost; self.dimensions = dimensions
    }

    /// The options a product list (Stocksy's, the demo catalog's) offers, in its order.
    public static func options(from products: [Product]) -> [LicenseOption] {
        products.map { p in
            let size = p.dimensions.map { "\($0.width) × \($0.height) px" }
            let detail = [size, p.description.isEmpty ? nil : p.description].compactMap { $0 }.joined(separator: " · ")
            return LicenseOption(id: String(p.productTypeId), type: p.type, name: p.name, detail: detail,
                                 cost: .money(p.price), dimensions: p.dimensions)
        }
    }
}

/// A license reference the service asks for (Stocksy project, client and PO number; Adobe's
/// `cce_agency` references from Member/Profile), some of them required.
public struct LicenseReferenceField: Hashable, Sendable, Codable {
    /// What the request carries it as: "project", "client", "poNumber", or Adobe's numeric id ("2").
    public var id: String
    /// "Project", "Enter project reference...". Unsanitised.
    public var label: String
    public var required: Bool
    public init(id: String, label: String, required: Bool) { self.id = id; self.label = label; self.required = required }
}

/// Everything the licensing flow needs before anything is sent: what is on offer, the references
/// to fill, the account it is paid from, and what the service already says is licensed.
public struct LicenseOffer: Hashable, Sendable {
    public var assetID: AssetID
    public var options: [LicenseOption]
    public var references: [LicenseReferenceField]
    /// The account as it is now (its balance or quota is the "before" of the confirmation).
    public var account: Account
    /// The license the purchase grants, in words: "Stocksy royalty-free license".
    public var licenseName: String
    /// Tax the service adds on top of the subtotal, in basis points (0 when it adds none).
    public var taxBasisPoints: Int
    /// What the service already reports as licensed for this asset (Stocksy `purchasedProducts`,
    /// Adobe `is_licensed`).
    public var alreadyLicensed: [LicensedProduct]

    public init(assetID: AssetID, options: [LicenseOption], references: [LicenseReferenceField] = [], account: Account,
                licenseName: String, taxBasisPoints: Int = 0, alreadyLicensed: [LicensedProduct] = []) {
        self.assetID = assetID; self.options = options; self.references = references; self.account = account
        self.licenseName = licenseName; self.taxBasisPoints = taxBasisPoints; self.alreadyLicensed = alreadyLicensed
    }

    /// What the account can spend, in the unit of the options (nil when the service does not say).
    public var available: LicenseCost? {
        switch options.first?.cost {
        case .money?: account.balance.map(LicenseCost.money)
        case .credits?: account.remainingQuota.map(LicenseCost.credits)
        case nil: nil
        }
    }

    /// The confirmation's figures for a choice of options, or nil if the choice is empty, names
    /// unknown options or mixes units.
    public func quote(optionIDs: [String]) -> LicenseQuote? {
        let lines = optionIDs.compactMap { id in options.first { $0.id == id } }
        guard !lines.isEmpty, lines.count == optionIDs.count else { return nil }
        var subtotal = lines[0].cost
        for line in lines.dropFirst() {
            guard let sum = subtotal.adding(line.cost) else { return nil }
            subtotal = sum
        }
        let tax: LicenseCost
        switch subtotal {
        case .money(let m):
            // Rounded half up, in minor units.
            let t = (m.amount * Int64(taxBasisPoints) + 5_000) / 10_000
            tax = .money(Money(amount: t, currency: m.currency, decimals: m.decimals))
        case .credits: tax = .credits(0)
        }
        guard let total = subtotal.adding(tax) else { return nil }
        let before = available
        let after = before.flatMap { $0.subtracting(total) }
        return LicenseQuote(lines: lines, subtotal: subtotal, tax: tax, total: total, before: before, after: after,
                            licenseName: licenseName)
    }
}

/// The confirmation screen's figures: each line with its price, subtotal, tax, total, and the
/// balance or quota before and after.
public struct LicenseQuote: Hashable, Sendable, Codable {
    public var lines: [LicenseOption]
    public var subtotal: LicenseCost
    public var tax: LicenseCost
    public var total: LicenseCost
    /// The balance or quota now; nil when the service does not say.
    public var before: LicenseCost?
    /// `before - total`; negative means the account cannot pay.
    public var after: LicenseCost?
    public var licenseName: String

    public init(lines: [LicenseOption], subtotal: LicenseCost, tax: LicenseCost, total: LicenseCost,
                before: LicenseCost?, after: LicenseCost?, licenseName: String) {
        self.lines = lines; self.subtotal = subtotal; self.tax = tax; self.total = total
        self.before = before; self.after = after; self.licenseName = licenseName
    }

    /// False when the balance or quota is known and too small.
    public var isAffordable: Bool { !(after?.isNegative ?? false) }
}
