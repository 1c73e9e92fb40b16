import BrowserModel
import Testing

@Suite struct QueryEditorTests {
    @Test func insertCyrillicPlacesTheCursorAfterIt() {
        var editor = QueryEditor()
        do { let changed = editor.apply(.insert("Байкал")); #expect(changed) }
        #expect(editor.text == "Байкал")
        #expect(editor.cursor == 6)
        #expect(editor.characters.count == 6)
    }

    @Test func cursorMovesByCharacterOverEmojiAndKazakh() {
        var editor = QueryEditor("ақ 👨‍👩‍👧 қала")
        #expect(editor.characters.count == 9)
        editor.apply(.home)
        editor.apply(.right); editor.apply(.right); editor.apply(.right)
        #expect(editor.cursor == 3)
        editor.apply(.right)   // over the whole family emoji in one step
        #expect(editor.cursor == 4)
        do { let changed = editor.apply(.left); #expect(!changed) }
        #expect(editor.cursor == 3)
        editor.apply(.delete)  // deletes the emoji as one Character
        #expect(editor.text == "ақ  қала")
        #expect(editor.cursor == 3)
    }

    @Test func leftAtStartAndRightAtEndStayPut() {
        var editor = QueryEditor("ёж", cursor: 0)
        editor.apply(.left)
        #expect(editor.cursor == 0)
        editor.apply(.end); editor.apply(.right)
        #expect(editor.cursor == 2)
        do { let changed = editor.apply(.delete); #expect(!changed) }
        #expect(editor.text == "ёж")
    }

    @Test func backspaceRemovesOneEmojiWithModifier() {
        var editor = QueryEditor("lake 👍🏽")
        do { let changed = editor.apply(.backspace); #expect(changed) }
        #expect(editor.text == "lake ")
        #expect(editor.cursor == 5)
    }

    @Test func insertInTheMiddleOfCJK() {
        var editor = QueryEditor("東京", cursor: 1)
        editor.apply(.insert("の夜"))
        #expect(editor.text == "東の夜京")
        #expect(editor.cursor == 3)
    }

    @Test func combiningMarkJoinsTheLetterBeforeTheCursor() {
        var editor = QueryEditor("e")
        editor.apply(.insert("\u{301}"))
        #expect(editor.characters == ["é"])
        #expect(editor.cursor == 1)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursorAndItsTrailingSpace() {
        var editor = QueryEditor("Алматы тау  ")
        do { let changed = editor.apply(.deleteWordBackward); #expect(changed) }
        #expect(editor.text == "Алматы ")
        #expect(editor.cursor == 7)
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "")
        do { let changed = editor.apply(.deleteWordBackward); #expect(!changed) }
    }

    @Test func ctrlWInTheMiddleKeepsTheRest() {
        var editor = QueryEditor("көл 🏔 тау", cursor: 5)   // after the mountain emoji
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "көл  тау")
        #expect(editor.cursor == 4)
    }

    @Test func ctrlUDeletesToTheStart() {
        var editor = QueryEditor("озеро Байкал", cursor: 6)
        do { let changed = editor.apply(.deleteToStart); #expect(changed) }
        #expect(editor.text == "Байкал")
        #expect(editor.cursor == 0)
        do { let changed = editor.apply(.deleteToStart); #expect(!changed) }
    }

    @Test func replaceSetsTheTextAndCursorAtTheEnd() {
        var editor = QueryEditor("a")
        do { let changed = editor.apply(.replace("жол")); #expect(changed) }
        #expect(editor.cursor == 3)
        do { let changed = editor.apply(.replace("жол")); #expect(!changed) }
    }
}
