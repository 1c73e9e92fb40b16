import Foundation
import Testing

/// `stockterm --sandbox SERVICE COMMAND`: the service's real client against its emulator, started
/// inside the command on a fresh machine (no config.toml, no keys), labelled as a sandbox, and
/// licensing into a ledger that is not the real one. Asserts on what stays stable while the
/// `--json` shapes change: exit status, results present, the label.
@Suite struct SandboxFlagCLITests {
    static let services = ["stocksy", "adobe", "stockflow"]
    static let labels = ["stocksy": "Stocksy — sandbox (no real account)", "adobe": "Adobe Stock — sandbox (no real account)",
                         "stockflow": "StockFlow — sandbox (no real account)"]

    /// Whether `json` holds, at any depth, a non-empty array of objects (the page's results).
    static func hasResults(_ json: Any) -> Bool {
        switch json {
        case let array as [Any]: return array.contains { $0 is [String: Any] } || array.contains(where: hasResults)
        case let object as [String: Any]: return object.values.contains(where: hasResults)
        default: return false
        }
    }

    @Test(arguments: services)
    func searchJSONHasResults(_ service: String) throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try cli.run(["--sandbox", service, "search", "lake", "--limit", "5", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        #expect(Self.hasResults(json), "no results in: \(result.stdout.prefix(400))")
        #expect(result.stdout.contains("sandbox:\(service)"), "the provider is named as a sandbox")
        // Standard error says what was started, and that it is no real account.
        #expect(result.stderr.contains(Self.labels[service]!))
        #expect(result.stderr.contains("http://127.0.0.1:"))
    }

    @Test(arguments: services)
    func accountIsTheSandboxTestAccount(_ service: String) throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try cli.run(["--sandbox", service, "account"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(Self.labels[service]!), "stdout: \(result.stdout)")
        #expect(result.stdout.contains("Licensing  available") || result.stdout.contains("available"))
    }

    @Test func theTableListsResultsAndProviderSandboxNameWorksToo() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try cli.run(["--provider", "sandbox:stockflow", "search", "drone", "--limit", "3", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("1–3 of"), "stdout: \(result.stdout)")
        #expect(result.stderr.isEmpty, "--quiet says nothing about the emulator: \(result.stderr)")
    }

    @Test func aSandboxLicenseNeverReachesTheRealLedger() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        // Stocksy's test account pays $39.00 of its $437.50 for the SD size of clip 12560
        // (product type 10 in the demo catalog the emulator serves).
        let product = "10"
        let licensed = try cli.run(["--sandbox", "stocksy", "license", "12560", "--product", product, "--yes"])
        #expect(licensed.status == 0, "stderr: \(licensed.stderr)")
        #expect(licensed.stdout.contains("12560"), "stdout: \(licensed.stdout)")
        // The real ledger (XDG_DATA_HOME) holds nothing from the sandbox.
        let purchases = try cli.run(["purchases", "--all-providers"])
        #expect(purchases.status == 0, "stderr: \(purchases.stderr)")
        #expect(!purchases.stdout.contains("12560") && !purchases.stdout.contains("sandbox"), "stdout: \(purchases.stdout)")
    }

    @Test func sandboxAndProviderTogetherAreRefused() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let both = try cli.run(["--sandbox", "adobe", "--provider", "demo", "search", "lake"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--sandbox and --provider"))
        let unknown = try cli.run(["--sandbox", "shutterstock", "search", "lake"])
        #expect(unknown.status == 2)
        let insideSandbox = try cli.run(["sandbox", "--api", "adobe", "--sandbox", "adobe"])
        #expect(insideSandbox.status == 2)
    }
}
