import Foundation
import Glibc
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

            let search = try await RecordedAdobe.run(cli, ["search", "trees", "--limit", "8"], environment: env)
            #expect(search.status == 0, "\(search.stderr)")
            for title in page.titles { #expect(search.stdout.contains(String(title.prefix(20))), "\(title) in\n\(search.stdout)") }
            #expect(search.stdout.contains("of 5,405,753") || search.stdout.contains("5405753"), "\(search.stdout)")

            let first = page.records[1]  // a licensed photo of the countryside, category Countryside
            let show = try await RecordedAdobe.run(cli, ["show", "\(first.id)"], environment: env)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.contains("Category:    Countryside"), "\(show.stdout)")
            #expect(show.stdout.contains("Licensed:    Standard"), "\(show.stdout)")
            #expect(show.stdout.contains("Created:     2015-09-27"), "\(show.stdout)")

            let account = try await RecordedAdobe.run(cli, ["account"], environment: env)
            #expect(account.status == 0, "\(account.stderr)")
            #expect(account.stdout.contains("Adobe Stock member 1393839"), "\(account.stdout)")
            #expect(!account.stdout.contains("recorded-token") && !account.stderr.contains("recorded-token"))

            let purchases = try await RecordedAdobe.run(cli, ["purchases", "--service"], environment: env)
            #expect(purchases.status == 0, "\(purchases.stderr)")
            #expect(purchases.stdout.contains("148563830"), "\(purchases.stdout)")
            #expect(purchases.stdout.contains("unknown license"), "\(purchases.stdout)")
        }
    }
}

/// Reading and serving the recordings.
enum RecordedAdobe {
    /// Runs the binary on a thread of its own: `CLIRunner.run` blocks while the process runs, and
    /// the in-process server answering it needs the concurrency pool's threads (two on a 2-core
    /// machine, which other tests may be blocking too).
    static func run(_ cli: CLIRunner, _ arguments: [String], environment: [String: String]) async throws -> CLIRunner.Result {
        try await CLIRunner.offPool { try cli.run(arguments, environment: environment) }
    }

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

    /// Serves `answer(path, query)` (nil → 404) on 127.0.0.1 with an ephemeral port while `body`
    /// runs. A plain socket server on threads of its own, so that it answers even while every
    /// thread of the concurrency pool is blocked waiting for a process (as CLI tests do).
    static func serve(_ answer: @escaping @Sendable (String, [String: String]) throws -> Data?,
                      body: @Sendable @escaping (URL) async throws -> Void) async throws {
        let listener = try LoopbackHTTP(answer)
        defer { listener.stop() }
        try await body(URL(string: "http://127.0.0.1:\(listener.port)")!)
    }
}

/// A minimal HTTP/1.1 server for GET requests: one thread accepts, one thread per connection
/// reads the request head and writes one answer with `Connection: close`.
private final class LoopbackHTTP: @unchecked Sendable {
    let port: Int
    private let socket: Int32
    private let answer: @Sendable (String, [String: String]) throws -> Data?

    init(_ answer: @escaping @Sendable (String, [String: String]) throws -> Data?) throws {
        self.answer = answer
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        socket = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let server = fd
        Thread { [self] in
            while true {
                let connection = accept(server, nil, nil)
                if connection < 0 { return }  // closed by stop()
                Thread { self.handle(connection) }.start()
            }
        }.start()
    }

    func stop() { shutdown(socket, Int32(SHUT_RDWR)); close(socket) }

    private func handle(_ connection: Int32) {
        defer { close(connection) }
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)), head.count < 65536 {
            let n = read(connection, &buffer, buffer.count)
            if n <= 0 { return }
            head += buffer[0..<n]
        }
        let line = String(decoding: head, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let target = line.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [String: String] = [:]
        for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            query[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        let body = (try? answer(parts[0], query)) ?? nil
        let status = body == nil ? "404 Not Found" : "200 OK"
        let payload = body ?? Data()
        let response = Data("HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(payload.count)\r\nConnection: close\r\n\r\n".utf8) + payload
        response.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = write(connection, raw.baseAddress! + sent, raw.count - sent)
                if n <= 0 { return }
                sent += n
            }
        }
    }
}
