import AsyncHTTPClient
import Foundation
import Testing
@testable import StockSandbox

/// StockFlow's rate limit, fault injection and latency over real HTTP.
@Suite struct StockFlowLimitsTests {
    @Test func theRateLimitAnswers429WithRetryAfter() async throws {
        try await StockFlowClipsTests.withStockFlow(SandboxOptions(api: .stockflow, rateLimit: 3)) { server, auth in
            for _ in 0..<3 {
                let r = try await Wire.send("\(server.baseURL)/categories", headers: auth)
                #expect(r.status == 200)
            }
            let refused = try await Wire.send("\(server.baseURL)/categories", headers: auth)
            #expect(refused.status == 429)
            let header = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...60).contains(header))
            let body = try refused.object()
            #expect(keys(body) == documentKeys(StockFlowExamples.rateLimited))
            let error = try #require(body["error"] as? [String: Any])
            let documented = try JSONSerialization.jsonObject(with: Data(StockFlowExamples.rateLimited.utf8)) as? [String: Any]
            #expect(keys(error) == keys(documented?["error"]))
            #expect(error["retry_after"] as? Int == header)
            #expect(error["message"] as? String == "You have exceeded 3 requests per minute. Retry after \(header) seconds.")
            // The token endpoint is not rate limited.
            #expect(try await Wire.form("\(server.baseURL)/oauth/token", [("grant_type", "client_credentials"), ("client_secret", server.credentials.stockflow!.readOnlyKey)]).status == 200)
            // Another key has its own window.
            let other = try await StockFlowAuthTests.bearer(server, key: server.credentials.stockflow!.expiredLicenseKey)
            #expect(try await Wire.send("\(server.baseURL)/users/me", headers: [("Authorization", "Bearer \(other)")]).status == 200)
            let stats = await server.stats()
            #expect(stats.rateLimited == 1)
            #expect(stats.responsesPerStatus[429] == 1)
        }
    }

    @Test func everyRequestFailsAtFaultRateOne() async throws {
        try await StockFlowClipsTests.withStockFlow(SandboxOptions(api: .stockflow, faultRate: 1, seed: 7)) { server, auth in
            var outcomes: [String] = []
            for _ in 0..<30 {
                do {
                    let r = try await Wire.send("\(server.baseURL)/clips?per_page=10", headers: auth)
                    if r.status == 200 {
                        #expect((try? JSONSerialization.jsonObject(with: Data(r.body.utf8))) == nil, "a 200 fault must be malformed JSON")
                        outcomes.append("malformed")
                    } else {
                        #expect([500, 502, 503].contains(r.status))
                        #expect((try r.object()["error"] as? [String: Any])?["status"] as? Int == r.status)
                        outcomes.append("\(r.status)")
                    }
                } catch {
                    outcomes.append("dropped")
                }
            }
            let stats = await server.stats()
            #expect(stats.faultsInjected == 30)
            #expect(stats.faults[.droppedConnection, default: 0] == outcomes.filter { $0 == "dropped" }.count)
            #expect(stats.faults[.malformedJSON, default: 0] == outcomes.filter { $0 == "malformed" }.count)
            #expect(Set(outcomes).count >= 3, "\(outcomes)")
            // The token endpoint never fails.
            for _ in 0..<5 {
                let r = try await Wire.form("\(server.baseURL)/oauth/token", [("grant_type", "client_credentials"), ("client_secret", server.credentials.stockflow!.adminKey)])
                #expect(r.status == 200)
            }
        }
    }

    @Test func nothingFailsAtFaultRateZero() async throws {
        try await StockFlowClipsTests.withStockFlow(SandboxOptions(api: .stockflow, faultRate: 0)) { server, auth in
            for _ in 0..<20 {
                let r = try await Wire.send("\(server.baseURL)/clips?per_page=10", headers: auth)
                #expect(r.status == 200)
            }
            #expect(await server.stats().faultsInjected == 0)
        }
    }

    @Test func latencyDelaysAPIAnswersButNotTheTokenEndpoint() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow, latency: .seconds(5))) { server in
            let clock = ContinuousClock()
            var token = ""
            let tokenTime = try await clock.measure { token = try await StockFlowAuthTests.bearer(server) }
            let apiTime = try await clock.measure {
                _ = try await Wire.send("\(server.baseURL)/categories", headers: [("Authorization", "Bearer \(token)")])
            }
            #expect(apiTime >= .seconds(5))
            // Generous: the suite runs in parallel on two cores.
            #expect(tokenTime < .seconds(5))
        }
    }

    @Test func unknownRoutesGetTheServicesEnvelope() async throws {
        try await StockFlowClipsTests.withStockFlow { server, auth in
            let r = try await Wire.send("\(server.baseURL)/nowhere", headers: auth)
            #expect(r.status == 404)
            #expect((try r.object()["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND")
        }
    }
}
