import ArgumentParser
import Foundation
import StockCore
import StockLedger

/// `stockterm license ID --product N`: licenses one asset after showing what it costs, through
/// the ledger (journaled before it is sent, sent once, reconciled after a crash).
struct LicenseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "license",
        abstract: "License an asset: choose a size and any extended licenses, confirm, and it is bought once.",
        discussion: """
            Shows each line with its price, the total, and the balance or quota before and after, then
            asks for confirmation on the terminal. Without a terminal on standard input it refuses
            unless --yes is given. An asset already licensed is refused unless --license-again.
            Product ids are those of `stockterm show ID` (Stocksy's productTypeId, Adobe's license
            name such as Standard, StockFlow's format and resolution such as mp4-1080p). Examples:
              stockterm license 10001 --product 2
              stockterm --provider stocksy license 12345 --product 3 --license 8 --project 'Spring ad' --po ABC-123
              stockterm --provider adobe license 112670342 --product Standard --reference 2=PRJ-7 --yes
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The asset's id.")
    var id: String

    @Option(name: .long, help: ArgumentHelp("The size (deliverable) to license.", valueName: "id"))
    var product: String

    @Option(name: .customLong("license"), help: ArgumentHelp("An extended license to add; repeat for several.", valueName: "id"))
    var licenses: [String] = []

    @Option(name: .long, help: "Stocksy: the project this license is for.")
    var project: String?

    @Option(name: .long, help: "Stocksy: the end client this license is for.")
    var client: String?

    @Option(name: .customLong("po"), help: ArgumentHelp("Stocksy: the purchase order number.", valueName: "number"))
    var poNumber: String?

    @Option(name: .long, help: ArgumentHelp("A license reference by id (Adobe's cce_agency), e.g. 2=PRJ-7; repeat for several.",
                                            valueName: "id=value"))
    var reference: [String] = []

    @Flag(name: .long, help: "License an asset that is already licensed again (buys another license).")
    var licenseAgain = false

    @Flag(name: [.short, .long], help: "Do not ask; license at once (needed when standard input is not a terminal).")
    var yes = false

    @Flag(name: .long, help: "Print the receipt as JSON.")
    var json = false

    func validate() throws {
        guard AssetID(id) != nil else { throw ValidationError("asset id must be a positive whole number, got \"\(SafeText.sanitize(id))\"") }
        for item in reference where !item.contains("=") {
            throw ValidationError("--reference takes id=value, got \"\(SafeText.sanitize(item))\"")
        }
    }

    func run() async throws {
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        do {
            let coordinator = try LicensingSetup.coordinator(for: choice)
            let asset = try await choice.provider.asset(id: AssetID(id)!)
            let offer = try await coordinator.offer(for: asset)
            let order = try makeOrder(offer)
            let quote = try check(order, offer: offer, coordinator: coordinator)
            if !json || !yes { printConfirmation(asset: asset, quote: quote, offer: offer, order: order) }
            if !yes { try confirm(quote) }
            let receipt = try await coordinator.license(order, offer: offer)
            if json {
                try JSONOutput.write(ReceiptJSON(provider: choice.name, receipt: receipt))
            } else {
                printReceipt(receipt, provider: choice)
            }
        } catch let error as ExitCode {
            throw error
        } catch let error as CLIError {
            throw Terminal.fail(error)
        } catch {
            throw Terminal.fail(.failure(Terminal.describe(error)))
        }
    }

    /// The order from the flags, checked against what is offered.
    func makeOrder(_ offer: LicenseOffer) throws -> LicenseOrder {
        func known(_ option: String, as type: Product.ProductType) throws -> String {
            guard let match = offer.options.first(where: { $0.id.lowercased() == option.lowercased() }) else {
                let list = offer.options.map { "\($0.id) (\(SafeText.sanitize($0.name)), \($0.cost.formatted))" }.joined(separator: ", ")
                throw CLIError.badInput("asset \(offer.assetID) has no product \"\(SafeText.sanitize(option))\"; it offers: \(list)")
            }
            guard match.type == type else {
                throw CLIError.badInput(type == .deliverable
                    ? "\(match.id) is an extended license; --product takes a size"
                    : "\(match.id) is a size; --license takes an extended license")
            }
            return match.id
        }
        let ids = [try known(product, as: .deliverable)] + (try licenses.map { try known($0, as: .license) })
        var values: [String: String] = [:]
        for (field, value) in [("project", project), ("client", client), ("poNumber", poNumber)] {
            guard let value else { continue }
            guard offer.references.contains(where: { $0.id == field }) else {
                throw CLIError.badInput("this service takes no \(field == "poNumber" ? "PO number" : field) reference")
            }
            values[field] = value
        }
        for item in reference {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard offer.references.contains(where: { $0.id == parts[0] }) else {
                let known = offer.references.map { "\($0.id) (\(SafeText.sanitize($0.label)))" }.joined(separator: ", ")
                throw CLIError.badInput("no license reference \"\(SafeText.sanitize(parts[0]))\"" + (known.isEmpty ? "" : "; known: \(known)"))
            }
            values[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return LicenseOrder(assetID: offer.assetID, optionIDs: ids, references: values, licenseAgain: licenseAgain)
    }

    /// What would refuse the order, said before asking anything.
    func check(_ order: LicenseOrder, offer: LicenseOffer, coordinator: LicenseCoordinator) throws -> LicenseQuote {
        switch offer.check(order) {
        case .success(let quote): return quote
        case .failure(let refusal):
            // The same words as the browser and the coordinator, with the CLI's remedies.
            switch refusal {
            case .missingReferences:
                let missing = order.missingReferences(in: offer).map { "\"\(SafeText.sanitize($0.label))\" (--reference \($0.id)=…)" }
                throw CLIError.badInput("required: " + missing.joined(separator: ", "))
            case .alreadyLicensed:
                throw CLIError.failure(refusal.message.replacingOccurrences(of: "choose “license again”", with: "add --license-again"))
            case .unknownOption, .noDeliverable, .severalDeliverables, .unpriceable, .offerMismatch:
                throw CLIError.badInput(refusal.message)
            default:
                throw CLIError.failure(refusal.message)
            }
        }
    }

    func printConfirmation(asset: Asset, quote: LicenseQuote, offer: LicenseOffer, order: LicenseOrder) {
        let out = ConfirmationText(asset: asset, quote: quote, offer: offer, order: order).lines
        FileHandle.standardError.write(Data((out.joined(separator: "\n") + "\n").utf8))
    }

    /// Asks on the terminal; refuses without one.
    func confirm(_ quote: LicenseQuote) throws {
        guard isatty(STDIN_FILENO) != 0 else {
            throw CLIError.badInput("not licensing without confirmation: standard input is not a terminal (add --yes to license anyway)")
        }
        FileHandle.standardError.write(Data("License for \(quote.total.formatted)? Type y to confirm: ".utf8))
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else {
            throw CLIError.failure("cancelled; nothing was sent")
        }
    }

    func printReceipt(_ receipt: LicenseReceipt, provider: ProviderChoice) {
        var lines = ["Licensed asset \(receipt.assetID): purchase \(SafeText.sanitize(receipt.purchaseID))"
            + (receipt.total.map { ", \($0.formatted)" } ?? "")]
        for product in receipt.products {
            lines.append("  \(SafeText.sanitize(product.name))  \(SafeText.sanitize(product.id))   stockterm\(provider.name == "demo" ? "" : " --provider \(provider.name)") download \(SafeText.sanitize(product.id))")
        }
        print(lines.joined(separator: "\n"))
    }
}

/// The confirmation's lines for the CLI: each line with its price, subtotal, tax, total, the
/// balance or quota before and after, the license and the references.
struct ConfirmationText {
    var asset: Asset
    var quote: LicenseQuote
    var offer: LicenseOffer
    var order: LicenseOrder

    var lines: [String] {
        var rows: [(String, String)] = quote.lines.map { (SafeText.sanitize($0.name) + ($0.detail.isEmpty ? "" : "  " + SafeText.sanitize($0.detail)), $0.cost.formatted) }
        rows.append(("Subtotal", quote.subtotal.formatted))
        if !quote.tax.isCredits { rows.append(("Tax", quote.tax.formatted)) }
        rows.append(("Total", quote.total.formatted))
        let noun = quote.total.isCredits ? "Quota" : "Balance"
        if let before = quote.before, let after = quote.after { rows.append((noun, "\(before.formatted) → \(after.formatted)")) }
        let width = max(40, rows.map { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) + 2 }.max() ?? 0)
        var out = ["License asset \(asset.id): \(SafeText.sanitize(asset.title))"]
        for (left, right) in rows { out.append("  " + DisplayWidth.pad(left, toWidth: width - DisplayWidth.of(right)) + right) }
        out.append("  License: " + SafeText.sanitize(quote.licenseName))
        let refs = offer.references.compactMap { f in order.references[f.id].map { SafeText.sanitize(f.label) + ": " + SafeText.sanitize($0) } }
        if !refs.isEmpty { out.append("  References: " + refs.joined(separator: "; ")) }
        if order.licenseAgain { out.append("  This buys the asset again (license again).") }
        if offer.account.isDemo { out.append("  Demo account: no real money is charged.") }
        return out
    }
}
