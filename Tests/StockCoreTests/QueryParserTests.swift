import Testing
import StockCore

/// The parser's error for `text`, or nil when it parses.
func queryError(_ text: String) -> QueryError? {
    do {
        _ = try QueryParser.parse(text)
        return nil
    } catch {
        return error
    }
}

private func t(_ word: String) -> QueryNode { .term(word) }

// MARK: Structure

@Test func emptyOrWhitespaceQueryParsesToNil() throws {
    #expect(try QueryParser.parse("") == nil)
    #expect(try QueryParser.parse("   ") == nil)
    #expect(try QueryParser.parse("\t\n ") == nil)
}

@Test func termsAreLowerCased() throws {
    #expect(try QueryParser.parse("Lake") == t("lake"))
    #expect(try QueryParser.parse("  BAIKAL  ") == t("baikal"))
}

@Test func adjacentItemsAreJoinedByImplicitAnd() throws {
    #expect(try QueryParser.parse("lake ice") == .and([t("lake"), t("ice")]))
    #expect(try QueryParser.parse("lake AND ice") == .and([t("lake"), t("ice")]))
    #expect(try QueryParser.parse("a(b)\"c\"") == .and([t("a"), t("b"), t("c")]))
}

@Test func orBindsLooserThanAnd() throws {
    #expect(try QueryParser.parse("a b OR c") == .or([.and([t("a"), t("b")]), t("c")]))
    #expect(try QueryParser.parse("a OR b c") == .or([t("a"), .and([t("b"), t("c")])]))
    #expect(try QueryParser.parse("a AND b OR c AND d")
        == .or([.and([t("a"), t("b")]), .and([t("c"), t("d")])]))
}

@Test func notBindsTighterThanAnd() throws {
    #expect(try QueryParser.parse("NOT a b") == .and([.not(t("a")), t("b")]))
    #expect(try QueryParser.parse("a OR NOT b c") == .or([t("a"), .and([.not(t("b")), t("c")])]))
}

@Test func parenthesesOverridePrecedence() throws {
    #expect(try QueryParser.parse("a (b OR c)") == .and([t("a"), .or([t("b"), t("c")])]))
    #expect(try QueryParser.parse("NOT (a b)") == .not(.and([t("a"), t("b")])))
}

@Test func nestedAndsAndOrsAreFlattened() throws {
    #expect(try QueryParser.parse("a (b c) AND d") == .and([t("a"), t("b"), t("c"), t("d")]))
    #expect(try QueryParser.parse("a OR (b OR (c OR d))") == .or([t("a"), t("b"), t("c"), t("d")]))
    #expect(try QueryParser.parse("(a OR b) (c OR d)")
        == .and([.or([t("a"), t("b")]), .or([t("c"), t("d")])]))
}

@Test func singleChildGroupCollapsesToItsChild() throws {
    #expect(try QueryParser.parse("((a))") == t("a"))
    #expect(try QueryParser.parse("(a) OR ((b))") == .or([t("a"), t("b")]))
}

@Test func minusNegatesTermPhraseGroupAndField() throws {
    #expect(try QueryParser.parse("lake -winter") == .and([t("lake"), .not(t("winter"))]))
    #expect(try QueryParser.parse("-\"lake ice\"") == .not(.phrase(["lake", "ice"])))
    #expect(try QueryParser.parse("-(a OR b)") == .not(.or([t("a"), t("b")])))
    #expect(try QueryParser.parse("-type:video") == .not(.field(.kind(.video))))
    #expect(try QueryParser.parse("-dron*") == .not(.prefix("dron")))
}

@Test func doubleNegationIsKept() throws {
    #expect(try QueryParser.parse("NOT NOT a") == .not(.not(t("a"))))
    #expect(try QueryParser.parse("--a") == .not(.not(t("a"))))
    #expect(try QueryParser.parse("-(-a)") == .not(.not(t("a"))))
}

@Test func operatorsOnlyInCapitalsOtherwiseTerms() throws {
    #expect(try QueryParser.parse("cats and dogs") == .and([t("cats"), t("and"), t("dogs")]))
    #expect(try QueryParser.parse("Or not") == .and([t("or"), t("not")]))
    #expect(try QueryParser.parse("NOTE ANDROID") == .and([t("note"), t("android")]))
}

// MARK: Leaves

