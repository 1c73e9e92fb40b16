import Testing
import StockCore

private func t(_ word: String) -> QueryNode { .term(word) }

// MARK: Expected text

@Test func printerUsesImplicitAndAndParenthesisesOnlyWherePrecedenceNeedsIt() {
    #expect(QueryPrinter.print(.or([.and([t("a"), t("b")]), t("c")])) == "a b OR c")
    #expect(QueryPrinter.print(.and([t("a"), .or([t("b"), t("c")])])) == "a (b OR c)")
    #expect(QueryPrinter.print(.not(.or([t("a"), t("b")]))) == "-(a OR b)")
    #expect(QueryPrinter.print(.not(.and([t("a"), t("b")]))) == "-(a b)")
    #expect(QueryPrinter.print(.or([.not(t("a")), .and([.not(t("b")), t("c")])])) == "-a OR -b c")
    #expect(QueryPrinter.print(.not(.not(t("a")))) == "-(-a)")
}

@Test func printerWritesLeavesCanonically() {
    #expect(QueryPrinter.print(.prefix("dron")) == "dron*")
    #expect(QueryPrinter.print(.phrase(["lake", "ice"])) == "\"lake ice\"")
    #expect(QueryPrinter.print(.near(["lake", "ice"], distance: 3)) == "\"lake ice\"~3")
    #expect(QueryPrinter.print(.and([t("қала"), t("slow-motion"), t("h.265")])) == "қала slow-motion h.265")
}

@Test func printerQuotesWordsThatWouldLexDifferently() {
    #expect(QueryPrinter.print(t("10:30")) == "\"10:30\"")
    #expect(QueryPrinter.print(t("c++")) == "\"c++\"")
    #expect(QueryPrinter.print(t("-x")) == "\"-x\"")
    #expect(QueryPrinter.print(t("AND")) == "\"AND\"")
    #expect(QueryPrinter.print(t("two words")) == #""two\ words""#)
    #expect(QueryPrinter.print(t(#"say "hi""#)) == #""say\ \"hi\"""#)
    #expect(QueryPrinter.print(.prefix("h.")) == "\"h.\"*")
}

@Test func printerWritesFieldsByCanonicalNames() throws {
    let filters: [(FieldFilter, String)] = [
        (.kind(.photo), "type:photo"), (.orientation(.vertical), "orientation:vertical"),
        (.license(.standard), "license_type:standard"), (.category("urban-cinematic"), "category:urban-cinematic"),
        (.tag("slow motion"), "tag:\"slow motion\""), (.resolution(.p1080), "resolution:1080p"),
        (.fourK(true), "4k:true"), (.premium(.all), "premium:all"), (.free(.hidden), "free:false"),
        (.safe(false), "safe:false"), (.camera(.film), "camera:film"), (.composition(.macro), "composition:macro"),
        (.ungraded(true), "ungraded:true"), (.duration(NumericRange(min: 3.5, max: 12)), "duration:3.5..12"),
        (.width(NumericRange(min: 5000, minExclusive: true)), "width:>5000"), (.height(.atMost(4000)), "height:<=4000"),
        (.megapixels(.atLeast(20)), "mp:>=20"),
    ]
    for (filter, text) in filters {
        #expect(QueryPrinter.print(.field(filter)) == text)
        #expect(try QueryParser.parse(text) == .field(filter), "\(text)")
    }
    #expect(QueryPrinter.print(.not(.field(.kind(.video)))) == "-type:video")
}

@Test func roundTripCheckCatchesTreesOutsideNormalForm() throws {
    // The property below would be meaningless if every tree came back; these must not.
    let nested: QueryNode = .and([.and([t("a"), t("b")]), t("c")])
    #expect(try QueryParser.parse(QueryPrinter.print(nested)) != nested)
    #expect(try QueryParser.parse(QueryPrinter.print(.phrase(["lake"]))) != .phrase(["lake"]))
}

// MARK: Round trip

