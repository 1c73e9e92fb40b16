import Foundation
import StockCore
import Testing

/// Every command's `--json`, run as a script runs it, against its published schema in
/// docs/schemas (docs/json-output.md). Serialized, as `CLITests`: each test blocks a thread
/// while the binary runs.
@Suite(.serialized) struct JSONOutputSchemaTests {
    static let schemaFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schemas")

    /// One schema per command that prints `--json`, and the shared definitions.
    static let schemaFiles = ["account", "catalog-info", "common", "download", "license", "providers", "purchases",
                              "purchases-service", "search", "show"].map { $0 + ".schema.json" }

    let validator: JSONSchemaValidator

    init() throws {
        validator = try JSONSchemaValidator(directory: Self.schemaFolder)
    }

    /// Expects status 0 and standard output valid against `schema`; returns the parsed output.
    @discardableResult
    func expectValid(_ r: CLIRunner.Result, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        #expect(r.status == 0, "\(schema): \(r.stderr)", sourceLocation: sourceLocation)
        let violations = validator.validate(text: r.stdout, against: schema)
        #expect(violations.isEmpty, "\(schema): \(violations.prefix(10))\n\(r.stdout.prefix(1500))", sourceLocation: sourceLocation)
        return try JSONParser.parse(Data(r.stdout.utf8))
    }

