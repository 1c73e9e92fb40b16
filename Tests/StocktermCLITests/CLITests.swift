import Foundation
import StockCore
import Testing

/// The command line as scripts and people use it: output, JSON shape, exit codes.
/// Serialized: each test blocks a thread while the binary runs, and two at once would hold every
/// thread of the cooperative pool on a two-core machine, stalling the async suites beside them.
@Suite(.serialized) struct CLITests {
    /// A small catalog with a hostile title, synonyms across languages and a video.
    static let catalogText = """
        {"id":101,"kind":"photo","title":"Red car on a Moscow street","keywords":["car","street"],"width":6000,"height":4000,"created":"2024-05-01T10:00:00Z","popularity":50,"products":[{"productTypeId":1,"type":"deliverable","name":"Small","price":{"amount":1500,"code":"usd","decimals":2},"dimensions":{"width":800,"height":533}}]}
        {"id":102,"kind":"photo","title":"Машина у озера","keywords":["машина"],"width":5000,"height":5100,"created":"2023-01-01T00:00:00Z","popularity":40}
        {"id":103,"kind":"video","title":"Aerial view of Baikal shoreline at golden hour","keywords":["drone","lake"],"category":"nature-landscapes","width":3840,"height":2160,"duration":8.4,"fps":30,"codec":"H.265","videoResolution":"4k","created":"2024-11-03T14:22:00Z","popularity":90}
        {"id":104,"kind":"photo","title":"Evil \\u001b]0;pwned\\u0007title \\u001b[31mred\\u001b[0m \\u009b2J car","width":100,"height":100,"created":"2020-01-01T00:00:00Z"}
        {"id":105,"kind":"vector","title":"Алматы көлік жолы","width":4000,"height":1000,"created":"2022-02-02T00:00:00Z","premiumLevel":3}

        """

