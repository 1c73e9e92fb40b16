import Foundation
import StockCore

/// `GET /users/me` and `GET /categories`. The reference describes their content (profile, remaining
/// download quota, license tier; 24 categories with slugs) but shows no example, so these readers
/// accept the likely spellings and require only what they cannot do without.
enum StockFlowAccountWire {
    /// `GET /users/me`: `display_name` / `name` / `username` / `email`; the quota as
    /// `remaining_quota`, `download_quota_remaining`, `downloads_remaining`, `download_quota.remaining`,
    /// `quota.remaining` or a number `quota` / `download_quota`; the tier as `license_tier` / `tier` / `plan`; scopes as `scope`
    /// ("read admin") or `scopes` (["read", "admin"]); the license's state as `license_status`
    /// ("active", "expired") and its end as `license_expires_at` / `license_expires_on` /
    /// `license_expiry` (a day or a timestamp). The object may sit under `data`.
    struct Me: Hashable, Sendable {
        var name: String
        var remainingQuota: Int?
        var licenseTier: String?
        var scopes: Set<String>?
        /// `license_status` in lower case ("active", "expired"), when sent.
        var licenseStatus: String? = nil
        /// `license_expires_at` as sent (sanitised), for messages.
        var licenseExpiresText: String? = nil
        /// The same as a date, when it parses. A bare day means the end of that day (UTC).
        var licenseExpires: Date? = nil

        /// Whether the license has expired, by its status or else by its end date.
        func licenseExpired(now: Date) -> Bool {
            if let status = licenseStatus {
                if ["expired", "lapsed", "inactive", "suspended"].contains(status) { return true }
                if status == "active" { return false }
            }
            return licenseExpires.map { $0 <= now } ?? false
        }
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
        let status = string(user["license_status"]).map { $0.lowercased() }
        let expiresText = ["license_expires_at", "license_expires_on", "license_expiry"].lazy.compactMap { string(user[$0]) }.first
        var expires = expiresText.flatMap(WireDate.parse)
        if let text = expiresText, text.count == 10, let day = expires { expires = day.addingTimeInterval(24 * 3600) }
        return Me(name: name, remainingQuota: quota, licenseTier: tier, scopes: scopes, licenseStatus: status,
                  licenseExpiresText: expiresText, licenseExpires: expires)
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

    static func json(_ body: Data, what: String) throws -> JSONValue {
        guard !body.isEmpty else { throw StockError.malformedResponse("\(what) is empty") }
        do { return try JSONParser.parse(body) } catch {
            throw StockError.malformedResponse("\(what): not valid JSON (truncated or not JSON at all)")
        }
    }

    static func string(_ v: JSONValue?) -> String? {
        guard case .string(let s)? = v else { return nil }
        let clean = WireText.field(s)
        return clean.isEmpty ? nil : clean
    }

    static func int(_ v: JSONValue?) -> Int? {
        switch v {
        case .number(let d, _)? where d.isFinite && abs(d) < 1e15: Int(d)
        case .string(let s)?: Int(s)
        default: nil
        }
    }
}
