import Foundation
import StockCore

/// `GET /users/me` and `GET /categories`. The reference describes their content (profile, remaining
/// download quota, license tier; 24 categories with slugs) but shows no example, so these readers
/// accept the likely spellings and require only what they cannot do without.
enum StockFlowAccountWire {
    /// `GET /users/me`: `display_name` / `name` / `username` / `email`; the quota as
    /// `remaining_quota`, `download_quota_remaining`, `downloads_remaining`, `download_quota.remaining`,
    /// `quota.remaining` or a number `quota` / `download_quota`; the tier as `license_tier` / `tier` / `plan`; scopes as `scope`
    /// ("read admin") or `scopes` (["read", "admin"]). The object may sit under `data`.
    struct Me: Hashable, Sendable {
        var name: String
        var remainingQuota: Int?
        var licenseTier: String?
        var scopes: Set<String>?
    }

    static func me(_ body: Data) throws -> Me {
        let root = try json(body, what: "StockFlow account answer")
        var user = root
        if let data = root["data"], case .object = data { user = data }
        guard case .object = user else { throw StockError.malformedResponse("StockFlow account answer: expected an object") }
        let name = ["display_name", "name", "username", "email"].lazy.compactMap { string(user[$0]) }.first ?? "StockFlow account"
        var quota: Int?
        for key in ["remaining_quota", "download_quota_remaining", "downloads_remaining", "remaining_downloads", "download_quota", "quota"] {
            if let n = int(user[key]) { quota = n; break }
            if let nested = user[key], let n = int(nested["remaining"]) { quota = n; break }
        }
        let tier = ["license_tier", "tier", "plan"].lazy.compactMap { string(user[$0]) }.first
        var scopes: Set<String>?
        if let s = string(user["scope"]) { scopes = Set(s.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)) }
        if case .array(let items)? = user["scopes"] { scopes = Set(items.compactMap(string)) }
        return Me(name: name, remainingQuota: quota, licenseTier: tier, scopes: scopes)
    }

    /// `GET /categories`: an array, or an object holding one under `data` or `categories`; each
    /// item a slug string or an object with `slug` or `id` (a string), `name` / `title`, and a count
    /// as `clip_count` / `clips_count` / `count`.
    static func categories(_ body: Data) throws -> [StockCore.Category] {
        let root = try json(body, what: "StockFlow categories answer")
        let list: [JSONValue]
        switch root {
        case .array(let items): list = items
        case .object:
            guard case .array(let items)? = root["data"] ?? root["categories"] else {
                throw StockError.malformedResponse("StockFlow categories answer: field \"data\" is missing")
            }
            list = items
        default: throw StockError.malformedResponse("StockFlow categories answer: expected a list")
        }
        return try list.enumerated().map { i, item in
            if let slug = string(item) { return Category(slug: slug, name: humanize(slug)) }
            guard let slug = string(item["slug"]) ?? string(item["id"]) ?? string(item["category_id"]) else {
                throw StockError.malformedResponse("StockFlow categories answer: field \"data[\(i)].slug\" is missing")
            }
            let name = string(item["name"]) ?? string(item["title"]) ?? humanize(slug)
            let count = int(item["clip_count"]) ?? int(item["clips_count"]) ?? int(item["count"])
            return Category(slug: slug, name: name, count: count)
        }
    }

    /// "nature-landscapes" → "Nature landscapes".
    static func humanize(_ slug: String) -> String {
        let words = slug.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func json(_ body: Data, what: String) throws -> JSONValue {
        guard !body.isEmpty else { throw StockError.malformedResponse("\(what) is empty") }
        do { return try JSONParser.parse(body) } catch {
            throw StockError.malformedResponse("\(what): not valid JSON (truncated or not JSON at all)")
        }
    }

    private static func string(_ v: JSONValue?) -> String? {
        guard case .string(let s)? = v else { return nil }
        let clean = WireText.field(s)
        return clean.isEmpty ? nil : clean
    }

    private static func int(_ v: JSONValue?) -> Int? {
        switch v {
        case .number(let d, _)? where d.isFinite && abs(d) < 1e15: Int(d)
        case .string(let s)?: Int(s)
        default: nil
        }
    }
}
