import Foundation
import Testing

/// Responses of the real Adobe Stock API as Adobe's own SDKs recorded them, read from
/// `../shared/adobe_fixtures/` beside the checkout (they are Adobe's and are not copied into the
/// project: see that folder's README.md and manifest.json).
///
/// Adobe scrubbed `id` and `title` from every search record; `restored(_:)` puts them back from
/// what the record still holds (the id in `thumbnail_url` as `…_F_<id>_…`, the title in the
/// `alt` text of `thumbnail_html_tag`), as the folder's README says.
enum AdobeRecordings {
    /// The folder, when it exists beside the checkout.
    static let folder: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/StockProvidersTests/<file> → checkout
        let shared = url.deletingLastPathComponent().appendingPathComponent("shared/adobe_fixtures")
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("manifest.json").path) ? shared : nil
    }()

    /// Whether the replay tests run: the folder is there, or this is CI (where its absence must
    /// fail the run rather than skip it).
    static var shouldRun: Bool { folder != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The search pages Adobe recorded (the files `search_files_*.json` other than the empty one).
    static let searchPages = ["search_files_templates.json", "search_files_icons.json", "search_files_video.json", "search_files_trees.json"]

    /// The bytes of one recording; fails the test when the folder is missing.
    static func data(_ name: String) throws -> Data {
        let folder = try #require(folder, "../shared/adobe_fixtures is missing beside the checkout")
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// The parsed JSON of one recording.
    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: try data(name))
    }

    /// A search page with each record's scrubbed `id` and `title` put back.
    static func restoredSearchPage(_ name: String) throws -> (body: Data, records: [[String: Any]]) {
        var page = try #require(try json(name) as? [String: Any])
        let files = try #require(page["files"] as? [[String: Any]])
        let restored = try files.map(restored)
        page["files"] = restored
        return (try JSONSerialization.data(withJSONObject: page), restored)
    }

    /// One record with `id` and `title` taken back from its thumbnail URL and alt text.
    static func restored(_ record: [String: Any]) throws -> [String: Any] {
        var r = record
        if r["id"] == nil {
            let url = try #require(r["thumbnail_url"] as? String)
            let marker = try #require(url.range(of: "_F_"), "no _F_<id>_ in \(url)")
            let digits = url[marker.upperBound...].prefix { $0.isNumber }
            r["id"] = try #require(Int64(digits))
        }
        if r["title"] == nil, let tag = r["thumbnail_html_tag"] as? String, let alt = tag.range(of: "alt=\"") {
            let rest = tag[alt.upperBound...]
            r["title"] = String(rest.prefix { $0 != "\"" })
        }
        return r
    }
}
