import Foundation
import StockCore

/// One license event: an asset licensed by a member (again, when `license_again=true` asked for it).
struct AdobeLicenseRecord: Sendable {
    /// What the history shows for an asset that is no longer in the catalog.
    struct RemovedAsset: Sendable {
        var title: String
        var creatorName: String
        var creatorID: Int
        var contentType: String
        var mediaTypeID: Int
        var width: Int
        var height: Int
    }

    var memberID: Int
    var scope: String
    var assetID: AssetID
    var license: AdobeLicense
    var date: Date
    var references: [(id: Int, value: String)]
    /// Set for a license of an asset Adobe has since removed (the catalog does not have it).
    var removed: RemovedAsset?
}

/// The emulator's licensing state: each member's licenses left and every license event, under
/// one lock so that "is it licensed? is there quota? charge and record" is one step.
final class AdobeLicenseBook: Sendable {
    private struct State {
        var quota: [Int: Int]
        /// Oldest first.
        var records: [AdobeLicenseRecord]
    }

    /// What Content/License did.
    enum Outcome {
        /// A new license was granted and `cost` taken from the quota.
        case licensed(AdobeLicenseRecord, cost: Int)
        /// The asset already had this license in the member's scope: nothing was charged.
        case alreadyLicensed(AdobeLicenseRecord)
    }

    /// Content/License's refusals.
    enum Refusal: Error {
        /// The member's plan cannot license this asset with this license at all.
        case planCannot
        case notEnoughQuota(needed: Int, left: Int)
    }

    /// The seed's own license-history example, kept as a license of an asset that Adobe has
    /// since removed (seed 001, "Why can't I download an asset from license history?"): the
    /// personal member licensed it on 11/6/17, 2:54 AM; the catalog (ids 10001–15000) has no such id.
    static let removedAssetID: AssetID = 112_670_342
    static let removedAsset = AdobeLicenseRecord.RemovedAsset(
        title: "Kitten on white blanket", creatorName: "byrdyak", creatorID: 202_614_441, contentType: "image/jpeg",
        mediaTypeID: 1, width: 4256, height: 2832)
    /// 2017-11-06 02:54:18 UTC, as Adobe's licensing guide shows the same license.
    static let removedAssetDate = Date(timeIntervalSince1970: 1_509_936_858)

    private let state: Locked<State>
    private let charges: ChargeBook

    /// `seeded` are licenses held before the server started (never charges).
    init(members: [AdobeMembers.Member], seeded: [AdobeLicenseRecord], charges: ChargeBook) {
        var quota: [Int: Int] = [:]
        for m in members { quota[m.stockID] = m.quota }
        state = Locked(State(quota: quota, records: seeded.sorted { $0.date < $1.date }))
        self.charges = charges
    }

    func quota(of member: AdobeMembers.Member) -> Int { state.withLock { $0.quota[member.stockID] ?? 0 } }

    /// The newest license of `asset` in `scope`, of `license` if given.
    func latest(scope: String, asset: AssetID, license: AdobeLicense? = nil) -> AdobeLicenseRecord? {
        state.withLock { s in
            s.records.last { $0.scope == scope && $0.assetID == asset && (license == nil || $0.license == license) }
        }
    }

    /// The newest license of each asset in `scope` (for `is_licensed`).
    func licensedNames(scope: String, assets: [AssetID]) -> [AssetID: String] {
        let wanted = Set(assets)
        return state.withLock { s in
            var out: [AssetID: String] = [:]
            for r in s.records where r.scope == scope && wanted.contains(r.assetID) { out[r.assetID] = r.license.rawValue }
            return out
        }
    }

    /// The member's license history, newest first; with `all`, the whole organisation's.
    func history(of member: AdobeMembers.Member, all: Bool) -> [AdobeLicenseRecord] {
        state.withLock { s in
            s.records.filter { all && member.organisation != nil ? $0.scope == member.scope : $0.memberID == member.stockID }.reversed()
        }
    }

    /// Whether `member` (or, for an enterprise member, the organisation) holds a license for
    /// `asset` under `license`, for downloads.
    func holds(_ member: AdobeMembers.Member, asset: AssetID, license: AdobeLicense) -> AdobeLicenseRecord? {
        latest(scope: member.scope, asset: asset, license: license)
    }

    /// Licenses `asset` for `member` in one step: an asset already licensed (in the member's
    /// scope) is not charged again unless `again`; otherwise `cost` is taken from the quota,
    /// the license recorded and the charge written to the `ChargeBook`. `cost` is nil when the
    /// member's plan cannot license it (which matters only when it would be charged).
    func license(_ asset: AssetID, as license: AdobeLicense, member: AdobeMembers.Member, cost: Int?, again: Bool,
                 references: [(id: Int, value: String)], now: Date) throws(Refusal) -> Outcome {
        let result: Result<Outcome, Refusal> = state.withLock { s in
            if !again, let held = s.records.last(where: { $0.scope == member.scope && $0.assetID == asset && $0.license == license }) {
                return .success(.alreadyLicensed(held))
            }
            guard let cost else { return .failure(.planCannot) }
            let left = s.quota[member.stockID] ?? 0
            guard left >= cost else { return .failure(.notEnoughQuota(needed: cost, left: left)) }
            s.quota[member.stockID] = left - cost
            let record = AdobeLicenseRecord(memberID: member.stockID, scope: member.scope, assetID: asset, license: license,
                                            date: now, references: references)
            s.records.append(record)
            if cost > 0 {
                charges.record(.init(accountID: member.accountID, assetID: asset.rawValue,
                                     reference: "\(asset):\(license.rawValue):\(AdobeDates.dateTime(now))",
                                     amount: Int64(cost), licenseAgain: again, time: now.timeIntervalSince1970))
            }
            return .success(.licensed(record, cost: cost))
        }
        return try result.get()
    }
}

/// Adobe's two date styles: `2017-11-01 22:57:48` in Content/License and Content/Info, and
/// `11/6/17, 2:54 AM` in LicenseHistory (en_US, minutes only). Both in UTC.
enum AdobeDates {
    static func dateTime(_ date: Date) -> String { AdobeFileRenderer.dateText(date) }

    static func historyText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let hour = c.hour ?? 0
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        let minute = String(format: "%02d", c.minute ?? 0)
        return "\(c.month ?? 1)/\(c.day ?? 1)/\(String(format: "%02d", (c.year ?? 2000) % 100)), \(h12):\(minute) \(hour < 12 ? "AM" : "PM")"
    }
}
