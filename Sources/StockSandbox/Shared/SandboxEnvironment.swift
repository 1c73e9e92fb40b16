import Foundation
import StockCatalog
import StockCore

/// What every route of one server shares: the options, the catalog, the rate limit, the fault
/// injector, the token generator and the request log.
final class SandboxEnvironment: Sendable {
    let options: SandboxOptions
    let catalog: LocalCatalog
    let recorder = StatsRecorder()
    /// Every charge this server made, per asset (licensing tests read it).
    let charges = ChargeBook()
    /// Generated files behind signed, expiring URLs (downloads).
    let files: SandboxFiles
    private let limiter: Locked<SlidingWindowLimiter>
    private let faults: Locked<FaultInjector>
    private let random: Locked<SplitMix64>
    private let clockStart = ContinuousClock.now
    /// `http://127.0.0.1:PORT`, known once the server listens.
    private let originBox = Locked("http://127.0.0.1")

    init(options: SandboxOptions, catalog: LocalCatalog) {
        self.options = options
        self.catalog = catalog
        let window = Self.seconds(options.effectiveRateWindow)
        limiter = Locked(SlidingWindowLimiter(limit: options.effectiveRateLimit, window: window))
        faults = Locked(FaultInjector(rate: options.faultRate, seed: options.seed, kinds: options.faultKinds))
        random = Locked(SplitMix64(seed: options.seed, stream: 0x70CE))
        let originBox = self.originBox
        files = SandboxFiles(seed: options.seed) { originBox.withLock { $0 } }
    }

    var origin: String { originBox.withLock { $0 } }
    func setOrigin(_ origin: String) { originBox.withLock { $0 = origin } }

    /// Seconds since the server started, on a monotonic clock.
    var now: Double {
        let elapsed = ContinuousClock.now - clockStart
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Counts a request that arrived at `time` (seconds on `now`'s clock) against `key`'s window.
    func admit(_ key: String, arrivedAt time: Double) -> SlidingWindowLimiter.Decision {
        limiter.withLock { $0.admit(key, at: time) }
    }

    func nextFault() -> SandboxFault? { faults.withLock { $0.next() } }

    /// `count` random characters from `alphabet` (tokens, keys), from the seeded generator.
    func randomString(_ count: Int, alphabet: String = "0123456789abcdef") -> String {
        let characters = Array(alphabet)
        return random.withLock { rng in String((0..<count).map { _ in characters[rng.below(characters.count)] }) }
    }

    var tokenLifetimeSeconds: Double { Self.seconds(options.tokenLifetime) }

    /// A duration in (fractional) seconds.
    static func seconds(_ duration: Duration) -> Double {
        let c = duration.components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
