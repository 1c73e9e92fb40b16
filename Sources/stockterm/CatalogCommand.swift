import ArgumentParser
import Foundation
import StockCatalog
import StockCore

/// `stockterm catalog`: import, generate and describe catalogs.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Import, generate and describe JSON Lines catalogs.",
        subcommands: [Import.self, Generate.self, Info.self]
    )

    /// `stockterm catalog import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a JSON Lines catalog and build its search index.",
            discussion: """
                Each bad line is reported with its number and the reason; the good lines are indexed
                all the same. Exits 1 if any line failed. The format: docs/catalog-format.md.
                Example: stockterm catalog import ~/exports/dam.jsonl && stockterm --catalog ~/exports/dam.jsonl
                """
        )

        @Argument(help: ArgumentHelp("The catalog file.", valueName: "file.jsonl"), completion: .file(extensions: ["jsonl"]))
        var file: String

        @Flag(name: .long, help: "Do not show progress.")
        var quiet = false

        func run() async throws {
            var options = GlobalOptions()
            options.catalog = file
            options.quiet = quiet
            let start = Date()
            let outcome: IndexBuildOutcome?
            do { outcome = try CatalogLoader.open(options, forceRebuild: true).1 } catch let error as CLIError { throw Terminal.fail(error) }
            let errors = outcome?.errors ?? []
            for e in errors { Terminal.warn(SafeText.sanitize(e.description)) }
            let seconds = Date().timeIntervalSince(start)
            print("Imported \(Format.count(outcome?.assetCount ?? 0)) assets from \(SafeText.sanitize(options.catalogURL.lastPathComponent))"
                + (errors.isEmpty ? "" : " (\(Format.count(errors.count)) line\(errors.count == 1 ? "" : "s") failed)")
                + " in \(String(format: "%.1f", seconds)) s ("
                + (outcome?.phases ?? []).map { "\($0.0.rawValue) \(String(format: "%.1f", $0.1)) s" }.joined(separator: ", ") + ").")
            if !errors.isEmpty { throw ExitCode(1) }
        }
    }

    /// `stockterm catalog generate --count N --seed S`.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a deterministic demo catalog of any size to standard output.",
            discussion: "The same count and seed give the same bytes on every machine. Example: stockterm catalog generate --count 1000000 --seed 7 > big.jsonl"
        )

        @Option(name: .long, help: "How many assets.")
        var count: Int = 5000

        @Option(name: .long, help: "The seed.")
        var seed: UInt64 = 1

        func validate() throws {
            guard count >= 1 && count <= 100_000_000 else { throw ValidationError("--count must be between 1 and 100,000,000, got \(count)") }
        }

        func run() async throws {
            try CatalogGenerator(seed: seed).write(count: count, to: FileHandle.standardOutput)
        }
    }

    /// `stockterm catalog info`.
    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show how many assets the catalog has per type, category and facet.")

        @OptionGroup var global: GlobalOptions

        @Flag(name: .long, help: "Print one JSON object.")
        var json = false

        func run() async throws {
            let catalog: LocalCatalog
            do { catalog = try CatalogLoader.open(global).0 } catch let error as CLIError { throw Terminal.fail(error) }
            var filters = SearchFilters()
            filters.free = .included
            let page = try catalog.search(SearchRequest(query: nil, filters: filters, pageSize: 1))
            if json {
                var facets: [String: [String: Int]] = [:]
                for (g, v) in page.facets.counts { facets[g.rawValue] = v }
                try JSONOutput.write(CatalogInfoJSON(catalog: catalog.source.path, assets: catalog.assetCount, facets: facets))
                return
            }
            print("Catalog: \(SafeText.sanitize(catalog.source.path))")
            print("Assets:  \(Format.count(catalog.assetCount))\n")
            let groups: [(FacetGroup, String)] = [(.type, "Type"), (.orientation, "Orientation"), (.resolution, "Video resolution (at least)"),
                                                  (.fourK, "4k video"), (.premium, "Price level"), (.license, "License"), (.category, "Category")]
            for (group, title) in groups {
                print(title)
                let values = (page.facets.counts[group] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                let w = values.map { DisplayWidth.of(label(group, $0.key)) }.max() ?? 0
                for (value, n) in values {
                    print("  " + DisplayWidth.pad(label(group, value), toWidth: w) + "  " + Format.count(n))
                }
                print("")
            }
        }

        private func label(_ group: FacetGroup, _ value: String) -> String {
            switch group {
            case .premium: PremiumLevel(Int(value) ?? 0).label
            case .fourK: value == "true" ? "4k" : value
            default: SafeText.sanitize(value)
            }
        }
    }
}
