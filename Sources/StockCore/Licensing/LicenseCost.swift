import Foundation

/// What licensing costs on a service: money from an account balance (Stocksy, the demo account),
/// or downloads from a plan's quota (Adobe Stock credits, StockFlow downloads). Never a float.
public enum LicenseCost: Hashable, Sendable, Codable, CustomStringConvertible {
    case money(Money)
    case credits(Int)

    /// "$75.00", "1 credit", "3 credits".
    public var formatted: String {
        switch self {
        case .money(let m): m.formatted
        case .credits(let n): n == 1 ? "1 credit" : "\(n) credits"
        }
    }

    public var description: String { formatted }

    /// Nothing, in the same unit as `self`.
    public var zero: LicenseCost {
        switch self {
        case .money(let m): .money(Money(amount: 0, currency: m.currency, decimals: m.decimals))
        case .credits: .credits(0)
        }
    }

    /// The sum, or nil when the units differ (dollars and credits, or two currencies).
    public func adding(_ other: LicenseCost) -> LicenseCost? {
        switch (self, other) {
        case let (.money(a), .money(b)) where a.currency == b.currency && a.decimals == b.decimals:
            .money(Money(amount: a.amount + b.amount, currency: a.currency, decimals: a.decimals))
        case let (.credits(a), .credits(b)): .credits(a + b)
        default: nil
        }
    }

    /// `self - other`, or nil when the units differ. May be negative.
    public func subtracting(_ other: LicenseCost) -> LicenseCost? {
        switch other {
        case .money(let m): adding(.money(Money(amount: -m.amount, currency: m.currency, decimals: m.decimals)))
        case .credits(let n): adding(.credits(-n))
        }
    }

    /// The amount in the unit's smallest step (cents or credits), for comparisons within one unit.
    public var minorUnits: Int64 {
        switch self {
        case .money(let m): m.amount
        case .credits(let n): Int64(n)
        }
    }

    public var isNegative: Bool { minorUnits < 0 }

    /// Whether the cost is in credits (a quota) rather than money.
    public var isCredits: Bool {
        if case .credits = self { return true }
        return false
    }

    private enum CodingKeys: String, CodingKey { case money, credits }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let m = try c.decodeIfPresent(Money.self, forKey: .money) {
            self = .money(m)
        } else {
            self = .credits(try c.decode(Int.self, forKey: .credits))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .money(let m): try c.encode(m, forKey: .money)
        case .credits(let n): try c.encode(n, forKey: .credits)
        }
    }
}
