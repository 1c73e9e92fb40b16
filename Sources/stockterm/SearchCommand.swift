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

    @Option(name: .long, help: ArgumentHelp("""
        Read the search from a JSON request instead of the query and filter flags ('-' for standard \
        input): {"query":"baikal","filters":{"kinds":["video"],"minResolution":"4k"},"sort":"newest",\
        "order":"desc","page":1,"pageSize":20,"synonyms":false}. Every key is optional.
        """, valueName: "file"))
    var request: String?

    func validate() throws {
        guard page >= 1 else { throw ValidationError("--page must be 1 or more, got \(page)") }
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be between 1 and 500, got \(limit)") }
        guard page <= 1_000_000 / limit else { throw ValidationError("--page \(page) with --limit \(limit) goes past the millionth result") }
    }

    func run() async throws {
        var text = query.joined(separator: " ")
        var filterValues = try filters.searchFilters()
        var sort = self.sort, order = self.order, page = self.page, limit = self.limit, exact = self.exact
        if let request {
            guard query.isEmpty, filterValues == SearchFilters() else {
                throw ValidationError("--request replaces the query and the filter flags; give one or the other")
            }
            let body = try JSONSearchRequest.read(request)
            text = body.query ?? ""
            filterValues = body.filters ?? SearchFilters()
            sort = body.sort ?? sort
            order = body.order ?? order
            page = body.page ?? page
            limit = body.pageSize ?? limit
            exact = !(body.synonyms ?? !exact)
            guard page >= 1, (1...500).contains(limit) else { throw ValidationError("request: page must be 1 or more and pageSize 1 to 500") }
        }
        let node: QueryNode?
        do {
            node = try QueryParser.parse(text)
        } catch {
            Terminal.warn(error.message)
            FileHandle.standardError.write(Data((error.caretDiagram(for: text) + "\n").utf8))
            throw ExitCode(2)
        }
        let searchRequest = SearchRequest(query: node, filters: filterValues, sort: sort, order: order,
                                          page: page, pageSize: limit, expandSynonyms: !exact)
        let choice: ProviderChoice
        do { choice = try ProviderFactory.resolve(global) } catch { throw Terminal.fail(error) }
        let result: SearchPage
        do {
            result = try await choice.provider.search(searchRequest)
        } catch {
            throw Terminal.fail(.failure(Terminal.describe(error)))
        }
        if json {
            try JSONOutput.write(SearchJSON(provider: choice.name, query: text, exact: exact, sort: sort, order: order, page: result))
        } else {
            print(ResultTable(page: result, width: Terminal.width()).render(), terminator: "")
            if let summary = SkippedRecord.summary(result.skipped) { Terminal.warn(summary + ": see the log") }
        }
    }
}

/// A search as a JSON object, for scripts: the same fields as the JSON output's echo.
struct JSONSearchRequest: Decodable {
    var query: String?
    var filters: SearchFilters?
    var sort: SortField?
    var order: SortDirection?
    var page: Int?
    var pageSize: Int?
    /// Expand synonyms (the default); `false` is `--exact`.
    var synonyms: Bool?

    /// Reads a request from a file, or from standard input for `-`.
    static func read(_ path: String) throws -> JSONSearchRequest {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
                throw ValidationError("cannot read request file \(path)")
            }
            data = d
        }
        do {
            return try JSONDecoder().decode(JSONSearchRequest.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError("request: \(JSONRequestErrorText.describe(error))")
        }
    }
}

/// Words for a JSON request that does not decode.
enum JSONRequestErrorText {
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") }
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "field \"\(path(c.codingPath))\" has the wrong type"
        case .keyNotFound(let key, _): return "missing field \"\(key.stringValue)\""
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "not valid JSON" : "field \"\(path(c.codingPath))\": \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
