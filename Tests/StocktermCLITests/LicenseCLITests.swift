import Foundation
import Testing

/// `stockterm license`, `purchases`, `download` and `account` on the demo catalog: confirmation
/// rules, refusals before anything is sent, the ledger, and a download over HTTP.
@Suite struct LicenseCLITests {
    /// Asset 10001 offers Small ($15.00), Medium ($40.00), Large ($100.00); asset 10028 a Large
    /// at $625.00, more than the demo account's $437.50.
    @Test func withoutATerminalOrYesNothingIsLicensed() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let refused = try cli.run(["license", "10001", "--product", "1"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("standard input is not a terminal (add --yes"), "\(refused.stderr)")
        // The confirmation was shown first, with the figures.
        #expect(refused.stderr.contains("Total") && refused.stderr.contains("$15.00"))
        #expect(refused.stderr.contains("$437.50 → $422.50"))
        let purchases = try cli.run(["purchases"])
        #expect(purchases.stdout.contains("No purchases yet."))
    }

    @Test func yesLicensesOnceAndTheGuardStopsASecondTime() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let first = try cli.run(["license", "10001", "--product", "2", "--yes", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"purchaseId\":\"demo-"), "\(first.stdout)")
        let again = try cli.run(["license", "10001", "--product", "1", "--yes"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already licensed on "), "\(again.stderr)")
        #expect(again.stderr.contains("--license-again"))
        let twice = try cli.run(["license", "10001", "--product", "1", "--yes", "--license-again"])
        #expect(twice.status == 0, "\(twice.stderr)")
        let account = try cli.run(["account", "--json"])
        #expect(account.stdout.contains("\"amount\":38250"), "\(account.stdout)")   // 437.50 - 40.00 - 15.00
        let purchases = try cli.run(["purchases", "--json"])
        #expect(purchases.stdout.components(separatedBy: "\"state\":\"confirmed\"").count == 3)
    }

    @Test func refusalsComeBeforeAnythingIsSent() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let poor = try cli.run(["license", "10028", "--product", "3", "--yes"])
        #expect(poor.status == 1)
        #expect(poor.stderr.contains("insufficient balance: $437.50 available, $625.00 needed"), "\(poor.stderr)")
        let unknown = try cli.run(["license", "10001", "--product", "99", "--yes"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("has no product \"99\"; it offers: 1 (Small, $15.00)"), "\(unknown.stderr)")
        let badRef = try cli.run(["license", "10001", "--product", "1", "--reference", "2=x", "--yes"])
        #expect(badRef.status == 2)
        let purchases = try cli.run(["purchases", "--json"])
        #expect(purchases.stdout.contains("\"purchases\":[]"), "\(purchases.stdout)")
    }

    @Test func downloadFetchesTheFileOnceAndNeverOverwrites() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let out = cli.home.appendingPathComponent("out")
        let licensed = try cli.run(["license", "10001", "--product", "1", "--yes", "--json"])
        #expect(licensed.status == 0, "\(licensed.stderr)")
        let id = try #require(licensed.stdout.range(of: "\"downloadId\":\"demo-[0-9-]+\"", options: .regularExpression).map {
            String(licensed.stdout[$0].dropFirst(14).dropLast())
        })
        let first = try cli.run(["download", id, "-o", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let path = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix(out.path))
        #expect(FileManager.default.fileExists(atPath: path))
        let second = try cli.run(["download", id, "-o", out.path])
        #expect(second.stdout.hasPrefix("already downloaded: "))
        let all = try cli.run(["download", "--all", "-o", out.path])
        #expect(all.status == 0)
        #expect(all.stderr.contains("0 downloaded, 1 already on disk, 0 failed, of 1 licensed"), "\(all.stderr)")
        // A file removed from disk is fetched again by --all, beside nothing it could overwrite.
        try FileManager.default.removeItem(atPath: path)
        let refetch = try cli.run(["download", "--all", "-o", out.path])
        #expect(refetch.stderr.contains("1 downloaded"), "\(refetch.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasSuffix(".part") }.count == 1)
        let unknown = try cli.run(["download", "nope", "-o", out.path])
        #expect(unknown.status == 1)
    }
}
