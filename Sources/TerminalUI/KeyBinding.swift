import BrowserModel
import StockCore

/// Where a key is read: the pane with focus, or an overlay above them.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case searchBar, filters, results, detail, help, sortPicker, providerPicker
    /// The licensing flow (choosing, confirming, done) and its reference form (typing edits a field).
    case purchase, purchaseForm
    /// The purchase history.
    case history

    /// The context the state puts keys in: an overlay first, then the detail, then the focused pane.
    public init(_ state: BrowserState) {
        if state.showsHelp { self = .help }
        else if state.showsSortPicker { self = .sortPicker }
        else if state.showsProviderPicker { self = .providerPicker }
        else if let flow = state.purchase { self = flow.step == .references ? .purchaseForm : .purchase }
        else if state.history != nil { self = .history }
        else if state.detail != nil { self = .detail }
        else {
            switch state.focus {
            case .searchBar: self = .searchBar
            case .filters: self = .filters
            case .results: self = .results
            }
        }
    }
}

/// One binding: the keys, the action they send, and the words the help overlay shows. Bindings
/// are data (lazygit's way): the key map, the help overlay and the status-line hints are all
/// read from `KeyBinding.all`, so they cannot drift apart.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var contexts: Set<KeyContext>
    public var action: BrowserAction
    /// For the help overlay: "move down".
    public var help: String
    /// Shown in the status line when set: "open".
    public var hint: String?

    public init(_ keys: [Key], in contexts: Set<KeyContext>, _ action: BrowserAction, help: String, hint: String? = nil) {
        self.keys = keys; self.contexts = contexts; self.action = action; self.help = help; self.hint = hint
    }
}

extension KeyBinding {
    static let lists: Set<KeyContext> = [.results, .filters, .detail]
    static let panes: Set<KeyContext> = [.results, .filters]

