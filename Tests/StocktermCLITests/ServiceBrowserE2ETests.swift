import Foundation
import Testing

/// The browser against a service emulator that is slow and fails: `stockterm sandbox` in its own
/// process, the browser in tmux configured (config.toml) to use it. Results still appear, errors
/// show in the status line, and the program neither freezes nor quits.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ServiceBrowserE2ETests {
    /// A running `stockterm sandbox`: its base URL and admin key.
    struct Sandbox {
        let process: Subprocess.Running
        let url: String
        let key: String

        static func start(_ arguments: [String], home: URL) throws -> Sandbox {
            let environment = ["XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "LANG": "C.UTF-8"]
            let process = try Subprocess.start(CLIRunner.binary.path, ["sandbox", "--api", "stockflow", "--port", "0"] + arguments,
                                               environment: environment)
            guard let first = process.readLine(matching: { $0.contains("http://127.0.0.1:") }, timeout: .seconds(120)),
                  let url = first.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }).map(String.init),
                  let keyLine = process.readLine(matching: { $0.contains("API key (admin scope)") }, timeout: .seconds(10)),
                  let key = keyLine.split(separator: " ").last.map(String.init) else {
                _ = process.stop(with: SIGKILL)
                throw CocoaError(.fileReadCorruptFile)
            }
            return Sandbox(process: process, url: url, key: key)
        }
    }

    /// Writes a config naming two StockFlow emulators, with their keys in 0600 files.
    static func writeConfig(in home: URL, slow: Sandbox, broken: Sandbox) throws -> URL {
        let directory = home.appendingPathComponent("conf")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func keyFile(_ name: String, _ key: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data((key + "\n").utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            return url.path
        }
        let config = """
            default = "slow"

            [providers.slow]
            kind = "stockflow"
            endpoint = "\(slow.url)"
            api_key_file = "\(try keyFile("slow.key", slow.key))"

            [providers.broken]
            kind = "stockflow"
            endpoint = "\(broken.url)"
            api_key_file = "\(try keyFile("broken.key", broken.key))"
            """
        let url = directory.appendingPathComponent("config.toml")
        try Data(config.utf8).write(to: url)
        return url
    }

    @Test func aSlowFailingServiceStillShowsResultsAndErrorsWithoutFreezing() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-service-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        // 300 ms on every answer and one request in ten failing (5xx, malformed JSON, dropped
        // connections); the second emulator fails every request.
        let slow = try Sandbox.start(["--latency", "300", "--fault-rate", "0.1", "--seed", "11"], home: home)
        defer { _ = slow.process.stop(with: SIGTERM) }
        let broken = try Sandbox.start(["--fault-rate", "1", "--seed", "3"], home: home)
        defer { _ = broken.process.stop(with: SIGTERM) }
        let config = try Self.writeConfig(in: home, slow: slow, broken: broken)

        let log = home.appendingPathComponent("requests.log")
        let tmux = try await TmuxSession(width: 120, height: 30, environment: ["STOCKTERM_CONFIG": config.path,
                                                                              "STOCKTERM_LOG": log.path])
        defer { tmux.stop() }
        // Every request the browser made (secrets masked), to read when a step times out.
        func requests() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        let first = await tmux.waitFor("StockFlow results") { BrowserE2ETests.hasResults($0) && $0.statusLine.contains("StockFlow") }
        let everything = BrowserE2ETests.Range(first.statusLine)?.total

        // A search, then paging far enough to need several more pages from the slow server.
        tmux.send("/")
        tmux.type("city")
        tmux.send("Enter")
        // The answer for "city" has arrived when the total changes (the old list stays until then).
        await tmux.waitFor("results for city") { lines in
            guard let range = BrowserE2ETests.Range(lines.statusLine) else { return false }
            return lines.first?.contains("city") == true && range.total != everything
        }
        // PageDown stops at the last row that has arrived, so press on, as a person would, while
        // the next page comes from the slow server.
        var paged: [String]?
        for _ in 0..<20 where paged == nil {
            tmux.send("PageDown")
            paged = await tmux.poll(timeout: .seconds(3)) { (BrowserE2ETests.Range($0.statusLine)?.first ?? 0) > 60 }
        }
        #expect(paged != nil, "the list did not page past 60; requests:\n\(requests())")
        // The detail of one clip, then back.
        tmux.send("Enter")
        await tmux.waitFor("a clip's detail") { $0.shows("Duration") || $0.shows("duration") }
        tmux.send("Escape")
        await tmux.waitFor("the list again") { BrowserE2ETests.hasResults($0) }

        // Switch to the emulator that fails everything: the error shows, the keys still work.
        tmux.send("p")
        await tmux.waitFor("the provider picker") { $0.shows("Provider") && $0.shows("broken") }
        tmux.send("j", "Enter")
        await tmux.waitFor("an error in the status line", timeout: .seconds(90)) { lines in
            let status = lines.statusLine.lowercased()
            return status.contains("error") || status.contains("malformed") || status.contains("network")
                || status.contains("cannot use")
        }
        tmux.send("?")
        await tmux.waitFor("help still opens") { $0.shows("Keys") }
        tmux.send("Escape")
        // And back to the slow one: results again.
        tmux.send("p")
        await tmux.waitFor("the provider picker again") { $0.shows("Provider") }
        tmux.send("k", "Enter")
        await tmux.waitFor("results from the slow emulator again", timeout: .seconds(90)) { BrowserE2ETests.hasResults($0) }

        tmux.send("q")
        let exit = await tmux.waitForExit()
        #expect(exit?.hasPrefix("status 0") == true, "stockterm exited with \(exit ?? "nothing"); stderr: \(tmux.standardError)")
    }
}
