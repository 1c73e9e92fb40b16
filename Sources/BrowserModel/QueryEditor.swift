/// One editing key in the search bar.
public enum QueryEdit: Hashable, Sendable {
    /// Typed or pasted text, inserted at the cursor (any UTF-8: Cyrillic, Kazakh, CJK, emoji).
    case insert(String)
    /// Cursor one `Character` left.
    case left
    /// Cursor one `Character` right.
    case right
    /// Cursor to the start.
    case home
    /// Cursor to the end.
    case end
    /// Delete the `Character` before the cursor.
    case backspace
    /// Delete the `Character` under the cursor.
    case delete
    /// ctrl-w: delete the word before the cursor, with the white space after it.
    case deleteWordBackward
    /// ctrl-u: delete from the start to the cursor.
    case deleteToStart
    /// Replace the whole text and put the cursor at its end (history, `--query`).
    case replace(String)
}

/// The search bar's text and cursor. The text is a list of `Character`s (grapheme clusters), so
/// the cursor never lands inside an emoji or between a letter and its combining mark.
///
/// ```swift
/// var editor = QueryEditor("Алматы тау")
/// editor.apply(.deleteWordBackward)   // "Алматы ", cursor 7
/// editor.apply(.insert("🏔"))         // "Алматы 🏔", cursor 8
/// ```
public struct QueryEditor: Hashable, Sendable {
    /// The text, one element per `Character`.
    public private(set) var characters: [Character]
    /// 0 ... characters.count: the cursor stands before `characters[cursor]`.
    public private(set) var cursor: Int

    /// The text with the cursor at its end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text with the cursor at `cursor` (clamped to the text).
    public init(_ text: String, cursor: Int) {
        characters = Array(text)
        self.cursor = min(max(cursor, 0), characters.count)
    }

    /// The text as a `String`.
    public var text: String { String(characters) }

    /// Applies one edit. Returns true when the text changed (a cursor move returns false).
    @discardableResult
    public mutating func apply(_ edit: QueryEdit) -> Bool {
        switch edit {
        case .insert(let string):
            let inserted = Array(string)
            guard !inserted.isEmpty else { return false }
            // Inserting may merge with a neighbour (a combining mark after a letter), so rebuild
            // the clusters from the string and place the cursor by the new suffix length.
            let suffixCount = characters.count - cursor
            characters = Array(String(characters[..<cursor]) + string + String(characters[cursor...]))
            cursor = max(0, characters.count - suffixCount)
            return true
        case .left:
            cursor = max(0, cursor - 1); return false
        case .right:
            cursor = min(characters.count, cursor + 1); return false
        case .home:
            cursor = 0; return false
        case .end:
            cursor = characters.count; return false
        case .backspace:
            guard cursor > 0 else { return false }
            characters.remove(at: cursor - 1); cursor -= 1; return true
        case .delete:
            guard cursor < characters.count else { return false }
            characters.remove(at: cursor); return true
        case .deleteWordBackward:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            guard start < cursor else { return false }
            characters.removeSubrange(start..<cursor); cursor = start; return true
        case .deleteToStart:
            guard cursor > 0 else { return false }
            characters.removeSubrange(0..<cursor); cursor = 0; return true
        case .replace(let string):
            let new = Array(string)
            let changed = new != characters
            characters = new; cursor = new.count
            return changed
        }
    }
}
