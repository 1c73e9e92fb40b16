import AsyncHTTPClient
import Foundation
import NIOCore
import StockCore
import StockHTTP
import StockProviders
import StockSandbox
import Testing

extension ServiceIntegration {
    /// Issue 4's leftovers for StockFlow: a burst past the limit held back by the client, and the
    /// one renewal after a 401 for a token the emulator itself revoked or expired.
    @Suite struct StockFlowBurstAndRefresh {
        /// Both sides count 120 requests per 10 seconds instead of per minute: the same sliding
        /// windows (the emulator's `SlidingWindowLimiter`, the client's `RateLimiter` with its
        /// margin of a fiftieth of the window) on a sixth of the time scale.
        static let window: Duration = .seconds(10)

        static func burst(_ client: StockFlowClient, count: Int) async -> [Result<Int, StockError>] {
            await withTaskGroup(of: Result<Int, StockError>.self) { group in
                for _ in 0..<count {
                    group.addTask {
                        do { return .success(try await client.categories().count) } catch let e as StockError { return .failure(e) } catch {
                            return .failure(.network("\(error)"))
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
        }

        /// 130 clips of the demo catalog.
        static func clipIDs(_ count: Int) throws -> [AssetID] {
            var filters = SearchFilters()
            filters.kinds = [.video]
            filters.free = .included
            return try DemoCatalog.shared.search(SearchRequest(filters: filters, pageSize: count)).items.map(\.id)
        }

        @Test func aBurstOf130AtTheLimitOf120IsHeldBackByTheClientAndDrawsNo429() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow, rateWindow: Self.window)) { server in
                let c = server.credentials.stockflow!
                // Retries off: a 429 would fail the lookup instead of being waited out.
                let client = StockFlowClient(configuration: .init(baseURL: server.baseURL, apiKey: c.adminKey, requestsPerMinute: 120,
                                                                  rateWindow: Self.window), retry: .never)
                let ids = try Self.clipIDs(130)
                #expect(ids.count == 130)
                let started = ContinuousClock.now
                // The client's own bulk call: 130 GET /clips/{id}, 4 at a time, as fast as it may.
                let lookup = try await client.assets(ids: ids)
                let elapsed = started.duration(to: .now)
                #expect(lookup.assets.map(\.id) == ids)
                let stats = await server.stats()
                #expect(stats.rateLimited == 0)
                #expect(stats.requests("GET /v2/clips/{id}").count == 130)
                #expect(stats.requests("GET /v2/clips/{id}").allSatisfy { $0.status == 200 })
                // The token call counts on the client's side too: 119 clips in the first window,
                // the other 11 after it.
                #expect(elapsed >= Self.window, "\(elapsed)")
            }
        }

        @Test func theSameBurstWithoutTheClientsLimitIsRefused() async throws {
            // The counter-proof: the emulator does refuse the 121st request of a window.
            try await withSandbox(SandboxOptions(api: .stockflow, rateWindow: Self.window)) { server in
                let c = server.credentials.stockflow!
                let client = StockFlowClient(configuration: .init(baseURL: server.baseURL, apiKey: c.adminKey, requestsPerMinute: 1000,
                                                                  rateWindow: Self.window), retry: .never)
                let results = await Self.burst(client, count: 130)
                let refused = results.filter { if case .failure(.rateLimited) = $0 { true } else { false } }
                #expect(refused.count == 10)
                #expect(await server.stats().rateLimited == 10)
            }
        }

        @Test func aTokenTheEmulatorRevokedIsRenewedOnceAfterA401WithTheRefreshToken() async throws {
            try await withSandbox(SandboxOptions(api: .stockflow)) { server in
                let key = server.credentials.stockflow!.adminKey
                let client = ServiceIntegration.StockFlow.client(server)
                _ = try await client.categories()
                let first = try await client.session.current()
                let refresh = try #require(first.refreshToken)
                // Revoked on the service's side (RFC 7009), as a dashboard or an admin would: the
                // client still believes it good for a day.
                #expect(try await Self.postForm("\(server.baseURL)/oauth/revoke", "token=\(first.accessToken)&client_secret=\(key)") == 200)

                let categories = try await client.categories()
                #expect(categories.count == 24)
                let stats = await server.stats()
                #expect(stats.requests("GET /v2/categories").map(\.status) == [200, 401, 200])
                #expect(stats.requests("POST /v2/oauth/token").map(\.status) == [200, 200])
                #expect(await client.session.exchanges == 2)
                let second = try await client.session.current()
                #expect(second.accessToken != first.accessToken)
                #expect(second.refreshToken != refresh)
                // The renewal used the refresh token (which rotated), not the key again.
                #expect(try await Self.postForm("\(server.baseURL)/oauth/token", "grant_type=refresh_token&refresh_token=\(refresh)") == 400)
                // And the next call needs nothing new.
                _ = try await client.categories()
                #expect(await client.session.exchanges == 2)
            }
        }

        @Test func tokensTheEmulatorKeepsRefusingCostOneRenewalNotALoop() async throws {
            // Every token has expired by the time its request is checked: 50 ms tokens, 200 ms of
            // latency before the check. One 401, one renewal, one more 401, and the error.
            try await withSandbox(SandboxOptions(api: .stockflow, latency: .milliseconds(200), tokenLifetime: .milliseconds(50))) { server in
                let client = ServiceIntegration.StockFlow.client(server, retry: quickRetry)
                let error = await stockError { _ = try await client.categories() }
                guard case .unauthorized(let message)? = error else { Issue.record("\(String(describing: error))"); return }
                #expect(message.contains("AUTH_REQUIRED"))
                let stats = await server.stats()
                #expect(stats.requests("GET /v2/categories").map(\.status) == [401, 401])
                #expect(stats.requests("POST /v2/oauth/token").map(\.status) == [200, 200])
                #expect(await client.session.exchanges == 2)
            }
        }

        /// The status of a form POST.
        static func postForm(_ url: String, _ body: String) async throws -> Int {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
            return Int(try await HTTPClient.shared.execute(request, timeout: .seconds(10)).status.code)
        }
    }
}