@Test func printedQueriesParseBackToTheSameTree() throws {
    var checked = 0
    for seed in 0..<5000 {
        var generator = QueryTreeGenerator(seed: UInt64(seed))
        let tree = generator.node(depth: 1 + seed % 4)
        let text = QueryPrinter.print(tree)
        guard text.count <= QueryParser.maxLength else { continue }
        checked += 1
        do {
            let parsed = try QueryParser.parse(text)
            #expect(parsed == tree, "seed \(seed): \(text)")
            if parsed != tree { break }
        } catch {
            Issue.record("seed \(seed): \(text)\n\(error.caretDiagram(for: text))\n\(error.message)")
            break
        }
    }
    #expect(checked > 4000)
}

/// Random query trees in the parser's normal form.
struct QueryTreeGenerator {
    var random: SplitMix64
    init(seed: UInt64) { random = SplitMix64(state: seed) }

    static let letters = Array("abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі0123456789")
    /// Lower-case words that need quotes or escapes to survive the trip.
    static let awkward = ["10:30", "c++", "-x", "dron*", "a\"b", "back\\slash", "two words", "(x)", "~",
                          "h.", "'tis", "and", "or", "not", "slow-motion", "h.265", "don't"]
    static let numbers: [Double] = [0, 0.25, 1, 3.5, 12, 720, 4000, 5000, 1e-05, 123_456_789, 1e20]

    mutating func word() -> String {
        if random.below(8) == 0 { return random.pick(Self.awkward) }
        return String((0...random.below(6)).map { _ in random.pick(Self.letters) })
    }

    mutating func words() -> [String] { (0...random.below(3)).map { _ in word() } + [word()] }

    mutating func node(depth: Int) -> QueryNode {
        let choice = random.below(depth > 0 ? 9 : 5)
        switch choice {
        case 0: return .term(word())
        case 1: return .prefix(word())
        case 2: return .phrase(words())
        case 3: return .near(words(), distance: 1 + random.below(20))
        case 4: return .field(field())
        case 5: return .not(node(depth: depth - 1))
        case 6: return .or(children(depth: depth, flattening: { if case let .or(c) = $0 { c } else { nil } }))
        default: return .and(children(depth: depth, flattening: { if case let .and(c) = $0 { c } else { nil } }))
        }
    }

    /// Two to four children, where a child of the parent's own kind gives its children instead.
    private mutating func children(depth: Int, flattening: (QueryNode) -> [QueryNode]?) -> [QueryNode] {
        (0...random.below(3)).flatMap { _ -> [QueryNode] in
            let child = node(depth: depth - 1)
            return flattening(child) ?? [child]
        } + [node(depth: 0)]
    }

    mutating func range() -> NumericRange {
        let a = random.pick(Self.numbers), b = random.pick(Self.numbers)
        switch random.below(5) {
        case 0: return NumericRange(min: a, minExclusive: random.below(2) == 0)
        case 1: return NumericRange(max: a, maxExclusive: random.below(2) == 0)
        default: return NumericRange(min: Swift.min(a, b), max: Swift.max(a, b))
        }
    }

    mutating func field() -> FieldFilter {
        switch random.below(17) {
        case 0: .kind(random.pick(AssetKind.allCases))
        case 1: .orientation(random.pick(Orientation.allCases))
        case 2: .license(random.pick(LicenseType.allCases))
        case 3: .category(random.below(2) == 0 ? word() : "urban-cinematic")
        case 4: .tag(random.below(3) == 0 ? words().joined(separator: " ") : word())
        case 5: .resolution(random.pick(VideoResolution.allCases))
        case 6: .fourK(random.below(2) == 0)
        case 7: .premium(random.pick(PremiumChoice.allCases))
        case 8: .free(random.pick(FreeChoice.allCases))
        case 9: .safe(random.below(2) == 0)
        case 10: .camera(random.pick(Camera.allCases))
        case 11: .composition(random.pick(Composition.allCases))
        case 12: .ungraded(random.below(2) == 0)
        case 13: .duration(range())
        case 14: .width(range())
        case 15: .height(range())
        default: .megapixels(range())
        }
    }
}
