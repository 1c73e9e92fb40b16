import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing

/// The real API's answers that Adobe's SDKs recorded (`../shared/adobe_fixtures/`, read in place,
/// never copied) served on 127.0.0.1 to the `stockterm` binary configured for Adobe Stock:
/// `search`, `show`, `account` and `purchases --service` print what the recordings hold.
@Suite(.enabled(if: RecordedAdobe.folder != nil || ProcessInfo.processInfo.environment["CI"] == "true",
                "../shared/adobe_fixtures is not beside the checkout"))
struct AdobeRecordingsCLITests {
    @Test func searchShowAccountAndHistoryOverTheRecordings() async throws {
        let page = try RecordedAdobe.searchPage("search_files_trees.json")
        let profile = try RecordedAdobe.bytes("member_profile_php.json")
        let history = try RecordedAdobe.bytes("license_history_java.json")
        try await RecordedAdobe.serve { path, query in
            switch path {
            case "/Rest/Media/1/Search/Files": return page.body
            case "/Rest/Media/1/Files":
                // The Files API: the recorded records whose ids were asked for.
                let ids = Set((query["ids"] ?? "").split(separator: ",").compactMap { Int64($0) })
                let files = try page.records.filter { ids.contains($0.id) }.map { try JSONSerialization.jsonObject(with: $0.json) }
                return try RecordedAdobe.json(["nb_results": files.count, "files": files])
            case "/Rest/Libraries/1/Member/Profile": return profile
            case "/Rest/Libraries/1/Member/LicenseHistory": return history
            default: return nil
            }
        } body: { url in
            let cli = try CLIRunner()
            let key = try cli.write("adobe.key", "recorded-key\n")
            let token = try cli.write("adobe.token", "recorded-token\n")
            for file in [key, token] { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path) }
            let config = try cli.write("config.toml", """
                default = "adobe"
                [providers.adobe]
                kind = "adobe"
                endpoint = "\(url)"
                api_key_file = "\(key.path)"
                access_token_file = "\(token.path)"
                """)
            let env = ["STOCKTERM_CONFIG": config.path]

            let search = try cli.run(["search", "trees", "--limit", "8"], environment: env)
            #expect(search.status == 0, "\(search.stderr)")
            for title in page.titles { #expect(search.stdout.contains(String(title.prefix(20))), "\(title) in\n\(search.stdout)") }
            #expect(search.stdout.contains("of 5,405,753") || search.stdout.contains("5405753"), "\(search.stdout)")

            let first = page.records[1]  // a licensed photo of the countryside, category Countryside
            let show = try cli.run(["show", "\(first.id)"], environment: env)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.contains("Category:    Countryside"), "\(show.stdout)")
            #expect(show.stdout.contains("Licensed:    Standard"), "\(show.stdout)")
            #expect(show.stdout.contains("Created:     2015-09-27"), "\(show.stdout)")

            let account = try cli.run(["account"], environment: env)
            #expect(account.status == 0, "\(account.stderr)")
            #expect(account.stdout.contains("Adobe Stock member 1393839"), "\(account.stdout)")
            #expect(!account.stdout.contains("recorded-token") && !account.stderr.contains("recorded-token"))

            let purchases = try cli.run(["purchases", "--service"], environment: env)
            #expect(purchases.status == 0, "\(purchases.stderr)")
            #expect(purchases.stdout.contains("148563830"), "\(purchases.stdout)")
            #expect(purchases.stdout.contains("unknown license"), "\(purchases.stdout)")
        }
    }
}

/// Reading and serving the recordings.
enum RecordedAdobe {
    static let folder: URL? = {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = checkout.deletingLastPathComponent().appendingPathComponent("shared/adobe_fixtures")
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("manifest.json").path) ? shared : nil
    }()

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(folder, "../shared/adobe_fixtures is missing").appendingPathComponent(name))
    }

    static func json(_ object: Any) throws -> Data { try JSONSerialization.data(withJSONObject: object) }

    /// A recorded search page with the `id` and `title` columns the recording did not ask for
    /// put back from each record's thumbnail URL (`…_F_<id>_…`) and `alt` text.
    /// One record of a page: its id and its JSON.
    struct Record: Sendable { var id: Int64; var json: Data }
    /// A page as served: the whole body, each record, and their titles.
    struct Page: Sendable { var body: Data; var records: [Record]; var titles: [String] }

    static func searchPage(_ name: String) throws -> Page {
        var page = try #require(try JSONSerialization.jsonObject(with: bytes(name)) as? [String: Any])
        var records: [[String: Any]] = []
        for var r in try #require(page["files"] as? [[String: Any]]) {
            let url = try #require(r["thumbnail_url"] as? String)
            let digits = url.components(separatedBy: "_F_").dropFirst().first?.prefix { $0.isNumber } ?? ""
            r["id"] = try #require(Int64(digits))
            let tag = r["thumbnail_html_tag"] as? String ?? ""
            r["title"] = tag.components(separatedBy: "alt=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            records.append(r)
        }
        page["files"] = records
        return Page(body: try json(page), records: try records.map { Record(id: $0["id"] as! Int64, json: try json($0)) },
                    titles: records.compactMap { ($0["title"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) })
    }

    /// Serves `answer(path, query)` (nil → 404) on 127.0.0.1 with an ephemeral port while `body` runs.
    static func serve(_ answer: @escaping @Sendable (String, [String: String]) throws -> Data?,
                      body: @Sendable @escaping (URL) async throws -> Void) async throws {
        let router = Router()
        router.on("**", method: .get) { request, _ -> Response in
            var query: [String: String] = [:]
            for pair in (request.uri.query ?? "").split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                query[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            guard let data = try answer(request.uri.path, query) else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        let port = PortWaiter()
        var logger = Logger(label: "recorded-adobe")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { await port.set($0.localAddress?.port ?? 0) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            let p = try await port.wait()
            try await body(URL(string: "http://127.0.0.1:\(p)")!)
            group.cancelAll()
        }
    }
}

/// The server's port, once it listens.
private actor PortWaiter {
    private var port: Int?
    func set(_ p: Int) { port = p }
    func wait() async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let port { return port }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CancellationError()
    }
}
