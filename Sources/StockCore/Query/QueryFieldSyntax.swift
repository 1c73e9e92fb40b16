/// The `field:value` part of the query language, both ways: reading a name and a value into a
/// `FieldFilter` (with the aliases), and writing a `FieldFilter` back in its canonical spelling.
/// The parser and the printer share it so that the two cannot drift apart.
enum QueryFieldSyntax {
    /// Every field name the parser knows, canonical names first, in the order errors list them.
    static let knownFields: [String] = [
        "type", "orientation", "license_type", "license", "category", "tag", "resolution", "4k",
        "premium", "free", "safe", "camera", "composition", "ungraded",
        "duration", "width", "height", "mp", "megapixels",
    ]

    /// True for a word that reads as a field name when a `:` follows it: a letter, then letters,
    /// digits or underscores (`license_type`), or the one digit-first field `4k`. Anything else
    /// before a colon (`10:30`, `h.265:`) is plain text and the colon is punctuation.
    static func isFieldName(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        if word.lowercased() == "4k" { return true }
        guard first.isLetter else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Reads `name:value`. Positions are for errors: the name's first character and the value's.
    static func filter(name: String, value: String, namePosition: Int, valuePosition: Int)
        throws(QueryError) -> FieldFilter
    {
        let field = name.lowercased()
        let key = value.lowercased()

        func choice<T>(_ table: [(String, T)]) throws(QueryError) -> T {
            if let hit = table.first(where: { $0.0 == key }) { return hit.1 }
            throw invalid(table.map(\.0))
        }
        func invalid(_ expected: [String]) -> QueryError {
            QueryError(position: valuePosition,
                       kind: .invalidValue(field: field, value: value, expected: expected))
        }
        func words() throws(QueryError) -> String {
            guard !key.allSatisfy(\.isWhitespace) else { throw invalid(["a keyword, as in \(field):drone"]) }
            return key
        }
        func range() throws(QueryError) -> NumericRange {
            guard let r = NumericRange(parsing: value), !r.isEmpty else {
                throw invalid(["a range such as 3.5..12, >=5000, >5000, ..4000, <=4000, <4000 or 20 (at least 20)"])
            }
            return r
        }
        let flags: [(String, Bool)] = [("true", true), ("false", false)]

        switch field {
        case "type":
            return .kind(try choice(AssetKind.allCases.map { ($0.rawValue, $0) } + [("image", .photo)]))
        case "orientation":
            return .orientation(try choice(Orientation.allCases.map { ($0.rawValue, $0) }
                + [("landscape", .horizontal), ("portrait", .vertical), ("tall", .vertical)]))
        case "license_type", "license":
            return .license(try choice(LicenseType.allCases.map { ($0.rawValue, $0) } + [("commercial", .standard)]))
        case "category": return .category(try words())
        case "tag": return .tag(try words())
        case "resolution": return .resolution(try choice(VideoResolution.allCases.map { ($0.rawValue, $0) }))
        case "4k": return .fourK(try choice(flags))
        case "premium": return .premium(try choice(PremiumChoice.allCases.map { ($0.rawValue, $0) }))
        case "free": return .free(try choice(FreeChoice.allCases.map { ($0.rawValue, $0) }))
        case "safe": return .safe(try choice(flags))
        case "camera": return .camera(try choice(Camera.allCases.map { ($0.rawValue, $0) }))
        case "composition": return .composition(try choice(Composition.allCases.map { ($0.rawValue, $0) }))
        case "ungraded": return .ungraded(try choice(flags))
        case "duration": return .duration(try range())
        case "width": return .width(try range())
        case "height": return .height(try range())
        case "mp", "megapixels": return .megapixels(try range())
        default:
            throw QueryError(position: namePosition, kind: .unknownField(name: field, known: knownFields))
        }
    }

    /// The canonical `name:value` text; free-text values are quoted when they need it.
    static func text(of filter: FieldFilter) -> String {
        switch filter {
        case let .kind(v): return "type:" + v.rawValue
        case let .orientation(v): return "orientation:" + v.rawValue
        case let .license(v): return "license_type:" + v.rawValue
        case let .category(v): return "category:" + valueText(v)
        case let .tag(v): return "tag:" + valueText(v)
        case let .resolution(v): return "resolution:" + v.rawValue
        case let .fourK(v): return "4k:\(v)"
        case let .premium(v): return "premium:" + v.rawValue
        case let .free(v): return "free:" + v.rawValue
        case let .safe(v): return "safe:\(v)"
        case let .camera(v): return "camera:" + v.rawValue
        case let .composition(v): return "composition:" + v.rawValue
        case let .ungraded(v): return "ungraded:\(v)"
        case let .duration(r): return "duration:" + r.queryText
        case let .width(r): return "width:" + r.queryText
        case let .height(r): return "height:" + r.queryText
        case let .megapixels(r): return "mp:" + r.queryText
        }
    }

    /// A value as it is when the lexer would read it back whole, else in quotes.
    private static func valueText(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains(where: { QueryLexer.endsFieldValue($0) || $0 == "\\" })
        return plain ? value : QueryLexer.quoted(value, escapingWhitespace: false)
    }
}
