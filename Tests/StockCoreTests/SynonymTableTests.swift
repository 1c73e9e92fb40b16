import Foundation
import Testing
import StockCore

private let tsv = """
# Interchangeable terms, one group a line.
car\tautomobile\tмашина\tкөлік
City\tГород\tҚала

  # an indented comment
motor vehicle\tcar
c#\tcsharp
"""

@Test func synonymsAreTheOtherMembersOfTheGroup() {
    let table = SynonymTable(tsv: tsv)
    #expect(table.synonyms(of: "city") == ["город", "қала"])
    #expect(table.synonyms(of: "қала") == ["city", "город"])
}

@Test func synonymLookupIsCaseInsensitive() {
    let table = SynonymTable(tsv: tsv)
    #expect(table.synonyms(of: "ГОРОД") == ["city", "қала"])
    #expect(table.synonyms(of: "КӨЛІК") == ["car", "automobile", "машина"])
}

@Test func termInSeveralGroupsGetsAllTheirMembersInFileOrder() {
    let table = SynonymTable(tsv: tsv)
    #expect(table.synonyms(of: "car") == ["automobile", "машина", "көлік", "motor vehicle"])
    #expect(table.synonyms(of: "automobile") == ["car", "машина", "көлік"])
}

@Test func unknownTermHasNoSynonyms() {
    #expect(SynonymTable(tsv: tsv).synonyms(of: "lake").isEmpty)
    #expect(SynonymTable(tsv: "").synonyms(of: "car").isEmpty)
}

@Test func commentLinesAndBlankLinesAreSkippedButHashInsideATermIsKept() {
    let table = SynonymTable(tsv: tsv)
    #expect(table.groups.count == 4)
    #expect(table.synonyms(of: "c#") == ["csharp"])
    #expect(table.synonyms(of: "# an indented comment").isEmpty)
}

@Test func multiWordMembersExpandToWordLists() {
    let table = SynonymTable(tsv: tsv)
    #expect(table.expansions(of: "car") == [["automobile"], ["машина"], ["көлік"], ["motor", "vehicle"]])
    #expect(table.synonyms(of: "Motor   Vehicle") == ["car"])
}

@Test func membersAreTrimmedAndRepeatsAndEmptyFieldsDropped() {
    let table = SynonymTable(tsv: " lake \t\tозеро\tLake\tкөл \r\nsolo\n")
    #expect(table.groups == [["lake", "озеро", "көл"]])
    #expect(table.synonyms(of: "көл") == ["lake", "озеро"])
}

@Test func tableLoadsFromAFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("synonyms-\(UUID().uuidString).tsv")
    try tsv.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try SynonymTable(contentsOf: url).synonyms(of: "машина") == ["car", "automobile", "көлік"])
}
