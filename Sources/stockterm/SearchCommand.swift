import ArgumentParser
import Foundation
import StockCatalog
import StockCore

extension SortField: ExpressibleByArgument {}
extension SortDirection: ExpressibleByArgument {}

/// `stockterm search`: one page of results as a table, or as JSON for scripts.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the catalog and print one page of results.",
        discussion: """
            The query language: words, "quoted phrases", AND, OR, NOT or -word, parentheses,
            "lake ice"~3 (words within 3 positions), prefix*, and field:value filters such as
            type:video orientation:vertical license_type:editorial category:urban-cinematic
            tag:drone resolution:4k premium:false free:true safe:true duration:3.5..12
            width:>=5000 height:..4000 mp:>=20. Synonyms across English, Russian and Kazakh are
            searched too unless --exact is given.

            Examples:
              stockterm search baikal --type video --4k
              stockterm search '"night city" -rain' --sort newest --json
              stockterm search 'көлік OR машина' --orientation horizontal --page 2
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The query; several words are joined by spaces. Empty means everything.", valueName: "query"))
    var query: [String] = []

    @OptionGroup(title: "Filters") var filters: FilterOptions

    @Option(name: .long, help: ArgumentHelp("relevance, newest, popular, curated, emerging or duration.", valueName: "sort"))
    var sort: SortField = .relevance

    @Option(name: .long, help: ArgumentHelp("asc or desc (default desc); relevance is always best first.", valueName: "order"))
    var order: SortDirection = .desc

    @Option(name: .long, help: "The page to show, from 1.")
    var page: Int = 1

    @Option(name: .long, help: "Results per page, 1 to 500.")
    var limit: Int = 20

    @Flag(name: .long, help: "Search the words as written, without synonyms.")
    var exact = false

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page must be 1 or more, got \(page)") }
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be between 1 and 500, got \(limit)") }
        guard page <= 1_000_000 / limit else { throw ValidationError("--page \(page) with --limit \(limit) goes past the millionth result") }
    }

    func run() async throws {
        let text = query.joined(separator: " ")
        let node: QueryNode?
        do {
            node = try QueryParser.parse(text)
        } catch {
            Terminal.warn(error.message)
            FileHandle.standardError.write(Data((error.caretDiagram(for: SafeText.sanitize(text)) + "\n").utf8))
            throw ExitCode(2)
        }
        let request = SearchRequest(query: node, filters: try filters.searchFilters(), sort: sort, order: order,
                                    page: page, pageSize: limit, expandSynonyms: !exact)
        let catalog: LocalCatalog
        do { catalog = try CatalogLoader.open(global).0 } catch let error as CLIError { throw Terminal.fail(error) }
        let result: SearchPage
        do {
            result = try catalog.search(request)
        } catch let error as StockError {
            throw Terminal.fail(.failure(error.message))
        }
        if json {
            try JSONOutput.write(SearchOutput(query: text, exact: exact, page: result, sort: sort, order: order))
        } else {
            print(ResultTable(page: result, width: Terminal.width()).render(), terminator: "")
        }
    }
}

/// The JSON form of a search: `{"query":…,"page":N,"pageSize":N,"total":N,"items":[…],"facets":{…}}`.
struct SearchOutput: Encodable {
    var query: String
    var exact: Bool
    var page: SearchPage
    var sort: SortField
    var order: SortDirection

    enum CodingKeys: String, CodingKey { case query, synonyms, sort, order, page, pageSize, total, totalIsExact, items, facets }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(!exact, forKey: .synonyms)
        try c.encode(sort, forKey: .sort)
        try c.encode(order, forKey: .order)
        try c.encode(page.page, forKey: .page)
        try c.encode(page.pageSize, forKey: .pageSize)
        try c.encode(page.total, forKey: .total)
        try c.encode(page.totalIsExact, forKey: .totalIsExact)
        try c.encode(page.items, forKey: .items)
        var facets: [String: [String: Int]] = [:]
        for (group, values) in page.facets.counts { facets[group.rawValue] = values }
        try c.encode(facets, forKey: .facets)
    }
}
