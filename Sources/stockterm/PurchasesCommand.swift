import ArgumentParser
import Foundation
import StockCore
import StockLedger

/// `stockterm purchases`: the ledger's purchases of a provider (or the service's own license
/// history with `--service`), newest first, a page at a time.
struct PurchasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purchases",
        abstract: "List purchases: the local ledger's, or the service's license history (--service).",
        discussion: """
            Unfinished intents (a purchase whose answer never arrived) are reconciled against the
            service first. Examples:
              stockterm purchases
              stockterm --provider stocksy purchases --service --limit 10 --offset 10
              stockterm purchases --all-providers --json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "The service's license or purchase history instead of the ledger.")
    var service = false

    @Flag(name: .long, help: "Every provider's purchases in the ledger (not only the chosen one's).")
    var allProviders = false

    @Option(name: .long, help: "Skip this many purchases.")
    var offset = 0

    @Option(name: .long, help: "Show at most this many (1 to 500).")
    var limit = 50

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more, got \(offset)") }
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be between 1 and 500, got \(limit)") }
        if service && allProviders { throw ValidationError("--service shows one provider's history; drop --all-providers") }
    }

    func run() async throws {
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        do {
            let ledger = try LicensingSetup.ledger(for: choice)
            let coordinator = try LicensingSetup.coordinator(for: choice, ledger: ledger)
            if service {
                let page = try await coordinator.serviceHistory(offset: offset, limit: limit)
                let note = LicensingSetup.licensing(for: choice.provider, ledger: ledger)
                    .flatMap { LicensingSetup.historyNote($0, serviceName: choice.displayName) }
                if json {
                    let shownNote = page.items.isEmpty && page.offset == 0 ? note : nil
                    try JSONOutput.write(LicenseHistoryJSON(provider: choice.name, limit: limit, page: page, note: shownNote))
                } else {
                    printHistory(page, note: note)
                    if let summary = SkippedRecord.summary(page.skipped, noun: "license") { Terminal.warn(summary + ": see the log") }
                }
                return
            }
            // Settle what a crash or a timeout left open before showing anything.
            let report = try await coordinator.reconcile()
            for line in report.summaryLines { Terminal.warn(line) }
            let provider = allProviders ? nil : choice.name
            let intents = try ledger.intents(provider: provider, offset: offset, limit: limit)
            let total = try ledger.intentCount(provider: provider)
            if json {
                try JSONOutput.write(PurchasesJSON(provider: provider, offset: offset, limit: limit, total: total,
                                                   purchases: intents.map(PurchasesJSON.Purchase.init)))
            } else {
                printLedger(intents, total: total)
            }
        } catch let error as CLIError {
            throw Terminal.fail(error)
        } catch {
            throw Terminal.fail(.failure(Terminal.describe(error)))
        }
    }

    func printLedger(_ intents: [PurchaseIntent], total: Int) {
        guard !intents.isEmpty else {
            print(offset == 0 ? "No purchases yet." : "No purchases after \(offset).")
            return
        }
        for intent in intents {
            let what = intent.quote.lines.map { SafeText.sanitize($0.name) }.joined(separator: " + ")
            let money = (intent.receipt?.total ?? intent.total).formatted
            var line = "\(ISODate.formatDay(intent.created))  \(intent.provider)  \(intent.assetID)  \(what)  \(money)  \(intent.state.rawValue)"
            if let id = intent.receipt?.purchaseID { line += "  purchase \(SafeText.sanitize(id))" }
            print(line)
            for product in intent.receipt?.products ?? [] {
                print("    \(SafeText.sanitize(product.name))  download id \(SafeText.sanitize(product.id))")
            }
            if let message = intent.message, intent.state != .confirmed { print("    \(SafeText.sanitize(message))") }
        }
        let last = offset + intents.count
        if last < total { print("\(offset + 1)–\(last) of \(total); next: --offset \(last)") }
    }

    func printHistory(_ page: LicenseHistoryPage, note: String?) {
        guard !page.items.isEmpty else {
            if let note, page.offset == 0 { print(note); return }
            print(page.offset == 0 ? "The service reports no licenses." : "No licenses after \(page.offset).")
            return
        }
        for item in page.items {
            let date = item.licensedAt.map(ISODate.formatDay) ?? "          "
            var line = "\(date)  \(item.assetID)  \(SafeText.sanitize(item.name))"
            if let title = item.title { line += "  \(SafeText.sanitize(title))" }
            line += "  download id \(SafeText.sanitize(item.id))"
            if !item.downloadable { line += "  (file no longer offered; the license remains valid)" }
            print(line)
        }
        if page.hasMore(limit: limit) { print("next: --offset \(page.offset + page.covered)") }
    }
}
