import Foundation
import StockCore
import Testing
@testable import StockSandbox

/// StockFlow's OAuth token endpoint, bearer checks and the expired license.
@Suite struct StockFlowAuthTests {
    static func token(_ server: SandboxServer, key: String) async throws -> [String: Any] {
        let r = try await Wire.form("\(server.baseURL)/oauth/token", [("grant_type", "client_credentials"), ("client_secret", key)])
        #expect(r.status == 200, "\(r.body)")
        return try r.object()
    }

    static func bearer(_ server: SandboxServer, key: String? = nil) async throws -> String {
        try await token(server, key: key ?? server.credentials.stockflow!.adminKey)["access_token"] as! String
    }

    @Test func clientCredentialsGiveBearerTokensWithTheKeysScope() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let admin = try await Self.token(server, key: server.credentials.stockflow!.adminKey)
            #expect(keys(admin) == ["access_token", "token_type", "expires_in", "refresh_token", "refresh_expires_in", "scope"])
            #expect(admin["token_type"] as? String == "Bearer")
            #expect(admin["expires_in"] as? Int == 86_400)
            #expect(admin["refresh_expires_in"] as? Int == 7_776_000)
            #expect(admin["scope"] as? String == "read admin")
            let read = try await Self.token(server, key: server.credentials.stockflow!.readOnlyKey)
            #expect(read["scope"] as? String == "read")
            #expect(read["access_token"] as? String != admin["access_token"] as? String)
        }
    }

    @Test func refreshTokensRotateAndTheOldOneIsRefused() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let first = try await Self.token(server, key: server.credentials.stockflow!.adminKey)
            let oldRefresh = first["refresh_token"] as! String
            let url = "\(server.baseURL)/oauth/token"
            let second = try await Wire.form(url, [("grant_type", "refresh_token"), ("refresh_token", oldRefresh)])
            #expect(second.status == 200)
            let secondBody = try second.object()
            let newRefresh = secondBody["refresh_token"] as! String
            #expect(newRefresh != oldRefresh)
            #expect(secondBody["scope"] as? String == "read admin")

            let reused = try await Wire.form(url, [("grant_type", "refresh_token"), ("refresh_token", oldRefresh)])
            #expect(reused.status == 400)
            #expect(try reused.object()["error"] as? String == "invalid_grant")
            #expect(keys(try reused.object()) == ["error", "error_description"])

            let third = try await Wire.form(url, [("grant_type", "refresh_token"), ("refresh_token", newRefresh)])
            #expect(third.status == 200)
            // The new access token works.
            let access = secondBody["access_token"] as! String
            let me = try await Wire.send("\(server.baseURL)/users/me", headers: [("Authorization", "Bearer \(access)")])
            #expect(me.status == 200)
        }
    }

    @Test func badGrantsAreRefusedAsRFC6749Says() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let url = "\(server.baseURL)/oauth/token"
            let unknownKey = try await Wire.form(url, [("grant_type", "client_credentials"), ("client_secret", "nope")])
            #expect(unknownKey.status == 401)
            #expect(try unknownKey.object()["error"] as? String == "invalid_client")
            let password = try await Wire.form(url, [("grant_type", "password"), ("username", "x")])
            #expect(password.status == 400)
            #expect(try password.object()["error"] as? String == "unsupported_grant_type")
            let missing = try await Wire.form(url, [("client_secret", "x")])
            #expect(try missing.object()["error"] as? String == "invalid_request")
            let junk = try await Wire.form(url, [("grant_type", "refresh_token"), ("refresh_token", "sf_rt_forged")])
            #expect(junk.status == 400)
            #expect(try junk.object()["error"] as? String == "invalid_grant")
        }
    }

    @Test func missingOrUnknownBearerGetsTheDocumentedEnvelope() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let documented = """
                {"error":{"code":"AUTH_REQUIRED","message":"Missing or invalid API key. Provide a Bearer token in the Authorization header.","status":401}}
                """
            for headers in [[], [("Authorization", "Bearer sf_at_forged")], [("Authorization", server.credentials.stockflow!.adminKey)]] {
                let r = try await Wire.send("\(server.baseURL)/clips", headers: headers)
                #expect(r.status == 401)
                #expect(r.body == documented)
            }
        }
    }

    @Test func expiredAccessTokensAreRefused() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow, tokenLifetime: .milliseconds(50))) { server in
            let token = try await Self.bearer(server)
            try await Task.sleep(for: .milliseconds(120))
            let r = try await Wire.send("\(server.baseURL)/clips", headers: [("Authorization", "Bearer \(token)")])
            #expect(r.status == 401)
            #expect((try r.object()["error"] as? [String: Any])?["code"] as? String == "AUTH_REQUIRED")
        }
    }

    @Test func anExpiredLicenseAnswers403ExceptOnUsersMe() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let c = server.credentials.stockflow!
            let token = try await Self.bearer(server, key: c.expiredLicenseKey)
            let auth = [("Authorization", "Bearer \(token)")]
            let clips = try await Wire.send("\(server.baseURL)/clips", headers: auth)
            #expect(clips.status == 403)
            let error = try #require(try clips.object()["error"] as? [String: Any])
            #expect(error["code"] as? String == "LICENSE_EXPIRED")
            #expect(error["status"] as? Int == 403)
            #expect((error["message"] as? String)?.contains("POST /v2/licenses/renew") == true)
            #expect((error["message"] as? String)?.contains(c.licenseExpiredOn) == true)
            let me = try await Wire.send("\(server.baseURL)/users/me", headers: auth)
            #expect(me.status == 200)
            #expect(try me.object()["license_status"] as? String == "expired")
        }
    }

    @Test func usersMeShowsTierQuotaAndScope() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let token = try await Self.bearer(server, key: server.credentials.stockflow!.readOnlyKey)
            let me = try await Wire.send("\(server.baseURL)/users/me", headers: [("Authorization", "Bearer \(token)")])
            let body = try me.object()
            #expect(["Starter", "Professional", "Enterprise"].contains(body["license_tier"] as? String ?? ""))
            #expect(body["scope"] as? String == "read")
            let quota = try #require(body["download_quota"] as? [String: Any])
            #expect(quota["remaining"] as? Int == 488)
        }
    }

    @Test func theRequestLogMasksBearerTokens() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let token = try await Self.bearer(server)
            _ = try await Wire.send("\(server.baseURL)/clips?per_page=10", headers: [("Authorization", "Bearer \(token)")])
            let stats = await server.stats()
            let last = try #require(stats.requests.last)
            #expect(last.route == "GET /v2/clips")
            #expect(last.queryValue("per_page") == "10")
            let auth = try #require(last.headers["authorization"])
            #expect(auth.hasPrefix("Bearer sf_at_"))
            #expect(!auth.contains(token))
            #expect(stats.requestsPerRoute["POST /v2/oauth/token"] == 1)
        }
    }
}