@Test func starAfterWordIsPrefixSearch() throws {
    #expect(try QueryParser.parse("dron*") == .prefix("dron"))
    #expect(try QueryParser.parse("DRON* lake") == .and([.prefix("dron"), t("lake")]))
    #expect(try QueryParser.parse("\"h.265\"*") == .prefix("h.265"))
}

@Test func quotedWordsAreAPhrase() throws {
    #expect(try QueryParser.parse("\"Lake  Ice\"") == .phrase(["lake", "ice"]))
    #expect(try QueryParser.parse("\"lake\"") == t("lake"))
    #expect(try QueryParser.parse(#""a\"b c\ d""#) == .phrase(["a\"b", "c d"]))
}

@Test func proximityGivesNear() throws {
    #expect(try QueryParser.parse("\"lake ice\"~3") == .near(["lake", "ice"], distance: 3))
    #expect(try QueryParser.parse("\"a b c\"~12 x") == .and([.near(["a", "b", "c"], distance: 12), t("x")]))
    #expect(try QueryParser.parse("\"lake\"~3") == t("lake"))
}

@Test func proximityWithoutDistanceIsAnError() {
    #expect(queryError("\"a b\"~") == QueryError(position: 5, kind: .invalidProximity("")))
    #expect(queryError("\"a b\"~0") == QueryError(position: 5, kind: .invalidProximity("0")))
    #expect(queryError("\"a b\"~x") == QueryError(position: 5, kind: .invalidProximity("x")))
    #expect(queryError("\"a b\"~1.5") == QueryError(position: 5, kind: .invalidProximity("1.5")))
    #expect(queryError("\"a b\"~-2") == QueryError(position: 5, kind: .invalidProximity("-2")))
}

@Test func wordsKeepInnerPunctuationAndDropTheRest() throws {
    #expect(try QueryParser.parse("slow-motion h.265 don't 4K snake_case")
        == .and([t("slow-motion"), t("h.265"), t("don't"), t("4k"), t("snake_case")]))
    #expect(try QueryParser.parse("end. cats, dogs!") == .and([t("end"), t("cats"), t("dogs")]))
    #expect(try QueryParser.parse("10:30") == .and([t("10"), t("30")]))
}

@Test func cyrillicAndKazakhTermsAreLowerCased() throws {
    #expect(try QueryParser.parse("Байкал ЁЛКА") == .and([t("байкал"), t("ёлка")]))
    #expect(try QueryParser.parse("ҚАЛА Әже ҒАРЫШ ҢҮӨҰҺІ") == .and([t("қала"), t("әже"), t("ғарыш"), t("ңүөұһі")]))
    #expect(try QueryParser.parse("\"Алматы қаласы\"~2 OR көлік*")
        == .or([.near(["алматы", "қаласы"], distance: 2), .prefix("көлік")]))
}

// MARK: Fields

@Test func everyFieldParses() throws {
    let query = "type:video orientation:horizontal license_type:editorial category:urban-cinematic tag:drone "
        + "resolution:4k premium:false free:true safe:true duration:3.5..12 width:>=5000 height:..4000 "
        + "mp:>=20 4k:true camera:mobile composition:close ungraded:true"
    let expected: [FieldFilter] = [
        .kind(.video), .orientation(.horizontal), .license(.editorial), .category("urban-cinematic"),
        .tag("drone"), .resolution(.k4), .premium(.nonPremium), .free(.included), .safe(true),
        .duration(NumericRange(min: 3.5, max: 12)), .width(.atLeast(5000)), .height(.atMost(4000)),
        .megapixels(.atLeast(20)), .fourK(true), .camera(.mobile), .composition(.close), .ungraded(true),
    ]
    #expect(try QueryParser.parse(query) == .and(expected.map { .field($0) }))
}

@Test func fieldAliasesMapToCanonicalValues() throws {
    let cases: [(String, FieldFilter)] = [
        ("orientation:landscape", .orientation(.horizontal)), ("orientation:portrait", .orientation(.vertical)),
        ("orientation:tall", .orientation(.vertical)), ("license:commercial", .license(.standard)),
        ("license_type:COMMERCIAL", .license(.standard)), ("type:image", .kind(.photo)),
        ("megapixels:>=20", .megapixels(.atLeast(20))), ("TYPE:Video", .kind(.video)),
        ("premium:all", .premium(.all)), ("free:only", .free(.only)), ("4K:FALSE", .fourK(false)),
    ]
    for (text, filter) in cases {
        #expect(try QueryParser.parse(text) == .field(filter), "\(text)")
    }
}

