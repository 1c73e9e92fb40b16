import StockCore

/// What licensing costs (`LicenseCost`): money as `MoneyJSON`, a quota as `CreditsJSON`. The
/// schema's `cost` is `oneOf` the two, told apart by their keys (`currency` or `credits`).
enum CostJSON: Encodable, Equatable {
    case money(MoneyJSON)
    case credits(CreditsJSON)

    init(_ cost: LicenseCost) {
        switch cost {
        case .money(let m): self = .money(MoneyJSON(m))
        case .credits(let n): self = .credits(CreditsJSON(n))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .money(let m): try m.encode(to: encoder)
        case .credits(let c): try c.encode(to: encoder)
        }
    }
}