    @Test func everySchemaFileParsesAndUsesOnlyWhatTheValidatorChecks() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.schemaFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == Self.schemaFiles.sorted())
        for name in names {
            let schema = try JSONParser.parse(try Data(contentsOf: Self.schemaFolder.appendingPathComponent(name)))
            #expect(schema["$schema"] == .string(JSONSchemaValidator.draft), "\(name)")
            guard case .string(let id)? = schema["$id"] else { Issue.record("\(name) has no $id"); continue }
            #expect(id == "https://stockterm.invalid/schemas/" + name)
            guard case .string(let description)? = schema["description"] else { Issue.record("\(name) has no description"); continue }
            #expect(!description.isEmpty)
            let unsupported = validator.unsupportedKeywords(in: schema, base: id)
            #expect(unsupported.isEmpty, "\(name): \(unsupported)")
        }
    }

    /// The demo catalog: search (with results and without), show, catalog info.
    @Test func searchShowAndCatalogInfo() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let search = try expectValid(try cli.run(["search", "baikal", "--json", "--limit", "5"]), "search.schema.json")
        guard case .array(let items)? = search["items"] else { Issue.record("no items"); return }
        #expect(items.count == 5)
        #expect(search["skipped"] == .array([]))
        #expect(search["provider"] == .string("demo"))
        try expectValid(try cli.run(["search", "type:video", "--sort", "newest", "--order", "asc", "--json", "--page", "3"]), "search.schema.json")
        let none = try expectValid(try cli.run(["search", "qqqzzzxxy", "--json"]), "search.schema.json")
        #expect(none["items"] == .array([]))
        let show = try expectValid(try cli.run(["show", "10001", "--json"]), "show.schema.json")
        guard case .array(let products)? = show["products"], case .object(let product)? = products.first else {
            Issue.record("no products"); return
        }
        #expect(product["price"]?["currency"] == .string("USD"))
        #expect(product["price"]?["text"] == .string(MoneyFormatter.format(Money(amount: 1500, currency: "USD"))))
        // search and show give the same asset, key for key.
        let id = try #require(items.first?["id"])
        let shown = try expectValid(try cli.run(["show", JSONSchemaValidator.short(id), "--json"]), "show.schema.json")
        #expect(items.first.map { Set(Self.keys($0)) } == Set(Self.keys(shown)))
        try expectValid(try cli.run(["catalog", "info", "--json"]), "catalog-info.schema.json")
    }

    /// What the source does not say is null, licenses stockterm does not know are listed apart,
    /// and text with control characters stays exact (escaped).
    @Test func unknownValuesAreNull() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let catalog = try cli.write("catalog.jsonl", CLITests.catalogText + """
            {"id":106,"kind":"photo","title":"Undated car","width":300,"height":200,"created":null,"licenseTypes":["editorial"],"otherLicenses":["Royalty Free Plus"]}

            """)
        let search = try expectValid(try cli.run(["search", "car", "--catalog", catalog.path, "--json"]), "search.schema.json")
        let shown = try expectValid(try cli.run(["show", "106", "--catalog", catalog.path, "--json"]), "show.schema.json")
        #expect(shown["title"] == .string("Undated car"))
        guard case .object(let asset) = shown else { Issue.record("not an object"); return }
        #expect(asset["created"] == .null)
        #expect(asset["category"] == .null)
        #expect(asset["exif"] == .null)
        #expect(asset["lowestPrice"] == .null)
        #expect(asset["otherLicenses"] == .array([.string("Royalty Free Plus")]))
        let evil = try expectValid(try cli.run(["show", "104", "--catalog", catalog.path, "--json"]), "show.schema.json")
        #expect(evil["title"] == .string("Evil \u{1B}]0;pwned\u{07}title \u{1B}[31mred\u{1B}[0m \u{9B}2J car"))
        guard case .array(let items)? = search["items"] else { Issue.record("no items"); return }
        #expect(items.contains { $0["id"] == .number(106, 106) && $0["created"] == nil })
    }

    /// license, purchases (the ledger and the service's history), download and account on the
    /// demo account.
    @Test func licensingCommands() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let out = cli.home.appendingPathComponent("out")
        let empty = try expectValid(try cli.run(["purchases", "--json"]), "purchases.schema.json")
        #expect(empty["purchases"] == .array([]))
        try expectValid(try cli.run(["account", "--json"]), "account.schema.json")

        let receipt = try expectValid(try cli.run(["license", "10001", "--product", "2", "--yes", "--json"]), "license.schema.json")
        #expect(receipt["total"]?["amount"] == .number(4000, 4000))
        #expect(receipt["total"]?["currency"] == .string("USD"))
        guard case .array(let products)? = receipt["products"], case .string(let downloadID)? = products.first?["downloadId"] else {
            Issue.record("no download id"); return
        }
        let ledger = try expectValid(try cli.run(["purchases", "--json"]), "purchases.schema.json")
        guard case .array(let purchases)? = ledger["purchases"] else { Issue.record("no purchases"); return }
        #expect(purchases.count == 1)
        #expect(purchases.first?["state"] == .string("confirmed"))
        try expectValid(try cli.run(["purchases", "--all-providers", "--json"]), "purchases.schema.json")
        let history = try expectValid(try cli.run(["purchases", "--service", "--json"]), "purchases-service.schema.json")
        #expect(history["skipped"] == .array([]))

        let first = try expectValid(try cli.run(["download", downloadID, "-o", out.path, "--json"]), "download.schema.json")
        guard case .array(let files)? = first["files"], case .string(let path)? = files.first?["path"] else {
            Issue.record("no file"); return
        }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(files.first?["alreadyOnDisk"] == .bool(false))
        let all = try expectValid(try cli.run(["download", "--all", "-o", out.path, "--json"]), "download.schema.json")
        #expect(all["files"]?.arrayCount == 1)
        #expect(all["failed"] == .array([]))

        let account = try expectValid(try cli.run(["account", "--json"]), "account.schema.json")
        #expect(account["balance"]?["amount"] == .number(39750, 39750))   // 437.50 - 40.00
        #expect(account["quota"] == nil)   // null
    }

    @Test func providers() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try expectValid(try cli.run(["providers", "--json"]), "providers.schema.json")
        try expectValid(try cli.run(["providers", "--check", "--json"]), "providers.schema.json")
    }

    /// The same shapes from a service: a StockFlow emulator on loopback (estimated totals, a
    /// download quota in credits, no license history), and its key nowhere in the output.
    @Test func aServiceThroughTheStockFlowSandbox() throws {
        let sandbox = try SandboxService.start(api: "stockflow")
        defer { sandbox.stop() }
        let cli = try CLIRunner()
        defer { cli.remove() }
        try sandbox.configure(cli, asDefault: true)
        let env = sandbox.environment
        var outputs: [String] = []
        func valid(_ arguments: [String], _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
            let r = try cli.run(arguments, environment: env)
            outputs.append(r.stdout)
            return try expectValid(r, schema, sourceLocation: sourceLocation)
        }
        let search = try valid(["search", "drone", "--json", "--limit", "5"], "search.schema.json")
        #expect(search["totalIsExact"] == .bool(false))
        let id = try #require(search["items"].flatMap { if case .array(let a) = $0 { a.first?["id"] } else { nil } })
        _ = try valid(["show", JSONSchemaValidator.short(id), "--json"], "show.schema.json")
        let account = try valid(["account", "--json"], "account.schema.json")
        #expect(account["quota"]?["credits"] != nil, "\(account)")
        _ = try valid(["purchases", "--service", "--json"], "purchases-service.schema.json")
        _ = try valid(["providers", "--check", "--json"], "providers.schema.json")
        for secret in sandbox.secrets {
            #expect(!outputs.contains { $0.contains(secret) }, "a secret in --json")
        }
    }

    static func keys(_ value: JSONValue) -> [String] {
        if case .object(let members) = value { return members.keys }
        return []
    }
}

extension JSONValue {
    /// The number of elements of an array; nil for anything else.
    var arrayCount: Int? {
        if case .array(let a) = self { return a.count }
        return nil
    }
}