@Test func rangeFieldsTakeEveryRangeSpelling() throws {
    let cases: [(String, NumericRange)] = [
        ("width:5000", .atLeast(5000)), ("width:>5000", NumericRange(min: 5000, minExclusive: true)),
        ("width:<=4000", .atMost(4000)), ("width:<4000", NumericRange(max: 4000, maxExclusive: true)),
        ("width:..4000", .atMost(4000)), ("width:5000..", .atLeast(5000)),
        ("width:5000..8000", NumericRange(min: 5000, max: 8000)), ("width:\">=5000\"", .atLeast(5000)),
    ]
    for (text, range) in cases {
        #expect(try QueryParser.parse(text) == .field(.width(range)), "\(text)")
    }
}

@Test func quotedFieldValuesKeepSpacesAndAreLowerCased() throws {
    #expect(try QueryParser.parse("tag:\"Slow Motion\"") == .field(.tag("slow motion")))
    #expect(try QueryParser.parse("category:\"urban-cinematic\"") == .field(.category("urban-cinematic")))
    #expect(try QueryParser.parse("Tag:Дрон") == .field(.tag("дрон")))
}

@Test func fieldValueEndsAtParenthesis() throws {
    #expect(try QueryParser.parse("(tag:drone OR duration:..10)")
        == .or([.field(.tag("drone")), .field(.duration(.atMost(10)))]))
}

// MARK: Length

@Test func queryOf500CharactersParsesAnd501IsAnErrorAt500() throws {
    #expect(try QueryParser.parse(String(repeating: "a", count: 500)) == t(String(repeating: "a", count: 500)))
    #expect(queryError(String(repeating: "a", count: 501)) == QueryError(position: 500, kind: .tooLong(limit: 500)))
    #expect(queryError(String(repeating: "қ ", count: 250) + "x") == QueryError(position: 500, kind: .tooLong(limit: 500)))
}

@Test func lengthLimitCountsCharactersNotScalars() throws {
    let accented = String(repeating: "e\u{301}", count: 500)   // 500 characters, 1000 scalars
    #expect(try QueryParser.parse(accented) == t(accented.lowercased()))
}

@Test func deepNestingWithinTheLimitParses() throws {
    #expect(try QueryParser.parse(String(repeating: "(", count: 249) + "a" + String(repeating: ")", count: 249)) == t("a"))
    let negations = String(repeating: "-", count: 499) + "a"
    var expected = t("a")
    for _ in 0..<499 { expected = .not(expected) }
    #expect(try QueryParser.parse(negations) == expected)
}

// MARK: Errors

@Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
    #expect(queryError("\"lake ice") == QueryError(position: 0, kind: .unterminatedQuote))
    #expect(queryError("a \"b") == QueryError(position: 2, kind: .unterminatedQuote))
    #expect(queryError("tag:\"slow") == QueryError(position: 4, kind: .unterminatedQuote))
    #expect(queryError(#""a\""#) == QueryError(position: 0, kind: .unterminatedQuote))
}

@Test func operatorWithNothingAfterItIsDangling() {
    let error = queryError("a AND")
    #expect(error == QueryError(position: 2, kind: .danglingOperator("AND")))
    #expect(error?.message == "expected a term or '(' after AND")
    #expect(queryError("a OR") == QueryError(position: 2, kind: .danglingOperator("OR")))
    #expect(queryError("(a OR)") == QueryError(position: 3, kind: .danglingOperator("OR")))
    #expect(queryError("NOT") == QueryError(position: 0, kind: .danglingOperator("NOT")))
    #expect(queryError("a -") == QueryError(position: 2, kind: .danglingOperator("-")))
    #expect(queryError("a - b") == QueryError(position: 2, kind: .danglingOperator("-")))
    #expect(queryError("(a -)") == QueryError(position: 3, kind: .danglingOperator("-")))
}

@Test func operatorWithNothingBeforeItIsAnError() {
    let error = queryError("OR a")
    #expect(error == QueryError(position: 0, kind: .missingOperand(before: "OR")))
    #expect(error?.message == "expected a term or '(' before OR")
    #expect(queryError("(AND a)") == QueryError(position: 1, kind: .missingOperand(before: "AND")))
}

@Test func twoOperatorsInARowAreUnexpected() {
    let error = queryError("a OR OR b")
    #expect(error == QueryError(position: 5, kind: .unexpectedToken(found: "OR", expected: "a term or '(' after OR")))
    #expect(error?.message == "unexpected OR: expected a term or '(' after OR")
    #expect(queryError("a AND OR b")?.position == 6)
    #expect(queryError("-AND")?.position == 1)
}

