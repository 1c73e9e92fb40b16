import Foundation
import StockHTTP
import Synchronization
import Testing

/// A clock tests move by hand.
final class TestNow: Sendable {
    private let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: @Sendable () -> Date { { self.value.withLock { $0 } } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 += seconds } }
}

@Suite struct OAuthSessionTests {
    /// A token endpoint that counts its calls and what it was asked.
    final class Endpoint: Sendable {
        let grants = Mutex<[OAuthGrant]>([])
        let refuseRefresh: Bool
        let clock: TestNow
        init(clock: TestNow, refuseRefresh: Bool = false) { self.clock = clock; self.refuseRefresh = refuseRefresh }
        var exchange: OAuthSession.Exchange {
            { grant in
                let n = self.grants.withLock { $0.append(grant); return $0.count }
                if case .refresh = grant, self.refuseRefresh { throw URLError(.userAuthenticationRequired) }
                try await Task.sleep(for: .milliseconds(20))
                return OAuthToken(accessToken: "access-\(n)", refreshToken: "refresh-\(n)",
                                  expiresAt: self.clock.now().addingTimeInterval(86_400), scopes: ["read"])
            }
        }
    }

    @Test func firstUseTradesTheKeyThenReusesTheToken() async throws {
        let clock = TestNow()
        let endpoint = Endpoint(clock: clock)
        let session = OAuthSession(now: clock.now, exchange: endpoint.exchange)
        #expect(try await session.currentToken() == "access-1")
        #expect(try await session.currentToken() == "access-1")
        #expect(endpoint.grants.withLock { $0 } == [.clientCredentials])
    }

    @Test func refreshesBeforeExpiry() async throws {
        let clock = TestNow()
        let endpoint = Endpoint(clock: clock)
        let session = OAuthSession(margin: 300, now: clock.now, exchange: endpoint.exchange)
        _ = try await session.currentToken()
        clock.advance(86_400 - 301)
        #expect(try await session.currentToken() == "access-1")
        clock.advance(2) // now within five minutes of expiry
        #expect(try await session.currentToken() == "access-2")
        #expect(endpoint.grants.withLock { $0 } == [.clientCredentials, .refresh("refresh-1")])
    }

    @Test func concurrentCallersShareOneExchange() async throws {
        let clock = TestNow()
        let endpoint = Endpoint(clock: clock)
        let session = OAuthSession(now: clock.now, exchange: endpoint.exchange)
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await session.currentToken() } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(tokens == ["access-1"])
        #expect(endpoint.grants.withLock { $0.count } == 1)
    }

    @Test func renewAfterRejectionOnceForManyTasks() async throws {
        let clock = TestNow()
        let endpoint = Endpoint(clock: clock)
        let session = OAuthSession(now: clock.now, exchange: endpoint.exchange)
        let first = try await session.currentToken()
        // Ten requests all rejected with the same token: one refresh between them.
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 { group.addTask { try await session.renew(rejected: first) } }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.allSatisfy { $0 })
        #expect(try await session.currentToken() == "access-2")
        #expect(endpoint.grants.withLock { $0 } == [.clientCredentials, .refresh("refresh-1")])
    }

    @Test func aRefusedRefreshFallsBackToTheKeyOnce() async throws {
        let clock = TestNow()
        let endpoint = Endpoint(clock: clock, refuseRefresh: true)
        let session = OAuthSession(token: OAuthToken(accessToken: "stale", refreshToken: "revoked", expiresAt: clock.now()),
                                   now: clock.now, exchange: endpoint.exchange)
        #expect(try await session.currentToken() == "access-2")
        #expect(endpoint.grants.withLock { $0 } == [.refresh("revoked"), .clientCredentials])
        #expect(await session.secrets().contains("revoked"))
    }
}
