import Foundation
import Testing

/// The three sandboxes from the browser on a fresh machine (no config.toml, no keys): `p` lists
/// them, each one chosen starts its emulator in-process and searches, opens an asset and, for
/// Stocksy, licenses and downloads through the real client; the real ledger stays empty and the
/// sandbox ledger is gone when stockterm exits.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct SandboxBrowserE2ETests {
    /// The picker's sandbox lines, in its order (after the demo catalog).
    static let labels = ["Stocksy — sandbox (no real account)", "Adobe Stock — sandbox (no real account)",
                         "StockFlow — sandbox (no real account)"]

    /// Opens the picker and chooses line `index` (0 is the demo catalog).
    static func choose(_ index: Int, in tmux: TmuxSession) async {
        tmux.send("p")
        await tmux.waitFor("the provider picker") { $0.shows("Provider") && $0.shows("Enter switches") }
        for _ in 0..<6 { tmux.send("k") }
        for _ in 0..<index { tmux.send("j") }
        tmux.send("Enter")
    }

    /// The sandbox ledger folders of process `pid` (`SandboxFleet`).
    static func ledgerFolders(of pid: Int32) -> [String] {
        let tmp = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
        return names.filter { $0.hasPrefix("stockterm-sandbox-\(pid)-") }
    }

    @Test func pickerOffersTheThreeSandboxesAndEachSearchesAndOpensAnAsset() async throws {
        let tmux = try await TmuxSession(width: 100, height: 30)
        defer { tmux.stop() }
        await tmux.waitFor("the demo catalog") { BrowserE2ETests.hasResults($0) && $0.statusLine.contains("demo catalog") }

        tmux.send("p")
        let picker = await tmux.waitFor("the picker with the sandboxes") { lines in Self.labels.allSatisfy(lines.shows) }
        #expect(picker.shows("demo catalog"))
        #expect(picker.shows("sandbox:stocksy") && picker.shows("sandbox:adobe") && picker.shows("sandbox:stockflow"))
        tmux.send("Escape")
        await tmux.waitFor("the picker closed") { !$0.shows("Enter switches") }
        tmux.send("/")
        tmux.type("lake")
        tmux.send("Enter")
        await tmux.waitFor("demo results for lake") { $0.first?.contains("lake") == true && BrowserE2ETests.hasResults($0) }

        for (offset, label) in Self.labels.enumerated() {
            await Self.choose(offset + 1, in: tmux)
            // The query stays; the results are the emulator's, through the service's client.
            let shown = await tmux.waitFor("results from \(label)", timeout: .seconds(90)) { lines in
                lines.statusLine.hasPrefix(label) && BrowserE2ETests.hasResults(lines)
            }
            #expect(shown.first?.contains("lake") == true)
            tmux.send("Enter")
            let detail = await tmux.waitFor("an asset of \(label)", timeout: .seconds(60)) { lines in
                lines.shows("Attribution") && lines.shows("Products")
            }
            #expect(detail.statusLine.hasPrefix(label), "the detail's status line names the sandbox")
            tmux.send("Escape")
            await tmux.waitFor("the list of \(label) again") { !$0.shows("Attribution") && BrowserE2ETests.hasResults($0) }
        }

        tmux.send("q")
        let exit = await tmux.waitForExit()
        #expect(exit?.hasPrefix("status 0") == true, "stockterm exited with \(exit ?? "nothing"); stderr: \(tmux.standardError)")
        #expect(tmux.standardError.isEmpty, "nothing on stderr under the screen: \(tmux.standardError)")
    }

    @Test func licensingInTheStocksySandboxDownloadsAndKeepsTheRealLedgerClean() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-sandbox-dl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: downloads) }
        // "lake" puts a clip priced in dollars first (the account pays in dollars only).
        let tmux = try await TmuxSession(arguments: ["--query", "lake"], width: 100, height: 30,
                                         environment: ["STOCKTERM_DOWNLOAD_DIR": downloads.path])
        defer { tmux.stop() }
        await tmux.waitFor("the demo catalog") { BrowserE2ETests.hasResults($0) }
        await Self.choose(1, in: tmux)
        await tmux.waitFor("Stocksy's sandbox", timeout: .seconds(90)) { lines in
            lines.statusLine.hasPrefix(Self.labels[0]) && BrowserE2ETests.hasResults(lines)
        }
        tmux.send("Enter")
        await tmux.waitFor("the asset") { $0.shows("Products") }

        // l → the first size → (references left empty) → the confirmation → y.
        tmux.send("l")
        await tmux.waitFor("the sizes on offer") { $0.shows("Space choose") && $0.shows("balance $437.50") }
        tmux.send("Space")
        tmux.send("Enter")
        var confirmation: [String]?
        for _ in 0..<5 where confirmation == nil {
            confirmation = await tmux.poll(timeout: .seconds(5)) { $0.shows("Confirm the license") }
            if confirmation == nil { tmux.send("Enter") }
        }
        let confirm = try #require(confirmation, "no confirmation; the screen: \(tmux.screen().joined(separator: "\n"))")
        #expect(confirm.shows("$437.50 → $"), "the balance before and after")
        tmux.send("y")
        await tmux.waitFor("the receipt") { $0.shows("✓ Licensed") }
        tmux.send("d")
        let saved = await tmux.waitFor("the download") { $0.statusLine.contains("saved ") }
        #expect(saved.statusLine.contains(downloads.path))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: downloads.path)) ?? []
        #expect(files.count == 1, "one file downloaded: \(files)")

        let pid = try #require(tmux.stocktermPID())
        #expect(Self.ledgerFolders(of: pid).count == 1, "the sandbox ledger exists while stockterm runs")
        // What ctrl-c sends it (sent to stockterm alone, as the wrapper shell would die of it too).
        kill(pid, SIGINT)
        let exit = await tmux.waitForExit()
        #expect(exit?.hasPrefix("status \(128 + SIGINT)") == true, "ctrl-c: \(exit?.prefix(12) ?? "nothing")")
        #expect(Self.ledgerFolders(of: pid).isEmpty, "the sandbox ledger is removed on exit")

        // The real ledger (the session's XDG_DATA_HOME) has no purchase from the sandbox.
        let cli = try CLIRunner()
        defer { cli.remove() }
        let purchases = try cli.run(["purchases", "--all-providers"],
                                    environment: ["XDG_DATA_HOME": tmux.home.appendingPathComponent("data").path])
        #expect(purchases.status == 0, "stderr: \(purchases.stderr)")
        #expect(purchases.stdout.contains("No purchases yet"), "the real ledger: \(purchases.stdout)")
    }
}