@Test func unbalancedParenthesesPointAtTheLoneOne() {
    #expect(queryError("(a b") == QueryError(position: 0, kind: .unbalancedParenthesis("(")))
    #expect(queryError("x ((a) b") == QueryError(position: 2, kind: .unbalancedParenthesis("(")))
    #expect(queryError("(") == QueryError(position: 0, kind: .unbalancedParenthesis("(")))
    #expect(queryError("a)") == QueryError(position: 1, kind: .unbalancedParenthesis(")")))
    #expect(queryError(") a") == QueryError(position: 0, kind: .unbalancedParenthesis(")")))
}

@Test func emptyParenthesesAndQuotesAreErrors() {
    #expect(queryError("a ()") == QueryError(position: 2, kind: .emptyGroup))
    #expect(queryError("a \"  \"") == QueryError(position: 2, kind: .emptyQuotes))
}

@Test func strayStarOrTildeIsUnexpected() {
    #expect(queryError("a *")?.position == 2)
    #expect(queryError("dron**")?.position == 5)
    #expect(queryError("lake~3")?.position == 4)
    #expect(queryError("\"lake ice\"*")?.position == 10)
}

@Test func invalidFieldValueListsTheAcceptedValues() {
    let error = queryError("type:banana")
    #expect(error == QueryError(position: 5, kind: .invalidValue(
        field: "type", value: "banana", expected: ["photo", "illustration", "vector", "video", "template", "3d", "image"])))
    #expect(error?.message == "'banana' is not a valid type; expected one of photo, illustration, vector, video, template, 3d, image")
    #expect(queryError("a orientation:Sideways")?.position == 14)
    #expect(queryError("premium:maybe")?.position == 8)
    #expect(queryError("type:")?.kind == .invalidValue(field: "type", value: "", expected: [
        "photo", "illustration", "vector", "video", "template", "3d", "image"]))
    #expect(queryError("tag: drone")?.position == 4)
}

@Test func invalidRangeIsAnInvalidValue() {
    let error = queryError("width:>=abc")
    #expect(error?.position == 6)
    guard case let .invalidValue(field, value, _)? = error?.kind else { Issue.record("\(String(describing: error))"); return }
    #expect(field == "width" && value == ">=abc")
    #expect(queryError("duration:12..3")?.position == 9)
    #expect(queryError("mp:..")?.position == 3)
}

@Test func unknownFieldListsTheKnownFields() {
    let error = queryError("lake foo:bar")
    #expect(error?.position == 5)
    guard case let .unknownField(name, known)? = error?.kind else { Issue.record("\(String(describing: error))"); return }
    #expect(name == "foo")
    #expect(known.contains("type") && known.contains("license_type") && known.contains("4k") && known.count == 19)
    #expect(error?.message.hasPrefix("unknown field 'foo'; known fields: type, orientation,") == true)
    #expect(queryError("тип:видео")?.kind == .unknownField(name: "тип", known: known))
}

// MARK: Caret diagram

@Test func caretDiagramPointsAtTheOffendingCharacter() {
    let error = QueryError(position: 2, kind: .danglingOperator("AND"))
    #expect(error.caretDiagram(for: "a AND") == "a AND\n  ^")
    #expect(queryError("\"a b\"~")!.caretDiagram(for: "\"a b\"~") == "\"a b\"~\n     ^")
}

@Test func caretDiagramAtTheEndGoesAfterTheLastCharacter() {
    #expect(QueryError(position: 3, kind: .emptyGroup).caretDiagram(for: "abc") == "abc\n   ^")
}

@Test func caretDiagramCountsWideCharactersAsTwoColumns() {
    let query = "東京 AND"
    #expect(queryError(query)!.caretDiagram(for: query) == "東京 AND\n     ^")
    let emoji = "🏔 x)"
    #expect(queryError(emoji)!.caretDiagram(for: emoji) == "🏔 x)\n    ^")
}

@Test func caretDiagramCountsCyrillicAndKazakhAsOneColumn() {
    let query = "қала город OR"
    #expect(queryError(query)!.caretDiagram(for: query) == "қала город OR\n           ^")
}

@Test func caretDiagramDrawsTabsAndNewlinesAsSpaces() {
    #expect(QueryError(position: 2, kind: .emptyGroup).caretDiagram(for: "a\t(\n)") == "a ( )\n  ^")
}
