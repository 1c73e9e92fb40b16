import Foundation
import StockCore
import Testing

/// Nothing the user or a file supplies reaches the terminal raw: random queries full of escape
/// sequences, C1 controls and bidi overrides go through `stockterm search` (the table and
/// `--json`), and neither standard output nor standard error carries a byte a terminal would
/// act on. Serialized, as `CLITests`.
@Suite(.serialized) struct SanitisingCLITests {
    /// Queries per run; `STOCKTERM_QUERY_FUZZ_COUNT` raises it. The seed is fixed so that a
    /// failure names a query that can be run again.
    static let count = ProcessInfo.processInfo.environment["STOCKTERM_QUERY_FUZZ_COUNT"].flatMap(Int.init) ?? 300
    static let seed: UInt64 = 0x5EED_0016

    /// Pieces of the query language, so that controls land inside field values, phrases,
    /// operators and proximity as well as between words.
    static let language = ["lake", "baikal", "car", "type:", "type:video", "width:>=", "width:>=5000", "height:..", "mp:>=",
                           "duration:3.5..", "orientation:", "license_type:", "tag:", "category:", "foo:", "resolution:",
                           "premium:", "\"", "\"night city\"", "~", "~3", "(", ")", "-", "AND", "OR", "NOT", "*", ":", "..", " "]
    /// Sequences a terminal acts on.
    static let controls = ["\u{1B}[2J", "\u{1B}[31m", "\u{1B}]0;pwned\u{07}", "\u{1B}]8;;http://x.invalid\u{1B}\\", "\u{1B}P1;2q\u{1B}\\",
                           "\u{1B}", "\u{1B}[", "\u{1B}(B", "\u{1B}7", "\u{9B}2J", "\u{9D}0;t\u{9C}", "\u{90}q\u{9C}", "\u{85}",
                           "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{7F}", "\u{08}", "\r", "\t", "\u{0B}", "\u{07}"]

    static func randomQuery(_ rng: inout SplitMix64) -> String {
        var query = ""
        for _ in 0..<Int.random(in: 1...7, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4: query += language.randomElement(using: &rng)!
            case 4..<8: query += controls.randomElement(using: &rng)!
            case 8: query += String(UnicodeScalar(UInt8.random(in: 0x80...0x9F, using: &rng)))   // any C1 control
            default: query += String(UnicodeScalar(UInt8.random(in: 0x01...0x1F, using: &rng)))   // any C0 control but NUL
            }
        }
        return query
    }

    /// The first scalar of `text` a terminal would act on, other than the line feed: C0
    /// controls, DEL, C1 controls, the bidi embeddings, overrides and isolates.
    static func firstUnsafe(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { s in
            switch s.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    @Test func randomQueriesNeverPutAControlByteOnTheTerminal() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        // Hundreds of runs of the binary, off the concurrency pool (CLIRunner.offPool): holding a
        // pool thread this long starves the suite's screen-polling tests.
        let (failures, rejected, badStatuses) = try await CLIRunner.offPool { () throws -> ([String], Int, [String]) in
            var rng = SplitMix64(seed: Self.seed, stream: 16)
            var failures: [String] = [], badStatuses: [String] = []
            var rejected = 0
            for i in 0..<Self.count {
                let query = Self.randomQuery(&rng)
                let json = i % 3 == 0
                let r = try cli.run(["search", query, "--limit", "3"] + (json ? ["--json"] : []))
                if r.status == 2 { rejected += 1 }
                for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                    if let bad = Self.firstUnsafe(text) {
                        failures.append("query \(i) \(query.unicodeScalars.map { String($0.value, radix: 16) }) put U+\(String(bad.value, radix: 16)) on \(stream)")
                    }
                }
                if ![0, 2].contains(r.status) { badStatuses.append("query \(i): status \(r.status): \(r.stderr)") }
            }
            return (failures, rejected, badStatuses)
        }
        #expect(badStatuses.isEmpty, "\(badStatuses.prefix(5))")
        #expect(failures.isEmpty, "\(failures.count) of \(Self.count): \(failures.prefix(5))")
        // The generator must reach the error paths (bad values quoted on standard error), or the test proves little.
        #expect(rejected > Self.count / 10, "only \(rejected) of \(Self.count) queries were refused")
    }

    /// The case of issue 16, with the caret under the right column once the sequence is gone.
    @Test func aBadFieldValueIsQuotedSanitised() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let r = try cli.run(["search", "width:>=\u{1B}[2J"])
        #expect(r.status == 2)
        #expect(Self.firstUnsafe(r.stderr) == nil, "\(r.stderr.debugDescription)")
        #expect(r.stderr.contains("width:>="), "\(r.stderr)")
    }

    /// ArgumentParser's own messages (a bad flag value, an unknown option) and a config.toml
    /// value quoted in an error.
    @Test func flagAndConfigErrorsAreSanitised() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        for arguments in [["search", "--limit", "\u{1B}]0;pwned\u{07}5"], ["search", "--\u{1B}[2Jx"], ["show", "\u{9B}31m7"],
                          ["search", "lake", "--sort", "new\u{202E}est"], ["--provider", "x\u{1B}[2J", "search", "lake"]] {
            let r = try cli.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(!r.stderr.isEmpty)
            #expect(Self.firstUnsafe(r.stderr) == nil && Self.firstUnsafe(r.stdout) == nil, "\(arguments): \(r.stderr.debugDescription)")
        }
        let folder = cli.home.appendingPathComponent("config/stockterm")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "default = \"work\"\n[providers.work]\nkind = \"adobe\\u001b[2J\"\n[providers.\"p\\u001b]0;x\\u0007\"]\nkind = \"catalog\"\npath = \"c\\u009b2J.jsonl\"\n"
            .write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        for arguments in [["search", "lake"], ["providers"], ["providers", "--json"]] {
            let r = try cli.run(arguments)
            #expect(r.status != 0 || arguments.first == "providers", "\(arguments)")
            #expect(Self.firstUnsafe(r.stderr) == nil && Self.firstUnsafe(r.stdout) == nil, "\(arguments): \(r.stdout.debugDescription) \(r.stderr.debugDescription)")
        }
    }
}
