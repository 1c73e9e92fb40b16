import StockCore

/// What a fault does to a request.
public enum SandboxFault: String, Sendable, Hashable, CaseIterable {
    /// A 500 with the service's error envelope.
    case internalError
    /// A 502 with the service's error envelope.
    case badGateway
    /// A 503 with the service's error envelope.
    case unavailable
    /// A 200 whose JSON body is cut in half.
    case malformedJSON
    /// The connection closes with no answer at all.
    case droppedConnection

    /// The HTTP status of the error faults.
    var status: Int? {
        switch self {
        case .internalError: 500
        case .badGateway: 502
        case .unavailable: 503
        case .malformedJSON, .droppedConnection: nil
        }
    }
}

/// Decides, request by request, whether to inject a fault: with probability `rate`, one of the
/// three kinds (server error, malformed JSON, dropped connection) with equal odds; a server error
/// is a 500, 502 or 503 with equal odds. Seeded, so the same seed gives the same sequence.
/// When `kinds` is narrowed (`SandboxOptions.faultKinds`), one of the allowed kinds with equal odds.
struct FaultInjector: Sendable {
    let rate: Double
    /// The allowed kinds in a fixed order; nil when every kind is allowed (the original draw).
    private let kinds: [SandboxFault]?
    private var random: SplitMix64

    init(rate: Double, seed: UInt64, kinds: Set<SandboxFault> = Set(SandboxFault.allCases)) {
        self.rate = rate
        self.kinds = kinds == Set(SandboxFault.allCases) || kinds.isEmpty ? nil : SandboxFault.allCases.filter(kinds.contains)
        random = SplitMix64(seed: seed, stream: 0xFA17)
    }

    mutating func next() -> SandboxFault? {
        // unitInterval is in (0, 1]: a rate of 0 never fires, a rate of 1 always does.
        guard rate > 0, random.unitInterval() <= rate else { return nil }
        if let kinds { return kinds[random.below(kinds.count)] }
        switch random.below(3) {
        case 0: return [SandboxFault.internalError, .badGateway, .unavailable][random.below(3)]
        case 1: return .malformedJSON
        default: return .droppedConnection
        }
    }
}
