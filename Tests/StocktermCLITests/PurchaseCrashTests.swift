import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 5 §8: SIGKILL `stockterm license` at random points of 100 purchase flows against the
/// Stocksy emulator, then let the person try again (as they would) and let `purchases`
/// reconcile. No asset may be charged twice, and every charge the emulator made must be in the
/// ledger as a confirmed purchase with the emulator's purchase id.
@Suite(.serialized) struct PurchaseCrashTests {
    static let flows = 100

    /// Photos and videos of the demo catalog with their first size (Stocksy sells both).
    static func sellable(count: Int) throws -> [(id: Int64, product: Int)] {
        let catalog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("assets/catalog/demo.jsonl")
        var picked: [(Int64, Int)] = []
        for line in try String(contentsOf: catalog, encoding: .utf8).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let kind = object["kind"] as? String, kind == "photo" || kind == "video",
                  let id = (object["id"] as? NSNumber)?.int64Value,
                  let products = object["products"] as? [[String: Any]],
                  let size = products.first(where: { ($0["type"] as? String) == "deliverable" }),
                  let type = (size["productTypeId"] as? NSNumber)?.intValue,
                  let price = ((size["price"] as? [String: Any])?["amount"] as? NSNumber)?.intValue, price <= 3_000,
                  ((size["price"] as? [String: Any])?["code"] as? String)?.lowercased() == "usd" else { continue }
            picked.append((id, type))
            if picked.count == count { break }
        }
        return picked
    }

    @Test func killedFlowsNeverChargeTwiceAndEveryChargeIsInTheLedger() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let sandbox = try Subprocess.start(CLIRunner.binary.path,
                                           ["sandbox", "--api", "stocksy", "--port", "0", "--latency", "20", "--seed", "5",
                                            "--balance", "100000", "--rate-limit", "1000", "--fault-after-charge", "0.1"],
                                           environment: ["XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "LANG": "C.UTF-8",
                                                         // What the emulator last did, should it stop answering (seen now and then).
                                                         "STOCKTERM_LOG": home.appendingPathComponent("sandbox.log").path])
        defer { _ = sandbox.stop(with: SIGTERM) }
        let banner = try #require(sandbox.readLine(matching: { $0.contains("http://127.0.0.1:") }, timeout: .seconds(120)))
        let url = try #require(banner.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))
        let config = home.appendingPathComponent("config.toml")
        try """
            [providers.s]
            kind = "stocksy"
            endpoint = "\(url)"
            email = "patrick.mcgoohan@example.com"
            api_key_env = "CRASH_KEY"
            password_env = "CRASH_PASSWORD"
            rate_limit = 1000
            """.write(to: config, atomically: true, encoding: .utf8)
        let env = ["STOCKTERM_CONFIG": config.path, "CRASH_KEY": "stocksy-sandbox-key-6e21b9", "CRASH_PASSWORD": "be-seeing-you-6",
                   "XDG_DATA_HOME": home.appendingPathComponent("data").path,
                   "XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "LANG": "C.UTF-8"]
        // posix_spawn only (no Foundation.Process, whose child reaping raced with the kills here).
        func stockterm(_ arguments: [String]) throws -> Subprocess.Output {
            try Subprocess.run(CLIRunner.binary.path, arguments, environment: env)
        }

        // How long one whole flow takes here, to spread the kills over it: the quickest of three
        // (one slow run on a loaded machine would push most kills past the end of the flows).
        let warmups = 3
        let assets = try Self.sellable(count: Self.flows + warmups)
        var quickest = Duration.seconds(3600)
        for asset in assets.prefix(warmups) {
            let start = ContinuousClock.now
            let timing = try stockterm(["--provider", "s", "license", String(asset.id), "--product", String(asset.product), "--yes"])
            #expect(timing.status == 0)
            quickest = min(quickest, ContinuousClock.now - start)
        }
        let span = Int(Double(quickest.components.seconds) * 1_000_000 + Double(quickest.components.attoseconds) / 1e12) * 5 / 4

        var rng = SystemRandomNumberGenerator()
        var killed = 0, finishedBeforeKill = 0
        for asset in assets.dropFirst(warmups) {
            let args = ["--provider", "s", "license", String(asset.id), "--product", String(asset.product), "--yes"]
            let running = try Subprocess.start(CLIRunner.binary.path, args, environment: env)
            usleep(UInt32(Int.random(in: 0...max(1, span), using: &rng)))
            let status = running.stop(with: SIGKILL)
            if status == 128 + SIGKILL { killed += 1 } else { finishedBeforeKill += 1 }
            // The person tries again: it either licenses now (0) or says it already is (1); the
            // charge counts below tell which, and that it was once.
            let retry = try stockterm(args)
            #expect(retry.status == 0 || retry.status == 1, "asset \(asset.id): status \(retry.status)")
        }
        let purchases = try stockterm(["--provider", "s", "purchases", "--json", "--limit", "500"])
        if purchases.status != 0 {
            // Say why: the same command with its standard error (Subprocess keeps only stdout).
            let again = try? Subprocess.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" 2>&1", CLIRunner.binary.path,
                                                       "--provider", "s", "purchases", "--json", "--limit", "500"], environment: env)
            let sandboxLog = (try? String(contentsOf: home.appendingPathComponent("sandbox.log"), encoding: .utf8)) ?? ""
            let lastLines = sandboxLog.split(separator: "\n").suffix(15).joined(separator: "\n")
            Issue.record("purchases exited \(purchases.status); again: \(again.map { "\($0.status) \($0.stdout.prefix(600))" } ?? "-"); the sandbox's log ended:\n\(lastLines)")
        }
        let ledger = try #require(try JSONSerialization.jsonObject(with: Data(purchases.stdout.utf8)) as? [String: Any])
        let rows = try #require(ledger["purchases"] as? [[String: Any]])

        // What the emulator charged.
        let (data, _) = try await URLSession.shared.data(from: URL(string: url + "/_sandbox/charges")!)
        let charges = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let byAsset = try #require(charges["byAsset"] as? [String: Any])
        let list = try #require(charges["charges"] as? [[String: Any]])

        #expect(killed >= Self.flows / 2, "killed \(killed), finished before the kill \(finishedBeforeKill)")
        for asset in assets {
            #expect((byAsset[String(asset.id)] as? NSNumber)?.intValue == 1, "asset \(asset.id) charged \(byAsset[String(asset.id)] ?? 0) times")
        }
        #expect(list.count == assets.count)
        let confirmed = rows.filter { ($0["state"] as? String) == "confirmed" }
        let ledgerIDs = Set(confirmed.compactMap { $0["purchaseId"] as? String })
        let chargeIDs = Set(list.compactMap { $0["reference"] as? String })
        #expect(ledgerIDs == chargeIDs, "in the emulator, not the ledger: \(chargeIDs.subtracting(ledgerIDs)); in the ledger only: \(ledgerIDs.subtracting(chargeIDs))")
        #expect(confirmed.count == assets.count)
        #expect(!rows.contains { ($0["state"] as? String) == "pending" }, "an intent left unreconciled")
        print("crash test: \(assets.count - warmups) flows (+\(warmups) timed), \(killed) killed mid-way, \(finishedBeforeKill) finished first; kills spread over \(span / 1000) ms; \(rows.count) intents")
    }
}
