import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `stockterm sandbox` as a person runs it: it prints its URL, answers, and stops on SIGTERM.
@Suite(.serialized) struct SandboxCLITests {
    static func cacheEnvironment() -> (URL, [String: String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-sandbox-cli-\(UUID().uuidString)")
        return (home, ["XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "LANG": "C.UTF-8"])
    }

    @Test func sandboxPrintsItsURLServesAndStopsOnSIGTERM() async throws {
        let (home, environment) = Self.cacheEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let server = try Subprocess.start(CLIRunner.binary.path, ["sandbox", "--api", "stockflow", "--port", "0"], environment: environment)
        var stopped = false
        defer { if !stopped { _ = server.stop(with: SIGKILL) } }

        let first = try #require(server.readLine(matching: { $0.contains("http://127.0.0.1:") }, timeout: .seconds(120)))
        let url = try #require(first.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))
        #expect(url.hasSuffix("/v2"))
        let keyLine = try #require(server.readLine(matching: { $0.contains("API key (admin scope)") }, timeout: .seconds(5)))
        let key = try #require(keyLine.split(separator: " ").last.map(String.init))
        #expect(server.readLine(matching: { $0.hasPrefix("  TOKEN=$(curl") }, timeout: .seconds(5)) != nil)

        var tokenRequest = URLRequest(url: URL(string: url + "/oauth/token")!)
        tokenRequest.httpMethod = "POST"
        tokenRequest.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        tokenRequest.httpBody = Data("grant_type=client_credentials&client_secret=\(key)".utf8)
        let (tokenData, tokenResponse) = try await URLSession.shared.data(for: tokenRequest)
        #expect((tokenResponse as? HTTPURLResponse)?.statusCode == 200)
        let token = try #require((try JSONSerialization.jsonObject(with: tokenData) as? [String: Any])?["access_token"] as? String)
        var clips = URLRequest(url: URL(string: url + "/clips?per_page=10")!)
        clips.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (clipData, clipResponse) = try await URLSession.shared.data(for: clips)
        #expect((clipResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(((try JSONSerialization.jsonObject(with: clipData) as? [String: Any])?["data"] as? [Any])?.count == 10)

        let status = server.stop(with: SIGTERM)
        stopped = true
        #expect(status == 0)
    }

    /// Refused while parsing, before any catalog is opened.
    @Test func badFlagValuesExitWithStatusTwo() throws {
        for arguments in [["--api", "shutterstock"], ["--api", "adobe", "--fault-rate", "2"], ["--api", "adobe", "--port", "70000"],
                          ["--api", "stocksy", "--rate-limit", "0"], ["--api", "stocksy", "--token-ttl", "0"], ["--port", "0"]] {
            let r = try Subprocess.run(CLIRunner.binary.path, ["sandbox"] + arguments)
            #expect(r.status == 2, "\(arguments)")
        }
    }
}
