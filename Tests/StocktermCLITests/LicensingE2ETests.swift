import Foundation
import Testing

/// Licensing end to end on the embedded demo catalog, as a person does it: search, open an asset,
/// license it through the confirmation, download the file over HTTP (the demo file server on
/// 127.0.0.1), see it in the purchase history; then the CLI agrees (`purchases`, `account`).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct LicensingE2ETests {
    @Test func fromSearchToADownloadedFile() async throws {
        let downloads = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-dl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: downloads) }
        let tmux = try await TmuxSession(width: 100, height: 32, environment: ["STOCKTERM_DOWNLOAD_DIR": downloads.path])
        defer { tmux.stop() }
        let first = await tmux.waitFor("the first page") { BrowserE2ETests.hasResults($0) }
        let everything = try #require(BrowserE2ETests.Range(first.statusLine)).total
        tmux.send("/")
        tmux.type("lake")
        tmux.send("Enter")
        await tmux.waitFor("lake results") { lines in
            lines.first?.contains("lake") == true && (BrowserE2ETests.Range(lines.statusLine).map { $0.total < everything } ?? false)
        }
        tmux.send("Enter")
        await tmux.waitFor("the detail with its products") { $0.shows("Products") || $0.shows("PRODUCT") }
        tmux.send("l")
        let choosing = await tmux.waitFor("the sizes and the demo balance") { $0.shows("Demo account · balance $437.50") }
        #expect(choosing.shows("( )"))
        // Enter on the first size, then through the three optional references (the demo offers
        // Stocksy's project, client and PO number): the confirmation, with focus on Cancel.
        tmux.send("Enter")
        await tmux.waitFor("the references") { $0.shows("License references") }
        tmux.type("Весна")
        tmux.send("Enter", "Enter", "Enter")
        let confirm = await tmux.waitFor("the confirmation") { $0.shows("[ License for ") }
        let totalLine = try #require(confirm.first { $0.contains("Total") })
        #expect(confirm.shows("$437.50 → $"))
        #expect(confirm.shows("Project: Весна"))
        // Enter on Cancel closes the flow without buying.
        tmux.send("Enter")
        await tmux.waitFor("the flow closed") { !$0.shows("[ License for ") && $0.shows("PRODUCT") }
        tmux.send("l")
        await tmux.waitFor("the sizes again, balance untouched") { $0.shows("Demo account · balance $437.50") }
        tmux.send("Enter")
        await tmux.waitFor("the references again") { $0.shows("License references") }
        tmux.send("Enter", "Enter", "Enter")
        await tmux.waitFor("the confirmation again") { $0.shows("[ License for ") }
        tmux.send("y")
        let done = await tmux.waitFor("licensed") { $0.shows("✓ Licensed: purchase demo-") }
        #expect(!done.shows("balance $437.50") || done.shows("Updating"))
        await tmux.waitFor("the new balance") { $0.shows("Now: Demo account · balance $") && !$0.shows("balance $437.50") }
        tmux.send("d")
        let saved = await tmux.waitFor("the file saved") { $0.statusLine.contains("saved ") }
        let files = try FileManager.default.contentsOfDirectory(atPath: downloads.path).filter { !$0.hasSuffix(".part") }
        #expect(files.count == 1, "files: \(files)  status: \(saved.statusLine)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: downloads.appendingPathComponent(files[0]).path)[.size] as? Int)
        #expect(size > 1_000)
        // Back to the detail: it says the asset is licensed; licensing it again needs "license again".
        tmux.send("Escape")
        await tmux.waitFor("licensed in the detail") { $0.shows("✓ Licensed on ") }
        tmux.send("l")
        await tmux.waitFor("the sizes with license again") { $0.shows("License again") }
        tmux.send("Enter")
        await tmux.waitFor("the guard") { $0.shows("Choose “license again” to buy it again") }
        tmux.send("Escape", "Escape")
        // The purchase history lists it.
        tmux.send("L")
        await tmux.waitFor("the history") { $0.shows("Purchases in this machine's ledger") && $0.shows("licensed") }
        // Tab: the service's own license history (the demo account's) lists the same license, with its title.
        tmux.send("Tab")
        await tmux.waitFor("the service's history") {
            $0.shows("Licenses in demo catalog's history") && $0.shows("licensed") && $0.shows("Tab ledger")
        }
        tmux.send("Tab")
        await tmux.waitFor("back to the ledger") { $0.shows("Purchases in this machine's ledger") }
        tmux.send("Escape")
        tmux.send("q")
        _ = await tmux.waitForExit()

        // The CLI reads the same ledger.
        let env = ["XDG_DATA_HOME": tmux.home.appendingPathComponent("data").path,
                   "XDG_CACHE_HOME": tmux.home.appendingPathComponent("cache").path]
        let cli = try CLIRunner()
        defer { cli.remove() }
        let purchases = try cli.run(["purchases", "--json"], environment: env)
        #expect(purchases.status == 0, "\(purchases.stderr)")
        #expect(purchases.stdout.components(separatedBy: "\"state\":\"confirmed\"").count == 2, "\(purchases.stdout)")
        let account = try cli.run(["account"], environment: env)
        #expect(account.status == 0)
        #expect(account.stdout.contains("Balance") && !account.stdout.contains("$437.50"), "\(account.stdout)")
        _ = totalLine
    }
}