    /// Every binding of the browser.
    public static let all: [KeyBinding] = [
        KeyBinding([.down, .character("j")], in: [.results], .moveSelection(1), help: "next result"),
        KeyBinding([.up, .character("k")], in: [.results], .moveSelection(-1), help: "previous result"),
        KeyBinding([.pageDown, .control("d")], in: [.results], .pageDown, help: "page down"),
        KeyBinding([.pageUp, .control("u")], in: [.results], .pageUp, help: "page up"),
        KeyBinding([.home, .character("g")], in: [.results], .home, help: "first result"),
        KeyBinding([.end, .character("G")], in: [.results], .end, help: "last result"),
        KeyBinding([.enter], in: [.results], .openDetail, help: "open the selected asset", hint: "open"),
        KeyBinding([.down, .character("j")], in: [.detail], .moveSelection(1), help: "scroll down"),
        KeyBinding([.up, .character("k")], in: [.detail], .moveSelection(-1), help: "scroll up"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], in: [.detail], .pageDown, help: "scroll a page down"),
        KeyBinding([.pageUp, .control("u")], in: [.detail], .pageUp, help: "scroll a page up"),
        KeyBinding([.home, .character("g")], in: [.detail], .home, help: "top"),
        KeyBinding([.end, .character("G")], in: [.detail], .end, help: "bottom"),
        KeyBinding([.down, .character("j")], in: [.sortPicker], .moveSortCursor(1), help: "next order"),
        KeyBinding([.up, .character("k")], in: [.sortPicker], .moveSortCursor(-1), help: "previous order"),
        KeyBinding([.enter], in: [.sortPicker], .chooseSortAtCursor, help: "sort by this", hint: "choose"),
        KeyBinding([.down, .character("j")], in: [.providerPicker], .moveProviderCursor(1), help: "next provider"),
        KeyBinding([.up, .character("k")], in: [.providerPicker], .moveProviderCursor(-1), help: "previous provider"),
        KeyBinding([.enter], in: [.providerPicker], .chooseProviderAtCursor, help: "switch to this provider", hint: "switch"),
        KeyBinding([.down, .character("j")], in: [.filters], .moveFilterCursor(1), help: "next filter"),
        KeyBinding([.up, .character("k")], in: [.filters], .moveFilterCursor(-1), help: "previous filter"),
        KeyBinding([.character(" ")], in: [.filters], .toggleFilterAtCursor, help: "toggle the filter", hint: "toggle"),
        KeyBinding([.character("/")], in: panes, .focus(.searchBar), help: "search", hint: "search"),
        KeyBinding([.tab], in: [.searchBar, .filters, .results], .cycleFocus, help: "next pane", hint: "pane"),
        KeyBinding([.enter], in: [.searchBar], .submitQuery, help: "search now and go to the results", hint: "search"),
        KeyBinding([.down], in: [.searchBar], .focus(.results), help: "go to the results"),
        KeyBinding([.left], in: [.searchBar], .queryEdit(.left), help: "cursor left"),
        KeyBinding([.right], in: [.searchBar], .queryEdit(.right), help: "cursor right"),
        KeyBinding([.home, .control("a")], in: [.searchBar], .queryEdit(.home), help: "cursor to the start"),
        KeyBinding([.end, .control("e")], in: [.searchBar], .queryEdit(.end), help: "cursor to the end"),
        KeyBinding([.backspace], in: [.searchBar], .queryEdit(.backspace), help: "delete before the cursor"),
        KeyBinding([.delete], in: [.searchBar], .queryEdit(.delete), help: "delete under the cursor"),
        KeyBinding([.control("w")], in: [.searchBar], .queryEdit(.deleteWordBackward), help: "delete the word before"),
        KeyBinding([.control("u")], in: [.searchBar], .queryEdit(.deleteToStart), help: "delete to the start"),
        KeyBinding([.character("s")], in: panes, .toggleSortPicker, help: "sort", hint: "sort"),
        KeyBinding([.character("e")], in: panes, .toggleSynonyms, help: "exact words (no synonyms)"),
        KeyBinding([.character("p")], in: panes, .toggleProviderPicker, help: "switch provider"),
        KeyBinding([.character("i")], in: [.results, .filters], .togglePreview, help: "picture of the selection"),
        KeyBinding([.character("?")], in: lists, .toggleHelp, help: "help", hint: "help"),
        KeyBinding([.character("r")], in: lists, .retry, help: "retry after an error"),
        KeyBinding([.escape], in: [.searchBar, .detail, .help, .sortPicker, .providerPicker], .back, help: "back", hint: "back"),
        KeyBinding([.character("l")], in: [.detail], .purchase(.begin), help: "license this asset", hint: "license"),
        KeyBinding([.character("d")], in: [.detail], .purchase(.download), help: "download the licensed file", hint: "download"),
        KeyBinding([.character("L")], in: [.results, .filters, .detail], .purchase(.toggleHistory), help: "purchase history"),
        KeyBinding([.down, .character("j")], in: [.purchase], .purchase(.moveCursor(1)), help: "next line"),
        KeyBinding([.up, .character("k")], in: [.purchase], .purchase(.moveCursor(-1)), help: "previous line"),
        KeyBinding([.right, .tab], in: [.purchase], .purchase(.moveCursor(1)), help: "the License button (confirmation)"),
        KeyBinding([.left], in: [.purchase], .purchase(.moveCursor(-1)), help: "the Cancel button (confirmation)"),
        KeyBinding([.character(" ")], in: [.purchase], .purchase(.toggleAtCursor), help: "choose the size or toggle the license", hint: "choose"),
        KeyBinding([.enter], in: [.purchase], .purchase(.next), help: "continue, or press the focused button", hint: "continue"),
        KeyBinding([.character("y")], in: [.purchase], .purchase(.confirm), help: "license now (confirmation screen)"),
        KeyBinding([.character("d")], in: [.purchase], .purchase(.download), help: "download the product (when licensed)"),
        KeyBinding([.down, .tab], in: [.purchaseForm], .purchase(.moveCursor(1)), help: "next field"),
        KeyBinding([.up], in: [.purchaseForm], .purchase(.moveCursor(-1)), help: "previous field"),
        KeyBinding([.enter], in: [.purchaseForm], .purchase(.next), help: "next field, then the confirmation", hint: "continue"),
        KeyBinding([.left], in: [.purchaseForm], .purchase(.editReference(.left)), help: "cursor left"),
        KeyBinding([.right], in: [.purchaseForm], .purchase(.editReference(.right)), help: "cursor right"),
        KeyBinding([.home, .control("a")], in: [.purchaseForm], .purchase(.editReference(.home)), help: "cursor to the start"),
        KeyBinding([.end, .control("e")], in: [.purchaseForm], .purchase(.editReference(.end)), help: "cursor to the end"),
        KeyBinding([.backspace], in: [.purchaseForm], .purchase(.editReference(.backspace)), help: "delete before the cursor"),
        KeyBinding([.delete], in: [.purchaseForm], .purchase(.editReference(.delete)), help: "delete under the cursor"),
        KeyBinding([.control("w")], in: [.purchaseForm], .purchase(.editReference(.deleteWordBackward)), help: "delete the word before"),
        KeyBinding([.control("u")], in: [.purchaseForm], .purchase(.editReference(.deleteToStart)), help: "delete to the start"),
        KeyBinding([.down, .character("j")], in: [.history], .purchase(.moveHistoryCursor(1)), help: "next purchase"),
        KeyBinding([.up, .character("k")], in: [.history], .purchase(.moveHistoryCursor(-1)), help: "previous purchase"),
        KeyBinding([.enter, .character("d")], in: [.history], .purchase(.downloadFromHistory), help: "download the purchase", hint: "download"),
        KeyBinding([.tab], in: [.history], .purchase(.switchHistorySource), help: "the ledger or the service's license history", hint: "ledger/service"),
        KeyBinding([.escape], in: [.purchase, .purchaseForm, .history], .back, help: "cancel and close", hint: "cancel"),
        KeyBinding([.character("q"), .character("L")], in: [.history], .back, help: "close"),
        KeyBinding([.character("q")], in: [.purchase], .back, help: "cancel and close"),
        KeyBinding([.character("?")], in: [.purchase, .history], .toggleHelp, help: "help"),
        KeyBinding([.character("q"), .character("s")], in: [.sortPicker], .back, help: "close"),
        KeyBinding([.character("q"), .character("p")], in: [.providerPicker], .back, help: "close"),
        KeyBinding([.character("q")], in: [.detail, .help], .back, help: "back"),
        KeyBinding([.character("q")], in: panes, .quitRequested, help: "quit", hint: "quit"),
    ]

    /// The action a key sends in a context, if any binding has it.
    public static func action(for key: Key, in context: KeyContext) -> BrowserAction? {
        all.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// The action a key sends in the state's context: a binding, or, in the search bar, the
    /// character typed (any Unicode text).
    public static func action(for key: Key, in state: BrowserState) -> BrowserAction? {
        let context = KeyContext(state)
        if let bound = action(for: key, in: context) { return bound }
        if context == .searchBar, case .character(let character) = key { return .queryEdit(.insert(String(character))) }
        if context == .purchaseForm, case .character(let character) = key {
            return .purchase(.editReference(.insert(String(character))))
        }
        return nil
    }

    /// Status-line hints for a context: `/ search  s sort  ? help  q quit`.
    public static func hints(in context: KeyContext) -> String {
        all.filter { $0.contexts.contains(context) && $0.hint != nil }
            .map { "\($0.keys[0].label) \($0.hint!)" }
            .joined(separator: "  ")
    }

    /// The help overlay's lines for a context: keys, padded, then what they do.
    public static func helpLines(in context: KeyContext) -> [String] {
        let rows = all.filter { $0.contexts.contains(context) }.map { ($0.keys.map(\.label).joined(separator: ", "), $0.help) }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        return rows.map { DisplayWidth.pad($0.0, toWidth: width) + "  " + $0.1 }
    }
}
