import ArgumentParser
import Foundation
import StockCore

/// `stockterm account`: who the provider's credentials belong to, the balance or quota that
/// licenses are paid from, the license tier, and whether licensing is possible at all.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Show the account: balance or download quota, license tier, and whether it can license.",
        discussion: "Examples: stockterm account; stockterm --provider stocksy account --json"
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the account as one JSON object.")
    var json = false

    func run() async throws {
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        let account: Account
        do {
            account = try await LicensingSetup.account(for: choice)
        } catch {
            throw Terminal.fail(.failure(Terminal.describe(error)))
        }
        let output = AccountJSON(provider: choice.name, account: account)
        if json {
            try JSONOutput.write(output)
            return
        }
        var rows: [(String, String)] = [("Provider", choice.displayName), ("Account", output.name + (account.isDemo ? " (demo: no real money)" : ""))]
        if let balance = account.balance { rows.append(("Balance", balance.formatted)) }
        if let quota = account.remainingQuota { rows.append(("Quota", LicenseCost.credits(quota).formatted + " left")) }
        if let tier = output.licenseTier { rows.append(("License tier", tier)) }
        if let plan = account.planAllowance { rows.append(("Plan", SafeText.sanitize(plan) + " in all")) }
        rows.append(("Licensing", output.licensingUnavailableReason.map { "unavailable: \($0)" } ?? "available"))
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (label, value) in rows { print(DisplayWidth.pad(label, toWidth: width) + "  " + SafeText.sanitize(value)) }
    }
}
