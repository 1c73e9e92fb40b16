import Testing
import StockCore

/// Text from services is printed on a terminal: nothing in it may act on the terminal.
@Suite struct SafeTextTests {
    @Test func printableTextInAnyScriptIsUntouched() {
        for text in ["Aerial view of Baikal", "Ночная Москва", "Алматы таулары күн батқанда", "東京 😀 🇰🇿", "é", ""] {
            #expect(SafeText.sanitize(text) == text)
        }
    }

    @Test func csiSequencesAreRemovedWhole() {
        #expect(SafeText.sanitize("\u{1B}[1;31mred\u{1B}[0m") == "red")
        #expect(SafeText.sanitize("a\u{1B}[2J\u{1B}[H b") == "a b")
        #expect(SafeText.sanitize("\u{1B}[?1049hscreen\u{1B}[?1049l") == "screen")
        #expect(SafeText.sanitize("x\u{1B}[38;2;255;0;0my") == "xy")
    }

    @Test func eightBitCSIIsRemovedToo() {
        #expect(SafeText.sanitize("\u{9B}31mred\u{9B}0m") == "red")
    }

    @Test func oscEndsAtBellOrStringTerminator() {
        #expect(SafeText.sanitize("\u{1B}]0;pwned\u{07}ok") == "ok")
        #expect(SafeText.sanitize("\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "link")
        #expect(SafeText.sanitize("\u{9D}2;title\u{9C}after") == "after")
    }

    @Test func dcsApcPmAndSosStringsAreRemoved() {
        #expect(SafeText.sanitize("\u{1B}Pq#0;2;0;0;0#0~~\u{1B}\\after") == "after")
        #expect(SafeText.sanitize("\u{1B}_Gf=100;AAAA\u{1B}\\x") == "x")
        #expect(SafeText.sanitize("\u{1B}^private\u{1B}\\y") == "y")
        #expect(SafeText.sanitize("\u{1B}Xstart of string\u{1B}\\z") == "z")
        #expect(SafeText.sanitize("\u{90}1$r\u{9C}w") == "w")
    }

    @Test func anUnterminatedStringSwallowsTheRest() {
        #expect(SafeText.sanitize("ok\u{1B}]0;never ends") == "ok")
        #expect(SafeText.sanitize("ok\u{1B}") == "ok")
    }

    @Test func shortEscapesAreRemoved() {
        #expect(SafeText.sanitize("\u{1B}7save\u{1B}8") == "save")
        #expect(SafeText.sanitize("\u{1B}(Bascii") == "ascii")
        #expect(SafeText.sanitize("\u{1B}creset") == "reset")
    }

    @Test func malformedSequencesKeepTheLettersAfterThem() {
        #expect(SafeText.sanitize("\u{1B}[31Жук") == "Жук")
        #expect(SafeText.sanitize("\u{1B}\u{1B}[0mx") == "x")
    }

    @Test func tabsAndNewlinesBecomeSpacesOtherControlsGo() {
        #expect(SafeText.sanitize("a\tb\nc") == "a b c")
        #expect(SafeText.sanitize("\u{07}bell\u{08}back\r\u{0}") == "bellback")
        #expect(SafeText.sanitize("a\u{7F}b\u{85}c\u{9C}d") == "abcd")
    }

    @Test func bidiOverridesAndIsolatesAreRemoved() {
        #expect(SafeText.sanitize("abc\u{202E}fed\u{202C}") == "abcfed")
        #expect(SafeText.sanitize("\u{202A}\u{202B}\u{202D}x\u{2066}\u{2067}\u{2068}y\u{2069}") == "xy")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect(SafeText.sanitize(bytes: [0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
        #expect(SafeText.sanitize(bytes: [0xD2, 0x9B, 0xD0]) == "қ\u{FFFD}")
        #expect(SafeText.sanitize(bytes: Array("\u{1B}[31mқала\u{1B}[0m".utf8)) == "қала")
    }
}

/// Columns on a terminal, per grapheme cluster, without the C library's locale.
@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func cyrillicAndKazakhLettersAreOneColumnEach() {
        #expect(DisplayWidth.of("Москва") == 6)
        #expect(DisplayWidth.of("ӘҒҚҢӨҰҮҺІ әғқңөұүһі") == 19)
        #expect(DisplayWidth.of("Алматы таулары") == 14)
    }

    @Test func cjkFullwidthAndHangulAreTwoColumns() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // conjoining jamo: one syllable
    }

    @Test func combiningMarksAndZeroWidthCharactersTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("и\u{306}") == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{1B}") == 0)
    }

    @Test func emojiAreTwoColumnsAndVS16MakesNarrowOnesWide() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("🏔") == 1)            // text presentation by default
        #expect(DisplayWidth.of("🏔️") == 2)           // with VS16
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)       // ZWJ sequence: one cluster
        #expect(DisplayWidth.of("🇰🇿") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("1️⃣") == 2)
        #expect(DisplayWidth.of("Алматы 東京 😀") == 14)
    }

    @Test func truncateCutsAtTheColumnAndEndsWithAnEllipsis() {
        #expect(DisplayWidth.truncate("Aerial view of Baikal shoreline", toWidth: 10) == "Aerial vi…")
        #expect(DisplayWidth.truncate("short", toWidth: 10) == "short")
        #expect(DisplayWidth.truncate("exactly10!", toWidth: 10) == "exactly10!")
        #expect(DisplayWidth.truncate("Ночная Москва, таймлапс", toWidth: 8) == "Ночная …")
        #expect(DisplayWidth.truncate("anything", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("anything", toWidth: 1) == "…")
    }

    @Test func truncateLeavesOutAWideCharacterThatWouldStraddleTheEdge() {
        #expect(DisplayWidth.truncate("東京タワー", toWidth: 5) == "東京…")
        #expect(DisplayWidth.truncate("東京タワー", toWidth: 6) == "東京…")
        #expect(DisplayWidth.truncate("東京タワー", toWidth: 7) == "東京タ…")
    }

    @Test func truncateNeverSplitsAGraphemeCluster() {
        let accented = String(repeating: "e\u{301}", count: 4)
        let cut = DisplayWidth.truncate(accented, toWidth: 3)
        #expect(cut == "e\u{301}e\u{301}…")
        #expect(cut.unicodeScalars.count == 5)
        let families = String(repeating: "👨‍👩‍👧", count: 3)
        #expect(DisplayWidth.truncate(families, toWidth: 5) == "👨‍👩‍👧👨‍👩‍👧…")
    }

    @Test func anEllipsisWiderThanTheRoomIsLeftOut() {
        #expect(DisplayWidth.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
        #expect(DisplayWidth.truncate("abcdef", toWidth: 4, ellipsis: "...") == "a...")
    }

    @Test func padMakesExactlyTheWidth() {
        #expect(DisplayWidth.pad("東京", toWidth: 6) == "東京  ")
        #expect(DisplayWidth.pad("Aerial view", toWidth: 5) == "Aeri…")
        #expect(DisplayWidth.pad("東京タワー", toWidth: 6) == "東京… ")
        #expect(DisplayWidth.pad("x", toWidth: 0) == "")
        for text in ["Алматы таулары күн батқанда", "東京タワー 😀", "e\u{301}" + "abc", "👨‍👩‍👧🇰🇿 kz"] {
            for width in 1...20 {
                #expect(DisplayWidth.of(DisplayWidth.pad(text, toWidth: width)) == width, "\(text) at \(width)")
            }
        }
    }
}
