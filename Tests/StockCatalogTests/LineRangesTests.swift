import Foundation
import Testing
@testable import StockCatalog

/// Splitting a catalog file into lines: numbers count every line, blank ones are skipped,
/// CR and surrounding blanks trimmed, a byte order mark on the first line ignored.
@Suite struct LineRangesTests {
    func lines(_ text: String) -> [(Int, String)] {
        let data = Data(text.utf8)
        return CatalogSourceReader.lineRanges(in: data).map { ($0.0, String(decoding: data[$0.1], as: UTF8.self)) }
    }

    @Test func numbersEveryLineAndSkipsBlankOnes() {
        let got = lines("\u{FEFF}{\"a\":1}\r\n\n  \n  {\"b\":2}  \n{\"c\":3}")
        #expect(got.map(\.0) == [1, 4, 5])
        #expect(got.map(\.1) == ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
    }

    @Test func emptyAndNewlineOnlyFilesHaveNoLines() {
        #expect(lines("").isEmpty)
        #expect(lines("\n\n\n").isEmpty)
    }
}
