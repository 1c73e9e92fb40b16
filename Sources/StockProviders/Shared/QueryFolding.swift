import StockCore

/// A search split into what a service's parameters carry and what its query text must carry.
///
/// `field:value` terms at the top level of the query (ANDed with the rest) narrow the structured
/// filters, as they do in the local catalog: `drone type:video` searches "drone" with
/// `kinds = [video]`; `-type:photo` removes photo from the kinds. Everything else (words, phrases,
/// prefixes, proximity, `OR`, `NOT` of text, and fields inside `OR` or `NOT`) stays as query
/// nodes for the service's own syntax, which may refuse them.
struct FoldedSearch: Hashable, Sendable {
    /// The request's filters narrowed by the query's top-level fields.
    var filters: SearchFilters
    /// The remaining top-level conjuncts, in the order written.
    var text: [QueryNode]
    /// True when the query's fields and the filters contradict each other (`type:video` with only
    /// photos allowed): nothing can match, and no request need be sent.
    var impossible: Bool

    init(_ request: SearchRequest) {
        filters = request.filters
        text = []
        impossible = false
        for node in Self.conjuncts(of: request.query) {
            switch node {
            case .field(let field):
                if !fold(field) { text.append(node) }
            case .not(.field(let field)):
                if !foldNegated(field) { text.append(node) }
            default:
                text.append(node)
            }
        }
    }

    /// The top-level AND's children, or the node itself; nothing for no query.
    static func conjuncts(of node: QueryNode?) -> [QueryNode] {
        switch node {
        case nil: []
        case .and(let children)?: children.flatMap { conjuncts(of: $0) }
        case let other?: [other]
        }
    }

    /// Narrows `set` to `value` (an empty set allows everything); false when nothing is left.
    private static func narrow<T: Hashable>(_ set: inout Set<T>, to value: T) -> Bool {
        if set.isEmpty { set = [value]; return true }
        set.formIntersection([value])
        return !set.isEmpty
    }

    /// Removes `value` from `set` (an empty set stands for all of `all`); false when nothing is left.
    private static func exclude<T: Hashable>(_ set: inout Set<T>, _ value: T, all: [T]) -> Bool {
        if set.isEmpty { set = Set(all) }
        set.remove(value)
        return !set.isEmpty
    }

    /// Narrows `range` to its overlap with `other`; false when no value is left.
    private static func intersect(_ range: inout NumericRange?, _ other: NumericRange) -> Bool {
        guard let current = range else { range = other; return !other.isEmpty }
        var lo = current.min, loEx = current.minExclusive
        if let m = other.min, lo == nil || m > lo! || (m == lo! && other.minExclusive) { lo = m; loEx = other.minExclusive }
        var hi = current.max, hiEx = current.maxExclusive
        if let m = other.max, hi == nil || m < hi! || (m == hi! && other.maxExclusive) { hi = m; hiEx = other.maxExclusive }
        let merged = NumericRange(min: lo, max: hi, minExclusive: loEx, maxExclusive: hiEx)
        range = merged
        return !merged.isEmpty
    }

    /// Folds a top-level field into the filters; false when it has no structured form.
    private mutating func fold(_ field: FieldFilter) -> Bool {
        var ok = true
        switch field {
        case .kind(let k): ok = Self.narrow(&filters.kinds, to: k)
        case .orientation(let o): ok = Self.narrow(&filters.orientations, to: o)
        case .license(let l): ok = Self.narrow(&filters.licenseTypes, to: l)
        case .camera(let c): ok = Self.narrow(&filters.cameras, to: c)
        case .composition(let c): ok = Self.narrow(&filters.compositions, to: c)
        case .category(let c): ok = Self.narrow(&filters.categories, to: c)
        case .tag(let t): if !filters.tags.contains(t) { filters.tags.append(t) }
        case .resolution(let r): filters.minResolution = max(filters.minResolution ?? r, r)
        case .fourK(true): filters.only4K = true
        case .fourK(false): return false
        case .premium(let p):
            if filters.premium == .all { filters.premium = p } else if p != .all && p != filters.premium { impossible = true }
        case .free(let f): filters.free = f
        case .safe(let on): if on { filters.safeSearch = true }
        case .ungraded(true): filters.ungradedOnly = true
        case .ungraded(false): return false
        case .duration(let r): ok = Self.intersect(&filters.duration, r)
        case .width(let r): ok = Self.intersect(&filters.width, r)
        case .height(let r): ok = Self.intersect(&filters.height, r)
        case .megapixels(let r): ok = Self.intersect(&filters.megapixels, r)
        }
        if !ok { impossible = true }
        return true
    }

    /// Folds `-field:value` where the field is one of a closed set of values.
    private mutating func foldNegated(_ field: FieldFilter) -> Bool {
        var ok = true
        switch field {
        case .kind(let k): ok = Self.exclude(&filters.kinds, k, all: AssetKind.allCases)
        case .orientation(let o): ok = Self.exclude(&filters.orientations, o, all: Orientation.allCases)
        case .license(let l): ok = Self.exclude(&filters.licenseTypes, l, all: LicenseType.allCases)
        case .camera(let c): ok = Self.exclude(&filters.cameras, c, all: Camera.allCases)
        case .composition(let c): ok = Self.exclude(&filters.compositions, c, all: Composition.allCases)
        case .fourK(false): filters.only4K = true
        case .ungraded(false): filters.ungradedOnly = true
        default: return false
        }
        if !ok { impossible = true }
        return true
    }
}

/// Checks shared by the three request builders.
enum RequestChecks {
    /// The page size a service accepts, or `invalidRequest` above its limit.
    static func pageSize(_ request: SearchRequest, service: String, max: Int) throws -> Int {
        guard request.pageSize <= max else {
            throw StockError.invalidRequest("\(service) returns at most \(max) results per page; \(request.pageSize) were asked for")
        }
        return request.pageSize
    }

    /// `invalidRequest("<service> cannot search for <what>")`.
    static func cannot(_ service: String, _ what: String) -> StockError {
        .invalidRequest("\(service) cannot search for \(what)")
    }

    /// The query text of a node, for messages.
    static func text(_ node: QueryNode) -> String { QueryPrinter.print(node) }

    /// Names of kinds for messages: "illustration, vector".
    static func names<T: RawRepresentable>(_ values: some Collection<T>) -> String where T.RawValue == String {
        values.map(\.rawValue).sorted().joined(separator: ", ")
    }
}
