import Foundation

/// Every charge an emulator made, per asset: what tests read (through `SandboxServer.charges()`
/// or `GET /_sandbox/charges`) to prove that nothing was charged twice by accident.
final class ChargeBook: Sendable {
    /// One charge: an asset licensed (or licensed again) for an account.
    struct Charge: Sendable, Hashable {
        var accountID: String
        var assetID: Int64
        /// The service's purchase or license id.
        var reference: String
        /// What was taken: minor units of money, or credits.
        var amount: Int64
        /// Whether the caller asked for it explicitly as a second license.
        var licenseAgain: Bool
        /// Seconds since 1970.
        var time: Double
    }

    private let charges = Locked<[Charge]>([])

    func record(_ charge: Charge) { charges.withLock { $0.append(charge) } }

    var all: [Charge] { charges.withLock { $0 } }

    /// How many times each asset was charged.
    var countsByAsset: [Int64: Int] {
        all.reduce(into: [:]) { $0[$1.assetID, default: 0] += 1 }
    }

    /// `{"charges":[{"assetId":…,"account":…,"reference":…,"amount":…,"licenseAgain":…}], "byAsset":{"id":n}}`.
    var json: JSONNode {
        let list = all
        return .members([
            ("charges", .array(list.map { c in
                .members([("assetId", .int(Int(c.assetID))), ("account", .string(c.accountID)), ("reference", .string(c.reference)),
                          ("amount", .int(Int(c.amount))), ("licenseAgain", .bool(c.licenseAgain))])
            })),
            ("byAsset", .members(countsByAsset.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) })),
        ])
    }
}
