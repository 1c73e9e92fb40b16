import ArgumentParser
import Foundation
import StockCore
import StockLedger

/// `stockterm download ID` and `stockterm download --all`: fetches licensed files with a progress
/// bar, resuming interrupted downloads, never overwriting a file.
struct DownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download licensed files (one, or every file of the license history not yet on disk).",
        discussion: """
            ID is the download id `stockterm license` and `stockterm purchases` print. --all walks the
            service's whole license history (Adobe: the organisation's with --organisation) and the
            ledger, and fetches every file not yet on disk; run it again to resume. --comp fetches a
            watermarked comp of an asset you have not licensed. Examples:
              stockterm download demo-000001-2 -o ~/Pictures
              stockterm --provider adobe download --all --since 2026-01-01
              stockterm --provider adobe download 112670342:Standard --format png
              stockterm download --comp 10001
              stockterm download --all --json     # {"files":[{"path":…}],"failed":[…]} instead of paths
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The download id of a licensed product (or an asset id with --comp).")
    var id: String?

    @Flag(name: .long, help: "Every licensed file not yet on disk.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("With --all: only licenses from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Flag(name: .long, help: "With --all on Adobe Stock: the whole organisation's history (all=true).")
    var organisation = false

    @Flag(name: .long, help: "A watermarked comp of the asset ID (not licensed).")
    var comp = false

    @Option(name: .long, help: ArgumentHelp("A vector as jpeg or png, where the service offers it.", valueName: "jpeg|png"))
    var format: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The directory to write to.", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Print one JSON object (each file's path, and what failed) instead of paths.")
    var json = false

    func validate() throws {
        if all == (id != nil) { throw ValidationError(all ? "give either an id or --all, not both" : "give a download id, or --all") }
        if comp && all { throw ValidationError("--comp takes one asset id, not --all") }
        if since != nil && !all { throw ValidationError("--since goes with --all") }
        if organisation && !all { throw ValidationError("--organisation goes with --all") }
        if let since, ISODate.date(since + "T00:00:00Z") == nil { throw ValidationError("--since takes a day as YYYY-MM-DD, got \"\(SafeText.sanitize(since))\"") }
        if let format, !["jpeg", "png"].contains(format) { throw ValidationError("--format is jpeg or png, got \"\(SafeText.sanitize(format))\"") }
        if comp, let id, AssetID(id) == nil { throw ValidationError("--comp takes an asset id, got \"\(SafeText.sanitize(id))\"") }
    }

    func run() async throws {
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        var report = DownloadJSON(provider: choice.name, files: [], failed: [])
        do {
            let ledger = try LicensingSetup.ledger(for: choice)
            let coordinator = try LicensingSetup.coordinator(for: choice, ledger: ledger)
            let files = FileDownload(ledger: ledger, provider: choice.name, licensing: await coordinator.licensing,
                                     directory: LicensingSetup.downloadDirectory(output))
            if comp {
                report.files.append(try await fetchComp(AssetID(id!)!, choice: choice, files: files))
            } else if all {
                try await fetchAll(coordinator: coordinator, ledger: ledger, files: files, report: &report)
            } else {
                let product = try await find(id!, coordinator: coordinator, ledger: ledger)
                let outcome = try await files.fetch(product, format: format, progress: ProgressPrinter.shared.report)
                ProgressPrinter.shared.finish()
                report.files.append(Self.file(product, outcome))
                if !json { print(outcome.alreadyOnDisk ? "already downloaded: \(outcome.path)" : outcome.path) }
            }
        } catch let error as CLIError {
            ProgressPrinter.shared.finish()
            throw Terminal.fail(error)
        } catch {
            ProgressPrinter.shared.finish()
            throw Terminal.fail(.failure(Terminal.describe(error)))
        }
        if json { try JSONOutput.write(report) }
        if !report.failed.isEmpty { throw ExitCode(1) }
    }

    /// The licensed product with download id `id`: from the ledger, else from the service's history.
    func find(_ id: String, coordinator: LicenseCoordinator, ledger: Ledger) async throws -> LicensedProduct {
        if let product = try ledger.licensedProducts(provider: await coordinator.provider).first(where: { $0.id == id }) {
            return product
        }
        var offset = 0
        while true {
            let page = try await coordinator.serviceHistory(offset: offset, limit: 100)
            if let product = page.items.first(where: { $0.id == id }) { return product }
            guard page.hasMore(limit: 100), page.covered > 0 else { break }
            offset += page.covered
        }
        throw CLIError.failure("no licensed product with download id \"\(SafeText.sanitize(id))\" in the ledger or the license history")
    }

    /// Every licensed product of the service's history and the ledger, fetched unless on disk;
    /// each file and each failure goes into `report` (the caller exits 1 if any failed).
    func fetchAll(coordinator: LicenseCoordinator, ledger: Ledger, files: FileDownload, report: inout DownloadJSON) async throws {
        let cutoff = since.flatMap { ISODate.date($0 + "T00:00:00Z") }
        var products: [LicensedProduct] = []
        var seen = Set<String>()
        func add(_ product: LicensedProduct) {
            if let cutoff, let date = product.licensedAt, date < cutoff { return }
            if seen.insert(product.id).inserted { products.append(product) }
        }
        var offset = 0
        while true {
            let page = try await files.licensing.licenseHistory(offset: offset, limit: 100, organisation: organisation)
            page.items.forEach(add)
            guard page.hasMore(limit: 100), page.covered > 0 else { break }
            offset += page.covered
        }
        try ledger.licensedProducts(provider: files.provider).filter { $0.type == .deliverable }.forEach(add)
        var fetched = 0, onDisk = 0, failed = 0
        for (index, product) in products.enumerated() {
            Terminal.warn("[\(index + 1)/\(products.count)] \(product.assetID) \(SafeText.sanitize(product.name))")
            do {
                let outcome = try await files.fetch(product, format: format, progress: ProgressPrinter.shared.report)
                ProgressPrinter.shared.finish()
                report.files.append(Self.file(product, outcome))
                if outcome.alreadyOnDisk { onDisk += 1 } else { fetched += 1; if !json { print(outcome.path) } }
            } catch {
                ProgressPrinter.shared.finish()
                failed += 1
                let message = Terminal.describe(error)
                report.failed.append(.init(downloadId: product.id, assetId: product.assetID.rawValue, message: message))
                Terminal.warn("  \(message)")
            }
        }
        Terminal.warn("\(fetched) downloaded, \(onDisk) already on disk, \(failed) failed, of \(products.count) licensed")
    }

    func fetchComp(_ assetID: AssetID, choice: ProviderChoice, files: FileDownload) async throws -> DownloadJSON.File {
        let asset = try await choice.provider.asset(id: assetID)
        let licensing = files.licensing
        let result = try await files.downloader.download(
            id: "\(choice.name)-comp-\(assetID)", suggestedName: "\(choice.name)-\(assetID)-comp", into: files.directory,
            link: { try await licensing.compLink(for: asset) }, progress: ProgressPrinter.shared.report)
        ProgressPrinter.shared.finish()
        if !json { print(result.url.path) }
        Terminal.warn("a watermarked comp, not a licensed file")
        return DownloadJSON.File(downloadId: nil, assetId: assetID.rawValue, path: result.url.path, bytes: result.bytes,
                                 alreadyOnDisk: false, comp: true)
    }

    /// A licensed product's file as `--json` lists it.
    static func file(_ product: LicensedProduct, _ outcome: FileDownload.Outcome) -> DownloadJSON.File {
        DownloadJSON.File(downloadId: product.id, assetId: product.assetID.rawValue, path: outcome.path, bytes: outcome.bytes,
                          alreadyOnDisk: outcome.alreadyOnDisk, comp: false)
    }
}
