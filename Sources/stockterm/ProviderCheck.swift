import Foundation
import StockConfig
import StockCore
import StockHTTP

/// `stockterm providers --check`: one cheap authenticated call per provider, all at once, each
/// with a deadline and no retries.
enum ProviderCheck {
    struct Result: Sendable, Encodable {
        var ok: Bool
        var message: String
    }

    private struct TimedOut: Error {}

    static func run(_ summaries: [ProviderSummary], config: StocktermConfig, environment: [String: String],
                    timeout: Duration) async -> [String: Result] {
        await withTaskGroup(of: (String, Result).self) { group in
            for summary in summaries {
                group.addTask {
                    (summary.name, await check(summary, config: config, environment: environment, timeout: timeout))
                }
            }
            var results: [String: Result] = [:]
            for await (name, result) in group { results[name] = result }
            return results
        }
    }

    static func check(_ summary: ProviderSummary, config: StocktermConfig, environment: [String: String],
                      timeout: Duration) async -> Result {
        guard summary.isReady else { return Result(ok: false, message: "not checked: \(summary.message ?? summary.status)") }
        let resolved: ResolvedProvider
        do { resolved = try config.resolve(summary.name, environment: environment) } catch {
            return Result(ok: false, message: error.description)
        }
        // A catalog has nothing to sign in to, and opening a large one may build its index.
        guard resolved.kind.isService else { return Result(ok: true, message: "local catalog, nothing to sign in to") }
        let choice: ProviderChoice
        do { choice = try ProviderFactory.make(resolved, retry: .never) } catch {
            return Result(ok: false, message: error.description)
        }
        let provider = choice.provider
        let searchOnly = resolved.kind == .adobe && resolved.secret(.accessToken) == nil
        do {
            let message = try await withDeadline(timeout) {
                if searchOnly {
                    // Adobe's account needs an access token; a one-item search proves the API key.
                    _ = try await provider.search(SearchRequest(query: .term("lake"), pageSize: 1))
                    return "API key accepted (no access token: search only, no licensing)"
                }
                return describe(try await provider.account())
            }
            return Result(ok: true, message: message)
        } catch is TimedOut {
            return Result(ok: false, message: "no answer within \(Self.seconds(timeout)) s from \(summary.endpoint ?? choice.displayName)")
        } catch {
            return Result(ok: false, message: Terminal.describe(error))
        }
    }

    /// "Patrick McGoohan · Professional · 42 downloads left · balance $437.50"
    static func describe(_ account: Account) -> String {
        var parts = ["signed in as \(SafeText.sanitize(account.name))"]
        if let tier = account.licenseTier { parts.append(SafeText.sanitize(tier)) }
        if let quota = account.remainingQuota { parts.append("\(quota) download\(quota == 1 ? "" : "s") left") }
        if let balance = account.balance { parts.append("balance \(balance.formatted)") }
        return parts.joined(separator: " · ")
    }

    /// Runs `body`, cancelling it and throwing `TimedOut` after `timeout`.
    private static func withDeadline<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TimedOut()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }
}
