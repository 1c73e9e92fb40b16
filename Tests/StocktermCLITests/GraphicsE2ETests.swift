import Foundation
import Testing

/// Pictures through a graphics protocol, end to end: the built binary on a pseudo-terminal that
/// answers the start-up questions as kitty, a sixel terminal or a terminal that answers nothing
/// would, and the bytes it then writes: the picture sent and placed once, taken down while the
/// help overlay covers it and placed again (not sent again) when the overlay closes, everything
/// deleted on quitting; sixels sized to the cells; half blocks when nothing was answered.
///
/// Each run starts with an empty cache, so the demo catalog's index is built before the screen
/// starts: longer than the probe's one-second wait, which must still read the answers that came
/// meanwhile (they are asked for before the catalog opens).
struct GraphicsE2ETests {
    static let deviceAttributesQuestion = "\u{1B}[c"
    static let kittyAnswer = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;20;10t\u{1B}[?62;22c"
    static let sixelAnswer = "\u{1B}[6;20;10t\u{1B}[?62;4;22c"

    static func hasFirstPage(_ text: String) -> Bool {
        text.range(of: #"\d+–\d+ of [\d,]+"#, options: .regularExpression) != nil
    }

    /// The control data of every kitty graphics command in `text` ("a=p,i=1,…"), payloads left out.
    static func kittyCommands(_ text: String) -> [String] {
        text.components(separatedBy: "\u{1B}_G").dropFirst().map { part in
            let body = part.components(separatedBy: "\u{1B}\\")[0]
            return body.components(separatedBy: ";")[0]
        }
    }

    @Test func aKittyTerminalGetsThePictureOnceAndPlacedAgainAfterAnOverlay() async throws {
        let terminal = try FakeTerminal(answers: [(Self.deviceAttributesQuestion, Self.kittyAnswer)])
        defer { terminal.stop() }
        await terminal.waitFor("the first page") { Self.hasFirstPage($0) }
        terminal.send("\r")
        let placed = await terminal.waitFor("the picture placed") { Self.kittyCommands($0).contains { $0.hasPrefix("a=p,") } }
        let commands = Self.kittyCommands(placed)
        let transmits = commands.filter { $0.hasPrefix("a=t,") }
        #expect(transmits.count == 1)
        #expect(transmits.first?.contains("f=100") == true)
        let placement = try #require(commands.first { $0.hasPrefix("a=p,") })
        #expect(placement.contains("C=1") && placement.contains("q=2"))

        // The PNG sent: its chunks joined and decoded; no larger than the cells in pixels.
        let payload = placed.components(separatedBy: "\u{1B}_G").dropFirst()
            .filter { $0.hasPrefix("a=t,") || $0.hasPrefix("m=") }
            .map { $0.components(separatedBy: "\u{1B}\\")[0].components(separatedBy: ";").dropFirst().joined() }
            .joined()
        let png = try #require(Data(base64Encoded: payload))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = png[16 ..< 20].reduce(0) { $0 << 8 | Int($1) }, height = png[20 ..< 24].reduce(0) { $0 << 8 | Int($1) }
        let columns = try #require(Self.value("c", in: placement)), rows = try #require(Self.value("r", in: placement))
        #expect(width > 0 && width <= columns * 10 && height > 0 && height <= rows * 20)
        #expect(width >= columns * 10 - 10 || height >= rows * 20 - 20, "the picture fills its cells in one direction")

        // The help overlay covers it: the placement goes; closing the overlay places it again.
        var mark = terminal.bytes.count
        terminal.send("?")
        await terminal.waitFor("the placement deleted") { _ in Self.kittyCommands(terminal.text(from: mark)).contains { $0.hasPrefix("a=d,d=i,") } }
        mark = terminal.bytes.count
        terminal.send("\u{1B}")   // Esc closes the help
        await terminal.waitFor("the picture placed again") { _ in Self.kittyCommands(terminal.text(from: mark)).contains { $0.hasPrefix("a=p,") } }
        #expect(!Self.kittyCommands(terminal.text(from: mark)).contains { $0.hasPrefix("a=t,") }, "placed again, not sent again")

        // Back to the list, then quit: the placement goes, then every picture is freed.
        mark = terminal.bytes.count
        terminal.send("q")
        await terminal.waitFor("the placement deleted on leaving the detail") { _ in
            Self.kittyCommands(terminal.text(from: mark)).contains { $0.hasPrefix("a=d,d=i,") }
        }
        mark = terminal.bytes.count
        terminal.send("q")
        #expect(await terminal.waitForExit() == 0)
        #expect(Self.kittyCommands(terminal.text(from: mark)).contains("a=d,d=A,q=2"))
    }

    @Test func aSixelTerminalGetsAPictureSizedToItsCells() async throws {
        let terminal = try FakeTerminal(answers: [(Self.deviceAttributesQuestion, Self.sixelAnswer)])
        defer { terminal.stop() }
        await terminal.waitFor("the first page") { Self.hasFirstPage($0) }
        terminal.send("\r")
        let drawn = await terminal.waitFor("a sixel image") { $0.contains("\u{1B}P0;1;0q") }
        let header = try #require(drawn.components(separatedBy: "\u{1B}P0;1;0q").last?.components(separatedBy: "#").first)
        let fields = header.dropFirst(1).split(separator: ";").compactMap { Int($0) }   // "1;1;W;H
        try #require(fields.count == 4)
        #expect(fields[0] == 1 && fields[1] == 1)
        #expect(fields[2] % 10 == 0 && fields[2] >= 100 && fields[2] <= 600, "whole cells of 10 pixels: \(fields[2])")
        #expect(fields[3] % 6 == 0 && fields[3] > 0 && fields[3] <= 29 * 20, "whole sixel bands: \(fields[3])")
        #expect(!drawn.contains("\u{1B}_Ga=t"), "no kitty commands for a sixel terminal")

        // Half blocks for what the help overlay leaves of it, then drawn whole again when it closes.
        var mark = terminal.bytes.count
        terminal.send("?")
        await terminal.waitFor("the help over the picture") { _ in terminal.text(from: mark).contains("▀") }
        mark = terminal.bytes.count
        terminal.send("\u{1B}")
        await terminal.waitFor("the sixel drawn again") { _ in terminal.text(from: mark).contains("\u{1B}P0;1;0q") }
        terminal.send("q")
        terminal.send("q")
        #expect(await terminal.waitForExit() == 0)
    }

    @Test func aTerminalThatAnswersNothingGetsHalfBlocks() async throws {
        let terminal = try FakeTerminal(answers: [])
        defer { terminal.stop() }
        await terminal.waitFor("the first page") { Self.hasFirstPage($0) }
        terminal.send("\r")
        let shown = await terminal.waitFor("half blocks") { $0.contains("▀") && $0.contains("48;5;") }
        #expect(!shown.contains("\u{1B}P0;1;0q"))
        #expect(Self.kittyCommands(shown).allSatisfy { $0.hasPrefix("i=31,") }, "only the question: \(Self.kittyCommands(shown))")
        terminal.send("q")
        terminal.send("q")
        #expect(await terminal.waitForExit() == 0)
    }

    @Test func halfBlocksWhenAskedEvenOnAKittyTerminal() async throws {
        let terminal = try FakeTerminal(answers: [(Self.deviceAttributesQuestion, Self.kittyAnswer)],
                                        environment: ["STOCKTERM_GRAPHICS": "half-blocks"])
        defer { terminal.stop() }
        await terminal.waitFor("the first page") { Self.hasFirstPage($0) }
        terminal.send("\r")
        let shown = await terminal.waitFor("half blocks") { $0.contains("▀") && $0.contains("48;5;") }
        #expect(Self.kittyCommands(shown).isEmpty, "not even asked")
        terminal.send("q")
        terminal.send("q")
        #expect(await terminal.waitForExit() == 0)
    }

    /// The number after `key=` in kitty control data.
    static func value(_ key: String, in control: String) -> Int? {
        control.split(separator: ",").first { $0.hasPrefix(key + "=") }.flatMap { Int($0.dropFirst(key.count + 1)) }
    }
}
