import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The licenses this process is sending right now, shared by every `LicenseCoordinator` in it, so
/// that one asset is never sent twice at once and an intent in flight is never reconciled as if
/// it had been abandoned. Scoped by ledger file: two ledgers are two journals.
final class InFlightLicenses: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    static let shared = InFlightLicenses()

    private let lock = NSLock()
    private var assets: Set<String> = []
    private var keys: Set<String> = []

    /// Claims `provider`'s asset in the ledger `scope`; false when it is already claimed.
    func claim(scope: String, provider: String, assetID: Int64) -> Bool {
        lock.withLock { assets.insert(Self.slot(scope, provider, String(assetID))).inserted }
    }

    func release(scope: String, provider: String, assetID: Int64) {
        lock.withLock { _ = assets.remove(Self.slot(scope, provider, String(assetID))) }
    }

    /// The intent `key` of the ledger `scope` is being sent.
    func sending(scope: String, key: String) { lock.withLock { _ = keys.insert(Self.slot(scope, key)) } }
    func sent(scope: String, key: String) { lock.withLock { _ = keys.remove(Self.slot(scope, key)) } }
    func isSending(scope: String, key: String) -> Bool { lock.withLock { keys.contains(Self.slot(scope, key)) } }

    private static func slot(_ parts: String...) -> String { parts.joined(separator: "\u{0}") }

    /// Whether a process with this id exists (a process of another user counts).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
