import Testing
@testable import TerminalUI

/// Compares a screen with its expected lines; on a difference, records the actual screen as a
/// literal so that an intended change is easy to review and paste.
func expectSnapshot(_ grid: Grid, _ expected: [String], _ name: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = grid.lines
    #expect(lines == expected, "\(name):\n\(ViewFixture.literal(lines))", sourceLocation: sourceLocation)
    if lines != expected { print("SNAPSHOT \(name)\n\(ViewFixture.literal(lines))\nEND") }
}
