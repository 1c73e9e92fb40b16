import Foundation

/// What `LicenseCoordinator.reconcile()` did with the intents left without an outcome.
public struct ReconcileReport: Hashable, Sendable {
    /// Found in the service's history: licensed, now confirmed.
    public var confirmed: [PurchaseIntent] = []
    /// Not in the service's history: not charged, now failed.
    public var failed: [PurchaseIntent] = []
    /// Outcomes nobody can check (the service keeps no history stockterm can read).
    public var unresolved: [PurchaseIntent] = []
    /// Still being sent by this or another live stockterm process: left alone.
    public var inFlight: [PurchaseIntent] = []

    public init() {}

    /// Nothing was left to reconcile.
    public var isEmpty: Bool { confirmed.isEmpty && failed.isEmpty && unresolved.isEmpty && inFlight.isEmpty }
}