    func withCatalog(_ body: (CLIRunner, String) throws -> Void) throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("catalog.jsonl", Self.catalogText)
        try body(cli, file.path)
    }

    /// Options before the subcommand (as the README writes them) and after it mean the same, and
    /// with no subcommand and no terminal the overview is printed.
    @Test func globalOptionsWorkBeforeTheSubcommandToo() throws {
        try withCatalog { cli, file in
            let before = try cli.run(["--catalog", file, "search", "car", "--exact", "--json"])
            let after = try cli.run(["search", "car", "--exact", "--json", "--catalog", file])
            #expect(before.status == 0, "\(before.stderr)")
            #expect(before.stdout == after.stdout)
            #expect(before.stdout.contains("\"total\":2"), "\(before.stdout)")
            let overview = try cli.run(["--catalog", file])
            #expect(overview.status == 0, "\(overview.stderr)")
            #expect(overview.stdout.contains("5 assets in catalog.jsonl"))
            let browse = try cli.run(["browse", "--catalog", file, "--exact"])
            #expect(browse.status == 0, "\(browse.stderr)")
            #expect(browse.stdout == overview.stdout)
        }
    }

    @Test func searchPrintsATableWithTheTotal() throws {
        try withCatalog { cli, file in
            let r = try cli.run(["search", "baikal", "--catalog", file])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Aerial view of Baikal"))
            #expect(r.stdout.contains("1–1 of 1"))
            #expect(r.stdout.hasPrefix(" ID  TITLE") || r.stdout.contains("TITLE"))
        }
    }

    @Test func searchJSONHasTheDocumentedShape() throws {
        try withCatalog { cli, file in
            let r = try cli.run(["search", "car", "--catalog", file, "--json", "--limit", "2", "--sort", "popular"])
            #expect(r.status == 0, "\(r.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["provider", "query", "synonyms", "sort", "order", "page", "pageSize", "total", "totalIsExact",
                                         "facets", "items", "skipped"])
            #expect(object["skipped"] as? [Any] != nil && (object["skipped"] as? [Any])?.isEmpty == true)
            #expect(object["query"] as? String == "car")
            #expect(object["pageSize"] as? Int == 2)
            // car, машина and көлік through synonyms, and the hostile title that says car.
            #expect(object["total"] as? Int == 4)
            let facets = try #require(object["facets"] as? [String: [String: Int]])
            #expect(facets["type"]?["photo"] == 3)
            #expect(facets["orientation"] != nil && facets["premium"] != nil && facets["resolution"] != nil)
            // Items are assets of the one shape (docs/schemas/common.schema.json#/$defs/asset).
            let items = try #require(object["items"] as? [[String: Any]])
            #expect(items.count == 2)
            let red = try #require(items.first { $0["id"] as? Int == 101 })
            #expect(red["created"] as? String == "2024-05-01T10:00:00Z")
            let price = try #require(red["lowestPrice"] as? [String: Any])
            #expect(price["amount"] as? Int == 1500 && price["currency"] as? String == "USD")
            #expect(price["decimals"] as? Int == 2 && price["text"] as? String == "$15.00")
        }
    }

    @Test func exactTurnsSynonymsOff() throws {
        try withCatalog { cli, file in
            let r = try cli.run(["search", "car", "--catalog", file, "--json", "--exact"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect(object["total"] as? Int == 2)
        }
    }

    @Test func anInvalidQueryShowsACaretAndExits2() throws {
        try withCatalog { cli, file in
            let r = try cli.run(["search", "lake AND", "--catalog", file])
            #expect(r.status == 2)
            #expect(r.stderr.contains("lake AND\n     ^"))
            let unknown = try cli.run(["search", "type:banana", "--catalog", file])
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("banana"))
        }
    }

    @Test func invalidFlagValuesExit2WithTheAcceptedValues() throws {
        try withCatalog { cli, file in
            let r = try cli.run(["search", "--catalog", file, "--orientation", "diagonal"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("horizontal"))
            #expect(try cli.run(["search", "--catalog", file, "--limit", "0"]).status == 2)
            #expect(try cli.run(["search", "--catalog", file, "--premium", "maybe"]).status == 2)
            #expect(try cli.run(["show", "abc", "--catalog", file]).status == 2)
        }
    }

    @Test func showPrintsEveryFieldAndProducts() throws {
        try withCatalog { cli, file in
            let r = try cli.run(["show", "101", "--catalog", file])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Red car on a Moscow street"))
            #expect(r.stdout.contains("6000 × 4000"))
            #expect(r.stdout.contains("$15.00"))
            let json = try cli.run(["show", "103", "--catalog", file, "--json"])
            let asset = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(asset["videoResolution"] as? String == "4k" && asset["duration"] as? Double == 8.4)
            let missing = try cli.run(["show", "999", "--catalog", file])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("999 not found"))
        }
    }

    @Test func noEscapeSequenceFromDataReachesTheTerminal() throws {
        try withCatalog { cli, file in
            for args in [["search", "evil", "--catalog", file], ["show", "104", "--catalog", file],
                         ["search", "evil", "--catalog", file, "--json"], ["show", "104", "--catalog", file, "--json"]] {
                let r = try cli.run(args)
                #expect(r.status == 0)
                #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) },
                        "\(args)")
            }
            // JSON keeps the data exact, escaped.
            let json = try cli.run(["show", "104", "--catalog", file, "--json"])
            let asset = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((asset["title"] as? String)?.contains("\u{1B}[31m") == true)
        }
    }

    @Test func importReportsBadLinesByNumberAndExits1() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("bad.jsonl", CLITests.catalogText + """
            {"id":200,"kind":"photo"}
            not json at all
            {"id":101,"kind":"photo","title":"again","width":1,"height":1,"created":"2024-01-01"}
            {"id":201,"kind":"sculpture","title":"x","width":1,"height":1,"created":"2024-01-01"}

            """)
        let r = try cli.run(["catalog", "import", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Imported 5 assets"))
        #expect(r.stderr.contains("line 6: missing required field \"title\""))
        #expect(r.stderr.contains("line 7: not valid JSON"))
        #expect(r.stderr.contains("line 8: duplicate id 101 (first on line 1)"))
        #expect(r.stderr.contains("line 9: field \"kind\""))
        // The good lines are searchable.
        #expect(try cli.run(["search", "baikal", "--catalog", file.path]).stdout.contains("Baikal"))
    }

    @Test func generateIsDeterministic() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let a = try cli.run(["catalog", "generate", "--count", "50", "--seed", "9"])
        let b = try cli.run(["catalog", "generate", "--count", "50", "--seed", "9"])
        let c = try cli.run(["catalog", "generate", "--count", "50", "--seed", "10"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        let lines = a.stdout.split(separator: "\n")
        #expect(lines.count == 50)
        for line in lines { _ = try JSONDecoder().decode(Asset.self, from: Data(line.utf8)) }
    }

    @Test(arguments: [[String](), ["search"], ["show"], ["catalog"], ["catalog", "import"], ["catalog", "generate"], ["catalog", "info"]])
    func everyCommandHasHelp(_ command: [String]) throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let r = try cli.run(command + ["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }

    @Test func theDemoCatalogWorksWithNoArguments() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let info = try cli.run(["catalog", "info", "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect((object["assets"] as? Int ?? 0) >= 5000)
        let overview = try cli.run([])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("Curated picks"))
    }
}

/// The JSON request: the same search as flags, from a file or standard input.
@Suite struct JSONRequestTests {
    @Test func aJSONRequestSearchesLikeTheFlags() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("catalog.jsonl", CLITests.catalogText)
        let request = try cli.write("req.json", #"{"query":"car","filters":{"kinds":["photo"]},"pageSize":2,"synonyms":false}"#)
        let r = try cli.run(["search", "--catalog", file.path, "--request", request.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 2)
        #expect(object["synonyms"] as? Bool == false)
        #expect(object["pageSize"] as? Int == 2)
        let bad = try cli.write("bad.json", #"{"filters":{"kinds":["sculpture"]}}"#)
        let refused = try cli.run(["search", "--catalog", file.path, "--request", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("kinds"))
        let both = try cli.run(["search", "car", "--catalog", file.path, "--request", request.path])
        #expect(both.status == 2)
    }
}
