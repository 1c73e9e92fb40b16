import StockCore

/// What StockFlow's accounts have licensed while the server runs, and how much of their download
/// quota that used. A plain state machine: the caller holds the lock and records the charge.
///
/// The documents say only that `POST /downloads/{clip_id}` "initiates a download" and that the
/// plan has a "remaining download quota". The sandbox's reading (docs/sandbox.md):
/// - the first download of a clip under a license type charges one download from the quota;
/// - downloading it again under the same license type, in any format or resolution, is free;
/// - another license type of the same clip is another license, and charges again.
///
/// ```swift
/// var book = StockFlowDownloadBook()
/// book.download(clip: 18742, licenseType: .standard, account: studio) { "lic_1" }  // .charged("lic_1")
/// book.download(clip: 18742, licenseType: .standard, account: studio) { "lic_2" }  // .redownload("lic_1")
/// ```
struct StockFlowDownloadBook: Sendable {
    enum Outcome: Equatable, Sendable {
        /// A new license: one download taken from the quota.
        case charged(licenseID: String)
        /// The account already holds this license: nothing taken.
        case redownload(licenseID: String)
        /// A new license was needed and the quota is used up.
        case quotaExhausted(limit: Int, used: Int)
    }

    private struct Held: Hashable {
        var accountID: Int
        var clipID: Int64
        var licenseType: LicenseType
    }

    private var licenses: [Held: String] = [:]
    private var charged: [Int: Int] = [:]

    /// Downloads used this period: those before the server started and those charged since.
    func used(by account: StockFlowAccounts.Account) -> Int {
        account.downloadsUsed + charged[account.id, default: 0]
    }

    func remaining(for account: StockFlowAccounts.Account) -> Int {
        max(0, account.downloadLimit - used(by: account))
    }

    /// The license id an account holds for a clip under a license type, if any.
    func licenseID(account: Int, clip: Int64, licenseType: LicenseType) -> String? {
        licenses[Held(accountID: account, clipID: clip, licenseType: licenseType)]
    }

    /// Decides one download: a free re-download, a new license charged to the quota, or a refusal.
    /// `newID` names a new license.
    mutating func download(clip: Int64, licenseType: LicenseType, account: StockFlowAccounts.Account,
                           newID: () -> String) -> Outcome {
        let held = Held(accountID: account.id, clipID: clip, licenseType: licenseType)
        if let id = licenses[held] { return .redownload(licenseID: id) }
        guard remaining(for: account) > 0 else {
            return .quotaExhausted(limit: account.downloadLimit, used: used(by: account))
        }
        let id = newID()
        licenses[held] = id
        charged[account.id, default: 0] += 1
        return .charged(licenseID: id)
    }
}
