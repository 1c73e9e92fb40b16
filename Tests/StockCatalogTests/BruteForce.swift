import Foundation
import StockCore

/// The search semantics written the slow, obvious way over `Asset` values: the reference the
/// catalog's results and facet counts are checked against. Text matching tokenises like FTS5's
/// unicode61 (letters and digits, lower-cased) over title, keywords and description.
enum BruteForce {
    static func tokens(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func text(_ a: Asset) -> Set<String> {
        Set(tokens(a.title) + a.keywords.flatMap(tokens) + tokens(a.description))
    }

    static func tagToken(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }

    /// Query nodes without synonyms; phrases and proximity are not used by the random checks.
    static func matches(_ node: QueryNode, _ a: Asset) -> Bool {
        switch node {
        case .term(let t): text(a).contains(t)
        case .prefix(let p): text(a).contains { $0.hasPrefix(p) }
        case .phrase, .near: fatalError("not used in brute-force checks")
        case .field(let f): matches(f, a)
        case .not(let n): !matches(n, a)
        case .and(let ns): ns.allSatisfy { matches($0, a) }
        case .or(let ns): ns.contains { matches($0, a) }
        }
    }

    static func matches(_ f: FieldFilter, _ a: Asset) -> Bool {
        switch f {
        case .kind(let k): a.kind == k
        case .orientation(let o): a.orientation == o
        case .license(let l): a.licenseTypes.contains(l)
        case .category(let c): a.category == c
        case .tag(let t): a.keywords.map(tagToken).contains(tagToken(t))
        case .resolution(let r): (a.videoResolution?.rank ?? -1) >= r.rank
        case .fourK(let on): !on || a.is4K
        case .premium(let p): premiumOK(a, p, .included)
        case .free(let c): c == .only ? a.premiumLevel.isFree : c == .hidden ? !a.premiumLevel.isFree : true
        case .safe(let on): !on || !a.mature
        case .camera(let c): a.camera == c
        case .composition(let c): a.composition == c
        case .ungraded(let on): !on || (a.kind == .video && a.ungraded)
        case .duration(let r): a.kind == .video && r.contains(a.duration ?? 0)
        case .width(let r): r.contains(Double(a.width))
        case .height(let r): r.contains(Double(a.height))
        case .megapixels(let r): r.contains(a.megapixels)
        }
    }

    static func premiumOK(_ a: Asset, _ p: PremiumChoice, _ free: FreeChoice) -> Bool {
        let level = a.premiumLevel.rawValue
        if level == 1 { return free == .only || (free == .included && p != .premiumOnly) }
        if free == .only { return false }
        switch p {
        case .all: return true
        case .premiumOnly: return level >= 2
        case .nonPremium: return level == 0
        }
    }

    /// Whether `a` passes facet group `g` of `f`.
    static func passes(_ g: FacetGroup, _ f: SearchFilters, _ a: Asset) -> Bool {
        switch g {
        case .type: f.kinds.isEmpty || f.kinds.contains(a.kind)
        case .orientation: f.orientations.isEmpty || f.orientations.contains(a.orientation)
        case .fourK: !f.only4K || a.is4K
        case .premium: premiumOK(a, f.premium, f.free)
        case .resolution: f.minResolution.map { (a.videoResolution?.rank ?? -1) >= $0.rank } ?? true
        case .category: f.categories.isEmpty || a.category.map(f.categories.contains) == true
        case .license: f.licenseTypes.isEmpty || !f.licenseTypes.isDisjoint(with: a.licenseTypes)
        // Groups the catalog does not count: `passesOthers` checks their filters.
        case .camera, .composition, .ungraded, .megapixels, .duration, .safeSearch: true
        }
    }

    /// Filters that are not facet groups.
    static func passesOthers(_ f: SearchFilters, _ a: Asset) -> Bool {
        if f.safeSearch && a.mature { return false }
        if !f.cameras.isEmpty && !(a.camera.map(f.cameras.contains) ?? false) { return false }
        if !f.compositions.isEmpty && !(a.composition.map(f.compositions.contains) ?? false) { return false }
        if f.ungradedOnly && !(a.kind == .video && a.ungraded) { return false }
        if let r = f.duration, !(a.kind == .video && r.contains(a.duration ?? 0)) { return false }
        if let r = f.width, !r.contains(Double(a.width)) { return false }
        if let r = f.height, !r.contains(Double(a.height)) { return false }
        if let r = f.megapixels, !r.contains(a.megapixels) { return false }
        for t in f.tags where !a.keywords.map(tagToken).contains(tagToken(t)) { return false }
        return true
    }

    /// The query's own filters: like the catalog, a top-level `premium:`/`free:` replaces the
    /// request's premium group choice.
    static func effectiveFilters(_ query: QueryNode?, _ f: SearchFilters) -> SearchFilters {
        var out = f
        let conjuncts: [QueryNode] = switch query { case .and(let xs)?: xs; case let x?: [x]; case nil: [] }
        for c in conjuncts {
            if case .field(.premium(let p)) = c { out.premium = p }
            if case .field(.free(let v)) = c { out.free = v }
        }
        return out
    }

    static func queryMatches(_ query: QueryNode?, _ a: Asset) -> Bool {
        guard let query else { return true }
        let conjuncts: [QueryNode] = if case .and(let xs) = query { xs } else { [query] }
        return conjuncts.allSatisfy { c in
            switch c {
            case .field(.premium), .field(.free): true // folded into the premium group
            default: matches(c, a)
            }
        }
    }

    static func results(_ assets: [Asset], _ query: QueryNode?, _ filters: SearchFilters) -> [Asset] {
        let f = effectiveFilters(query, filters)
        return assets.filter { a in
            queryMatches(query, a) && passesOthers(f, a) && FacetGroup.counted.allSatisfy { passes($0, f, a) }
        }
    }

    static func facetCounts(_ assets: [Asset], _ query: QueryNode?, _ filters: SearchFilters) -> [FacetGroup: [String: Int]] {
        let f = effectiveFilters(query, filters)
        var out: [FacetGroup: [String: Int]] = [:]
        let base = assets.filter { queryMatches(query, $0) && passesOthers(f, $0) }
        for g in FacetGroup.counted {
            let pool = base.filter { a in FacetGroup.counted.allSatisfy { $0 == g || passes($0, f, a) } }
            var counts: [String: Int] = [:]
            switch g {
            case .type: for k in AssetKind.allCases { counts[k.rawValue] = pool.filter { $0.kind == k }.count }
            case .orientation: for o in Orientation.allCases { counts[o.rawValue] = pool.filter { $0.orientation == o }.count }
            case .fourK: counts["true"] = pool.filter(\.is4K).count
            case .premium: for l in 0...4 { counts[String(l)] = pool.filter { $0.premiumLevel.rawValue == l }.count }
            case .resolution:
                for r in VideoResolution.allCases { counts[r.rawValue] = pool.filter { ($0.videoResolution?.rank ?? -1) >= r.rank }.count }
            case .category:
                for c in Set(assets.compactMap(\.category)) { counts[c] = pool.filter { $0.category == c }.count }
            case .license: for l in LicenseType.allCases { counts[l.rawValue] = pool.filter { $0.licenseTypes.contains(l) }.count }
            case .camera, .composition, .ungraded, .megapixels, .duration, .safeSearch: continue
            }
            out[g] = counts
        }
        return out
    }
}
