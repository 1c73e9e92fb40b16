import ArgumentParser
import StockCore

/// The filter flags of `search`, turned into `SearchFilters`. Values are read by the query
/// language's own field syntax (`FieldFilter.parse`), so the aliases and the errors are the same:
/// `--orientation landscape` is `orientation:landscape`. Repeatable flags also take comma lists.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("photo, illustration, vector, video or template (repeatable).", valueName: "type"))
    var type: [String] = []

    @Option(name: .long, help: ArgumentHelp("horizontal, vertical, square or panorama (repeatable).", valueName: "orientation"))
    var orientation: [String] = []

    @Flag(name: .customLong("4k"), help: "Only 4k video.")
    var only4K = false

    @Option(name: .long, help: ArgumentHelp("true (premium only), false (no premium) or all.", valueName: "choice"))
    var premium: String?

    @Option(name: .long, help: ArgumentHelp("Free assets: false (hidden, the default), true (shown) or only.", valueName: "choice"))
    var free: String?

    @Option(name: .long, help: ArgumentHelp("Minimum video resolution: 720p, 1080p or 4k.", valueName: "resolution"))
    var resolution: String?

    @Option(name: .long, help: ArgumentHelp("Category slug, e.g. nature-landscapes (repeatable).", valueName: "slug"))
    var category: [String] = []

    @Option(name: .long, help: ArgumentHelp("standard, extended or editorial (repeatable; any of them).", valueName: "license"))
    var license: [String] = []

    @Option(name: .long, help: ArgumentHelp("A keyword every result must have (repeatable; all of them).", valueName: "tag"))
    var tag: [String] = []

    @Flag(name: .long, help: "Safe search: leave out mature content.")
    var safe = false

    @Option(name: .long, help: ArgumentHelp("digital, mobile or film (repeatable).", valueName: "camera"))
    var camera: [String] = []

    @Option(name: .long, help: ArgumentHelp("long, medium, close or macro (repeatable).", valueName: "distance"))
    var composition: [String] = []

    @Flag(name: .long, help: "Only ungraded video.")
    var ungraded = false

    @Option(name: .long, help: ArgumentHelp("Duration in seconds: 3.5..12, >=10, ..30 or 3.5-12.", valueName: "range"))
    var duration: String?

    @Option(name: .long, help: ArgumentHelp("Width in pixels: 5000 (at least), 5000-8000, -4000, >=5000.", valueName: "range"))
    var width: String?

    @Option(name: .long, help: ArgumentHelp("Height in pixels, as --width.", valueName: "range"))
    var height: String?

    @Option(name: .customLong("mp"), help: ArgumentHelp("Megapixels, as --width: 20 means at least 20.", valueName: "range"))
    var megapixels: String?

    /// The filters, or a `ValidationError` naming the flag and the accepted values.
    func searchFilters() throws -> SearchFilters {
        var f = SearchFilters()
        for v in try values("type", type) { if case .kind(let k) = v { f.kinds.insert(k) } }
        for v in try values("orientation", orientation) { if case .orientation(let o) = v { f.orientations.insert(o) } }
        f.only4K = only4K
        if let premium, case .premium(let p) = try one("premium", premium) { f.premium = p }
        if let free, case .free(let c) = try one("free", free) { f.free = c }
        if let resolution, case .resolution(let r) = try one("resolution", resolution) { f.minResolution = r }
        for v in try values("category", category) { if case .category(let c) = v { f.categories.insert(c) } }
        for v in try values("license", license) { if case .license(let l) = v { f.licenseTypes.insert(l) } }
        for v in try values("tag", tag, splitCommas: false) { if case .tag(let t) = v { f.tags.append(t) } }
        f.safeSearch = safe
        for v in try values("camera", camera) { if case .camera(let c) = v { f.cameras.insert(c) } }
        for v in try values("composition", composition) { if case .composition(let c) = v { f.compositions.insert(c) } }
        f.ungradedOnly = ungraded
        if let duration, case .duration(let r) = try one("duration", duration) { f.duration = r }
        if let width, case .width(let r) = try one("width", width) { f.width = r }
        if let height, case .height(let r) = try one("height", height) { f.height = r }
        if let megapixels, case .megapixels(let r) = try one("mp", megapixels) { f.megapixels = r }
        return f
    }

    private func values(_ field: String, _ raw: [String], splitCommas: Bool = true) throws -> [FieldFilter] {
        let items = splitCommas ? raw.flatMap { $0.split(separator: ",").map(String.init) } : raw
        return try items.map { try one(field, $0) }
    }

    private func one(_ field: String, _ value: String) throws -> FieldFilter {
        do {
            return try FieldFilter.parse(field: field, value: value.trimmingCharacters(in: .whitespaces))
        } catch {
            throw ValidationError("--\(field == "mp" ? "mp" : field) \(value): \(error.message)")
        }
    }
}

import Foundation
